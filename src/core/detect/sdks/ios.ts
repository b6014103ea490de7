// TRTC iOS SDK: TRTCCloud in Objective-C or Swift; screen capture through ReplayKit.
import { MOBILE_CAMERA_DEFAULT, NATIVE_CALLS, NATIVE_PREFILTER } from './native';
import { defineSdk } from './types';

export const ios = defineSdk({
  id: 'ios',
  name: { en: 'iOS', zh: 'iOS' },
  languages: ['objective-c', 'objective-cpp', 'swift'],
  fallbackFor: ['objective-c', 'objective-cpp', 'swift'],
  flavor: 'native',
  mobile: true,
  prefilter: NATIVE_PREFILTER,
  calls: [...NATIVE_CALLS, 'startScreenCaptureByReplaykit', 'startScreenCaptureInApp'],
  defaults: { camera: MOBILE_CAMERA_DEFAULT },
});
