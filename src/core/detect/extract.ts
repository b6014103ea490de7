// SDK patterns: where each SDK writes the facts that change the bill, and how they become rooms.
// Media facts (camera, screen, small stream, mixing, relay, recording) are gathered once per file;
// each anchor (enterRoom, createClient, a REST call, a kit call) becomes a room with its own scene
// and role and the file's media facts.

import type { Message, Text } from '../common';
import type { MixTranscodingSpec, RecordingSpec, RelaySpec, Resolution, Role, Service } from '../scenario/types';
import type { DetectedRoom, Fact, MediaFragment, Provenance, ReceiveMode, Sdk, SourceRange } from './types';
import type { Flavor } from './flavor';
import { SourceIndex, REST_ACTION_NAMES, type Argument, type CallName, type CallSite } from './sourceIndex';
import { Evaluator, type Leaf } from './values';
import { FactContext, defaultFact, unknownFact, type Found } from './facts';
import { blockHeader, enclosingBrace, unitsOf } from './units';
import {
  KIT_QUALITY,
  RESOLUTION_BY_VALUE,
  WEB_SCREEN_PROFILES,
  WEB_VIDEO_PROFILES,
  resolutionFromEnumName,
  roleFromName,
  roleFromNumber,
  sceneFromName,
  sceneFromNumber,
  type SceneMeaning,
} from './tables';
import { MOBILE_SDKS, kitName, liveKit, miniprogram, nativeCameraDefault, roomKit, callKit, webV4, webV5 } from './sdks';

export type { Flavor } from './flavor';

/** The media part of a room (what is published, recorded, mixed, relayed), plus evidence of media calls. */
interface MediaFacts extends Pick<DetectedRoom, 'camera' | 'screen' | 'smallStream' | 'recording' | 'mixTranscoding' | 'relay' | 'receive' | 'ranges'> {
  /** Range of a call that publishes or plays video (local or remote), if any. */
  videoEvidence?: SourceRange;
  /** Range of a call that publishes audio, if any. */
  audioEvidence?: SourceRange;
}

const t = (en: string, zh: string): Text => ({ en, zh });

const NO_CALL_SITES: readonly CallSite[] = Object.freeze([]);

export class Extractor {
  readonly ev: Evaluator;
  private readonly sdk: Sdk;
  private readonly flavor: Flavor;

  constructor(
    readonly doc: SourceIndex,
    sdk: Sdk,
    flavor: Flavor,
    private readonly variant?: string,
  ) {
    this.ev = new Evaluator(doc);
    this.sdk = sdk;
    this.flavor = flavor;
  }

  rooms(): DetectedRoom[] {
    const rooms: DetectedRoom[] = [];
    const clientAnchors = this.flavor === 'kit' || this.flavor === 'miniprogram' ? [] : this.clientAnchors();
    if (clientAnchors.length > 0) {
      const media = this.mediaFacts(clientAnchors);
      // One room per distinct (scene, role): a retry path or the Web SDK v4 screen-share client
      // (a second createClient with the same mode) is the same room, not another one.
      // (A handful of anchors per file: an array is cheaper than a Set here.)
      const seen: string[] = [];
      const kept: DetectedRoom[] = [];
      for (const anchor of clientAnchors) {
        const room = this.clientRoom(anchor, media);
        if (clientAnchors.length > 1) {
          // (The keys only matter when there is another anchor to compare with.)
          const key = `${factKey(room.service)}|${factKey(room.role)}`;
          const k = seen.indexOf(key);
          if (k >= 0) {
            // Hovering the second call shows the room it is counted with, and a note says so.
            const same = kept[k];
            const also = (same.sameAs ??= []);
            if (also.length < 64) also.push(room.range);
            this.sameRoomAs.push({ call: this.doc.name(anchor.nameTok), line: room.range.start.line + 1, as: same.range.start.line + 1 });
            continue;
          }
          seen.push(key);
          kept.push(room);
        }
        rooms.push(room);
      }
    }
    if (this.flavor === 'kit') rooms.push(...this.kitRooms());
    if (this.flavor === 'miniprogram') rooms.push(...this.miniProgramRooms());
    rooms.push(...this.restRooms());
    return dedupeRooms(rooms);
  }

  /** Where a room's streamId relays its stream to Tencent Cloud CSS (set by rooms()). */
  private cssRelayAt: SourceRange | undefined;

  /** Anchors that enter a room already found in this file (same scene and role), and its line (set by rooms()). */
  private readonly sameRoomAs: { call: string; line: number; as: number }[] = [];

  /** Patterns that change the bill but that detection does not turn into facts: said, not hidden. */
  notes(): Message[] {
    const out: Message[] = [];
    if (this.cssRelayAt) {
      const line = this.cssRelayAt.start.line + 1;
      out.push({
        code: 'detect.css-relay',
        text: {
          en: `Line ${line}: streamId relays this user's stream to Tencent Cloud CSS; TRTC charges no relay fee for it (CSS bills playback separately).`,
          zh: `第 ${line} 行：streamId 会将该用户的流转推到腾讯云直播（CSS）；TRTC 不收取转推费用（CSS 播放另行计费）。`,
        },
      });
    }
    // The Web SDK v4 says `mode` where the others say `scene`.
    const scene = this.flavor === 'web-v4' ? 'mode' : 'scene';
    for (const d of this.sameRoomAs.slice(0, 8)) {
      out.push({
        code: 'detect.same-room',
        text: {
          en: `Line ${d.line}: this ${d.call} enters the same room as the call on line ${d.as} (the same ${scene} and role): the room is counted once.`,
          zh: `第 ${d.line} 行：此处 ${d.call} 与第 ${d.as} 行的调用进入同一个房间（${scene} 与 role 相同），该房间只计一次。`,
        },
      });
    }
    if (this.componentEnterAt) {
      const line = this.componentEnterAt.start.line + 1;
      out.push({
        code: 'detect.miniprogram-trtc-room',
        text: {
          en:
            `Line ${line}: this page enters the room through the <trtc-room> component; the room (scene, camera, size) is configured by the component's ` +
            `config in the page's .wxml and estimated there.`,
          zh: `第 ${line} 行：该页面通过 <trtc-room> 组件进房；房间（scene、摄像头、分辨率）由页面 .wxml 中组件的 config 配置，并在那里估算。`,
        },
      });
    }
    const doc = this.doc;
    const note = (code: string, call: CallSite | undefined, en: string, zh: string): void => {
      if (!call) return;
      const line = doc.range(call.nameTok, call.nameTok).start.line + 1;
      out.push({ code, text: { en: `Line ${line}: ${en}`, zh: `第 ${line} 行：${zh}` } });
    };
    note(
      'detect.cross-room',
      doc.callsOf('connectOtherRoom')[0],
      'connectOtherRoom links another room (co-hosting); its streams add to what this room receives and are not estimated.',
      'connectOtherRoom 连接了其他房间（跨房连麦），对方的音视频流会增加本房间的接收量，未计入估算。',
    );
    const crossRoom = this.calls('startPlugin').find((c) => this.firstStringOrEnum(this.argLeaves(c, 0)) === 'CrossRoom');
    note(
      'detect.cross-room',
      crossRoom,
      'the CrossRoom plugin links another room; its streams add to what this room receives and are not estimated.',
      'CrossRoom 插件连接了其他房间，对方的音视频流会增加本房间的接收量，未计入估算。',
    );
    note(
      'detect.custom-capture',
      doc.callsOf('enableCustomVideoCapture')[0],
      'custom video capture: the resolution comes from the frames the app sends, not from encoder settings detection can read.',
      '自定义视频采集：分辨率取决于应用送入的视频帧，检测无法读取。',
    );
    note(
      'detect.web-record',
      doc.callsOf('StartWebRecord')[0],
      'StartWebRecord (web page recording) is billed separately and is not estimated.',
      'StartWebRecord（页面录制）单独计费，未计入估算。',
    );
    note(
      'detect.stream-ingest',
      doc.callsOf('StartStreamIngest')[0],
      'StartStreamIngest pulls an external stream into the room; its robot and the viewers of that stream are not estimated.',
      'StartStreamIngest 将外部流拉入房间，其机器人及观看该流的用户未计入估算。',
    );
    note(
      'detect.ai',
      doc.callsOf('StartAIConversation')[0] ?? doc.callsOf('StartAITranscription')[0],
      'AI conversation or transcription is billed separately and is not estimated.',
      'AI 对话或转录单独计费，未计入估算。',
    );
    return out;
  }

  // ---------------------------------------------------------------- helpers

  /** A call's arguments (split once per call: anchors, scenes and media all ask for them; kept on the call site). */
  private args(call: CallSite): Argument[] {
    return (call.args ??= this.doc.args(call));
  }

  private argLeaves(call: CallSite, index: number, label?: string): Leaf[] {
    const args = this.args(call);
    const arg = label ? (args.find((a) => a.label === label) ?? args[index]) : args[index];
    return arg ? this.ev.evaluate(arg.tok) : [];
  }

  private callRange(call: CallSite): SourceRange {
    let range = call.range;
    if (!range) {
      const first = call.receiverTok >= 0 && !call.objc ? call.receiverTok : call.nameTok;
      range = call.range = this.doc.range(call.objc ? call.openTok : first, call.closeTok);
    }
    return range;
  }

  /** The calls of any of `names`, in token order (read only: often the index's own list, shared by every caller). */
  private calls(...names: CallName[]): readonly CallSite[] {
    // Most files call at most one of the names: its list is already in token order.
    let only: readonly CallSite[] | undefined;
    let several = false;
    for (const n of names) {
      const list = this.doc.callsOf(n);
      if (list.length === 0) continue;
      if (only) several = true;
      else only = list;
    }
    if (!only) return NO_CALL_SITES;
    if (!several) return only;
    const out: CallSite[] = [];
    for (const n of names) for (const c of this.doc.callsOf(n)) out.push(c);
    return out.sort((a, b) => a.nameTok - b.nameTok);
  }

  private numberOf(leaves: Leaf[]): number | undefined {
    for (const l of leaves) if (l.kind === 'num' && Number.isFinite(l.value)) return l.value;
    return undefined;
  }

  private firstStringOrEnum(leaves: Leaf[]): string | undefined {
    for (const l of leaves) {
      if (l.kind === 'str') return l.value;
      if (l.kind === 'enum') return l.name;
    }
    return undefined;
  }

  // ---------------------------------------------------------------- anchors

  /**
   * A function written with the SDK's name rather than a call to it: a body or `=>` after the
   * parameter list (an object-literal method, a Dart method), or typed parameters (`TRTCParams params`).
   */
  private declaredHere(call: CallSite): boolean {
    if (call.objc) return false;
    const doc = this.doc;
    let j = call.closeTok + 1;
    for (let k = 0; k < 3 && doc.isIdent(j) && DECLARATION_MODIFIERS.has(doc.name(j)); k++) j++;
    if (doc.isPunct(j, 123) || (doc.isPunct(j, 61) && doc.isPunct(j + 1, 62) && doc.t.end[j] === doc.t.start[j + 1])) return true;
    if (doc.family === 'js' || doc.family === 'python') return false;
    for (const a of this.args(call)) {
      // `Type name`, `const Type& name`, `Outer.Type name`, `List<T> name`: two names with nothing between.
      const last = doc.isPunct(a.last - 1, 61) ? a.last - 2 : a.last;
      let prev = last - 1;
      if (doc.isPunct(prev, 38) || doc.isPunct(prev, 42) || doc.isPunct(prev, 62)) prev--;
      if (prev >= a.tok && doc.isIdent(last) && doc.isIdent(prev) && !NOT_TYPES.has(doc.name(a.tok))) return true;
    }
    return false;
  }

  private clientAnchors(): CallSite[] {
    const doc = this.doc;
    if (this.flavor === 'web-v4') return doc.callsOf('createClient').filter((c) => !this.declaredHere(c));
    if (this.flavor === 'web-v5') {
      return doc.callsOf('enterRoom').filter((c) => {
        if (this.declaredHere(c)) return false;
        const args = this.args(c);
        return args.length >= 1;
      });
    }
    // Native: enterRoom(params, scene) or the ObjC / Swift forms. A wrapper of the app's own
    // (`service.enterRoom(roomId, userId)`) is not a room: the scene or the params must say TRTC.
    return doc.callsOf('enterRoom').filter((c) => {
      const args = this.args(c);
      if (args.length < 2 || this.declaredHere(c)) return false;
      const scene = this.ev.evaluate((args.find((a) => a.label === 'appScene' || a.label === 'scene') ?? args[1]).tok);
      if (scene.some((l) => (l.kind === 'enum' && sceneFromName(l.name, false)) || (l.kind === 'num' && sceneFromNumber(l.value)))) return true;
      const params = this.ev.evaluate(args[0].tok);
      if (params.some((l) => l.kind === 'obj' && /TRTCParams/.test(l.ctor ?? ''))) return true;
      return ['sdkAppId', 'userSig', 'role', 'strRoomId'].some((k) => this.ev.prop(params, k).length > 0);
    });
  }

