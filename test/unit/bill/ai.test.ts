// Conversational AI and speech AI (trtc-billing-2025.md §9, §11.1, §11.6; example S8 of trtc-billing-2025-examples.md).
// Every expected figure is the page's own or computed by hand in the test's comment.
import { strict as assert } from 'node:assert';
import { estimate, parseScenario, renderMarkdown, renderText, type Bill } from '../../../src/core';
import { ttsCharacters } from '../../../src/core/bill/ai';
import { D } from '../../../src/core/decimal';

function bill(doc: unknown): Bill {
  const parsed = parseScenario(JSON.stringify(doc));
  assert.deepEqual(parsed.errors, [], 'the scenario should be valid');
  assert.deepEqual(parsed.warnings, [], 'the scenario should have no warnings');
  assert.ok(parsed.scenario);
  return estimate(parsed.scenario, { today: '2026-11-26' });
}

const line = (b: Bill, key: string) => b.lines.find((l) => l.key === key);
const sum = (b: Bill) => b.lines.reduce((t, l) => t.plus(l.amount), new D(0)).toFixed();

const human = { name: 'human', count: 1, role: 'anchor', publish: { audio: true }, receive: 'all' };

const scenario = (room: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  version: 1,
  tariff: { region: 'international', accountCreated: '2025-12-01' },
  period: { start: '2026-01-05', days: 1 },
  payment: { freeMinutes: false },
  rooms: [{ name: 'assistant', service: 'voice-call', sessionsPerDay: 1, minutesPerSession: 20, participants: [human], ...room }],
  ...extra,
});

describe('Conversational AI (67833, example S8)', () => {
  it('1-on-1 with an AI bot for 20 min, 10 min of speech-to-text: 0.0396 + 0.2 + 0.2 = 0.4396 USD', () => {
    const b = bill(scenario({ ai: { conversational: { bots: 1 }, speechToText: { minutes: 10 } } }));
    // Audio: 0.99 / 1,000 × 20 min × 2 participants (human and bot) = 0.0396 (the page's step 1, no free minutes left).
    assert.equal(line(b, 'av.audio')?.minutes, '40');
    assert.equal(line(b, 'av.audio')?.amount, '0.0396');
    // AI service: 0.01 USD/min × 20 = 0.2 (step 2).
    assert.equal(line(b, 'ai.service')?.minutes, '20');
    assert.equal(line(b, 'ai.service')?.amount, '0.2');
    // Speech-to-text: 0.02 USD/min × 10 = 0.2 (step 3).
    assert.equal(line(b, 'ai.stt')?.minutes, '10');
    assert.equal(line(b, 'ai.stt')?.amount, '0.2');
    // The page prints no total; the sum of its three lines is 0.4396.
    assert.equal(b.total, '0.4396');
    assert.equal(sum(b), b.total);
    // The room's list price is all three (the AI lines are the room's): 0.4396 for its one session of 20 min, so
    // 0.4396 / 20 = 0.02198 per session-minute.
    assert.equal(b.rooms[0].monthly, '0.4396');
    assert.equal(b.rooms[0].perSessionMinute, '0.02198');
    assert.equal(b.daily[0].amount, '0.4396');
    // Per-minute prices are shown per 1,000 minutes like every duration line: 0.01/min = 10, 0.02/min = 20.
    assert.equal(line(b, 'ai.service')?.unitPrice, '10');
    assert.equal(line(b, 'ai.stt')?.unitPrice, '20');
    assert.equal(line(b, 'ai.service')?.category, 'ai');
    assert.ok(b.assumptions.some((a) => a.code === 'ai-third-party'));
  });

  it('free minutes offset the audio first, then the AI service minutes; speech-to-text is always paid', () => {
    // 50 free minutes: the rooms' audio (40 min, weight 1) takes 40, the AI service the 10 left of its 20 min.
    const b = bill(scenario({ ai: { conversational: {}, speechToText: { minutes: 10 } } }, { payment: { freeMinutes: { remaining: 50 } } }));
    assert.equal(line(b, 'av.audio')?.freeMinutes, '40');
    assert.equal(line(b, 'ai.service')?.freeMinutes, '10');
    assert.equal(line(b, 'ai.service')?.postpaidMinutes, '10');
    assert.equal(line(b, 'ai.service')?.amount, '0.1'); // 10 × 0.01
    assert.equal(line(b, 'ai.stt')?.freeMinutes, '0');
    assert.equal(line(b, 'ai.stt')?.amount, '0.2');
    assert.equal(b.freeMinutesUsed, '50');
    assert.equal(b.total, '0.3');
    // 30 free minutes: all go to the audio (40 → 10 paid), none is left for the AI service.
    const c = bill(scenario({ ai: { conversational: {} } }, { payment: { freeMinutes: { remaining: 30 } } }));
    assert.equal(line(c, 'av.audio')?.postpaidMinutes, '10');
    assert.equal(line(c, 'ai.service')?.freeMinutes, '0');
    assert.equal(line(c, 'ai.service')?.amount, '0.2');
  });

  it('the AI task can be shorter than the session: the bot is in the room and billed for its task minutes only', () => {
    const b = bill(scenario({ minutesPerSession: 30, ai: { conversational: { bots: 2, minutes: 12 } } }));
    // Human 30 min + 2 bots × 12 min = 54 audio min; AI service 2 × 12 = 24 min × 0.01 = 0.24.
    assert.equal(line(b, 'av.audio')?.minutes, '54');
    assert.equal(line(b, 'ai.service')?.minutes, '24');
    assert.equal(line(b, 'ai.service')?.amount, '0.24');
    // With no speech-to-text minutes set, none is billed and no STT line appears.
    assert.equal(line(b, 'ai.stt'), undefined);
  });

  it('the AI service is rounded up per app per day, even under monthly settlement', () => {
    // 30 s of AI task, 1 session a day, 3 days, monthly settlement: ceil(0.5) = 1 min a day → 3 min (not ceil(1.5) = 2).
    const b = bill(
      scenario(
        { minutesPerSession: 0.5, ai: { conversational: {} } },
        { period: { start: '2026-01-05', days: 3 }, payment: { freeMinutes: false, mode: 'postpaid-monthly' } },
      ),
    );
    assert.equal(line(b, 'ai.service')?.minutes, '3');
    assert.equal(line(b, 'ai.service')?.amount, '0.03');
    // The audio follows the monthly settlement: human + bot 30 s each × 3 days = 180 s → 3 min.
    assert.equal(line(b, 'av.audio')?.minutes, '3');
  });
});

