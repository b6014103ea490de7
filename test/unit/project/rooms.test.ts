// Grouping rules not covered by the project-file tests: a mini program page is one room across its script and markup.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeProject, defaultBaseSettings, detectFile, estimateLogicalRoom, projectSettings } from '../../../src/core/project';

const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', 'fixtures', 'miniprogram', name), 'utf8');
// The page's markup renders the pusher the script configures (trtc-wx binds its attributes from page data).
const MARKUP =
  '<view class="trtc-live">\n<live-pusher url="{{pusher.url}}" mode="RTC" enable-camera="{{pusher.enableCamera}}"></live-pusher>\n<live-player ' +
  'wx:for="{{playerList}}" src="{{item.src}}"></live-player>\n</view>\n';

describe('project: rooms of a mini program page', () => {
  it('counts a trtc-wx page once: the script is the room, its WXML is the same room', () => {
    const script = detectFile('pages/live/room.js', 'javascript', fixture('live-room-trtc-wx.js'));
    const markup = detectFile('pages/live/room.wxml', 'wxml', MARKUP);
    assert.equal(script.detection.rooms[0]?.sdk, 'miniprogram');
    assert.equal(markup.detection.rooms.length, 1, 'alone, the markup is a room with unknown facts');
    const project = analyzeProject([script, markup], projectSettings(defaultBaseSettings(), undefined));
    assert.equal(project.rooms.length, 1);
    const [room] = project.rooms;
    assert.deepEqual(
      room.sites.map((s) => s.key),
      [`pages/live/room.js:${script.detection.rooms[0].range.start.line + 1}`],
    );
    assert.ok(room.grouping.some((g) => g.code === 'grouping.page' && g.text.en.includes('pages/live/room.wxml')));
    assert.equal(room.room?.service, 'video-live', "the script's scene ('live'), not the markup's unknown one");
    // A WXML page of another name stays a room of its own.
    const other = detectFile('pages/other/index.wxml', 'wxml', MARKUP);
    assert.equal(analyzeProject([script, markup, other], projectSettings(defaultBaseSettings(), undefined)).sites.length, 2);
  });
});

describe('project: a sharer that enters as a call, viewers as live audience', () => {
  const web = (enter: string, media = '') => `import TRTC from 'trtc-sdk-v5';\nconst trtc = TRTC.create();\nawait trtc.enterRoom(${enter});\n${media}\n`;
  it('is one live room whose anchors publish what the sharer publishes', () => {
    const sharer = detectFile(
      'src/ScreenAnchorPage.js',
      'javascript',
      web("{ scene: 'rtc' }", "await trtc.startScreenShare({ option: { profile: '1080p' } });"),
    );
    const viewer = detectFile('src/ScreenAudiencePage.js', 'javascript', web("{ scene: 'live', role: 'audience' }"));
    const other = detectFile('src/MeetingPage.js', 'javascript', web("{ scene: 'rtc' }"));
    const project = analyzeProject([sharer, viewer, other], projectSettings(defaultBaseSettings(), undefined));
    assert.deepEqual(
      project.rooms.map((r) => `${r.name}:${r.room?.service}:${r.sites.length}`).sort(),
      ['MeetingPage (enterRoom):voice-call:1', 'Screen:video-live:2'],
      'the meeting page starts no video: audio only',
    );
    const screen = project.rooms.find((r) => r.name === 'Screen')!;
    assert.ok(screen.grouping.some((g) => g.code === 'grouping.call-into-live'));
    // The sharer's own hover must not say "video call" in a room billed as live. The Web 'live' scene does not say
    // video by itself, so the sharer's service is a default with the reason.
    const side = screen.sites.find((s) => s.file === 'src/ScreenAnchorPage.js')!;
    assert.equal(side.detected.service.value, 'video-live');
    assert.ok(side.detected.service.provenance.kind === 'default' && side.detected.service.provenance.reason.en.includes('live audience'));
    assert.equal(side.built?.service, 'video-live', 'the room of this side alone is the live room too');
    const anchors = screen.room!.participants.find((g) => g.role === 'anchor')!;
    assert.deepEqual(anchors.publish.screen, { width: 1920, height: 1080 });
    assert.equal(anchors.count, 1, 'live defaults: one anchor');
    assert.equal(screen.room!.participants.find((g) => g.role === 'audience')?.count, 100, 'and the live audience');
  });
});

