// Edition gating in the estimate: a room whose code needs RTC-Engine Standard carries that package, priced only from
// what is known (the tariff's published fee, else the user's packagePrices), else the estimate says what to enter.
import { strict as assert } from 'node:assert';
import {
  analyzeProject,
  billProject,
  defaultBaseSettings,
  detectFile,
  estimateLogicalRoom,
  projectSettings,
  type ProjectSettings,
} from '../../../src/core/project';
import { estimate } from '../../../src/core/api';
import { projectScenario } from '../../../src/core/project/analyze';
import { packageEdition } from '../../../src/core/tariff/packages';

const ROOM = [
  "import TRTC from 'trtc-sdk-v5';",
  'const trtc = TRTC.create();',
  "await trtc.enterRoom({ sdkAppId: 1400000001, userId: 'u1', userSig: 'sig', roomId: 8, scene: 'rtc' });",
  'await trtc.startLocalAudio();',
  "await trtc.startPlugin('AIDenoiser', { sdkAppId: 1400000001, userId: 'u1', userSig: 'sig' });",
].join('\n');
const PLAIN = ROOM.split('\n').slice(0, 4).join('\n');

function settings(payment: ProjectSettings['payment'] = {}): ProjectSettings {
  const s = projectSettings(defaultBaseSettings(), undefined);
  return {
    ...s,
    tariff: { region: 'international' },
    period: { start: '2025-12-01', days: 30 },
    today: '2025-12-01',
    payment: { freeMinutes: true, ...payment },
  };
}

function bill(text: string, s: ProjectSettings) {
  const analysis = analyzeProject([detectFile('web/room.js', 'javascript', text)], s);
  const b = billProject(analysis, s);
  assert.equal(b.ok, true, JSON.stringify(b.ok === false ? b.reason : b.ok));
  return { analysis, bill: (b as { bill: import('../../../src/core/bill/types').Bill }).bill };
}

