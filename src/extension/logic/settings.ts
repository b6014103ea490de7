// The extension's settings as a typed, validated value. Pure (no `vscode` import): the extension reads the raw
// values from `workspace.getConfiguration('trtcCost')`, and this module checks each one and falls back to its
// default when it is invalid, so a bad value never breaks the providers. Problems are reported once, together.

import type { ContractSpec, Locale, MeteringModel, PaymentMode, Region, RoomAssumptions } from '../../core';
import { parseContractBook } from '../../core/scenario/validate';
import { DEFAULT_EXCLUDES } from '../../core/project/defaults';

export interface Settings {
  region: Region;
  accountCreated?: string;
  appCreated?: string;
  /** undefined: follow the dates (the engine decides). */
  metering?: MeteringModel;
  paymentMode?: PaymentMode;
  freeMinutes: boolean;
  assumptions: Required<RoomAssumptions>;
  /** Workspace-relative path of the workspace scenario file; '' turns it off. */
  scenarioFile: string;
  discountPercent: number;
  /** Workspace-relative or absolute path of a contract price book (JSON), '' for none. */
  priceBookFile: string;
  hoverEnabled: boolean;
  codeLensEnabled: boolean;
  statusBarEnabled: boolean;
  debounceMs: number;
  exclude: string[];
  /** Read vendored and generated files (the SDK's own bundles, minified code) too. */
  includeVendored: boolean;
  maxFileSizeKB: number;
}

export const DEFAULT_SETTINGS: Settings = {
  region: 'mainland',
  freeMinutes: true,
  // The same defaults detection documents (src/core/detect/assumptions.ts DEFAULT_ASSUMPTIONS).
  assumptions: {
    publishers: 2,
    livePublishers: 1,
    audience: 100,
    minutesPerSession: 30,
    sessionsPerDay: 100,
    daysPerMonth: 30,
    defaultCamera: { width: 1280, height: 720 },
  },
  scenarioFile: '.vscode/trtc-cost.json',
  discountPercent: 0,
  priceBookFile: '',
  hoverEnabled: true,
  codeLensEnabled: true,
  statusBarEnabled: true,
  debounceMs: 300,
  exclude: [...DEFAULT_EXCLUDES],
  includeVendored: false,
  maxFileSizeKB: 2048,
};

/** What a setting must be, for the warning. */
export type Expected =
  | { kind: 'oneOf'; values: string[] }
  | { kind: 'date' }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'boolean' }
  | { kind: 'string' }
  | { kind: 'globs' }
  | { kind: 'resolution' };

export interface SettingProblem {
  /** Full setting id, e.g. "trtcCost.assumptions.participants". */
  key: string;
  /** The invalid value, as JSON (shortened). */
  got: string;
  expected: Expected;
  /** The default used instead, as JSON. */
  fallback: string;
}

export interface SettingsResult {
  settings: Settings;
  problems: SettingProblem[];
}

/** Reads a raw value by its key relative to "trtcCost." (undefined when unset). */
export type RawReader = (key: string) => unknown;