  private clientRoom(anchor: CallSite, media: MediaFacts): DetectedRoom {
    const ctx = new FactContext(this.doc);
    const anchorRange = this.callRange(anchor);
    let sceneFact: Fact<SceneMeaning>;
    let roleFact: Fact<Role>;
    let recording = media.recording;
    const webStyle = this.flavor === 'web-v5' || this.flavor === 'web-v4';
    const sceneInterpret = webStyle ? webSceneOf : nativeSceneOf;
    const roleInterpret = roleOf;
    let paramsLeaves: Leaf[];
    if (this.flavor === 'web-v5') {
      paramsLeaves = this.argLeaves(anchor, 0);
      const opaque = this.opaqueObject(ctx, paramsLeaves);
      sceneFact = ctx.fact(ctx.found(this.ev.prop(paramsLeaves, 'scene'), sceneInterpret), () =>
        opaque
          ? unknownFact<SceneMeaning>(opaque.why, opaque.range)
          : defaultFact<SceneMeaning>(
              { kind: 'call', media: 'any' },
              t("enterRoom has no scene: the Web SDK defaults to 'rtc' (a call)", "enterRoom 未指定 scene：Web SDK 默认 'rtc'（通话）"),
              anchorRange,
            ),
      );
      const roleFound = ctx.found(this.ev.prop(paramsLeaves, 'role'), roleInterpret);
      roleFact = this.roleWithSwitches(
        ctx,
        roleFound,
        anchorRange,
        roleInterpret,
        t("enterRoom has no role: the Web SDK defaults to 'anchor'", "enterRoom 未指定 role：Web SDK 默认 'anchor'（主播）"),
        opaque,
      );
    } else if (this.flavor === 'web-v4') {
      paramsLeaves = this.argLeaves(anchor, 0);
      sceneFact = ctx.fact(ctx.found(this.ev.prop(paramsLeaves, 'mode'), sceneInterpret), () =>
        unknownFact<SceneMeaning>(t('createClient has no mode', 'createClient 未指定 mode'), anchorRange),
      );
      const joinRoles: Leaf[] = [];
      for (const join of this.doc.callsOf('join')) joinRoles.push(...this.ev.prop(this.argLeaves(join, 0), 'role'));
      roleFact = this.roleWithSwitches(
        ctx,
        ctx.found(joinRoles, roleInterpret),
        anchorRange,
        roleInterpret,
        t("join has no role: the Web SDK v4 defaults to 'anchor'", "join 未指定 role：Web SDK v4 默认 'anchor'（主播）"),
      );
    } else {
      const args = this.args(anchor);
      paramsLeaves = args[0] ? this.ev.evaluate(args[0].tok) : [];
      const sceneArg = args.find((a) => a.label === 'appScene' || a.label === 'scene') ?? args[1];
      const sceneLeaves = sceneArg ? this.componentFields(this.ev.evaluate(sceneArg.tok)) : [];
      sceneFact = ctx.fact(ctx.found(sceneLeaves, sceneInterpret), () =>
        unknownFact<SceneMeaning>(t('enterRoom has no scene argument', 'enterRoom 缺少 scene 参数'), anchorRange),
      );
      const opaque = this.opaqueObject(ctx, paramsLeaves);
      roleFact = this.roleWithSwitches(
        ctx,
        ctx.found(this.componentFields(this.ev.prop(paramsLeaves, 'role')), roleInterpret),
        anchorRange,
        roleInterpret,
        t('TRTCParams.role is not set: the SDK defaults to anchor', 'TRTCParams.role 未设置：SDK 默认主播'),
        opaque,
      );
    }
    // Implicit cloud recording via userDefineRecordId (console auto-recording).
    if (recording.value === null && recording.provenance.kind === 'default') {
      const recordIds = this.ev.prop(paramsLeaves, 'userDefineRecordId');
      if (recordIds.length > 0) {
        const r = ctx.range(recordIds[0].from, recordIds[0].to);
        recording = unknownFact(
          t(
            'userDefineRecordId is set: cloud recording runs only if auto-recording is enabled in the console',
            '设置了 userDefineRecordId：仅当控制台开启自动录制时才会云端录制',
          ),
          r,
        );
        ctx.ranges.push(r);
      }
    }
    // TRTCParams.streamId / createClient streamId: the SDK relays this user's stream to Tencent
    // Cloud CSS (no TRTC relay fee; CSS bills its viewers).
    let relay = media.relay;
    const streamIds = this.ev.prop(paramsLeaves, 'streamId').filter((l) => !(l.kind === 'str' && l.value === '') && l.kind !== 'null');
    if (streamIds.length > 0 && relay.value === null && relay.provenance.kind === 'default') {
      const r = ctx.range(streamIds[0].from, streamIds[0].to);
      relay = { value: { target: 'tencent-css' }, provenance: { kind: 'explicit', range: r } };
      ctx.ranges.push(r);
      this.cssRelayAt ??= r;
    }
    const service = this.serviceFact(sceneFact, media, anchorRange);
    // Roles only matter in live scenes; in calls everyone may publish.
    if (service.value === 'video-call' || service.value === 'voice-call') {
      if (roleFact.provenance.kind !== 'explicit')
        roleFact = defaultFact<Role>('anchor', t('calls have no roles: everyone may publish', '通话场景没有角色之分：每个人都可以推流'), anchorRange);
    }
    const ranges = [anchorRange, ...ctx.ranges, ...media.ranges];
    return this.withUnits(anchor, {
      sdk: this.sdk,
      range: anchorRange,
      service,
      role: roleFact,
      camera: media.camera,
      screen: media.screen,
      smallStream: media.smallStream,
      recording,
      mixTranscoding: media.mixTranscoding,
      relay,
      receive: media.receive,
      ranges: uniqueRanges(ranges),
    });
  }

  /** The room with the class / component / function it is written in (see units.ts). */
  private withUnits(call: CallSite | number, room: DetectedRoom): DetectedRoom {
    const tok = typeof call === 'number' ? call : call.nameTok;
    const from = typeof call === 'number' ? tok + 1 : call.objc ? call.nameTok + 1 : call.openTok + 1;
    const to = typeof call === 'number' ? tok : call.closeTok - 1;
    const units = unitsOf(this.doc, tok, from, to);
    if (units.owner) room.owner = units.owner;
    if (units.enclosingFunction) room.enclosingFunction = units.enclosingFunction;
    return room;
  }

  private roleWithSwitches(
    ctx: FactContext,
    found: Found<Role>[],
    anchorRange: SourceRange,
    interpret: (l: Leaf) => Role | undefined,
    defaultReason: Text,
    opaque?: { why: Text; range: SourceRange },
  ): Fact<Role> {
    const all = [...found];
    const switches = this.doc.callsOf('switchRole');
    if (switches.length > 0 && all.length === 0) {
      all.push(opaque ? { why: opaque.why, range: opaque.range } : { value: 'anchor', isDefault: true, why: defaultReason, range: anchorRange });
    }
    for (const s of switches) all.push(...ctx.found(this.argLeaves(s, 0), interpret));
    return ctx.fact(all, () => (opaque ? unknownFact<Role>(opaque.why, opaque.range) : defaultFact<Role>('anchor', defaultReason, anchorRange)));
  }

  /**
   * `this.appScene` where a component's `data() { return { appScene: ... } }` (uni-app, Vue) sets it:
   * the field's value. Only keys of unassigned object literals count, so `param.role` is not taken.
   */
  private componentFields(leaves: Leaf[]): Leaf[] {
    const doc = this.doc;
    const out: Leaf[] = [];
    for (const leaf of leaves) {
      // The evaluator leaves `this.appScene` as one bare leaf spanning `this . appScene`.
      const self = leaf.kind === 'enum' && leaf.bare && leaf.to === leaf.from + 2 && doc.isPunct(leaf.from + 1, P_DOT) && SELF_FIELDS.has(doc.name(leaf.from));
      const key = leaf.to;
      const fields = self
        ? (doc.bindingsByKey.get(doc.t.hash[key]) ?? []).filter(
            (b) => b.ownerTok < 0 && b.valueTok !== leaf.from && doc.isIdent(b.keyTok) && doc.sameName(b.keyTok, key),
          )
        : [];
      if (fields.length === 0) {
        out.push(leaf);
        continue;
      }
      for (const b of fields.slice(0, 8)) out.push(...this.ev.evaluate(b.valueTok));
    }
    return out;
  }

  /**
   * When the room parameters are a variable this file never fills (a function parameter, an object
   * built elsewhere), a missing field is unknown, not the SDK default: say where it comes from.
   */
  private opaqueObject(ctx: FactContext, leaves: Leaf[]): { why: Text; range: SourceRange } | undefined {
    if (leaves.length === 0) return undefined;
    for (const leaf of leaves) {
      if (leaf.kind === 'obj') return undefined;
      if (leaf.kind === 'enum' && (!leaf.bare || this.doc.bindingsByOwner.has(this.doc.t.hash[leaf.from]))) return undefined;
      if (leaf.kind !== 'enum' && leaf.kind !== 'unknown') return undefined;
    }
    const first = leaves[0];
    return { why: ctx.whyNot(first), range: ctx.range(first.from, first.to) };
  }

  private serviceFact(scene: Fact<SceneMeaning>, media: MediaFacts, anchorRange: SourceRange): Fact<Service> {
    const decide = (s: SceneMeaning): { service: Service; byMedia?: SourceRange } => {
      let video: boolean;
      let byMedia: SourceRange | undefined;
      if (media.videoEvidence) {
        video = true;
        if (s.media === 'audio') byMedia = media.videoEvidence;
      } else if (media.audioEvidence) {
        video = false;
        if (s.media !== 'audio') byMedia = media.audioEvidence;
      } else video = s.media !== 'audio';
      const service: Service = s.kind === 'call' ? (video ? 'video-call' : 'voice-call') : video ? 'video-live' : 'voice-live';
      return { service, byMedia };
    };
    const meanings = scene.value ? [scene.value] : (scene.candidates ?? []);
    if (meanings.length === 0) {
      // Scene unknown: the media still says video or voice.
      const video = media.videoEvidence ? true : media.audioEvidence ? false : true;
      const candidates: Service[] = video ? ['video-call', 'video-live'] : ['voice-call', 'voice-live'];
      const reason = scene.provenance.kind === 'unknown' ? scene.provenance.reason : t('the scene is not visible in this code', '代码中看不到 scene');
      return unknownFact<Service>(reason, scene.provenance.kind === 'explicit' ? scene.provenance.range : (scene.provenance.range ?? anchorRange), candidates);
    }
    const decided = meanings.map(decide);
    const services: Service[] = [];
    for (const d of decided) if (!services.includes(d.service)) services.push(d.service);
    const byMedia = decided.find((d) => d.byMedia)?.byMedia;
    if (scene.provenance.kind === 'unknown') return unknownFact<Service>(scene.provenance.reason, scene.provenance.range, services);
    if (scene.provenance.kind === 'default') {
      const nothing = !media.videoEvidence && !media.audioEvidence;
      const reason: Text = nothing
        ? t(
            `${scene.provenance.reason.en}; no publishing or playing call in this file, so video is assumed`,
            `${scene.provenance.reason.zh}；本文件中没有推流或播放调用，按视频处理`,
          )
        : t(`${scene.provenance.reason.en}; video or audio from what this file publishes`, `${scene.provenance.reason.zh}；音频或视频取决于本文件推流的内容`);
      return services.length === 1
        ? defaultFact(services[0], reason, scene.provenance.range)
        : { candidates: services, provenance: { kind: 'default', reason, range: scene.provenance.range } };
    }
    const range = byMedia ?? scene.provenance.range;
    if (!media.videoEvidence && !media.audioEvidence && meanings.some((m) => m.media === 'any')) {
      // The Web SDK scenes say call or live, not video or audio, and this file publishes nothing.
      const reason = t(
        'the scene is in the code, but it does not say video or audio and this file publishes and plays nothing: video is assumed',
        '代码中有 scene，但它不区分音频或视频，且本文件没有推流或播放：按视频处理',
      );
      return services.length === 1 ? defaultFact(services[0], reason, range) : { candidates: services, provenance: { kind: 'default', reason, range } };
    }
    // A scene written in another file: the service is explicit there (unless the media here decided it).
    const file = !byMedia && scene.provenance.kind === 'explicit' ? scene.provenance.file : undefined;
    const provenance: Provenance = file !== undefined ? { kind: 'explicit', range, file } : { kind: 'explicit', range };
    return services.length === 1 ? { value: services[0], provenance } : { candidates: services, provenance };
  }

  // ---------------------------------------------------------------- media fragments

  /**
   * What a file that enters no room configures of the media of the room it joins (the room is entered in
   * another file): the SDK's own media rules, with every fact this file does not state made unknown, never
   * an SDK default (the room's file decides those). Undefined when the file states nothing. Call after
   * rooms() found none.
   */
  mediaFragment(): MediaFragment | undefined {
    if (this.flavor === 'miniprogram' || this.sdk === 'server-rest' || this.onlyForwards()) return undefined;
    const m = this.flavor === 'kit' ? this.kitMedia() : this.mediaFacts([]);
    const elsewhere = (en: string, zh: string): Text => t(`${en}: the file that enters the room decides`, `${zh}：由进房的文件决定`);
    const camera = fragmentFact(m.camera, elsewhere('this file does not start the camera', '本文件未开启摄像头'));
    const screen = fragmentFact(m.screen, elsewhere('this file does not start screen sharing', '本文件未开启屏幕分享'));
    const smallStream = fragmentFact(m.smallStream, elsewhere('this file does not configure a small stream', '本文件未配置小流'));
    const receive = fragmentFact(
      m.receive,
      elsewhere("this file does not change what is received of the others' video", '本文件未改变对其他用户视频的接收方式'),
    );
    const facts: Fact<unknown>[] = [camera, screen, smallStream, receive];
    if (!facts.some((f) => f.provenance.range !== undefined)) return undefined;
    const ranges: SourceRange[] = [...m.ranges];
    for (const f of facts) if (f.provenance.range) ranges.push(f.provenance.range);
    const fragment: MediaFragment = { sdk: this.flavor === 'kit' ? 'kit' : this.sdk, camera, screen, smallStream, receive, ranges: uniqueRanges(ranges) };
    const first = this.firstMediaTok();
    if (first >= 0) {
      const units = unitsOf(this.doc, first, first + 1, first);
      if (units.owner) fragment.owner = units.owner;
    }
    return fragment;
  }

