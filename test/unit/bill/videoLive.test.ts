// The TUILiveKit Video Live component (trtc-billing-2025.md §8, §11.1, §11.6; example S7 of
// trtc-billing-2025-examples.md). Every expected figure is the page's own or computed by hand in the test's comment.
import { strict as assert } from 'node:assert';
import { estimate, parseScenario, renderText, type Bill } from '../../../src/core';
import { D } from '../../../src/core/decimal';

function bill(doc: unknown): Bill {
  const parsed = parseScenario(JSON.stringify(doc));
  assert.deepEqual(parsed.errors, [], 'the scenario should be valid');
  assert.ok(parsed.scenario);
  return estimate(parsed.scenario, { today: '2026-11-26' });
}

const line = (b: Bill, key: string) => b.lines.find((l) => l.key === key);
const sum = (b: Bill) => b.lines.reduce((t, l) => t.plus(l.amount), new D(0)).toFixed();

const anchor = (name: string, camera: string, count = 1) => ({ name, count, role: 'anchor', publish: { camera, audio: true }, receive: 'all' });
const viewers = (count: number, extra: Record<string, unknown> = {}) => ({ name: 'viewers', count, role: 'audience', publish: {}, receive: 'all', ...extra });

const scenario = (room: Record<string, unknown>, extra: { tariff?: Record<string, unknown>; payment?: Record<string, unknown> } = {}) => ({
  version: 1,
  tariff: { region: 'international', accountCreated: '2025-12-01', appCreated: '2025-01-10', ...extra.tariff },
  period: { start: '2026-01-05', days: 1 },
  payment: { freeMinutes: false, ...extra.payment },
  rooms: [{ name: 'show', service: 'video-live', component: 'video-live', sessionsPerDay: 1, minutesPerSession: 30, ...room }],
});

describe('Video Live component, one anchor (66078 example 1, S7)', () => {
  it('follows the price table (FHD audience 4.50), not the example’s 4.495: 0.0297 + 13.50 = 13.5297 → 13.53 USD', () => {
    // The page: anchor A alone, 1920×1080, 30 min, subscribes to nothing → anchor audio 30 × 0.99 / 1,000 = 0.0297.
    // 100 viewers receive 1920×1080 = 2,073,600 px → audience FHD; 3,000 min. The page multiplies by 4.495 (13.485,
    // total printed 13.51), but its own audience price table says FHD = 4.50. We follow the table — it is the published
    // price, and the example's 4.495 appears nowhere else — so 3,000 × 4.50 / 1,000 = 13.50 and the total is 13.5297,
    // 13.53 on the invoice (the doc's 13.51 is its arithmetic with the inconsistent unit price).
    const b = bill(scenario({ participants: [anchor('A', '1920x1080'), viewers(100)] }));
    assert.equal(line(b, 'av.audio')?.minutes, '30');
    assert.equal(line(b, 'av.audio')?.amount, '0.0297');
    const fhd = line(b, 'live.audience.FHD');
    assert.equal(fhd?.minutes, '3000');
    assert.equal(fhd?.unitPrice, '4.5');
    assert.equal(fhd?.amount, '13.5');
    assert.equal(fhd?.category, 'video-live');
    assert.equal(fhd?.tier, 'FHD');
    assert.match(fhd?.citation.note ?? '', /4\.495/);
    assert.equal(b.total, '13.5297');
    // The room's own list price holds its audience line too (no free minutes here: the same 13.5297), per day over the
    // 1-day period, and per session-minute 13.5297 / 30 min = 0.45099.
    assert.equal(b.rooms[0].monthly, '13.5297');
    assert.equal(b.rooms[0].perDay, '13.5297');
    assert.equal(b.rooms[0].perSessionMinute, '0.45099');
    assert.equal(b.totalRounded, '13.53');
    assert.notEqual(b.totalRounded, '13.51');
    assert.equal(sum(b), b.total);
    assert.match(renderText(b, 'en'), /Video Live component audience · FHD\n {2}3,000 min × \$4\.5000 per 1,000 min = \$13\.5000/);
    assert.match(renderText(b, 'zh-cn'), /视频直播组件观众 · 超清/);
    // The audience is not billed at the A/V prices too, and a single anchor is not mixed.
    assert.equal(line(b, 'av.FHD'), undefined);
    assert.equal(
      b.lines.some((l) => l.key.startsWith('mixing.')),
      false,
    );
  });

  it('an app created before 2024-12-19 is the voice room component: everyone at the ordinary A/V prices', () => {
    const b = bill(scenario({ participants: [anchor('A', '1920x1080'), viewers(100)] }, { tariff: { appCreated: '2024-12-01' } }));
    // 100 viewers × 30 min at A/V FHD 8.99 = 26.97; the anchor audio 0.0297.
    assert.equal(line(b, 'av.FHD')?.minutes, '3000');
    assert.equal(line(b, 'av.FHD')?.amount, '26.97');
    assert.equal(
      b.lines.some((l) => l.key.startsWith('live.')),
      false,
    );
    assert.ok(b.assumptions.some((a) => a.code === 'video-live-old-app'));
  });

  it('says when the app date is not set, and applies the component prices', () => {
    const doc = scenario({ participants: [anchor('A', '1920x1080'), viewers(100)] });
    delete (doc.tariff as Record<string, unknown>).appCreated;
    const b = bill(doc);
    assert.equal(line(b, 'live.audience.FHD')?.amount, '13.5');
    assert.ok(b.assumptions.some((a) => a.code === 'video-live-app-date'));
  });
});

