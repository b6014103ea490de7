// The SDK registry: every SDK's knowledge (./<sdk>.ts) in one list, and everything detection derives
// from it: the call names the SourceIndex keeps, the marker tables and their bits, the text prefilter,
// the scene names and the classification of a file. Nothing here is kept by hand in parallel with the
// SDK files: adding an SDK is adding its file to SDKS.
import type { Resolution } from '../../scenario/types';
import type { Flavor } from '../flavor';
import type { Sdk } from '../types';
import { hashName } from '../lexer';
import { android } from './android';
import { electron } from './electron';
import { flutter } from './flutter';
import { ios } from './ios';
import { kits } from './kits';
import { miniprogram } from './miniprogram';
import { DESKTOP_CAMERA_DEFAULT, MOBILE_CAMERA_DEFAULT, NATIVE_SCENES } from './native';
import { reactNative } from './react-native';
import { serverRest } from './server-rest';
import type { ClassifyRule, SceneMeaning, SdkDefault, SdkSpec, TokenPattern } from './types';
import { uniApp } from './uni-app';
import { unity } from './unity';
import { webV4 } from './web-v4';
import { webV5 } from './web-v5';
import { windows } from './windows';

export type { ClassifyRule, IdentifierMarker, ModuleMarker, Profile, SceneMeaning, SdkDefault, SdkDefaults, SdkSpec, SdkVariant, TokenPattern } from './types';
export { defineSdk } from './types';
export { KITS, KIT_QUALITY, callKit, kitName, liveKit, roomKit, type KitSpec } from './kits';
export { RESOLUTION_BY_VALUE, ROLE_BY_VALUE, SCENE_BY_VALUE } from './native';
export { WEB_SCREEN_PROFILES, WEB_VIDEO_PROFILES } from './web-v5';

/** Every SDK, one entry per Sdk id. The order is only that of derived lists (call names, prefilter words). */
export const SDKS = [android, ios, windows, unity, flutter, electron, reactNative, uniApp, webV5, webV4, miniprogram, kits, serverRest] as const;

/** A call name some SDK declares: the names the SourceIndex keeps call sites of. */
export type CallName = (typeof SDKS)[number]['calls'][number];

/** Server REST actions detection reads (as calls, or as strings: a JSON "Action" or an X-TC-Action header). */
export const REST_ACTION_NAMES = serverRest.restActions;

export { android, electron, flutter, ios, kits, miniprogram, reactNative, serverRest, uniApp, unity, webV4, webV5, windows };

/** The entries as SdkSpec (the derived tables below read optional fields). */
const ALL: readonly SdkSpec[] = SDKS;

const BY_ID: ReadonlyMap<Sdk, SdkSpec> = new Map(ALL.map((s) => [s.id, s]));

/** The registry entry of an SDK. */
export function sdkSpec(id: Sdk): SdkSpec {
  return BY_ID.get(id)!;
}

function unique<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/** Every call name of every SDK, each once. */
export const CALL_NAMES: readonly CallName[] = unique(SDKS.flatMap((s): readonly CallName[] => s.calls));

/** Marker names in order of first declaration; a marker's bit in SourceIndex.markers is 1 << its index. */
export const MARKERS: readonly string[] = unique(
  ALL.flatMap((s) => [...(s.identifiers ?? []).map((m) => m.marker), ...(s.modules ?? []).map((m) => m.marker), ...(s.variants ?? []).map((v) => v.marker)]),
);
const MARKER_BITS: ReadonlyMap<string, number> = new Map(MARKERS.map((m, i) => [m, 1 << i]));

/** The bit of a marker in SourceIndex.markers (0 for a name no SDK declares). */
export function markerBit(marker: string): number {
  return MARKER_BITS.get(marker) ?? 0;
}

function bitsOf(markers: readonly string[] | undefined): number {
  let bits = 0;
  for (const m of markers ?? []) bits |= markerBit(m);
  return bits;
}

/** One token of a marker's context, compiled: a punctuation character code, or an identifier. */
export type CompiledToken = number | string;

