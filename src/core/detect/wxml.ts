// WeChat Mini Program pages (.wxml): TRTC rooms configured in markup. Two shapes:
// - `<trtc-room config="{{rtcConfig}}">`: Tencent's component; `config` carries scene, enableCamera,
//   videoWidth/videoHeight (defaults rtc, true, 360 × 640: the component's attribute table in
//   tencentyun/TRTCSDK WXMini/TRTCSimpleDemo/doc "小程序 trtc-room.md").
// - `<live-pusher url="room://cloud.tencent.com/rtc?...&appscene=..." mode="RTC">`: WeChat's pusher
//   joined to a TRTC room (what trtc-room and trtc-wx render); `<live-player>` plays remote users.
//   Defaults from WeChat's live-pusher documentation: mode RTC, enable-camera true, video-width 360,
//   video-height 640, aspect 9:16.
// WXML binds most attributes to page data (`{{pusher.videoWidth}}`): those facts are unknown here,
// with the binding named. One tolerant pass over the markup: linear, never throws.
import type { Message, Text } from '../common';
import type { MixTranscodingSpec, RecordingSpec, RelaySpec, Resolution, Role, Service } from '../scenario/types';
import type { DetectedRoom, DetectionResult, Fact, Position, ReceiveMode, SourceRange } from './types';
import { defaultFact, unknownFact } from './facts';

const t = (en: string, zh: string): Text => ({ en, zh });

/** Rooms per file, at most (a page has one or two; hostile input must not build thousands). */
const MAX_ROOMS = 64;
/** Interesting tags kept, at most. */
const MAX_TAGS = 512;

interface Attr {
  /** Lower-case name. */
  name: string;
  /** The value as written (without quotes); undefined for a bare attribute. */
  value?: string;
  from: number;
  to: number;
}

interface Tag {
  /** Lower-case name. */
  name: string;
  from: number;
  /** End of `<name`. */
  nameTo: number;
  to: number;
  attrs: Attr[];
}

const INTERESTING = new Set(['trtc-room', 'live-pusher', 'live-player']);

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c === 58 || c === 46;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
}

/** The start tags of the elements detection reads. Comments and `<wxs>` modules are skipped. */
function scanTags(text: string): Tag[] {
  const n = text.length;
  const tags: Tag[] = [];
  let i = 0;
  while (i < n && tags.length < MAX_TAGS) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    let j = lt + 1;
    if (text.charCodeAt(j) === 47) {
      // A closing tag: nothing to read.
      const end = text.indexOf('>', j);
      if (end < 0) break;
      i = end + 1;
      continue;
    }
    const nameFrom = j;
    while (j < n && isNameChar(text.charCodeAt(j))) j++;
    if (j === nameFrom) {
      i = lt + 1; // a bare '<' in text or an expression
      continue;
    }
    const name = text.slice(nameFrom, j).toLowerCase();
    const tag: Tag = { name, from: lt, nameTo: j, to: n, attrs: [] };
    let selfClosing = false;
    // Attributes, up to '>' (quotes may hold '>' and '<', as in wx:if="{{a < b}}").
    for (;;) {
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (j >= n) break;
      const c = text.charCodeAt(j);
      if (c === 62) {
        tag.to = j + 1;
        break;
      }
      if (c === 47 && text.charCodeAt(j + 1) === 62) {
        tag.to = j + 2;
        selfClosing = true;
        break;
      }
      if (c === 60) {
        tag.to = j; // broken markup: a new tag starts before this one closed
        break;
      }
      const attrFrom = j;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isSpace(d) || d === 61 || d === 62 || d === 60 || (d === 47 && text.charCodeAt(j + 1) === 62)) break;
        j++;
      }
      if (j === attrFrom) {
        j++; // a stray character ('/' or '='): step over it
        continue;
      }
      const attr: Attr = { name: text.slice(attrFrom, j).toLowerCase(), from: attrFrom, to: j };
      let k = j;
      while (k < n && isSpace(text.charCodeAt(k))) k++;
      if (text.charCodeAt(k) === 61) {
        k++;
        while (k < n && isSpace(text.charCodeAt(k))) k++;
        const q = text.charCodeAt(k);
        if (q === 34 || q === 39) {
          const close = text.indexOf(q === 34 ? '"' : "'", k + 1);
          const end = close < 0 ? n : close;
          attr.value = text.slice(k + 1, end);
          j = close < 0 ? n : close + 1;
        } else {
          const valueFrom = k;
          while (k < n && !isSpace(text.charCodeAt(k)) && text.charCodeAt(k) !== 62) k++;
          attr.value = text.slice(valueFrom, k);
          j = k;
        }
        attr.to = j;
      }
      if (tag.attrs.length < 64) tag.attrs.push(attr);
    }
    if (INTERESTING.has(name)) tags.push(tag);
    i = Math.max(tag.to, lt + 1);
    if (name === 'wxs' && !selfClosing) {
      // An inline WXS module is script: its '<' are operators, not tags.
      const end = text.indexOf('</wxs', i);
      i = end < 0 ? n : end;
    }
  }
  return tags;
}

