// Tencent's UI kits, which hide TRTC behind their own calls: TUICallKit (calls), TUIRoomKit
// (conferences), TUILiveKit (live streaming). One file for the three: they are one Sdk id ('kit')
// and one Extractor flavour, a kit marker from any of them switches a file to that flavour whatever
// its platform SDK, and which kit's rooms a file has is decided among the three together (KITS order).
import type { IdentifierMarker, ModuleMarker, Profile } from './types';
import { defineSdk } from './types';

export interface KitSpec {
  /** The kit's name as users know it (also DetectedRoom.kit). */
  name: string;
  /** Whether a file's text uses this kit. */
  textPattern: RegExp;
  identifiers: readonly IdentifierMarker[];
  modules: readonly ModuleMarker[];
  prefilter: readonly string[];
  calls: readonly string[];
}

/** TUIRoomKit / TUILiveKit TUIVideoQuality names (unverified in the reference; by their suffix). */
export const KIT_QUALITY: ReadonlyMap<string, Profile> = new Map([
  ['360p', { width: 640, height: 360 }],
  ['540p', { width: 960, height: 540 }],
  ['720p', { width: 1280, height: 720 }],
  ['1080p', { width: 1920, height: 1080 }],
]);

export const callKit = {
  name: 'TUICallKit',
  textPattern: /TUICallKit|TUICallEngine|call-uikit|tuicall-engine/,
  identifiers: [
    { name: 'TUICallKit', marker: 'kit' },
    { name: 'TUICallKitServer', marker: 'kit' },
    { name: 'TUICallKitAPI', marker: 'kit' },
    { name: 'TUICallEngine', marker: 'kit' },
  ],
  modules: [
    { text: 'call-uikit', marker: 'kit' },
    { text: 'tuicall', marker: 'kit' },
  ],
  prefilter: ['TUICall'],
  calls: ['call', 'calls', 'groupCall', 'startCall', 'setVideoEncoderParams'],
} as const satisfies KitSpec;

export const roomKit = {
  name: 'TUIRoomKit',
  textPattern: /TUIRoomKit|TUIRoomEngine|tuiroom-engine|roomkit|RoomKit/,
  identifiers: [
    { name: 'TUIRoomEngine', marker: 'kit' },
    { name: 'TUIRoomKit', marker: 'kit' },
  ],
  modules: [
    { text: 'tuiroom-engine', marker: 'kit' },
    { text: 'roomkit', marker: 'kit' },
  ],
  prefilter: ['TUIRoom'],
  calls: [
    'createRoom',
    'createAndJoinRoom',
    'start',
    'enterRoom',
    'updateVideoQuality',
    'setVideoQuality',
    'openLocalCamera',
    'startScreenSharing',
    'enableSmallVideoStream',
  ],
} as const satisfies KitSpec;

export const liveKit = {
  name: 'TUILiveKit',
  textPattern: /TUILiveKit|LiveCoreView|tuilivekit|livekit/i,
  identifiers: [
    { name: 'TUILiveKit', marker: 'kit' },
    { name: 'LiveCoreView', marker: 'kit' },
  ],
  modules: [{ text: 'livekit', marker: 'kit' }],
  prefilter: ['TUILive', 'LiveCoreView'],
  calls: ['startLive', 'joinLive', 'createLive', 'startPreview'],
} as const satisfies KitSpec;

/** In the order a file's kit is named when its text matches several (kitName). */
export const KITS: readonly KitSpec[] = [roomKit, callKit, liveKit];

/** Which kit a file uses, for texts. */
export function kitName(text: string): string {
  for (const k of KITS) if (k.textPattern.test(text)) return k.name;
  return 'the kit';
}

export const kits = defineSdk({
  id: 'kit',
  name: { en: 'TUIKit (TUICallKit / TUIRoomKit / TUILiveKit)', zh: 'TUIKit（TUICallKit / TUIRoomKit / TUILiveKit）' },
  // A kit is never a file's SDK by language: its marker switches the file's own SDK to the kit flavour.
  languages: [],
  flavor: 'kit',
  identifiers: [...callKit.identifiers, ...roomKit.identifiers, ...liveKit.identifiers],
  modules: [...callKit.modules, ...roomKit.modules, ...liveKit.modules],
  prefilter: [...callKit.prefilter, ...roomKit.prefilter, ...liveKit.prefilter],
  calls: [...callKit.calls, ...roomKit.calls, ...liveKit.calls],
  profiles: { camera: KIT_QUALITY },
});
