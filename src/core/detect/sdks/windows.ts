// TRTC Windows / macOS desktop SDK: ITRTCCloud in C++, and its C# wrapper.
import { DESKTOP_CAMERA_DEFAULT, NATIVE_CALLS, NATIVE_PREFILTER } from './native';
import { defineSdk } from './types';

export const windows = defineSdk({
  id: 'windows',
  name: { en: 'Windows (C++ / C#)', zh: 'Windows（C++ / C#）' },
  languages: ['cpp', 'c', 'csharp'],
  fallbackFor: ['cpp', 'c', 'csharp'],
  flavor: 'native',
  prefilter: NATIVE_PREFILTER,
  calls: [...NATIVE_CALLS, 'enableSmallVideoStream'],
  defaults: { camera: DESKTOP_CAMERA_DEFAULT },
});