describe('project: an Android sharer entering as VIDEOCALL, viewers as LIVE audience', () => {
  const java = (cls: string, body: string) =>
    `package com.example.screen;\nimport com.tencent.trtc.TRTCCloud;\nimport com.tencent.trtc.TRTCCloudDef;\npublic class ${cls} {\n  void enter() {\n    ` +
    `TRTCCloud trtc = TRTCCloud.sharedInstance(this);\n    TRTCCloudDef.TRTCParams params = new TRTCCloudDef.TRTCParams();\n${body}\n  }\n}\n`;
  it("gives the sharer's side the live service the viewers' code states (in code, pointing at the viewer)", () => {
    const sharer = detectFile(
      'screenshare/ScreenAnchorActivity.java',
      'java',
      java(
        'ScreenAnchorActivity',
        '    trtc.startScreenCapture(TRTCCloudDef.TRTC_VIDEO_STREAM_TYPE_BIG, null, null);\n    trtc.enterRoom(params, TRTCCloudDef.TRTC_APP_SCENE_VIDEOCALL);',
      ),
    );
    const viewer = detectFile(
      'screenshare/ScreenAudienceActivity.java',
      'java',
      java('ScreenAudienceActivity', '    params.role = TRTCCloudDef.TRTCRoleAudience;\n    trtc.enterRoom(params, TRTCCloudDef.TRTC_APP_SCENE_LIVE);'),
    );
    assert.equal(sharer.detection.rooms[0].service.value, 'video-call', 'alone, the sharer enters as a call');
    assert.equal(viewer.detection.rooms[0].service.provenance.kind, 'explicit');
    const project = analyzeProject([sharer, viewer], projectSettings(defaultBaseSettings(), undefined));
    assert.equal(project.rooms.length, 1);
    const [room] = project.rooms;
    assert.equal(room.room?.service, 'video-live');
    const side = room.sites.find((x) => x.file.endsWith('ScreenAnchorActivity.java'))!;
    const p = side.detected.service.provenance;
    assert.equal(side.detected.service.value, 'video-live');
    assert.ok(p.kind === 'explicit' && p.file === 'screenshare/ScreenAudienceActivity.java', JSON.stringify(p));
  });
});

describe('project: the two sides of a screen in one folder', () => {
  const web = (scene: string) => `import TRTC from 'trtc-sdk-v5';\nconst trtc = TRTC.create();\nawait trtc.enterRoom({ scene: '${scene}', role: 'anchor' });\n`;
  it("merges a folder's only two call sites of one service, and leaves a flat folder's rooms apart", () => {
    const s = projectSettings(defaultBaseSettings(), undefined);
    const pair = analyzeProject(
      [detectFile('src/chat/ChatRoomEntry.tsx', 'typescriptreact', web('live')), detectFile('src/chat/VoiceChatRoom.tsx', 'typescriptreact', web('live'))],
      s,
    );
    assert.equal(pair.rooms.length, 1);
    assert.ok(pair.rooms[0].grouping.some((g) => g.code === 'grouping.folder'));
    const flat = analyzeProject(
      ['ShopLive', 'ClassLive', 'ConcertLive'].map((n) => detectFile(`src/${n}.js`, 'javascript', web('live'))),
      s,
    );
    assert.equal(flat.rooms.length, 3, 'three rooms of one folder are three rooms');
  });
});

