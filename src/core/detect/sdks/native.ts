// What the native SDKs share: one TRTCCloud API (Android, iOS, Windows, Unity, Flutter, Electron,
// React Native, uni-app wrap the same engine), so the same call names, enum values and defaults.
// Each SDK's own file adds what is its own. From the SDKs' public API references (Tencent Cloud TRTC docs and the demo repositories).
import type { Text } from '../../common';
import type { Resolution } from '../../scenario/types';
import type { SceneMeaning, SdkDefault } from './types';

const t = (en: string, zh: string): Text => ({ en, zh });

/** The TRTCCloud calls every native SDK has. */
export const NATIVE_CALLS = [
  'enterRoom',
  'switchRole',
  'startLocalPreview',
  'startLocalAudio',
  'setVideoEncoderParam',
  'setSubStreamEncoderParam',
  'enableEncSmallVideoStream',
  'startScreenCapture',
  'startRemoteView',
  'startRemoteSubStreamView',
  'setMixTranscodingConfig',
  'startPublishMediaStream',
  'updatePublishMediaStream',
  'startPublishing',
  'connectOtherRoom',
  'enableCustomVideoCapture',
  'muteLocalVideo',
  'muteRemoteVideoStream',
  'muteAllRemoteVideoStreams',
  'setRemoteVideoStreamType',
  'setPriorRemoteVideoStreamType',
  'setDefaultStreamRecvMode',
] as const;

/** Words that name the native SDKs in any language (TRTCCloud, trtcCloud, TrtcCloud) or their room call. */
export const NATIVE_PREFILTER = ['TRTC', 'trtc', 'Trtc', 'enterRoom'] as const;

/** TRTCVideoResolution numeric values (all platforms share them). */
export const RESOLUTION_BY_VALUE: ReadonlyMap<number, Resolution> = new Map([
  [1, { width: 120, height: 120 }],
  [3, { width: 160, height: 160 }],
  [5, { width: 270, height: 270 }],
  [7, { width: 480, height: 480 }],
  [50, { width: 160, height: 120 }],
  [52, { width: 240, height: 180 }],
  [54, { width: 280, height: 210 }],
  [56, { width: 320, height: 240 }],
  [58, { width: 400, height: 300 }],
  [60, { width: 480, height: 360 }],
  [62, { width: 640, height: 480 }],
  [64, { width: 960, height: 720 }],
  [100, { width: 160, height: 90 }],
  [102, { width: 256, height: 144 }],
  [104, { width: 320, height: 180 }],
  [106, { width: 480, height: 270 }],
  [108, { width: 640, height: 360 }],
  [110, { width: 960, height: 540 }],
  [112, { width: 1280, height: 720 }],
  [114, { width: 1920, height: 1080 }],
]);

/** TRTCAppScene names (TRTCAppSceneVideoCall, TRTC_APP_SCENE_LIVE, Swift `.voiceChatRoom`), normalized. */
export const NATIVE_SCENES: ReadonlyMap<string, SceneMeaning> = new Map([
  ['videocall', { kind: 'call', media: 'video' }],
  ['live', { kind: 'live', media: 'video' }],
  ['audiocall', { kind: 'call', media: 'audio' }],
  ['voicechatroom', { kind: 'live', media: 'audio' }],
  ['voicechat', { kind: 'live', media: 'audio' }],
]);

/** TRTCAppScene numeric values. */
export const SCENE_BY_VALUE: ReadonlyMap<number, SceneMeaning> = new Map([
  [0, { kind: 'call', media: 'video' }],
  [1, { kind: 'live', media: 'video' }],
  [2, { kind: 'call', media: 'audio' }],
  [3, { kind: 'live', media: 'audio' }],
]);

/** TRTCRoleType numeric values. */
export const ROLE_BY_VALUE: ReadonlyMap<number, 'anchor' | 'audience'> = new Map([
  [20, 'anchor'],
  [21, 'audience'],
]);

/** The encoder default of a mobile SDK when setVideoEncoderParam is not called. */
export const MOBILE_CAMERA_DEFAULT: SdkDefault<Resolution> = {
  value: { width: 360, height: 640 },
  why: t('setVideoEncoderParam is not called: the SDK default is 640×360 (portrait on mobile)', '未调用 setVideoEncoderParam：SDK 默认 640×360（移动端竖屏）'),
};

/** The encoder default of a desktop SDK when setVideoEncoderParam is not called. */
export const DESKTOP_CAMERA_DEFAULT: SdkDefault<Resolution> = {
  value: { width: 640, height: 360 },
  why: t('setVideoEncoderParam is not called: the SDK default is 640×360', '未调用 setVideoEncoderParam：SDK 默认 640×360'),
};
