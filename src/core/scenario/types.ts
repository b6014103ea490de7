// The scenario format: the one JSON document the CLI reads, the calculator panel edits and saves,
// and the editor providers build from detected code plus assumptions.
// Version 1. The JSON Schema in schema/scenario.schema.json describes the same shape for editors;
// src/core/scenario/validate.ts is the authority at run time.

import type { Problem } from '../common';

export const SCENARIO_VERSION = 1;

/** The four TRTC basic services. Calls and live differ in roles and room limits, not in price. */
export type Service = 'video-call' | 'voice-call' | 'video-live' | 'voice-live';
export const SERVICES: readonly Service[] = ['video-call', 'voice-call', 'video-live', 'voice-live'];

/** Which price book: mainland China (CNY, cloud.tencent.com) or international (USD, tencentcloud.com / trtc.io). */
export type Region = 'mainland' | 'international';

/** Per-stream: each received video stream billed at its own tier. Aggregate: one tier per user from the pixel sum. */
export type MeteringModel = 'per-stream' | 'aggregate';

/** A video resolution as "WIDTHxHEIGHT" (e.g. "1280x720") in the file; parsed to this. */
export interface Resolution {
  width: number;
  height: number;
}

export type Role = 'anchor' | 'audience';

export interface PublishSpec {
  /** Camera (main stream) resolution; omitted or null when the camera is off. */
  camera?: Resolution | null;
  /** Screen share (sub stream) resolution; omitted or null when not sharing. */
  screen?: Resolution | null;
  /** Small stream (dual-stream encoding) resolution, if enabled. */
  smallStream?: Resolution | null;
  /** Publishes audio. Default true for anchors, false for audience. */
  audio?: boolean;
  /** Video codec of the published camera stream. Default H.264. An H.265 host relayed to a CDN is transcoded (47631). */
  codec?: Codec;
}

/**
 * What members of a group receive:
 * - "all": every other participant's video and audio (the SDK default: auto-subscribe).
 * - "audio-only": audio only (remote video muted or not subscribed).
 * - "none": nothing (e.g. a publisher who subscribes to nobody). Billed as audio: time in room.
 * - an object: only some groups' video (by group name), optionally their small stream.
 */
export type ReceiveSpec = 'all' | 'audio-only' | 'none' | { from: string[]; stream?: 'big' | 'small'; screen?: boolean };

export interface ParticipantGroup {
  /** Name used by other groups' `receive.from`. Defaults to "group N". */
  name?: string;
  count: number;
  role: Role;
  publish: PublishSpec;
  receive: ReceiveSpec;
  /** Minutes each member spends in the room per session; defaults to the room's minutesPerSession. */
  minutesInRoom?: number;
}

export type RecordingMode = 'single' | 'mixed';

export interface RecordingSpec {
  /** single: one file per stream; mixed: one mixed file. */
  mode: RecordingMode;
  /** Which streams are recorded: all published streams (default), or audio only. */
  content?: 'audio-video' | 'audio-only';
  /** Output resolution of the mixed file (used by rules that bill per output file). Defaults to the largest input. */
  output?: Resolution;
  /** Recording tasks running in parallel per session. Default 1. */
  tasks?: number;
  /**
   * Output file formats each task writes (e.g. ["hls", "mp4"]). International: each format is billed as a
   * recording of its own (45176). Default: one format.
   */
  formats?: RecordingFormat[];
  /** Recorded files are delivered (转存/分发) to storage or VOD. Free from 2025-09-01; earlier fees are not estimated. */
  delivery?: boolean;
}

export type RecordingFormat = 'hls' | 'mp4' | 'aac' | 'm4a' | 'flv' | 'ogg';

/** Web page recording: a page (URL) recorded to a video file, billed by output duration. */
export interface WebRecordingSpec {
  /** Output resolution: up to 1280×720 is HD, up to 1920×1080 FHD (no higher tier is published). */
  output: Resolution;
  /** Output minutes per session (the page's loading time is not counted). Default: the session. */
  minutes?: number;
  /** Pages recorded in parallel per session. Default 1. */
  tasks?: number;
}

export type Codec = 'h264' | 'h265';

