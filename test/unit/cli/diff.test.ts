// `trtc-cost diff` on a git repository built in the test: commits that change a resolution, add a room and add
// recording; the differences are checked against hand computation, and the guardrails' exit codes.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';

const LIVE = (profile: string) =>
  `import TRTC from 'trtc-sdk-v5';\nconst trtc = TRTC.create();\nawait trtc.enterRoom({ sdkAppId: 1400000000, userId: 'a', userSig: 's', roomId: 1, scene: ` +
  `'live', role: 'anchor' });\nawait trtc.startLocalVideo({ option: { profile: '${profile}' } });\n`;
const VOICE =
  "import TRTC from 'trtc-sdk-v5';\nconst trtc = TRTC.create();\nawait trtc.enterRoom({ sdkAppId: 1400000000, userId: 'a', userSig: 's', roomId: 2, scene: " +
  "'rtc' });\nawait trtc.startLocalAudio();\n";
const RECORD =
  'from tencentcloud.trtc.v20190722 import models\nreq = models.CreateCloudRecordingRequest()\nreq.RecordParams = ' +
  'models.RecordParams()\nreq.RecordParams.RecordMode = 2\nresp = client.CreateCloudRecording(req)\n';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function diff(cwd: string, ...args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(['diff', ...args], { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd });
  return { code, out, err };
}

