// Caches shared by the providers (and measured by bench/extension.bench.ts): the latest analysis per document,
// valid for one (version, settings generation); CodeLens titles and hover Markdown computed once per room.
import { estimateRoom, roomAt, sameAsAt, type DocumentAnalysis, type EstimateContext, type RoomEstimate, type RoomResult } from './analysis';
import { lensTitle, roomHover, sameRoomHover, type HoverLinks, type Localizer } from './present';

export class AnalysisCache {
  private readonly latest = new Map<string, DocumentAnalysis>();

  /** The analysis of exactly this version and generation. */
  get(uri: string, version: number, generation: number): DocumentAnalysis | undefined {
    const a = this.latest.get(uri);
    return a && a.version === version && a.generation === generation ? a : undefined;
  }

  /** The last analysis, whatever its version. */
  previous(uri: string): DocumentAnalysis | undefined {
    return this.latest.get(uri);
  }

  set(a: DocumentAnalysis): void {
    this.latest.set(a.uri, a);
  }

  delete(uri: string): void {
    this.latest.delete(uri);
  }

  clear(): void {
    this.latest.clear();
  }

  values(): DocumentAnalysis[] {
    return [...this.latest.values()];
  }
}

export interface RoomLens {
  room: RoomResult;
  estimate: RoomEstimate;
  title: string;
}

const lensCache = new WeakMap<readonly RoomResult[], { locale: string; lenses: RoomLens[] }>();

/** Estimates and CodeLens titles for a document's call sites (each with its logical room), computed once. */
export function roomLenses(rooms: readonly RoomResult[], ctx: EstimateContext, loc: Localizer): RoomLens[] {
  const hit = lensCache.get(rooms);
  if (hit && hit.locale === loc.locale) return hit.lenses;
  const lenses = rooms.map((room) => {
    const estimate = estimateRoom(room, ctx);
    return { room, estimate, title: lensTitle(room, estimate, loc) };
  });
  lensCache.set(rooms, { locale: loc.locale, lenses });
  return lenses;
}

/** Per call site and locale: its hover, and the hovers of the other calls counted with it (DetectedRoom.sameAs), by line. */
const hoverCache = new WeakMap<RoomResult, { locale: string; markdown?: string; sameAs?: Map<number, string> }>();

/** The hover Markdown for the call site at a position (computed once per site), or undefined when there is none. */
export function hoverAt(
  rooms: readonly RoomResult[],
  line: number,
  character: number,
  ctx: EstimateContext,
  loc: Localizer,
  links: (room: RoomResult, estimate: RoomEstimate) => HoverLinks,
): { room: RoomResult; markdown: string } | undefined {
  const room = roomAt(rooms, line, character);
  if (!room) return undefined;
  let entry = hoverCache.get(room);
  if (!entry || entry.locale !== loc.locale) hoverCache.set(room, (entry = { locale: loc.locale }));
  // Another call entering the same room: the room's hover, said to be counted there.
  const alias = sameAsAt(room, line, character);
  if (alias) {
    const known = entry.sameAs?.get(alias.start.line);
    if (known !== undefined) return { room, markdown: known };
    const estimate = estimateRoom(room, ctx);
    const markdown = sameRoomHover(alias, room, estimate, links(room, estimate), loc);
    (entry.sameAs ??= new Map()).set(alias.start.line, markdown);
    return { room, markdown };
  }
  if (entry.markdown !== undefined) return { room, markdown: entry.markdown };
  const estimate = estimateRoom(room, ctx);
  entry.markdown = roomHover(room, estimate, links(room, estimate), loc);
  return { room, markdown: entry.markdown };
}