// ---------------------------------------------------------------------------------------------
// Attribute values

type Value =
  | { kind: 'absent' }
  | { kind: 'literal'; text: string }
  /** `{{…}}` with a literal inside ({{false}}, {{720}}, {{'live'}}). */
  | { kind: 'constant'; value: string | number | boolean }
  /** `{{path}}` or another expression: set at run time. */
  | { kind: 'bound'; expr: string };

function valueOf(attr: Attr | undefined): Value {
  if (!attr) return { kind: 'absent' };
  const raw = (attr.value ?? '').trim();
  const open = raw.indexOf('{{');
  if (open < 0) return { kind: 'literal', text: raw };
  if (open === 0 && raw.endsWith('}}') && raw.indexOf('{{', 2) < 0) {
    const expr = raw.slice(2, -2).trim();
    const constant = constantOf(expr);
    return constant === undefined ? { kind: 'bound', expr } : { kind: 'constant', value: constant };
  }
  return { kind: 'bound', expr: raw };
}

function constantOf(expr: string): string | number | boolean | undefined {
  if (expr === 'true') return true;
  if (expr === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(expr)) return Number(expr);
  const q = expr.charCodeAt(0);
  if ((q === 39 || q === 34) && expr.length >= 2 && expr.charCodeAt(expr.length - 1) === q && expr.indexOf(expr[0], 1) === expr.length - 1)
    return expr.slice(1, -1);
  return undefined;
}

function shortExpr(expr: string): string {
  const s = expr.replace(/\s+/g, ' ');
  return s.length > 40 ? s.slice(0, 37) + '...' : s;
}

function whyBound(attrName: string, expr: string): Text {
  const e = shortExpr(expr.replace(/^\{\{\s*/, '').replace(/\s*\}\}$/, ''));
  return t(`${attrName} is bound to page data ({{${e}}}): its value is set in the page script`, `${attrName} 绑定到页面数据（{{${e}}}）：取值在页面脚本中设置`);
}

/** Query parameters of a room URL, keys lower-cased. */
function urlParams(url: string): Map<string, string> {
  const out = new Map<string, string>();
  const q = url.indexOf('?');
  if (q < 0) return out;
  for (const part of url.slice(q + 1).split('&')) {
    if (out.size >= 64) break;
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (key.length > 0) out.set(key, eq < 0 ? '' : part.slice(eq + 1).trim());
  }
  return out;
}

function isTrtcUrl(url: string): boolean {
  const u = url.trim().toLowerCase();
  return u.startsWith('room://') || u.startsWith('trtc://');
}

// ---------------------------------------------------------------------------------------------
// Positions

class Lines {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
  range(from: number, to: number): SourceRange {
    return { start: this.position(from), end: this.position(to) };
  }
}

// ---------------------------------------------------------------------------------------------
// Facts

type Scene = 'call' | 'live';

