// Conversational AI and speech AI (trtc.io 67833, 67832): the AI bots and the recognition robot join the rooms as
// audio participants (their audio is A/V duration, billed with the rooms), and the AI service fee, speech-to-text,
// translation and text-to-speech are billed here from the tariff data (src/core/tariff/data/ai-international.json).

import type { Message, Text } from '../common';
import { fmtInt } from '../common';
import type { AiSpec, ParticipantGroup, Room, Scenario } from '../scenario/types';
import { tariff, type AiBook } from '../tariff/load';
import { contractPrice, type FamilyPrice, type FamilyQuantity } from './families';

/** Names of the participant groups added for the AI (chosen so they do not meet a user's group name). */
export const AI_BOT_GROUP = 'AI bot (Conversational AI)';
export const AI_ROBOT_GROUP = 'speech recognition robot';

/** Chinese (Han), Japanese (kana) and Korean (Hangul) characters: each counts as 2 for text-to-speech (67832). */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Billable text-to-speech characters of a text: every character counts 1, a Chinese, Japanese or Korean one 2. */
export function ttsCharacters(text: string): number {
  let n = 0;
  for (const ch of text) n += CJK.test(ch) ? 2 : 1;
  return n;
}

/** The weighted characters of a textToSpeech spec. */
export function ttsWeighted(spec: NonNullable<AiSpec['textToSpeech']>): number {
  return (spec.characters ?? 0) + 2 * (spec.cjkCharacters ?? 0);
}

export function aiBook(s: Scenario): AiBook | undefined {
  return tariff().ai.find((b) => b.applies.region === undefined || b.applies.region === s.tariff.region);
}

const seconds = (minutes: number) => Math.round(minutes * 60);
const taskMinutes = (room: Room, ai: AiSpec) => ai.conversational?.minutes ?? room.minutesPerSession;
const sttMinutes = (room: Room, ai: AiSpec) => ai.speechToText?.minutes ?? (ai.conversational ? taskMinutes(room, ai) : room.minutesPerSession);
const translationMinutes = (room: Room, ai: AiSpec) =>
  ai.translation?.minutes ??
  (ai.speechToText ? sttMinutes(room, ai) * (ai.speechToText.streams ?? 1) : ai.conversational ? taskMinutes(room, ai) : room.minutesPerSession);

/**
 * The room with the AI's own participants: one audio group for the bots (Conversational AI: "both the human and
 * the AI bot" pay audio), or, for speech AI without a bot, the recognition robot (its subscription is A/V duration).
 * Unpriced regions are left alone (the bill says the AI is not estimated).
 */
export function withAiParticipants(room: Room, s: Scenario): Room {
  const ai = room.ai;
  if (!ai || !aiBook(s)) return room;
  const extra: ParticipantGroup[] = [];
  const stay = (m: number) => (m < room.minutesPerSession ? { minutesInRoom: m } : {});
  if (ai.conversational) {
    extra.push({
      name: AI_BOT_GROUP,
      count: ai.conversational.bots ?? 1,
      role: 'anchor',
      publish: { audio: true },
      receive: 'audio-only',
      ...stay(taskMinutes(room, ai)),
    });
  } else if (ai.speechToText || ai.translation) {
    extra.push({ name: AI_ROBOT_GROUP, count: 1, role: 'audience', publish: { audio: false }, receive: 'audio-only' });
  }
  return extra.length ? { ...room, participants: [...room.participants, ...extra] } : room;
}

export interface AiPlan {
  quantities: FamilyQuantity[];
  prices: FamilyPrice[];
  warnings: Message[];
  assumptions: Message[];
}

