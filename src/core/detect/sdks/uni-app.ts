// TRTC uni-app SDK (the TrtcCloud native plugin): the native TRTCCloud API from JavaScript / Vue.
import { MOBILE_CAMERA_DEFAULT, NATIVE_CALLS, NATIVE_PREFILTER } from './native';
import { JS_LANGUAGES } from '../languages';
import { defineSdk } from './types';

export const uniApp = defineSdk({
  id: 'uni-app',
  name: { en: 'uni-app', zh: 'uni-app' },
  languages: JS_LANGUAGES,
  rules: [{ order: 40, all: ['uni-app'] }],
  flavor: 'native',
  mobile: true,
  identifiers: [
    { name: 'TrtcCloud', marker: 'uni-app' },
    { name: 'TrtcDefines', marker: 'uni-app' },
  ],
  modules: [{ text: 'TrtcCloud', marker: 'uni-app' }],
  prefilter: NATIVE_PREFILTER,
  calls: [...NATIVE_CALLS],
  defaults: { camera: MOBILE_CAMERA_DEFAULT },
});