interface Part<T> {
  value?: T;
  kind: 'explicit' | 'default' | 'unknown';
  reason?: Text;
  range?: SourceRange;
}

function fact<T>(p: Part<T>, fallbackRange: SourceRange, candidates?: T[]): Fact<T> {
  if (p.kind === 'explicit') return { value: p.value, provenance: { kind: 'explicit', range: p.range ?? fallbackRange } };
  if (p.kind === 'default') return defaultFact(p.value as T, p.reason ?? t('the SDK default', 'SDK 默认值'), p.range ?? fallbackRange);
  return unknownFact<T>(p.reason ?? t('not visible here', '此处不可见'), p.range ?? fallbackRange, candidates);
}

const SERVICES: Record<Scene, [video: Service, audio: Service]> = {
  call: ['video-call', 'voice-call'],
  live: ['video-live', 'voice-live'],
};

/** Service from the scene and whether the camera is on; unknown parts give candidates. */
function serviceFact(scene: Part<Scene>, camera: Part<boolean>, anchor: SourceRange): Fact<Service> {
  const scenes: Scene[] = scene.value !== undefined ? [scene.value] : ['call', 'live'];
  const cams: boolean[] = camera.value !== undefined ? [camera.value] : [true, false];
  const services: Service[] = [];
  for (const s of scenes)
    for (const c of cams) {
      const v = SERVICES[s][c ? 0 : 1];
      if (!services.includes(v)) services.push(v);
    }
  if (scene.kind === 'unknown' || camera.kind === 'unknown') {
    const why = scene.kind === 'unknown' ? scene : camera;
    return unknownFact<Service>(why.reason ?? t('not visible here', '此处不可见'), why.range ?? anchor, services.length < 4 ? services : undefined);
  }
  const value = services[0];
  if (scene.kind === 'explicit' && camera.kind === 'explicit') return { value, provenance: { kind: 'explicit', range: scene.range ?? anchor } };
  const reasons: string[] = [];
  const reasonsZh: string[] = [];
  for (const p of [scene, camera]) {
    if (p.kind === 'default' && p.reason) {
      reasons.push(p.reason.en);
      reasonsZh.push(p.reason.zh);
    }
  }
  return defaultFact(value, t(reasons.join('; '), reasonsZh.join('；')), scene.kind === 'explicit' ? scene.range : (camera.range ?? scene.range ?? anchor));
}

function roleFact(scene: Part<Scene>, explicitRole: Part<Role> | undefined, anchor: SourceRange): Fact<Role> {
  if (explicitRole && explicitRole.kind !== 'default') return fact(explicitRole, anchor);
  if (scene.value === 'call') {
    return defaultFact<Role>('anchor', t('calls have no roles: everyone may publish', '通话场景没有角色之分：每个人都可以推流'), anchor);
  }
  return defaultFact<Role>('anchor', t('the page publishes with <live-pusher>: its user is an anchor', '页面通过 <live-pusher> 推流：该用户是主播'), anchor);
}

const NO_SCREEN = (): Fact<Resolution | null> => defaultFact<Resolution | null>(null, t('a mini program cannot share its screen', '小程序无法共享屏幕'));
const NO_MIX = (): Fact<MixTranscodingSpec | null> =>
  defaultFact<MixTranscodingSpec | null>(null, t('no cloud mixing is started in this page', '本页面中没有启动云端混流'));
/** A page receives what its `<live-player>` tags play; which users they play is run-time data. */
const RECEIVE_ALL = (): Fact<ReceiveMode> =>
  defaultFact<ReceiveMode>(
    'all',
    t(
      "the page's live-player tags play the other users' streams: all their video is assumed received",
      '页面的 live-player 播放其他用户的流：按接收全部视频计算',
    ),
  );
const NO_RELAY = (): Fact<RelaySpec | null> => defaultFact<RelaySpec | null>(null, t('no CDN relay is started in this page', '本页面中没有启动 CDN 转推'));
const NO_RECORDING = (): Fact<RecordingSpec | null> =>
  defaultFact<RecordingSpec | null>(
    null,
    t('no cloud recording is started in this page (console auto-recording is not visible in code)', '本页面中没有启动云端录制（控制台自动录制在代码中不可见）'),
  );

