// TRTC Web SDK v4 (trtc-js-sdk): `TRTC.createClient({ mode })`, `client.join()`, `TRTC.createStream()`.
import { JS_LANGUAGES } from '../languages';
import { defineSdk } from './types';
import { WEB_SCREEN_PROFILES, WEB_VIDEO_PROFILES } from './web-v5';

export const webV4 = defineSdk({
  id: 'web-v4',
  name: { en: 'Web SDK v4', zh: 'Web SDK v4' },
  languages: JS_LANGUAGES,
  rules: [
    { order: 50, all: ['web-v4'] },
    // Its import may be in another file: a client and a local stream are v4's own pair of calls.
    { order: 51, calls: ['createClient', 'createStream'] },
  ],
  flavor: 'web-v4',
  modules: [{ text: 'trtc-js-sdk', marker: 'web-v4' }],
  prefilter: ['TRTC', 'trtc'],
  calls: [
    'createClient',
    'join',
    'switchRole',
    'createStream',
    'setVideoProfile',
    'setScreenProfile',
    'publish',
    'subscribe',
    'startMixTranscode',
    'startPublishCDNStream',
    'enableSmallStream',
    'setSmallStreamProfile',
    'setRemoteVideoStreamType',
  ],
  // v4 names its profiles as v5 does.
  profiles: { camera: WEB_VIDEO_PROFILES, screen: WEB_SCREEN_PROFILES },
  defaults: {
    camera: {
      value: { width: 640, height: 480 },
      why: { en: "setVideoProfile is not called: the Web SDK v4 default is '480p' (640×480)", zh: "未调用 setVideoProfile：Web SDK v4 默认 '480p'（640×480）" },
    },
    screen: {
      value: { width: 1920, height: 1080 },
      why: { en: "setScreenProfile is not called: the default is '1080p' (1920×1080)", zh: "未调用 setScreenProfile：默认 '1080p'（1920×1080）" },
    },
  },
});
