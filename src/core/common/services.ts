// The TRTC services a room can be, named for people (the scenario's `service` values are their ids).
import type { Text } from './text';

export const SERVICE_TEXT: Readonly<Record<'video-call' | 'voice-call' | 'video-live' | 'voice-live', Text>> = {
  'video-call': { en: 'video call', zh: '视频通话' },
  'voice-call': { en: 'voice call', zh: '语音通话' },
  'video-live': { en: 'video live', zh: '视频互动直播' },
  'voice-live': { en: 'voice live', zh: '语音互动直播' },
};

/** The service's name, or undefined for an id that is not one. */
export function serviceText(service: string): Text | undefined {
  return Object.prototype.hasOwnProperty.call(SERVICE_TEXT, service) ? SERVICE_TEXT[service as keyof typeof SERVICE_TEXT] : undefined;
}