  /**
   * Whether every media call is an SDK wrapper forwarding its parameters (`startLocalPreview(front, view) {
   * native.startLocalPreview(front, view) }` in a vendored TrtcCloud class): such a file states nothing,
   * its callers do. Checks the first call of each name only (bounded).
   */
  private onlyForwards(): boolean {
    if (this.doc.localViewTok >= 0) return false;
    let any = false;
    for (const name of FRAGMENT_CALLS) {
      const c = this.doc.callsOf(name)[0];
      if (!c) continue;
      any = true;
      const fn = unitsOf(this.doc, c.nameTok, c.openTok + 1, c.closeTok - 1).enclosingFunction;
      if (!fn || fn.name !== c.name || !fn.dependsOnParams) return false;
    }
    return any;
  }

  /** The first token that configures media (a media call's name, React Native's LocalView), or -1. */
  private firstMediaTok(): number {
    let first = this.doc.localViewTok;
    for (const name of FRAGMENT_CALLS) {
      const c = this.doc.callsOf(name)[0];
      if (c && (first < 0 || c.nameTok < first)) first = c.nameTok;
    }
    return first;
  }

  /** A kit's media outside a room's file: the camera quality, screen sharing and small stream kitRooms reads. */
  private kitMedia(): MediaFacts {
    const ctx = new FactContext(this.doc);
    const kit = kitName(this.doc.text);
    const none = defaultFact<null>(null, t(`${kit}: not in this file`, `${kit}：本文件中没有`));
    const q = this.roomKitQuality(ctx);
    const opened = this.doc.callsOf('openLocalCamera')[0];
    const camera: Fact<Resolution | null> =
      q.length > 0
        ? ctx.fact(q, () => none)
        : opened
          ? unknownFact<Resolution | null>(
              t(
                'openLocalCamera publishes the camera at the video quality TUIRoomEngine picks (updateVideoQuality is not called here)',
                'openLocalCamera 以 TUIRoomEngine 选择的画质发布摄像头（此处未调用 updateVideoQuality）',
              ),
              this.callRange(opened),
            )
          : none;
    const shareCall = this.doc.callsOf('startScreenSharing')[0];
    const screen: Fact<Resolution | null> = shareCall
      ? unknownFact<Resolution | null>(
          t(
            `${kit} startScreenSharing: the screen resolution is the kit's default, not visible in code`,
            `${kit} startScreenSharing：屏幕分享分辨率为组件默认值，代码中不可见`,
          ),
          this.callRange(shareCall),
        )
      : none;
    const smallStream = ctx.fact(this.smallStreamFound(ctx), () => none);
    return {
      camera,
      screen,
      smallStream,
      recording: this.noRecording(),
      mixTranscoding: none,
      relay: none,
      receive: defaultFact<ReceiveMode>('all', t(`${kit} subscribes to every member's video`, `${kit} 订阅所有成员的视频`)),
      ranges: ctx.ranges,
    };
  }

  // ---------------------------------------------------------------- media

  private mediaFacts(anchors: CallSite[]): MediaFacts {
    this.anchorToks = anchors.map((a) => a.nameTok);
    if (this.flavor === 'web-v5') return this.webV5Media();
    if (this.flavor === 'web-v4') return this.webV4Media();
    return this.nativeMedia();
  }

  /** Name tokens of the file's room anchors (a statement beside one runs whenever the room is entered). */
  private anchorToks: number[] = [];

  /** The `{` opening the innermost block around `tok`: -1 at top level, -2 when too far to tell (cached per document). */
  private enclosingBrace(tok: number): number {
    return enclosingBrace(this.doc, tok);
  }

  /**
   * Whether a call runs whenever one of `toks` runs: it is written in the same block, not in a
   * handler, a branch or another function. Brace languages only; anything else is "maybe".
   */
  private sameBlock(tok: number, toks: number[]): boolean {
    if (this.doc.family === 'python') return false;
    const b = this.enclosingBrace(tok);
    if (b === -2) return false;
    return toks.some((o) => this.enclosingBrace(o) === b);
  }

  /**
   * Whether a stream is published, from the calls that start it (`bases`) and the calls that turn
   * publishing on or off later (`mods`): never (off), sometimes (maybe) or as started (neither).
   */
  private publishGate(bases: PublishSwitch[], mods: PublishSwitch[]): PublishGate {
    if (bases.length === 0) return {};
    const baseOn = bases.some((b) => b.on === true);
    const baseVar = bases.find((b) => b.on === undefined);
    const baseOff = bases.filter((b) => b.on === false);
    const modOn = mods.filter((m) => m.on === true);
    const modVar = mods.find((m) => m.on === undefined);
    const modOff = mods.filter((m) => m.on === false);
    if (!baseOn && !baseVar) {
      const later = modOn[0] ?? modVar;
      return later ? { maybe: later.range } : { off: baseOff[0].range };
    }
    if (baseVar) return { maybe: baseVar.range };
    if (baseOff.length > 0) return { maybe: baseOff[0].range };
    if (modVar) return { maybe: modVar.range };
    if (modOff.length === 0) return {};
    const near = [...bases.map((b) => b.tok), ...this.anchorToks];
    if (modOn.length === 0 && modOff.every((m) => this.sameBlock(m.tok, near))) return { off: modOff[0].range };
    return { maybe: modOff[0].range };
  }

  /** A stream fact after its publish gate: null when never published, null among the candidates when only sometimes. */
  private gated(ctx: FactContext, fact: Fact<Resolution | null>, gate: PublishGate): Fact<Resolution | null> {
    if (gate.off) {
      ctx.ranges.push(gate.off);
      return { value: null, provenance: { kind: 'explicit', range: gate.off } };
    }
    if (!gate.maybe) return fact;
    const values = fact.value !== undefined ? [fact.value] : (fact.candidates ?? []);
    if (values.length === 0 || values.every((v) => v === null)) return fact;
    ctx.ranges.push(gate.maybe);
    const candidates: (Resolution | null)[] = values.filter((v) => v !== null);
    candidates.push(null);
    return { candidates, provenance: fact.provenance.kind === 'explicit' ? { kind: 'explicit', range: fact.provenance.range } : fact.provenance };
  }

  /** A publish switch from leaves: `false` (or mute `true`) is off, `true` on, anything else unknown. */
  private switchOf(leaves: Leaf[], call: CallSite, mute: boolean): PublishSwitch {
    const bools = leaves.filter((l) => l.kind === 'bool');
    const range = leaves.length > 0 ? this.doc.range(leaves[0].from, leaves[0].to) : this.callRange(call);
    if (bools.length !== leaves.length || leaves.length === 0) return { on: undefined, range, tok: call.nameTok };
    const values = bools.map((l) => (l.kind === 'bool' ? l.value !== mute : false));
    return { on: values.every((v) => v) ? true : values.every((v) => !v) ? false : undefined, range, tok: call.nameTok };
  }

  // ---------------------------------------------------------------- receive

  /**
   * What this client receives of the others' video. Everything unless the code mutes remote video,
   * turns automatic video reception off, asks for the small stream, or plays only some users.
   */
  private receiveFact(ctx: FactContext): Fact<ReceiveMode> {
    const ev = this.ev;
    const found: Found<ReceiveMode>[] = [];
    const near = this.anchorToks;
    const toggle = (call: CallSite, leaves: Leaf[], whenTrue: ReceiveMode): void => {
      // `true` mutes. Beside enterRoom it always applies; elsewhere (a button) it only sometimes does.
      const sw = this.switchOf(leaves, call, true);
      if (sw.on === true) return;
      if (sw.on === false) {
        found.push({ value: whenTrue, range: sw.range });
        if (!this.sameBlock(call.nameTok, near))
          found.push({
            value: 'all',
            isDefault: true,
            why: t('the remote video is muted only on some paths (a handler or a branch)', '只在部分路径（事件处理或分支）中关闭远端视频'),
            range: sw.range,
          });
        return;
      }
      found.push({ why: ctx.whyNot(leaves[0] ?? { kind: 'unknown', why: WHY_RUNTIME, from: call.nameTok, to: call.nameTok }), range: sw.range });
    };
    // Manual video reception: only what the code then plays is received.
    const manual = (off: Leaf[], plays: readonly CallSite[], what: string): void => {
      if (off.length === 0) return;
      const bools = off.filter((l) => l.kind === 'bool');
      const range = ctx.range(off[0].from, off[0].to);
      if (bools.length !== off.length) {
        found.push({ why: ctx.whyNot(off[0]), range });
        return;
      }
      if (!bools.some((l) => l.kind === 'bool' && !l.value)) return;
      if (plays.length === 0) {
        found.push({ value: 'audio-only', range });
        return;
      }
      if (plays.every((c) => this.guardedByUser(c))) {
        found.push({ value: 'some', range: this.callRange(plays[0]) });
        return;
      }
      found.push({
        value: 'all',
        isDefault: true,
        why: t(
          `${what} is off, so only the video the code plays is received; it plays every user who publishes, so all video is assumed`,
          `${what} 已关闭，只接收代码播放的视频；代码对每个推流用户都调用播放，按接收全部视频处理`,
        ),
        range,
      });
    };
    if (this.flavor === 'web-v5') {
      const auto: Leaf[] = [];
      for (const a of this.doc.callsOf('enterRoom')) auto.push(...ev.prop(this.argLeaves(a, 0), 'autoReceiveVideo'));
      manual(auto, this.doc.callsOf('startRemoteVideo'), 'autoReceiveVideo');
      for (const call of this.calls('startRemoteVideo', 'updateRemoteVideo')) {
        const small = ev.path(this.argLeaves(call, 0), 'option', 'small');
        for (const l of small) if (l.kind === 'bool' && l.value) found.push({ value: 'small', range: ctx.range(l.from, l.to) });
      }
    } else if (this.flavor === 'web-v4') {
      const auto: Leaf[] = [];
      for (const c of this.doc.callsOf('createClient')) auto.push(...ev.prop(this.argLeaves(c, 0), 'autoSubscribe'));
      manual(auto, this.doc.callsOf('subscribe'), 'autoSubscribe');
      for (const call of this.doc.callsOf('subscribe')) {
        const video = ev.prop(this.argLeaves(call, 1), 'video');
        // Subscriptions run in the stream-added handler by design: no "same block" test here.
        found.push(...ctx.found<ReceiveMode>(video, (l) => (l.kind === 'bool' ? (l.value ? 'all' : 'audio-only') : undefined)));
      }
      for (const call of this.doc.callsOf('setRemoteVideoStreamType')) {
        const type = this.argLeaves(call, 1);
        if (type.some((l) => l.kind === 'str' && l.value === 'small')) found.push({ value: 'small', range: this.callRange(call) });
      }
    } else {
      for (const call of this.doc.callsOf('muteAllRemoteVideoStreams')) toggle(call, this.argLeaves(call, 0), 'audio-only');
      for (const call of this.doc.callsOf('setDefaultStreamRecvMode')) {
        const args = this.args(call);
        const video = args.find((a) => /video/i.test(a.label ?? '')) ?? args[1];
        if (video) manual(ev.evaluate(video.tok), this.calls('startRemoteView', 'startRemoteVideo'), 'setDefaultStreamRecvMode(autoRecvVideo)');
      }
      for (const call of this.doc.callsOf('muteRemoteVideoStream')) {
        const args = this.args(call);
        const mute = args.find((a) => a.label === 'mute') ?? args[args.length - 1];
        if (args.length < 2 || !mute) continue;
        const leaves = ev.evaluate(mute.tok);
        if (leaves.some((l) => l.kind === 'bool' && !l.value) && leaves.every((l) => l.kind === 'bool')) continue;
        found.push({ value: 'some', range: this.callRange(call) });
      }
      for (const call of this.calls('setRemoteVideoStreamType', 'setPriorRemoteVideoStreamType')) {
        const args = this.args(call);
        const arg = args.find((a) => a.label === 'type' || a.label === 'streamType') ?? args[args.length - 1];
        if (!arg) continue;
        const leaves = ev.evaluate(arg.tok);
        found.push(
          ...ctx.found<ReceiveMode>(leaves, (l) => {
            const small = l.kind === 'enum' ? /small$/i.test(l.name) : l.kind === 'num' ? l.value === 1 : undefined;
            if (small === undefined) return undefined;
            return small ? 'small' : 'all';
          }),
        );
      }
    }
    return ctx.fact(found, () => defaultFact<ReceiveMode>('all', t("the SDK receives every remote user's video by default", 'SDK 默认接收所有远端用户的视频')));
  }

