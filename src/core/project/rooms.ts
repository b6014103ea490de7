// Call sites → logical rooms. The rule, in the order it is applied (each step explained in the room's `grouping`):
// 1. The project file decides first: sites given the same id in `callSites` are one room; a new id splits one out.
// 2. Client sites of the same service whose code names suggest the same room kind are one room: `LiveAnchorActivity`
//    and `LiveAudienceActivity` ("live"), a web `classroom.ts` and an Android `ClassroomActivity` ("classroom").
// 3. Sites whose names say only who uses them (`teacher.ts`, `index.js`) join the service's one named room, or each
//    other when there is none. Different services are never merged.
// 4. Server calls (recording, mixing, relay) are add-ons of the client room they act on: the only one, the one of the
//    same kind, or else the room with the most call sites, said as an assumption. With no client room, they are a
//    room of their own, with assumed participants.
// A service that still has several rooms says so on each: the user can merge them by id. Nothing is double counted
// silently: every merge and every separation is a message.

import { SERVICE_TEXT, type Message, type Text } from '../common';
import { roomFromCode } from '../detect/assumptions';
import { area } from '../detect/tables';
import type { DetectedRoom, Provenance } from '../detect/types';
import type { MixTranscodingSpec, RecordingSpec, RelaySpec, Room, Service } from '../scenario/types';
import { featuresOfSites, featuresOutsideRooms } from './editions';
import { baseName, dirName, parentDir, roomTitle, siteName, slug, stemOf, words } from './names';
import type { CallSite, FileFacts, FileRoom, LogicalRoom, ProjectAnalysis, ProjectSettings, SiteRole } from './types';

function msg(code: string, en: string, zh: string): Message {
  return { code, text: { en, zh } };
}

function roleOf(d: DetectedRoom): SiteRole {
  const f = d.role;
  if (f.value !== undefined) return f.value === 'audience' ? 'audience' : 'anchor';
  if (f.candidates && f.candidates.length) {
    const set = new Set(f.candidates);
    if (set.size > 1) return 'switches';
    return set.has('audience') ? 'audience' : 'anchor';
  }
  return 'unknown';
}

/** The service a site's scenario room is billed as (from the code, or the assumption roomFromCode made). */
function serviceOf(site: CallSite): Service {
  return site.built?.service ?? 'video-call';
}

/** Builds the call sites of one file's detection. */
export function sitesOf(facts: FileFacts, settings: ProjectSettings): CallSite[] {
  return facts.detection.rooms.map((detected, index) => {
    const line = detected.range.start.line + 1;
    const kind = detected.sdk === 'server-rest' ? 'server' : 'client';
    // The class, component or widget around the call names the screen; a plain function or a script names nothing better than its file.
    const owner = detected.owner && detected.owner.kind !== 'function' ? detected.owner.name : undefined;
    // A generic file name ("index.js", "script.js") says less than its folder ("audio-call").
    const base = baseName(facts.file);
    const unit = owner ?? (stemOf(base) || !parentDir(facts.file) ? base : parentDir(facts.file));
    const call = facts.calls?.[index];
    const label = siteName(unit, call, line);
    const stem = stemOf(unit) || stemOf(baseName(facts.file)) || stemOf(parentDir(facts.file));
    const site: CallSite = {
      key: `${facts.file}:${line}`,
      file: facts.file,
      line,
      index,
      detected,
      kind,
      role: roleOf(detected),
      label,
      stem,
      assumptions: [],
    };
    try {
      const built = roomFromCode(detected, settings.assumptions, facts.file);
      site.built = { ...built.room, name: label };
      site.assumptions = built.assumptions;
    } catch (e) {
      site.reason = { en: e instanceof Error ? e.message : String(e), zh: e instanceof Error ? e.message : String(e) };
    }
    return site;
  });
}

