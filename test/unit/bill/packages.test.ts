// Monthly packages, the 2024–2026 free-minute rules and the suspension of an international app with no
// package (trtc-billing-2025.md §3, §4, §11; examples S9, S10, S11 of trtc-billing-2025-examples.md).
// Every expected number is computed by hand in the comment above it.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { estimate, parseScenario, renderText, type Bill, type Room, type Scenario } from '../../../src/core';

const today = '2026-11-26';

function fromFile(file: string): Bill {
  const parsed = parseScenario(readFileSync(join(__dirname, 'worked', file), 'utf8'));
  assert.deepEqual(parsed.errors, [], `${file} should be valid`);
  assert.deepEqual(parsed.warnings, []);
  return estimate(parsed.scenario!, { today });
}

/** Validates like a scenario file (so the tests go through the validator too), then bills. */
function bill(s: Partial<Scenario> & Pick<Scenario, 'rooms' | 'tariff'>, advice = true): Bill {
  const full = { version: 1 as const, period: { start: '2026-12-01', days: 30 }, ...s, payment: { freeMinutes: false, ...s.payment } };
  const parsed = parseScenario(JSON.stringify(full));
  assert.deepEqual(parsed.errors, []);
  return estimate(parsed.scenario!, { today, advice });
}

const line = (b: Bill, key: string) => b.lines.find((l) => l.key === key);

/** Two people in a 1280×720 call: each receives the other's HD stream. */
const hdCall = (minutes: number, sessions = 1): Room => ({
  name: 'call',
  service: 'video-call',
  sessionsPerDay: sessions,
  minutesPerSession: minutes,
  participants: [{ count: 2, role: 'anchor', publish: { camera: { width: 1280, height: 720 } }, receive: 'all' }],
});
const voice = (minutes: number, sessions = 1): Room => ({
  name: 'voice',
  service: 'voice-call',
  sessionsPerDay: sessions,
  minutesPerSession: minutes,
  participants: [{ count: 1, role: 'anchor', publish: { audio: true }, receive: 'all' }],
});
const intl = { region: 'international' as const, accountCreated: '2024-01-01' };

