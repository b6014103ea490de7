// From a detected room to a scenario room: what the code says, plus stated assumptions for what it
// cannot say (how many people, how long, how often). Every assumption becomes a bilingual message
// naming where to change it.

import type { Message, Text } from '../common';
import type { MixTranscodingSpec, ParticipantGroup, ReceiveSpec, RecordingSpec, RelaySpec, Resolution, Role, Room, Service } from '../scenario/types';
import type { DetectedRoom, Fact, ReceiveMode, RoomAssumptions, RoomFromCode } from './types';
import { area } from './tables';

/**
 * Defaults, chosen to be typical rather than flattering:
 * - 2 publishers: the most common TRTC room is a 1-to-1 call (tutoring, consultation, support).
 * - live: 1 anchor and 100 audience members, a small but real live class or stream.
 * - 30-minute sessions, 100 sessions a day, 30 days: a modest production app.
 * - 1280×720 camera when the code does not say: the HD tier, the most common camera setting in
 *   TRTC samples; guessing lower would understate the bill.
 */
export const DEFAULT_ASSUMPTIONS: RoomAssumptions = {
  publishers: 2,
  livePublishers: 1,
  audience: 100,
  minutesPerSession: 30,
  sessionsPerDay: 100,
  daysPerMonth: 30,
  defaultCamera: { width: 1280, height: 720 },
};

const WHERE: Text = {
  en: 'change it under "assumptions" in .vscode/trtc-cost.json or in the settings trtcCost.assumptions.*',
  zh: '可在 .vscode/trtc-cost.json 的 "assumptions" 中或设置 trtcCost.assumptions.* 中修改',
};

const WHERE_ROOM: Text = {
  en: 'set it per room in .vscode/trtc-cost.json',
  zh: '可在 .vscode/trtc-cost.json 中按房间设置',
};

const res = (r: Resolution): string => `${r.width}×${r.height}`;

function message(code: string, en: string, zh: string, where: Text = WHERE): Message {
  return { code, text: { en: `${en}; ${where.en}.`, zh: `${zh}；${where.zh}。` } };
}

interface Picked<T> {
  value: T | undefined;
  /** How the value was chosen when the code did not state exactly one. */
  how: 'stated' | 'candidates' | 'unknown';
}

/** The fact's value, or its most expensive candidate (by `cost`). */
function pick<T>(fact: Fact<T>, cost: (v: T) => number): Picked<T> {
  if (fact.value !== undefined) return { value: fact.value, how: 'stated' };
  if (fact.candidates && fact.candidates.length > 0) {
    let best = fact.candidates[0];
    for (const c of fact.candidates) if (cost(c) > cost(best)) best = c;
    return { value: best, how: 'candidates' };
  }
  return { value: undefined, how: 'unknown' };
}

function reasonOf(fact: Fact<unknown>): Text | undefined {
  return fact.provenance.kind === 'explicit' ? undefined : fact.provenance.reason;
}

function serviceCost(s: Service): number {
  return s.startsWith('video') ? 2 : 1;
}

function resolutionList(values: (Resolution | null)[]): string {
  return values.map((v) => (v ? res(v) : 'none')).join(', ');
}

