// Detection rules from the issue, one by one, on small inputs.
import { strict as assert } from 'node:assert';
import { detectRooms, languageIdForFile } from '../../../src/core/detect';
import type { DetectedRoom } from '../../../src/core/detect';

function only(text: string, language = 'typescript'): DetectedRoom {
  const r = detectRooms(text, language, 'test');
  assert.equal(r.rooms.length, 1, `expected one room, got ${r.rooms.length}`);
  return r.rooms[0];
}

describe('detection rules', () => {
  it('ignores commented-out code in every comment syntax', () => {
    assert.equal(detectRooms("// trtc.enterRoom({ scene: 'live' })\n/* trtc.enterRoom({}) */", 'typescript').rooms.length, 0);
    assert.equal(detectRooms('# client.CreateCloudRecording(req)\n"""client.CreateCloudRecording(req)"""', 'python').rooms.length, 0);
    const room = only("import TRTC from 'trtc-sdk-v5';\ntrtc.enterRoom({ scene: 'rtc' });\n// trtc.startLocalVideo({ option: { profile: '1080p' } });\n");
    assert.equal(room.camera.value, null);
  });

  it('reads strings only where the SDK takes them', () => {
    assert.equal(detectRooms('console.log(\'trtc.enterRoom({ scene: "live" })\');', 'javascript').rooms.length, 0);
    const room = only("trtc.enterRoom({ scene: 'live', role: 'audience', userId: 'enterRoom' });");
    assert.equal(room.service.value, 'video-live');
    assert.equal(room.role.value, 'audience');
  });

  it('follows same-file constants to where the value is written', () => {
    const room = only(
      "import TRTC from 'trtc-sdk-v5';\nconst scene = TRTC.TYPE.SCENE_LIVE;\nconst p = '1080p';\ntrtc.enterRoom({ scene });\ntrtc.startLocalVideo({ " +
        'option: { profile: p } });',
    );
    assert.equal(room.service.value, 'video-live');
    assert.deepEqual(room.service.provenance.kind === 'explicit' && room.service.provenance.range.start.line, 1);
    assert.deepEqual(room.camera.value, { width: 1920, height: 1080 });
    assert.equal(room.camera.provenance.kind === 'explicit' && room.camera.provenance.range.start.line, 2);
  });

  it('reports a value chosen among several as candidates', () => {
    const room = only("trtc.enterRoom({ scene: 'rtc' });\ntrtc.startLocalVideo({ option: { profile: hd ? '720p' : '360p' } });");
    assert.equal(room.camera.value, undefined);
    assert.deepEqual(room.camera.candidates, [
      { width: 1280, height: 720 },
      { width: 640, height: 360 },
    ]);
    const sw = only(
      "let profile = '480p';\nswitch (q) { case 'hd': profile = '1080p'; break; }\ntrtc.enterRoom({});\ntrtc.startLocalVideo({ option: { profile } });",
    );
    assert.deepEqual(sw.camera.candidates, [
      { width: 640, height: 480 },
      { width: 1920, height: 1080 },
    ]);
  });

  it('says why a value is unknown', () => {
    const room = only('trtc.enterRoom({ scene: "rtc" });\ntrtc.startLocalVideo({ option: { profile: props.profile } });\nfunction f(props) {}');
    assert.equal(room.camera.provenance.kind, 'unknown');
    assert.match(room.camera.provenance.kind === 'unknown' ? room.camera.provenance.reason.en : '', /profile/);
  });

  it('takes audio-only from what the code publishes, not from the scene name', () => {
    const audioInVideoScene = only(
      'TRTCParams p = new TRTCParams();\ncloud.startLocalAudio(TRTCCloudDef.TRTC_AUDIO_QUALITY_SPEECH);\ncloud.enterRoom(p, ' +
        'TRTCCloudDef.TRTC_APP_SCENE_VIDEOCALL);',
      'java',
    );
    assert.equal(audioInVideoScene.service.value, 'voice-call');
    const videoInAudioScene = only(
      'TRTCParams p = new TRTCParams();\ncloud.startLocalPreview(true, view);\ncloud.enterRoom(p, TRTCCloudDef.TRTC_APP_SCENE_AUDIOCALL);',
      'java',
    );
    assert.equal(videoInAudioScene.service.value, 'video-call');
    assert.deepEqual(videoInAudioScene.camera.value, { width: 360, height: 640 });
    assert.equal(videoInAudioScene.camera.provenance.kind, 'default');
  });

  it('swaps width and height in portrait mode', () => {
    const landscape = only(
      'p = TRTCParams()\ncloud.startLocalPreview(view)\ne.videoResolution = TRTCVideoResolution_1280_720\ne.resMode = TRTCVideoResolutionModeLandscape\n' +
        'cloud.setVideoEncoderParam(e)\ncloud.enterRoom(p, TRTCAppSceneLIVE)',
      'cpp',
    );
    assert.deepEqual(landscape.camera.value, { width: 1280, height: 720 });
    const portrait = only(
      'p = TRTCParams()\ncloud.startLocalPreview(view)\ne.videoResolution = TRTCVideoResolution_1280_720\ne.resMode = TRTCVideoResolutionModePortrait\n' +
        'cloud.setVideoEncoderParam(e)\ncloud.enterRoom(p, TRTCAppSceneLIVE)',
      'cpp',
    );
    assert.deepEqual(portrait.camera.value, { width: 720, height: 1280 });
    const numeric = only(
      'p = TRTCParams()\ncloud.startLocalPreview(view)\ne.videoResolution = 114\ncloud.setVideoEncoderParam(e)\ncloud.enterRoom(p, 1)',
      'cpp',
    );
    assert.deepEqual(numeric.camera.value, { width: 1920, height: 1080 });
    assert.equal(numeric.service.value, 'video-live');
  });

  it('reads only the script blocks of a Vue component', () => {
    const text =
      "<template><div>trtc.enterRoom({ scene: 'live' })</div></template>\n<script>\nimport TRTC from 'trtc-sdk-v5';\nconst trtc = TRTC.create();\n" +
      "trtc.enterRoom({ scene: 'rtc' });\n</script>";
    const room = only(text, 'vue');
    assert.equal(room.range.start.line, 4);
    assert.equal(room.service.value, 'video-call');
  });

  it('anchors each room at its call and lists every contributing range', () => {
    const room = only(
      "const trtc = TRTC.create();\nawait trtc.enterRoom({ scene: 'live', role: 'anchor' });\nawait trtc.startLocalVideo({ option: { profile: '720p' } });",
    );
    assert.equal(room.range.start.line, 1);
    assert.ok(room.ranges.some((r) => r.start.line === 2));
  });

  it('maps file names to language ids', () => {
    assert.equal(languageIdForFile('src/a.ts'), 'typescript');
    assert.equal(languageIdForFile('C:\\app\\Main.kt'), 'kotlin');
    assert.equal(languageIdForFile('ViewController.m'), 'objective-c');
    assert.equal(languageIdForFile('Form.cs'), 'csharp');
    assert.equal(languageIdForFile('pages/index.nvue'), 'vue');
    assert.equal(languageIdForFile('types.d.ts'), undefined);
    assert.equal(languageIdForFile('README.md'), undefined);
    assert.equal(languageIdForFile('Makefile'), undefined);
  });

  it('ignores files without TRTC and unknown languages', () => {
    assert.deepEqual(detectRooms('const a = 1;', 'typescript'), { rooms: [], notes: [] });
    assert.deepEqual(detectRooms("trtc.enterRoom({ scene: 'live' })", 'markdown'), { rooms: [], notes: [] });
    assert.deepEqual(detectRooms('', 'typescript'), { rooms: [], notes: [] });
  });
});

