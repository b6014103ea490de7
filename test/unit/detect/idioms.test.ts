// SDK idioms that change what is published, what is received and where a room is written.
import { strict as assert } from 'node:assert';
import { DEFAULT_ASSUMPTIONS, detectRooms, roomFromCode } from '../../../src/core/detect';
import type { DetectedRoom } from '../../../src/core/detect';
import { isSpace } from '../../../src/core/detect/units';

function only(text: string, language = 'typescript'): DetectedRoom {
  const r = detectRooms(text, language, 'test');
  assert.equal(r.rooms.length, 1, `expected one room, got ${r.rooms.length}`);
  return r.rooms[0];
}

describe('detection idioms (screen on the main stream)', () => {
  it('bills an Android anchor that sends its screen on the big stream as one screen stream', () => {
    const text = [
      'TRTCCloudDef.TRTCParams params = new TRTCCloudDef.TRTCParams();',
      'params.role = TRTCCloudDef.TRTCRoleAnchor;',
      'mTRTCCloud.enterRoom(params, TRTCCloudDef.TRTC_APP_SCENE_LIVE);',
      'TRTCCloudDef.TRTCVideoEncParam encParams = new TRTCCloudDef.TRTCVideoEncParam();',
      'encParams.videoResolution = TRTCCloudDef.TRTC_VIDEO_RESOLUTION_1920_1080;',
      'mTRTCCloud.startScreenCapture(TRTCCloudDef.TRTC_VIDEO_STREAM_TYPE_BIG, encParams, shareParams);',
    ].join('\n');
    const room = only(text, 'java');
    assert.equal(room.camera.value, null);
    assert.deepEqual(room.screen.value, { width: 1080, height: 1920 });
    // The size is written, the orientation (no videoResolutionMode) is not: a default that says so.
    assert.equal(room.screen.provenance.kind, 'default');
    assert.ok(room.screen.provenance.kind === 'default' && /sets 1920×1080 but no resolution mode/.test(room.screen.provenance.reason.en));
    const { room: built, assumptions } = roomFromCode(room, DEFAULT_ASSUMPTIONS);
    const anchors = built.participants.find((g) => g.role === 'anchor')!;
    assert.equal(anchors.publish.camera, null);
    assert.deepEqual(anchors.publish.screen, { width: 1080, height: 1920 });
    assert.ok(!assumptions.some((m) => m.code === 'assumption.camera' || m.code === 'assumption.screen'), 'nothing assumed about the video');
  });

  it('reads iOS in-app and ReplayKit capture on the big stream (Swift and Objective-C)', () => {
    const swift = only(
      'let enc = TRTCVideoEncParam()\nenc.videoResolution = ._960_540\ntrtc.startScreenCaptureInApp(.big, encParam: enc)\ntrtc.enterRoom(params, appScene: ' +
        '.LIVE)',
      'swift',
    );
    assert.equal(swift.camera.value, null);
    assert.deepEqual(swift.screen.value, { width: 540, height: 960 });
    const objc = only(
      'TRTCParams *p = [[TRTCParams alloc] init];\n[self.trtc startScreenCaptureByReplaykit:TRTCVideoStreamTypeBig encParam:nil appGroup:APPGROUP];\n' +
        '[self.trtc enterRoom:p appScene:TRTCAppSceneVideoCall];',
      'objective-c',
    );
    assert.equal(objc.camera.value, null);
    assert.equal(objc.screen.provenance.kind, 'unknown', 'no encoder parameters: the SDK chooses');
  });

  it('takes the main-stream encoder settings for a big-stream screen without its own parameters', () => {
    const text =
      'TRTCParams p = new TRTCParams();\nenc.videoResolution = TRTCCloudDef.TRTC_VIDEO_RESOLUTION_1280_720;\nenc.videoResolutionMode = ' +
      'TRTCCloudDef.TRTC_VIDEO_RESOLUTION_MODE_LANDSCAPE;\ncloud.setVideoEncoderParam(enc);\n' +
      'cloud.startScreenCapture(TRTCCloudDef.TRTC_VIDEO_STREAM_TYPE_BIG, null, share);\ncloud.enterRoom(p, TRTCCloudDef.TRTC_APP_SCENE_VIDEOCALL);';
    const room = only(text, 'java');
    assert.equal(room.camera.value, null);
    assert.deepEqual(room.screen.value, { width: 1280, height: 720 });
  });

  it('keeps the camera and the big-stream screen as candidates of the main stream when both are used', () => {
    const text =
      'TRTCParams p = new TRTCParams();\nenc.videoResolution = TRTCCloudDef.TRTC_VIDEO_RESOLUTION_640_360;\ncloud.setVideoEncoderParam(enc);\n' +
      'cloud.startLocalPreview(true, view);\nshare.videoResolution = TRTCCloudDef.TRTC_VIDEO_RESOLUTION_1280_720;\n' +
      'cloud.startScreenCapture(TRTCCloudDef.TRTC_VIDEO_STREAM_TYPE_BIG, share, sp);\ncloud.enterRoom(p, TRTCCloudDef.TRTC_APP_SCENE_VIDEOCALL);';
    const room = only(text, 'java');
    assert.deepEqual(room.camera.candidates, [
      { width: 720, height: 1280 },
      { width: 360, height: 640 },
    ]);
    assert.equal(room.screen.value, null);
  });
});

