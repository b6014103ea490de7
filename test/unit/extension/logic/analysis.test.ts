// The extension's pure layer against the real engine: detection → rooms → estimates → the words on screen,
// and the workspace total's "each room once" rule.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Room } from '../../../../src/core';
import { analyzeProject, estimateLogicalRoom } from '../../../../src/core/project';
import { analyzeDocument, estimateRoom, roomAt, siteRooms, type EstimateContext } from '../../../../src/extension/logic/analysis';
import { AnalysisCache, hoverAt, roomLenses } from '../../../../src/extension/logic/cache';
import { lensTitle, lensTooltip, plainLocalizer, roomHover, statusText } from '../../../../src/extension/logic/present';
import { DEFAULT_SETTINGS } from '../../../../src/extension/logic/settings';

const root = join(__dirname, '..', '..', '..', '..');
const fixture = (rel: string) => readFileSync(join(root, 'test/vscode/fixtures/workspace', rel), 'utf8');
const zhBundle = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const en = plainLocalizer('en');
const zh = plainLocalizer('zh-cn', zhBundle);

function ctx(extra: Partial<EstimateContext> = {}): EstimateContext {
  return {
    generation: 1,
    tariff: { region: 'mainland' },
    payment: { freeMinutes: true },
    assumptions: DEFAULT_SETTINGS.assumptions,
    fileRooms: [],
    today: '2026-11-26',
    ...extra,
  };
}
const LIVE = (role: string, media: string) =>
  `import TRTC from 'trtc-sdk-v5';\nconst trtc = TRTC.create();\nawait trtc.enterRoom({ sdkAppId: 1, userId: 'u', userSig: 's', roomId: 8, scene: 'live', ` +
  `role: '${role}' });\n${media}\n`;
const call = (c = ctx()) =>
  analyzeDocument({ uri: 'file:///w/src/call.js', file: 'src/call.js', text: fixture('src/call.js'), languageId: 'javascript', version: 1 }, c);

