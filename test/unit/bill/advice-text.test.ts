// The "Cheapest way to pay" advice reads as a sentence in both languages: pack counts and sizes, money formatted
// with its currency symbol and thousands separators, never a raw decimal followed by a currency code.
import { strict as assert } from 'node:assert';
import { estimate, renderMarkdown, renderText, type Bill, type Room } from '../../../src/core';

const today = '2026-11-26';

const voice = (minutes: number, sessions: number): Room => ({
  name: 'voice',
  service: 'voice-call',
  sessionsPerDay: sessions,
  minutesPerSession: minutes,
  participants: [{ count: 1, role: 'anchor', publish: { audio: true }, receive: 'all' }],
});
const hdCall = (minutes: number): Room => ({
  name: 'call',
  service: 'video-call',
  sessionsPerDay: 1,
  minutesPerSession: minutes,
  participants: [{ count: 2, role: 'anchor', publish: { camera: { width: 1280, height: 720 } }, receive: 'all' }],
});

const mainland = (rooms: Room[], product?: 'call'): Bill =>
  estimate(
    {
      version: 1,
      tariff: { region: 'mainland', accountCreated: '2021-01-01' },
      period: { start: '2026-12-01', days: 30 },
      rooms,
      payment: { freeMinutes: false, ...(product ? { product } : {}) },
    },
    { today },
  );

const RAW_MONEY = /\d+\.\d+ (CNY|USD)/;

describe('payment advice wording', () => {
  // 200 sessions × 1,000 audio min × 30 days = 6,000,000 min; postpaid 6,000,000 × 7 / 1,000 = 42,000 CNY.
  // Two 3,000,000-minute packs: 2 × 16,888 = 33,776 (a 6,000,000 custom pack at 5.63 would be 33,780); saving 8,224.
  it('counts the packs and formats the money (en and zh)', () => {
    const b = mainland([voice(1000, 200)]);
    assert.equal(b.advice!.best.total, '33776');
    assert.deepEqual(b.advice!.best.label, { en: 'Buy 2 × 3,000,000-minute pack', zh: '购买 2 个 3,000,000 分钟通用套餐包' });
    const en = b.advice!.explanation.map((e) => e.en).join('\n');
    const zh = b.advice!.explanation.map((e) => e.zh).join('\n');
    assert.match(en, /Cheapest: buy 2 × 3,000,000-minute pack; the packs cost ¥33,776\.00, with nothing left to pay postpaid\. This saves ¥8,224\.00\./);
    assert.match(zh, /最省：购买 2 个 3,000,000 分钟通用套餐包，套餐包共 ¥33,776\.00，无需再按后付费结算，可节省 ¥8,224\.00。/);
    assert.match(en, /needs 6,000,000 pack minutes/);
    // The deduction weights name the tiers in the reader's language (音频, 高清 …), not by their English codes.
    assert.match(zh, /（音视频分钟按权重 音频 1、/);
    assert.doesNotMatch(zh, /\b(audio|SD|HD|FHD) \d/);
    // Every surface of the core (text and Markdown, both languages) prints the same sentence.
    for (const out of [renderText(b, 'en'), renderText(b, 'zh-cn'), renderMarkdown(b, 'en'), renderMarkdown(b, 'zh-cn')]) {
      const sentence = out.split('\n').find((l) => /Cheapest:|最省：/.test(l));
      assert.ok(sentence, out);
      assert.match(sentence, /¥33,776\.00/);
      assert.doesNotMatch(sentence, RAW_MONEY);
    }
  });

  // 60,000 HD = 240,000 weighted; 基础版 625 covers 110,000, the other 130,000 as a custom pack at 6.72 = 873.6;
  // postpaid would be 60,000 × 28 / 1,000 = 1,680, so the saving is 181.4.
  it('a package and a custom pack in one sentence', () => {
    const b = mainland([hdCall(1000)], 'call');
    assert.equal(b.advice!.best.label.en, 'Buy the TRTC Basic (基础版) monthly package (¥625.00 in the period) and one 130,000-minute custom pack');
    assert.equal(b.advice!.best.label.zh, '购买 TRTC 基础版月套餐（计费周期内 ¥625.00）和 1 个 130,000 分钟自定义套餐包');
    const en = b.advice!.explanation.map((e) => e.en).join('\n');
    assert.match(en, /the packs cost ¥873\.60, with nothing left to pay postpaid\. This saves ¥181\.40\./);
  });

  it('no saving: it says postpaid is already the cheapest', () => {
    // 1,000 audio min in one day: postpaid 7 CNY; one 1,000-minute custom pack costs the same 7: no saving.
    const b = estimate(
      {
        version: 1,
        tariff: { region: 'mainland', accountCreated: '2021-01-01' },
        period: { start: '2026-12-01', days: 1 },
        rooms: [voice(1000, 1)],
        payment: { freeMinutes: false },
      },
      { today },
    );
    assert.deepEqual(
      b.advice!.explanation.map((e) => e.en).filter((t) => t.startsWith('Postpaid')),
      ['Postpaid is already the cheapest for this usage.'],
    );
  });
});