describe('Video Live component, several anchors', () => {
  it('mixes the anchors at the MixTranscoding prices on their aggregate input; the audience tier is the anchors’ aggregate', () => {
    // Two anchors 1280×720, 60 min, 10 viewers.
    // Anchors: each receives the other's 921,600 px → HD: 2 × 60 = 120 min × 3.99 / 1,000 = 0.4788.
    // Mixing (added by the component, H.264): inputs 2 × 921,600 = 1,843,200 px → FHD 13.99 × 60 / 1,000 = 0.8394.
    // Audience: 1,843,200 px → FHD: 10 × 60 = 600 min × 4.50 / 1,000 = 2.7.
    const b = bill(scenario({ minutesPerSession: 60, participants: [anchor('A', '1280x720'), anchor('B', '1280x720'), viewers(10)] }));
    assert.equal(line(b, 'av.HD')?.minutes, '120');
    assert.equal(line(b, 'av.HD')?.amount, '0.4788');
    assert.equal(line(b, 'mixing.h264.FHD')?.minutes, '60');
    assert.equal(line(b, 'mixing.h264.FHD')?.amount, '0.8394');
    assert.equal(line(b, 'live.audience.FHD')?.minutes, '600');
    assert.equal(line(b, 'live.audience.FHD')?.amount, '2.7');
    assert.equal(b.total, '4.0182');
    assert.ok(b.assumptions.some((a) => a.code === 'video-live-mixing'));
    assert.ok(b.assumptions.some((a) => a.code === 'video-live-audience-tier'));
  });

  it('a co-anchor who leaves early: the audience tier follows what is still received', () => {
    // A 1280×720 for 30 min, B 1280×720 for 10 min; 10 viewers for 30 min.
    // First 10 min: 1,843,200 px → FHD, 10 × 10 = 100 min × 4.50 = 0.45. Then 20 min of 921,600 px → HD, 200 min × 2.00 = 0.4.
    const b = bill(scenario({ participants: [anchor('A', '1280x720'), { ...anchor('B', '1280x720'), minutesInRoom: 10 }, viewers(10)] }));
    assert.equal(line(b, 'live.audience.FHD')?.minutes, '100');
    assert.equal(line(b, 'live.audience.FHD')?.amount, '0.45');
    assert.equal(line(b, 'live.audience.HD')?.minutes, '200');
    assert.equal(line(b, 'live.audience.HD')?.amount, '0.4');
  });

  it('audio-only viewers pay the audience audio price', () => {
    // 50 viewers × 30 min = 1,500 min × 0.5 / 1,000 = 0.75.
    const b = bill(scenario({ participants: [anchor('A', '1920x1080'), viewers(50, { receive: 'audio-only' })] }));
    assert.equal(line(b, 'live.audience.audio')?.minutes, '1500');
    assert.equal(line(b, 'live.audience.audio')?.amount, '0.75');
  });
});