/** The AI quantities of every room and their prices (international), with what the estimate assumed. */
export function planAi(s: Scenario): AiPlan {
  const plan: AiPlan = { quantities: [], prices: [], warnings: [], assumptions: [] };
  const rooms = s.rooms
    .map((r, i) => [r, i] as const)
    .filter(([r]) => r.ai && (r.ai.conversational || r.ai.speechToText || r.ai.translation || r.ai.textToSpeech));
  if (!rooms.length) return plan;
  const book = aiBook(s);
  if (!book) {
    plan.warnings.push({
      code: 'ai-not-priced',
      text: {
        en:
          `Conversational AI / speech AI in ${rooms.map(([r]) => `"${r.name}"`).join(', ')}: no ${s.tariff.region} prices are in the data (only the ` +
          `international site publishes them); not estimated.`,
        zh: `${rooms.map(([r]) => `「${r.name}」`).join('、')} 的对话式 AI / 语音 AI：数据中没有${s.tariff.region === 'mainland' ? '中国站' : s.tariff.region}价格（仅国际站公布）；未估算。`,
      },
    });
    return plan;
  }
  let sttDefault = false;
  let robot = false;
  let conversational = false;
  for (const [room, i] of rooms) {
    const ai = room.ai!;
    const name = room.name;
    if (ai.conversational) {
      conversational = true;
      const bots = ai.conversational.bots ?? 1;
      const m = taskMinutes(room, ai);
      plan.quantities.push({
        room: i,
        key: 'ai.service',
        perSession: bots * seconds(m),
        reason: () => ({
          en: `"${name}": ${bots} AI bot(s) × ${fmtInt(m)} min of AI task per session (each bot is also billed as an audio participant)`,
          zh: `「${name}」：${bots} 个 AI 机器人 × 每场 ${fmtInt(m)} 分钟 AI 任务（每个机器人另按音频参与者计费）`,
        }),
      });
    } else if (ai.speechToText || ai.translation) {
      robot = true;
    }
    if (ai.speechToText) {
      const streams = ai.speechToText.streams ?? 1;
      const m = sttMinutes(room, ai);
      if (ai.speechToText.minutes === undefined) sttDefault = true;
      plan.quantities.push({
        room: i,
        key: 'ai.stt',
        perSession: streams * seconds(m),
        reason: () => ({
          en: `"${name}": speech-to-text ${streams} stream(s) × ${fmtInt(m)} min per session`,
          zh: `「${name}」：语音转文字 ${streams} 路 × 每场 ${fmtInt(m)} 分钟`,
        }),
      });
    }
    if (ai.translation) {
      const languages = ai.translation.languages;
      const m = translationMinutes(room, ai);
      plan.quantities.push({
        room: i,
        key: 'ai.translation',
        perSession: seconds(m),
        multiplier: languages,
        reason: () => ({
          en: `"${name}": translation of ${fmtInt(m)} input min per session into ${languages} target language(s) (billed minutes = input minutes × languages)`,
          zh: `「${name}」：每场 ${fmtInt(m)} 分钟输入翻译为 ${languages} 种目标语言（计费分钟 = 输入分钟 × 语言数）`,
        }),
      });
    }
    if (ai.textToSpeech) {
      const spec = ai.textToSpeech;
      const weighted = ttsWeighted(spec);
      plan.quantities.push({
        room: i,
        key: 'ai.tts',
        perSession: weighted,
        reason: () => ({
          en:
            `"${name}": text-to-speech ${fmtInt(spec.characters ?? 0)} characters + ${fmtInt(spec.cjkCharacters ?? 0)} Chinese/Japanese/Korean characters ` +
            `× 2 = ${fmtInt(weighted)} per session`,
          zh: `「${name}」：文字转语音 ${fmtInt(spec.characters ?? 0)} 字符 + ${fmtInt(spec.cjkCharacters ?? 0)} 个中日韩字符 × 2 = 每场 ${fmtInt(weighted)} 字符`,
        }),
      });
    }
  }
  const price = (key: string, per: FamilyPrice['per'], free: boolean, notes: Text[] = []): FamilyPrice | undefined => {
    const entry = book.priceByKey.get(key);
    if (!entry) return undefined;
    return {
      key,
      category: 'ai',
      label: entry.label!,
      per,
      ...contractPrice(s, key, entry.price, false),
      citation: entry.citation!,
      daily: true,
      ...(free ? { freeTier: 'audio' as const } : {}),
      notes,
    };
  };
  const prices = [
    price('ai.service', 'min', true, [
      {
        en: 'Free minutes offset the AI service minutes (67833); deducted 1:1 like audio after the rooms\u2019 usage (the ratio is not published).',
        zh: '免费时长可抵扣 AI 服务时长（67833）；在房间用量之后按音频 1:1 抵扣（比例未公布）。',
      },
    ]),
    price('ai.stt', 'min', false, [{ en: 'Speech-to-text is always pay-as-you-go (67833).', zh: '语音转文字始终按量后付费（67833）。' }]),
    price('ai.translation', 'min', false),
    price('ai.tts', '1000-chars', false),
  ];
  for (const p of prices) if (p) plan.prices.push(p);

  if (conversational)
    plan.assumptions.push({
      code: 'ai-third-party',
      text: {
        en:
          'Conversational AI: the LLM and any third-party TTS/STT vendor are your own costs and are not included; each AI bot is billed as an audio ' +
          'participant for its task minutes.',
        zh: '对话式 AI：大模型及第三方 TTS/STT 服务商费用由您自行承担，未计入；每个 AI 机器人按其任务时长作为音频参与者计费。',
      },
    });
  if (robot)
    plan.assumptions.push({
      code: 'ai-robot-billed',
      text: {
        en: "Speech AI without a bot: the recognition robot's subscription is billed as audio A/V duration for the whole session (67832).",
        zh: '未使用 AI 机器人的语音 AI：识别机器人的订阅按整场音频时长计费（67832）。',
      },
    });
  if (sttDefault)
    plan.assumptions.push({
      code: 'ai-stt-minutes',
      text: {
        en:
          'Speech-to-text is billed only while the microphone is on; it is assumed on for the whole AI task (or session). Set ai.speechToText.minutes to ' +
          'the speaking time.',
        zh: '语音转文字仅在麦克风开启时计费；假定整个 AI 任务（或整场）麦克风均开启。可设置 ai.speechToText.minutes 为实际说话时长。',
      },
    });
  plan.assumptions.push({
    code: 'ai-package-needed',
    text: {
      en:
        'Speech-to-text and AI need an RTC-Engine monthly package of Lite or above; its fee is not published (enter it in payment.packages or ' +
        'payment.packagePrices).',
      zh: '语音转文字与 AI 功能需要 RTC-Engine 轻量版或以上月套餐；其费用未公布（可在 payment.packages 或 payment.packagePrices 中填写）。',
    },
  });
  return plan;
}
