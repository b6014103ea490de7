// Edition gating in the estimate: a logical room whose code calls a feature that needs a minimum RTC-Engine edition
// (detect/features.ts) gets a monthly package of at least that edition for its app, unless the project already states
// one. The package is priced from the tariff when its fee is published, else from the user's packagePrices; with
// neither, nothing is added and the estimate says which call needs which edition (never a guessed price).

import type { Message } from '../common';
import type { EditionFeature } from '../detect/features';
import type { PackageSpec, Room, Scenario } from '../scenario/types';
import { packageEdition } from '../tariff/packages';
import type { CallSite, FileFacts } from './types';

/** RTC-Engine editions in the order they unlock features; an edition not listed (Starter, custom) unlocks nothing known. */
const RANK: ReadonlyMap<string, number> = new Map([
  ['rtc-engine.free-trial', 0],
  ['rtc-engine.lite', 1],
  ['rtc-engine.standard', 2],
  ['rtc-engine.pro', 3],
]);

/** The features of the files a logical room's sites are in, each file once (a file's features belong to each of its rooms). */
export function featuresOfSites(sites: readonly CallSite[], files: readonly FileFacts[]): EditionFeature[] | undefined {
  const own = new Set(sites.map((s) => s.file));
  const out = files.filter((f) => f.detection.features && own.has(f.file)).flatMap((f) => f.detection.features!);
  return out.length > 0 ? out : undefined;
}

/** The features of the files no logical room has a site in (each file once), or undefined when there are none. */
export function featuresOutsideRooms(rooms: readonly { sites: readonly CallSite[]; addOns: readonly CallSite[] }[], files: readonly FileFacts[]) {
  const inRooms = new Set(rooms.flatMap((r) => [...r.sites, ...r.addOns].map((s) => s.file)));
  const out = files.filter((f) => f.detection.features && !inRooms.has(f.file)).flatMap((f) => f.detection.features!);
  return out.length > 0 ? out : undefined;
}

/**
 * A room of the scenario and the edition-gated calls of its code. Without `room`: calls of the project that enter no
 * room (a server file's), needed by the app the scenario's rooms have by default.
 */
export interface RoomFeatures {
  room?: Room;
  features?: readonly EditionFeature[];
}

/** "file:line" of a feature's call (1-based line), or "line N" when the file is not known. */
function at(f: EditionFeature): string {
  const line = f.where.range.start.line + 1;
  return f.where.file !== undefined ? `${f.where.file}:${line}` : `line ${line}`;
}

function appName(app: string | undefined): { en: string; zh: string } {
  return app === undefined ? { en: 'the app', zh: '该应用' } : { en: `app "${app}"`, zh: `应用 "${app}"` };
}

/**
 * The scenario with the RTC-Engine package each app's features need, and the messages saying what was added or why
 * nothing could be. The input scenario is not changed; with no feature, or outside the international site, it is
 * returned as is (same object) with no message.
 */
export function withEditionPackages(scenario: Scenario, rooms: readonly RoomFeatures[]): { scenario: Scenario; messages: Message[] } {
  const messages: Message[] = [];
  if (scenario.tariff.region !== 'international' || rooms.every((r) => !r.features?.length)) return { scenario, messages };
  const product = scenario.payment?.product;
  // The editions gate RTC-Engine; what a Call, Live or Conference package unlocks is not published.
  if (product !== undefined && product !== 'rtc-engine') return { scenario, messages };
  // The feature needing the highest edition, per app (undefined: the scenario's app).
  const need = new Map<string | undefined, { feature: EditionFeature; rank: number; room: number | undefined }>();
  rooms.forEach((r, index) => {
    for (const f of r.features ?? []) {
      const rank = RANK.get(f.minimumEdition);
      if (rank === undefined) continue;
      const app = r.room?.app;
      const prev = need.get(app);
      if (!prev || rank > prev.rank) need.set(app, { feature: f, rank, room: r.room ? index : undefined });
    }
  });
  let packages: PackageSpec[] = [...(scenario.payment?.packages ?? [])];
  let changed = false;
  for (const [app, { feature, rank, room }] of need) {
    const own = packages.filter((p) => p.app === app && RANK.has(p.edition));
    if (own.some((p) => RANK.get(p.edition)! >= rank)) continue;
    const edition = packageEdition(feature.minimumEdition);
    if (!edition) continue;
    const who = appName(app);
    const published = edition.fees.length > 0 && edition.minutes !== null;
    const known = scenario.payment?.packagePrices?.[edition.id];
    if (!published && !known) {
      messages.push({
        code: `edition.fee-unknown:${edition.id}`,
        ...(room !== undefined ? { room } : {}),
        text: {
          en:
            `Needs ${edition.name.en} for ${feature.text.en} at ${at(feature)}; enter its fee in packagePrices ("${edition.id}": {"fee": …, "minutes": ` +
            `…}). The package is not in this estimate.`,
          zh: `${at(feature)} 的${feature.text.zh}需要 ${edition.name.zh}；请在 packagePrices 中填写其费用（"${edition.id}": {"fee": …, "minutes": …}）。此估算未包含该套餐。`,
        },
      });
      continue;
    }
    // A lower edition the app holds is replaced (an app holds one RTC-Engine package); its purchase and renewal are kept.
    const lower = own[0];
    const spec: PackageSpec = lower ? { ...lower, edition: edition.id } : { edition: edition.id, ...(app !== undefined ? { app } : {}) };
    if (lower) {
      delete spec.fee;
      delete spec.minutes;
      delete spec.remaining;
    }
    packages = lower ? packages.map((p) => (p === lower ? spec : p)) : [...packages, spec];
    changed = true;
    const price = published ? { en: 'its published fee', zh: '其公布的费用' } : { en: 'your packagePrices', zh: '你填写的 packagePrices' };
    messages.push({
      code: `edition.package-added:${edition.id}`,
      ...(room !== undefined ? { room } : {}),
      text: {
        en:
          `${edition.name.en} ${lower ? `replaces ${lower.edition}` : 'is added'} for ${who.en} (${price.en}): ${feature.text.en} at ${at(feature)} needs ` +
          `it.`,
        zh: `已为${who.zh}${lower ? `将 ${lower.edition} 换为` : '加入'} ${edition.name.zh}（${price.zh}）：${at(feature)} 的${feature.text.zh}需要此版本。`,
      },
    });
  }
  if (!changed) return { scenario, messages };
  return { scenario: { ...scenario, payment: { ...scenario.payment, packages } }, messages };
}
