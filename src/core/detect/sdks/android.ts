// TRTC Android SDK (LiteAVSDK_TRTC): TRTCCloud in Java or Kotlin.
import { MOBILE_CAMERA_DEFAULT, NATIVE_CALLS, NATIVE_PREFILTER } from './native';
import { defineSdk } from './types';

export const android = defineSdk({
  id: 'android',
  name: { en: 'Android', zh: 'Android' },
  languages: ['java', 'kotlin'],
  fallbackFor: ['java', 'kotlin'],
  flavor: 'native',
  mobile: true,
  prefilter: NATIVE_PREFILTER,
  calls: [...NATIVE_CALLS],
  defaults: { camera: MOBILE_CAMERA_DEFAULT },
});
