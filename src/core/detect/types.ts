// Detection output: TRTC room configuration found in one document, each fact with its provenance.
// Positions are 0-based (line, character), like VS Code's, so providers can use them directly.

import type { Message, Text } from '../common';
import type { MixTranscodingSpec, RecordingSpec, RelaySpec, Resolution, Role, Room, Service } from '../scenario/types';

export interface Position {
  line: number;
  character: number;
}

export interface SourceRange {
  start: Position;
  end: Position;
}

/**
 * Where a fact comes from. A guess is never presented as certain:
 * - explicit: written in the code at `range`;
 * - default: the SDK's documented default (reason says which and why);
 * - unknown: the code does not reveal it (reason says why, e.g. "comes from a variable set by the UI").
 */
export type Provenance =
  | { kind: 'explicit'; range: SourceRange; /** Set when the value is written in another file: `range` is in that file. */ file?: string }
  | { kind: 'default'; reason: Text; range?: SourceRange }
  | { kind: 'unknown'; reason: Text; range?: SourceRange };

export interface Fact<T> {
  /** The value when it is known (explicit or default). */
  value?: T;
  /** When the code chooses among several values (switch, ternary, UI map): every candidate. */
  candidates?: T[];
  provenance: Provenance;
}

/** Every SDK detection knows (each has its entry in ./sdks/). */
export const SDK_IDS = [
  'web-v5',
  'web-v4',
  'android',
  'ios',
  'flutter',
  'electron',
  'react-native',
  'uni-app',
  'miniprogram',
  'windows',
  'unity',
  'server-rest',
  'kit',
] as const;

export type Sdk = (typeof SDK_IDS)[number];

export interface DetectedRoom {
  sdk: Sdk;
  /** The call that anchors the room (enterRoom / join / createClient / a REST call); CodeLens goes here. */
  range: SourceRange;
  service: Fact<Service>;
  role: Fact<Role>;
  /** Camera (big stream) resolution; null value means the camera is not published. */
  camera: Fact<Resolution | null>;
  screen: Fact<Resolution | null>;
  smallStream: Fact<Resolution | null>;
  recording: Fact<RecordingSpec | null>;
  mixTranscoding: Fact<MixTranscodingSpec | null>;
  relay: Fact<RelaySpec | null>;
  /**
   * What this client receives of the others' video: everything (the SDK default), audio only
   * (remote video muted or never subscribed), the small stream, or only some users' video.
   */
  receive: Fact<ReceiveMode>;
  /** Kit that hides TRTC (TUICallKit, TUIRoomKit, TUILiveKit), if any. */
  kit?: string;
  /** The innermost class, React / Vue component or Flutter widget around the anchor; else the innermost named function. */
  owner?: CodeOwner;
  /** The innermost named function around the anchor, with its parameters and whether they flow into the anchor's arguments. */
  enclosingFunction?: EnclosingFunction;
  /** Every range that belongs to this room's configuration; a hover anywhere in one shows the room. */
  ranges: SourceRange[];
  /**
   * Other calls in this file that enter this same room (the same scene or mode, and role: a retry path, a second
   * client of the same user), counted with it. A hover on one shows this room and says so.
   */
  sameAs?: SourceRange[];
}

/** What a client receives of the others' video (see DetectedRoom.receive). */
export type ReceiveMode = 'all' | 'audio-only' | 'small' | 'some';

/** A named code unit around a room's anchor call. `widget` names the Flutter widget of a `State<W>` class. */
export interface CodeOwner {
  kind: 'class' | 'function' | 'component' | 'widget';
  name: string;
}

/** A function around a room's anchor: a wrapper such as `demoEnterRoom(trtc, roomId)` when `dependsOnParams`. */
export interface EnclosingFunction {
  name: string;
  params: string[];
  /** Some parameter flows into the anchor call's arguments (directly or through same-function variables). */
  dependsOnParams: boolean;
}

export type EditionFeatureId = 'publishMediaStream' | 'rtmpPushIn' | 'aiNoiseSuppression' | 'speechToText' | 'screenshotUpload' | 'webRecording';

/** A call of a feature that needs a minimum RTC-Engine edition (found by features.ts). */
export interface EditionFeature {
  feature: EditionFeatureId;
  /** A PackageEdition id of src/core/tariff/packages.ts ('rtc-engine.standard'). */
  minimumEdition: string;
  /** The call; `file` is the file's name as detection was given it. */
  where: { file?: string; range: SourceRange };
  /** What the call is (the feature and the API). */
  text: Text;
}

export interface DetectionResult {
  rooms: DetectedRoom[];
  /** Non-fatal notes (e.g. "file too large, skipped"). Detection never throws. */
  notes: Message[];
  /**
   * Names a room's facts depend on that have no definition in this file and look like constants of
   * another file (`ROOM_SCENE`, `AppConfig.RESOLUTION`), as written; de-duplicated, bounded. Absent when none.
   */
  unresolved?: string[];
  /** Set only when the file enters no room but configures media of a known SDK (see MediaFragment). */
  media?: MediaFragment;
  /** Calls of the app's wrapper functions named in `DetectOptions.wrappers` (bounded; absent when none). */
  wrapperCalls?: WrapperCall[];
  /** Calls of features that need a minimum RTC-Engine edition (see features.ts); absent when none. */
  features?: EditionFeature[];
}

/**
 * Media a file configures without entering a room itself (the room is entered in another file).
 * A fact this file states has a `range` in its provenance (explicit, candidates, or unknown at the
 * call that states it); a fact it does not state is `unknown` without a range. Never an SDK default:
 * the room's own file decides defaults.
 */
export interface MediaFragment {
  sdk: Sdk;
  camera: Fact<Resolution | null>;
  screen: Fact<Resolution | null>;
  smallStream: Fact<Resolution | null>;
  receive: Fact<ReceiveMode>;
  owner?: CodeOwner;
  /** The calls that configure it (a hover on one shows the room it joins). */
  ranges: SourceRange[];
}

/** A call of one of the app's wrapper functions (DetectOptions.wrappers). */
export interface WrapperCall {
  name: string;
  range: SourceRange;
  owner?: CodeOwner;
}

/**
 * A constant's value as written in another file (see `fileSymbols` and `DetectOptions.externals`):
 * a literal, or an enum name as written (`TRTCCloudDef.TRTC_APP_SCENE_LIVE`, Swift `.LIVE`), with
 * the file (as the caller names it) and the range of the value in that file.
 */
export type ExternalValue = (
  { kind: 'str'; value: string } | { kind: 'num'; value: number } | { kind: 'bool'; value: boolean } | { kind: 'enum'; name: string }
) & {
  file: string;
  range: SourceRange;
};

/** What the user assumes where code cannot tell (from settings or a scenario file). */
export interface RoomAssumptions {
  /** Participants who publish (anchors in live, everyone in calls). */
  publishers: number;
  /**
   * Anchors in live rooms (live streaming usually has one host, calls several publishers).
   * Optional: when omitted, `publishers` applies to live rooms too.
   */
  livePublishers?: number;
  /** Audience members (live only) receiving all anchors. */
  audience: number;
  minutesPerSession: number;
  sessionsPerDay: number;
  daysPerMonth: number;
  /** Camera resolution used when the code does not reveal it. */
  defaultCamera: Resolution;
}

/** A scenario room built from a detected room plus assumptions, with every assumption it made. */
export interface RoomFromCode {
  room: Room;
  assumptions: Message[];
}