describe('detection rules (rooms and notes)', () => {
  it('treats the Web SDK v4 screen-share client as the same room', () => {
    const text = [
      "import TRTC from 'trtc-js-sdk';",
      "const client = TRTC.createClient({ mode: 'rtc', sdkAppId, userId, userSig });",
      "const shareClient = TRTC.createClient({ mode: 'rtc', sdkAppId, userId: 'share_' + userId, userSig: shareSig });",
      'const camera = TRTC.createStream({ audio: true, video: true });',
      'const screen = TRTC.createStream({ audio: false, screen: true });',
      "screen.setScreenProfile('720p');",
      'await client.publish(camera);',
      'await shareClient.publish(screen);',
    ].join('\n');
    const r = detectRooms(text, 'javascript');
    assert.equal(r.rooms.length, 1);
    assert.deepEqual(r.rooms[0].camera.value, { width: 640, height: 480 });
    assert.deepEqual(r.rooms[0].screen.value, { width: 1280, height: 720 });
    // The second client is not lost: the room lists its call (a hover there shows the room), and a note says why.
    assert.equal(r.rooms[0].range.start.line, 1);
    assert.deepEqual(
      r.rooms[0].sameAs?.map((x) => [x.start.line, x.start.character]),
      [[2, 'const shareClient = '.length]],
    );
    const same = r.notes.filter((n) => n.code === 'detect.same-room');
    assert.equal(same.length, 1);
    assert.equal(same[0].text.en, 'Line 3: this createClient enters the same room as the call on line 2 (the same mode and role): the room is counted once.');
    assert.equal(same[0].text.zh, '第 3 行：此处 createClient 与第 2 行的调用进入同一个房间（mode 与 role 相同），该房间只计一次。');
  });

  it('keeps anchors of different roles as rooms of their own, without a same-room note', () => {
    const text = [
      "import TRTC from 'trtc-sdk-v5';",
      "await trtc.enterRoom({ sdkAppId, userId, userSig, roomId, scene: 'live', role: 'anchor' });",
      "await audience.enterRoom({ sdkAppId, userId, userSig, roomId, scene: 'live', role: 'audience' });",
    ].join('\n');
    const r = detectRooms(text, 'javascript');
    assert.equal(r.rooms.length, 2);
    assert.equal(
      r.notes.some((n) => n.code === 'detect.same-room'),
      false,
    );
    assert.equal(
      r.rooms.some((x) => x.sameAs),
      false,
    );
    // The same room entered twice (a retry path) in the Web SDK v5: one room, the note says "scene".
    const retry = detectRooms(text.replace("'audience'", "'anchor'"), 'javascript');
    assert.equal(retry.rooms.length, 1);
    assert.match(retry.notes.find((n) => n.code === 'detect.same-room')!.text.en, /^Line 3: this enterRoom .* \(the same scene and role\)/);
  });

  it('notes cost patterns it does not estimate', () => {
    const r = detectRooms("trtc.enterRoom({ scene: 'live' });\ntrtc.startPlugin('CrossRoom', { roomId: 2 });", 'typescript');
    assert.equal(r.notes.length, 1);
    assert.equal(r.notes[0].code, 'detect.cross-room');
    assert.match(r.notes[0].text.en, /^Line 2: /);
    assert.match(r.notes[0].text.zh, /^第 2 行/);
  });
});