export function roomFromCode(room: DetectedRoom, assumptions: RoomAssumptions, file?: string): RoomFromCode {
  const messages: Message[] = [];
  const line = room.range.start.line + 1;
  const fileName = file ?? '';
  // Service
  const service = pick(room.service, serviceCost);
  let svc: Service;
  if (service.value === undefined) {
    svc = 'video-call';
    const why = reasonOf(room.service);
    messages.push(
      message(
        'assumption.service',
        `Service not visible in code${why ? ` (${why.en})` : ''}: assumed a video call`,
        `代码中看不到服务类型${why ? `（${why.zh}）` : ''}：按视频通话计算`,
        WHERE_ROOM,
      ),
    );
  } else {
    svc = service.value;
    if (service.how === 'candidates') {
      messages.push(
        message(
          'assumption.service',
          `The code chooses the service among ${room.service.candidates!.join(', ')}: the most expensive, ${svc}, is used`,
          `代码在 ${room.service.candidates!.join('、')} 中选择服务：按最贵的 ${svc} 计算`,
          WHERE_ROOM,
        ),
      );
    }
  }
  const live = svc === 'video-live' || svc === 'voice-live';
  const video = svc === 'video-call' || svc === 'video-live';
  // Role of the detected client: an audience client tells nothing about the anchors' camera.
  const role = pick<Role>(room.role, (r) => (r === 'anchor' ? 2 : 1));
  const detectedIsAudience = live && role.value === 'audience' && role.how === 'stated';
  if (live && role.how === 'candidates') {
    messages.push(
      message(
        'assumption.role',
        'The code switches between anchor and audience: the camera settings found are used for the anchors',
        '代码在主播和观众之间切换角色：检测到的摄像头设置用于主播',
        WHERE_ROOM,
      ),
    );
  }
  // Camera of the publishers
  let camera: Resolution | null;
  if (!video) camera = null;
  else if (detectedIsAudience) {
    camera = assumptions.defaultCamera;
    messages.push(
      message(
        'assumption.camera',
        `This code joins as audience, so the anchors' camera is not visible: assumed ${res(camera)}`,
        `此代码以观众身份进房，看不到主播的摄像头设置：按 ${res(camera)} 计算`,
      ),
    );
  } else {
    const cam = pick(room.camera, area);
    if (cam.value === undefined) {
      camera = assumptions.defaultCamera;
      const why = reasonOf(room.camera);
      messages.push(
        message(
          'assumption.camera',
          `Camera resolution not visible in code${why ? ` (${why.en})` : ''}: assumed ${res(camera)}`,
          `代码中看不到摄像头分辨率${why ? `（${why.zh}）` : ''}：按 ${res(camera)} 计算`,
        ),
      );
    } else {
      camera = cam.value;
      if (cam.how === 'candidates') {
        messages.push(
          message(
            'assumption.camera',
            `The code chooses the camera resolution among ${resolutionList(room.camera.candidates!)}: the most ` +
              `expensive, ${camera ? res(camera) : 'none'}, is used`,
            `代码在 ${resolutionList(room.camera.candidates!)} 中选择摄像头分辨率：按最贵的 ${camera ? res(camera) : '无'} 计算`,
            WHERE_ROOM,
          ),
        );
      }
    }
    // A video room whose publishers send no camera and no screen still receives video from someone.
    if (camera === null && !room.screen.value && !(room.screen.candidates && room.screen.candidates.length > 0)) {
      camera = assumptions.defaultCamera;
      messages.push(
        message(
          'assumption.camera',
          `This code publishes no video in a video room, so the other publishers' camera is not visible: assumed ${res(camera)}`,
          `此代码在视频房间中不发布视频，看不到其他推流者的摄像头：按 ${res(camera)} 计算`,
        ),
      );
    }
  }
  // Screen and small stream
  const screen =
    video && !detectedIsAudience ? resolutionOrAssumed(room.screen, 'screen', assumptions.defaultCamera, messages, 'Screen share', '屏幕分享') : null;
  const small =
    video && !detectedIsAudience ? resolutionOrAssumed(room.smallStream, 'small-stream', { width: 320, height: 180 }, messages, 'Small stream', '小流') : null;
  // Participants
  const publish: ParticipantGroup['publish'] = { camera, audio: true };
  if (screen) publish.screen = screen;
  if (small) publish.smallStream = small;
  const participants: ParticipantGroup[] = [];
  // What the detected client receives applies to the groups this code runs as: everyone in a call;
  // in live, the stated role's group, or both when the role is not stated.
  const receiveFor = (group: 'participants' | 'anchors' | 'audience'): ReceiveSpec => {
    if (live && role.how === 'stated' && role.value !== (group === 'audience' ? 'audience' : 'anchor')) return 'all';
    // Video comes from the publishing group: the anchors in live, everyone in a call.
    return receiveSpec(room, video ? [live ? 'anchors' : 'participants'] : [], small !== null, messages, receiveNoted);
  };
  const receiveNoted = { done: false };
  if (live) {
    const anchors = assumptions.livePublishers ?? assumptions.publishers;
    participants.push({ name: 'anchors', count: anchors, role: 'anchor', publish, receive: receiveFor('anchors') });
    if (assumptions.audience > 0)
      participants.push({
        name: 'audience',
        count: assumptions.audience,
        role: 'audience',
        publish: { camera: null, audio: false },
        receive: receiveFor('audience'),
      });
    messages.push(
      message(
        'assumption.participants',
        `Assumed ${anchors} anchor(s) and ${assumptions.audience} audience member(s) per session (not visible in code)`,
        `假设每场 ${anchors} 位主播、${assumptions.audience} 位观众（代码中不可见）`,
      ),
    );
  } else {
    participants.push({ name: 'participants', count: assumptions.publishers, role: 'anchor', publish, receive: receiveFor('participants') });
    messages.push(
      message(
        'assumption.participants',
        `Assumed ${assumptions.publishers} participants per call, all publishing (not visible in code)`,
        `假设每次通话 ${assumptions.publishers} 人，都推流（代码中不可见）`,
      ),
    );
  }
  messages.push(
    message(
      'assumption.usage',
      `Assumed ${assumptions.sessionsPerDay} sessions a day of ${assumptions.minutesPerSession} minutes, ${assumptions.daysPerMonth} days a month (not ` +
        `visible in code)`,
      `假设每天 ${assumptions.sessionsPerDay} 场、每场 ${assumptions.minutesPerSession} 分钟、每月 ${assumptions.daysPerMonth} 天（代码中不可见）`,
    ),
  );
  // Value-added services
  const recording = optionalSpec<RecordingSpec>(
    room.recording,
    (r) => (r.mode === 'mixed' ? 2 : 1) * 1e8 + area(r.output),
    messages,
    'recording',
    'Cloud recording',
    '云端录制',
  );
  const mixTranscoding = optionalSpec<MixTranscodingSpec>(
    room.mixTranscoding,
    (m) => 1 + area(m.output ?? null),
    messages,
    'mixing',
    'Cloud mixing',
    '云端混流',
  );
  const relay = optionalSpec<RelaySpec>(room.relay, (r) => (r.target === 'third-party' ? 2 : 1), messages, 'relay', 'CDN relay', 'CDN 转推');
  const built: Room = {
    name: `${fileName || 'code'}:${line}`,
    service: svc,
    sessionsPerDay: assumptions.sessionsPerDay,
    minutesPerSession: assumptions.minutesPerSession,
    daysPerMonth: assumptions.daysPerMonth,
    participants,
    recording,
    mixTranscoding,
    relay,
    source: {
      file: fileName,
      line,
      column: room.range.start.character + 1,
      endLine: room.range.end.line + 1,
      endColumn: room.range.end.character + 1,
    },
  };
  return { room: built, assumptions: messages };
}

