// The project analysis both front ends use: per-file facts → logical rooms → scenario → bill. The CLI and the
// extension call exactly these functions, so for the same folder and settings they show the same rooms and totals.

import type { Text } from '../common';
import type { Bill, RoomCost } from '../bill/types';
import { estimate, parseScenario } from '../api';
import { detectRooms } from '../detect/detect';
import type { EditionFeature } from '../detect/features';
import type { Room, Scenario } from '../scenario/types';
import { callNameAt } from './names';
import { withEditionPackages } from './editions';
import { applyFragments } from './fragments';
import { groupRooms } from './rooms';
import type { FileFacts, LogicalRoom, ProjectAnalysis, ProjectSettings } from './types';

/** Detection of one file for the project model, with the SDK call each room is anchored on. Never throws. */
export function detectFile(file: string, languageId: string, text: string): FileFacts {
  const detection = detectRooms(text, languageId, file);
  const calls = detection.rooms.map((r) => callNameAt(text, r.range.start.line, r.range.start.character) ?? '');
  return { file, languageId, detection, calls };
}

/** Groups the files' call sites into logical rooms under the settings. */
export function analyzeProject(files: Iterable<FileFacts>, settings: ProjectSettings): ProjectAnalysis {
  const { files: rewritten, notes } = applyFragments([...files].filter(hasFacts));
  return groupRooms(rewritten, settings, notes);
}

/** Whether a file's detection matters to the project: rooms, notes, media for another file's room, wrapper calls. */
export function hasFacts(f: FileFacts): boolean {
  const d = f.detection;
  return d.rooms.length > 0 || d.notes.length > 0 || d.media !== undefined || (d.wrapperCalls?.length ?? 0) > 0 || (d.features?.length ?? 0) > 0;
}

/** A scenario of the given rooms under the project's tariff, period and payment plan. */
export function projectScenario(rooms: Room[], settings: ProjectSettings, name?: string): Scenario {
  const s: Scenario = { version: 1, tariff: settings.tariff, rooms };
  if (name) s.name = name;
  if (settings.period) s.period = settings.period;
  if (settings.payment) s.payment = settings.payment;
  return s;
}

export type RoomEstimate =
  | {
      ok: true;
      bill: Bill;
      cost: RoomCost;
      /** The settings it was estimated under: levers and ranges re-estimate under the same. */ settings?: ProjectSettings;
    }
  | { ok: false; reason: Text };

const NO_ROOM: Text = { en: 'no room could be built from this code', zh: '无法根据这段代码构建房间' };

/** The validator's complaints about a scenario, in plain words with their JSON paths (both languages). */
export function whyInvalid(s: Scenario): Text | undefined {
  const errors = parseScenario(s).errors;
  if (errors.length === 0) return undefined;
  const first = errors.slice(0, 3);
  return { en: first.map((e) => `${e.path}: ${e.message.en}`).join('; '), zh: first.map((e) => `${e.path}：${e.message.zh}`).join('；') };
}

/** One logical room estimated alone (its list price: no free minutes shared with other rooms). */
export function estimateLogicalRoom(room: LogicalRoom, settings: ProjectSettings): RoomEstimate {
  return estimateRoomAlone(room.room, room.reason, settings, room.features);
}

/**
 * A scenario room estimated alone under the project's settings, or why it cannot be (`reason` when there is no room).
 * `features`: the room's edition-gated calls, which add the RTC-Engine package they need (editions.ts).
 */
export function estimateRoomAlone(
  room: Room | undefined,
  reason: Text | undefined,
  settings: ProjectSettings,
  features?: readonly EditionFeature[],
): RoomEstimate {
  if (!room) return { ok: false, reason: reason ?? NO_ROOM };
  const { scenario, messages } = withEditionPackages(projectScenario([room], settings), [{ room, features }]);
  const invalid = whyInvalid(scenario);
  if (invalid) return { ok: false, reason: invalid };
  try {
    const bill = estimate(scenario, { today: settings.today, advice: false });
    bill.assumptions.push(...messages);
    const cost = bill.rooms[0];
    return cost
      ? { ok: true, bill, cost, settings }
      : { ok: false, reason: { en: 'the engine returned no cost for this room', zh: '计费引擎没有返回此房间的费用' } };
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    return { ok: false, reason: { en: m, zh: m } };
  }
}

export type ProjectBill =
  { ok: true; bill: Bill; rooms: LogicalRoom[] } | { ok: false; reason: Text; rooms: LogicalRoom[] } | { ok: 'empty'; rooms: LogicalRoom[] };

/**
 * The project's bill: every logical room that could be built, billed together (free minutes and packs apply
 * once for the account). Rooms that cannot be estimated are left out and listed by the caller.
 */
export function billProject(analysis: ProjectAnalysis, settings: ProjectSettings, name?: string, advice = false): ProjectBill {
  const rooms = analysis.rooms.filter((r) => r.room && !whyInvalid(projectScenario([r.room], settings)));
  if (rooms.length === 0) return { ok: 'empty', rooms };
  const { scenario, messages } = withEditionPackages(
    projectScenario(
      rooms.map((r) => r.room!),
      settings,
      name,
    ),
    [...rooms.map((r) => ({ room: r.room!, features: r.features })), ...(analysis.features ? [{ features: analysis.features }] : [])],
  );
  const invalid = whyInvalid(scenario);
  if (invalid) return { ok: false, reason: invalid, rooms };
  try {
    const bill = estimate(scenario, { today: settings.today, advice });
    bill.assumptions.push(...messages);
    return { ok: true, bill, rooms };
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    return { ok: false, reason: { en: m, zh: m }, rooms };
  }
}
