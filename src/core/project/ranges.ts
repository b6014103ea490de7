// Assumptions given as ranges (project file: `"audience": {"low": 50, "expected": 100, "high": 200}`): estimates
// use the expected value; the hover shows what the low and the high ends give. The low and high rooms are the
// expected room with exactly the fields roomFromCode (src/core/detect/assumptions.ts) fills from the assumptions
// replaced, so they are the rooms detection would build under those assumptions (a property test checks this).

import type { Problem } from '../api';
import type { JsonPosition } from '../scenario/json';
import type { AssumptionRange, ParticipantGroup, ProjectAssumptions, Room } from '../scenario/types';
import type { RoomAssumptions } from '../detect/types';

/** The assumptions that may be ranges (the camera is one value). */
export const RANGE_KEYS = ['publishers', 'livePublishers', 'audience', 'minutesPerSession', 'sessionsPerDay', 'daysPerMonth'] as const;
export type RangeKey = (typeof RANGE_KEYS)[number];

/** The ranges the project file gives, by assumption (only those given as ranges). */
export type AssumptionRanges = Partial<Record<RangeKey, AssumptionRange>>;

export function isRange(v: number | AssumptionRange | undefined): v is AssumptionRange {
  return typeof v === 'object' && v !== null;
}

/** The value estimates use: the number, or the range's expected value. */
export function expectedOf(v: number | AssumptionRange): number {
  return isRange(v) ? v.expected : v;
}

/** The ranges among the project file's assumptions. */
export function rangesOf(a: ProjectAssumptions | undefined): AssumptionRanges {
  const out: AssumptionRanges = {};
  if (!a) return out;
  for (const k of RANGE_KEYS) {
    const v = a[k];
    if (isRange(v)) out[k] = { low: v.low, expected: v.expected, high: v.high };
  }
  return out;
}

/** Problems of ranges that are not in order (low ≤ expected ≤ high), at the range's position in the file. */
export function rangeProblems(a: ProjectAssumptions | undefined, positions?: Map<string, JsonPosition>): Problem[] {
  const out: Problem[] = [];
  if (!a) return out;
  for (const k of RANGE_KEYS) {
    const v = a[k];
    if (!isRange(v) || (v.low <= v.expected && v.expected <= v.high)) continue;
    const path = `$.assumptions.${k}`;
    const bad = v.low > v.expected ? 'low' : 'high';
    const at = positions?.get(`${path}.${bad}`) ?? positions?.get(path);
    out.push({
      path: `${path}.${bad}`,
      message: {
        en: `the range must have low ≤ expected ≤ high (here low ${v.low}, expected ${v.expected}, high ${v.high})`,
        zh: `范围须满足 low ≤ expected ≤ high（此处 low ${v.low}、expected ${v.expected}、high ${v.high}）`,
      },
      ...(at ? { line: at.line, column: at.column } : {}),
    });
  }
  return out;
}

/** Whether any range is wider than one value. */
export function hasRanges(r: AssumptionRanges | undefined): boolean {
  return !!r && RANGE_KEYS.some((k) => r[k] !== undefined && r[k]!.low !== r[k]!.high);
}

/** The assumptions at one end of the ranges (assumptions not given as ranges keep their value). */
export function assumptionsAt(base: RoomAssumptions, ranges: AssumptionRanges, end: 'low' | 'high'): RoomAssumptions {
  const out: RoomAssumptions = { ...base };
  for (const k of RANGE_KEYS) {
    const r = ranges[k];
    if (r) out[k] = r[end];
  }
  return out;
}

/**
 * A room built by roomFromCode under `from`, as it would be under `to`: the usage fields and the group counts
 * roomFromCode takes from the assumptions are replaced. Only for rooms built from code (a project-file room
 * states its own numbers). An audience of 0 at one end removes the audience group; an audience group that the
 * expected room lacks (expected 0) is added receiving everything, as roomFromCode does for a role-less client.
 */
export function roomUnderAssumptions(room: Room, from: RoomAssumptions, to: RoomAssumptions): Room {
  const live = room.service === 'video-live' || room.service === 'voice-live';
  const anchors = to.livePublishers ?? to.publishers;
  const participants: ParticipantGroup[] = [];
  for (const g of room.participants) {
    if (!live && g.name === 'participants') participants.push({ ...g, count: to.publishers });
    else if (live && g.name === 'anchors') participants.push({ ...g, count: anchors });
    else if (live && g.name === 'audience') {
      if (to.audience > 0) participants.push({ ...g, count: to.audience });
    } else participants.push(g);
  }
  if (live && to.audience > 0 && from.audience <= 0 && !participants.some((g) => g.name === 'audience'))
    participants.push({ name: 'audience', count: to.audience, role: 'audience', publish: { camera: null, audio: false }, receive: 'all' });
  return {
    ...room,
    sessionsPerDay: to.sessionsPerDay,
    minutesPerSession: to.minutesPerSession,
    daysPerMonth: to.daysPerMonth,
    participants,
  };
}
