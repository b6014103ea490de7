// The project model: every TRTC call site of an app, grouped into the logical rooms the app really runs.
// An app's anchor and audience screens, or its web client, mobile client and server recording, are one room
// type seen from several sides: billed once, with a participant group per role and the server's recording,
// mixing and relay as add-ons.

import type { Message, Text } from '../common';
import type { EditionFeature } from '../detect/features';
import type { DetectedRoom, DetectionResult, RoomAssumptions } from '../detect/types';
import type { PaymentSpec, PeriodSpec, Room, TariffSpec } from '../scenario/types';
import type { AssumptionRanges } from './ranges';

/** What detection found in one file of the project (the text itself is not kept). */
export interface FileFacts {
  /** Project-relative path with '/' separators. */
  file: string;
  languageId: string;
  detection: DetectionResult;
  /** The name of the SDK call each detected room is anchored on (e.g. "enterRoom"), by room index. */
  calls?: string[];
}

/** A room of the workspace scenario file (`.vscode/trtc-cost.json`). */
export interface FileRoom {
  /** Index in the file's `rooms`. */
  index: number;
  room: Room;
}

/** Everything the project's estimate depends on besides the code, after precedence (file → settings → defaults). */
export interface ProjectSettings {
  tariff: TariffSpec;
  period?: PeriodSpec;
  payment?: PaymentSpec;
  assumptions: RoomAssumptions;
  /** Rooms of the project file: each overrides the logical room of the same name or id, or is added. */
  fileRooms: FileRoom[];
  /** Call-site assignments from the project file: "file" or "file:line" → logical room id. */
  callSites?: Record<string, string>;
  /** Where the settings came from, for messages (e.g. ".vscode/trtc-cost.json"). */
  projectFile?: string;
  /** YYYY-MM-DD; undefined means the engine's today. */
  today?: string;
  /** Assumptions the project file gives as low / expected / high (`assumptions` holds the expected values). */
  ranges?: AssumptionRanges;
}

export type SiteRole = 'anchor' | 'audience' | 'switches' | 'unknown';

/** One place in code that enters, creates or acts on a room. */
export interface CallSite {
  /** "file:line" of the anchor call (1-based line): stable id of the site. */
  key: string;
  file: string;
  /** 1-based line of the anchor call. */
  line: number;
  /** Index among the file's detected rooms. */
  index: number;
  detected: DetectedRoom;
  /** Client sites join rooms; server sites (REST calls) act on rooms that clients create. */
  kind: 'client' | 'server';
  role: SiteRole;
  /** "LiveAnchorActivity (enterRoom)". */
  label: string;
  /** The room kind the code's names suggest ("live" for LiveAnchorActivity and LiveAudienceActivity); '' when none. */
  stem: string;
  /** The scenario room this site alone would be (from the code plus assumptions), or why none could be built. */
  built?: Room;
  assumptions: Message[];
  reason?: Text;
}

/** A room as the app has it: one or more client call sites, server add-ons, or a room of the project file. */
export interface LogicalRoom {
  /** Stable id ("live", "classroom"): what `callSites` assignments and room overrides in the project file name. */
  id: string;
  name: string;
  /** Client sites (for a server-only room: the server sites). */
  sites: CallSite[];
  /** Server sites whose recording, mixing or relay is added to this room. */
  addOns: CallSite[];
  /** The room that is estimated; undefined when none could be built (see `reason`). */
  room?: Room;
  reason?: Text;
  /** Assumptions made where code does not tell. */
  assumptions: Message[];
  /** Why these sites are one room, what was attached, what could not be told apart. */
  grouping: Message[];
  origin: 'code' | 'override' | 'file';
  /** The project-file room applied to it, when one matches. */
  override?: FileRoom;
  /** Calls in its sites' files of features that need a minimum RTC-Engine edition (absent when none). */
  features?: EditionFeature[];
}

export interface ProjectAnalysis {
  rooms: LogicalRoom[];
  sites: CallSite[];
  /** Notes of the whole project (files skipped, detection notes). */
  notes: Message[];
  /** The logical room of each call site key. */
  roomOfSite: Map<string, LogicalRoom>;
  /**
   * Edition-gated calls in files that are part of no room (a server's AI or stream-ingest calls): they need the
   * edition for the app, so the project's bill counts them (editions.ts). Absent when none.
   */
  features?: EditionFeature[];
}
