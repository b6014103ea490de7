// Rooms whose configuration is spread over files: the camera or screen started in another file of the same screen
// (detection's `media` fragment of a file with no room), and rooms entered through the app's own wrapper function
// (`demoEnterRoom(trtc)` in a helper, called from each page: each calling page is the room, never the helper).
// Both run before grouping, as pure rewrites of the files' facts; every move is a message on the room.

import type { Message } from '../common';
import type { DetectedRoom, Fact, MediaFragment, Provenance, WrapperCall } from '../detect/types';
import { baseName, dirName, stemOf } from './names';
import type { FileFacts } from './types';

const mediaOf = (f: FileFacts): MediaFragment | undefined => f.detection.media;
const wrapperCallsOf = (f: FileFacts): WrapperCall[] => f.detection.wrapperCalls ?? [];

/** The app's functions that enter a room: what detection should report calls of (`DetectOptions.wrappers`). */
export function wrapperNames(files: Iterable<FileFacts>): Set<string> {
  const out = new Set<string>();
  const list = [...files];
  // A page's own `enterRoom()` around `trtc.enterRoom()` has the SDK call's name: its calls cannot be told apart.
  const sdkCalls = new Set(list.flatMap((f) => f.calls ?? []));
  for (const f of list) {
    for (const r of f.detection.rooms) {
      const fn = r.enclosingFunction;
      // A kit's own source (TUIRoomKit's managers and facades) wraps its engine for itself, not per page.
      if (!fn || r.sdk === 'server-rest' || r.sdk === 'kit' || fn.name.length < 3 || sdkCalls.has(fn.name)) continue;
      // Only functions whose parameters reach the call: a helper the pages hand their settings to.
      if (fn.dependsOnParams) out.add(fn.name);
      if (out.size >= 256) return out;
    }
  }
  return out;
}

export interface Rewritten {
  files: FileFacts[];
  /** Messages for the call site keys they explain ("camera from VideoCall.tsx"). */
  notes: Map<string, Message[]>;
}

const siteKey = (file: string, r: DetectedRoom): string => `${file}:${r.range.start.line + 1}`;

/** A fact copied from another file: explicit facts say which file; other provenances lose their (foreign) ranges. */
function fromFile<T>(fact: Fact<T>, file: string | undefined): Fact<T> {
  if (file === undefined) return fact;
  const p = fact.provenance;
  const provenance: Provenance = p.kind === 'explicit' ? { kind: 'explicit', range: p.range, file: p.file ?? file } : { kind: p.kind, reason: p.reason };
  return { ...fact, provenance };
}

const stated = (f: Fact<unknown>): boolean => f.provenance.kind === 'explicit' || (f.candidates?.length ?? 0) > 0;

/** The room's media facts, where its own file states nothing, from a fragment of another file. */
function withMedia(room: DetectedRoom, frag: MediaFragment, file: string | undefined): { room: DetectedRoom; taken: string[] } {
  const out: DetectedRoom = { ...room };
  const taken: string[] = [];
  for (const k of ['camera', 'screen', 'smallStream', 'receive'] as const) {
    // The fragment counts where it states something, even "published, resolution unknown" (a range, no value).
    const f = frag[k] as Fact<unknown>;
    if (stated(room[k]) || !(stated(f) || f.provenance.range !== undefined)) continue;
    (out as unknown as Record<string, Fact<unknown>>)[k] = fromFile(frag[k] as Fact<unknown>, file);
    taken.push(k === 'smallStream' ? 'small stream' : k);
  }
  return { room: out, taken };
}

function note(map: Map<string, Message[]>, key: string, m: Message): void {
  map.set(key, [...(map.get(key) ?? []), m]);
}

/**
 * 1. Wrapper calls: a room entered inside a wrapper that other files call becomes one room per calling file, at the
 *    call, with the wrapper's facts (the wrapper's own site is then not a room).
 * 2. Media fragments: a file that starts the camera or screen but enters no room lends those facts to the room of
 *    the same screen: the one room in its folder, or the room whose file name says the same room kind.
 */