describe('trtc-cost diff', function () {
  this.timeout(60_000);
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
  const write = (file: string, text: string) => {
    mkdirSync(join(repo, file, '..'), { recursive: true });
    writeFileSync(join(repo, file), text);
  };
  const commit = (message: string) => {
    git('add', '-A');
    git('commit', '-q', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  let c720: string, c1080: string, cVoice: string, cRecord: string;

  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'trtc-diff-'));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'test');
    write('src/LiveAnchorPage.js', LIVE('720p'));
    c720 = commit('live room at 720p');
    write('src/LiveAnchorPage.js', LIVE('1080p'));
    c1080 = commit('1080p');
    write('src/VoiceCallPage.js', VOICE);
    cVoice = commit('a voice call');
    write('server/record.py', RECORD);
    cRecord = commit('recording');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('explains a resolution change with its exact monthly difference', async () => {
    const r = await diff(repo, c720, c1080, '--json');
    assert.equal(r.code, 0, r.err);
    const d = JSON.parse(r.out);
    assert.equal(d.rooms.length, 1);
    const [room] = d.rooms;
    assert.equal(room.status, 'changed');
    // Live defaults: 1 anchor + 100 audience, 100 sessions × 30 min × 30 days; each audience member receives the anchor's
    // camera: 100 × 30 × 100 × 30 = 9,000,000 minutes. HD 28 CNY and Full HD 105 CNY per 1,000 minutes (mainland,
    // per stream): 252,000 → 945,000, +693,000.00. The anchor's audio of the audience is the same on both sides.
    assert.equal(Number(room.delta).toFixed(2), '693000.00');
    assert.equal((Number(room.after) - Number(room.before)).toFixed(2), '693000.00');
    assert.deepEqual(room.reasons, [
      {
        en: "anchors' camera 1280×720 → 1920×1080, main tier HD → Full HD",
        zh: '主播摄像头 1280×720 → 1920×1080，主要档位 高清 → 全高清',
        delta: room.delta,
      },
    ]);
    assert.equal(Number(d.totalDelta).toFixed(2), (Number(d.totalAfter) - Number(d.totalBefore)).toFixed(2));
  });

  it('names a new room and what it adds', async () => {
    const d = JSON.parse((await diff(repo, c1080, cVoice, '--json')).out);
    const added = d.rooms.find((r: { status: string }) => r.status === 'added');
    assert.ok(added, JSON.stringify(d.rooms));
    // A voice call: 2 publishers × 100 sessions × 30 min × 30 days = 180,000 audio minutes × 7 CNY / 1,000 = 1,260.00.
    assert.equal(Number(added.after).toFixed(2), '1260.00');
    assert.equal(added.before, undefined);
    assert.match(added.reasons[0].en, /^new room /);
    assert.equal(d.rooms.filter((r: { status: string }) => r.status === 'same').length, 1, 'the live room did not change');
  });

  it('shows recording added to the room it acts on', async () => {
    const d = JSON.parse((await diff(repo, cVoice, cRecord, '--json')).out);
    const changed = d.rooms.filter((r: { status: string }) => r.status !== 'same');
    assert.equal(changed.length, 1, JSON.stringify(d.rooms));
    assert.ok(changed[0].reasons.some((x: { en: string }) => x.en === 'recording added'));
    assert.ok(Number(changed[0].delta) > 0);
    assert.equal(d.rooms.length, 2, 'no room of its own for the server call');
  });

  it('compares the working tree with the merge base of the default branch by default, without touching it', async () => {
    write('src/LiveAnchorPage.js', LIVE('720p'));
    try {
      const r = await diff(repo);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /→ working tree/);
      // The room now also records (the last commit), so its recording follows the camera down too: more than 693,000 less.
      const change =
        ': ¥962,190.00 → ¥258,300.00 (−¥703,890.00, list price of the room alone)\n' +
        "    anchors' camera 1920×1080 → 1280×720, main tier Full HD → HD: −¥703,890.00\n";
      assert.ok(r.out.includes(change), r.out);
      assert.equal(readFileSync(join(repo, 'src/LiveAnchorPage.js'), 'utf8'), LIVE('720p'), 'the work tree is as it was');
    } finally {
      write('src/LiveAnchorPage.js', LIVE('1080p'));
    }
  });

  it("prices each change in the stated order, and the parts add up to each room's difference", async () => {
    // c720 → cRecord: the live room's camera goes to 1080p and it gains recording; the voice call is new.
    const r = await diff(repo, c720, cRecord, '--json');
    assert.equal(r.code, 0, r.err);
    const d = JSON.parse(r.out);
    assert.equal(d.rooms.length, 2);
    for (const room of d.rooms) {
      assert.ok(room.reasons.length > 0, room.name);
      const sum = room.reasons.reduce((acc: number, x: { delta?: string }) => {
        assert.notEqual(x.delta, undefined, `${room.name}: every change has an amount`);
        return acc + Number(x.delta);
      }, 0);
      assert.equal(sum.toFixed(2), Number(room.delta).toFixed(2), room.name);
    }
    const live = d.rooms.find((x: { status: string }) => x.status === 'changed');
    assert.deepEqual(
      live.reasons.map((x: { en: string }) => x.en),
      ["anchors' camera 1280×720 → 1920×1080, main tier HD → Full HD", 'recording added'],
    );
    // The camera comes first, so it is priced exactly as on its own (the same +693,000.00); recording is priced at 1080p.
    assert.equal(Number(live.reasons[0].delta).toFixed(2), '693000.00');
    const recordAt1080 = Number(live.after) - 945630;
    assert.equal(Number(live.reasons[1].delta).toFixed(2), recordAt1080.toFixed(2));
    assert.ok(recordAt1080 > 0);
    const added = d.rooms.find((x: { status: string }) => x.status === 'added');
    assert.equal(added.reasons[0].delta, added.delta);
    const text = (await diff(repo, c720, cRecord)).out;
    assert.match(text, /\n {4}recording added: \+¥[\d,.]+\n/);
    assert.match(text, /priced in the order listed/);
  });

  it('fails over budget (3) and over the allowed increase (4), with a one-line reason', async () => {
    const over = await diff(repo, c720, c1080, '--budget', '1000');
    assert.equal(over.code, 3);
    assert.match(over.err, /^trtc-cost diff: over budget: the monthly bill would be ¥[\d,.]+, the budget is ¥1,000\.00\n$/);
    const pct = await diff(repo, c720, c1080, '--max-increase', '10%');
    assert.equal(pct.code, 4);
    assert.match(pct.err, /rises by \+¥[\d,.]+ \(\+\d+\.\d%\), more than the allowed 10%\n$/);
    assert.equal((await diff(repo, c720, c1080, '--max-increase', '700000')).code, 0, '+693,000 is within 700,000');
    assert.equal((await diff(repo, c720, c1080, '--max-increase', '600000')).code, 4);
    assert.equal((await diff(repo, c1080, c720, '--max-increase', '0')).code, 0, 'a decrease is never over the limit');
  });

  it('writes Markdown for a pull-request comment, in both languages', async () => {
    const r = await diff(repo, c720, c1080, '--markdown');
    assert.match(r.out, /^### TRTC cost: \+¥[\d,.]+\/month \(\+\d+\.\d%\)\n/);
    const row =
      '| LiveAnchorPage (enterRoom) | changed | ¥252,630.00 | ¥945,630.00 | +\u2060¥693,000.00 | ' +
      "anchors' camera 1280×720 → 1920×1080, main tier HD → Full HD: +\u2060¥693,000.00 |";
    assert.ok(r.out.includes(row), r.out);
    assert.match(r.out, /<details><summary>中文<\/summary>[\s\S]*主播摄像头 1280×720 → 1920×1080/);
  });

  it('reports bad refs, usage errors and a folder outside git clearly', async () => {
    const bad = await diff(repo, 'no-such-ref');
    assert.equal(bad.code, 1);
    assert.match(bad.err, /no-such-ref/);
    assert.equal((await diff(repo, '--budget', 'lots')).code, 2);
    assert.equal((await diff(repo, 'a', 'b', 'c')).code, 2);
    const outside = mkdtempSync(join(tmpdir(), 'trtc-nogit-'));
    try {
      const r = await diff(outside);
      assert.equal(r.code, 1);
      assert.match(r.err, /not inside a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
