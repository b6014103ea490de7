// TRTC Flutter SDK (Dart): the current `tencent_rtc_sdk` and the old `tencent_trtc_cloud` plugin,
// whose enums live in TRTCCloudDef and whose encoder default differs.
import { MOBILE_CAMERA_DEFAULT, NATIVE_CALLS, NATIVE_PREFILTER } from './native';
import { defineSdk } from './types';

export const flutter = defineSdk({
  id: 'flutter',
  name: { en: 'Flutter', zh: 'Flutter' },
  languages: ['dart'],
  fallbackFor: ['dart'],
  flavor: 'native',
  mobile: true,
  identifiers: [{ name: 'TRTCCloudDef', marker: 'old-flutter' }],
  modules: [{ text: 'tencent_trtc_cloud', marker: 'old-flutter' }],
  prefilter: NATIVE_PREFILTER,
  calls: [...NATIVE_CALLS],
  defaults: { camera: MOBILE_CAMERA_DEFAULT },
  variants: [
    {
      id: 'tencent_trtc_cloud',
      marker: 'old-flutter',
      defaults: {
        camera: {
          value: { width: 360, height: 480 },
          why: {
            en: 'setVideoEncoderParam is not called: the tencent_trtc_cloud default is 480×360 portrait',
            zh: '未调用 setVideoEncoderParam：tencent_trtc_cloud 默认 480×360 竖屏',
          },
        },
      },
    },
  ],
});
