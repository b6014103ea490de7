// TRTC Web SDK v5 (trtc-sdk-v5): `TRTC.create()`, `trtc.enterRoom({ scene, role })`, profiles by name.
import type { Profile } from './types';
import { JS_LANGUAGES } from '../languages';
import { defineSdk } from './types';

/** Camera `videoProfileMap` (plus the hidden `_2` variants of the runtime bundle). */
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

/** `screenProfileMap` (v5; v4 uses the same names). */
export const WEB_SCREEN_PROFILES: ReadonlyMap<string, Profile> = new Map([
  ['480p', { width: 640, height: 480 }],
  ['480p_2', { width: 640, height: 480 }],
  ['720p', { width: 1280, height: 720 }],
  ['720p_2', { width: 1280, height: 720 }],
  ['1080p', { width: 1920, height: 1080 }],
  ['1080p_2', { width: 1920, height: 1080 }],
]);

export const webV5 = defineSdk({
  id: 'web-v5',
  name: { en: 'Web SDK v5', zh: 'Web SDK v5' },
  languages: JS_LANGUAGES,
  // JavaScript that matches no other SDK's rule is read as Web SDK v5.
  fallbackFor: JS_LANGUAGES,
  flavor: 'web-v5',
  identifiers: [{ name: 'TRTC', marker: 'web-v5', after: ['.', 'create', '('] }],
  modules: [{ text: 'trtc-sdk-v5', marker: 'web-v5' }],
  prefilter: ['TRTC', 'trtc', 'Trtc', 'enterRoom'],
  calls: [
    'enterRoom',
    'switchRole',
    'startLocalVideo',
    'updateLocalVideo',
    'startScreenShare',
    'updateScreenShare',
    'startLocalAudio',
    'startRemoteVideo',
    'updateRemoteVideo',
    'startPlugin',
    'updatePlugin',
  ],
  // TRTC.TYPE.SCENE_RTC; SCENE_LIVE reads as the native 'live', its media left open (tables.sceneFromName).
  scenes: new Map([['rtc', { kind: 'call', media: 'any' }]]),
  profiles: { camera: WEB_VIDEO_PROFILES, screen: WEB_SCREEN_PROFILES },
  defaults: {
    camera: {
      value: { width: 640, height: 480 },
      why: {
        en: "startLocalVideo sets no profile: the Web SDK default is '480p_2' (640×480)",
        zh: "startLocalVideo 未设置 profile：Web SDK 默认 '480p_2'（640×480）",
      },
    },
    screen: {
      value: { width: 1920, height: 1080 },
      why: {
        en: "startScreenShare sets no profile: the Web SDK default is '1080p' (1920×1080)",
        zh: "startScreenShare 未设置 profile：Web SDK 默认 '1080p'（1920×1080）",
      },
    },
  },
});