describe('monthly packages (trtc-billing-2025.md §3, §11)', () => {
  it('S11: 30 s + 20 s + 40 s in one day are rounded on the running daily total: 2 package minutes, not 3', () => {
    const b = fromFile('s11-package-one-day.json');
    const audio = line(b, 'av.audio')!;
    assert.equal(audio.minutes, '2', 'ceil(90 s / 60) = 2');
    assert.equal(audio.packageMinutes, '2');
    assert.equal(audio.postpaidMinutes, '0');
    assert.equal(b.monthlyPackages[0].absorbed, '2');
    assert.equal(b.monthlyPackages[0].cycles[0].remainingAfter, '99998');
    assert.equal(line(b, 'package.0.call.1v1')?.amount, '199');
    assert.equal(b.total, '199');
  });

  it('Call 1v1: 199 USD + 100,000 minutes at ratio HD 4 + pay-as-you-go overage + MAU beyond 5,000', () => {
    // 2 people × 1,000 min HD a day × 30 days = 60,000 HD min = 240,000 weighted.
    // The package absorbs 100,000 weighted = 25,000 HD min (days 1–12: 8,000 each; day 13: 4,000 = 1,000 HD).
    // Overage: 35,000 HD × 3.99 / 1000 = 139.65. MAU: (6,000 − 5,000) × 0.015 = 15.
    // Total: 199 + 139.65 + 15 = 353.65.
    const b = bill({ tariff: intl, rooms: [hdCall(1000)], payment: { packages: [{ edition: 'call.1v1', purchased: '2026-12-01', mau: 6000 }] } }, false);
    const hd = line(b, 'av.HD')!;
    assert.equal(hd.minutes, '60000');
    assert.equal(hd.packageMinutes, '25000');
    assert.equal(hd.packMinutes, '25000');
    assert.equal(hd.postpaidMinutes, '35000');
    assert.equal(hd.amount, '139.65');
    assert.equal(line(b, 'package.0.call.1v1')?.amount, '199');
    assert.equal(line(b, 'package.0.mau')?.amount, '15');
    assert.equal(b.total, '353.65');
    assert.equal(b.suspension, null, 'a package allows pay-as-you-go');
    assert.equal(b.daily[0].amount, '199', 'day 1: the fee; the package covers the 8,000 weighted minutes');
    assert.equal(b.daily[12].amount, '3.99', 'day 13: 1,000 HD min beyond the package × 3.99 / 1000');
    assert.equal(b.daily[13].amount, '7.98', 'day 14: 2,000 HD min × 3.99 / 1000');
  });

  it('a package covers from 00:00 of its purchase day to the day before the same date next month, renewed at the list price', () => {
    // Bought 2026-11-20: cycles 11-20 → 12-19 (fee paid before the period; all minutes assumed left) and
    // 12-20 → 2027-01-19 (fee 199 in the period). 30 days from 12-01 × 200 voice min = 6,000, all covered.
    const b = bill({ tariff: intl, rooms: [voice(200)], payment: { packages: [{ edition: 'call.1v1', purchased: '2026-11-20' }] } }, false);
    assert.deepEqual(
      b.monthlyPackages[0].cycles.map((c) => [c.start, c.end, c.fee]),
      [
        ['2026-11-20', '2026-12-19', null],
        ['2026-12-20', '2027-01-19', '199'],
      ],
    );
    assert.deepEqual(
      b.monthlyPackages[0].cycles.map((c) => c.used),
      ['3800', '2200'],
      '19 days × 200 in the first cycle, 11 days in the second',
    );
    assert.equal(b.total, '199');
    assert.ok(b.assumptions.some((a) => a.code === 'package-remaining:0'));
    // Without renewal the second cycle does not exist: days 12-20 … 12-30 (11 × 200 = 2,200 min) are beyond any
    // package, so the app is suspended from 12-20.
    const once = bill(
      { tariff: intl, rooms: [voice(200)], payment: { packages: [{ edition: 'call.1v1', purchased: '2026-11-20', renew: false, remaining: 5000 }] } },
      false,
    );
    assert.equal(once.monthlyPackages[0].cycles.length, 1);
    assert.equal(line(once, 'av.audio')?.postpaidMinutes, '2200');
    assert.equal(once.suspension?.from, '2026-12-20');
    assert.equal(once.suspension?.units, 11);
  });

  it('a package bought mid-period does not cover the days before, and the app is suspended until then', () => {
    // Bought 12-10: days 12-01 … 12-09 (9 × 200 = 1,800 audio) have no package and no free minutes.
    const b = bill({ tariff: intl, rooms: [voice(200)], payment: { packages: [{ edition: 'call.1v1', purchased: '2026-12-10' }] } }, false);
    assert.equal(line(b, 'av.audio')?.packageMinutes, '4200', '21 days × 200');
    assert.equal(line(b, 'av.audio')?.postpaidMinutes, '1800');
    assert.equal(b.suspension?.from, '2026-12-01');
    assert.equal(b.suspension?.units, 9);
    assert.equal(b.warnings[0].code, 'suspended', 'the suspension is the first warning');
  });

  it('deduction order: free minutes → app-bound package → account-wide packages by earliest expiry → prepaid packs → pay-as-you-go', () => {
    // One day, 1,000 audio minutes. Free: 100 left. App package (Call 1v1 bought 11-20, 300 left).
    // Account-wide offers: A bought 11-25 (ends 12-24, 200 minutes), B bought 11-10 (ends 12-09, 150 minutes).
    // Then a prepaid pack of 100. 100 + 300 + 150 (B, earlier expiry) + 200 (A) + 100 (pack) = 850; 150 postpaid.
    const b = bill(
      {
        tariff: intl,
        period: { start: '2026-12-01', days: 1 },
        rooms: [voice(1000)],
        payment: {
          freeMinutes: { remaining: 100 },
          packs: [{ minutes: 100, purchased: '2026-12-01' }],
          packages: [
            { edition: 'custom', name: 'A', fee: 0, minutes: 200, scope: 'account', purchased: '2026-11-25', remaining: 200 },
            { edition: 'call.1v1', purchased: '2026-11-20', remaining: 300 },
            { edition: 'custom', name: 'B', fee: 0, minutes: 150, scope: 'account', purchased: '2026-11-10', remaining: 150 },
          ],
        },
      },
      false,
    );
    const audio = line(b, 'av.audio')!;
    assert.equal(audio.freeMinutes, '100');
    assert.equal(audio.packageMinutes, '650');
    assert.equal(audio.packMinutes, '750', '650 from packages + 100 from the prepaid pack');
    assert.equal(audio.postpaidMinutes, '150');
    assert.deepEqual(
      b.monthlyPackages.map((p) => [p.name.en, p.absorbed]),
      [
        ['A', '200'],
        ['Call 1v1', '300'],
        ['B', '150'],
      ],
    );
    assert.equal(b.packs[0].used, '100');
  });

  it("an edition with no published fee takes the user's fee and minutes, and the bill says the price is the user's", () => {
    // RTC-Engine Standard at the user's 49 USD with 50,000 minutes; 30 × 1,000 audio = 30,000: all covered.
    const b = bill({ tariff: intl, rooms: [voice(1000)], payment: { packages: [{ edition: 'rtc-engine.standard', fee: 49, minutes: 50000 }] } }, false);
    const fee = line(b, 'package.0.rtc-engine.standard')!;
    assert.equal(fee.amount, '49');
    assert.match(fee.label.en, /your price/);
    assert.match(fee.label.zh, /你填写的价格/);
    assert.equal(b.monthlyPackages[0].priceSource, 'user');
    assert.equal(b.total, '49');
    assert.match(renderText(b, 'en'), /RTC-Engine Standard \(your price\)/);
  });

  it('a missing fee or minutes for an unpublished edition is a located error in both languages', () => {
    const text = JSON.stringify({ version: 1, tariff: intl, rooms: [voice(10)], payment: { packages: [{ edition: 'rtc-engine.lite' }] } }, null, 2);
    const r = parseScenario(text);
    const paths = r.errors.map((e) => e.path);
    assert.deepEqual(paths, ['$.payment.packages[0].fee', '$.payment.packages[0].minutes']);
    assert.ok(r.errors.every((e) => e.message.en.includes('missing') && e.message.zh.includes('缺少')));
    const wrongRegion = parseScenario(
      JSON.stringify({ version: 1, tariff: { region: 'mainland' }, rooms: [voice(10)], payment: { packages: [{ edition: 'call.1v1' }] } }, null, 2),
    );
    assert.equal(wrongRegion.errors[0].path, '$.payment.packages[0].edition');
    assert.ok(wrongRegion.errors[0].line! > 1, 'with its line');
    assert.match(wrongRegion.errors[0].message.zh, /国际站/);
    const stacked = parseScenario(
      JSON.stringify({
        version: 1,
        tariff: intl,
        rooms: [voice(10)],
        payment: {
          packages: [
            { edition: 'call.1v1', purchased: '2026-12-01' },
            { edition: 'call.1v1', purchased: '2026-12-15' },
          ],
        },
      }),
    );
    assert.equal(stacked.errors[0].path, '$.payment.packages[1].edition', 'the same plan cannot be stacked');
    const unknown = parseScenario(JSON.stringify({ version: 1, tariff: intl, rooms: [voice(10)], payment: { packages: [{ edition: 'rtc-engine.ultra' }] } }));
    assert.equal(unknown.errors[0].path, '$.payment.packages[0].edition');
  });

  it('S10: the TUICallKit 1V1 bundle ordered 2024-01-05 costs 500 + 999 = 1,499 元; list prices before and after the promotion', () => {
    const b = fromFile('s10-tuicallkit-1v1.json');
    assert.equal(line(b, 'package.0.mainland.call-1v1')?.amount, '1499');
    // 10 sessions × 10 min × 2 people = 200 HD min a day × 30 = 6,000 HD = 24,000 weighted (mainland HD 4) of 110,000.
    assert.equal(b.monthlyPackages[0].absorbed, '24000');
    assert.equal(b.total, '1499');
    const fee = (edition: string, purchased: string) =>
      bill(
        {
          tariff: { region: 'mainland', accountCreated: '2023-06-01' },
          period: { start: purchased, days: 1 },
          rooms: [voice(1)],
          payment: { packages: [{ edition, purchased }] },
        },
        false,
      ).monthlyPackages[0].fee;
    assert.equal(fee('mainland.call-1v1', '2024-01-02'), '1999', '500 + 1,499 before the promotion began');
    assert.equal(fee('mainland.call-1v1', '2026-12-01'), '2124', '625 + 1,499 (1640/82856 prints 2,124)');
    assert.equal(fee('mainland.basic', '2024-01-05'), '500', '8折 offer');
    assert.equal(fee('mainland.basic', '2026-12-01'), '625');
    assert.equal(fee('mainland.premium', '2026-12-01'), '1875');
    assert.equal(fee('mainland.flagship', '2024-03-01'), '5000');
    // Before the earliest dated page the fee is not published: the bill warns and includes no fee.
    const early = bill(
      { tariff: { region: 'mainland' }, period: { start: '2022-06-01', days: 1 }, rooms: [voice(1)], payment: { packages: [{ edition: 'mainland.basic' }] } },
      false,
    );
    assert.ok(early.warnings.some((w) => w.code === 'package-no-fee:0'));
    assert.equal(early.monthlyPackages[0].fee, '0');
  });

  it('mainland 基础版 minutes deduct with the per-stream ratios: FHD 15', () => {
    // 2 people at 1920×1080 receive FHD (per-stream: > 921,600 px): 2 × 100 min × 30 = 6,000 FHD = 90,000 weighted of 110,000.
    const fhd: Room = { ...hdCall(100), participants: [{ count: 2, role: 'anchor', publish: { camera: { width: 1920, height: 1080 } }, receive: 'all' }] };
    const b = bill(
      { tariff: { region: 'mainland', accountCreated: '2023-06-01' }, rooms: [fhd], payment: { packages: [{ edition: 'mainland.basic' }] } },
      false,
    );
    assert.equal(line(b, 'av.FHD')?.packageMinutes, '6000');
    assert.equal(b.monthlyPackages[0].absorbed, '90000');
    assert.equal(b.total, '625');
  });
});