describe('detection idioms (what is published)', () => {
  const java = (lines: string[]): DetectedRoom =>
    only(
      ['TRTCParams p = new TRTCParams();', 'cloud.startLocalPreview(true, view);', ...lines, 'cloud.enterRoom(p, TRTCCloudDef.TRTC_APP_SCENE_VIDEOCALL);'].join(
        '\n',
      ),
      'java',
    );

  it('a camera muted unconditionally beside the preview is not published', () => {
    const old = java(['cloud.muteLocalVideo(true);']);
    assert.equal(old.camera.value, null);
    assert.equal(old.camera.provenance.kind, 'explicit');
    assert.equal(old.camera.provenance.kind === 'explicit' && old.camera.provenance.range.start.line, 2);
    const typed = java(['cloud.muteLocalVideo(TRTCCloudDef.TRTC_VIDEO_STREAM_TYPE_BIG, true);']);
    assert.equal(typed.camera.value, null);
    const objc = only(
      'TRTCParams *p = [[TRTCParams alloc] init];\n[self.trtc startLocalPreview:YES view:v];\n[self.trtc muteLocalVideo:TRTCVideoStreamTypeBig mute:YES];\n' +
        '[self.trtc enterRoom:p appScene:TRTCAppSceneVideoCall];',
      'objective-c',
    );
    assert.equal(objc.camera.value, null);
    const swift = only(
      'let p = TRTCParams()\ntrtc.startLocalPreview(true, view: v)\ntrtc.muteLocalVideo(.big, mute: true)\ntrtc.enterRoom(p, appScene: .videoCall)',
      'swift',
    );
    assert.equal(swift.camera.value, null);
  });

  it('a mute in a handler, a toggle or a variable makes "not published" one candidate', () => {
    const handler = java(['void onCameraOff() { cloud.muteLocalVideo(true); }']);
    assert.deepEqual(handler.camera.candidates, [{ width: 360, height: 640 }, null]);
    const toggle = java(['cloud.muteLocalVideo(true);', 'void onCameraOn() { cloud.muteLocalVideo(false); }']);
    assert.deepEqual(toggle.camera.candidates, [{ width: 360, height: 640 }, null]);
    const variable = java(['cloud.muteLocalVideo(muted);']);
    assert.deepEqual(variable.camera.candidates, [{ width: 360, height: 640 }, null]);
    const sub = java(['cloud.muteLocalVideo(TRTCCloudDef.TRTC_VIDEO_STREAM_TYPE_SUB, true);']);
    assert.deepEqual(sub.camera.value, { width: 360, height: 640 }, 'muting the sub stream leaves the camera alone');
    const unmute = java(['cloud.muteLocalVideo(false);']);
    assert.deepEqual(unmute.camera.value, { width: 360, height: 640 });
  });

  it('Web v5 publish: false captures without publishing; updateLocalVideo can turn it on or off', () => {
    const off = only("trtc.enterRoom({ scene: 'rtc' });\ntrtc.startLocalVideo({ view, publish: false, option: { profile: '720p' } });");
    assert.equal(off.camera.value, null);
    assert.equal(off.camera.provenance.kind === 'explicit' && off.camera.provenance.range.start.line, 1);
    const later = only(
      "trtc.enterRoom({ scene: 'rtc' });\ntrtc.startLocalVideo({ view, publish: false, option: { profile: '720p' } });\nasync function go() { await " +
        'trtc.updateLocalVideo({ publish: true }); }',
    );
    assert.deepEqual(later.camera.candidates, [{ width: 1280, height: 720 }, null]);
    const stop = only(
      "await trtc.enterRoom({ scene: 'rtc' });\nawait trtc.startLocalVideo({ option: { profile: '720p' } });\nawait trtc.updateLocalVideo({ publish: false });",
    );
    assert.equal(stop.camera.value, null);
    const button = only(
      "await trtc.enterRoom({ scene: 'rtc' });\nawait trtc.startLocalVideo({ option: { profile: '720p' } });\nbutton.onclick = async () => { await " +
        'trtc.updateLocalVideo({ publish: false }); };',
    );
    assert.deepEqual(button.camera.candidates, [{ width: 1280, height: 720 }, null]);
    const chosen = only("trtc.enterRoom({ scene: 'rtc' });\ntrtc.startLocalVideo({ publish: isTeacher, option: { profile: '720p' } });");
    assert.deepEqual(chosen.camera.candidates, [{ width: 1280, height: 720 }, null]);
  });

  it('Web v4 streams that are never published are not billed as published', () => {
    const text =
      "import TRTC from 'trtc-js-sdk';\nconst client = TRTC.createClient({ mode: 'rtc', sdkAppId, userId, userSig });\nconst s = TRTC.createStream({ " +
      'audio: true, video: true });\nawait s.initialize();';
    const room = only(text, 'javascript');
    assert.equal(room.camera.value, null);
    assert.equal(room.camera.provenance.kind, 'default');
    const published = only(text + '\nawait client.publish(s);', 'javascript');
    assert.deepEqual(published.camera.value, { width: 640, height: 480 });
    // Publishing nothing in a video room still bills the other publishers' camera, as an assumption.
    const { room: built, assumptions } = roomFromCode(room, DEFAULT_ASSUMPTIONS);
    assert.deepEqual(built.participants[0].publish.camera, DEFAULT_ASSUMPTIONS.defaultCamera);
    assert.ok(assumptions.some((m) => m.code === 'assumption.camera'));
  });
});

