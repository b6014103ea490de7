// What each line of code that drives a room's cost adds: a camera, a screen share, a small stream, cloud recording,
// mixing or relay stated in code, priced as the difference between estimating the room with and without that fact
// (the same engine, the same settings). A fact the room's estimate does not use (another side's camera that the
// grouping did not take) has no driver: it adds nothing to this estimate, and saying so would be a guess.

import { D } from '../decimal';
import type { Currency, Text, Tier } from '../common';
import { resText, tierName } from '../common';
import type { SourceRange } from '../detect/types';
import type { Resolution, Room } from '../scenario/types';
import { estimateRoomAlone } from './analyze';
import type { CallSite, LogicalRoom, ProjectSettings } from './types';

export type DriverFact = 'camera' | 'screen' | 'smallStream' | 'recording' | 'mixTranscoding' | 'relay';

export interface CostDriver {
  fact: DriverFact;
  /** "Screen share 1920×1080". */
  title: Text;
  /** The call site stating it ("file:line") and where the value is written (project-relative file, 0-based range). */
  site: string;
  file: string;
  range: SourceRange;
  /** For recording, mixing and relay: the call that starts them (a server API call), also a line the driver is on. */
  callRange?: SourceRange;
  /** The room's list price with the fact, and without it (RoomCost.monthly), exact. */
  with: string;
  without: string;
  /** with − without: what this line adds (negative: it saves, e.g. a small stream receivers take). */
  monthlyEffect: string;
  currency: Currency;
  /** The room's main tier with and without the fact (the why, when they differ). */
  tierWith: Tier;
  tierWithout: Tier;
}

const MEDIA: readonly DriverFact[] = ['camera', 'screen', 'smallStream'];
const SERVICES: readonly DriverFact[] = ['recording', 'mixTranscoding', 'relay'];

const FACT_NAME: Record<DriverFact, Text> = {
  camera: { en: 'Camera', zh: '摄像头' },
  screen: { en: 'Screen share', zh: '屏幕分享' },
  smallStream: { en: 'Small stream', zh: '小流' },
  recording: { en: 'Cloud recording', zh: '云端录制' },
  mixTranscoding: { en: 'Cloud mixing', zh: '云端混流' },
  relay: { en: 'CDN relay', zh: 'CDN 转推' },
};

const sameRes = (a: Resolution | null | undefined, b: Resolution | null | undefined): boolean => !!a && !!b && a.width === b.width && a.height === b.height;
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The room without the fact: the groups publishing this value stop publishing it, or the service is removed. */
function without(room: Room, fact: DriverFact, value: unknown): Room | undefined {
  if (MEDIA.includes(fact)) {
    const key = fact as 'camera' | 'screen' | 'smallStream';
    let used = false;
    const participants = room.participants.map((g) => {
      if (!sameRes(g.publish[key], value as Resolution)) return g;
      used = true;
      return { ...g, publish: { ...g.publish, [key]: null } };
    });
    return used ? { ...room, participants } : undefined;
  }
  const key = fact as 'recording' | 'mixTranscoding' | 'relay';
  return room[key] && same(room[key], value) ? { ...room, [key]: null } : undefined;
}

function title(fact: DriverFact, value: unknown): Text {
  const name = FACT_NAME[fact];
  if (MEDIA.includes(fact)) return { en: `${name.en} ${resText(value as Resolution)}`, zh: `${name.zh} ${resText(value as Resolution)}` };
  if (fact === 'recording') {
    const mixed = (value as { mode: string }).mode === 'mixed';
    return mixed ? { en: `${name.en} (mixed)`, zh: `${name.zh}（合流）` } : { en: `${name.en} (single streams)`, zh: `${name.zh}（单流）` };
  }
  return name;
}

/**
 * The cost drivers of a logical room built from code: each fact a call site states explicitly that the room's
 * estimate uses, with what it adds. A fact two sites state alike is left out (without one of them the room would
 * not change). Most expensive first. Never throws.
 */
export function roomDrivers(logical: LogicalRoom, settings: ProjectSettings): CostDriver[] {
  const room = logical.room;
  if (!room || logical.origin !== 'code') return [];
  const base = estimateRoomAlone(room, undefined, settings);
  if (!base.ok) return [];
  const stated: { site: CallSite; fact: DriverFact; value: unknown; file: string; range: SourceRange }[] = [];
  for (const site of [...logical.sites, ...logical.addOns]) {
    for (const fact of [...MEDIA, ...SERVICES]) {
      const f = site.detected[fact];
      const p = f.provenance;
      if (f.value === undefined || f.value === null || f.candidates?.length || p.kind !== 'explicit') continue;
      stated.push({ site, fact, value: f.value, file: p.file ?? site.file, range: p.range });
    }
  }
  const out: CostDriver[] = [];
  for (const s of stated) {
    if (stated.some((o) => o !== s && o.fact === s.fact && same(o.value, s.value) && o.site !== s.site)) continue;
    const changed = without(room, s.fact, s.value);
    if (!changed) continue;
    const alt = estimateRoomAlone(changed, undefined, settings);
    if (!alt.ok) continue;
    const effect = new D(base.cost.monthly).minus(alt.cost.monthly);
    if (effect.isZero()) continue;
    out.push({
      fact: s.fact,
      title: title(s.fact, s.value),
      site: s.site.key,
      file: s.file,
      range: s.range,
      ...(SERVICES.includes(s.fact) ? { callRange: s.site.detected.range } : {}),
      with: base.cost.monthly,
      without: alt.cost.monthly,
      monthlyEffect: effect.toFixed(),
      currency: base.bill.currency,
      tierWith: base.cost.mainTier,
      tierWithout: alt.cost.mainTier,
    });
  }
  return out.sort((a, b) => new D(b.monthlyEffect).comparedTo(a.monthlyEffect));
}

/** The why of a driver: "moves the main tier from HD to FHD" when the tier changes. */
export function driverWhy(d: CostDriver): Text | undefined {
  if (d.tierWith === d.tierWithout) return undefined;
  const a = tierName(d.tierWithout);
  const b = tierName(d.tierWith);
  return { en: `moves the room's main tier from ${a.en} to ${b.en}`, zh: `使房间的主要档位从${a.zh}变为${b.zh}` };
}

/** The driver whose value is written on a line of a file (0-based line), for a hover on that line. */
export function driverOnLine(drivers: readonly CostDriver[], file: string, line: number): CostDriver | undefined {
  const on = (r: SourceRange | undefined) => !!r && r.start.line <= line && line <= r.end.line;
  return drivers.find((d) => d.file === file && on(d.range)) ?? drivers.find((d) => d.site.startsWith(`${file}:`) && on(d.callRange));
}
