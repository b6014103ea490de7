// TRTC React Native SDK (trtc-react-native): the native TRTCCloud API from JavaScript.
import { MOBILE_CAMERA_DEFAULT, NATIVE_CALLS, NATIVE_PREFILTER } from './native';
import { JS_LANGUAGES } from '../languages';
import { defineSdk } from './types';

export const reactNative = defineSdk({
  id: 'react-native',
  name: { en: 'React Native', zh: 'React Native' },
  languages: JS_LANGUAGES,
  rules: [{ order: 30, all: ['react-native'] }],
  flavor: 'native',
  mobile: true,
  modules: [{ text: 'trtc-react-native', marker: 'react-native' }],
  prefilter: NATIVE_PREFILTER,
  calls: [...NATIVE_CALLS],
  defaults: { camera: MOBILE_CAMERA_DEFAULT },
});