describe('project: a video scene that never sends video', () => {
  const entry = (media = '') =>
    `import TRTCCloud, { TRTCCloudDef, TRTCParams } from 'trtc-react-native';\nconst trtcCloud = TRTCCloud.sharedInstance();\nconst params = new ` +
    `TRTCParams({ sdkAppId: 1400000000, userId: 'u', userSig: 's', roomId: 1 });\nawait trtcCloud.enterRoom(params, ` +
    `TRTCCloudDef.TRTC_APP_SCENE_VIDEOCALL);\n${media}\n`;
  const s = projectSettings(defaultBaseSettings(), undefined);
  it('is a voice call by default, with the reason, when no side starts a camera, screen or small stream', () => {
    // The entry screen enters with the video scene; the room screen (another file) starts the microphone only.
    const room = 'const trtcCloud = TRTCCloud.sharedInstance();\ntrtcCloud.startLocalAudio(TRTCCloudDef.TRTC_AUDIO_QUALITY_DEFAULT);\n';
    const project = analyzeProject(
      [detectFile('src/voice_call/VoiceCallEntry.tsx', 'typescriptreact', entry()), detectFile('src/voice_call/VoiceCall.tsx', 'typescriptreact', room)],
      s,
    );
    assert.equal(project.rooms.length, 1);
    const [voice] = project.rooms;
    assert.equal(voice.room?.service, 'voice-call');
    assert.ok(voice.grouping.some((g) => g.code === 'grouping.audio-only' && g.text.en.includes('no camera') && g.text.zh.includes('只发送并计费音频')));
    const fact = voice.sites[0].detected.service;
    assert.equal(fact.value, 'voice-call');
    assert.equal(fact.provenance.kind, 'default', 'a conclusion from what the code does not do, not a value read from code');
    // Audio only: the voice room's bill equals the same room written as a voice call (2 publishers × 100 sessions ×
    // 30 min × 30 days = 180,000 audio minutes at 7 CNY per 1,000 = 1,260.00 CNY).
    const estimate = estimateLogicalRoom(voice, s);
    assert.ok(estimate.ok);
    assert.equal(Number(estimate.cost.monthly).toFixed(2), '1260.00');
    assert.equal(estimate.cost.mainTier, 'audio');
  });
  it("leaves an audience-only live room alone: an audience's code does not show what the anchors send", () => {
    const audience = `import TRTC from 'trtc-sdk-v5';\nconst trtc = TRTC.create();\nawait trtc.enterRoom({ scene: 'live', role: 'audience' });\n`;
    const project = analyzeProject([detectFile('src/LiveAudiencePage.js', 'javascript', audience)], s);
    assert.equal(project.rooms[0].room?.service, 'video-live');
    assert.ok(!project.rooms[0].grouping.some((g) => g.code === 'grouping.audio-only'));
  });
  it('stays a video call when a side starts the camera', () => {
    const project = analyzeProject([detectFile('src/video_call/VideoCallEntry.tsx', 'typescriptreact', entry('trtcCloud.startLocalPreview(true, null);'))], s);
    assert.equal(project.rooms[0].room?.service, 'video-call');
    assert.ok(!project.rooms[0].grouping.some((g) => g.code === 'grouping.audio-only'));
  });
});

