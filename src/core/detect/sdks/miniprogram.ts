// WeChat Mini Program: trtc-wx (the page drives its <live-pusher> itself) or a page reaching the
// <trtc-room> component (its room is configured in the page's .wxml, read by ../wxml.ts).
import { JS_LANGUAGES } from '../languages';
import { defineSdk } from './types';

export const miniprogram = defineSdk({
  id: 'miniprogram',
  name: { en: 'WeChat Mini Program', zh: '微信小程序' },
  languages: JS_LANGUAGES,
  rules: [
    { order: 10, all: ['trtc-wx'] },
    // `this.selectComponent('#trtc-room')` in a page that uses no other SDK.
    { order: 11, all: ['wx-component'], none: ['electron', 'react-native', 'uni-app', 'web-v4', 'web-v5', 'kit'] },
  ],
  flavor: 'miniprogram',
  kits: false,
  identifiers: [{ name: 'selectComponent', marker: 'wx-component', before: ['.'], after: ['('] }],
  modules: [{ text: 'trtc-wx', marker: 'trtc-wx' }],
  prefilter: ['TRTC', 'trtc'],
  calls: ['enterRoom'],
  defaults: {
    camera: {
      value: { width: 360, height: 640 },
      why: {
        en: "videoWidth/videoHeight are not set: trtc-wx's pusher defaults to 360 × 640",
        zh: '未设置 videoWidth/videoHeight：trtc-wx 的 pusher 默认 360 × 640',
      },
    },
  },
});