describe('speech AI without a bot (67832)', () => {
  it('speech-to-text of two streams adds up; the recognition robot is billed as audio for the session', () => {
    const b = bill(
      scenario({
        minutesPerSession: 30,
        participants: [{ ...human, count: 2 }],
        ai: { speechToText: { minutes: 10, streams: 2 } },
      }),
    );
    // 2 speakers × 30 min + the robot 30 min = 90 audio min × 0.99 / 1,000 = 0.0891.
    assert.equal(line(b, 'av.audio')?.minutes, '90');
    assert.equal(line(b, 'av.audio')?.amount, '0.0891');
    // 2 streams × 10 min = 20 min × 0.02 = 0.4. No AI service fee without a bot.
    assert.equal(line(b, 'ai.stt')?.minutes, '20');
    assert.equal(line(b, 'ai.stt')?.amount, '0.4');
    assert.equal(line(b, 'ai.service'), undefined);
    assert.ok(b.assumptions.some((a) => a.code === 'ai-robot-billed'));
  });

  it('translation = input minutes × target languages, rounded up per day before the multiplication', () => {
    // 10 input min into 3 languages = 30 min × 0.016 = 0.48.
    const b = bill(scenario({ ai: { translation: { languages: 3, minutes: 10 } } }));
    assert.equal(line(b, 'ai.translation')?.minutes, '30');
    assert.equal(line(b, 'ai.translation')?.amount, '0.48');
    // 20 s of input per session, 4 sessions a day, 2 languages: the day's input ceil(80 s) = 2 min × 2 languages = 4 min,
    // not the language-seconds rounded once, ceil(160 s) = 3 min.
    const c = bill(scenario({ sessionsPerDay: 4, ai: { translation: { languages: 2, minutes: 20 / 60 } } }));
    assert.equal(line(c, 'ai.translation')?.minutes, '4');
    assert.equal(line(c, 'ai.translation')?.amount, '0.064'); // 4 × 0.016
  });

  it('translation input defaults to the recognised minutes × streams', () => {
    const b = bill(scenario({ ai: { speechToText: { minutes: 5, streams: 2 }, translation: { languages: 2 } } }));
    // STT 2 × 5 = 10 min (0.2); translation input 10 min × 2 languages = 20 min × 0.016 = 0.32.
    assert.equal(line(b, 'ai.stt')?.amount, '0.2');
    assert.equal(line(b, 'ai.translation')?.minutes, '20');
    assert.equal(line(b, 'ai.translation')?.amount, '0.32');
  });

  it('text-to-speech: 0.06 USD per 1,000 characters, Chinese/Japanese/Korean characters count 2', () => {
    // Per session 1,000 + 2 × 500 = 2,000 characters; 3 sessions = 6,000 × 0.06 / 1,000 = 0.36.
    const b = bill(scenario({ sessionsPerDay: 3, ai: { textToSpeech: { characters: 1000, cjkCharacters: 500 } } }));
    const tts = line(b, 'ai.tts');
    assert.equal(tts?.characters, '6000');
    assert.equal(tts?.unit, 'per-1000-chars');
    assert.equal(tts?.unitPrice, '0.06');
    assert.equal(tts?.amount, '0.36');
    assert.equal(tts?.minutes, '0');
    assert.match(renderText(b, 'en'), /6,000 characters × \$0\.0600 per 1,000 characters = \$0\.3600/);
    assert.match(renderText(b, 'zh-cn'), /6,000 字符 × \$0\.0600 每千字符/);
    assert.match(renderMarkdown(b, 'en'), /\| 6,000 characters \|/);
    // Text-to-speech alone adds no robot (nothing is recognised): the audio is the human's 3 × 20 min.
    assert.equal(line(b, 'av.audio')?.minutes, '60');
  });

  it('counts characters the way the page does', () => {
    assert.equal(ttsCharacters('hello'), 5);
    assert.equal(ttsCharacters('你好, world'), 2 * 2 + 7);
    assert.equal(ttsCharacters('こんにちは'), 10);
    assert.equal(ttsCharacters('カタカナ'), 8);
    assert.equal(ttsCharacters('안녕'), 4);
    assert.equal(ttsCharacters('😀'), 1);
    assert.equal(ttsCharacters(''), 0);
  });
});

