// The shape of one SDK's knowledge: how a file is recognized as using it, which calls detection
// indexes for it, its tables and its defaults. Data only: the lexer, the SourceIndex, the evaluator and
// the Extractor are generic and read this through the registry (./index.ts).
import type { Text } from '../../common';
import type { Resolution } from '../../scenario/types';
import type { Flavor } from '../flavor';
import type { Sdk } from '../types';

/**
 * One token of a marker's context: an identifier spelled exactly so, or one punctuation character
 * (`.`, `(`, `<`); a list means any of them.
 */
export type TokenPattern = string | readonly string[];

/** An identifier in the code (comments do not count) that says which SDK or flavour a file uses. */
export interface IdentifierMarker {
  name: string;
  /** The marker it sets; classify rules name markers, the registry gives each a bit of SourceIndex.markers. */
  marker: string;
  /** Tokens right before the identifier, nearest first (`['new']` for `new TRTCParams`). */
  before?: readonly TokenPattern[];
  /** Tokens right after it, in order (`['.', 'create', '(']` for `TRTC.create(`). */
  after?: readonly TokenPattern[];
}

/** Text inside a string literal that looks like an import path or module name (`'trtc-sdk-v5'`). */
export interface ModuleMarker {
  text: string;
  marker: string;
}

/**
 * When a file of one of the SDK's languages uses it. The rules of every SDK sharing a language are
 * tried together in ascending `order`; the first that holds wins; if none does, the language's
 * fallback SDK (see SdkSpec.fallbackFor) is used.
 */
export interface ClassifyRule {
  order: number;
  /** Markers the file must show (all of them). */
  all?: readonly string[];
  /** Markers the file must not show (none of them). */
  none?: readonly string[];
  /** Calls the file must make (all of them; names from the SDK's `calls`). */
  calls?: readonly string[];
}

/** A value the SDK uses when the code does not set it, with the reason shown to the user. */
export interface SdkDefault<T> {
  value: T;
  why: Text;
}

export interface SdkDefaults {
  /** Camera (big stream) encoder resolution when no encoder parameters are set. */
  camera?: SdkDefault<Resolution>;
  /** Screen-share resolution when no screen profile is set. */
  screen?: SdkDefault<Resolution>;
}

/** A variant of an SDK with its own defaults (the old Flutter plugin `tencent_trtc_cloud`). */
export interface SdkVariant {
  id: string;
  /** The marker that selects it. */
  marker: string;
  defaults: SdkDefaults;
}

export interface Profile {
  width: number;
  height: number;
}

/** How the scene (room type) names of an SDK read, normalized: lower case, no `_`, no TRTCAppScene/scene prefix. */
export interface SceneMeaning {
  kind: 'call' | 'live';
  /** What the scene name suggests; 'any' for the Web SDK scenes, which do not say. */
  media: 'video' | 'audio' | 'any';
}

export interface SdkSpec {
  id: Sdk;
  name: Text;
  /** VS Code language ids a file using it may be written in. */
  languages: readonly string[];
  /** Languages whose files are this SDK when no classify rule of any SDK holds. */
  fallbackFor?: readonly string[];
  rules?: readonly ClassifyRule[];
  /** How its rooms are written (which Extractor path reads them). */
  flavor: Flavor;
  /** A kit marker in the file (TUICallKit, TUIRoomKit, TUILiveKit) switches to the kit flavour; false: it does not. */
  kits?: boolean;
  /** Mobile SDKs: a resolution without a resolution mode is taken as portrait. */
  mobile?: boolean;
  identifiers?: readonly IdentifierMarker[];
  modules?: readonly ModuleMarker[];
  /**
   * Words whose presence makes a file worth tokenizing (a fast text test before any parsing):
   * a file naming none of any SDK's words configures no room.
   */
  prefilter?: readonly string[];
  /** Call names detection indexes for this SDK (the SourceIndex skips every other call by hash). */
  calls: readonly string[];
  /** Server REST actions it reads as calls or as strings (a JSON "Action", an X-TC-Action header). */
  restActions?: readonly string[];
  /** Normalized scene names and what they mean (see SceneMeaning). */
  scenes?: ReadonlyMap<string, SceneMeaning>;
  /** Resolutions by profile or quality name (Web `'720p'`, TUIVideoQuality `kVideoQuality_720p`). */
  profiles?: { camera?: ReadonlyMap<string, Profile>; screen?: ReadonlyMap<string, Profile> };
  defaults?: SdkDefaults;
  variants?: readonly SdkVariant[];
}

/**
 * Checks an entry against SdkSpec and keeps its literal types: `CallName` is then the union of the
 * declared names (a typo in the Extractor's `callsOf('...')` is a compile error), and fields an entry
 * has (`webV5.defaults.camera`) need no undefined check.
 */
export function defineSdk<const S extends SdkSpec>(spec: S): S {
  return spec;
}