describe('project: edition gating', () => {
  it('the logical room carries the feature of its file, with the line', () => {
    const { analysis } = bill(ROOM, settings());
    const [room] = analysis.rooms;
    assert.deepEqual(
      room.features?.map((f) => [f.feature, f.minimumEdition, f.where.file, f.where.range.start.line + 1]),
      [['aiNoiseSuppression', 'rtc-engine.standard', 'web/room.js', 5]],
    );
  });

  it('Standard has no published fee in the tariff data: no package is guessed, the estimate says what to enter and where', () => {
    // The premise of this case: if a fee is published one day, the next case's path applies instead.
    assert.equal(packageEdition('rtc-engine.standard')!.fees.length, 0);
    const gated = bill(ROOM, settings()).bill;
    const plain = bill(PLAIN, settings()).bill;
    assert.equal(gated.total, plain.total, 'no fee of its own: the total is the usage alone');
    assert.equal(gated.monthlyPackages.length, 0);
    const m = gated.assumptions.find((a) => a.code === 'edition.fee-unknown:rtc-engine.standard');
    assert.ok(m, JSON.stringify(gated.assumptions.map((a) => a.code)));
    assert.ok(m.text.en.includes('RTC-Engine Standard') && m.text.en.includes('web/room.js:5') && m.text.en.includes('packagePrices'), m.text.en);
    assert.ok(m.text.zh.includes('RTC-Engine 标准版') && m.text.zh.includes('web/room.js:5'), m.text.zh);
    assert.equal(m.room, 0);
    assert.ok(!plain.assumptions.some((a) => a.code.startsWith('edition.')));
  });

  it('with packagePrices for Standard, the bill carries its fee line: 1 cycle × 49 USD in a 30-day period bought on its first day', () => {
    const prices = { 'rtc-engine.standard': { fee: 49, minutes: 50_000 } };
    const gated = bill(ROOM, settings({ packagePrices: prices })).bill;
    const plain = bill(PLAIN, settings({ packagePrices: prices })).bill;
    const line = gated.lines.find((l) => l.category === 'package' && l.key.endsWith('rtc-engine.standard'));
    assert.ok(line, JSON.stringify(gated.lines.map((l) => l.key)));
    // Hand-computed: the package is bought on 2025-12-01, its cycle runs to 2025-12-31, so the period holds one fee.
    assert.equal(Number(line.amount), 49);
    assert.equal(gated.monthlyPackages.length, 1);
    assert.equal(gated.monthlyPackages[0].edition, 'rtc-engine.standard');
    assert.ok(gated.assumptions.some((a) => a.code === 'edition.package-added:rtc-engine.standard' && a.text.en.includes('web/room.js:5')));
    // The total is the fee plus the usage beyond the free and the package minutes, which the package can only lower.
    const usage = (b: typeof gated) => b.lines.filter((l) => l.category !== 'package').reduce((sum, l) => sum + Number(l.amount), 0);
    assert.ok(Math.abs(Number(gated.total) - (49 + usage(gated))) < 1e-9);
    assert.ok(usage(gated) <= usage(plain));
  });

  it('a stated package of that edition or higher changes nothing', () => {
    const pro = { packages: [{ edition: 'rtc-engine.pro', fee: 199, minutes: 200_000 }] };
    const gated = bill(ROOM, settings(pro)).bill;
    const plain = bill(PLAIN, settings(pro)).bill;
    assert.equal(gated.total, plain.total);
    assert.deepEqual(
      gated.monthlyPackages.map((p) => p.edition),
      ['rtc-engine.pro'],
    );
    assert.ok(!gated.assumptions.some((a) => a.code.startsWith('edition.')));
  });

  it('a stated lower edition is replaced by the needed one, priced from packagePrices', () => {
    const s = settings({
      packages: [{ edition: 'rtc-engine.lite', fee: 19, minutes: 20_000 }],
      packagePrices: { 'rtc-engine.standard': { fee: 49, minutes: 50_000 } },
    });
    const gated = bill(ROOM, s).bill;
    assert.deepEqual(
      gated.monthlyPackages.map((p) => p.edition),
      ['rtc-engine.standard'],
    );
    assert.ok(gated.assumptions.some((a) => a.code === 'edition.package-added:rtc-engine.standard' && a.text.en.includes('replaces rtc-engine.lite')));
  });

  it('the room estimated alone gets the same package', () => {
    const s = settings({ packagePrices: { 'rtc-engine.standard': { fee: 49, minutes: 50_000 } } });
    const { analysis } = bill(ROOM, s);
    const e = estimateLogicalRoom(analysis.rooms[0], s);
    assert.ok(e.ok);
    assert.deepEqual(
      e.bill.monthlyPackages.map((p) => p.edition),
      ['rtc-engine.standard'],
    );
  });

  it('no feature, or the mainland site: the bill is what it was (same totals, same packages, no message)', () => {
    // Without a feature the bill is the engine's bill of the same scenario, untouched by edition gating.
    const intl = settings();
    const { analysis, bill: a } = bill(PLAIN, intl);
    const direct = estimate(projectScenario([analysis.rooms[0].room!], intl), { today: intl.today, advice: false });
    assert.equal(a.total, direct.total);
    assert.deepEqual(a.assumptions, direct.assumptions);
    const mainland = { ...settings(), tariff: { region: 'mainland' as const } };
    const gated = bill(ROOM, mainland).bill;
    const plain = bill(PLAIN, mainland).bill;
    assert.equal(gated.total, plain.total);
    assert.deepEqual(gated.monthlyPackages, plain.monthlyPackages);
    assert.ok(!gated.assumptions.some((x) => x.code.startsWith('edition.')));
  });

  it("a server file's gated call that enters no room still needs the edition for the app: the project's bill adds it", () => {
    // A Java server starts AI transcription (needs Lite) and a stream ingest (needs Standard); it enters no room, so
    // no logical room has its file. The app needs the higher edition: Standard, priced from packagePrices.
    const server = [
      'public class AiService {',
      '  void run(TrtcClient client) throws Exception {',
      '    client.StartAITranscription(new StartAITranscriptionRequest());',
      '    client.StartStreamIngest(new StartStreamIngestRequest());',
      '  }',
      '}',
    ].join('\n');
    const s = settings({ packagePrices: { 'rtc-engine.standard': { fee: 49, minutes: 50_000 } } });
    const analysis = analyzeProject([detectFile('web/room.js', 'javascript', PLAIN), detectFile('server/AiService.java', 'java', server)], s);
    assert.equal(analysis.rooms.length, 1);
    assert.equal(analysis.rooms[0].features, undefined, 'the web room itself calls no gated feature');
    assert.deepEqual(
      analysis.features?.map((f) => [f.where.file, f.where.range.start.line + 1, f.minimumEdition]),
      [
        ['server/AiService.java', 4, 'rtc-engine.standard'],
        ['server/AiService.java', 3, 'rtc-engine.lite'],
      ],
    );
    const b = billProject(analysis, s);
    assert.ok(b.ok === true);
    assert.deepEqual(
      b.bill.monthlyPackages.map((p) => p.edition),
      ['rtc-engine.standard'],
    );
    const added = b.bill.assumptions.find((a) => a.code === 'edition.package-added:rtc-engine.standard');
    assert.ok(added && added.text.en.includes('server/AiService.java:4') && added.room === undefined, JSON.stringify(added));
    // Without the server file the same web room needs no package.
    const alone = billProject(analyzeProject([detectFile('web/room.js', 'javascript', PLAIN)], s), s);
    assert.ok(alone.ok === true);
    assert.equal(alone.bill.monthlyPackages.length, 0);
  });
});