export interface MixTranscodingSpec {
  codec?: Codec;
  /** Output resolution (billed by output under the older rules). Omitted or null: audio-only output. */
  output?: Resolution | null;
  /** Mix tasks per session. Default 1. */
  tasks?: number;
}

export interface RelaySpec {
  /** Tencent Cloud CSS (no TRTC fee) or a third-party CDN. */
  target: 'tencent-css' | 'third-party';
  /** Monthly peak bandwidth in Mbps, for third-party relay billed by bandwidth (accounts registered before 2025-10-23). */
  peakMbps?: number;
  /** Minutes the relay runs per session, for third-party relay billed by duration (newer accounts). Default: the session. */
  minutes?: number;
  /** Relay tasks (streams pushed out) per session. Default 1. */
  tasks?: number;
}

/**
 * Conversational AI and speech AI in a room (international: trtc.io 67833, 67832). Minutes are per session;
 * durations are summed per app per day and rounded up.
 */
export interface AiSpec {
  /**
   * Conversational AI: AI bots (one AI task each) talking with the room's participants. Each bot is added to the
   * room as an audio participant (its audio is A/V duration, as the human's is), and each task minute pays the AI
   * service fee. Third-party LLM and TTS vendors are not included.
   */
  conversational?: { bots?: number; minutes?: number } | null;
  /** TRTC speech-to-text: minutes recognised per stream (only while the microphone is on; default: the AI task or the session), streams recognised (default
   * 1). */
  speechToText?: { minutes?: number; streams?: number } | null;
  /** Real-time translation: target languages, and input minutes per session (default: the speech-to-text minutes). */
  translation?: { languages: number; minutes?: number } | null;
  /** TRTC text-to-speech (Flash): characters synthesised per session; Chinese/Japanese/Korean characters count double. */
  textToSpeech?: { characters?: number; cjkCharacters?: number } | null;
}

/** The SDK component a room is built with, when it has prices of its own: the TUILiveKit Video Live component (LiveStreamCoreView). */
export type RoomComponent = 'video-live';