const RECEIVE_TEXT: Record<ReceiveMode, Text> = {
  all: { en: 'all video', zh: '全部视频' },
  'audio-only': { en: 'audio only', zh: '仅音频' },
  small: { en: 'the small stream', zh: '小流' },
  some: { en: "only some users' video", zh: '部分用户的视频' },
};

/**
 * The scenario's receive spec for one group from the detected receive fact. Anything not stated
 * exactly (candidates, unknown, "only some users") is received in full, and said once.
 */
function receiveSpec(room: DetectedRoom, videoFrom: string[], smallPublished: boolean, messages: Message[], noted: { done: boolean }): ReceiveSpec {
  const fact = room.receive;
  if (!fact) return 'all';
  const say = (en: string, zh: string): void => {
    if (noted.done) return;
    noted.done = true;
    messages.push(message('assumption.receive', en, zh, WHERE_ROOM));
  };
  if (fact.value === undefined) {
    const why = reasonOf(fact);
    const among = fact.candidates && fact.candidates.length > 0 ? fact.candidates : undefined;
    if (among)
      say(
        `The code receives ${among.map((c) => RECEIVE_TEXT[c].en).join(' or ')} depending on run-time choices: all video is assumed`,
        `代码根据运行时情况接收${among.map((c) => RECEIVE_TEXT[c].zh).join('或')}：按接收全部视频计算`,
      );
    else
      say(
        `What this code receives is not visible${why ? ` (${why.en})` : ''}: all video is assumed`,
        `看不到此代码接收哪些视频${why ? `（${why.zh}）` : ''}：按接收全部视频计算`,
      );
    return 'all';
  }
  switch (fact.value) {
    case 'audio-only':
      return 'audio-only';
    case 'small':
      if (videoFrom.length === 0) return 'all';
      if (!smallPublished)
        say(
          'The code subscribes to the small stream, but no small stream is published in this code: the big stream is billed',
          '代码订阅小流，但此代码未发布小流：按大流计算',
        );
      return { from: videoFrom, stream: 'small' };
    case 'some':
      say(
        "The code receives only some users' video; which and how many is not visible: all video is assumed",
        '代码只接收部分用户的视频，看不到是哪些、多少：按接收全部视频计算',
      );
      return 'all';
    default:
      return 'all';
  }
}

function resolutionOrAssumed(fact: Fact<Resolution | null>, code: string, assumed: Resolution, messages: Message[], en: string, zh: string): Resolution | null {
  const p = pick(fact, area);
  if (p.how === 'unknown') {
    const why = reasonOf(fact);
    messages.push(
      message(
        `assumption.${code}`,
        `${en} resolution not visible in code${why ? ` (${why.en})` : ''}: assumed ${res(assumed)}`,
        `代码中看不到${zh}分辨率${why ? `（${why.zh}）` : ''}：按 ${res(assumed)} 计算`,
      ),
    );
    return assumed;
  }
  if (p.how === 'candidates') {
    const v = p.value ?? null;
    messages.push(
      message(
        `assumption.${code}`,
        `The code chooses the ${en.toLowerCase()} resolution among ${resolutionList(fact.candidates!)}: the most expensive, ${v ? res(v) : 'none'}, is used`,
        `代码在 ${resolutionList(fact.candidates!)} 中选择${zh}分辨率：按最贵的 ${v ? res(v) : '无'} 计算`,
        WHERE_ROOM,
      ),
    );
    return v;
  }
  return p.value ?? null;
}

function optionalSpec<T>(fact: Fact<T | null>, cost: (v: T) => number, messages: Message[], code: string, en: string, zh: string): T | null {
  const p = pick<T | null>(fact, (v) => (v === null ? 0 : cost(v)));
  if (p.how === 'unknown') {
    const why = reasonOf(fact);
    messages.push(
      message(
        `assumption.${code}`,
        `${en} is uncertain${why ? ` (${why.en})` : ''}: not included`,
        `${zh}不确定${why ? `（${why.zh}）` : ''}：未计入`,
        WHERE_ROOM,
      ),
    );
    return null;
  }
  if (p.how === 'candidates') {
    messages.push(
      message(
        `assumption.${code}`,
        `The code may or may not use ${en.toLowerCase()} or chooses among settings: the most expensive is used`,
        `代码中${zh}有多种可能：按最贵的计算`,
        WHERE_ROOM,
      ),
    );
  }
  return p.value ?? null;
}