describe('project: a Web SDK v4 screen-share client beside the camera client', () => {
  // TRTCSDK Web/base-js: RtcClient (camera) and ShareClient (screen only, its own client) in one js/ folder, with a
  // network-test page's client next to them.
  const client = (cls: string, stream: string) =>
    `class ${cls} {\n  constructor(options) {\n    this.client_ = TRTC.createClient({ mode: 'rtc', sdkAppId: options.sdkAppId, userId: options.userId, ` +
    `userSig: options.userSig });\n  }\n  async join() {\n    this.localStream_ = TRTC.createStream(${stream});\n    await ` +
    `this.localStream_.initialize();\n    await this.client_.join({ roomId: parseInt(this.roomId_) });\n    await ` +
    `this.client_.publish(this.localStream_);\n  }\n}\n`;
  const rtc = detectFile('js/rtc-client.js', 'javascript', client('RtcClient', '{ audio: true, video: true, userId: this.userId_ }'));
  const share = detectFile('js/share-client.js', 'javascript', client('ShareClient', '{ audio: false, screen: true, userId: this.userId_ }'));
  const test = detectFile(
    'js/device-testing.js',
    'javascript',
    "async function testUplink() {\n  const uplinkClient = TRTC.createClient({ mode: 'rtc', sdkAppId: 1, userId: 'u', userSig: 's' });\n  const stream = " +
      'TRTC.createStream({ audio: true, video: true });\n  await stream.initialize();\n  await uplinkClient.join({ roomId: 1846464 });\n  await ' +
      'uplinkClient.publish(stream);\n}\n',
  );
  const s = projectSettings(defaultBaseSettings(), undefined);
  it('is one room with the camera client, whose publishers also share the screen; the network test stays apart', () => {
    assert.equal(share.detection.rooms[0].camera.value, null, 'the share client sends no camera');
    assert.notEqual(share.detection.rooms[0].screen.value, null, 'but a screen');
    const project = analyzeProject([rtc, share, test], s);
    assert.equal(project.rooms.length, 2, project.rooms.map((r) => r.name).join(', '));
    const main = project.rooms.find((r) => r.sites.some((x) => x.file === 'js/rtc-client.js'))!;
    assert.deepEqual(main.sites.map((x) => x.file).sort(), ['js/rtc-client.js', 'js/share-client.js']);
    assert.ok(main.grouping.some((g) => g.code === 'grouping.screen-client'));
    const anchors = main.room!.participants.find((g) => g.role === 'anchor')!;
    assert.ok(anchors.publish.camera, 'camera from the camera client');
    assert.ok(anchors.publish.screen, 'and the screen from the share client');
  });
  it('stays apart when two camera clients could be the one it shares for', () => {
    const other = detectFile('js/other-client.js', 'javascript', client('OtherClient', '{ audio: true, video: true }'));
    const project = analyzeProject([rtc, share, other], s);
    assert.ok(!project.rooms.some((r) => r.grouping.some((g) => g.code === 'grouping.screen-client')));
  });
});

describe('project: notes', () => {
  it("name the file a note's line is in", () => {
    const text = [
      "import TRTC from 'trtc-js-sdk';",
      "const client = TRTC.createClient({ mode: 'rtc', sdkAppId, userId, userSig });",
      "const testClient = TRTC.createClient({ mode: 'rtc', sdkAppId, userId: 'test_' + userId, userSig });",
    ].join('\n');
    const file = detectFile('src/network-test.js', 'javascript', text);
    assert.equal(
      file.detection.notes[0].text.en,
      'Line 3: this createClient enters the same room as the call on line 2 (the same mode and role): the room is counted once.',
    );
    const project = analyzeProject([file], projectSettings(defaultBaseSettings(), undefined));
    assert.equal(project.rooms.length, 1);
    assert.deepEqual(
      project.notes.map((n) => n.text),
      [
        {
          en: 'src/network-test.js: Line 3: this createClient enters the same room as the call on line 2 (the same mode and role): the room is counted once.',
          zh: 'src/network-test.js 第 3 行：此处 createClient 与第 2 行的调用进入同一个房间（mode 与 role 相同），该房间只计一次。',
        },
      ],
    );
    // A note that already names its file (a detection failure) is not prefixed again.
    const failed = {
      ...file,
      detection: {
        rooms: [],
        notes: [{ code: 'detect.internal-error', text: { en: 'Detection failed on src/x.js: boom', zh: '检测 src/x.js 时出错：boom' } }],
      },
    };
    const both = analyzeProject([file, { ...failed, file: 'src/x.js' }], projectSettings(defaultBaseSettings(), undefined));
    assert.ok(both.notes.some((n) => n.text.en === 'Detection failed on src/x.js: boom'));
  });
});