function sceneOfName(name: string): Scene | undefined {
  switch (name.trim().toLowerCase()) {
    case 'rtc':
    case 'videocall':
      return 'call';
    case 'live':
      return 'live';
    default: // other appscene values were not found in Tencent's code: unknown rather than guessed
      return undefined;
  }
}

function attrOf(tag: Tag, name: string): Attr | undefined {
  for (const a of tag.attrs) if (a.name === name) return a;
  return undefined;
}

/** A boolean attribute. WXML turns the string "false" into true: only {{false}} is false. */
function booleanPart(attr: Attr | undefined, lines: Lines, fallback: boolean, defaultWhy: Text): Part<boolean> {
  const v = valueOf(attr);
  if (v.kind === 'absent') return { kind: 'default', value: fallback, reason: defaultWhy };
  const range = lines.range(attr!.from, attr!.to);
  if (v.kind === 'constant' && typeof v.value === 'boolean') return { kind: 'explicit', value: v.value, range };
  if (v.kind === 'bound') return { kind: 'unknown', reason: whyBound(attr!.name, v.expr), range };
  if (v.kind === 'literal' && v.text === '') return { kind: 'explicit', value: true, range }; // a bare attribute
  const written = v.kind === 'literal' ? v.text : String(v.value);
  return {
    kind: 'unknown',
    reason: t(
      `${attr!.name}="${shortExpr(written)}" is a string, which WXML turns into true; write {{false}} or {{true}}`,
      `${attr!.name}="${shortExpr(written)}" 是字符串，WXML 会将其视为 true；请写作 {{false}} 或 {{true}}`,
    ),
    range,
  };
}

function numberPart(attr: Attr | undefined, lines: Lines): Part<number> | undefined {
  const v = valueOf(attr);
  if (v.kind === 'absent') return undefined;
  const range = lines.range(attr!.from, attr!.to);
  if (v.kind === 'constant' && typeof v.value === 'number') return { kind: 'explicit', value: v.value, range };
  if (v.kind === 'literal' && /^\d+$/.test(v.text)) return { kind: 'explicit', value: Number(v.text), range };
  if (v.kind === 'bound') return { kind: 'unknown', reason: whyBound(attr!.name, v.expr), range };
  const written = v.kind === 'literal' ? v.text : String(v.value);
  return { kind: 'unknown', reason: t(`${attr!.name}="${shortExpr(written)}" is not a number`, `${attr!.name}="${shortExpr(written)}" 不是数字`), range };
}

/** Resolution from width/height parts, with the component's default size when neither is written. */
function resolutionFact(
  width: Part<number> | undefined,
  height: Part<number> | undefined,
  fallback: () => Fact<Resolution | null>,
  anchor: SourceRange,
): Fact<Resolution | null> {
  if (!width && !height) return fallback();
  for (const p of [width, height]) if (p && p.kind === 'unknown') return unknownFact<Resolution | null>(p.reason!, p.range ?? anchor);
  if (width && height && width.value && height.value) {
    return { value: { width: width.value, height: height.value }, provenance: { kind: 'explicit', range: width.range ?? anchor } };
  }
  const only = (width ?? height)!;
  return unknownFact<Resolution | null>(
    t('only one of the video width and height is written: the other is not documented', '只设置了视频宽高中的一项：另一项的取值没有文档说明'),
    only.range ?? anchor,
  );
}

// ---------------------------------------------------------------------------------------------
// Rooms

