// The project file (`.vscode/trtc-cost.json`, or what `trtc-cost scan --scenario` names) and the one precedence
// both the CLI and the extension apply: what the project file states → the settings → the defaults.
// The project file is a scenario (same format, same schema) that may leave out `version`, `tariff` and `rooms` and
// may add `assumptions` and `callSites`.

import type { Problem } from '../api';
import { parseScenario } from '../api';
import { DEFAULT_ASSUMPTIONS } from '../detect/assumptions';
import type { RoomAssumptions } from '../detect/types';
import type { PaymentSpec, PeriodSpec, ProjectAssumptions, Room, TariffSpec } from '../scenario/types';
import type { FileRoom, ProjectSettings } from './types';

/** What a valid project file states; every field is optional. */
export interface ProjectFile {
  tariff?: TariffSpec;
  period?: PeriodSpec;
  payment?: PaymentSpec;
  assumptions?: ProjectAssumptions;
  callSites: Record<string, string>;
  rooms: Room[];
}

export interface ProjectFileResult {
  file?: ProjectFile;
  errors: Problem[];
  warnings: Problem[];
}

/** Fields a project file may leave out (a complete scenario needs them). */
const OPTIONAL_HERE = new Set(['$.version', '$.tariff', '$.rooms']);

/**
 * Parses and validates a project file. Problems carry their JSON path and line/column; never throws.
 * Missing `version`, `tariff` or `rooms` is fine here: the settings and defaults supply them.
 */
export function parseProjectFile(text: string): ProjectFileResult {
  const first = parseScenario(text);
  const missingOnly = first.errors.filter((e) => !(OPTIONAL_HERE.has(e.path) && e.message.en.startsWith('is missing')));
  if (first.scenario) return { file: fromScenario(first.scenario, text), errors: [], warnings: first.warnings };
  if (missingOnly.length > 0 || first.errors.length === 0) return { errors: missingOnly.length ? missingOnly : first.errors, warnings: first.warnings };
  // Only optional parts are missing: validate again with them filled in, to get the normalized value.
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { errors: first.errors, warnings: first.warnings };
  }
  const completed = { ...raw, version: raw.version ?? 1, tariff: raw.tariff ?? { region: 'mainland' }, rooms: raw.rooms ?? [] };
  const second = parseScenario(completed);
  if (!second.scenario) return { errors: second.errors, warnings: first.warnings };
  const file = fromScenario(second.scenario, text);
  if (raw.tariff === undefined) delete file.tariff;
  return { file, errors: [], warnings: first.warnings };
}

function fromScenario(s: NonNullable<ReturnType<typeof parseScenario>['scenario']>, _text: string): ProjectFile {
  const file: ProjectFile = { tariff: s.tariff, callSites: { ...(s.callSites ?? {}) }, rooms: s.rooms };
  if (s.period) file.period = s.period;
  if (s.payment) file.payment = s.payment;
  if (s.assumptions) file.assumptions = s.assumptions;
  return file;
}

/** What the settings (or a CLI without settings) supply before the project file is applied. */
export interface BaseSettings {
  tariff: TariffSpec;
  payment: PaymentSpec;
  period?: PeriodSpec;
  assumptions: RoomAssumptions;
}

/** The defaults when there are no settings (the CLI): the same values the extension's settings default to. */
export function defaultBaseSettings(): BaseSettings {
  return {
    tariff: { region: 'mainland' },
    payment: { freeMinutes: true },
    assumptions: { ...DEFAULT_ASSUMPTIONS, defaultCamera: { ...DEFAULT_ASSUMPTIONS.defaultCamera } },
  };
}

/**
 * The project's settings: each thing the project file states wins over the settings, which win over the defaults.
 * `tariff` and `payment` are taken whole from the file when it has them (a price book is one decision).
 */
export function projectSettings(base: BaseSettings, file: ProjectFile | undefined, projectFile?: string): ProjectSettings {
  const assumptions: RoomAssumptions = { ...base.assumptions };
  const a = file?.assumptions;
  if (a) {
    if (a.publishers !== undefined) assumptions.publishers = a.publishers;
    if (a.livePublishers !== undefined) assumptions.livePublishers = a.livePublishers;
    if (a.audience !== undefined) assumptions.audience = a.audience;
    if (a.minutesPerSession !== undefined) assumptions.minutesPerSession = a.minutesPerSession;
    if (a.sessionsPerDay !== undefined) assumptions.sessionsPerDay = a.sessionsPerDay;
    if (a.daysPerMonth !== undefined) assumptions.daysPerMonth = a.daysPerMonth;
    if (a.camera !== undefined) assumptions.defaultCamera = a.camera;
  }
  const fileRooms: FileRoom[] = (file?.rooms ?? []).map((room, index) => ({ index, room }));
  const period: PeriodSpec | undefined = file?.period ?? base.period;
  const settings: ProjectSettings = {
    tariff: file?.tariff ?? base.tariff,
    payment: file?.payment ?? base.payment,
    assumptions,
    fileRooms,
    callSites: file?.callSites ?? {},
  };
  if (period) settings.period = period;
  if (projectFile) settings.projectFile = projectFile;
  return settings;
}

/**
 * The project file's text with `callSites[key] = id` (a new file when `text` is undefined). Refuses a file that is
 * not a JSON object, so a broken file is never overwritten. The file is rewritten with two-space indentation.
 */
export function assignCallSiteText(
  text: string | undefined,
  key: string,
  id: string,
  schema?: string,
): { text: string } | { error: { en: string; zh: string } } {
  let value: Record<string, unknown>;
  if (text === undefined || text.trim() === '') value = schema ? { $schema: schema } : {};
  else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      const m = e instanceof Error ? e.message : String(e);
      return { error: { en: `the project file is not valid JSON (${m}): fix it first`, zh: `项目文件不是有效的 JSON（${m}）：请先修正` } };
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      return { error: { en: 'the project file must hold a JSON object', zh: '项目文件必须是一个 JSON 对象' } };
    value = parsed as Record<string, unknown>;
  }
  const current = value.callSites;
  if (current !== undefined && (!current || typeof current !== 'object' || Array.isArray(current))) {
    return { error: { en: '"callSites" in the project file must be an object', zh: '项目文件中的 "callSites" 必须是对象' } };
  }
  value.callSites = { ...((current as Record<string, string> | undefined) ?? {}), [key]: id };
  return { text: JSON.stringify(value, null, 2) + '\n' };
}