describe('AI where no price is published', () => {
  it('mainland: not estimated, said so, and no bot is added to the room', () => {
    const b = bill({
      version: 1,
      tariff: { region: 'mainland', accountCreated: '2025-12-01' },
      period: { start: '2026-01-05', days: 1 },
      payment: { freeMinutes: false },
      rooms: [{ name: 'assistant', service: 'voice-call', sessionsPerDay: 1, minutesPerSession: 20, participants: [human], ai: { conversational: {} } }],
    });
    assert.equal(
      b.lines.some((l) => l.key.startsWith('ai.')),
      false,
    );
    assert.equal(line(b, 'av.audio')?.minutes, '20');
    const w = b.warnings.find((x) => x.code === 'ai-not-priced');
    assert.ok(w);
    assert.match(w.text.en, /not estimated/);
    assert.match(w.text.zh, /未估算/);
  });

  it('the RTC-Engine package it needs has no published fee: an assumption says so, the fee is not invented', () => {
    const b = bill(scenario({ ai: { speechToText: { minutes: 1 } } }));
    assert.ok(b.assumptions.some((a) => a.code === 'ai-package-needed' && /not published/.test(a.text.en)));
    assert.equal(
      b.lines.some((l) => l.category === 'package'),
      false,
    );
  });
});

describe('scenario validation of ai', () => {
  it('rejects out-of-range values with the path', () => {
    const parsed = parseScenario(JSON.stringify(scenario({ ai: { translation: { languages: 0 }, textToSpeech: { characters: -1 } } })));
    const paths = parsed.errors.map((e) => e.path);
    assert.ok(paths.includes('$.rooms[0].ai.translation.languages'), paths.join(', '));
    assert.ok(paths.includes('$.rooms[0].ai.textToSpeech.characters'), paths.join(', '));
  });
  it('requires the languages of a translation', () => {
    const parsed = parseScenario(JSON.stringify(scenario({ ai: { translation: { minutes: 3 } } })));
    assert.ok(parsed.errors.some((e) => e.path === '$.rooms[0].ai.translation.languages'));
  });
});