describe('free minutes, 2024–2026 rules (trtc-billing-2025.md §4)', () => {
  it('S9: a cycle granted 2022-11-15 runs to 2022-12-14; the next 10,000 start 2022-12-15', () => {
    // 500 audio min a day: days 1–20 (11-15 … 12-04) use the 10,000; days 21–30 (12-05 … 12-14) pay
    // 10 × 500 × 0.99 / 1000 = 4.95; day 31 (12-15) is free again (new cycle).
    const b = fromFile('s9-free-minute-cycle.json');
    assert.equal(b.freeMinutesUsed, '10500');
    assert.equal(line(b, 'av.audio')?.postpaidMinutes, '5000');
    assert.equal(b.total, '4.95');
    assert.deepEqual(
      b.daily.slice(19, 21).map((d) => [d.date, d.amount]),
      [
        ['2022-12-04', '0'],
        ['2022-12-05', '0.495'],
      ],
    );
    assert.deepEqual(
      b.daily.slice(29).map((d) => [d.date, d.amount]),
      [
        ['2022-12-14', '0.495'],
        ['2022-12-15', '0'],
      ],
    );
  });

  it('free minutes last 12 cycles from the grant date', () => {
    // Granted 2025-12-01: cycle 12 (index 11) is 2026-11-01 → 2026-11-30; 2026-12-01 is cycle 13: none.
    const base = { tariff: intl, period: { start: '2026-11-30', days: 2 }, rooms: [voice(100)] };
    const b = bill(
      { ...base, payment: { freeMinutes: true, freeMinutesGranted: '2025-12-01', packages: [{ edition: 'call.1v1', fee: 0, minutes: 0 }] } },
      false,
    );
    assert.equal(line(b, 'av.audio')?.freeMinutes, '100', 'only 2026-11-30 is free');
    assert.equal(line(b, 'av.audio')?.postpaidMinutes, '100');
  });

  it('accounts registered from 2024-07-25: free minutes also cover MixTranscoding', () => {
    // HD call with an H.264 mix of the two 720p inputs (1,843,200 px → FHD 13.99) for 10 min, one day.
    // A/V: 20 HD min × 4 = 80 weighted; mixing 10 FHD min × 9 = 90 weighted; both within 10,000.
    const room: Room = { ...hdCall(10), mixTranscoding: { codec: 'h264' } };
    const s = (accountCreated: string) =>
      bill(
        {
          tariff: { region: 'international', accountCreated },
          period: { start: '2026-12-01', days: 1 },
          rooms: [room],
          payment: { freeMinutes: true, packages: [{ edition: 'call.1v1' }] },
        },
        false,
      );
    const wide = s('2024-07-25');
    assert.equal(line(wide, 'mixing.h264.FHD')?.freeMinutes, '10');
    assert.equal(line(wide, 'mixing.h264.FHD')?.amount, '0');
    assert.ok(wide.assumptions.some((a) => a.code === 'free-wide-coverage' && a.text.en.includes('not metered')));
    const old = s('2024-07-24');
    assert.equal(line(old, 'mixing.h264.FHD')?.freeMinutes, '0');
    assert.equal(line(old, 'mixing.h264.FHD')?.amount, '0.1399', '10 × 13.99 / 1000');
  });
});