function pusherRoom(tag: Tag, lines: Lines, trtcEvidence: boolean, notes: Message[]): DetectedRoom | undefined {
  const anchor = lines.range(tag.from, tag.nameTo);
  const ranges: SourceRange[] = [anchor];
  const urlAttr = attrOf(tag, 'url');
  const url = valueOf(urlAttr);
  const urlRange = urlAttr ? lines.range(urlAttr.from, urlAttr.to) : anchor;
  let scene: Part<Scene>;
  let params = new Map<string, string>();
  // The URL's text when its start is written: a literal, or a template (room://…?roomid={{roomID}}&…).
  const raw = (urlAttr?.value ?? '').trim();
  const urlText =
    url.kind === 'literal'
      ? url.text
      : url.kind === 'constant' && typeof url.value === 'string'
        ? url.value
        : url.kind === 'bound' && isTrtcUrl(raw)
          ? raw
          : undefined;
  if (urlText !== undefined) {
    if (!isTrtcUrl(urlText)) {
      if (urlText.length > 0) {
        notes.push({
          code: 'wxml.live-pusher-not-trtc',
          text: t(
            `<live-pusher> at line ${anchor.start.line + 1} pushes to ${shortExpr(urlText)}: not a TRTC room, not estimated`,
            `第 ${anchor.start.line + 1} 行的 <live-pusher> 推流到 ${shortExpr(urlText)}：不是 TRTC 房间，不做估算`,
          ),
        });
      }
      if (urlText.length > 0 || !trtcEvidence) return undefined;
      scene = { kind: 'unknown', reason: t('<live-pusher> has an empty url', '<live-pusher> 的 url 为空'), range: urlRange };
    } else {
      params = urlParams(urlText);
      const appscene = params.get('appscene');
      const s = appscene === undefined ? undefined : sceneOfName(appscene);
      if (appscene === undefined) {
        scene = {
          kind: 'default',
          value: 'call',
          reason: t('the room URL has no appscene: it joins as a call (videocall)', '房间 URL 未指定 appscene：以通话（videocall）方式进房'),
          range: urlRange,
        };
      } else if (appscene.includes('{{')) scene = { kind: 'unknown', reason: whyBound('appscene', appscene), range: urlRange };
      else if (s) scene = { kind: 'explicit', value: s, range: urlRange };
      else
        scene = {
          kind: 'unknown',
          reason: t(`appscene=${shortExpr(appscene)} is not a scene detection recognizes`, `无法识别 appscene=${shortExpr(appscene)}`),
          range: urlRange,
        };
    }
  } else {
    // The URL is set at run time: TRTC only if the page shows it (a trtc name, a room:// URL).
    if (!trtcEvidence) {
      notes.push({
        code: 'wxml.live-pusher-unbound',
        text: t(
          `<live-pusher> at line ${anchor.start.line + 1} pushes to a URL set at run time: if it is a TRTC room, the room is configured in the page script`,
          `第 ${anchor.start.line + 1} 行的 <live-pusher> 推流地址在运行时设置：如果是 TRTC 房间，房间配置在页面脚本中`,
        ),
      });
      return undefined;
    }
    scene =
      url.kind === 'bound'
        ? {
            kind: 'unknown',
            reason: t(
              `the room URL is bound to page data ({{${shortExpr(url.expr)}}}): its appscene is set in the page script`,
              `房间 URL 绑定到页面数据（{{${shortExpr(url.expr)}}}）：appscene 在页面脚本中设置`,
            ),
            range: urlRange,
          }
        : {
            kind: 'unknown',
            reason: t('<live-pusher> has no url here: the room is set in the page script', '此处 <live-pusher> 没有 url：房间在页面脚本中设置'),
            range: anchor,
          };
  }
  if (urlAttr) ranges.push(urlRange);

  const cameraAttr = attrOf(tag, 'enable-camera');
  const cameraOn = booleanPart(cameraAttr, lines, true, t('<live-pusher> turns the camera on by default', '<live-pusher> 默认开启摄像头'));
  if (cameraAttr) ranges.push(lines.range(cameraAttr.from, cameraAttr.to));
  const service = serviceFact(scene, cameraOn, anchor);
  const role = roleFact(scene, undefined, anchor);

  let camera: Fact<Resolution | null>;
  if (cameraOn.kind !== 'unknown' && cameraOn.value === false) {
    camera =
      cameraOn.kind === 'explicit'
        ? { value: null, provenance: { kind: 'explicit', range: cameraOn.range ?? anchor } }
        : defaultFact<Resolution | null>(null, cameraOn.reason!);
  } else if (cameraOn.kind === 'unknown') {
    camera = unknownFact<Resolution | null>(cameraOn.reason!, cameraOn.range);
  } else {
    const wAttr = attrOf(tag, 'video-width');
    const hAttr = attrOf(tag, 'video-height');
    for (const a of [wAttr, hAttr]) if (a) ranges.push(lines.range(a.from, a.to));
    camera = resolutionFact(numberPart(wAttr, lines), numberPart(hAttr, lines), () => pusherDefaultSize(tag, lines, anchor), anchor);
  }

  const encsmall = params.get('encsmall');
  const smallStream =
    encsmall !== undefined && encsmall !== '0'
      ? unknownFact<Resolution | null>(
          encsmall === '1'
            ? t('the room URL sets encsmall=1 (a small stream): its resolution is not documented', '房间 URL 设置了 encsmall=1（小流）：小流分辨率没有文档说明')
            : whyBound('encsmall', encsmall),
          urlRange,
        )
      : defaultFact<Resolution | null>(
          null,
          t('the room URL does not set encsmall=1: no small stream', '房间 URL 未设置 encsmall=1：不发布小流'),
          urlAttr ? urlRange : undefined,
        );
  const recordId = params.get('userdefinerecordid') ?? params.get('recordid');
  const recording =
    recordId !== undefined
      ? unknownFact<RecordingSpec | null>(
          t(
            'the room URL names a recording id: cloud recording runs only if auto-recording is enabled in the console',
            '房间 URL 指定了录制 ID：仅当控制台开启自动录制时才会云端录制',
          ),
          urlRange,
        )
      : NO_RECORDING();
  return {
    sdk: 'miniprogram',
    range: anchor,
    service,
    role,
    camera,
    screen: NO_SCREEN(),
    smallStream,
    recording,
    mixTranscoding: NO_MIX(),
    relay: NO_RELAY(),
    receive: RECEIVE_ALL(),
    ranges,
  };
}