/** Where a room came from in code, when built by detection. Lines are 1-based. */
export interface SourceRef {
  file: string;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface Room {
  name: string;
  service: Service;
  sessionsPerDay: number;
  minutesPerSession: number;
  /** Days per month this room runs; defaults to period.days. */
  daysPerMonth?: number;
  participants: ParticipantGroup[];
  recording?: RecordingSpec | null;
  mixTranscoding?: MixTranscodingSpec | null;
  relay?: RelaySpec | null;
  webRecording?: WebRecordingSpec | null;
  /** Conversational AI and speech AI used in the room. */
  ai?: AiSpec | null;
  /**
   * "video-live": the room uses the TUILiveKit Video Live component (LiveStreamCoreView, TUILiveKit ≥ 2.8.0, app
   * created after 2024-12-18): audience minutes at the component's audience prices, several anchors mixed.
   */
  component?: RoomComponent;
  /**
   * The application (SDKAppID, or a name) the room belongs to. Minutes are rounded up per app per day per
   * usage category, and a monthly package covers only its app's rooms. Default: the scenario's one app.
   */
  app?: string;
  source?: SourceRef;
}

/** A prepaid general pack the account owns. */
export interface PackSpec {
  /** Size in minutes (25000, 250000, 1000000, 3000000, or a custom size). */
  minutes: number;
  /** Purchase date, YYYY-MM-DD. The pack covers usage from 00:00 of this day. Defaults to the period start. */
  purchased?: string;
  /** Minutes still left at the period start; defaults to the full size. */
  remaining?: number;
  /** 2019 mainland per-type packs: cover one tier at 1:1. Default "general". */
  kind?: 'general' | 'audio' | 'SD' | 'HD';
}

export type PaymentMode = 'postpaid-daily' | 'postpaid-monthly';

/** The TRTC product an app is built on: decides which monthly packages apply to it. */
export type TrtcProduct = 'rtc-engine' | 'call' | 'live' | 'conference';

/**
 * A monthly package (RTC-Engine, Call, Live, Conference, or a mainland TRTC package), bound to one app,
 * valid from the purchase day to the day before the same date next month. Edition ids are listed in
 * src/core/tariff/packages.ts ("custom" for any other offer).
 */
export interface PackageSpec {
  edition: string;
  /** Purchase date, YYYY-MM-DD; covers usage from 00:00 of that day. Defaults to the period start. */
  purchased?: string;
  /** The SDKAppID (or a name) the package is bound to. Default: the scenario's app. */
  app?: string;
  /** Monthly fee, when the edition's fee is not published or your price differs; the bill says the price is yours. */
  fee?: number;
  /** A/V minutes included each month, when not published or different. */
  minutes?: number;
  /** Minutes left at the period start of the cycle running then (bought before the period). Default: all. */
  remaining?: number;
  /** Renewed every month through the period (default true; renewals are at the list price). */
  renew?: boolean;
  /** Call packages: Chat monthly active users of the app (MAU beyond the quota is billed). */
  mau?: number;
  /** Custom offers only: app-bound (default) or account-wide (e.g. a promotional pack). */
  scope?: 'app' | 'account';
  /** Custom offers only: a name to show. */
  name?: string;
}

export interface PaymentSpec {
  /** Default follows the account creation date (daily for accounts from 2020-09-01). */
  mode?: PaymentMode;
  packs?: PackSpec[];
  /**
   * Free minutes: true (the book's allowance), false (none), or the minutes left this period
   * (mainland: what remains of the one-time trial).
   */
  freeMinutes?: boolean | { remaining: number };
  /** International: the day the free minutes were first granted; monthly cycles run from it, for 12 cycles. */
  freeMinutesGranted?: string;
  /** Monthly packages the app holds (or will buy). */
  packages?: PackageSpec[];
  /** The product the app is built on (default: RTC-Engine internationally; not assumed on the mainland). */
  product?: TrtcProduct;
  /** Fees and minutes you know for editions whose price is not published, used to compare package choices. */
  packagePrices?: Record<string, { fee: number; minutes: number }>;
}

export interface ContractSpec {
  /** A negotiated discount in percent off list prices (e.g. 20 means pay 80%). */
  discountPercent?: number;
  /** Replacement unit prices per 1,000 minutes, keyed by price key (e.g. "av.HD", "recording.mixed.FHD"); the discount does not apply to these. */
  prices?: Record<string, number>;
}

export interface TariffSpec {
  region: Region;
  /** Date the account created its first TRTC application, YYYY-MM-DD. Decides metering model and payment default. */
  accountCreated?: string;
  /** Date the application was created, YYYY-MM-DD. Decides the recording rules generation (mainland). */
  appCreated?: string;
  /** Override the metering model the dates imply. */
  metering?: MeteringModel;
  /** Whether recording robots' subscription minutes are billed (the docs disagree). Default true. */
  robotsBilled?: boolean;
  /**
   * The period over which seconds are summed and rounded up to whole minutes. Default: the day for
   * postpaid daily settlement, the month for monthly (older and international docs say monthly).
   */
  rounding?: 'day' | 'month';
  contract?: ContractSpec;
}

export interface PeriodSpec {
  /** First day of the estimated period, YYYY-MM-DD. Defaults to the first day of the current month. */
  start?: string;
  /** Days in the period. Default 30. */
  days?: number;
}

export interface Scenario {
  version: 1;
  name?: string;
  tariff: TariffSpec;
  period?: PeriodSpec;
  rooms: Room[];
  payment?: PaymentSpec;
  /** Project file only: what the code cannot tell, for every room found in code. */
  assumptions?: ProjectAssumptions;
  /** Project file only: call site ("file" or "file:line") → logical room id. */
  callSites?: Record<string, string>;
}

/** The project file's assumptions (each optional; the settings and defaults fill the rest). */
export interface ProjectAssumptions {
  publishers?: number | AssumptionRange;
  livePublishers?: number | AssumptionRange;
  audience?: number | AssumptionRange;
  minutesPerSession?: number | AssumptionRange;
  sessionsPerDay?: number | AssumptionRange;
  daysPerMonth?: number | AssumptionRange;
  camera?: Resolution;
}

/** An assumption given as a range: estimates use `expected`; the hover shows what `low` and `high` give. */
export interface AssumptionRange {
  low: number;
  expected: number;
  high: number;
}

/** What parsing a scenario gives: the scenario when it is valid, and the problems with their locations. */
export interface ParseResult {
  scenario?: Scenario;
  errors: Problem[];
  warnings: Problem[];
}
