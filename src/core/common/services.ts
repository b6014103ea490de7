// The TRTC services a room can be, named for people (the scenario's `service` values are their ids).
import type { Text } from './text';

export const SERVICE_TEXT: Readonly<Record<'video-call' | 'voice-call' | 'video-live' | 'voice-live', Text>> = {
  'video-call': { en: 'video call', zh: '视频通话' },
  'voice-call': { en: 'voice call', zh: '语音通话' },
  'video-live': { en: 'video live', zh: '视频互动直播' },
  'voice-live': { en: 'voice live', zh: '语音互动直播' },
};

/** A participant's role, and a call site that switches between the two. */
export const ROLE_TEXT: Readonly<Record<'anchor' | 'audience' | 'switches', Text>> = {
  anchor: { en: 'anchor', zh: '主播' },
  audience: { en: 'audience', zh: '观众' },
  switches: { en: 'switches role', zh: '切换角色' },
};

/** The price book's site. */
export const REGION_TEXT: Readonly<Record<'mainland' | 'international', Text>> = {
  mainland: { en: 'mainland China (CNY)', zh: '中国站（人民币）' },
  international: { en: 'international (USD)', zh: '国际站（美元）' },
};

const own = <K extends string>(table: Readonly<Record<K, Text>>, id: string): Text | undefined =>
  Object.prototype.hasOwnProperty.call(table, id) ? table[id as K] : undefined;

/** The service's name, or undefined for an id that is not one. */
export function serviceText(service: string): Text | undefined {
  return own(SERVICE_TEXT, service);
}

/** The name of a service, role or region id (the scenario's values), or undefined for any other string. */
export function idText(id: string): Text | undefined {
  return own(SERVICE_TEXT, id) ?? own(ROLE_TEXT, id) ?? own(REGION_TEXT, id);
}
