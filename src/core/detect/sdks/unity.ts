// TRTC Unity SDK: the C# TRTCCloud in a Unity project (`using UnityEngine;`, `using trtc;`).
import { DESKTOP_CAMERA_DEFAULT, NATIVE_CALLS, NATIVE_PREFILTER } from './native';
import { defineSdk } from './types';

export const unity = defineSdk({
  id: 'unity',
  name: { en: 'Unity', zh: 'Unity' },
  languages: ['csharp'],
  // C# without these markers is the Windows C# wrapper (see windows.ts).
  rules: [{ order: 10, all: ['unity'] }],
  flavor: 'native',
  identifiers: [
    { name: 'UnityEngine', marker: 'unity' },
    { name: 'trtc', marker: 'unity', before: [['using', 'namespace']] },
  ],
  prefilter: NATIVE_PREFILTER,
  calls: [...NATIVE_CALLS, 'enableSmallVideoStream'],
  defaults: { camera: DESKTOP_CAMERA_DEFAULT },
});