describe('detection rules (language idioms)', () => {
  const camera = (text: string, language: string): unknown => {
    const r = only(text, language);
    return r.camera.value ?? r.camera.candidates;
  };

  it('Kotlin `when` and `apply`', () => {
    const text =
      'val res = when (quality) {\n  "hd" -> TRTCCloudDef.TRTC_VIDEO_RESOLUTION_1280_720\n  else -> TRTCCloudDef.TRTC_VIDEO_RESOLUTION_640_360\n}\nval enc ' +
      '= TRTCCloudDef.TRTCVideoEncParam().apply { videoResolution = res }\ntrtc.setVideoEncoderParam(enc)\ntrtc.startLocalPreview(true, view)\n' +
      'trtc.enterRoom(params, TRTCCloudDef.TRTC_APP_SCENE_VIDEOCALL)';
    assert.deepEqual(camera(text, 'kotlin'), [
      { width: 720, height: 1280 },
      { width: 360, height: 640 },
    ]);
  });

  it('Dart cascades', () => {
    const text =
      'final enc = TRTCVideoEncParam()\n  ..videoResolution = TRTCCloudDef.TRTC_VIDEO_RESOLUTION_960_540\n  ..videoFps = 15;\n' +
      'trtcCloud.setVideoEncoderParam(enc);\ntrtcCloud.startLocalPreview(true, 0);\ntrtcCloud.enterRoom(TRTCParams(role: TRTCCloudDef.TRTCRoleAnchor), ' +
      'TRTCCloudDef.TRTC_APP_SCENE_LIVE);';
    assert.deepEqual(camera(text, 'dart'), { width: 540, height: 960 });
  });

  it('Swift ternaries with implicit members (not optional chaining)', () => {
    const text =
      'let enc = TRTCVideoEncParam()\nenc.videoResolution = isPad ? ._1280_720 : ._640_360\ntrtc.setVideoEncoderParam(enc)\ntrtc.startLocalPreview(true, ' +
      'view: v)\ntrtc.enterRoom(p, appScene: .videoCall)';
    assert.deepEqual(camera(text, 'swift'), [
      { width: 720, height: 1280 },
      { width: 360, height: 640 },
    ]);
  });

  it('Python conditional expressions and dicts sent with from_json_string', () => {
    const r = only(
      'mode = 2 if mixed else 1\nparams = {"RecordParams": {"RecordMode": mode}}\nreq.from_json_string(json.dumps(params))\nclient.CreateCloudRecording(req)',
      'python',
    );
    assert.deepEqual(r.recording.candidates, [{ mode: 'mixed', output: { width: 360, height: 640 } }, { mode: 'single' }]);
  });

  it('raw HTTP calls naming the action in a header', () => {
    const r = only(
      "const body = { RoomId: '1', RecordParams: { RecordMode: 1 } };\nawait fetch(url, { method: 'POST', headers: { 'X-TC-Action': 'CreateCloudRecording' " +
        '}, body: JSON.stringify(body) });',
      'javascript',
    );
    assert.equal(r.sdk, 'server-rest');
    assert.deepEqual(r.recording.value, { mode: 'single' });
  });

  it('Go composite literals with pointer helpers', () => {
    const r = only(
      'req := trtc.NewStartMCUMixTranscodeRequest()\nreq.EncodeParams = &trtc.EncodeParams{VideoWidth: common.Uint64Ptr(640), VideoHeight: ' +
        'common.Uint64Ptr(360)}\nclient.StartMCUMixTranscode(req)',
      'go',
    );
    assert.deepEqual(r.mixTranscoding.value, { output: { width: 640, height: 360 } });
  });
});

