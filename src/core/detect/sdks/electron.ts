// TRTC Electron SDK (trtc-electron-sdk): the native TRTCCloud API in JavaScript. Also recognized
// without its import (often in another file) by the native-style names only it uses in JavaScript.
import { DESKTOP_CAMERA_DEFAULT, NATIVE_CALLS, NATIVE_PREFILTER } from './native';
import { JS_LANGUAGES } from '../languages';
import { defineSdk } from './types';

export const electron = defineSdk({
  id: 'electron',
  name: { en: 'Electron', zh: 'Electron' },
  languages: JS_LANGUAGES,
  rules: [
    { order: 20, all: ['electron'] },
    // TRTCAppScene / `new TRTCParams` without the Web SDK: Electron whose import is in another file.
    { order: 60, all: ['native-js'], none: ['web-v5'] },
  ],
  flavor: 'native',
  identifiers: [
    { name: 'TRTCAppScene', marker: 'native-js' },
    { name: 'TRTCParams', marker: 'native-js', before: ['new'] },
  ],
  modules: [{ text: 'trtc-electron-sdk', marker: 'electron' }],
  prefilter: NATIVE_PREFILTER,
  calls: [...NATIVE_CALLS, 'enableSmallVideoStream'],
  defaults: { camera: DESKTOP_CAMERA_DEFAULT },
});
