// Reading SDK names and values that carry cost (scenes, roles, enum resolutions); the names and
// values themselves are each SDK's data in ./sdks/ (from the SDKs' public API references).
import type { Resolution } from '../scenario/types';
import { ROLE_BY_VALUE, SCENES, SCENE_BY_VALUE, type SceneMeaning } from './sdks';

// The tables themselves are each SDK's data (./sdks/); these names stay for the Extractor.
export { KIT_QUALITY, RESOLUTION_BY_VALUE, WEB_SCREEN_PROFILES, WEB_VIDEO_PROFILES } from './sdks';

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

export type { SceneMeaning };
export type SceneKind = SceneMeaning['kind'];
export type SceneMedia = SceneMeaning['media'];

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
  const m = SCENE_BY_VALUE.get(value);
  return m ? { kind: m.kind, media: m.media } : undefined;
}

export function roleFromName(name: string): 'anchor' | 'audience' | undefined {
  const n = name.toLowerCase();
  if (n.endsWith('anchor')) return 'anchor';
  if (n.endsWith('audience')) return 'audience';
  return undefined;
}

export function roleFromNumber(value: number): 'anchor' | 'audience' | undefined {
  return ROLE_BY_VALUE.get(value);
}

/** Area ordering: the billing tiers rise with pixel area, so "most expensive" means largest area. */
export function area(r: Resolution | null | undefined): number {
  return r ? r.width * r.height : 0;
}
