// The project file (`.vscode/trtc-cost.json`, or what `trtc-cost scan --scenario` names) and the one precedence
// both the CLI and the extension apply: what the project file states → the settings → the defaults.
// The project file is a scenario (same format, same schema) that may leave out `version`, `tariff` and `rooms` and
// may add `assumptions` and `callSites`.

import type { Problem } from '../api';
import { parseJsonWithPositions, editJsonText, type JsonPosition } from '../scenario/json';
import { checkScenarioValue, readScenarioText } from '../scenario/validate';
import { DEFAULT_ASSUMPTIONS } from '../detect/assumptions';
import type { RoomAssumptions } from '../detect/types';
import type { PaymentSpec, PeriodSpec, ProjectAssumptions, Room, Scenario, TariffSpec } from '../scenario/types';
import type { FileRoom, ProjectSettings } from './types';
import { expectedOf, hasRanges, rangeProblems, rangesOf } from './ranges';

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

/**
 * Parses and validates a project file. It is JSON with comments and trailing commas, like VS Code's own files in
 * `.vscode/`. Problems carry their JSON path and line/column; never throws.
 * Missing `version`, `tariff` or `rooms` is fine here: the settings and defaults supply them.
 */
export function parseProjectFile(text: string): ProjectFileResult {
  const read = readScenarioText(text, { jsonc: true });
  if ('errors' in read) return read;
  const raw = read.value;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return checkScenarioValue(raw, read.positions);
  // The parts a project file may leave out are filled in before validating; the positions still fit every value the user wrote.
  const given = raw as Record<string, unknown>;
  const completed = { ...given, version: given.version ?? 1, tariff: given.tariff ?? { region: 'mainland' }, rooms: given.rooms ?? [] };
  const checked = checkScenarioValue(completed, read.positions);
  if (!checked.scenario) return { errors: checked.errors.map((e) => located(e, read.positions)), warnings: checked.warnings };
  const disordered = rangeProblems(checked.scenario.assumptions, read.positions);
  if (disordered.length) return { errors: disordered, warnings: checked.warnings };
  const file = fromScenario(checked.scenario);
  if (given.tariff === undefined) delete file.tariff;
  return { file, errors: [], warnings: checked.warnings };
}

/** A problem without a position (a missing key) placed at the nearest enclosing value the user wrote. */
function located(p: Problem, positions: Map<string, JsonPosition>): Problem {
  if (p.line !== undefined) return p;
  for (let path = p.path; path.length > 1;) {
    const at = positions.get(path);
    if (at) return { ...p, line: at.line, column: at.column };
    const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    if (cut <= 0) break;
    path = path.slice(0, cut);
  }
  return p;
}

function fromScenario(s: Scenario): ProjectFile {
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
    // A range counts with its expected value; the ranges are kept for the hover (ranges.ts).
    if (a.publishers !== undefined) assumptions.publishers = expectedOf(a.publishers);
    if (a.livePublishers !== undefined) assumptions.livePublishers = expectedOf(a.livePublishers);
    if (a.audience !== undefined) assumptions.audience = expectedOf(a.audience);
    if (a.minutesPerSession !== undefined) assumptions.minutesPerSession = expectedOf(a.minutesPerSession);
    if (a.sessionsPerDay !== undefined) assumptions.sessionsPerDay = expectedOf(a.sessionsPerDay);
    if (a.daysPerMonth !== undefined) assumptions.daysPerMonth = expectedOf(a.daysPerMonth);
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
  const ranges = rangesOf(a);
  if (hasRanges(ranges)) settings.ranges = ranges;
  return settings;
}

/**
 * The project file's text with `callSites[key] = id` (a new file when `text` is undefined). Only that value changes:
 * the user's comments, key order, indentation and line endings stay as they were. Refuses a file that is not a JSON
 * object, so a broken file is never overwritten.
 */
export function assignCallSiteText(
  text: string | undefined,
  key: string,
  id: string,
  schema?: string,
): { text: string } | { error: { en: string; zh: string } } {
  if (text === undefined || text.trim() === '')
    return { text: JSON.stringify({ ...(schema ? { $schema: schema } : {}), callSites: { [key]: id } }, null, 2) + '\n' };
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const body = bom ? text.slice(1) : text;
  const parsed = parseJsonWithPositions(body, { jsonc: true });
  if (!parsed.ok) {
    const at = `${parsed.position.line}:${parsed.position.column}`;
    return {
      error: {
        en: `the project file is not valid JSON (${at}: ${parsed.message.en}): fix it first`,
        zh: `项目文件不是有效的 JSON（${at}：${parsed.message.zh}）：请先修正`,
      },
    };
  }
  const value = parsed.value;
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { error: { en: 'the project file must hold a JSON object', zh: '项目文件必须是一个 JSON 对象' } };
  const current = (value as Record<string, unknown>).callSites;
  if (current !== undefined && (!current || typeof current !== 'object' || Array.isArray(current))) {
    return { error: { en: '"callSites" in the project file must be an object', zh: '项目文件中的 "callSites" 必须是对象' } };
  }
  const edited = editJsonText(body, { ...(value as Record<string, unknown>), callSites: { ...(current as Record<string, unknown> | undefined), [key]: id } });
  if (edited === undefined) return { error: { en: 'the project file could not be edited in place', zh: '无法原地修改项目文件' } };
  return { text: bom + edited };
}

/**
 * The project file's text with `room` added at the end of `rooms`, edited in place like assignCallSiteText (comments
 * and layout stay). Refuses a file that is not a valid project file, so a broken file is never rewritten.
 */
export function addRoomText(text: string, room: Room): { text: string } | { error: { en: string; zh: string } } {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const body = bom ? text.slice(1) : text;
  const parsed = parseJsonWithPositions(body, { jsonc: true });
  if (!parsed.ok || !parseProjectFile(body).file) return { error: { en: 'fix the project file first', zh: '请先修正项目文件' } };
  const value = parsed.value as Record<string, unknown> & { rooms?: unknown[] };
  const next = { ...value, rooms: [...(value.rooms ?? []), room] };
  return { text: bom + (editJsonText(body, next) ?? JSON.stringify(next, null, 2) + '\n') };
}