export interface IdentifierMarkerEntry {
  name: string;
  bit: number;
  /** Alternatives per token, nearest first; absent: no condition. */
  before?: readonly (readonly CompiledToken[])[];
  after?: readonly (readonly CompiledToken[])[];
}

function compileToken(p: string): CompiledToken {
  return p.length === 1 && !/[A-Za-z0-9_$]/.test(p) ? p.charCodeAt(0) : p;
}

function compilePatterns(ps: readonly TokenPattern[] | undefined): (readonly CompiledToken[])[] | undefined {
  return ps?.map((p) => (typeof p === 'string' ? [compileToken(p)] : p.map(compileToken)));
}

/** Identifiers that set a marker, each once per (name, marker, context). */
export const IDENTIFIER_MARKERS: readonly IdentifierMarkerEntry[] = ALL.flatMap((s) =>
  (s.identifiers ?? []).map((m) => {
    const e: IdentifierMarkerEntry = { name: m.name, bit: markerBit(m.marker) };
    if (m.before) e.before = compilePatterns(m.before);
    if (m.after) e.after = compilePatterns(m.after);
    return e;
  }),
).filter(
  (e, i, all) =>
    all.findIndex((o) => o.name === e.name && o.bit === e.bit && JSON.stringify([o.before, o.after]) === JSON.stringify([e.before, e.after])) === i,
);

