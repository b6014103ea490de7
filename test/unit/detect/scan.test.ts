// trtc-cost scan: argument handling, folder walking (.gitignore, excludes, size cap), output.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScan } from '../../../src/cli/scan';
import { D } from '../../../src/core/decimal';

const REPO = join(__dirname, '..', '..', '..');

async function scan(args: string[], cwd = REPO): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runScan(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd });
  return { code, out, err };
}

const WEB =
  "import TRTC from 'trtc-sdk-v5';\nconst trtc = TRTC.create();\nawait trtc.enterRoom({ scene: 'rtc' });\nawait trtc.startLocalVideo({ option: { profile: " +
  "'720p' } });\n";

describe('trtc-cost scan', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'trtc-scan-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports usage errors with exit code 2', async () => {
    assert.equal((await scan([])).code, 2);
    const unknown = await scan(['--frobnicate', '.']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown option --frobnicate/);
    assert.equal((await scan(['--max-size', 'big', '.'])).code, 2);
    assert.equal((await scan(['--scenario'])).code, 2);
  });

  it('prints help with exit code 0', async () => {
    const r = await scan(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.out, /Usage: trtc-cost scan/);
  });

  it('exits 1 on a missing path or an invalid scenario file', async () => {
    const missing = await scan(['no/such/path'], dir);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /no such file or folder/);
    writeFileSync(join(dir, 'bad.json'), '{ not json');
    assert.equal((await scan(['--scenario', 'bad.json', '.'], dir)).code, 1);
    writeFileSync(join(dir, 'wrong.json'), JSON.stringify({ version: 1, tariff: { region: 'moon' }, rooms: [] }));
    const wrong = await scan(['--scenario', 'wrong.json', '.'], dir);
    assert.equal(wrong.code, 1);
    assert.match(wrong.err, /tariff/);
  });

  it('scans the classroom example: one logical room from three call sites, with facts, lines and an estimate', async () => {
    const r = await scan(['examples/classroom-app', '--json']);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    // The project file examples/classroom-app/.vscode/trtc-cost.json is found and read.
    assert.equal(json.projectFile, 'examples/classroom-app/.vscode/trtc-cost.json');
    assert.equal(json.assumptions.audience, 30);
    assert.equal(json.assumptions.sessionsPerDay, 20);
    const sites = json.files.flatMap((f: { file: string; sites: { summary: { sdk: string; line: number }; room: string }[] }) =>
      f.sites.map((x) => [f.file, x.summary.sdk, x.summary.line, x.room]),
    );
    // Paths are relative to the project root, as in the extension.
    assert.deepEqual(sites, [
      ['android/app/src/main/java/com/example/classroom/ClassroomActivity.java', 'android', 41, 'classroom'],
      ['server/src/recording.js', 'server-rest', 15, 'classroom'],
      ['web/src/classroom.ts', 'web-v5', 16, 'classroom'],
    ]);
    assert.equal(json.rooms.length, 1);
    const room = json.rooms[0];
    assert.equal(room.name, 'Classroom');
    assert.deepEqual(
      room.sites.map((s: { key: string }) => s.key),
      ['android/app/src/main/java/com/example/classroom/ClassroomActivity.java:41', 'web/src/classroom.ts:16'],
    );
    assert.deepEqual(
      room.addOns.map((s: { key: string }) => s.key),
      ['server/src/recording.js:15'],
    );
    // The anchors publish what the web teacher client publishes; the server adds the mixed recording.
    assert.deepEqual(room.room.participants[0].publish, { camera: { width: 1280, height: 720 }, audio: true, screen: { width: 1920, height: 1080 } });
    assert.equal(room.room.participants[0].count, 1);
    assert.equal(room.room.participants[1].count, 30);
    assert.deepEqual(room.room.recording, { mode: 'mixed', output: { width: 1280, height: 720 } });
    assert.ok(room.grouping.some((g: { code: string }) => g.code === 'grouping.merged'));
    assert.ok(room.grouping.some((g: { code: string }) => g.code === 'grouping.attached'));
    assert.equal(room.estimate.currency, 'CNY');
    assert.match(room.estimate.formatted, /^¥[\d,]+\.\d\d$/);
    assert.ok(Number(room.estimate.valueAdded) > 0, 'the recording is priced');
    // One room and no free minutes: the project total is the room's list price.
    assert.equal(json.total.total, room.estimate.total);
    // By hand, mainland per-stream prices (audio ¥7, HD ¥28, FHD ¥105 per 1,000 min), 45 min × 20 sessions × 22 days
    // = 440 sessions: 30 audience each receive the 1280×720 camera (HD) and the 1920×1080 screen (FHD):
    // 30 × 45 × 0.133 = 179.55; the anchor receives no video: 45 × 0.007 = 0.315; the recording robot receives both
    // streams: 45 × 0.133 = 5.985. (179.55 + 0.315 + 5.985) × 440 = 81,774.00 of audio/video, once, for three call sites.
    assert.equal(new D(room.estimate.total).minus(room.estimate.valueAdded).toString(), '81774');
  });

  it('prints facts with provenance, line numbers, the grouping and the assumptions used', async () => {
    const r = await scan(['examples/classroom-app/web']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Assumptions: 2 publishers per call, 1 anchor\(s\) \+ 100 audience per live room, 30 min per session/m);
    assert.match(r.out, /camera\s+1280x720\s+\(in code, line 34\)/);
    assert.match(r.out, /screen\s+1920x1080\s+\(in code, line 40\)/);
    assert.match(r.out, /monthly estimate: ¥/);
    assert.match(r.out, /1 room\(s\) from 1 call site\(s\) in 1 file\(s\)/);
    const all = await scan(['examples/classroom-app']);
    assert.match(all.out, /^Room "Classroom" \[id: classroom\] — video-live, 2 call site\(s\) \+ 1 server call\(s\)/m);
    assert.match(all.out, /Counted once: /);
    assert.match(all.out, /of which recording, mixing and relay: ¥[\d,]+\.\d\d/);
    assert.match(all.out, /^Project total: ¥[\d,]+\.\d\d a month/m);
  });

  it('honours .gitignore, skips node_modules and .git, applies --exclude', async () => {
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'src'));
    mkdirSync(join(dir, 'generated'));
    mkdirSync(join(dir, 'node_modules', 'trtc-sdk-v5'), { recursive: true });
    mkdirSync(join(dir, 'legacy'));
    writeFileSync(join(dir, '.gitignore'), 'generated/\n*.bak.ts\n');
    writeFileSync(join(dir, 'src', 'call.ts'), WEB);
    writeFileSync(join(dir, 'src', 'old.bak.ts'), WEB);
    writeFileSync(join(dir, 'generated', 'call.ts'), WEB);
    writeFileSync(join(dir, 'node_modules', 'trtc-sdk-v5', 'index.js'), WEB);
    writeFileSync(join(dir, '.git', 'x.ts'), WEB);
    writeFileSync(join(dir, 'legacy', 'call.ts'), WEB);
    mkdirSync(join(dir, 'src', 'nested'));
    writeFileSync(join(dir, 'src', 'nested', '.gitignore'), 'skip.ts\n');
    writeFileSync(join(dir, 'src', 'nested', 'skip.ts'), WEB);
    const r = await scan(['.', '--json', '--exclude', 'legacy/'], dir);
    assert.equal(r.code, 0, r.err);
    const files = JSON.parse(r.out).files.map((f: { file: string }) => f.file);
    assert.deepEqual(files, ['src/call.ts']);
  });

  it('skips files over the size cap with a message', async () => {
    writeFileSync(join(dir, 'big.ts'), WEB + '// padding\n'.repeat(200));
    writeFileSync(join(dir, 'small.ts'), WEB);
    const r = await scan(['.', '--max-size', '1000'], dir);
    assert.equal(r.code, 0);
    assert.match(r.out, /skipped big\.ts: \d+ bytes is over the size cap of 1000 bytes/);
    assert.match(r.out, /small\.ts/);
  });

  it('uses the assumptions, tariff and per-room overrides of a --scenario file', async () => {
    writeFileSync(join(dir, 'call.ts'), WEB);
    writeFileSync(
      join(dir, 'scenario.json'),
      JSON.stringify({
        version: 1,
        tariff: { region: 'international' },
        period: { days: 30 },
        assumptions: { publishers: 3, sessionsPerDay: 10, minutesPerSession: 60, camera: '640x360' },
        rooms: [],
      }),
    );
    const r = await scan(['call.ts', '--json', '--scenario', 'scenario.json'], dir);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.equal(json.assumptions.publishers, 3);
    const room = json.rooms[0];
    assert.equal(room.name, 'Call (enterRoom)');
    assert.equal(room.room.participants[0].count, 3);
    assert.equal(room.room.sessionsPerDay, 10);
    assert.equal(room.estimate.currency, 'USD');

    // A project file may leave out version, tariff and rooms; a room override names the room by id and states only what it changes.
    writeFileSync(
      join(dir, 'override.json'),
      JSON.stringify({
        rooms: [
          {
            name: room.id,
            service: 'video-call',
            sessionsPerDay: 1,
            minutesPerSession: 10,
            participants: [{ count: 2, role: 'anchor', publish: { camera: '640x360' }, receive: 'all' }],
          },
        ],
      }),
    );
    const o = await scan(['call.ts', '--json', '--scenario', 'override.json'], dir);
    assert.equal(o.code, 0, o.err);
    const overridden = JSON.parse(o.out).rooms;
    assert.equal(overridden.length, 1);
    assert.equal(overridden[0].origin, 'override');
    assert.equal(overridden[0].room.sessionsPerDay, 1);
    assert.equal(overridden[0].room.source.file, 'call.ts');
    assert.ok(overridden[0].grouping.some((g: { code: string }) => g.code === 'grouping.override'));
  });

  it('reads constants from other files and says which file a fact comes from', async () => {
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'config.ts'), "export const AppConfig = { PROFILE: '1080p' };\n");
    writeFileSync(join(dir, 'src', 'notes.ts'), 'export const TITLE = 1;\n');
    writeFileSync(
      join(dir, 'src', 'page.ts'),
      "import TRTC from 'trtc-sdk-v5';\nimport { AppConfig } from './config';\nconst trtc = TRTC.create();\nawait trtc.enterRoom({ scene: 'rtc' });\nawait " +
        'trtc.startLocalVideo({ option: { profile: AppConfig.PROFILE } });\n',
    );
    const r = await scan(['.'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /camera\s+1920x1080\s+\(in code, src\/config\.ts line 1\)/);
    const json = JSON.parse((await scan(['.', '--json'], dir)).out);
    assert.equal(json.files.find((f: { file: string }) => f.file === 'src/page.ts').sites[0].summary.camera.file, 'src/config.ts');
  });

  it('reads <folder>/.vscode/trtc-cost.json by itself and reports its problems with line and column', async () => {
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, 'call.ts'), WEB);
    writeFileSync(join(dir, '.vscode', 'trtc-cost.json'), '{\n  "assumptions": { "sessionsPerDay": 7 }\n}\n');
    const ok = await scan(['.', '--json'], dir);
    assert.equal(ok.code, 0, ok.err);
    assert.equal(JSON.parse(ok.out).rooms[0].room.sessionsPerDay, 7);
    writeFileSync(join(dir, '.vscode', 'trtc-cost.json'), '{\n  "assumptions": { "sessionsPerDay": -1 }\n}\n');
    const bad = await scan(['.'], dir);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /\.vscode\/trtc-cost\.json:2:\d+: \$\.assumptions\.sessionsPerDay /);
  });
});
