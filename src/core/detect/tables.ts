// SDK names and values that carry cost, from ../shared/reference/trtc-sdk-apis.md.
import type { Resolution } from '../scenario/types';

/** Native TRTCVideoResolution numeric values (all platforms share them). */
export const RESOLUTION_BY_VALUE: ReadonlyMap<number, Resolution> = new Map([
  [1, { width: 120, height: 120 }],
  [3, { width: 160, height: 160 }],
  [5, { width: 270, height: 270 }],
  [7, { width: 480, height: 480 }],
  [50, { width: 160, height: 120 }],
  [52, { width: 240, height: 180 }],
  [54, { width: 280, height: 210 }],
  [56, { width: 320, height: 240 }],
  [58, { width: 400, height: 300 }],
  [60, { width: 480, height: 360 }],
  [62, { width: 640, height: 480 }],
  [64, { width: 960, height: 720 }],
  [100, { width: 160, height: 90 }],
  [102, { width: 256, height: 144 }],
  [104, { width: 320, height: 180 }],
  [106, { width: 480, height: 270 }],
  [108, { width: 640, height: 360 }],
  [110, { width: 960, height: 540 }],
  [112, { width: 1280, height: 720 }],
  [114, { width: 1920, height: 1080 }],
]);

interface Profile {
  width: number;
  height: number;
}

/** Web v5 camera `videoProfileMap` (plus the hidden `_2` variants of the runtime bundle). */
export const WEB_VIDEO_PROFILES: ReadonlyMap<string, Profile> = new Map([
  ['120p', { width: 160, height: 120 }],
  ['120p_2', { width: 160, height: 120 }],
  ['180p', { width: 320, height: 180 }],
  ['180p_2', { width: 320, height: 180 }],
  ['240p', { width: 320, height: 240 }],
  ['240p_2', { width: 320, height: 240 }],
  ['360p', { width: 640, height: 360 }],
  ['360p_2', { width: 640, height: 360 }],
  ['480p', { width: 640, height: 480 }],
  ['480p_2', { width: 640, height: 480 }],
  ['720p', { width: 1280, height: 720 }],
  ['1080p', { width: 1920, height: 1080 }],
  ['1440p', { width: 2560, height: 1440 }],
  ['4k', { width: 3840, height: 2160 }],
]);

/** Web `screenProfileMap` (v5; v4 uses the same names). */
export const WEB_SCREEN_PROFILES: ReadonlyMap<string, Profile> = new Map([
  ['480p', { width: 640, height: 480 }],
  ['480p_2', { width: 640, height: 480 }],
  ['720p', { width: 1280, height: 720 }],
  ['720p_2', { width: 1280, height: 720 }],
  ['1080p', { width: 1920, height: 1080 }],
  ['1080p_2', { width: 1920, height: 1080 }],
]);

/** TUIRoomKit / TUILiveKit TUIVideoQuality names (unverified in the reference; by their suffix). */
export const KIT_QUALITY: ReadonlyMap<string, Profile> = new Map([
  ['360p', { width: 640, height: 360 }],
  ['540p', { width: 960, height: 540 }],
  ['720p', { width: 1280, height: 720 }],
  ['1080p', { width: 1920, height: 1080 }],
]);

/**
 * A resolution written as an enum name that ends in WIDTH_HEIGHT: TRTCVideoResolution_1280_720,
 * TRTC_VIDEO_RESOLUTION_1280_720, Swift `._1280_720`, new Flutter `res_1280_720`, TUICallKit
 * `Resolution_1280_720`. Also 2560_1440, which appears in newer desktop code.
 */
export function resolutionFromEnumName(name: string): Resolution | undefined {
  const m = /(?:^|_|[a-z])(\d{2,4})_(\d{2,4})$/.exec(name);
  if (!m) return undefined;
  const width = Number(m[1]);
  const height = Number(m[2]);
  if (width < 16 || height < 16) return undefined;
  return { width, height };
}

export type SceneKind = 'call' | 'live';
export type SceneMedia = 'video' | 'audio' | 'any';

export interface SceneMeaning {
  kind: SceneKind;
  /** What the scene name suggests; 'any' for the Web SDK scenes, which do not say. */
  media: SceneMedia;
}

/** Scene names from every SDK, normalized (lower case, no underscores, no TRTCAppScene/SCENE prefix). */
const SCENES: ReadonlyMap<string, SceneMeaning> = new Map([
  ['videocall', { kind: 'call', media: 'video' }],
  ['live', { kind: 'live', media: 'video' }],
  ['audiocall', { kind: 'call', media: 'audio' }],
  ['voicechatroom', { kind: 'live', media: 'audio' }],
  ['voicechat', { kind: 'live', media: 'audio' }],
  ['rtc', { kind: 'call', media: 'any' }],
]);

const sceneCache = new Map<string, SceneMeaning | null>();

export function sceneFromName(name: string, webStyle: boolean): SceneMeaning | undefined {
  const key = webStyle ? `w:${name}` : name;
  const cached = sceneCache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const meaning = sceneFromNameUncached(name, webStyle);
  // Scene spellings are few; the cache only grows with distinct names seen (bounded below).
  if (sceneCache.size < 4096) sceneCache.set(key, meaning ?? null);
  return meaning;
}

function sceneFromNameUncached(name: string, webStyle: boolean): SceneMeaning | undefined {
  let n = name.toLowerCase().replace(/_/g, '');
  for (const prefix of ['trtcappscene', 'trtcscene', 'appscene', 'scene']) {
    if (n.startsWith(prefix) && n.length > prefix.length) {
      n = n.slice(prefix.length);
      break;
    }
  }
  const meaning = SCENES.get(n);
  if (!meaning) return undefined;
  // Web v5 'live' says nothing about the media (v4 `mode: 'live'` neither).
  if (webStyle && meaning.kind === 'live' && meaning.media === 'video' && n === 'live') return { kind: 'live', media: 'any' };
  return meaning;
}

export function sceneFromNumber(value: number): SceneMeaning | undefined {
  switch (value) {
    case 0:
      return { kind: 'call', media: 'video' };
    case 1:
      return { kind: 'live', media: 'video' };
    case 2:
      return { kind: 'call', media: 'audio' };
    case 3:
      return { kind: 'live', media: 'audio' };
    default:
      return undefined;
  }
}

export function roleFromName(name: string): 'anchor' | 'audience' | undefined {
  const n = name.toLowerCase();
  if (n.endsWith('anchor')) return 'anchor';
  if (n.endsWith('audience')) return 'audience';
  return undefined;
}

export function roleFromNumber(value: number): 'anchor' | 'audience' | undefined {
  return value === 20 ? 'anchor' : value === 21 ? 'audience' : undefined;
}

/** Area ordering: the billing tiers rise with pixel area, so "most expensive" means largest area. */
export function area(r: Resolution | null | undefined): number {
  return r ? r.width * r.height : 0;
}