/** The assigned room id of a site in the project file's `callSites`: "file:line" first, then "file". */
function assignedId(site: CallSite, callSites: Record<string, string>): string | undefined {
  return (Object.hasOwn(callSites, site.key) ? callSites[site.key] : undefined) ?? (Object.hasOwn(callSites, site.file) ? callSites[site.file] : undefined);
}

interface Cluster {
  id?: string;
  name?: string;
  assigned: boolean;
  stem: string;
  service: Service;
  sites: CallSite[];
  addOns: CallSite[];
  grouping: Message[];
  /** Clients that only share a screen for a camera client of this room (a second client of the same user). */
  screenSides?: CallSite[];
}

const ROLE_RANK: Record<SiteRole, number> = { anchor: 3, switches: 2, unknown: 1, audience: 0 };

/** What a site's own room publishes, for choosing the side whose settings describe the anchors. */
function publishWeight(room: Room | undefined): number {
  if (!room) return -1;
  let w = 0;
  for (const g of room.participants) {
    if (g.role !== 'anchor') continue;
    w = Math.max(w, area(g.publish.camera ?? null) + area(g.publish.screen ?? null) + area(g.publish.smallStream ?? null));
  }
  return w;
}

function moreExpensive<T>(a: T | null | undefined, b: T | null | undefined, cost: (v: T) => number): T | null | undefined {
  if (a === undefined || a === null) return b ?? a;
  if (b === undefined || b === null) return a;
  return cost(b) > cost(a) ? b : a;
}

const recordingCost = (r: RecordingSpec): number => (r.mode === 'mixed' ? 2 : 1) * 1e8 + area(r.output ?? null);
const mixCost = (m: MixTranscodingSpec): number => 1 + area(m.output ?? null);
const relayCost = (r: RelaySpec): number => (r.target === 'third-party' ? 2 : 1);

/** The side of the room whose code shows what the anchors publish: a stated anchor first, then the most publishing. */
function baseSite(sites: CallSite[]): CallSite | undefined {
  let best: CallSite | undefined;
  for (const s of sites) {
    if (!s.built) continue;
    if (!best) {
      best = s;
      continue;
    }
    const r = ROLE_RANK[s.role] - ROLE_RANK[best.role];
    if (r > 0 || (r === 0 && publishWeight(s.built) > publishWeight(best.built))) best = s;
  }
  return best;
}

/** The sites' keys as a list (Chinese texts pass '、'). */
function siteList(sites: CallSite[], sep = ', '): string {
  return sites.map((s) => s.key).join(sep);
}

/** The side whose code shows what the anchors publish; a screen-only second client is not it (the camera client is). */
function anchorSide(c: Cluster): CallSite | undefined {
  return baseSite(c.sites.filter((x) => !c.screenSides?.includes(x))) ?? baseSite(c.sites);
}

/** The logical room of a cluster: the base side's room, with every side's and add-on's value-added services. */
function buildRoom(c: Cluster, name: string, settings: ProjectSettings): Pick<LogicalRoom, 'room' | 'reason' | 'assumptions'> {
  const base = anchorSide(c);
  if (!base || !base.built) {
    const first = c.sites.find((s) => s.reason);
    return { reason: first?.reason ?? { en: 'no room could be built from this code', zh: '无法根据这段代码构建房间' }, assumptions: [] };
  }
  let built = base.built;
  let assumptions = [...base.assumptions];
  const share = c.screenSides?.find((x) => x !== base);
  if (share && base.detected.screen.value === null && !base.detected.screen.candidates) {
    // The room's publishers share their screen through the second client: as if the camera client shared it.
    const p = share.detected.screen.provenance;
    const screen = { ...share.detected.screen, provenance: p.kind === 'explicit' ? { ...p, file: p.file ?? share.file } : { ...p, range: undefined } };
    try {
      const withScreen = roomFromCode({ ...base.detected, screen }, settings.assumptions, base.file);
      built = { ...withScreen.room, name: built.name };
      assumptions = withScreen.assumptions;
    } catch {
      // The camera client's room stays as it is; the grouping message still names the share client.
    }
  }
  const room: Room = { ...built, name };
  for (const s of [...c.sites, ...c.addOns]) {
    if (s === base || !s.built) continue;
    room.recording = moreExpensive(room.recording, s.built.recording, recordingCost) ?? null;
    room.mixTranscoding = moreExpensive(room.mixTranscoding, s.built.mixTranscoding, mixCost) ?? null;
    room.relay = moreExpensive(room.relay, s.built.relay, relayCost) ?? null;
    // What the other sides could not tell about value-added services is still worth knowing.
    for (const m of s.assumptions)
      if (/^assumption\.(recording|mixing|relay)$/.test(m.code) && !assumptions.some((a) => a.text.en === m.text.en)) assumptions.push(m);
  }
  return { room, assumptions };
}