describe('suspension of an international app with no package (trtc-billing-2025.md §3; 73281)', () => {
  it('usage beyond the free minutes without a package: a prominent warning and what each package would cost instead', () => {
    // 30 days × 2 × 200 HD min = 12,000 HD = 48,000 weighted; free 10,000 weighted = 2,500 HD (days 1–6
    // use 2,400; day 7 has 100 weighted = 25 HD left), so day 7 is the first day beyond them.
    // Call 1v1 instead: free 2,500 HD, then 100,000 weighted covers the other 9,500 HD (38,000): fee 199, nothing beyond.
    // RTC-Engine Standard at the user's 30 USD for 20,000 minutes: 20,000 weighted = 5,000 HD;
    // 12,000 − 2,500 − 5,000 = 4,500 HD × 3.99 / 1000 = 17.955 → 47.955.
    const b = bill({
      tariff: intl,
      rooms: [hdCall(200)],
      payment: { freeMinutes: true, packagePrices: { 'rtc-engine.standard': { fee: 30, minutes: 20000 } } },
    });
    assert.equal(b.warnings[0].code, 'suspended');
    assert.match(b.warnings[0].text.en, /suspended on 2026-12-07/);
    assert.match(b.warnings[0].text.zh, /停用/);
    assert.equal(b.suspension?.from, '2026-12-07');
    const choice = (id: string) => b.suspension!.choices.find((c) => c.edition === id)!;
    assert.deepEqual([choice('call.1v1').fee, choice('call.1v1').payAsYouGo, choice('call.1v1').total], ['199', '0', '199']);
    assert.deepEqual([choice('rtc-engine.standard').total, choice('rtc-engine.standard').priceSource], ['47.955', 'user']);
    assert.equal(choice('rtc-engine.lite').total, null, 'no published fee: shown, not priced');
    assert.equal(choice('rtc-engine.lite').priceSource, 'unpublished');
    assert.ok(!b.suspension!.choices.some((c) => c.edition.endsWith('trial')), 'trials stop too: not a choice');
    assert.match(renderText(b, 'en'), /^!! ⚠ SUSPENSION/m);
    // The advice (product RTC-Engine by default) compares the Standard edition at the user's price, but
    // a custom pack without a package (38,000 weighted × 0.96 / 1000 = 36.48; postpaid would be
    // 9,500 HD × 3.99 / 1000 = 37.905) is cheaper: it says that this is not possible without a package.
    assert.equal(b.advice?.best.package, undefined);
    assert.equal(b.advice?.best.total, '36.48');
    assert.ok(b.advice?.explanation.some((e) => e.en.includes('Monthly packages compared: RTC-Engine Standard')));
    assert.ok(b.advice?.explanation.some((e) => e.en.includes('suspended')));
  });

  it('no suspension within the free minutes, on the mainland, or before the rule is dated', () => {
    assert.equal(bill({ tariff: intl, rooms: [voice(100)], payment: { freeMinutes: true } }).suspension, null, '3,000 audio min < 10,000');
    assert.equal(bill({ tariff: { region: 'mainland', accountCreated: '2023-01-01' }, rooms: [voice(1000)] }).suspension, null);
    assert.equal(bill({ tariff: intl, period: { start: '2022-06-01', days: 30 }, rooms: [voice(1000)] }).suspension, null);
  });

  it('a Free Trial or Call Trial does not allow pay-as-you-go: beyond the free minutes the app stops', () => {
    const b = bill(
      {
        tariff: intl,
        period: { start: '2026-12-01', days: 10 },
        rooms: [voice(1000, 2)],
        payment: { freeMinutes: true, packages: [{ edition: 'call.trial' }] },
      },
      false,
    );
    // 2,000 a day: days 1–5 use the 10,000 free minutes; day 6 is beyond them.
    assert.equal(b.suspension?.from, '2026-12-06');
    assert.ok(b.assumptions.some((a) => a.code === 'package-trial:0' && a.text.en.includes('2026-12-07')));
  });
});