/** `<live-pusher>` without video-width/video-height: 360 × 640 in RTC mode, unless mode or aspect change it. */
function pusherDefaultSize(tag: Tag, lines: Lines, anchor: SourceRange): Fact<Resolution | null> {
  const modeAttr = attrOf(tag, 'mode');
  const mode = valueOf(modeAttr);
  if (mode.kind === 'bound') return unknownFact<Resolution | null>(whyBound('mode', mode.expr), lines.range(modeAttr!.from, modeAttr!.to));
  const modeText = mode.kind === 'literal' ? mode.text : mode.kind === 'constant' ? String(mode.value) : 'RTC';
  if (modeText.toUpperCase() !== 'RTC') {
    return unknownFact<Resolution | null>(
      t(`mode="${shortExpr(modeText)}" picks the resolution: its size is not documented`, `mode="${shortExpr(modeText)}" 决定分辨率：具体尺寸没有文档说明`),
      modeAttr ? lines.range(modeAttr.from, modeAttr.to) : anchor,
    );
  }
  const aspectAttr = attrOf(tag, 'aspect');
  const aspect = valueOf(aspectAttr);
  if (aspect.kind === 'bound') return unknownFact<Resolution | null>(whyBound('aspect', aspect.expr), lines.range(aspectAttr!.from, aspectAttr!.to));
  if (aspect.kind !== 'absent' && (aspect.kind === 'literal' ? aspect.text : String(aspect.value)) !== '9:16') {
    return unknownFact<Resolution | null>(
      t('aspect 3:4 changes the default size: the exact size is not documented', 'aspect 3:4 会改变默认尺寸：具体尺寸没有文档说明'),
      lines.range(aspectAttr!.from, aspectAttr!.to),
    );
  }
  return defaultFact<Resolution | null>(
    { width: 360, height: 640 },
    t("no video-width/video-height: <live-pusher>'s defaults are 360 × 640", '未设置 video-width/video-height：<live-pusher> 默认 360 × 640'),
    anchor,
  );
}