  /** A play call inside `if (...)` whose condition compares a user id: only some users are played. */
  private guardedByUser(call: CallSite): boolean {
    const brace = this.enclosingBrace(call.nameTok);
    const header = brace >= 0 ? blockHeader(this.doc, brace) : undefined;
    if (!header || header.keyword !== 'if') return false;
    const cond = this.doc.text.slice(this.doc.t.start[header.open], this.doc.t.end[header.close]);
    return /user/i.test(cond) && /===?|!=|equals|includes|contains|indexOf|\bin\b|has\(/.test(cond);
  }

  /** Native muteLocalVideo on the main stream: `(mute)`, `(streamType, mute)`, ObjC/Swift `mute:` labels. */
  private nativeVideoMutes(): PublishSwitch[] {
    const out: PublishSwitch[] = [];
    for (const call of this.doc.callsOf('muteLocalVideo')) {
      const args = this.args(call);
      let muteLeaves: Leaf[] | undefined;
      let stream: 'big' | 'sub' | undefined;
      for (const arg of args) {
        const leaves = this.ev.evaluate(arg.tok);
        const type = streamTypeOf(leaves, arg.label);
        if (type) stream = type;
        else if (arg.label === 'mute' || muteLeaves === undefined) muteLeaves = leaves;
      }
      if (stream === 'sub' || !muteLeaves) continue;
      out.push(this.switchOf(muteLeaves, call, true));
    }
    return out;
  }

  private noRecording(): Fact<RecordingSpec | null> {
    return defaultFact<RecordingSpec | null>(
      null,
      t('no cloud recording is started in this code (console auto-recording is not visible in code)', '代码中没有启动云端录制（控制台自动录制在代码中不可见）'),
    );
  }

  private webProfile(l: Leaf, table: ReadonlyMap<string, { width: number; height: number }>): Resolution | undefined {
    if (l.kind === 'str' || l.kind === 'enum') {
      const key = (l.kind === 'str' ? l.value : l.name).toLowerCase().replace(/^(video_profile_|screen_profile_|profile_)/, '');
      const p = table.get(key);
      return p ? { width: p.width, height: p.height } : undefined;
    }
    if (l.kind === 'obj') return this.objectSize(l, 'width', 'height');
    return undefined;
  }

  private objectSize(l: Leaf, wKey: string, hKey: string): Resolution | undefined {
    const w = this.numberOf(this.ev.prop([l], wKey));
    const h = this.numberOf(this.ev.prop([l], hKey));
    return w !== undefined && h !== undefined && w > 0 && h > 0 ? { width: w, height: h } : undefined;
  }

  private webV5Media(): MediaFacts {
    const ctx = new FactContext(this.doc);
    const ev = this.ev;
    // Camera
    const starts = this.doc.callsOf('startLocalVideo');
    const cameraFound: Found<Resolution | null>[] = [];
    const smallFound: Found<Resolution | null>[] = [];
    let videoEvidence: SourceRange | undefined;
    for (const call of [...starts, ...this.doc.callsOf('updateLocalVideo')]) {
      const arg = this.argLeaves(call, 0);
      const profiles = ev.prop(arg, 'profile');
      if (profiles.length > 0) cameraFound.push(...ctx.found(profiles, (l) => this.webProfile(l, WEB_VIDEO_PROFILES)));
      else if (call.name === 'startLocalVideo') {
        cameraFound.push({ value: { ...webV5.defaults.camera.value }, isDefault: true, why: webV5.defaults.camera.why, range: this.callRange(call) });
      }
      const small = ev.prop(arg, 'small');
      smallFound.push(
        ...ctx.found(small, (l) => {
          if (l.kind === 'bool') return l.value ? { width: 160, height: 120 } : null;
          return this.webProfile(l, WEB_VIDEO_PROFILES);
        }),
      );
      if (call.name === 'startLocalVideo') videoEvidence ??= this.callRange(call);
    }
    // `publish: false` captures the camera without sending it; updateLocalVideo may turn it on or off.
    const cameraGate = this.publishGate(
      starts.map((c) =>
        ev.prop(this.argLeaves(c, 0), 'publish').length > 0
          ? this.switchOf(ev.prop(this.argLeaves(c, 0), 'publish'), c, false)
          : { on: true, range: this.callRange(c), tok: c.nameTok },
      ),
      this.doc.callsOf('updateLocalVideo').flatMap((c) => {
        const publish = ev.prop(this.argLeaves(c, 0), 'publish');
        return publish.length > 0 ? [this.switchOf(publish, c, false)] : [];
      }),
    );
    const camera =
      starts.length === 0
        ? defaultFact<Resolution | null>(
            null,
            t('no startLocalVideo call in this file: the camera is not published', '本文件中没有 startLocalVideo 调用：不发布摄像头'),
          )
        : this.gated(
            ctx,
            ctx.fact(cameraFound, () => defaultFact<Resolution | null>(null, t('no camera', '无摄像头'))),
            cameraGate,
          );
    const smallStream = ctx.fact(smallFound, () =>
      defaultFact<Resolution | null>(null, t('option.small is not set: no small stream', '未设置 option.small：不发布小流')),
    );
    // Screen share (sub stream)
    const shares = this.doc.callsOf('startScreenShare');
    const screenFound: Found<Resolution | null>[] = [];
    for (const call of [...shares, ...this.doc.callsOf('updateScreenShare')]) {
      const profiles = ev.prop(this.argLeaves(call, 0), 'profile');
      if (profiles.length > 0) screenFound.push(...ctx.found(profiles, (l) => this.webProfile(l, WEB_SCREEN_PROFILES)));
      else if (call.name === 'startScreenShare') {
        screenFound.push({ value: { ...webV5.defaults.screen.value }, isDefault: true, why: webV5.defaults.screen.why, range: this.callRange(call) });
      }
      if (call.name === 'startScreenShare') videoEvidence ??= this.callRange(call);
    }
    const screen =
      shares.length === 0
        ? defaultFact<Resolution | null>(null, t('no startScreenShare call: no screen sharing', '没有 startScreenShare 调用：不共享屏幕'))
        : ctx.fact(screenFound, () => defaultFact<Resolution | null>(null, t('no screen', '无屏幕共享')));
    for (const call of this.doc.callsOf('startRemoteVideo')) videoEvidence ??= this.callRange(call);
    const audioEvidence = this.firstRange('startLocalAudio');
    // CDNStreaming plugin: mixing and relay.
    const mixFound: Found<MixTranscodingSpec | null>[] = [];
    const relayFound: Found<RelaySpec | null>[] = [];
    for (const call of this.calls('startPlugin', 'updatePlugin')) {
      const name = this.firstStringOrEnum(this.argLeaves(call, 0));
      if (name !== 'CDNStreaming') continue;
      const opts = this.argLeaves(call, 1);
      const modes = ev.path(opts, 'target', 'publishMode');
      const url = ev.path(opts, 'target', 'url');
      const range = this.callRange(call);
      const relay: RelaySpec = { target: url.length > 0 ? 'third-party' : 'tencent-css' };
      if (modes.length === 0) {
        relayFound.push({ value: relay, range });
        continue;
      }
      for (const m of modes) {
        const mode = m.kind === 'str' ? m.value : m.kind === 'enum' ? m.name : undefined;
        const r = ctx.range(m.from, m.to);
        if (!mode) {
          mixFound.push({ why: ctx.whyNot(m), range: r });
          continue;
        }
        if (/mix/i.test(mode)) {
          const w = this.numberOf(ev.path(opts, 'encoding', 'videoWidth'));
          const h = this.numberOf(ev.path(opts, 'encoding', 'videoHeight'));
          const spec: MixTranscodingSpec = {};
          if (w && h) spec.output = { width: w, height: h };
          mixFound.push({ value: spec, range: r });
        }
        relayFound.push({ value: relay, range: r });
      }
    }
    return {
      camera,
      screen,
      smallStream,
      recording: this.noRecording(),
      mixTranscoding: ctx.fact(mixFound, () =>
        defaultFact<MixTranscodingSpec | null>(
          null,
          t('no mixing (CDNStreaming with a mix publish mode) in this file', '本文件中没有云端混流（CDNStreaming 混流模式）'),
        ),
      ),
      relay: ctx.fact(relayFound, () => defaultFact<RelaySpec | null>(null, t('no CDN relay in this file', '本文件中没有转推 CDN'))),
      receive: this.receiveFact(ctx),
      videoEvidence,
      audioEvidence,
      ranges: ctx.ranges,
    };
  }

  private firstRange(name: CallName): SourceRange | undefined {
    const c = this.doc.callsOf(name)[0];
    return c ? this.callRange(c) : undefined;
  }

  private webV4Media(): MediaFacts {
    const ctx = new FactContext(this.doc);
    const ev = this.ev;
    let cameraOn: CallSite | undefined;
    let screenOn: CallSite | undefined;
    let audioEvidence: SourceRange | undefined;
    const cameraUnknown: Found<Resolution | null>[] = [];
    for (const call of this.doc.callsOf('createStream')) {
      const arg = this.argLeaves(call, 0);
      const video = ev.prop(arg, 'video');
      const screenFlag = ev.prop(arg, 'screen');
      const audio = ev.prop(arg, 'audio');
      if (screenFlag.some((l) => l.kind === 'bool' && l.value)) screenOn ??= call;
      else if (video.some((l) => l.kind === 'bool' && l.value)) cameraOn ??= call;
      else if (video.some((l) => l.kind !== 'bool')) {
        cameraOn ??= call;
        cameraUnknown.push(
          ...ctx.found<Resolution | null>(
            video.filter((l) => l.kind !== 'bool'),
            () => undefined,
          ),
        );
      }
      if (audio.some((l) => l.kind === 'bool' && l.value)) audioEvidence ??= this.callRange(call);
    }
    let camera: Fact<Resolution | null>;
    if (!cameraOn)
      camera = defaultFact<Resolution | null>(
        null,
        t('no createStream with video: the camera is not published', '没有开启 video 的 createStream：不发布摄像头'),
      );
    else {
      const found: Found<Resolution | null>[] = [...cameraUnknown];
      for (const call of this.doc.callsOf('setVideoProfile')) found.push(...ctx.found(this.argLeaves(call, 0), (l) => this.webProfile(l, WEB_VIDEO_PROFILES)));
      if (found.length === 0)
        found.push({ value: { ...webV4.defaults.camera.value }, isDefault: true, why: webV4.defaults.camera.why, range: this.callRange(cameraOn) });
      camera = ctx.fact(found, () => defaultFact<Resolution | null>(null, t('no camera', '无摄像头')));
    }
    let screen: Fact<Resolution | null>;
    if (!screenOn)
      screen = defaultFact<Resolution | null>(null, t('no createStream with screen: no screen sharing', '没有开启 screen 的 createStream：不共享屏幕'));
    else {
      const found: Found<Resolution | null>[] = [];
      for (const call of this.doc.callsOf('setScreenProfile'))
        found.push(...ctx.found(this.argLeaves(call, 0), (l) => this.webProfile(l, WEB_SCREEN_PROFILES)));
      if (found.length === 0)
        found.push({ value: { ...webV4.defaults.screen.value }, isDefault: true, why: webV4.defaults.screen.why, range: this.callRange(screenOn) });
      screen = ctx.fact(found, () => defaultFact<Resolution | null>(null, t('no screen', '无屏幕共享')));
    }
    // A v4 stream is sent only by client.publish(stream): without one, nothing created here is published.
    if (this.doc.callsOf('publish').length === 0 && (cameraOn || screenOn)) {
      const why = t(
        'client.publish is never called in this file: the streams created here are not published',
        '本文件中从未调用 client.publish：这里创建的流不会发布',
      );
      if (cameraOn) camera = defaultFact<Resolution | null>(null, why, this.callRange(cameraOn));
      if (screenOn) screen = defaultFact<Resolution | null>(null, why, this.callRange(screenOn));
    }
    let videoEvidence = cameraOn ? this.callRange(cameraOn) : screenOn ? this.callRange(screenOn) : undefined;
    videoEvidence ??= this.firstRange('subscribe');
    const mixFound: Found<MixTranscodingSpec | null>[] = [];
    for (const call of this.doc.callsOf('startMixTranscode')) {
      const arg = this.argLeaves(call, 0);
      const spec: MixTranscodingSpec = {};
      const w = this.numberOf(ev.prop(arg, 'videoWidth'));
      const h = this.numberOf(ev.prop(arg, 'videoHeight'));
      if (w !== undefined && h !== undefined) spec.output = w > 0 && h > 0 ? { width: w, height: h } : null;
      mixFound.push({ value: spec, range: this.callRange(call) });
    }
    const relayFound: Found<RelaySpec | null>[] = this.doc
      .callsOf('startPublishCDNStream')
      .map((c) => ({ value: { target: 'third-party' } as RelaySpec, range: this.callRange(c) }));
    // Dual-stream encoding: client.enableSmallStream(), sized by client.setSmallStreamProfile({width, height}).
    const smallFound: Found<Resolution | null>[] = [];
    const enableSmall = this.doc.callsOf('enableSmallStream')[0];
    if (enableSmall) {
      for (const call of this.doc.callsOf('setSmallStreamProfile')) {
        const arg = this.argLeaves(call, 0);
        smallFound.push(...ctx.found(arg, (l) => (l.kind === 'obj' ? this.objectSize(l, 'width', 'height') : undefined)));
      }
      if (smallFound.length === 0) {
        smallFound.push({
          why: t(
            'enableSmallStream without setSmallStreamProfile: the SDK chooses the small stream size',
            '调用了 enableSmallStream 但未调用 setSmallStreamProfile：小流分辨率由 SDK 决定',
          ),
          range: this.callRange(enableSmall),
        });
      }
    }
    return {
      camera,
      screen,
      smallStream: ctx.fact(smallFound, () =>
        defaultFact<Resolution | null>(null, t('enableSmallStream is not called: no small stream', '未调用 enableSmallStream：不发布小流')),
      ),
      recording: this.noRecording(),
      mixTranscoding: ctx.fact(mixFound, () =>
        defaultFact<MixTranscodingSpec | null>(null, t('no startMixTranscode in this file', '本文件中没有 startMixTranscode')),
      ),
      relay: ctx.fact(relayFound, () => defaultFact<RelaySpec | null>(null, t('no startPublishCDNStream in this file', '本文件中没有 startPublishCDNStream'))),
      receive: this.receiveFact(ctx),
      videoEvidence,
      audioEvidence,
      ranges: ctx.ranges,
    };
  }

  /** Resolution from TRTCVideoEncParam values: named fields, Electron positional arguments, RN objects. */
  private encoderResolution(ctx: FactContext, leaves: Leaf[], quiet = false): Found<Resolution | null>[] {
    const ev = this.ev;
    const out: Found<Resolution | null>[] = [];
    const mobile = MOBILE_SDKS.has(this.sdk);
    for (const leaf of leaves) {
      let res = ev.prop([leaf], 'videoResolution');
      let modes = [...ev.prop([leaf], 'videoResolutionMode'), ...ev.prop([leaf], 'resMode')];
      const items = res.length === 0 && leaf.kind === 'obj' && /EncParam/.test(leaf.ctor ?? '') ? ev.items(leaf) : undefined;
      if (items && items.length > 0) {
        res = ev.evaluate(items[0]);
        if (items.length > 1) modes = ev.evaluate(items[1]);
      }
      if (res.length === 0) {
        if (quiet) continue;
        if (leaf.kind === 'unknown' || (leaf.kind === 'enum' && leaf.bare && !this.doc.bindingsByOwner.has(this.doc.t.hash[leaf.from]))) {
          out.push({ why: ctx.whyNot(leaf), range: ctx.range(leaf.from, leaf.to) });
        }
        continue;
      }
      let portrait: boolean | undefined;
      for (const m of modes) {
        const name = m.kind === 'enum' ? m.name : m.kind === 'str' ? m.value : undefined;
        if (name && /portrait/i.test(name)) portrait = true;
        else if (name && /landscape/i.test(name)) portrait = false;
        else if (m.kind === 'num') portrait = m.value === 1;
        if (portrait !== undefined) {
          ctx.ranges.push(ctx.range(m.from, m.to));
          break;
        }
      }
      // Without a resolution mode the orientation is the SDK's, not the code's: the size is written, the
      // orientation is not. Mobile SDKs are taken as portrait, desktop SDKs as landscape; the pixel count
      // (and so the cost) is the same either way, but the fact is a default, with the reason saying which part.
      const orientationDefault = portrait === undefined;
      if (portrait === undefined) portrait = mobile;
      const found = ctx.found(res, (l) => {
        let r: Resolution | undefined;
        if (l.kind === 'enum') r = resolutionFromEnumName(l.name);
        else if (l.kind === 'num') r = RESOLUTION_BY_VALUE.get(l.value);
        if (!r) return undefined;
        return portrait
          ? { width: Math.min(r.width, r.height), height: Math.max(r.width, r.height) }
          : { width: Math.max(r.width, r.height), height: Math.min(r.width, r.height) };
      });
      if (orientationDefault) for (const f of found) if (f.value) Object.assign(f, { isDefault: true, why: orientationWhy(f.value, mobile, f.external?.file) });
      out.push(...found);
    }
    return out;
  }

  /**
   * The small stream from enableEncSmallVideoStream (mobile, Electron) or enableSmallVideoStream (Windows C++,
   * C#, Unity `ref param`, Electron, TUIRoomKit's trtcCloud): `(enable, params)`. An enable decided at run
   * time (`!isH5`) makes "no small stream" a candidate too.
   */
  private smallStreamFound(ctx: FactContext): Found<Resolution | null>[] {
    const ev = this.ev;
    const smallFound: Found<Resolution | null>[] = [];
    for (const call of this.calls('enableEncSmallVideoStream', 'enableSmallVideoStream')) {
      const args = this.args(call);
      const enable = args[0] ? ev.evaluate(args[0].tok) : [];
      if (enable.some((l) => l.kind === 'bool' && !l.value)) {
        smallFound.push({ value: null, range: this.callRange(call) });
        continue;
      }
      const paramTok = args[1]
        ? this.doc.isIdent(args[1].tok) && (this.doc.name(args[1].tok) === 'ref' || this.doc.name(args[1].tok) === 'in') && args[1].last > args[1].tok
          ? args[1].tok + 1
          : args[1].tok
        : -1;
      const params = paramTok >= 0 ? ev.evaluate(paramTok) : [];
      const res = this.encoderResolution(ctx, params);
      smallFound.push(
        ...(res.length > 0 ? res : [{ why: t('the small stream parameters are not visible here', '此处看不到小流参数'), range: this.callRange(call) }]),
      );
      if (res.length > 0 && args[0] && (enable.length === 0 || enable.some((l) => l.kind !== 'bool')))
        smallFound.push({ value: null, range: ctx.range(args[0].tok, args[0].last) });
    }
    return smallFound;
  }

  private nativeDefaultCamera(): { value: Resolution; why: Text } {
    return nativeCameraDefault(this.sdk, this.variant);
  }

  private nativeMedia(): MediaFacts {
    const ctx = new FactContext(this.doc);
    const ev = this.ev;
    const previews = this.calls('startLocalPreview', 'startPreview', 'openLocalCamera');
    // React Native `<TXVideoView.LocalView />` starts the camera itself, without a startLocalPreview call.
    const localViewTok = previews.length === 0 ? this.doc.localViewTok : -1;
    const localView = localViewTok >= 0 ? this.doc.range(localViewTok - 2, localViewTok) : undefined;
    let videoEvidence = previews[0] ? this.callRange(previews[0]) : localView;
    // Screen capture: stream type and encoder parameters.
    const captures = this.calls('startScreenCapture', 'startScreenCaptureByReplaykit', 'startScreenCaptureInApp');
    const screenFound: Found<Resolution | null>[] = [];
    const bigScreenFound: Found<Resolution | null>[] = [];
    for (const call of captures) {
      const args = this.args(call);
      let stream: 'big' | 'sub' | undefined;
      let enc: Found<Resolution | null>[] = [];
      for (const arg of args) {
        const leaves = ev.evaluate(arg.tok);
        const type = streamTypeOf(leaves, arg.label);
        if (type) {
          stream = type;
          continue;
        }
        if (enc.length === 0 && (arg.label === undefined || /enc/i.test(arg.label)))
          enc = this.encoderResolution(
            ctx,
            leaves.filter((l) => l.kind === 'obj' || (l.kind === 'enum' && l.bare)),
            true,
          );
      }
      if (enc.length === 0) {
        // Without parameters in the call, the stream's own encoder settings apply: the main stream's
        // (setVideoEncoderParam) when the screen goes out on the big stream, the sub stream's otherwise.
        const setter = stream === 'big' ? 'setVideoEncoderParam' : 'setSubStreamEncoderParam';
        for (const sub of this.doc.callsOf(setter)) enc.push(...this.encoderResolution(ctx, this.argLeaves(sub, 0)));
      }
      const range = this.callRange(call);
      if (enc.length === 0)
        enc.push({
          why: t('the screen encoder parameters are not set in this file: the SDK chooses the resolution', '本文件中未设置屏幕分享编码参数：由 SDK 决定分辨率'),
          range,
        });
      if (stream === 'big') bigScreenFound.push(...enc);
      else screenFound.push(...enc);
      videoEvidence ??= range;
    }
    // Camera: published when the preview starts. A screen sent on the big (main) stream takes the
    // camera's place: with a preview too, the main stream is the camera or the screen (candidates);
    // without one, the main stream only ever carries the screen, billed as one screen stream.
    let camera: Fact<Resolution | null>;
    let screen: Fact<Resolution | null>;
    if (previews.length === 0 && !localView) {
      camera =
        bigScreenFound.length > 0
          ? defaultFact<Resolution | null>(
              null,
              t(
                'no startLocalPreview call in this file: the main stream carries the screen, not a camera',
                '本文件中没有 startLocalPreview 调用：主路发送的是屏幕分享，而非摄像头',
              ),
            )
          : defaultFact<Resolution | null>(
              null,
              t('no startLocalPreview call in this file: the camera is not published', '本文件中没有 startLocalPreview 调用：不发布摄像头'),
            );
      const all = [...bigScreenFound, ...screenFound];
      screen =
        all.length === 0
          ? defaultFact<Resolution | null>(null, t('no screen capture on the sub stream in this file', '本文件中没有辅路屏幕分享'))
          : ctx.fact(all, () => defaultFact<Resolution | null>(null, t('no screen', '无屏幕共享')));
    } else {
      const found: Found<Resolution | null>[] = [...bigScreenFound];
      for (const call of this.doc.callsOf('setVideoEncoderParam')) found.push(...this.encoderResolution(ctx, this.argLeaves(call, 0)));
      if (found.length === bigScreenFound.length) {
        if (previews.length > 0) {
          const d = this.nativeDefaultCamera();
          found.push({ value: d.value, isDefault: true, why: d.why, range: this.callRange(previews[0]) });
        } else if (localView) {
          found.push({
            why: t(
              '<TXVideoView.LocalView> starts the camera, and setVideoEncoderParam is not called in this file: the resolution is not visible',
              '<TXVideoView.LocalView> 会开启摄像头，但本文件未调用 setVideoEncoderParam：看不到分辨率',
            ),
            range: localView,
          });
        }
      }
      const starts: PublishSwitch[] = previews.map((c) => ({ on: true, range: this.callRange(c), tok: c.nameTok }));
      if (localView) {
        starts.push({ on: true, range: localView, tok: localViewTok });
        ctx.ranges.push(localView);
      }
      camera = this.gated(
        ctx,
        ctx.fact(found, () => defaultFact<Resolution | null>(null, t('no camera', '无摄像头'))),
        this.publishGate(starts, this.nativeVideoMutes()),
      );
      screen =
        screenFound.length === 0
          ? defaultFact<Resolution | null>(null, t('no screen capture on the sub stream in this file', '本文件中没有辅路屏幕分享'))
          : ctx.fact(screenFound, () => defaultFact<Resolution | null>(null, t('no screen', '无屏幕共享')));
    }
    const smallStream = ctx.fact(this.smallStreamFound(ctx), () =>
      defaultFact<Resolution | null>(null, t('enableEncSmallVideoStream is not called: no small stream', '未调用 enableEncSmallVideoStream：不发布小流')),
    );
    for (const call of this.calls('startRemoteView', 'startRemoteSubStreamView', 'startRemoteVideo')) videoEvidence ??= this.callRange(call);
    const audioEvidence = this.firstRange('startLocalAudio');
    // Mixing and relay
    const mixFound: Found<MixTranscodingSpec | null>[] = [];
    const relayFound: Found<RelaySpec | null>[] = [];
    for (const call of this.doc.callsOf('setMixTranscodingConfig')) {
      const cfg = this.argLeaves(call, 0);
      for (const leaf of cfg) {
        if (leaf.kind === 'null') continue; // stops mixing
        if (leaf.kind !== 'obj' && !(leaf.kind === 'enum' && leaf.bare)) {
          mixFound.push({ why: ctx.whyNot(leaf), range: ctx.range(leaf.from, leaf.to) });
          continue;
        }
        let modes = ev.prop([leaf], 'mode');
        let w = this.numberOf(ev.prop([leaf], 'videoWidth'));
        let h = this.numberOf(ev.prop([leaf], 'videoHeight'));
        const items = leaf.kind === 'obj' && /TranscodingConfig/.test(leaf.ctor ?? '') && w === undefined ? ev.items(leaf) : undefined;
        if (items && items.length >= 5) {
          modes = ev.evaluate(items[0]);
          w = this.numberOf(ev.evaluate(items[3]));
          h = this.numberOf(ev.evaluate(items[4]));
        }
        const pureAudio = modes.some((m) => (m.kind === 'enum' && /pureaudio/i.test(m.name)) || (m.kind === 'num' && m.value === 2));
        const spec: MixTranscodingSpec = {};
        if (pureAudio || (w === 0 && h === 0)) spec.output = null;
        else if (w && h) spec.output = { width: w, height: h };
        mixFound.push({ value: spec, range: this.callRange(call) });
        // TRTCTranscodingConfig.streamId: the mixed stream is published to Tencent Cloud CSS under that id.
        const streamIds = ev.prop([leaf], 'streamId').filter((l) => !(l.kind === 'str' && l.value === '') && l.kind !== 'null');
        if (streamIds.length > 0) relayFound.push({ value: { target: 'tencent-css' }, range: ctx.range(streamIds[0].from, streamIds[0].to) });
      }
    }
    for (const call of this.calls('startPublishMediaStream', 'updatePublishMediaStream')) {
      const args = this.args(call);
      const target = args[0] ? ev.evaluate(args[0].tok) : [];
      const param = args[1] ? ev.evaluate(args[1].tok) : [];
      const modes = ev.prop(target, 'mode');
      const range = this.callRange(call);
      const cdn = ev.prop(target, 'cdnUrlList');
      const internal = ev.prop(cdn.length > 0 ? cdn : target, 'isInternalLine');
      const relay: RelaySpec = { target: internal.some((l) => l.kind === 'bool' && !l.value) ? 'third-party' : 'tencent-css' };
      if (modes.length === 0)
        mixFound.push({ why: t('the publish mode (TRTCPublishTarget.mode) is not visible here', '此处看不到推流模式（TRTCPublishTarget.mode）'), range });
      for (const m of modes) {
        const name = m.kind === 'enum' ? m.name : m.kind === 'str' ? m.value : undefined;
        const r = ctx.range(m.from, m.to);
        const mix = name ? /mix/i.test(name) : m.kind === 'num' ? m.value === 3 || m.value === 4 : undefined;
        const toRoom = name ? /room/i.test(name) : m.kind === 'num' ? m.value === 4 : false;
        if (mix === undefined) {
          mixFound.push({ why: ctx.whyNot(m), range: r });
          continue;
        }
        if (mix) {
          const w = this.numberOf(ev.prop(param, 'videoEncodedWidth'));
          const h = this.numberOf(ev.prop(param, 'videoEncodedHeight'));
          const spec: MixTranscodingSpec = {};
          if (w !== undefined && h !== undefined) spec.output = w > 0 && h > 0 ? { width: w, height: h } : null;
          mixFound.push({ value: spec, range: r });
        }
        if (!toRoom) relayFound.push({ value: relay, range: r });
      }
    }
    for (const call of this.doc.callsOf('startPublishing')) relayFound.push({ value: { target: 'tencent-css' }, range: this.callRange(call) });
    for (const call of this.doc.callsOf('startPublishCDNStream')) relayFound.push({ value: { target: 'third-party' }, range: this.callRange(call) });
    return {
      camera,
      screen,
      smallStream,
      recording: this.noRecording(),
      mixTranscoding: ctx.fact(mixFound, () =>
        defaultFact<MixTranscodingSpec | null>(null, t('no cloud mixing started in this file', '本文件中没有启动云端混流')),
      ),
      relay: ctx.fact(relayFound, () => defaultFact<RelaySpec | null>(null, t('no CDN relay started in this file', '本文件中没有启动 CDN 转推'))),
      receive: this.receiveFact(ctx),
      videoEvidence,
      audioEvidence,
      ranges: ctx.ranges,
    };
  }

  // ---------------------------------------------------------------- WeChat Mini Program scripts

  /** `this.trtcComponent.enterRoom(...)` in a `<trtc-room>` page (set by miniProgramRooms). */
  private componentEnterAt: SourceRange | undefined;

  /** The whole file as one object: its keys wherever they are written (`setPusherAttributes({ enableCamera: true })`, page data). */
  private wholeFile(): Leaf {
    return { kind: 'obj', scope: { from: 0, to: this.doc.n, owners: [] }, from: 0, to: 0 };
  }

  /** A receiver that is the `<trtc-room>` component: assigned from `selectComponent(...)`, or named so. */
  private isComponentReceiver(tok: number): boolean {
    const doc = this.doc;
    if (/trtc-?(room|component)/i.test(doc.name(tok))) return true;
    const h = doc.t.hash[tok];
    const values: number[] = [];
    for (const b of doc.bindingsByKey.get(h) ?? []) if (values.length < 8 && doc.isIdent(b.keyTok) && doc.sameName(b.keyTok, tok)) values.push(b.valueTok);
    for (const d of doc.defs.get(h) ?? []) if (values.length < 8 && doc.sameName(d.nameTok, tok)) values.push(d.valueTok);
    // `this.selectComponent('#trtcroom')`, `page.selectComponent(...)`: the call is a few tokens in.
    return values.some((v) => {
      for (let k = v; k < v + 4 && k < doc.n; k++) if (doc.isIdentNamed(k, 'selectComponent')) return true;
      return false;
    });
  }

  /**
   * trtc-wx pages: `this.TRTC = new TRTC(this)`, `this.TRTC.createPusher({...})`, `this.TRTC.enterRoom(config)`.
   * The room is the `enterRoom` on the TRTC instance; the page's own `this.enterRoom(...)` wrapper is not.
   * `<trtc-room>` pages (`this.trtcComponent.enterRoom({ roomID })`) are no room here: the .wxml carries it.
   */
  private miniProgramRooms(): DetectedRoom[] {
    const doc = this.doc;
    const anchors: CallSite[] = [];
    for (const c of doc.callsOf('enterRoom')) {
      if (c.receiverTok < 0 || SELF_FIELDS.has(doc.name(c.receiverTok)) || this.declaredHere(c)) continue;
      if (this.isComponentReceiver(c.receiverTok)) {
        this.componentEnterAt ??= this.callRange(c);
        continue;
      }
      anchors.push(c);
    }
    if (anchors.length === 0) return [];
    this.anchorToks = anchors.map((a) => a.nameTok);
    const media = this.miniProgramMedia();
    const rooms: DetectedRoom[] = [];
    const seen: string[] = [];
    for (const anchor of anchors) {
      const room = this.miniProgramRoom(anchor, media);
      const key = `${factKey(room.service)}|${factKey(room.role)}`;
      if (seen.includes(key)) continue;
      seen.push(key);
      rooms.push(room);
    }
    return rooms;
  }

  private miniProgramRoom(anchor: CallSite, m: WxMedia): DetectedRoom {
    const ctx = new FactContext(this.doc);
    const ev = this.ev;
    const range = this.callRange(anchor);
    const params = this.argLeaves(anchor, 0);
    // The config is often assembled from page data (`Object.assign(this.data._rtcConfig, { roomID })`):
    // a scene written anywhere in the page counts.
    let scenes = ev.prop(params, 'scene');
    if (scenes.length === 0) scenes = ev.prop([this.wholeFile()], 'scene');
    const scene = ctx.fact(ctx.found(scenes, wxSceneOf), () =>
      defaultFact<SceneMeaning>(
        { kind: 'call', media: 'any' },
        t("enterRoom has no scene: trtc-wx joins as 'rtc' (appscene=videocall)", "enterRoom 未指定 scene：trtc-wx 以 'rtc'（appscene=videocall）进房"),
        range,
      ),
    );
    const meanings = scene.value ? [scene.value] : (scene.candidates ?? []);
    const kinds: ('call' | 'live')[] = meanings.length > 0 ? meanings.map((s) => s.kind) : ['call', 'live'];
    const videos: boolean[] = m.video === 'unknown' ? [true, false] : [m.video === 'on'];
    const services: Service[] = [];
    for (const k of kinds)
      for (const v of videos) {
        const svc: Service = k === 'call' ? (v ? 'video-call' : 'voice-call') : v ? 'video-live' : 'voice-live';
        if (!services.includes(svc)) services.push(svc);
      }
    let service: Fact<Service>;
    if (scene.provenance.kind === 'unknown' || m.video === 'unknown') {
      const why = scene.provenance.kind === 'unknown' ? scene.provenance : { reason: m.videoWhy, range: m.videoRange };
      service = unknownFact<Service>(why.reason, why.range ?? range, services);
    } else if (scene.provenance.kind === 'explicit' && m.videoExplicit) {
      const at = scene.provenance;
      const provenance: Provenance = at.file !== undefined ? { kind: 'explicit', range: at.range, file: at.file } : { kind: 'explicit', range: at.range };
      service = services.length === 1 ? { value: services[0], provenance } : { candidates: services, provenance };
    } else {
      const parts: Text[] = [];
      if (scene.provenance.kind === 'default') parts.push(scene.provenance.reason);
      if (!m.videoExplicit) parts.push(m.videoWhy);
      const reason = t(parts.map((p) => p.en).join('; '), parts.map((p) => p.zh).join('；'));
      const at = scene.provenance.range ?? range;
      service = services.length === 1 ? defaultFact(services[0], reason, at) : { candidates: services, provenance: { kind: 'default', reason, range: at } };
    }
    const role = kinds.every((k) => k === 'call')
      ? defaultFact<Role>('anchor', t('calls have no roles: everyone may publish', '通话场景没有角色之分：每个人都可以推流'), range)
      : defaultFact<Role>(
          'anchor',
          t("trtc-wx publishes the page's <live-pusher>: its user is an anchor", 'trtc-wx 通过页面的 <live-pusher> 推流：该用户是主播'),
          range,
        );
    return this.withUnits(anchor, {
      sdk: 'miniprogram',
      range,
      service,
      role,
      camera: m.media.camera,
      screen: m.media.screen,
      smallStream: m.media.smallStream,
      recording: m.media.recording,
      mixTranscoding: m.media.mixTranscoding,
      relay: m.media.relay,
      receive: m.media.receive,
      ranges: uniqueRanges([range, ...ctx.ranges, ...m.media.ranges]),
    });
  }

  /**
   * trtc-wx's pusher attributes, wherever the page writes them (createPusher, setPusherAttributes, enterRoom's
   * config, page data). trtc-wx's own defaults (its pusher attribute table, static/trtc-wx.js in Tencent's
   * TRTCSimpleDemo): enableCamera false, enableMic false, videoWidth 360, videoHeight 640; enterRoom sends
   * encsmall 0 and an empty streamID unless the config sets them.
   */
  private miniProgramMedia(): WxMedia {
    const ctx = new FactContext(this.doc);
    const ev = this.ev;
    const whole = [this.wholeFile()];
    const switches: PublishSwitch[] = ev
      .prop(whole, 'enableCamera')
      .map((l) => ({ on: l.kind === 'bool' ? l.value : undefined, range: ctx.range(l.from, l.to), tok: l.from }));
    let camera: Fact<Resolution | null>;
    let video: WxMedia['video'];
    let videoExplicit = false;
    let videoWhy: Text = t(
      "trtc-wx's pusher starts with the camera off (enableCamera: false) and this file never turns it on",
      'trtc-wx 的 pusher 默认关闭摄像头（enableCamera: false），本文件也没有开启',
    );
    let videoRange: SourceRange | undefined;
    let videoEvidence: SourceRange | undefined;
    if (switches.length === 0) {
      camera = defaultFact<Resolution | null>(null, videoWhy);
      video = 'off';
    } else {
      const gate = this.publishGate(switches, []);
      if (gate.off) {
        ctx.ranges.push(gate.off);
        camera = { value: null, provenance: { kind: 'explicit', range: gate.off } };
        video = 'off';
        videoExplicit = true;
      } else {
        const on = switches.find((s) => s.on === true) ?? switches[0];
        ctx.ranges.push(on.range);
        videoEvidence = on.range;
        const width = ev.prop(whole, 'videoWidth');
        const height = ev.prop(whole, 'videoHeight');
        const found: Found<Resolution | null>[] = [];
        if (width.length === 0 && height.length === 0) {
          found.push({ value: { ...miniprogram.defaults.camera.value }, isDefault: true, why: miniprogram.defaults.camera.why, range: on.range });
        } else {
          const w = width.find((l) => l.kind !== 'num') ?? width[0];
          const h = height.find((l) => l.kind !== 'num') ?? height[0];
          const wn = w && w.kind === 'num' ? w.value : undefined;
          const hn = h && h.kind === 'num' ? h.value : undefined;
          const at = ctx.range((w ?? h).from, (w ?? h).to);
          if (wn !== undefined && hn !== undefined && wn > 0 && hn > 0) found.push({ value: { width: wn, height: hn }, range: at });
          else if (!w || !h)
            found.push({
              why: t(
                'only one of videoWidth and videoHeight is set: the other is not documented',
                '只设置了 videoWidth 和 videoHeight 中的一项：另一项的取值没有文档说明',
              ),
              range: at,
            });
          else found.push({ why: ctx.whyNot(wn === undefined ? w : h), range: at });
        }
        camera = this.gated(
          ctx,
          ctx.fact(found, () => defaultFact<Resolution | null>(null, t('no camera', '无摄像头'))),
          gate,
        );
        const runtime = switches.find((s) => s.on === undefined);
        if (runtime && !switches.some((s) => s.on === true)) {
          video = 'unknown';
          videoWhy = t('enableCamera is decided at run time', 'enableCamera 在运行时决定');
          videoRange = runtime.range;
        } else {
          video = 'on';
          videoExplicit = true;
        }
      }
    }
    // Small stream: enterRoom's encsmall (0 unless set).
    const small = ev.prop(whole, 'encsmall');
    const smallFound: Found<Resolution | null>[] = [];
    for (const l of small) {
      const r = ctx.range(l.from, l.to);
      if ((l.kind === 'num' && l.value === 0) || (l.kind === 'bool' && !l.value)) smallFound.push({ value: null, range: r });
      else if (l.kind === 'num' || l.kind === 'bool')
        smallFound.push({
          why: t('encsmall asks for a small stream: its resolution is not documented', 'encsmall 开启了小流：小流分辨率没有文档说明'),
          range: r,
        });
      else smallFound.push({ why: ctx.whyNot(l), range: r });
    }
    const smallStream = ctx.fact(smallFound, () =>
      defaultFact<Resolution | null>(null, t('encsmall is not set: trtc-wx enters without a small stream', '未设置 encsmall：trtc-wx 进房时不编码小流')),
    );
    // streamID relays the user's stream to Tencent Cloud CSS (as TRTCParams.streamId does).
    const streamIds = [...ev.prop(whole, 'streamID'), ...ev.prop(whole, 'streamId')].filter((l) => !(l.kind === 'str' && l.value === '') && l.kind !== 'null');
    let relay = defaultFact<RelaySpec | null>(null, t('no streamID is set: trtc-wx relays nothing to a CDN', '未设置 streamID：trtc-wx 不转推 CDN'));
    if (streamIds.length > 0) {
      const r = ctx.range(streamIds[0].from, streamIds[0].to);
      relay = { value: { target: 'tencent-css' }, provenance: { kind: 'explicit', range: r } };
      ctx.ranges.push(r);
      this.cssRelayAt ??= r;
    }
    const recordIds = ev.prop(whole, 'userDefineRecordID').filter((l) => !(l.kind === 'str' && l.value === ''));
    const recording =
      recordIds.length > 0
        ? unknownFact<RecordingSpec | null>(
            t(
              'userDefineRecordID is set: cloud recording runs only if auto-recording is enabled in the console',
              '设置了 userDefineRecordID：仅当控制台开启自动录制时才会云端录制',
            ),
            ctx.range(recordIds[0].from, recordIds[0].to),
          )
        : this.noRecording();
    const mics = ev.prop(whole, 'enableMic').find((l) => l.kind === 'bool' && l.value);
    return {
      media: {
        camera,
        screen: defaultFact<Resolution | null>(null, t('a mini program cannot share its screen', '小程序无法共享屏幕')),
        smallStream,
        recording,
        mixTranscoding: defaultFact<MixTranscodingSpec | null>(null, t('no cloud mixing is started in this page', '本页面中没有启动云端混流')),
        relay,
        receive: defaultFact<ReceiveMode>(
          'all',
          t(
            "trtc-wx plays the other users' streams in the page's <live-player> tags: all their video is assumed received",
            'trtc-wx 在页面的 <live-player> 中播放其他用户的流：按接收全部视频计算',
          ),
        ),
        videoEvidence,
        audioEvidence: mics ? ctx.range(mics.from, mics.to) : undefined,
        ranges: ctx.ranges,
      },
      video,
      videoExplicit,
      videoWhy,
      videoRange,
    };
  }

  // ---------------------------------------------------------------- kits

  private kitRooms(): DetectedRoom[] {
    const doc = this.doc;
    const text = doc.text;
    const rooms: DetectedRoom[] = [];
    const kitDefault = (kit: string): Fact<Resolution | null> => ({
      provenance: { kind: 'default', reason: t(`the resolution is ${kit}'s default (not visible in code)`, `分辨率为 ${kit} 的默认值（代码中不可见）`) },
    });
    const isCallKit = callKit.textPattern.test(text);
    const isRoomKit = roomKit.textPattern.test(text);
    const isLiveKit = !isRoomKit && liveKit.textPattern.test(text);
    const ev = this.ev;
    const noRec = this.noRecording();
    const none = <T>(what: Text): Fact<T | null> => defaultFact<T | null>(null, what);
    const shareCall = doc.callsOf('startScreenSharing')[0];
    const make = (kit: string, anchor: CallSite, service: Fact<Service>, role: Fact<Role>, camera: Fact<Resolution | null>, ctx: FactContext): DetectedRoom => {
      const range = this.callRange(anchor);
      return this.withUnits(anchor, {
        sdk: 'kit',
        kit,
        range,
        service,
        role,
        camera,
        screen: shareCall
          ? unknownFact<Resolution | null>(
              t(
                `${kit} startScreenSharing: the screen resolution is the kit's default, not visible in code`,
                `${kit} startScreenSharing：屏幕分享分辨率为组件默认值，代码中不可见`,
              ),
              this.callRange(shareCall),
            )
          : none<Resolution>(t(`${kit}: no screen sharing in this code`, `${kit}：代码中没有屏幕分享`)),
        smallStream: ctx.fact(this.smallStreamFound(ctx), () => none<Resolution>(t(`${kit}: no small stream in this code`, `${kit}：代码中没有小流`))),
        recording: noRec,
        mixTranscoding: none<MixTranscodingSpec>(t(`${kit}: no cloud mixing in this code`, `${kit}：代码中没有云端混流`)),
        relay: none<RelaySpec>(t(`${kit}: no CDN relay in this code`, `${kit}：代码中没有 CDN 转推`)),
        receive: defaultFact<ReceiveMode>('all', t(`${kit} subscribes to every member's video`, `${kit} 订阅所有成员的视频`)),
        ranges: uniqueRanges([range, ...ctx.ranges]),
      });
    };
    if (isCallKit) {
      const resolutionFound = (ctx: FactContext): Found<Resolution | null>[] => {
        const out: Found<Resolution | null>[] = [];
        for (const call of this.calls('setVideoEncoderParams', 'setVideoEncoderParam')) {
          const arg = this.argLeaves(call, 0);
          const res = [...ev.prop(arg, 'resolution'), ...ev.prop(arg, 'videoResolution')];
          out.push(
            ...ctx.found(res, (l) => (l.kind === 'enum' ? resolutionFromEnumName(l.name) : l.kind === 'num' ? RESOLUTION_BY_VALUE.get(l.value) : undefined)),
          );
        }
        return out;
      };
      for (const call of this.calls('call', 'calls', 'groupCall', 'startCall')) {
        if (!this.isKitReceiver(call, /call/i)) continue;
        const ctx = new FactContext(doc);
        const range = this.callRange(call);
        const leaves: Leaf[] = [];
        for (const arg of this.args(call)) {
          const l = ev.evaluate(arg.tok);
          for (const leaf of l) {
            if (leaf.kind === 'obj') leaves.push(...ev.prop([leaf], 'type'), ...ev.prop([leaf], 'mediaType'), ...ev.prop([leaf], 'callMediaType'));
            else if ((leaf.kind === 'enum' && /audio|video/i.test(leaf.name)) || arg.label === 'mediaType' || arg.label === 'callMediaType') leaves.push(leaf);
          }
        }
        const service = ctx.fact(
          ctx.found(leaves, (l) => {
            const name = l.kind === 'enum' ? l.name : l.kind === 'str' ? l.value : undefined;
            if (name && /audio/i.test(name)) return 'voice-call' as Service;
            if (name && /video/i.test(name)) return 'video-call' as Service;
            if (l.kind === 'num') return l.value === 1 ? ('voice-call' as Service) : l.value === 2 ? ('video-call' as Service) : undefined;
            return undefined;
          }),
          () => unknownFact<Service>(t('the call media type is not visible here', '此处看不到通话类型（音频/视频）'), range, ['video-call', 'voice-call']),
        );
        const res = resolutionFound(ctx);
        const camera: Fact<Resolution | null> =
          service.value === 'voice-call'
            ? defaultFact<Resolution | null>(null, t('an audio call publishes no video', '音频通话不发布视频'))
            : res.length > 0
              ? ctx.fact(res, () => kitDefault('TUICallKit'))
              : kitDefault('TUICallKit');
        rooms.push(
          make(
            'TUICallKit',
            call,
            service,
            defaultFact<Role>('anchor', t('calls have no roles: everyone publishes', '通话场景没有角色之分：每个人都推流'), range),
            camera,
            ctx,
          ),
        );
      }
    }
    if (isRoomKit) {
      const quality = (ctx: FactContext): Found<Resolution | null>[] => this.roomKitQuality(ctx);
      for (const call of this.calls('createRoom', 'createAndJoinRoom', 'start', 'enterRoom')) {
        if (call.name === 'start' && !this.isKitReceiver(call, /conference|roomkit/i)) continue;
        if (call.name !== 'start' && this.callsOwnMethod(call)) continue;
        if (call.name === 'enterRoom' && doc.callsOf('createRoom').length + doc.callsOf('createAndJoinRoom').length > 0) continue;
        const ctx = new FactContext(doc);
        const range = this.callRange(call);
        const opts: Leaf[] = [];
        for (const arg of this.args(call)) opts.push(...ev.evaluate(arg.tok));
        const types = ev.prop(opts, 'roomType');
        const service = ctx.fact(
          ctx.found(types, (l) => {
            const name = l.kind === 'enum' ? l.name : l.kind === 'str' ? l.value : '';
            if (/live/i.test(name)) return 'video-live' as Service;
            if (/conference|standard|meeting/i.test(name)) return 'video-call' as Service;
            return undefined;
          }),
          () =>
            defaultFact<Service>(
              'video-call',
              t('no roomType: TUIRoomKit rooms default to a conference (a call)', '未指定 roomType：TUIRoomKit 默认会议房间（通话）'),
              range,
            ),
        );
        const q = quality(ctx);
        // TUIRoomEngine openLocalCamera publishes the camera at the engine's video quality.
        const opened = doc.callsOf('openLocalCamera')[0];
        const camera =
          q.length > 0
            ? ctx.fact(q, () => kitDefault('TUIRoomKit'))
            : opened
              ? unknownFact<Resolution | null>(
                  t(
                    'openLocalCamera publishes the camera at the video quality TUIRoomEngine picks (updateVideoQuality is not called here)',
                    'openLocalCamera 以 TUIRoomEngine 选择的画质发布摄像头（此处未调用 updateVideoQuality）',
                  ),
                  this.callRange(opened),
                )
              : kitDefault('TUIRoomKit');
        rooms.push(
          make(
            'TUIRoomKit',
            call,
            service,
            defaultFact<Role>('anchor', t('TUIRoomKit members may all publish', 'TUIRoomKit 成员都可以推流'), range),
            camera,
            ctx,
          ),
        );
      }
    }
    if (isLiveKit) {
      for (const call of this.calls('startLive', 'createLive', 'joinLive')) {
        const ctx = new FactContext(doc);
        const range = this.callRange(call);
        const anchor = call.name !== 'joinLive';
        const role = anchor
          ? { value: 'anchor' as Role, provenance: { kind: 'explicit' as const, range } }
          : { value: 'audience' as Role, provenance: { kind: 'explicit' as const, range } };
        const camera = anchor ? kitDefault('TUILiveKit') : defaultFact<Resolution | null>(null, t('an audience member publishes no video', '观众不发布视频'));
        rooms.push(make('TUILiveKit', call, { value: 'video-live', provenance: { kind: 'explicit', range } }, role, camera, ctx));
      }
    }
    return rooms;
  }

  /** TUIRoomEngine's camera quality: updateVideoQuality / setVideoQuality (`TUIVideoQuality.kVideoQuality_720p`). */
  private roomKitQuality(ctx: FactContext): Found<Resolution | null>[] {
    const out: Found<Resolution | null>[] = [];
    for (const call of this.calls('updateVideoQuality', 'setVideoQuality')) {
      const arg = this.argLeaves(call, 0);
      const q = arg.some((l) => l.kind === 'obj') ? this.ev.prop(arg, 'quality') : arg;
      out.push(
        ...ctx.found(q, (l) => {
          const name = l.kind === 'enum' ? l.name : l.kind === 'str' ? l.value : '';
          const m = /(\d{3,4}p)$/i.exec(name);
          const p = m ? KIT_QUALITY.get(m[1].toLowerCase()) : undefined;
          return p ? { width: p.width, height: p.height } : undefined;
        }),
      );
    }
    return out;
  }

  /**
   * An app's own method of the kit's name, not the kit: `this.createRoom(…)` in a class (the engine is never `this`),
   * or a facade whose `createRoom(options)` only passes the call on (`this.manager.createRoom(options)`); the
   * engine's call inside the app's method is the room.
   */
  private callsOwnMethod(call: CallSite): boolean {
    if (
      call.receiverTok >= 0 &&
      SELF_FIELDS.has(this.doc.name(call.receiverTok)) &&
      this.doc.isPunct(call.receiverTok + 1, P_DOT) &&
      call.receiverTok + 2 === call.nameTok
    )
      return true;
    const fn = unitsOf(this.doc, call.nameTok, call.openTok + 1, call.closeTok - 1).enclosingFunction;
    if (!fn || fn.name !== call.name) return false;
    // Inside a method of the same name, a call on the engine (`roomEngine.instance?.createRoom`) is still the room.
    const start = this.doc.t.start[call.nameTok];
    const before = this.doc.text.slice(Math.max(0, start - 80), start);
    return !/engine|TUIRoom|roomkit/i.test(before.slice(before.lastIndexOf('\n') + 1));
  }

  private isKitReceiver(call: CallSite, pattern: RegExp): boolean {
    if (call.receiverTok < 0) return false;
    if (pattern.test(this.doc.name(call.receiverTok))) return true;
    // `TUICallKit.createInstance(context).call(...)`: the kit is earlier in the receiver chain.
    const start = this.doc.t.start[call.nameTok];
    const before = this.doc.text.slice(Math.max(0, start - 80), start);
    const dot = before.lastIndexOf('\n');
    return pattern.test(before.slice(dot + 1)) && /TUI|Kit|kit|conference/.test(before.slice(dot + 1));
  }

  // ---------------------------------------------------------------- server REST

  private restRooms(): DetectedRoom[] {
    const doc = this.doc;
    const anchors: { action: RestAction; leaves: Leaf[]; range: SourceRange; fromTok: number; call?: CallSite }[] = [];
    for (const action of REST_ACTIONS) {
      for (const call of doc.callsOf(action)) {
        const arg = this.args(call)[0];
        let leaves = arg ? this.ev.evaluate(arg.tok) : [];
        leaves = this.withJsonMerges(leaves);
        anchors.push({ action, leaves, range: this.callRange(call), fromTok: call.nameTok, call });
      }
    }
    if (anchors.length === 0 && (doc.actionStrings.length > 0 || doc.family === 'json')) {
      // Raw JSON bodies / HTTP calls: "Action": "CreateCloudRecording" or an X-TC-Action header.
      for (const tok of doc.actionStrings) {
        const action = doc.stringValue(tok) as RestAction;
        if (anchors.some((a) => a.action === action)) continue;
        const whole: Leaf = { kind: 'obj', scope: { from: 0, to: doc.n, owners: [] }, from: tok, to: tok };
        anchors.push({ action, leaves: [whole], range: doc.range(tok, tok), fromTok: tok });
      }
      if (anchors.length === 0 && doc.family === 'json') {
        const whole: Leaf = { kind: 'obj', scope: { from: 0, to: doc.n, owners: [] }, from: 0, to: 0 };
        const has = (k: string) => this.ev.prop([whole], k).length > 0;
        const first = Math.min(doc.n - 1, 0);
        const range = doc.range(first, first);
        if (has('RecordParams') && (has('StorageParams') || has('RoomIdType')))
          anchors.push({ action: 'CreateCloudRecording', leaves: [whole], range, fromTok: 0 });
        else if (has('EncodeParams') && has('OutputParams')) anchors.push({ action: 'StartMCUMixTranscode', leaves: [whole], range, fromTok: 0 });
        else if (has('WithTranscoding') || has('AgentParams')) anchors.push({ action: 'StartPublishCdnStream', leaves: [whole], range, fromTok: 0 });
      }
    }
    return anchors.map((a) => this.withUnits(a.call ?? a.fromTok, this.restRoom(a.action, a.leaves, a.range)));
  }

  /** Python `req.from_json_string(json.dumps(params))`: the request also has the dict's keys. */
  private withJsonMerges(leaves: Leaf[]): Leaf[] {
    const out = [...leaves];
    for (const call of this.calls('from_json_string', 'FromJsonString', 'fromJsonString')) {
      if (call.receiverTok < 0) continue;
      const recv = this.doc.name(call.receiverTok);
      const matches = leaves.some((l) => (l.kind === 'obj' && l.scope.owners.includes(recv)) || (l.kind === 'enum' && l.bare && l.name === recv));
      if (!matches) continue;
      const arg = this.args(call)[0];
      if (arg) out.push(...this.ev.evaluate(arg.tok));
    }
    return out;
  }

  private restRoom(action: RestAction, req: Leaf[], range: SourceRange): DetectedRoom {
    const ctx = new FactContext(this.doc);
    const ev = this.ev;
    const serverOnly = t(`${action} is a server call: the clients that publish are configured elsewhere`, `${action} 是服务端调用：推流的客户端在别处配置`);
    let recording: Fact<RecordingSpec | null> = defaultFact<RecordingSpec | null>(null, t(`${action} does not record`, `${action} 不录制`));
    let mix: Fact<MixTranscodingSpec | null> = defaultFact<MixTranscodingSpec | null>(null, t(`${action} does not mix`, `${action} 不混流`));
    let relay: Fact<RelaySpec | null> = defaultFact<RelaySpec | null>(null, t(`${action} does not relay to a CDN`, `${action} 不转推 CDN`));
    const size = (parent: Leaf[], w: string, h: string): { value?: Resolution; from: number; to: number } | undefined => {
      const wl = ev.prop(parent, w);
      const hl = ev.prop(parent, h);
      const wn = this.numberOf(wl);
      const hn = this.numberOf(hl);
      if (wn === undefined || hn === undefined) return undefined;
      const from = Math.min(wl[0].from, hl[0].from);
      const to = Math.max(wl[0].to, hl[0].to);
      return { value: { width: wn, height: hn }, from, to };
    };
    if (action === 'CreateCloudRecording') {
      const params = ev.path(req, 'RecordParams');
      const modes = ev.prop(params, 'RecordMode');
      const streamTypes = ev.prop(params, 'StreamType');
      const audioOnly = streamTypes.some((l) => l.kind === 'num' && l.value === 1);
      if (streamTypes.length > 0) ctx.ranges.push(ctx.range(streamTypes[0].from, streamTypes[0].to));
      const video = ev.path(req, 'MixTranscodeParams', 'VideoParams');
      const out = size(video, 'Width', 'Height');
      recording = ctx.fact(
        ctx.found(modes, (l) => {
          if (l.kind !== 'num' || (l.value !== 1 && l.value !== 2)) return undefined;
          const spec: RecordingSpec = { mode: l.value === 1 ? 'single' : 'mixed' };
          if (audioOnly) spec.content = 'audio-only';
          if (spec.mode === 'mixed' && !audioOnly) spec.output = out?.value ?? { width: 360, height: 640 };
          return spec;
        }),
        () => unknownFact<RecordingSpec | null>(t('RecordParams.RecordMode is not visible here', '此处看不到 RecordParams.RecordMode'), range),
      );
      if (out) ctx.ranges.push(ctx.range(out.from, out.to));
    } else if (action === 'StartMCUMixTranscode' || action === 'StartMCUMixTranscodeByStrRoomId') {
      const enc = ev.path(req, 'EncodeParams');
      const out = size(enc, 'VideoWidth', 'VideoHeight');
      const pure = ev.path(req, 'OutputParams', 'PureAudioStream');
      const spec: MixTranscodingSpec = {};
      if (pure.some((l) => l.kind === 'num' && l.value === 1)) spec.output = null;
      else if (out?.value) spec.output = out.value.width > 0 && out.value.height > 0 ? out.value : null;
      const where = out ? ctx.range(out.from, out.to) : range;
      ctx.ranges.push(where);
      mix = { value: spec, provenance: { kind: 'explicit', range: where } };
      const recordId = ev.path(req, 'OutputParams', 'RecordId');
      if (recordId.length > 0) {
        const r = ctx.range(recordId[0].from, recordId[0].to);
        recording = { value: { mode: 'mixed', ...(spec.output ? { output: spec.output } : {}) }, provenance: { kind: 'explicit', range: r } };
        ctx.ranges.push(r);
      }
      const urls = ev.path(req, 'PublishCdnParams', 'PublishCdnUrls');
      relay =
        urls.length > 0
          ? { value: { target: 'third-party' }, provenance: { kind: 'explicit', range: ctx.range(urls[0].from, urls[0].to) } }
          : defaultFact<RelaySpec | null>(
              { target: 'tencent-css' },
              t('the mixed stream is published to Tencent Cloud CSS (no third-party CDN)', '混流输出到腾讯云直播（无第三方 CDN）'),
              range,
            );
    } else {
      const transcoding = ev.path(req, 'WithTranscoding');
      const video = ev.path(req, 'VideoParams', 'VideoEncode');
      const out = size(video, 'Width', 'Height');
      mix = ctx.fact(
        ctx.found(transcoding, (l) => {
          if (l.kind !== 'num') return undefined;
          if (l.value === 0) return null;
          const spec: MixTranscodingSpec = { output: out?.value ?? null };
          return spec;
        }),
        () => unknownFact<MixTranscodingSpec | null>(t('WithTranscoding is not visible here', '此处看不到 WithTranscoding'), range),
      );
      if (out) ctx.ranges.push(ctx.range(out.from, out.to));
      const tencent = ev.path(req, 'PublishCdnParams', 'IsTencentCdn');
      relay = ctx.fact(
        ctx.found(tencent, (l) => (l.kind === 'num' ? ({ target: l.value === 1 ? 'tencent-css' : 'third-party' } as RelaySpec) : undefined)),
        () =>
          defaultFact<RelaySpec | null>(
            { target: 'tencent-css' },
            t('PublishCdnParams.IsTencentCdn is not set: Tencent Cloud CSS is assumed', '未设置 PublishCdnParams.IsTencentCdn：按腾讯云直播处理'),
            range,
          ),
      );
    }
    return {
      sdk: 'server-rest',
      range,
      service: unknownFact<Service>(serverOnly, range),
      role: unknownFact<Role>(serverOnly, range),
      camera: unknownFact<Resolution | null>(serverOnly, range),
      screen: defaultFact<Resolution | null>(
        null,
        t(`${action} is a server call: no screen sharing is visible here`, `${action} 是服务端调用：此处看不到屏幕分享`),
      ),
      smallStream: defaultFact<Resolution | null>(
        null,
        t(`${action} is a server call: no small stream is visible here`, `${action} 是服务端调用：此处看不到小流`),
      ),
      recording,
      mixTranscoding: mix,
      relay,
      receive: defaultFact<ReceiveMode>(
        'all',
        t(`${action} is a server call: what the clients receive is configured elsewhere`, `${action} 是服务端调用：客户端接收什么在别处配置`),
      ),
      ranges: uniqueRanges([range, ...ctx.ranges]),
    };
  }
}

/** A call that starts publishing a stream or turns it on or off; `on` undefined: decided at run time. */
interface PublishSwitch {
  on: boolean | undefined;
  range: SourceRange;
  tok: number;
}

/** A trtc-wx page's media, with whether (and how surely) the camera is on. */
interface WxMedia {
  media: MediaFacts;
  video: 'on' | 'off' | 'unknown';
  /** The camera state is written in code (an enableCamera value), not trtc-wx's default. */
  videoExplicit: boolean;
  videoWhy: Text;
  videoRange?: SourceRange;
}

/** Why a resolution's orientation is a default: the size is in code, the orientation (no resolution mode) is not. */
/** The calls a media fragment may start from (its owner is the unit around the first). */
const FRAGMENT_CALLS: readonly CallName[] = [
  'startLocalVideo',
  'updateLocalVideo',
  'startScreenShare',
  'createStream',
  'enableSmallStream',
  'startLocalPreview',
  'startPreview',
  'openLocalCamera',
  'setVideoEncoderParam',
  'startScreenCapture',
  'startScreenCaptureByReplaykit',
  'startScreenCaptureInApp',
  'enableEncSmallVideoStream',
  'enableSmallVideoStream',
  'startScreenSharing',
  'updateVideoQuality',
  'setVideoQuality',
  'muteAllRemoteVideoStreams',
  'setRemoteVideoStreamType',
  'setDefaultStreamRecvMode',
];

/**
 * A media fact of a file that enters no room: what it states stays; an SDK default becomes unknown
 * (at the call that implied it, when there is one), since the room's own file decides defaults.
 */
function fragmentFact<T>(fact: Fact<T>, notStated: Text): Fact<T> {
  const p = fact.provenance;
  if (p.kind !== 'default') return fact;
  if (!p.range) return unknownFact<T>(notStated);
  return unknownFact<T>(
    t(`${p.reason.en}; this file enters no room, so the file that enters it decides`, `${p.reason.zh}；本文件不进房，由进房的文件决定`),
    p.range,
  );
}

function orientationWhy(r: Resolution, mobile: boolean, file?: string): Text {
  const big = Math.max(r.width, r.height);
  const small = Math.min(r.width, r.height);
  const why = orientationText(big, small, r, mobile);
  return file === undefined ? why : t(`${why.en} (the size is set in ${file})`, `${why.zh}（分辨率在 ${file} 中设置）`);
}

function orientationText(big: number, small: number, r: Resolution, mobile: boolean): Text {
  return mobile
    ? t(
        `the code sets ${big}×${small} but no resolution mode (resMode / videoResolutionMode): the orientation is left to the SDK, taken as portrait on ` +
          `mobile (${r.width}×${r.height}); the cost is the same either way`,
        `代码设置了 ${big}×${small}，但未设置分辨率模式（resMode / videoResolutionMode）：方向由 SDK 决定，移动端按竖屏（${r.width}×${r.height}）计；两种方向费用相同`,
      )
    : t(
        `the code sets ${big}×${small} but no resolution mode (resMode / videoResolutionMode): the orientation is left to the SDK, taken as landscape on ` +
          `desktop (${r.width}×${r.height}); the cost is the same either way`,
        `代码设置了 ${big}×${small}，但未设置分辨率模式（resMode / videoResolutionMode）：方向由 SDK 决定，桌面端按横屏（${r.width}×${r.height}）计；两种方向费用相同`,
      );
}

/** trtc-wx scenes: 'rtc' (trtc-wx sends appscene=videocall) and 'live'. */
function wxSceneOf(l: Leaf): SceneMeaning | undefined {
  if (l.kind !== 'str') return undefined;
  const v = l.value.trim().toLowerCase();
  if (v === 'rtc' || v === 'videocall') return { kind: 'call', media: 'any' };
  if (v === 'live') return { kind: 'live', media: 'any' };
  return undefined;
}

/** off: the stream is never published (where it is said); maybe: only sometimes (where it is decided). */
interface PublishGate {
  off?: SourceRange;
  maybe?: SourceRange;
}

/** Words between a parameter list and a function body. */
const DECLARATION_MODIFIERS: ReadonlySet<string> = new Set(['async', 'sync', 'const', 'override', 'throws', 'rethrows', 'noexcept', 'final', 'mutating']);
/** Words that may precede a value in an argument (`ref params`, `new X`), so two names are not a typed parameter. */
const NOT_TYPES: ReadonlySet<string> = new Set(['new', 'ref', 'out', 'in', 'await', 'typeof', 'sizeof', 'yield', 'is', 'as', 'not', 'inout']);

const P_DOT = 46;
const SELF_FIELDS: ReadonlySet<string> = new Set(['this', 'self', 'vm', '_this', 'that']);

const WHY_RUNTIME: Text = { en: 'is decided at run time', zh: '在运行时决定' };

function webSceneOf(l: Leaf): SceneMeaning | undefined {
  return l.kind === 'str' || l.kind === 'enum'
    ? sceneFromName(l.kind === 'str' ? l.value : l.name, true)
    : l.kind === 'num'
      ? sceneFromNumber(l.value)
      : undefined;
}

function nativeSceneOf(l: Leaf): SceneMeaning | undefined {
  return l.kind === 'str' || l.kind === 'enum'
    ? sceneFromName(l.kind === 'str' ? l.value : l.name, false)
    : l.kind === 'num'
      ? sceneFromNumber(l.value)
      : undefined;
}

function roleOf(l: Leaf): Role | undefined {
  return l.kind === 'str' || l.kind === 'enum' ? roleFromName(l.kind === 'str' ? l.value : l.name) : l.kind === 'num' ? roleFromNumber(l.value) : undefined;
}

const REST_ACTIONS = REST_ACTION_NAMES;
type RestAction = (typeof REST_ACTIONS)[number];

function streamTypeOf(leaves: Leaf[], label: string | undefined): 'big' | 'sub' | undefined {
  for (const l of leaves) {
    if (l.kind !== 'enum') continue;
    const n = l.name;
    if (/^(TRTCVideoStreamType|TRTC_VIDEO_STREAM_TYPE_)?(sub|SUB|Sub)$/.test(n)) return 'sub';
    if (/^(TRTCVideoStreamType|TRTC_VIDEO_STREAM_TYPE_)?(big|BIG|Big)$/.test(n)) return 'big';
  }
  if (label === 'streamType' || label === 'byReplaykit') {
    for (const l of leaves) if (l.kind === 'num') return l.value === 0 ? 'big' : l.value === 2 ? 'sub' : undefined;
  }
  return undefined;
}

function factKey(f: Fact<unknown>): string {
  return JSON.stringify(f.value !== undefined ? f.value : (f.candidates ?? f.provenance.kind));
}

function compareRanges(a: SourceRange, b: SourceRange): number {
  return a.start.line - b.start.line || a.start.character - b.start.character || a.end.line - b.end.line || a.end.character - b.end.character;
}

/** Sorted, without duplicates (sort, then drop neighbours that are equal: no string keys). */
export function uniqueRanges(ranges: SourceRange[]): SourceRange[] {
  const sorted = ranges.slice().sort(compareRanges);
  const out: SourceRange[] = [];
  for (const r of sorted) if (out.length === 0 || compareRanges(out[out.length - 1], r) !== 0) out.push(r);
  return out;
}

/** Rooms anchored at the same place are one room (e.g. an ObjC call seen twice). */
function dedupeRooms(rooms: DetectedRoom[]): DetectedRoom[] {
  const out: DetectedRoom[] = [];
  for (const r of rooms) if (!out.some((o) => compareRanges(o.range, r.range) === 0)) out.push(r);
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