const show = (v: unknown): string => {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
};

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Validates every setting; invalid ones fall back to their defaults and are listed in `problems`. */
export function readSettings(raw: RawReader): SettingsResult {
  const problems: SettingProblem[] = [];
  const bad = (key: string, got: unknown, expected: Expected, fallback: unknown): void => {
    problems.push({ key: `trtcCost.${key}`, got: show(got), expected, fallback: show(fallback) });
  };

  const oneOf = <T extends string>(key: string, values: readonly T[], def: T): T => {
    const v = raw(key);
    if (v === undefined || v === null) return def;
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
    bad(key, v, { kind: 'oneOf', values: [...values] }, def);
    return def;
  };
  const bool = (key: string, def: boolean): boolean => {
    const v = raw(key);
    if (v === undefined || v === null) return def;
    if (typeof v === 'boolean') return v;
    bad(key, v, { kind: 'boolean' }, def);
    return def;
  };
  const num = (key: string, def: number, min: number, max: number, integer: boolean): number => {
    const v = raw(key);
    if (v === undefined || v === null) return def;
    if (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v))) return v;
    bad(key, v, integer ? { kind: 'integer', min, max } : { kind: 'number', min, max }, def);
    return def;
  };
  const str = (key: string, def: string): string => {
    const v = raw(key);
    if (v === undefined || v === null) return def;
    if (typeof v === 'string') return v.trim();
    bad(key, v, { kind: 'string' }, def);
    return def;
  };
  const date = (key: string): string | undefined => {
    const v = raw(key);
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'string' && isIsoDate(v.trim())) return v.trim();
    bad(key, v, { kind: 'date' }, '');
    return undefined;
  };
  const globs = (key: string, def: string[]): string[] => {
    const v = raw(key);
    if (v === undefined || v === null) return def;
    if (Array.isArray(v) && v.every((g) => typeof g === 'string' && g.trim() !== '')) return v.map((g: string) => g.trim());
    bad(key, v, { kind: 'globs' }, def);
    return def;
  };

  const resolution = (key: string, def: { width: number; height: number }) => {
    const v = raw(key);
    if (v === undefined || v === null || v === '') return def;
    const m = typeof v === 'string' ? /^\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*$/.exec(v) : null;
    if (m && Number(m[1]) > 0 && Number(m[2]) > 0) return { width: Number(m[1]), height: Number(m[2]) };
    bad(key, v, { kind: 'resolution' }, `${def.width}x${def.height}`);
    return def;
  };

  const d = DEFAULT_SETTINGS;
  const metering = oneOf('metering', ['auto', 'per-stream', 'aggregate'] as const, 'auto');
  const paymentMode = oneOf('paymentMode', ['auto', 'postpaid-daily', 'postpaid-monthly'] as const, 'auto');
  const settings: Settings = {
    region: oneOf('region', ['mainland', 'international'] as const, d.region),
    accountCreated: date('accountCreated'),
    appCreated: date('appCreated'),
    metering: metering === 'auto' ? undefined : metering,
    paymentMode: paymentMode === 'auto' ? undefined : paymentMode,
    freeMinutes: bool('freeMinutes', d.freeMinutes),
    assumptions: {
      publishers: num('assumptions.participants', d.assumptions.publishers, 1, 100000, true),
      livePublishers: num('assumptions.livePublishers', d.assumptions.livePublishers, 1, 100000, true),
      audience: num('assumptions.audience', d.assumptions.audience, 0, 10000000, true),
      minutesPerSession: num('assumptions.minutesPerSession', d.assumptions.minutesPerSession, 1, 1440, true),
      sessionsPerDay: num('assumptions.sessionsPerDay', d.assumptions.sessionsPerDay, 0, 1000000, true),
      daysPerMonth: num('assumptions.daysPerMonth', d.assumptions.daysPerMonth, 1, 31, true),
      defaultCamera: resolution('assumptions.camera', d.assumptions.defaultCamera),
    },
    scenarioFile: str('scenarioFile', d.scenarioFile),
    discountPercent: num('contract.discountPercent', d.discountPercent, 0, 100, false),
    priceBookFile: str('contract.priceBookFile', d.priceBookFile),
    hoverEnabled: bool('hover.enabled', d.hoverEnabled),
    codeLensEnabled: bool('codeLens.enabled', d.codeLensEnabled),
    statusBarEnabled: bool('statusBar.enabled', d.statusBarEnabled),
    debounceMs: num('debounceMs', d.debounceMs, 0, 5000, true),
    exclude: globs('exclude', d.exclude),
    includeVendored: bool('includeVendored', d.includeVendored),
    maxFileSizeKB: num('maxFileSizeKB', d.maxFileSizeKB, 1, 102400, true),
  };
  return { settings, problems };
}

/** Every key `readSettings` reads (relative to "trtcCost."), for the extension to fetch. */
export const SETTING_KEYS = [
  'region',
  'accountCreated',
  'appCreated',
  'metering',
  'paymentMode',
  'freeMinutes',
  'assumptions.participants',
  'assumptions.livePublishers',
  'assumptions.audience',
  'assumptions.minutesPerSession',
  'assumptions.sessionsPerDay',
  'assumptions.daysPerMonth',
  'assumptions.camera',
  'scenarioFile',
  'contract.discountPercent',
  'contract.priceBookFile',
  'hover.enabled',
  'codeLens.enabled',
  'statusBar.enabled',
  'debounceMs',
  'exclude',
  'includeVendored',
  'maxFileSizeKB',
] as const;

/**
 * A contract price book file (`trtcCost.priceBookFile`), checked by the core as the scenario's contract is: unknown
 * price keys (a typo such as `av.HDD`) and bad numbers are errors with their line and column, never ignored.
 */
export function parsePriceBook(text: string, locale: Locale = 'en'): { contract?: ContractSpec; error?: string } {
  const r = parseContractBook(text);
  // An unknown field in a file that holds only prices is a typo of one ("discount" for "discountPercent"): refuse
  // the file rather than bill list prices silently.
  const first = r.errors[0] ?? r.warnings[0];
  if (first) {
    const where = first.line !== undefined ? `${first.line}:${first.column ?? 1}: ` : '';
    return { error: `${where}${first.path} ${locale === 'zh-cn' ? first.message.zh : first.message.en}` };
  }
  return r.contract ? { contract: r.contract } : { error: locale === 'zh-cn' ? '文件中没有价格' : 'the file holds no prices' };
}