/** Groups the project's call sites into logical rooms and applies the project file's rooms. */
export function groupRooms(files: FileFacts[], settings: ProjectSettings, siteNotes: ReadonlyMap<string, Message[]> = new Map()): ProjectAnalysis {
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const sites: CallSite[] = [];
  const notes: Message[] = [];
  for (const f of sorted) {
    sites.push(...sitesOf(f, settings));
    // A file's notes say "Line N: …"; in the project's list they also say which file (unless they already do).
    for (const n of f.detection.notes)
      notes.push(n.text.en.includes(f.file) ? n : { ...n, text: { en: `${f.file}: ${n.text.en}`, zh: `${f.file} ${n.text.zh}` } });
  }
  // A mini program page's script and its WXML (same folder, same name) are one room: the script's facts are kept.
  const pageKey = (file: string): string => file.replace(/\.[^./]+$/, '');
  const scripts = new Map<string, CallSite>();
  for (const s of sites) if (s.detected.sdk === 'miniprogram' && !s.file.endsWith('.wxml')) scripts.set(pageKey(s.file), s);
  const pageOf = new Map<CallSite, CallSite>();
  for (let i = sites.length - 1; i >= 0; i--) {
    const s = sites[i];
    const script = s.file.endsWith('.wxml') ? scripts.get(pageKey(s.file)) : undefined;
    if (!script) continue;
    pageOf.set(script, s);
    sites.splice(i, 1);
  }
  const where = settings.projectFile ?? '.vscode/trtc-cost.json';
  const clusters: Cluster[] = [];
  const server: CallSite[] = [];

  // 1. Assigned by the project file (applied after the automatic grouping, so an id may name an automatic room).
  const unassigned: CallSite[] = [];
  const assigned = new Map<string, CallSite[]>();
  for (const s of sites) {
    const id = assignedId(s, settings.callSites ?? {});
    if (id === undefined) (s.kind === 'server' ? server : unassigned).push(s);
    else assigned.set(id, [...(assigned.get(id) ?? []), s]);
  }

  // 2. Same service, same room kind.
  const auto: Cluster[] = [];
  for (const s of unassigned) {
    const service = serviceOf(s);
    let c = s.stem ? auto.find((x) => x.service === service && x.stem === s.stem) : undefined;
    if (!c) {
      c = { assigned: false, stem: s.stem, service, sites: [], addOns: [], grouping: [] };
      auto.push(c);
    }
    c.sites.push(s);
  }
  // 3. Sites named only for their users join the service's one named room, or each other.
  const unnamed = auto.filter((c) => c.stem === '');
  for (const u of unnamed) {
    const named = auto.filter((c) => c.stem !== '' && c.service === u.service);
    const target =
      named.length === 1
        ? named[0]
        : auto.find((c) => c !== u && c.stem === '' && c.service === u.service && c.sites.length > 0 && auto.indexOf(c) < auto.indexOf(u));
    if (!target) continue;
    target.sites.push(...u.sites);
    u.sites = [];
  }
  // 3a. The only two call sites of a folder, of the same service, are one screen's sides (an entry screen and the room
  // screen). A folder holding more call sites is a flat source folder: its rooms stay apart.
  const inFolder = (c: Cluster): string | undefined => {
    const dirs = new Set(c.sites.map((x) => dirName(x.file)));
    return dirs.size === 1 ? [...dirs][0] : undefined;
  };
  for (const a of auto) {
    const dir = a.sites.length ? inFolder(a) : undefined;
    if (dir === undefined) continue;
    const peers = auto.filter((c) => c.sites.length > 0 && c.sites.some((x) => dirName(x.file) === dir));
    const sitesHere = sites.filter((x) => x.kind === 'client' && dirName(x.file) === dir).length;
    if (peers.length !== 2 || sitesHere !== 2 || peers.some((c) => c.service !== a.service)) continue;
    for (const b of peers) {
      if (b === a || inFolder(b) !== dir) continue;
      a.grouping.push(
        msg(
          'grouping.folder',
          `${siteList(b.sites)} and ${siteList(a.sites)} enter the same kind of ${SERVICE_TEXT[a.service].en} room from one folder: one room.`,
          `${siteList(b.sites, '、')} 与 ${siteList(a.sites, '、')} 在同一目录中进入同类${SERVICE_TEXT[a.service].zh}房间：计为一个房间。`,
        ),
      );
      a.sites.push(...b.sites);
      b.sites = [];
    }
  }
  // 3b. A call-scene side and a live side of the same room kind whose live side has an audience are one live room:
  // a sharer may enter as a call while its viewers enter as live audience (the room is the same TRTC room).
  for (const live of auto) {
    if (!live.stem || !live.service.endsWith('-live') || !live.sites.some((x) => x.role === 'audience')) continue;
    const media = live.service.slice(0, live.service.indexOf('-'));
    for (const call of auto) {
      if (call === live || call.stem !== live.stem || call.service !== `${media}-call` || call.sites.length === 0) continue;
      live.grouping.push(
        msg(
          'grouping.call-into-live',
          `${siteList(call.sites)} enter${call.sites.length === 1 ? 's' : ''} as a call, ${siteList(live.sites.filter((x) => x.role === 'audience'))} as ` +
            `live audience, with the same room kind "${live.stem}": one live room.`,
          `${siteList(call.sites, '、')} 以通话方式进房，${siteList(
            live.sites.filter((x) => x.role === 'audience'),
            '、',
          )} 以直播观众身份进房，房间类型相同（"${live.stem}"）：计为一个直播房间。`,
        ),
      );
      live.sites.push(...call.sites);
      call.sites = [];
    }
  }
  // 3c. An audience with no anchor of its kind joins the one room in its folder that has anchors (complementary
  // roles: an audience needs someone to watch), whatever the file names say.
  for (const aud of auto) {
    if (aud.sites.length === 0 || !aud.service.endsWith('-live') || !aud.sites.every((x) => x.role === 'audience')) continue;
    const media = aud.service.slice(0, aud.service.indexOf('-'));
    const dirs = new Set(aud.sites.map((x) => dirName(x.file)));
    const hosts = auto.filter(
      (c) => c !== aud && c.sites.length > 0 && c.service.startsWith(media) && c.sites.some((x) => x.role !== 'audience' && dirs.has(dirName(x.file))),
    );
    if (hosts.length !== 1) continue;
    const host = hosts[0];
    host.grouping.push(
      msg(
        'grouping.audience',
        `The audience ${siteList(aud.sites)} watches the anchors of ${siteList(host.sites)} (same folder, no other anchors of its kind): one ` +
          `${media === 'video' ? 'video' : 'voice'} live room.`,
        `观众 ${siteList(aud.sites, '、')} 观看 ${siteList(host.sites, '、')} 的主播（同一目录，没有其他同类主播）：计为一个${media === 'video' ? '视频' : '语音'}直播房间。`,
      ),
    );
    host.sites.push(...aud.sites);
    host.service = aud.service;
    aud.sites = [];
  }
  // 3d. A client that only shares a screen (no camera), next to the camera client it shares for, is the same user's
  // second client in the same room (the Web SDK v4 needs one per stream): its names, without the sharing words, are
  // the camera client's (ShareClient / RtcClient), in the same folder, SDK and service.
  for (const sh of auto) {
    if (sh.sites.length === 0 || !sh.sites.every((x) => x.kind === 'client' && sharesOnly(x.detected))) continue;
    const dirs = new Set(sh.sites.map((x) => dirName(x.file)));
    const sdks = new Set(sh.sites.map((x) => x.detected.sdk));
    const rest = new Set(sh.sites.flatMap((x) => unitWords(x)).filter((w) => !SHARE_WORDS.has(w)));
    if (sh.sites.every((x) => !unitWords(x).some((w) => SHARE_WORDS.has(w)))) continue;
    const hosts = auto.filter(
      (c) =>
        c !== sh &&
        c.service === sh.service &&
        c.sites.some(
          (x) =>
            x.kind === 'client' &&
            dirs.has(dirName(x.file)) &&
            sdks.has(x.detected.sdk) &&
            x.detected.camera.value !== null &&
            [...rest].every((w) => unitWords(x).includes(w)),
        ),
    );
    if (hosts.length !== 1) continue;
    const host = hosts[0];
    host.grouping.push(
      msg(
        'grouping.screen-client',
        `${siteList(sh.sites)} only shares a screen, next to the camera client ${siteList(host.sites)} (same folder and SDK, names alike): the same users' ` +
          `second client in one room, counted once with its screen share.`,
        `${siteList(sh.sites, '、')} 只分享屏幕，与摄像头客户端 ${siteList(host.sites, '、')} 同目录、同 SDK、名称相近：是同一批用户在同一房间的第二个客户端，连同屏幕分享只计一次。`,
      ),
    );
    host.sites.push(...sh.sites);
    host.screenSides = [...(host.screenSides ?? []), ...sh.sites];
    sh.sites = [];
  }
  for (const c of auto) if (c.sites.length > 0) clusters.push(c);

  // Ids and names of the automatic rooms, from their client sites only (a server call attached later does not rename
  // a room, so an id written in the project file stays valid).
  const usedIds = new Set<string>();
  const usedNames = new Set<string>();
  const uniqueName = (n: string): string => {
    let name = n;
    for (let k = 2; usedNames.has(name); k++) name = `${n} (${k})`;
    usedNames.add(name);
    return name;
  };
  for (const c of clusters) {
    const first = c.sites[0];
    const title = c.sites.length > 1 ? roomTitle(unitOf(c.sites.find((s) => s.stem === c.stem && s.stem) ?? first)) : '';
    const base = slug(title || first.label);
    let id = base;
    for (let k = 2; usedIds.has(id); k++) id = `${base}-${k}`;
    usedIds.add(id);
    c.id = id;
    c.name = uniqueName(title || first.label);
  }
  // The project file's assignments: an id of an automatic room adds the sites to it; another id is a room of its own.
  for (const [id, list] of assigned) {
    const clients = list.filter((x) => x.kind === 'client');
    const servers = list.filter((x) => x.kind === 'server');
    let c = clusters.find((x) => x.id === id);
    if (c) {
      c.sites.push(...clients);
      c.addOns.push(...servers);
    } else {
      const own = clients.length ? clients : servers;
      c = {
        id,
        assigned: true,
        stem: '',
        service: own.map(serviceOf).sort((x, y) => serviceRank(y) - serviceRank(x))[0],
        sites: own,
        addOns: clients.length ? servers : [],
        grouping: [],
        name: uniqueName(id),
      };
      usedIds.add(id);
      clusters.push(c);
    }
    c.grouping.push(
      msg(
        'grouping.assigned',
        `Call sites ${siteList(list)} are counted in room "${id}" as ${where} assigns them (callSites).`,
        `调用位置 ${siteList(list, '、')} 按 ${where} 的 callSites 设置计入房间 "${id}"。`,
      ),
    );
  }

  for (const c of clusters) {
    for (const site of c.sites) {
      c.grouping.push(...(siteNotes.get(site.key) ?? []));
      const markup = pageOf.get(site);
      if (markup)
        c.grouping.push(
          msg(
            'grouping.page',
            `The page's markup ${markup.key} is this room too (its script ${site.key} says more): counted once.`,
            `页面标记 ${markup.key} 也是这个房间（其脚本 ${site.key} 给出的信息更多）：只计一次。`,
          ),
        );
    }
  }
  // Explain each automatic merge.
  for (const c of clusters) {
    if (c.assigned || c.sites.length < 2) continue;
    const svc = SERVICE_TEXT[c.service];
    const kind = c.stem ? `"${c.stem}"` : '';
    c.grouping.push(
      msg(
        'grouping.merged',
        `Counted once: ${siteList(c.sites)} join the same ${svc.en} room${kind ? ` (their names say ${kind})` : ''}; the anchors' settings come from ` +
          `${anchorSide(c)?.key ?? c.sites[0].key}. To count them apart, give them different ids in ${where} (callSites).`,
        `只计一次：${siteList(c.sites, '、')} 进入同一个${svc.zh}房间${kind ? `（名称均为 ${kind}）` : ''}；主播设置取自 ${anchorSide(c)?.key ?? c.sites[0].key}。如需分开计算，请在 ${where} 的 ` +
          `callSites 中为它们设置不同的 id。`,
      ),
    );
  }

  // 4. Server add-ons.
  const clientClusters = clusters.filter((c) => c.sites.some((s) => s.kind === 'client'));
  for (const s of server) {
    let target: Cluster | undefined;
    let how: 'only' | 'kind' | 'default' = 'only';
    if (clientClusters.length === 1) target = clientClusters[0];
    else if (clientClusters.length > 1) {
      target = s.stem ? clientClusters.find((c) => c.stem === s.stem) : undefined;
      how = 'kind';
      if (!target) {
        how = 'default';
        target = [...clientClusters].sort((a, b) => b.sites.length - a.sites.length || serviceRank(b.service) - serviceRank(a.service))[0];
      }
    }
    if (!target) {
      const c: Cluster = { assigned: false, stem: s.stem, service: serviceOf(s), sites: [s], addOns: [], grouping: [] };
      c.grouping.push(
        msg(
          'grouping.server-only',
          `${s.key} acts on a room no client code in this project creates: it is estimated as a room of its own, with assumed participants.`,
          `${s.key} 作用于本项目中没有客户端代码创建的房间：单独估算，参与者为假设值。`,
        ),
      );
      clusters.push(c);
      continue;
    }
    target.addOns.push(s);
    if (how === 'default') {
      target.grouping.push(
        msg(
          'grouping.attached-default',
          `Assumed: the server call ${s.key} acts on this room (the room with the most call sites; the code does not say which room it records or mixes). ` +
            `Assign it to another room in ${where} (callSites).`,
          `假设：服务端调用 ${s.key} 作用于此房间（调用位置最多的房间；代码没有说明录制或混流的是哪个房间）。可在 ${where} 的 callSites 中改为其他房间。`,
        ),
      );
    } else {
      target.grouping.push(
        msg(
          'grouping.attached',
          `The server call ${s.key} adds its recording, mixing or relay to this room (${
            how === 'only' ? 'the only room the clients ' + 'create' : 'the room of the same kind'
          }) instead of counting a room of its own.`,
          `服务端调用 ${s.key} 的录制、混流或转推计入此房间（${how === 'only' ? '客户端创建的唯一房间' : '同类房间'}），不单独计为房间。`,
        ),
      );
    }
  }

  for (const c of clusters) harmonizeServices(c, settings);

  // Rooms.
  const rooms: LogicalRoom[] = [];
  for (const c of clusters) {
    const name = c.name ?? c.id ?? c.sites[0].label;
    const built = buildRoom(c, name, settings);
    const features = featuresOfSites([...c.sites, ...c.addOns], files);
    rooms.push({
      id: c.id ?? slug(name),
      name,
      sites: c.sites,
      addOns: c.addOns,
      ...built,
      grouping: c.grouping,
      origin: 'code',
      ...(features ? { features } : {}),
    });
  }
  // A service with several rooms: say that they are counted apart.
  for (const r of rooms) {
    if (!r.room) continue;
    const others = rooms.filter((o) => o !== r && o.room && o.room.service === r.room!.service && o.sites.some((s) => s.kind === 'client'));
    if (others.length === 0 || !r.sites.some((s) => s.kind === 'client')) continue;
    const list = others.map((o) => `"${o.id}"`).join(', ');
    r.grouping.push(
      msg(
        'grouping.separate',
        `Counted apart from ${list} (also ${SERVICE_TEXT[r.room.service].en}): their code names differ. If they are one room, give their call sites the ` +
          `same id in ${where} (callSites).`,
        `与 ${list}（同为${SERVICE_TEXT[r.room.service].zh}）分开计算：它们在代码中的名称不同。如果是同一个房间，请在 ${where} 的 callSites 中为它们设置相同的 id。`,
      ),
    );
  }
  applyFileRooms(rooms, settings.fileRooms, where);
  const roomOfSite = new Map<string, LogicalRoom>();
  for (const r of rooms) for (const s of [...r.sites, ...r.addOns]) roomOfSite.set(s.key, r);
  const features = featuresOutsideRooms(rooms, files);
  return { rooms, sites, notes, roomOfSite, ...(features ? { features } : {}) };
}