describe('extension analysis and presentation', () => {
  it('turns a detected room into a CodeLens title in English and Chinese', () => {
    const c = ctx();
    const a = call(c);
    assert.equal(a.rooms.length, 1);
    const est = estimateRoom(a.rooms[0], c);
    assert.ok(est.ok);
    assert.equal(lensTitle(a.rooms[0], est, en), 'TRTC list price ≈ ¥5,040/month · video call · HD · 2 users');
    assert.equal(lensTitle(a.rooms[0], est, zh), 'TRTC 刊例价 ≈ ¥5,040/月 · 视频通话 · 高清 · 2 人');
  });

  it('explains the room in the hover: actions first, then money, tier and why, assumptions, price book', () => {
    const c = ctx();
    const r = call(c).rooms[0];
    const md = roomHover(r, estimateRoom(r, c), { settings: 'command:s', scenarioFile: 'command:f', calculator: 'command:c' }, en);
    assert.ok(
      md.startsWith('[Change assumptions](command:s) · [Open in the calculator](command:c) · [Override in the workspace scenario file](command:f)\n'),
      md.split('\n')[0],
    );
    assert.match(md, /\*\*TRTC list price ≈ ¥5,040\/month\*\* · ¥0\.0560 per minute/);
    assert.match(md, /before free minutes and packages/);
    assert.doesNotMatch(md, /"Call \(enterRoom\)": /, 'the room is named once, not in every explanation');
    // Where to change the assumptions is said once, not after each of them.
    assert.equal(md.split('trtcCost.assumptions').length - 1, 1);
    assert.match(md, /\*\*Tier: HD\*\* \(per-stream metering/);
    assert.match(md, /921,600 px per stream\) → HD/);
    assert.match(md, /Assumed 2 participants per call/);
    assert.match(md, /Price book: Mainland China \(CNY\)/);
  });

  it('finds the room under the cursor in any of its ranges', () => {
    const a = call();
    const text = fixture('src/call.js');
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
    const charOf = (needle: string) => text.indexOf(needle) - text.lastIndexOf('\n', text.indexOf(needle)) - 1;
    assert.ok(roomAt(a.rooms, lineOf('enterRoom'), charOf('enterRoom') + 2));
    assert.ok(roomAt(a.rooms, lineOf("'720p'"), charOf("'720p'") + 2));
    assert.equal(roomAt(a.rooms, 0, 0), undefined);
  });

  it('shows a second call entering the same room with that room, said to be counted there', () => {
    const c = ctx();
    const text = [
      "import TRTC from 'trtc-js-sdk';",
      "const client = TRTC.createClient({ mode: 'rtc', sdkAppId: 1, userId: 'u', userSig: 's' });",
      "const testClient = TRTC.createClient({ mode: 'rtc', sdkAppId: 1, userId: 't', userSig: 's' });",
    ].join('\n');
    const a = analyzeDocument({ uri: 'file:///w/src/net.js', file: 'src/net.js', text, languageId: 'javascript', version: 1 }, c);
    assert.equal(a.rooms.length, 1);
    const links = () => ({ settings: 's', scenarioFile: 'f', assign: 'command:assign' });
    const first = hoverAt(a.rooms, 1, 20, c, en, links)!;
    const second = hoverAt(a.rooms, 2, 24, c, en, links)!;
    assert.equal(second.room, first.room);
    assert.ok(!first.markdown.includes('enters the same room'));
    assert.ok(second.markdown.startsWith('*This call (line 3) enters the same room as the call on line 2: it is counted there, once.*'));
    // The rest is the room's hover, without the link that would regroup the other call.
    assert.ok(second.markdown.includes(first.markdown.split('\n').slice(2).join('\n').slice(0, 200)));
    assert.ok(!second.markdown.includes('command:assign'));
    // Computed once, as the room's own hover is: hovering the call again builds nothing.
    let built = 0;
    const counted = () => (built++, links());
    assert.equal(hoverAt(a.rooms, 2, 30, c, en, counted)!.markdown, second.markdown);
    assert.equal(hoverAt(a.rooms, 1, 30, c, en, counted)!.markdown, first.markdown);
    assert.equal(built, 0);
    const zhHover = hoverAt(a.rooms, 2, 24, c, zh, links)!.markdown;
    assert.ok(zhHover.startsWith('*此调用（第 3 行）与第 2 行的调用进入同一个房间：只在那里计一次。*'), zhHover.slice(0, 80));
    assert.equal(hoverAt(a.rooms, 0, 0, c, en, links), undefined);
  });

  it('caches lenses and hovers per analysis', () => {
    const c = ctx();
    const a = call(c);
    const cache = new AnalysisCache();
    cache.set(a);
    assert.equal(cache.get(a.uri, 1, 1), a);
    assert.equal(cache.get(a.uri, 2, 1), undefined, 'another version misses');
    assert.equal(cache.get(a.uri, 1, 2), undefined, 'another settings generation misses');
    assert.equal(cache.previous(a.uri), a);
    assert.equal(roomLenses(a.rooms, c, en), roomLenses(a.rooms, c, en));
    const at = a.rooms[0].detected.range.start;
    const links = () => ({ settings: 's', scenarioFile: 'f' });
    assert.equal(hoverAt(a.rooms, at.line, at.character, c, en, links)?.markdown, hoverAt(a.rooms, at.line, at.character, c, en, links)?.markdown);
  });

  it('lets the project file override a room by its source and adds its other rooms', () => {
    const override: Room = {
      name: 'tutoring',
      service: 'video-call',
      sessionsPerDay: 10,
      minutesPerSession: 30,
      participants: [{ count: 4, role: 'anchor', publish: { camera: { width: 1280, height: 720 } }, receive: 'all' }],
      source: { file: 'src/call.js', line: 7 },
    };
    const planned: Room = { ...override, name: 'planned', source: undefined };
    const c = ctx({
      fileRooms: [
        { index: 0, room: override },
        { index: 1, room: planned },
      ],
    });
    const a = call(c);
    assert.equal(a.rooms[0].override?.index, 0);
    assert.equal(
      lensTitle(a.rooms[0], estimateRoom(a.rooms[0], c), en),
      'TRTC list price ≈ ¥3,024/month · video call · HD · 4 users · from the scenario ' + 'file',
    ); // 4 × 3 streams × 30 min × 10 × 30 days × ¥28/1000
    const project = analyzeProject([a.facts], c);
    assert.deepEqual(
      project.rooms.map((r) => `${r.origin}:${r.name}`),
      ['override:tutoring', 'file:planned'],
    );
  });

  it('shows a call site with the logical room the workspace project puts it in', () => {
    const c = ctx();
    const anchor = analyzeDocument(
      {
        uri: 'file:///w/src/LiveAnchorPage.js',
        file: 'src/LiveAnchorPage.js',
        text: LIVE('anchor', "await trtc.startLocalVideo({ option: { profile: '1080p' } });"),
        languageId: 'javascript',
        version: 1,
      },
      c,
    );
    const audience = analyzeDocument(
      { uri: 'file:///w/src/LiveAudiencePage.js', file: 'src/LiveAudiencePage.js', text: LIVE('audience', ''), languageId: 'javascript', version: 1 },
      c,
    );
    // Alone, the audience page cannot see the anchors' camera and assumes 1280×720.
    assert.ok(audience.rooms[0].assumptions.some((m) => m.code === 'assumption.camera'));
    const project = analyzeProject([anchor.facts, audience.facts], c);
    assert.equal(project.rooms.length, 1);
    const [a] = siteRooms(anchor, project);
    const [b] = siteRooms(audience, project);
    assert.equal(a.logical, b.logical);
    assert.equal(a.room!.name, 'Live');
    assert.deepEqual(b.room!.participants[0].publish.camera, { width: 1920, height: 1080 }, 'the anchors publish what the anchor page says');
    assert.equal(lensTitle(a, estimateRoom(a, c), en), lensTitle(b, estimateRoom(b, c), en), 'both sides show the same room and number');
    const md = roomHover(b, estimateRoom(b, c), { settings: 's', scenarioFile: 'f' }, en);
    assert.match(md, /Room id live · 2 call sites/);
    assert.match(md, /Counted once: src\/LiveAnchorPage\.js:3, src\/LiveAudiencePage\.js:3 join the same video live room/);
    // In Chinese the list of sites is joined with 、 (not an English comma).
    const zhMd = roomHover(b, estimateRoom(b, c), { settings: 's', scenarioFile: 'f' }, zh);
    assert.match(zhMd, /只计一次：src\/LiveAnchorPage\.js:3、src\/LiveAudiencePage\.js:3 进入同一个/);
  });

  it('reuses what detection found when only the settings change', () => {
    const a = call(ctx());
    const c2 = ctx({ generation: 2, assumptions: { ...DEFAULT_SETTINGS.assumptions, sessionsPerDay: 50 } });
    const b = analyzeDocument({ uri: a.uri, file: a.file, text: '', languageId: 'javascript', version: 1 }, c2, undefined, a.facts);
    assert.equal(b.detection, a.detection);
    assert.equal(lensTitle(b.rooms[0], estimateRoom(b.rooms[0], c2), en), 'TRTC list price ≈ ¥2,520/month · video call · HD · 2 users');
  });

  it('says "up to" when the code chooses among values (the most expensive is estimated)', () => {
    const c = ctx();
    const text = [
      `import TRTC from 'trtc-sdk-v5';`,
      `const trtc = TRTC.create();`,
      `export async function join(hd, roomId) {`,
      `  await trtc.enterRoom({ sdkAppId: 1, userId: 'u', userSig: 's', roomId, scene: 'rtc' });`,
      `  await trtc.startLocalVideo({ view: 'v', option: { profile: hd ? '1080p' : '720p' } });`,
      `}`,
    ].join('\n');
    const a = analyzeDocument({ uri: 'file:///w/q.js', file: 'q.js', text, languageId: 'javascript', version: 1 }, c);
    const r = a.rooms[0];
    assert.equal(lensTitle(r, estimateRoom(r, c), en), 'TRTC list price ≤ ¥18,900/month · video call · FHD · 2 users');
    assert.equal(lensTitle(r, estimateRoom(r, c), zh), 'TRTC 刊例价 ≤ ¥18,900/月 · 视频通话 · 全高清 · 2 人');
    const md = roomHover(r, estimateRoom(r, c), { settings: 's', scenarioFile: 'f' }, en);
    assert.match(md, /the most expensive, 1920×1080, is used/);
    // The "≤" is explained where it appears: in the hover and in the lens's tooltip.
    assert.match(md, /≤ ¥18,900\/month[^]*≤: the code chooses among several values here/);
    assert.match(lensTooltip(r, en), /≤: the code chooses among several values/);
    assert.doesNotMatch(lensTooltip(call(c).rooms[0], en), /≤/);
  });

  it('names rooms after their code and keeps the names unique', () => {
    const c = ctx();
    const one = call(c);
    // Same file name elsewhere, but a voice call: another room (services are never merged), with the same label.
    const d = one.facts.detection.rooms[0];
    const voice = { ...d, service: { value: 'voice-call' as const, provenance: d.service.provenance } };
    const two = { ...one.facts, file: 'lib/call.js', detection: { ...one.facts.detection, rooms: [voice] } };
    const project = analyzeProject([one.facts, two], c);
    assert.deepEqual(
      project.rooms.map((r) => r.name),
      ['Call (enterRoom)', 'Call (enterRoom) (2)'],
    );
    assert.deepEqual(
      project.rooms.map((r) => r.id),
      ['call-enterroom', 'call-enterroom-2'],
    );
    // A third file of the same name and service is the same room kind: counted once with the first.
    const three = analyzeProject([one.facts, two, { ...one.facts, file: 'web/call.js' }], c);
    assert.equal(three.rooms.length, 2);
    assert.deepEqual(
      three.rooms[1].sites.map((s) => s.key),
      ['src/call.js:7', 'web/call.js:7'],
    );
  });

  it('says why a room has no estimate, in both languages', () => {
    const c = ctx();
    const a = call(c);
    const r = { ...a.rooms[0], estimate: undefined, room: undefined, reason: { en: 'the code is cut off', zh: '代码不完整' } };
    const est = estimateRoom(r, c);
    assert.equal(est.ok, false);
    assert.equal(lensTitle(r, est, en), 'TRTC: no estimate (the code is cut off)');
    assert.equal(lensTitle(r, est, zh), 'TRTC：无估算（代码不完整）');
    assert.match(roomHover(r, est, { settings: 's', scenarioFile: 'f' }, en), /Why: the code is cut off/);
    const noReason = { ...r, reason: undefined, estimate: undefined };
    assert.match(lensTitle(noReason, estimateRoom(noReason, c), zh), /无法根据这段代码构建房间/);
  });

  it('formats the status bar total', () => {
    assert.equal(statusText('951839.4', 'CNY', en), '$(pulse) TRTC bill ≈ ¥951,839/month');
    assert.equal(statusText('12.5', 'USD', zh), '$(pulse) TRTC 账单 ≈ $12.50/月');
    assert.equal(statusText(undefined, undefined, en), '$(pulse) TRTC: no rooms');
  });

  it("adds the package a room's edition-gated call needs, as the CLI's estimate of the same room does", () => {
    // AI noise suppression on Web needs RTC-Engine Standard (detect/features.ts); on the international site the room's
    // estimate says the package was added, with the call's file and line.
    const c = ctx({ tariff: { region: 'international', accountCreated: '2025-01-01' }, payment: { freeMinutes: true, product: 'rtc-engine' } });
    const text = LIVE('anchor', "await trtc.startLocalVideo();\nawait trtc.startPlugin('AIDenoiser', { sdkAppId: 1, userId: 'u', userSig: 's' });");
    const a = analyzeDocument({ uri: 'file:///w/src/live.js', file: 'src/live.js', text, languageId: 'javascript', version: 1 }, c);
    assert.equal(a.rooms.length, 1);
    const r = a.rooms[0]!;
    assert.equal(r.logical?.features?.[0]?.minimumEdition, 'rtc-engine.standard');
    const got = estimateRoom(r, c);
    assert.ok(got.ok);
    // Standard's fee is not published: the estimate asks for it rather than guess, naming the call.
    const asked = got.bill.assumptions.find((m) => m.code === 'edition.fee-unknown:rtc-engine.standard');
    assert.ok(asked, JSON.stringify(got.bill.assumptions.map((m) => m.code)));
    assert.match(asked.text.en, /src\/live\.js:5/);
    const cli = estimateLogicalRoom(r.logical!, c);
    assert.ok(cli.ok);
    assert.deepEqual(got.bill, cli.bill);
    // With the fee entered, the package is in the room's estimate (a new settings generation: no cached estimate).
    const priced = ctx({
      generation: 2,
      tariff: c.tariff,
      payment: { ...c.payment, packagePrices: { 'rtc-engine.standard': { fee: 199, minutes: 250000 } } },
    });
    const again = analyzeDocument({ uri: 'file:///w/src/live.js', file: 'src/live.js', text, languageId: 'javascript', version: 1 }, priced);
    const withFee = estimateRoom(again.rooms[0]!, priced);
    assert.ok(withFee.ok, JSON.stringify(withFee));
    assert.ok(withFee.bill.assumptions.some((m) => m.code === 'edition.package-added:rtc-engine.standard'));
    const cliWithFee = estimateLogicalRoom(again.rooms[0]!.logical!, priced);
    assert.ok(cliWithFee.ok);
    assert.deepEqual(withFee.bill, cliWithFee.bill);
    // The same room without the call: no package is added.
    const plain = analyzeDocument(
      { uri: 'file:///w/src/p.js', file: 'src/p.js', text: LIVE('anchor', 'await trtc.startLocalVideo();'), languageId: 'javascript', version: 1 },
      c,
    );
    const e = estimateRoom(plain.rooms[0]!, c);
    assert.ok(e.ok);
    assert.ok(!e.bill.assumptions.some((m) => m.code.startsWith('edition.')));
  });
});