describe('detection rules (parameters built elsewhere)', () => {
  it('reports scene and role as unknown when the room options are a parameter, not SDK defaults', () => {
    const web = only(
      "import TRTC from 'trtc-sdk-v5';\nexport async function join(trtc, options) {\n  await trtc.enterRoom(options);\n  await trtc.startLocalVideo();\n}",
      'javascript',
    );
    assert.equal(web.service.provenance.kind, 'unknown');
    assert.deepEqual(web.service.candidates, ['video-call', 'video-live']);
    assert.equal(web.role.provenance.kind, 'unknown');
    assert.match(web.role.provenance.kind === 'unknown' ? web.role.provenance.reason.en : '', /`options`/);
    const native = only('void join(TRTCCloudDef.TRTCParams params) {\n  cloud.enterRoom(params, TRTCCloudDef.TRTC_APP_SCENE_LIVE);\n}', 'java');
    assert.equal(native.service.value, 'video-live');
    assert.equal(native.role.provenance.kind, 'unknown');
  });
});

describe('detection rules (more patterns)', () => {
  it('reads the Web SDK v4 small stream', () => {
    const text =
      "import TRTC from 'trtc-js-sdk';\nconst client = TRTC.createClient({ mode: 'rtc' });\nawait client.enableSmallStream();\n" +
      'client.setSmallStreamProfile({ width: 160, height: 120, bitrate: 100, frameRate: 15 });\nconst s = TRTC.createStream({ audio: true, video: true });';
    assert.deepEqual(only(text, 'javascript').smallStream.value, { width: 160, height: 120 });
  });

  it('notes server calls it does not estimate, even without a room', () => {
    const r = detectRooms('client.StartStreamIngest({ SdkAppId: 1, RoomId: "r", StreamUrl: url })\n', 'javascript');
    assert.deepEqual(r.rooms, []);
    assert.deepEqual(
      r.notes.map((n) => n.code),
      ['detect.stream-ingest'],
    );
  });
});

describe('detection rules (declarations)', () => {
  it('does not take method declarations and interfaces for calls', () => {
    const text =
      "interface RoomService {\n  enterRoom(options: { scene: 'live' }): Promise<void>;\n}\nclass Wrapper {\n  async enterRoom(options) {\n    return " +
      'this.inner.enterRoom(options);\n  }\n}\n// TRTC';
    const r = detectRooms(text, 'typescript');
    assert.equal(r.rooms.length, 1, 'only the real call inside the wrapper');
    assert.equal(r.rooms[0].range.start.line, 5);
  });
});

describe('detection rules (guesses are labelled)', () => {
  it('labels video as assumed when a Web scene is known but the file publishes and plays nothing', () => {
    const r = only("trtc.enterRoom({ scene: 'live', role: 'audience' });");
    assert.equal(r.service.value, 'video-live');
    assert.equal(r.service.provenance.kind, 'default');
    const withVideo = only("trtc.enterRoom({ scene: 'live', role: 'audience' });\ntrtc.startRemoteVideo({ userId, streamType, view });");
    assert.equal(withVideo.service.provenance.kind, 'explicit');
  });
});