/** Gives a site the service of its logical room, and rebuilds the room the site alone would be. */
function reviseService(site: CallSite, service: Service, provenance: Provenance, settings: ProjectSettings): void {
  site.detected = { ...site.detected, service: { value: service, provenance } };
  try {
    const built = roomFromCode(site.detected, settings.assumptions, site.file);
    site.built = { ...built.room, name: site.label };
    site.assumptions = built.assumptions;
  } catch (e) {
    site.reason = { en: e instanceof Error ? e.message : String(e), zh: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * One service for every side of a logical room, so that a side's hover does not contradict the room's bill:
 * - a side entering as a call in a room whose viewers enter as live audience is in that live room (the live side's
 *   code says so: the fact points there);
 * - a video scene in which no side starts a camera, a screen share or a small stream sends and bills audio only: the
 *   service is the voice one, as a default with the reason (the scene allows video, the code never sends it).
 */
function harmonizeServices(c: Cluster, settings: ProjectSettings): void {
  const clients = c.sites.filter((s) => s.kind === 'client' && s.built);
  if (clients.length === 0) return;
  if (c.service.endsWith('-live')) {
    const liveSide = clients.find((s) => serviceOf(s) === c.service && s.detected.service.provenance.kind === 'explicit');
    const liveRange = liveSide && liveSide.detected.service.provenance.kind === 'explicit' ? liveSide.detected.service.provenance.range : undefined;
    for (const s of clients) {
      if (serviceOf(s) === c.service || !serviceOf(s).endsWith('-call')) continue;
      const provenance: Provenance =
        liveSide && liveRange
          ? { kind: 'explicit', range: liveRange, ...(liveSide.file !== s.file ? { file: liveSide.file } : {}) }
          : { kind: 'default', reason: { en: 'the room has live audience on another side', zh: '房间的另一端是直播观众' } };
      reviseService(s, c.service, provenance, settings);
    }
  }
  // An audience's code does not show what the anchors send: only a room with a publishing side in code qualifies.
  const publishers = clients.filter((s) => s.role !== 'audience');
  if (!c.service.startsWith('video-') || publishers.length === 0 || clients.some((s) => sendsVideo(s.detected))) return;
  const voice: Service = c.service === 'video-call' ? 'voice-call' : 'voice-live';
  const keys = siteList(clients);
  const reason: Text = {
    en: `the scene allows video, but no camera, screen share or small stream is started in this room's code (${keys}): only audio is sent and billed`,
    zh: `场景允许视频，但此房间的代码（${siteList(clients, '、')}）没有开启摄像头、屏幕分享或小流：只发送并计费音频`,
  };
  for (const s of clients) {
    const range = s.detected.service.provenance.kind === 'explicit' ? s.detected.service.provenance.range : s.detected.range;
    reviseService(s, voice, { kind: 'default', reason, range }, settings);
  }
  c.grouping.push(msg('grouping.audio-only', `Billed as ${SERVICE_TEXT[voice].en}: ${reason.en}.`, `按${SERVICE_TEXT[voice].zh}计费：${reason.zh}。`));
  c.service = voice;
}

const SHARE_WORDS: ReadonlySet<string> = new Set(['share', 'sharing', 'screen', 'screenshare', 'sharer', 'desktop']);

/** A client that publishes a screen share (or may) and no camera. */
function sharesOnly(d: DetectedRoom): boolean {
  return d.camera.value === null && !(d.camera.candidates ?? []).some((v) => v !== null) && d.screen.value !== null;
}

/** Lower-case words of the code unit a site is in (its class or component, else its file name). */
function unitWords(site: CallSite): string[] {
  const unit = site.detected.owner && site.detected.owner.kind !== 'function' ? site.detected.owner.name : baseName(site.file);
  return words(unit).map((w) => w.toLowerCase());
}

/** Whether a side's code starts any video: a camera, a screen share or a small stream (or may, among candidates). */
function sendsVideo(d: DetectedRoom): boolean {
  return [d.camera, d.screen, d.smallStream].some((f) => f.value !== null || (f.candidates ?? []).some((v) => v !== null));
}

function unitOf(site: CallSite): string {
  const b = baseName(site.file);
  return site.stem && !stemOf(b) ? parentDir(site.file) : b;
}

function serviceRank(s: Service): number {
  return s === 'video-live' ? 4 : s === 'video-call' ? 3 : s === 'voice-live' ? 2 : 1;
}

const norm = (f: string): string => f.replace(/\\/g, '/').replace(/^\.\//, '');

/**
 * Project-file rooms: one whose name is a logical room's name or id, or whose `source` points at one of its call
 * sites, overrides the fields it states (the code supplies the rest); the others are rooms of their own.
 */
function applyFileRooms(rooms: LogicalRoom[], fileRooms: FileRoom[], where: string): void {
  for (const fr of fileRooms) {
    const o = fr.room;
    const src = o.source;
    const target =
      rooms.find((r) => !r.override && (r.name === o.name || r.id === o.name)) ??
      (src
        ? rooms.find((r) => !r.override && [...r.sites, ...r.addOns].some((s) => s.file === norm(src.file) && (src.line === undefined || s.line === src.line)))
        : undefined);
    if (target) {
      const base = target.room;
      // The user's name for the room wins, unless they named it by its id.
      if (o.name !== target.id) target.name = o.name;
      target.room = { ...(base ?? {}), ...o, name: target.name, source: base?.source ?? o.source } as Room;
      target.override = fr;
      target.origin = 'override';
      target.reason = undefined;
      target.grouping.push(
        msg(
          'grouping.override',
          `Settings of this room are taken from ${where} (rooms[${fr.index}] "${o.name}"); the code supplies the rest.`,
          `此房间的设置取自 ${where}（rooms[${fr.index}] "${o.name}"），其余取自代码。`,
        ),
      );
      continue;
    }
    rooms.push({
      id: slug(o.name),
      name: o.name,
      sites: [],
      addOns: [],
      room: o,
      assumptions: [],
      grouping: [
        msg(
          'grouping.file',
          `A room of ${where} (rooms[${fr.index}]) with no call site in code.`,
          `${where} 中的房间（rooms[${fr.index}]），代码中没有对应的调用位置。`,
        ),
      ],
      origin: 'file',
      override: fr,
    });
  }
}