describe('detection idioms (what is received)', () => {
  const receiveOf = (text: string, language = 'typescript'): unknown => {
    const r = only(text, language).receive;
    return r.value ?? { candidates: r.candidates, from: r.provenance.kind };
  };

  it('receives everything by default', () => {
    const r = only("trtc.enterRoom({ scene: 'rtc' });");
    assert.equal(r.receive.value, 'all');
    assert.equal(r.receive.provenance.kind, 'default');
  });

  it('Web v5 autoReceiveVideo: false without playing video is audio only; with plays of every user, all', () => {
    assert.equal(receiveOf("trtc.enterRoom({ scene: 'rtc', autoReceiveVideo: false });"), 'audio-only');
    const plays = only(
      "trtc.enterRoom({ scene: 'rtc', autoReceiveVideo: false });\ntrtc.on(TRTC.EVENT.REMOTE_VIDEO_AVAILABLE, ({ userId, streamType }) => {\n  " +
        'trtc.startRemoteVideo({ userId, streamType, view: userId });\n});',
    );
    assert.equal(plays.receive.value, 'all');
    assert.equal(plays.receive.provenance.kind, 'default');
    const teacher =
      "trtc.enterRoom({ scene: 'rtc', autoReceiveVideo: false });\ntrtc.on(TRTC.EVENT.REMOTE_VIDEO_AVAILABLE, ({ userId, streamType }) => {\n  if (userId " +
      "=== teacherId) {\n    trtc.startRemoteVideo({ userId, streamType, view: 'teacher' });\n  }\n});";
    assert.equal(receiveOf(teacher), 'some');
    assert.deepEqual(receiveOf("trtc.enterRoom({ scene: 'rtc', autoReceiveVideo: opts.video });"), { candidates: undefined, from: 'unknown' });
    assert.equal(receiveOf("trtc.enterRoom({ scene: 'rtc' });\ntrtc.startRemoteVideo({ userId, streamType, view, option: { small: true } });"), 'small');
  });

  it('native muteAllRemoteVideoStreams, muteRemoteVideoStream and the small stream', () => {
    const java = (line: string): unknown =>
      receiveOf(`TRTCParams p = new TRTCParams();\ncloud.enterRoom(p, TRTCCloudDef.TRTC_APP_SCENE_VIDEOCALL);\n${line}`, 'java');
    assert.equal(java('cloud.muteAllRemoteVideoStreams(true);'), 'audio-only');
    assert.deepEqual(java('void onAudioOnly() { cloud.muteAllRemoteVideoStreams(true); }'), { candidates: ['audio-only', 'all'], from: 'explicit' });
    assert.deepEqual(java('cloud.muteAllRemoteVideoStreams(videoOff);'), { candidates: undefined, from: 'unknown' });
    assert.equal(java('cloud.muteAllRemoteVideoStreams(false);'), 'all');
    assert.equal(java('cloud.muteRemoteVideoStream(userId, TRTCCloudDef.TRTC_VIDEO_STREAM_TYPE_BIG, true);'), 'some');
    assert.equal(java('cloud.setRemoteVideoStreamType(userId, TRTCCloudDef.TRTC_VIDEO_STREAM_TYPE_SMALL);'), 'small');
    assert.equal(java('cloud.setDefaultStreamRecvMode(true, false);'), 'audio-only');
    const swift = receiveOf('let p = TRTCParams()\ntrtc.enterRoom(p, appScene: .videoCall)\ntrtc.setRemoteVideoStreamType(userId, type: .small)', 'swift');
    assert.equal(swift, 'small');
  });

  it('Web v4 audio-only subscriptions', () => {
    const text =
      "import TRTC from 'trtc-js-sdk';\nconst client = TRTC.createClient({ mode: 'live', sdkAppId, userId, userSig });\nclient.on('stream-added', (e) => { " +
      'client.subscribe(e.stream, { audio: true, video: false }); });';
    assert.equal(receiveOf(text, 'javascript'), 'audio-only');
  });

  it('roomFromCode uses the receive fact for the groups the code runs as', () => {
    const call = roomFromCode(only("trtc.enterRoom({ scene: 'rtc', autoReceiveVideo: false });\ntrtc.startLocalVideo();"), DEFAULT_ASSUMPTIONS);
    assert.equal(call.room.participants[0].receive, 'audio-only');
    assert.ok(!call.assumptions.some((m) => m.code === 'assumption.receive'));
    const audience = roomFromCode(
      only("trtc.enterRoom({ scene: 'live', role: 'audience' });\ntrtc.startRemoteVideo({ userId, streamType, view, option: { small: true } });"),
      DEFAULT_ASSUMPTIONS,
    );
    assert.deepEqual(
      audience.room.participants.map((g) => g.receive),
      ['all', { from: ['anchors'], stream: 'small' }],
    );
    const m = audience.assumptions.find((x) => x.code === 'assumption.receive');
    assert.ok(m && /small stream/.test(m.text.en) && /小流/.test(m.text.zh), 'no small stream is published here: said');
    const some = roomFromCode(
      only('TRTCParams p = new TRTCParams();\ncloud.enterRoom(p, TRTCCloudDef.TRTC_APP_SCENE_VIDEOCALL);\ncloud.muteRemoteVideoStream(uid, true);', 'java'),
      DEFAULT_ASSUMPTIONS,
    );
    assert.equal(some.room.participants[0].receive, 'all');
    const said = some.assumptions.find((x) => x.code === 'assumption.receive');
    assert.ok(said && /some users/.test(said.text.en) && /部分用户/.test(said.text.zh) && /trtc-cost\.json/.test(said.text.en));
    const maybe = roomFromCode(
      only(
        'TRTCParams p = new TRTCParams();\ncloud.enterRoom(p, TRTCCloudDef.TRTC_APP_SCENE_VIDEOCALL);\nvoid f() { cloud.muteAllRemoteVideoStreams(true); }',
        'java',
      ),
      DEFAULT_ASSUMPTIONS,
    );
    assert.equal(maybe.room.participants[0].receive, 'all');
    assert.ok(maybe.assumptions.some((x) => x.code === 'assumption.receive' && /audio only or all video/.test(x.text.en)));
  });

  it('built rooms with a receive spec are accepted by the engine and bill less video', async () => {
    const { estimate, parseScenario } = await import('../../../src/core');
    const bill = (text: string): number => {
      const { room: r } = roomFromCode(only(text), DEFAULT_ASSUMPTIONS, 'f');
      const parsed = parseScenario({ version: 1, tariff: { region: 'mainland' }, period: { days: 30 }, rooms: [r], payment: { freeMinutes: false } });
      assert.deepEqual(parsed.errors, []);
      return Number(estimate(parsed.scenario!, { advice: false, today: '2026-01-15' }).total);
    };
    const all = bill("trtc.enterRoom({ scene: 'rtc' });\ntrtc.startLocalVideo({ option: { profile: '720p' } });");
    const audio = bill("trtc.enterRoom({ scene: 'rtc', autoReceiveVideo: false });\ntrtc.startLocalVideo({ option: { profile: '720p' } });");
    assert.ok(audio < all, `${audio} < ${all}`);
  });
});