/** `config="{{ scene: 'live', enableCamera: false }}"`: literal key/value pairs (anything else is unknown). */
function inlineConfig(expr: string): Map<string, string | number | boolean | null> | undefined {
  let s = expr.trim();
  if (s.startsWith('{') && s.endsWith('}')) s = s.slice(1, -1);
  if (s.indexOf(':') < 0 || s.indexOf('?') >= 0) return undefined;
  const out = new Map<string, string | number | boolean | null>();
  for (const part of s.split(',')) {
    if (out.size >= 64) break;
    const colon = part.indexOf(':');
    if (colon < 0) return undefined;
    const key = part
      .slice(0, colon)
      .trim()
      .replace(/^['"]|['"]$/g, '');
    if (!/^[A-Za-z_$][\w$]*$/.test(key)) return undefined;
    const value = constantOf(part.slice(colon + 1).trim());
    out.set(key, value === undefined ? null : value); // null: written but not a literal
  }
  return out;
}

function trtcRoomRoom(tag: Tag, lines: Lines): DetectedRoom {
  const anchor = lines.range(tag.from, tag.nameTo);
  const ranges: SourceRange[] = [anchor];
  const configAttr = attrOf(tag, 'config');
  const config = valueOf(configAttr);
  const configRange = configAttr ? lines.range(configAttr.from, configAttr.to) : anchor;
  if (configAttr) ranges.push(configRange);
  const inline = config.kind === 'bound' ? inlineConfig(config.expr) : undefined;
  const facts = (): { scene: Part<Scene>; camera: Part<boolean>; width?: Part<number>; height?: Part<number>; role?: Part<Role> } => {
    if (!inline) {
      const why: Text =
        config.kind === 'bound'
          ? t(
              `config is bound to page data ({{${shortExpr(config.expr)}}}): scene, enableCamera and videoWidth/videoHeight are set in the page script`,
              `config 绑定到页面数据（{{${shortExpr(config.expr)}}}）：scene、enableCamera 和 videoWidth/videoHeight 在页面脚本中设置`,
            )
          : t('<trtc-room> has no config here: it is set in the page script', '此处 <trtc-room> 没有 config：配置在页面脚本中设置');
      return { scene: { kind: 'unknown', reason: why, range: configRange }, camera: { kind: 'unknown', reason: why, range: configRange } };
    }
    const literal = <T>(key: string, read: (v: string | number | boolean) => T | undefined, fallback: Part<T> | undefined): Part<T> | undefined => {
      if (!inline.has(key)) return fallback;
      const v = inline.get(key);
      const value = v === null || v === undefined ? undefined : read(v);
      if (value === undefined)
        return { kind: 'unknown', reason: t(`config.${key} is not a value detection recognizes here`, `无法识别此处的 config.${key}`), range: configRange };
      return { kind: 'explicit', value, range: configRange };
    };
    const scene = literal<Scene>('scene', (v) => (typeof v === 'string' ? sceneOfName(v) : undefined), {
      kind: 'default',
      value: 'call',
      reason: t("config has no scene: <trtc-room> defaults to 'rtc' (a call)", "config 未指定 scene：<trtc-room> 默认 'rtc'（通话）"),
      range: configRange,
    })!;
    const camera = literal<boolean>('enableCamera', (v) => (typeof v === 'boolean' ? v : undefined), {
      kind: 'default',
      value: true,
      reason: t('<trtc-room> turns the camera on by default', '<trtc-room> 默认开启摄像头'),
      range: configRange,
    })!;
    const num = (v: string | number | boolean) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);
    const role = literal<Role>('role', (v) => (v === 'audience' ? 'audience' : v === 'anchor' || v === 'presenter' ? 'anchor' : undefined), undefined);
    return { scene, camera, width: literal('videoWidth', num, undefined), height: literal('videoHeight', num, undefined), role };
  };
  const f = facts();
  const service = serviceFact(f.scene, f.camera, anchor);
  let role = roleFact(f.scene, f.role, anchor);
  if (!f.role && f.scene.kind === 'unknown') role = unknownFact<Role>(f.scene.reason!, f.scene.range);
  let camera: Fact<Resolution | null>;
  if (f.camera.kind === 'unknown') camera = unknownFact<Resolution | null>(f.camera.reason!, f.camera.range);
  else if (f.camera.value === false) camera = fact<Resolution | null>({ ...f.camera, value: null }, anchor);
  else {
    camera = resolutionFact(
      f.width,
      f.height,
      () =>
        defaultFact<Resolution | null>(
          { width: 360, height: 640 },
          t("config has no videoWidth/videoHeight: <trtc-room>'s defaults are 360 × 640", 'config 未设置 videoWidth/videoHeight：<trtc-room> 默认 360 × 640'),
          configRange,
        ),
      anchor,
    );
  }
  return {
    sdk: 'miniprogram',
    range: anchor,
    service,
    role,
    camera,
    screen: NO_SCREEN(),
    smallStream: defaultFact<Resolution | null>(null, t('<trtc-room> encodes no small stream unless the room URL asks for one', '<trtc-room> 默认不编码小流')),
    recording: NO_RECORDING(),
    mixTranscoding: NO_MIX(),
    relay: NO_RELAY(),
    receive: RECEIVE_ALL(),
    ranges,
  };
}

/** Cheap test before scanning: a page without these tags configures no TRTC room. */
const WXML_MARKERS = /live-pusher|trtc-room|live-player/i;
/** The page shows TRTC: a name or a room URL. */
const TRTC_EVIDENCE = /trtc|room:\/\//i;

/**
 * The TRTC rooms a WeChat Mini Program page (.wxml) configures. Never throws; linear in the text.
 * `fileName` is only used for notes.
 */
export function detectWxml(text: string, fileName?: string): DetectionResult {
  try {
    if (typeof text !== 'string' || text.length === 0 || !WXML_MARKERS.test(text)) return { rooms: [], notes: [] };
    const tags = scanTags(text);
    if (tags.length === 0) return { rooms: [], notes: [] };
    const lines = new Lines(text);
    const evidence = TRTC_EVIDENCE.test(withoutComments(text));
    const rooms: DetectedRoom[] = [];
    const notes: Message[] = [];
    for (const tag of tags) {
      if (rooms.length >= MAX_ROOMS) break;
      if (tag.name === 'trtc-room') rooms.push(trtcRoomRoom(tag, lines));
      else if (tag.name === 'live-pusher') {
        const room = pusherRoom(tag, lines, evidence, notes);
        if (room) rooms.push(room);
      }
    }
    // Players show the remote users of the page's room: hovering one shows that room.
    if (rooms.length > 0) {
      for (const tag of tags) if (tag.name === 'live-player' && rooms[0].ranges.length < 256) rooms[0].ranges.push(lines.range(tag.from, tag.nameTo));
    }
    return { rooms, notes: dedupeNotes(notes) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      rooms: [],
      notes: [
        {
          code: 'detect.internal-error',
          text: t(`Detection failed on ${fileName ?? 'this file'}: ${message}`, `检测 ${fileName ?? '此文件'} 时出错：${message}`),
        },
      ],
    };
  }
}

/** The text outside `<!-- -->` comments (a commented-out TRTC pusher is no evidence). */
function withoutComments(text: string): string {
  if (text.indexOf('<!--') < 0) return text;
  let out = '';
  let i = 0;
  for (;;) {
    const open = text.indexOf('<!--', i);
    if (open < 0) return out + text.slice(i);
    out += text.slice(i, open);
    const close = text.indexOf('-->', open + 4);
    if (close < 0) return out;
    i = close + 3;
  }
}

/** One note per code: a page with many pushers needs the explanation once. */
function dedupeNotes(notes: Message[]): Message[] {
  const out: Message[] = [];
  for (const n of notes) if (!out.some((o) => o.code === n.code)) out.push(n);
  return out;
}