export function applyFragments(files: FileFacts[]): Rewritten {
  const notes = new Map<string, Message[]>();
  const byFile = new Map(files.map((f) => [f.file, { ...f, detection: { ...f.detection, rooms: [...f.detection.rooms] }, calls: [...(f.calls ?? [])] }]));
  // 1. Wrappers.
  const wrapped = new Map<string, { file: string; index: number }>();
  for (const f of byFile.values()) {
    f.detection.rooms.forEach((r, index) => {
      if (r.enclosingFunction && r.sdk !== 'server-rest') wrapped.set(r.enclosingFunction.name, { file: f.file, index });
    });
  }
  const removed = new Set<string>();
  for (const caller of [...byFile.values()]) {
    for (const call of wrapperCallsOf(caller)) {
      const w = wrapped.get(call.name);
      if (!w) continue;
      const room = files.find((x) => x.file === w.file)!.detection.rooms[w.index];
      // A helper called in its own file is that file's room (a private method); a call on the line of a room the
      // caller enters itself is not another entry.
      if (w.file === caller.file || caller.detection.rooms.some((r) => r.range.start.line === call.range.start.line)) continue;
      const copied: DetectedRoom = {
        ...room,
        range: call.range,
        ranges: [call.range],
        owner: call.owner ?? room.owner,
        enclosingFunction: undefined,
        service: fromFile(room.service, w.file),
        role: fromFile(room.role, w.file),
        camera: fromFile(room.camera, w.file),
        screen: fromFile(room.screen, w.file),
        smallStream: fromFile(room.smallStream, w.file),
        recording: fromFile(room.recording, w.file),
        mixTranscoding: fromFile(room.mixTranscoding, w.file),
        relay: fromFile(room.relay, w.file),
        receive: fromFile(room.receive, w.file),
      };
      // What the calling page itself starts (its camera, its screen share) is part of its room.
      const own = mediaOf(caller);
      const room2 = own ? withMedia(copied, own, undefined).room : copied;
      if (own) room2.ranges = [call.range, ...own.ranges];
      caller.detection.rooms.push(room2);
      caller.calls!.push(call.name);
      removed.add(`${w.file}#${w.index}`);
      const wrapperKey = siteKey(w.file, room);
      note(notes, siteKey(caller.file, room2), {
        code: 'grouping.wrapper',
        text: {
          en: `Enters the room through ${call.name}() (${wrapperKey}): the room is counted here, where it is entered from, with the wrapper's settings.`,
          zh: `通过 ${call.name}()（${wrapperKey}）进房：房间按调用它的位置计算，采用封装函数中的设置。`,
        },
      });
    }
  }
  for (const key of removed) {
    const [file, index] = [key.slice(0, key.lastIndexOf('#')), Number(key.slice(key.lastIndexOf('#') + 1))];
    const f = byFile.get(file)!;
    const room = files.find((x) => x.file === file)!.detection.rooms[index];
    const at = f.detection.rooms.indexOf(room);
    if (at >= 0) {
      f.detection.rooms.splice(at, 1);
      f.calls!.splice(at, 1);
    }
  }
  // 2. Media fragments.
  const all = [...byFile.values()];
  for (const f of all) {
    const frag = mediaOf(f);
    if (!frag || f.detection.rooms.length > 0) continue;
    const dir = dirName(f.file);
    const stem = stemOf(baseName(f.file));
    const candidates = all.filter((g) => g !== f && g.detection.rooms.some((r) => r.sdk !== 'server-rest'));
    const sameDir = candidates.filter((g) => dirName(g.file) === dir);
    const sameKind = stem ? candidates.filter((g) => stemOf(baseName(g.file)) === stem) : [];
    const target = sameDir.length === 1 ? sameDir[0] : sameKind.length === 1 ? sameKind[0] : undefined;
    if (!target) continue;
    target.detection.rooms = target.detection.rooms.map((r) => {
      if (r.sdk === 'server-rest') return r;
      const { room, taken } = withMedia(r, frag, f.file);
      if (taken.length === 0) return r;
      room.ranges = [...r.ranges];
      note(notes, siteKey(target.file, r), {
        code: 'grouping.media',
        text: {
          en: `The ${taken.join(', ')} of this room ${taken.length === 1 ? 'is' : 'are'} set in ${f.file}, ${
            sameDir.length === 1 ? 'the other file of its ' + 'folder' : 'a file of the same room kind'
          }.`,
          zh: `此房间的${taken.join('、')}在 ${f.file} 中设置（${sameDir.length === 1 ? '同一目录下的另一个文件' : '同类房间的文件'}）。`,
        },
      });
      return room;
    });
  }
  return { files: [...byFile.values()], notes };
}
