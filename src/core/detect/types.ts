// Detection output: TRTC room configuration found in one document, each fact with its provenance.
// Positions are 0-based (line, character), like VS Code's, so providers can use them directly.

import type { Message, Text } from '../bill/types';
import type {
  MixTranscodingSpec,
  RecordingSpec,
  RelaySpec,
  Resolution,
  Role,
  Room,
  Service,
} from '../scenario/types';

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
  | { kind: 'explicit'; range: SourceRange }
  | { kind: 'default'; reason: Text; range?: SourceRange }
  | { kind: 'unknown'; reason: Text; range?: SourceRange };

export interface Fact<T> {
  /** The value when it is known (explicit or default). */
  value?: T;
  /** When the code chooses among several values (switch, ternary, UI map): every candidate. */
  candidates?: T[];
  provenance: Provenance;
}

export type Sdk =
  | 'web-v5'
  | 'web-v4'
  | 'android'
  | 'ios'
  | 'flutter'
  | 'electron'
  | 'react-native'
  | 'uni-app'
  | 'miniprogram'
  | 'windows'
  | 'unity'
  | 'server-rest'
  | 'kit';

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
  /** Kit that hides TRTC (TUICallKit, TUIRoomKit, TUILiveKit), if any. */
  kit?: string;
  /** Every range that belongs to this room's configuration; a hover anywhere in one shows the room. */
  ranges: SourceRange[];
}

export interface DetectionResult {
  rooms: DetectedRoom[];
  /** Non-fatal notes (e.g. "file too large, skipped"). Detection never throws. */
  notes: Message[];
}

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