describe('Video Live component: free minutes and Live packages', () => {
  it('free minutes cover the audience for accounts from 2024-07-25, after the rooms’ usage', () => {
    // 1,000 free minutes: the anchor audio takes 30 (weight 1); 970 left cover floor(970 / 9) = 107 FHD audience
    // minutes (the A/V FHD weight 9: the audience's free-minute ratio is not published). 2,893 × 4.50 / 1,000 = 13.0185.
    const b = bill(scenario({ participants: [anchor('A', '1920x1080'), viewers(100)] }, { payment: { freeMinutes: { remaining: 1000 } } }));
    assert.equal(line(b, 'av.audio')?.freeMinutes, '30');
    assert.equal(line(b, 'live.audience.FHD')?.freeMinutes, '107');
    assert.equal(line(b, 'live.audience.FHD')?.amount, '13.0185');
    assert.equal(b.freeMinutesUsed, String(30 + 107 * 9));
  });

  it('older accounts: the free minutes do not cover the audience', () => {
    const b = bill(
      scenario(
        { participants: [anchor('A', '1920x1080'), viewers(100)] },
        { tariff: { accountCreated: '2024-01-10' }, payment: { freeMinutes: { remaining: 1000 } } },
      ),
    );
    assert.equal(line(b, 'live.audience.FHD')?.freeMinutes, '0');
    assert.equal(line(b, 'live.audience.FHD')?.amount, '13.5');
  });

  it('a Live package deducts anchors at 1 and the audience at 4.5 per FHD minute; its fee is the user’s', () => {
    // Package of 1,000 minutes (fee 100, user input: not published). Anchor audio 30 × 1 = 30 → 970 left;
    // audience FHD floor(970 / 4.5) = 215 min (967.5 package minutes) → 2.5 left. 2,785 × 4.50 / 1,000 = 12.5325.
    const b = bill(
      scenario(
        { participants: [anchor('A', '1920x1080'), viewers(100)] },
        { payment: { packages: [{ edition: 'live', fee: 100, minutes: 1000, purchased: '2026-01-05' }] } },
      ),
    );
    assert.equal(line(b, 'av.audio')?.packMinutes, '30');
    const fhd = line(b, 'live.audience.FHD');
    assert.equal(fhd?.packMinutes, '215');
    assert.equal(fhd?.postpaidMinutes, '2785');
    assert.equal(fhd?.amount, '12.5325');
    const pkg = b.monthlyPackages[0];
    assert.equal(pkg.cycles[0].remainingAfter, '2.5');
    assert.equal(
      b.assumptions.some((a) => a.code === 'video-live-package'),
      false,
    );
  });

  it('mixing is not deducted from packages', () => {
    const b = bill(
      scenario(
        { minutesPerSession: 60, participants: [anchor('A', '1280x720'), anchor('B', '1280x720'), viewers(10)] },
        { payment: { packages: [{ edition: 'live', fee: 100, minutes: 100000, purchased: '2026-01-05' }] } },
      ),
    );
    assert.equal(line(b, 'mixing.h264.FHD')?.packMinutes, '0');
    assert.equal(line(b, 'mixing.h264.FHD')?.amount, '0.8394');
    assert.equal(line(b, 'live.audience.FHD')?.amount, '0');
  });

  it('an RTC-Engine package does not cover the component audience', () => {
    const b = bill(
      scenario(
        { participants: [anchor('A', '1920x1080'), viewers(100)] },
        { payment: { packages: [{ edition: 'custom', name: 'engine', fee: 50, minutes: 100000, purchased: '2026-01-05' }] } },
      ),
    );
    assert.equal(line(b, 'live.audience.FHD')?.packMinutes, '0');
    assert.equal(line(b, 'live.audience.FHD')?.amount, '13.5');
    assert.ok(b.assumptions.some((a) => a.code === 'video-live-package'));
  });

  it('a contract price for an audience key replaces the list price', () => {
    const b = bill(scenario({ participants: [anchor('A', '1920x1080'), viewers(100)] }, { tariff: { contract: { prices: { 'live.audience.FHD': 4 } } } }));
    // 3,000 × 4 / 1,000 = 12.
    assert.equal(line(b, 'live.audience.FHD')?.amount, '12');
    assert.ok(line(b, 'live.audience.FHD')?.explanation.some((t) => t.en.includes('contract price; list 4.5')));
  });
});

describe('Video Live component where it does not apply', () => {
  it('mainland: no published component prices; billed as an ordinary live room, with a warning', () => {
    const b = bill({
      ...scenario({ participants: [anchor('A', '1920x1080'), viewers(100)] }),
      tariff: { region: 'mainland', accountCreated: '2025-12-01', appCreated: '2025-01-10' },
    });
    assert.equal(
      b.lines.some((l) => l.key.startsWith('live.')),
      false,
    );
    assert.ok(b.warnings.some((w) => w.code === 'video-live-not-priced'));
  });

  it('the validator warns when the component is set on a room that is not video-live', () => {
    const parsed = parseScenario(JSON.stringify(scenario({ service: 'voice-live', participants: [{ ...anchor('A', '1x1'), publish: { audio: true } }] })));
    assert.deepEqual(parsed.errors, []);
    assert.ok(parsed.warnings.some((w) => w.path === '$.rooms[0].component'));
    const b = estimate(parsed.scenario!, { today: '2026-11-26' });
    assert.equal(
      b.lines.some((l) => l.key.startsWith('live.')),
      false,
    );
  });
});