describe('payment advice with package editions', () => {
  it('mainland TUICallKit app: TRTC 基础版 + a custom pack beats the 250k pack', () => {
    // 60,000 HD = 240,000 weighted; postpaid 60,000 × 28 / 1000 = 1,680.
    // 基础版 625 covers 110,000; the other 130,000 as a custom pack at 6.72 = 873.6 → 1,498.6 (250k pack alone: 1,588).
    const b = bill({ tariff: { region: 'mainland', accountCreated: '2021-01-01' }, rooms: [hdCall(1000)], payment: { product: 'call' } });
    assert.equal(b.total, '1680');
    assert.equal(b.advice?.best.package?.edition, 'mainland.basic');
    assert.equal(b.advice?.best.package?.fee, '625');
    assert.deepEqual(
      b.advice?.best.packs.map((p) => [p.minutes, p.custom]),
      [[130000, true]],
    );
    assert.equal(b.advice?.best.total, '1498.6');
    assert.equal(b.advice?.saving, '181.4');
    // Buying what it says gives the bill it predicts: the bill holds the package fee and the postpaid rest
    // (a pack's price is paid when bought, not in the bill), 625 + 0.
    const after = bill(
      {
        tariff: { region: 'mainland', accountCreated: '2021-01-01' },
        rooms: [hdCall(1000)],
        payment: { product: 'call', packages: [{ edition: 'mainland.basic' }], packs: [{ minutes: 130000, purchased: '2026-12-01' }] },
      },
      false,
    );
    assert.equal(after.total, '625');
    assert.equal(b.advice?.best.postpaidCost, '0');
  });

  it('mainland without a product: packages are not assumed, and the advice says how to compare them', () => {
    const b = bill({ tariff: { region: 'mainland', accountCreated: '2021-01-01' }, rooms: [hdCall(1000)] });
    assert.equal(b.advice?.best.packCost, '1588');
    assert.ok(b.advice?.explanation.some((e) => e.en.includes('payment.product')));
  });

  it('the 2,880,000-minute need is advised the fixed 3,000,000 pack (16,888), not a dearer custom pack', () => {
    // 96,000 audio min a day × 30 = 2,880,000. Custom 2,880,000 at 5.968 (1,000k bracket) = 17,187.84;
    // the fixed 3,000,000 pack costs 16,888, although it overshoots by 120,000 minutes.
    const b = bill({ tariff: { region: 'mainland', accountCreated: '2021-01-01' }, rooms: [voice(1440, 66.6666666667)] });
    assert.equal(line(b, 'av.audio')?.minutes, '2880000');
    assert.deepEqual(
      b.advice?.best.packs.map((p) => [p.minutes, p.custom, p.count]),
      [[3000000, false, 1]],
    );
    assert.equal(b.advice?.best.total, '16888');
  });
});