/** Import paths and module names that say which SDK a file uses: text inside a string, and its bit. */
export const MODULE_MARKERS: ReadonlyArray<readonly [string, number]> = unique(
  ALL.flatMap((s) => (s.modules ?? []).map((m) => `${m.text}\u0000${m.marker}`)),
).map((k) => {
  const [text, marker] = k.split('\u0000');
  return [text, markerBit(marker)] as const;
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The words of every SDK's prefilter, each once. */
export const PREFILTER_WORDS: readonly string[] = unique(ALL.flatMap((s) => s.prefilter ?? []));

/** Cheap test before tokenizing: a file that names nothing TRTC-related configures no room. */
export const TRTC_MARKERS = new RegExp(PREFILTER_WORDS.map(escapeRegExp).join('|'));

/** Prefilters of the languages some SDK is written in, made on first use. */
const LANGUAGE_MARKERS = new Map<string, RegExp>();

/**
 * The prefilter for a file of `languageId`: the words of the SDKs written in that language, the kits' words when
 * one of those SDKs can be read as a kit, and the server REST words, since server actions are read in a file of
 * any SDK (a Kotlin or C# server calling CreateCloudRecording; edition features such as StartAIConversation). A file
 * can only be classified as one of those SDKs, so a word of another language's SDK (a `package.json` naming
 * `trtc-sdk-v5`, an `expected.json` naming `enterRoom`) cannot make it configure a room. A language no SDK is
 * written in (none reaches the prefilter today: detection reads only languages some SDK is written in) keeps every word.
 */
export function prefilterFor(languageId: string): RegExp {
  let re = LANGUAGE_MARKERS.get(languageId);
  if (!re) {
    const specs = ALL.filter((s) => s.languages.includes(languageId));
    const kitsApply = specs.some((s) => s.kits !== false);
    const words = unique([...specs, serverRest, ...(kitsApply ? ALL.filter((s) => s.flavor === 'kit') : [])].flatMap((s) => s.prefilter ?? []));
    re = specs.length === 0 ? TRTC_MARKERS : new RegExp(words.map(escapeRegExp).join('|'));
    LANGUAGE_MARKERS.set(languageId, re);
  }
  return re;
}

/** SDKs whose unset orientation is portrait. */
export const MOBILE_SDKS: ReadonlySet<Sdk> = new Set(ALL.filter((s) => s.mobile).map((s) => s.id));

/** Scene names of every SDK, normalized (lower case, no underscores, no TRTCAppScene/SCENE prefix). */
export const SCENES: ReadonlyMap<string, SceneMeaning> = new Map([...NATIVE_SCENES, ...ALL.flatMap((s) => [...(s.scenes ?? [])])]);

/** Which SDK a file uses and how its rooms are read. */
export interface Classification {
  sdk: Sdk;
  flavor: Flavor;
  /** The SdkVariant id when one applies (Flutter's old `tencent_trtc_cloud`). */
  variant?: string;
}

interface Plan {
  rules: { rule: ClassifyRule; spec: SdkSpec; all: number; none: number }[];
  fallback?: SdkSpec;
}

/** Markers set by the kits: a file showing one is read with the kit flavour (unless its SDK says `kits: false`). */
const KIT_BITS = ALL.filter((s) => s.flavor === 'kit').reduce(
  (bits, s) => bits | bitsOf([...(s.identifiers ?? []), ...(s.modules ?? [])].map((m) => m.marker)),
  0,
);

const PLANS: ReadonlyMap<string, Plan> = (() => {
  const plans = new Map<string, Plan>();
  const plan = (lang: string): Plan => {
    let p = plans.get(lang);
    if (!p) plans.set(lang, (p = { rules: [] }));
    return p;
  };
  for (const s of ALL) {
    for (const lang of s.languages) for (const rule of s.rules ?? []) plan(lang).rules.push({ rule, spec: s, all: bitsOf(rule.all), none: bitsOf(rule.none) });
    for (const lang of s.fallbackFor ?? []) plan(lang).fallback ??= s;
  }
  for (const p of plans.values()) p.rules.sort((a, b) => a.rule.order - b.rule.order);
  return plans;
})();

/**
 * Which SDK a file of `languageId` uses, from the MARK bits its tokens show and the calls it makes:
 * the first rule (by order) of the language's SDKs that holds, else the language's fallback SDK.
 * Undefined for a language no SDK is written in.
 */
export function classifyFile(languageId: string, markers: number, hasCall: (name: CallName) => boolean): Classification | undefined {
  const p = PLANS.get(languageId);
  if (!p) return undefined;
  let spec = p.fallback;
  for (const r of p.rules) {
    if ((markers & r.all) !== r.all || (markers & r.none) !== 0) continue;
    if (r.rule.calls && !r.rule.calls.every((c) => hasCall(c as CallName))) continue;
    spec = r.spec;
    break;
  }
  if (!spec) return undefined;
  const c: Classification = { sdk: spec.id, flavor: spec.kits !== false && (markers & KIT_BITS) !== 0 ? 'kit' : spec.flavor };
  const variant = spec.variants?.find((v) => (markers & markerBit(v.marker)) !== 0);
  if (variant) c.variant = variant.id;
  return c;
}

/**
 * The camera encoder default of a native SDK when setVideoEncoderParam is not called: its variant's,
 * else its own, else the mobile or desktop TRTCCloud default.
 */
export function nativeCameraDefault(sdk: Sdk, variant?: string): SdkDefault<Resolution> {
  const spec = BY_ID.get(sdk);
  const own = spec?.variants?.find((v) => v.id === variant)?.defaults.camera ?? (spec?.flavor === 'native' ? spec.defaults?.camera : undefined);
  const d = own ?? (MOBILE_SDKS.has(sdk) ? MOBILE_CAMERA_DEFAULT : DESKTOP_CAMERA_DEFAULT);
  // A copy: facts built from it are the caller's to keep.
  return { value: { ...d.value }, why: d.why };
}

/**
 * What is wrong with a list of SDK entries (the registry's self-check; empty when all is well):
 * missing or repeated ids, a marker name or module text claimed with two meanings, an identifier or
 * module declared twice, call names repeated in one SDK or colliding by hash, rules that name unknown
 * markers or calls, two rules of one language with the same order, two fallbacks for one language, a
 * language with rules but no fallback, scene names with two meanings, too many markers for SourceIndex.markers.
 */
export function registryProblems(specs: readonly SdkSpec[], ids: readonly Sdk[]): string[] {
  const out: string[] = [];
  const seenIds = new Set<string>();
  for (const s of specs) {
    if (seenIds.has(s.id)) out.push(`SDK id ${s.id} has two entries`);
    seenIds.add(s.id);
  }
  for (const id of ids) if (!seenIds.has(id)) out.push(`SDK id ${id} has no entry`);
  const markers = new Set<string>();
  const identifiers = new Map<string, string>();
  const modules = new Map<string, string>();
  for (const s of specs) {
    for (const m of s.identifiers ?? []) {
      markers.add(m.marker);
      const key = `${m.name} ${JSON.stringify([m.before ?? null, m.after ?? null])}`;
      const prev = identifiers.get(key);
      if (prev !== undefined)
        out.push(
          prev.endsWith(` ${m.marker}`)
            ? `identifier ${m.name} is declared twice (${prev}, ${s.id})`
            : `identifier ${m.name} marks both ${prev} and ${s.id} ${m.marker}`,
        );
      else identifiers.set(key, `${s.id} ${m.marker}`);
    }
    for (const m of s.modules ?? []) {
      markers.add(m.marker);
      const prev = modules.get(m.text);
      if (prev !== undefined)
        out.push(
          prev.endsWith(` ${m.marker}`)
            ? `module text ${m.text} is declared twice (${prev}, ${s.id})`
            : `module text ${m.text} marks both ${prev} and ${s.id} ${m.marker}`,
        );
      else modules.set(m.text, `${s.id} ${m.marker}`);
    }
    for (const v of s.variants ?? []) markers.add(v.marker);
  }
  if (markers.size > 31) out.push(`${markers.size} markers: SourceIndex.markers holds 31`);
  const allCalls = new Set<string>();
  const hashes = new Map<number, string>();
  for (const s of specs) {
    const own = new Set<string>();
    for (const c of s.calls) {
      if (own.has(c)) out.push(`${s.id} declares call ${c} twice`);
      own.add(c);
      allCalls.add(c);
      const h = hashName(c);
      const prev = hashes.get(h);
      if (prev !== undefined && prev !== c) out.push(`calls ${prev} and ${c} have the same hash: the SourceIndex would keep only one`);
      hashes.set(h, c);
    }
    for (const a of s.restActions ?? []) if (!own.has(a)) out.push(`${s.id} REST action ${a} is not among its calls`);
  }
  const orders = new Map<string, string>();
  const fallbacks = new Map<string, string>();
  const ruleLanguages = new Set<string>();
  for (const s of specs) {
    for (const r of s.rules ?? []) {
      for (const m of [...(r.all ?? []), ...(r.none ?? [])]) if (!markers.has(m)) out.push(`${s.id} rule ${r.order} names marker ${m}, which no SDK sets`);
      for (const c of r.calls ?? []) if (!allCalls.has(c)) out.push(`${s.id} rule ${r.order} names call ${c}, which no SDK declares`);
      if (!r.all?.length && !r.calls?.length) out.push(`${s.id} rule ${r.order} requires nothing`);
      for (const lang of s.languages) {
        ruleLanguages.add(lang);
        const key = `${lang} ${r.order}`;
        const prev = orders.get(key);
        if (prev !== undefined && prev !== s.id) out.push(`${prev} and ${s.id} both have a ${lang} rule of order ${r.order}`);
        orders.set(key, s.id);
      }
    }
    for (const lang of s.fallbackFor ?? []) {
      const prev = fallbacks.get(lang);
      if (prev !== undefined) out.push(`${prev} and ${s.id} are both the fallback for ${lang}`);
      else fallbacks.set(lang, s.id);
      if (!s.languages.includes(lang)) out.push(`${s.id} is the fallback for ${lang}, not among its languages`);
    }
  }
  for (const lang of ruleLanguages) if (!fallbacks.has(lang)) out.push(`${lang} has classify rules but no fallback SDK`);
  const scenes = new Map<string, string>([...NATIVE_SCENES].map(([k, v]) => [k, JSON.stringify(v)]));
  for (const s of specs) {
    for (const [k, v] of s.scenes ?? []) {
      const prev = scenes.get(k);
      if (prev !== undefined && prev !== JSON.stringify(v)) out.push(`scene ${k} of ${s.id} means ${JSON.stringify(v)}, elsewhere ${prev}`);
      scenes.set(k, JSON.stringify(v));
    }
  }
  return out;
}