describe('detection idioms (not rooms)', () => {
  const none = (text: string, language: string): void => assert.deepEqual(detectRooms(text, language).rooms, [], text);

  it('method declarations named enterRoom in any language', () => {
    none('Future<void> enterRoom(TRTCParams params, int scene) async {\n  return _channel.invokeMethod("enterRoom", {"param": params});\n}', 'dart');
    none('Future<void> enterRoom(TRTCParams params, TRTCAppScene scene) => _channel.invokeMethod("enterRoom");', 'dart');
    none('  Future<void> enterRoom(\n      TRTCParams params,\n      int scene) async {\n  }', 'dart');
    none('void TRTCCloudImpl::enterRoom(const TRTCParams& params, TRTCAppScene scene) {\n}', 'cpp');
    none('virtual void enterRoom(const TRTCParams& param, TRTCAppScene scene = TRTCAppSceneVideoCall) = 0;', 'cpp');
    none('public void enterRoom(TRTCCloudDef.TRTCParams params, int scene) {\n}', 'java');
    none('public void enterRoom(ref TRTCParams p, TRTCAppScene scene) {\n}', 'csharp');
    none('private fun enterRoom(params: TRTCCloudDef.TRTCParams, scene: Int = TRTCCloudDef.TRTC_APP_SCENE_LIVE) {}', 'kotlin');
    none('func enterRoom(_ params: TRTCParams, appScene: TRTCAppScene) {\n}', 'swift');
    none('- (void)enterRoom:(TRTCParams *)params appScene:(TRTCAppScene)scene {\n}', 'objective-c');
    none("import TRTC from 'trtc-sdk-v5';\nconst api = { ready: true, enterRoom(options) { return options; } };", 'typescript');
  });

  it('chat cards, strings and UI text that mention enterRoom', () => {
    none("const card = { cmd: 'enterRoom', roomId: 1, sdkAppId: 1400 };\ntim.sendMessage(JSON.stringify(card));", 'typescript');
    none('{"cmd":"enterRoom","data":{"roomId":123,"role":20,"scene":1}}', 'json');
    none("sendCustomMessage({ type: 'enterRoom', roomId, scene: 'live' });\nText(text: 'enterRoom');", 'typescript');
    none("const label = { text: 'enterRoom', params: new TRTCParams(), scene: TRTCAppScene.TRTCAppSceneLIVE };", 'typescript');
  });

  it('still finds the SDK call inside such a method', () => {
    const r = detectRooms(
      'class Room {\n  Future<void> enterRoom(TRTCParams params) async {\n    await trtcCloud.enterRoom(params, TRTCCloudDef.TRTC_APP_SCENE_LIVE);\n  }\n}',
      'dart',
    );
    assert.equal(r.rooms.length, 1);
    assert.equal(r.rooms[0].range.start.line, 2);
    const cs = detectRooms('void Join(TRTCParams p) {\n  mTRTCCloud.enterRoom(ref p, TRTCAppScene.TRTCAppSceneVideoCall);\n}', 'csharp');
    assert.equal(cs.rooms.length, 1);
  });

  it("TUIRoomKit: the app's own createRoom methods and facades are not rooms, the engine's call inside is", () => {
    // TUIRoomKit Web vue2: roomActionManager.ts start() calls this.createRoom(…), whose body calls the engine;
    // roomService.ts's createRoom(options) forwards to the manager.
    const manager =
      "import TUIRoomEngine from '@tencentcloud/tuiroom-engine-js';\nclass RoomActionManager {\n  async start(roomId) {\n    await this.createRoom({ " +
      "roomId, roomMode: 'FreeToSpeak' });\n  }\n" +
      '  async createRoom(options) {\n    const { roomEngine } = this.service;\n    await roomEngine.instance?.createRoom({ roomId: options.roomId, ' +
      'roomType: TUIRoomType.kConference });\n  }\n}\n';
    const rooms = detectRooms(manager, 'typescript').rooms;
    assert.deepEqual(
      rooms.map((r) => r.range.start.line),
      [7],
      'only the engine call',
    );
    const facade =
      "import { TUIRoomEngine } from '@tencentcloud/tuiroom-engine-js';\nclass RoomService {\n  async createRoom(options) {\n    await " +
      'this.roomActionManager.createRoom(options);\n  }\n}\n';
    assert.deepEqual(detectRooms(facade, 'typescript').rooms, []);
  });
});

describe('detection idioms (the code unit around a room)', () => {
  it('names the class and the method in Java, Kotlin, Swift, Objective-C, C++ and C#', () => {
    const java = only(
      'public class LiveActivity extends Activity {\n  private void enter(int roomId, String userId) {\n    TRTCCloudDef.TRTCParams p = new ' +
        'TRTCCloudDef.TRTCParams();\n    p.roomId = roomId;\n    cloud.enterRoom(p, TRTCCloudDef.TRTC_APP_SCENE_LIVE);\n  }\n}',
      'java',
    );
    assert.deepEqual(java.owner, { kind: 'class', name: 'LiveActivity' });
    assert.deepEqual(java.enclosingFunction, { name: 'enter', params: ['roomId', 'userId'], dependsOnParams: true });
    const kotlin = only(
      'class CallActivity : AppCompatActivity() {\n  override fun onCreate(savedInstanceState: Bundle?) {\n    val p = TRTCCloudDef.TRTCParams()\n    ' +
        'trtc.enterRoom(p, TRTCCloudDef.TRTC_APP_SCENE_VIDEOCALL)\n  }\n}',
      'kotlin',
    );
    assert.deepEqual(kotlin.owner, { kind: 'class', name: 'CallActivity' });
    assert.deepEqual(kotlin.enclosingFunction, { name: 'onCreate', params: ['savedInstanceState'], dependsOnParams: false });
    const swift = only(
      'final class RoomViewController: UIViewController {\n  func join(roomId: UInt32, _ userId: String) {\n    let p = TRTCParams()\n    p.roomId = ' +
        'roomId\n    trtc.enterRoom(p, appScene: .videoCall)\n  }\n}',
      'swift',
    );
    assert.deepEqual(swift.owner, { kind: 'class', name: 'RoomViewController' });
    assert.deepEqual(swift.enclosingFunction, { name: 'join', params: ['roomId', 'userId'], dependsOnParams: true });
    const objc = only(
      '@implementation CallViewController\n- (void)enterWithRoomId:(UInt32)roomId userId:(NSString *)userId {\n    TRTCParams *p = [[TRTCParams alloc] ' +
        'init];\n    p.roomId = roomId;\n    [self.trtc enterRoom:p appScene:TRTCAppSceneVideoCall];\n}\n@end',
      'objective-c',
    );
    assert.deepEqual(objc.owner, { kind: 'class', name: 'CallViewController' });
    assert.deepEqual(objc.enclosingFunction, { name: 'enterWithRoomId:userId:', params: ['roomId', 'userId'], dependsOnParams: true });
    const cpp = only(
      'void MainWindow::onEnter(uint32_t roomId) {\n  liteav::TRTCParams params;\n  params.roomId = roomId;\n  cloud->enterRoom(params, ' +
        'liteav::TRTCAppScene::TRTCAppSceneLIVE);\n}',
      'cpp',
    );
    assert.deepEqual(cpp.owner, { kind: 'class', name: 'MainWindow' });
    assert.deepEqual(cpp.enclosingFunction, { name: 'onEnter', params: ['roomId'], dependsOnParams: true });
    const cs = only(
      'public partial class MainForm : Form {\n  private void Join() {\n    TRTCParams p = new TRTCParams();\n    mTRTCCloud.enterRoom(ref p, ' +
        'TRTCAppScene.TRTCAppSceneVideoCall);\n  }\n}',
      'csharp',
    );
    assert.deepEqual(cs.owner, { kind: 'class', name: 'MainForm' });
    assert.deepEqual(cs.enclosingFunction, { name: 'Join', params: [], dependsOnParams: false });
  });

  it('finds a web wrapper whose parameters flow into the room (demoEnterRoom(trtc, roomId))', () => {
    const wrapper = only(
      "import TRTC from 'trtc-sdk-v5';\nexport async function demoEnterRoom(trtc, roomId) {\n  const options = { sdkAppId, userId, userSig, roomId, scene: " +
        "'rtc' };\n  await trtc.enterRoom(options);\n}",
      'javascript',
    );
    assert.deepEqual(wrapper.owner, { kind: 'function', name: 'demoEnterRoom' });
    assert.deepEqual(wrapper.enclosingFunction, { name: 'demoEnterRoom', params: ['trtc', 'roomId'], dependsOnParams: true });
    const arrow = only("const join = async ({ roomId, role }: JoinOptions) => {\n  await trtc.enterRoom({ roomId, role, scene: 'live' });\n};");
    assert.deepEqual(arrow.enclosingFunction, { name: 'join', params: ['roomId', 'role'], dependsOnParams: true });
    const keysOnly = only("function start(roomId) {\n  trtc.enterRoom({ roomId: 8888, scene: 'rtc' });\n}");
    assert.equal(keysOnly.enclosingFunction?.dependsOnParams, false, 'a key named like the parameter is not the parameter');
    const top = only("trtc.enterRoom({ scene: 'rtc' });");
    assert.equal(top.owner, undefined);
    assert.equal(top.enclosingFunction, undefined);
  });

  it('names React components, Vue components and Flutter widgets', () => {
    const react = only(
      "export function VideoCall({ roomId }: Props) {\n  useEffect(() => {\n    trtc.enterRoom({ roomId, scene: 'rtc' });\n  }, []);\n  return <div " +
        'id="local" />;\n}',
      'typescriptreact',
    );
    assert.deepEqual(react.owner, { kind: 'component', name: 'VideoCall' });
    assert.deepEqual(react.enclosingFunction, { name: 'VideoCall', params: ['roomId'], dependsOnParams: true });
    const reactClass = only(
      "class Room extends React.Component {\n  async join() {\n    await this.trtc.enterRoom({ roomId: this.props.roomId, scene: 'live' });\n  }\n  " +
        'render() { return <div />; }\n}',
      'typescriptreact',
    );
    assert.deepEqual(reactClass.owner, { kind: 'component', name: 'Room' });
    const vue = only(
      "<script>\nimport TRTC from 'trtc-sdk-v5';\nexport default {\n  name: 'LiveRoom',\n  methods: {\n    async join(roomId) {\n      await " +
        "this.trtc.enterRoom({ roomId, scene: 'live' });\n    },\n  },\n};\n</script>",
      'vue',
    );
    assert.deepEqual(vue.owner, { kind: 'component', name: 'LiveRoom' });
    assert.deepEqual(vue.enclosingFunction, { name: 'join', params: ['roomId'], dependsOnParams: true });
    // Any whitespace between `export default` and its brace (a line break and a tab, a no-break space).
    for (const gap of ['\n\t', '\u00a0']) {
      const spaced = only(
        `<script>\nimport TRTC from 'trtc-sdk-v5';\nexport default${gap}{\n  name: 'LiveRoom',\n  methods: {\n    async join(roomId) {\n      await ` +
          "this.trtc.enterRoom({ roomId, scene: 'live' });\n    },\n  },\n};\n</script>",
        'vue',
      );
      assert.deepEqual(spaced.owner, { kind: 'component', name: 'LiveRoom' }, JSON.stringify(gap));
    }
    // The test by character code is the regular expression's \s, for every UTF-16 code unit.
    for (let c = 0; c < 65536; c++) assert.equal(isSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
    assert.equal(isSpace(NaN), false, 'past the end of the text');
    const flutter = only(
      'class _LivePageState extends State<LivePage> {\n  Future<void> _enter({required int roomId}) async {\n    await ' +
        'trtcCloud.enterRoom(TRTCParams(roomId: roomId), TRTCCloudDef.TRTC_APP_SCENE_LIVE);\n  }\n}',
      'dart',
    );
    assert.deepEqual(flutter.owner, { kind: 'widget', name: 'LivePage' });
    assert.deepEqual(flutter.enclosingFunction, { name: '_enter', params: ['roomId'], dependsOnParams: true });
  });

  it('names Python and Go functions around server calls', () => {
    const py = only(
      'class Recorder:\n    def start(self, room_id):\n        req = {"RoomId": room_id, "RecordParams": {"RecordMode": 1}}\n        ' +
        'client.CreateCloudRecording(req)\n',
      'python',
    );
    assert.deepEqual(py.owner, { kind: 'class', name: 'Recorder' });
    assert.deepEqual(py.enclosingFunction, { name: 'start', params: ['room_id'], dependsOnParams: true });
    const go = only(
      'func StartMix(client *trtc.Client, roomId uint64) (*trtc.StartMCUMixTranscodeResponse, error) {\n\treq := trtc.NewStartMCUMixTranscodeRequest()\n' +
        '\treq.RoomId = common.Uint64Ptr(roomId)\n\treturn client.StartMCUMixTranscode(req)\n}',
      'go',
    );
    assert.deepEqual(go.enclosingFunction, { name: 'StartMix', params: ['client', 'roomId'], dependsOnParams: true });
  });

  it('stays bounded on deeply nested and unbalanced input', () => {
    const deep = '{'.repeat(50000) + "trtc.enterRoom({ scene: 'rtc' });";
    const r = detectRooms(deep, 'typescript');
    assert.equal(r.rooms.length, 1);
    const flat = 'function f(a) {\n' + 'x = 1;\n'.repeat(100000) + "trtc.enterRoom({ scene: 'rtc', roomId: a });\n}";
    assert.equal(detectRooms(flat, 'typescript').rooms.length, 1);
  });
});

describe('detection idioms (desktop small stream, kit screen sharing, CSS relay)', () => {
  it('reads enableSmallVideoStream on Windows C++ and C# / Unity', () => {
    const cpp = only(
      'liteav::TRTCParams params;\ncloud->enterRoom(params, liteav::TRTCAppScene::TRTCAppSceneVideoCall);\ncloud->startLocalPreview(hwnd);\n' +
        'liteav::TRTCVideoEncParam small;\nsmall.videoResolution = liteav::TRTCVideoResolution_320_180;\ncloud->enableSmallVideoStream(true, small);',
      'cpp',
    );
    assert.deepEqual(cpp.smallStream.value, { width: 320, height: 180 });
    const cs = only(
      'TRTCParams p = new TRTCParams();\nmTRTCCloud.enterRoom(ref p, TRTCAppScene.TRTCAppSceneVideoCall);\nTRTCVideoEncParam small = new ' +
        'TRTCVideoEncParam();\nsmall.videoResolution = TRTCVideoResolution.TRTCVideoResolution_480_270;\nmTRTCCloud.enableSmallVideoStream(true, ref small);',
      'csharp',
    );
    assert.deepEqual(cs.smallStream.value, { width: 480, height: 270 });
    const off = only(
      'TRTCParams p = new TRTCParams();\nmTRTCCloud.enterRoom(ref p, TRTCAppScene.TRTCAppSceneVideoCall);\nmTRTCCloud.enableSmallVideoStream(false, ref ' +
        'small);',
      'csharp',
    );
    assert.equal(off.smallStream.value, null);
  });

  it('TUIRoomKit startScreenSharing shares a screen whose resolution the kit chooses', () => {
    const r = only(
      "import { TUIRoomEngine } from '@tencentcloud/tuiroom-engine-js';\nawait roomEngine.createRoom({ roomId, roomType: TUIRoomType.kConference });\n" +
        'await roomEngine.startScreenSharing();',
    );
    assert.equal(r.kit, 'TUIRoomKit');
    assert.equal(r.screen.provenance.kind, 'unknown');
    assert.match(r.screen.provenance.kind === 'unknown' ? r.screen.provenance.reason.en : '', /startScreenSharing/);
    const { room: built, assumptions } = roomFromCode(r, DEFAULT_ASSUMPTIONS);
    assert.deepEqual(built.participants[0].publish.screen, DEFAULT_ASSUMPTIONS.defaultCamera);
    assert.ok(assumptions.some((m) => m.code === 'assumption.screen'));
  });

  it('streamId in the room parameters relays to Tencent Cloud CSS, with a note', () => {
    const r = detectRooms(
      'TRTCCloudDef.TRTCParams p = new TRTCCloudDef.TRTCParams();\np.streamId = "live_" + roomId;\ncloud.enterRoom(p, TRTCCloudDef.TRTC_APP_SCENE_LIVE);',
      'java',
    );
    assert.equal(r.rooms.length, 1);
    assert.deepEqual(r.rooms[0].relay.value, { target: 'tencent-css' });
    assert.equal(r.rooms[0].relay.provenance.kind === 'explicit' && r.rooms[0].relay.provenance.range.start.line, 1);
    const note = r.notes.find((n) => n.code === 'detect.css-relay');
    assert.ok(note && /^Line 2: /.test(note.text.en) && /^第 2 行/.test(note.text.zh) && /no relay fee/.test(note.text.en));
    const v4 = detectRooms(
      "import TRTC from 'trtc-js-sdk';\nconst client = TRTC.createClient({ mode: 'live', sdkAppId, userId, userSig, streamId: 'cdn_' + userId });",
      'javascript',
    );
    assert.deepEqual(v4.rooms[0].relay.value, { target: 'tencent-css' });
    const empty = detectRooms(
      'TRTCCloudDef.TRTCParams p = new TRTCCloudDef.TRTCParams();\np.streamId = "";\ncloud.enterRoom(p, TRTCCloudDef.TRTC_APP_SCENE_LIVE);',
      'java',
    );
    assert.equal(empty.rooms[0].relay.value, null);
    assert.deepEqual(empty.notes, []);
  });

  it('uni-app reads the scene and role a component sets in data()', () => {
    const text =
      "<script>\nimport TrtcCloud from '@/TrtcCloud/lib/index';\nexport default {\n  data() { return { appScene: TRTCAppScene.TRTCAppSceneVoiceChatRoom, " +
      'role: TRTCRoleType.TRTCRoleAudience }; },\n  methods: { go() { this.trtcCloud.enterRoom({ roomId: this.roomId, role: this.role }, this.appScene); } ' +
      '},\n};\n</script>';
    const r = only(text, 'vue');
    assert.equal(r.service.value, 'voice-live');
    assert.equal(r.role.value, 'audience');
  });
});
