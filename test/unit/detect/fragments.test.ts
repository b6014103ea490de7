// Rooms whose media is configured in other files than the one that enters them: a file with no room of
// its own reports the media it states (DetectionResult.media), and the calls of the app's wrappers that
// enter a room (DetectOptions.wrappers → DetectionResult.wrapperCalls).
import { strict as assert } from 'node:assert';
import { detectRooms } from '../../../src/core/detect';
import type { DetectionResult, Fact, MediaFragment } from '../../../src/core/detect';

function media(result: DetectionResult): MediaFragment {
  assert.equal(result.rooms.length, 0, 'a fragment file enters no room');
  assert.ok(result.media, 'expected media');
  return result.media;
}

/** Stated by this file: the provenance points at the line (0-based) that states it. */
function statedAt(fact: Fact<unknown>, line: number): void {
  assert.ok(fact.provenance.range, `expected a range: ${JSON.stringify(fact.provenance)}`);
  assert.equal(fact.provenance.range.start.line, line);
}

/** Not stated by this file: unknown, without a range, with a reason in both languages; never an SDK default. */
function notStated(fact: Fact<unknown>): void {
  assert.equal(fact.provenance.kind, 'unknown', JSON.stringify(fact));
  assert.equal(fact.provenance.range, undefined);
  assert.equal(fact.value, undefined);
  assert.equal(fact.candidates, undefined);
  assert.ok(fact.provenance.kind === 'unknown' && fact.provenance.reason.en.length > 0 && fact.provenance.reason.zh.length > 0);
}

const RN_VIDEO_CALL = `import React from 'react';
import { View } from 'react-native';
import TRTCCloud, { TXVideoView } from 'trtc-react-native';

export default function VideoCall({ remoteUsers }) {
  return (
    <View>
      <TXVideoView.LocalView style={{ flex: 1 }} />
      {remoteUsers.map((u) => <TXVideoView.RemoteView key={u} userId={u} />)}
    </View>
  );
}
`;

const ROOMKIT_SCREEN_SHARE = `<template>
  <icon-button @click="toggleScreenShare" />
</template>
<script setup lang="ts">
import TUIRoomEngine from '@tencentcloud/tuiroom-engine-js';
import useGetRoomEngine from '../../../hooks/useRoomEngine';
const roomEngine = useGetRoomEngine();

async function toggleScreenShare() {
  await roomEngine.instance?.startScreenSharing();
}
</script>
`;

const WEB_PAGE = `import TRTC from 'trtc-sdk-v5';
import { demoEnterRoom } from '../util/demo-base.js';

const trtc = TRTC.create();
async function start() {
  await demoEnterRoom(trtc);
  await trtc.startScreenShare({ option: { profile: '720p' } });
}
`;

const DEMO_BASE = `import TRTC from 'trtc-sdk-v5';
export async function demoEnterRoom(trtc) {
  await trtc.enterRoom({ roomId: 8888, sdkAppId, userId, userSig });
}
function retry(trtc) {
  return demoEnterRoom(trtc);
}
`;

describe('media configured outside the room file', () => {
  it("a React Native screen rendering <TXVideoView.LocalView> publishes the camera; the rest is the room file's", () => {
    const m = media(detectRooms(RN_VIDEO_CALL, 'typescriptreact', 'VideoCall.tsx'));
    assert.equal(m.sdk, 'react-native');
    assert.equal(m.camera.provenance.kind, 'unknown', 'no encoder settings here: the resolution is not visible');
    assert.equal(m.camera.value, undefined);
    statedAt(m.camera, 7);
    notStated(m.screen);
    notStated(m.smallStream);
    notStated(m.receive);
    assert.deepEqual(m.owner, { kind: 'component', name: 'VideoCall' });
    assert.ok(
      m.ranges.some((r) => r.start.line === 7),
      'the LocalView element is one of the ranges',
    );
  });

  it('keeps explicit encoder settings written in the fragment file', () => {
    const text = RN_VIDEO_CALL.replace(
      'export default function VideoCall({ remoteUsers }) {',
      `export default function VideoCall({ remoteUsers }) {
  TRTCCloud.sharedInstance().setVideoEncoderParam({ videoResolution: TRTCCloudDef.TRTC_VIDEO_RESOLUTION_1280_720, videoResolutionMode: ` +
        `TRTCCloudDef.TRTC_VIDEO_RESOLUTION_MODE_PORTRAIT });`,
    );
    const m = media(detectRooms(text, 'typescriptreact', 'VideoCall.tsx'));
    assert.equal(m.camera.provenance.kind, 'explicit');
    assert.deepEqual(m.camera.value, { width: 720, height: 1280 });
  });

  it('a TUIRoomKit control that starts screen sharing states the screen, nothing else', () => {
    const m = media(detectRooms(ROOMKIT_SCREEN_SHARE, 'vue', 'ScreenShareControl/Index.vue'));
    assert.equal(m.sdk, 'kit');
    assert.equal(m.screen.provenance.kind, 'unknown');
    statedAt(m.screen, 9);
    assert.match(m.screen.provenance.kind === 'unknown' ? m.screen.provenance.reason.en : '', /startScreenSharing/);
    notStated(m.camera);
    notStated(m.smallStream);
    notStated(m.receive);
  });

  it('a Flutter state starting the camera: published, its resolution not a default', () => {
    const text = `import 'package:tencent_rtc_sdk/trtc_cloud.dart';
class UserListState extends State<UserList> {
  void openCamera(int viewId) {
    trtcCloud.startLocalPreview(true, viewId);
  }
}
`;
    const m = media(detectRooms(text, 'dart', 'user_list_state.dart'));
    assert.equal(m.sdk, 'flutter');
    assert.equal(m.camera.provenance.kind, 'unknown');
    assert.equal(m.camera.value, undefined, 'the SDK default 640×360 belongs to the room file, not this one');
    statedAt(m.camera, 3);
    notStated(m.screen);
    assert.deepEqual(m.owner, { kind: 'widget', name: 'UserList' });
  });

  it('a page entering the room through demoEnterRoom has its own media and the wrapper call', () => {
    const r = detectRooms(WEB_PAGE, 'javascript', 'screen-share.js', { wrappers: new Set(['demoEnterRoom']) });
    const m = media(r);
    assert.equal(m.sdk, 'web-v5');
    assert.equal(m.screen.provenance.kind, 'explicit');
    assert.deepEqual(m.screen.value, { width: 1280, height: 720 });
    statedAt(m.screen, 6);
    notStated(m.camera);
    assert.deepEqual(m.owner, { kind: 'function', name: 'start' });
    assert.equal(r.wrapperCalls?.length, 1);
    const call = r.wrapperCalls![0];
    assert.equal(call.name, 'demoEnterRoom');
    assert.deepEqual(call.range.start, { line: 5, character: 8 });
    assert.deepEqual(call.range.end, { line: 5, character: 27 });
    assert.deepEqual(call.owner, { kind: 'function', name: 'start' });
  });

  it('a screen share without a profile is unknown in a fragment, not the Web SDK default', () => {
    const m = media(detectRooms("import TRTC from 'trtc-sdk-v5';\nfunction share(trtc) {\n  trtc.startScreenShare();\n}\n", 'javascript'));
    assert.equal(m.screen.provenance.kind, 'unknown');
    assert.equal(m.screen.value, undefined);
    statedAt(m.screen, 2);
    assert.match(m.screen.provenance.kind === 'unknown' ? m.screen.provenance.reason.zh : '', /进房/);
  });

  it('a file that enters its room reports rooms, not a fragment', () => {
    const r = detectRooms("import TRTC from 'trtc-sdk-v5';\ntrtc.enterRoom({ scene: 'rtc' });\ntrtc.startScreenShare();\n", 'javascript');
    assert.equal(r.rooms.length, 1);
    assert.equal(r.media, undefined);
  });

  it('a file with no TRTC calls has neither media nor wrapper calls', () => {
    const plain = detectRooms("export function format(n) {\n  return String(n).padStart(2, '0');\n}\n", 'javascript', 'format.js', {
      wrappers: new Set(['demoEnterRoom']),
    });
    assert.deepEqual(plain, { rooms: [], notes: [] });
    const onlyImport = detectRooms("import TRTC from 'trtc-sdk-v5';\nexport const trtc = TRTC.create();\n", 'javascript', 'client.js', {
      wrappers: new Set(['demoEnterRoom']),
    });
    assert.equal(onlyImport.media, undefined);
    assert.equal(onlyImport.wrapperCalls, undefined);
  });

  it('a vendored SDK class forwarding its parameters states nothing', () => {
    const text = `export default class TrtcCloud {
  startLocalPreview(isFrontCamera, viewId) {
    return TrtcCloudImpl._getInstance().startLocalPreview(isFrontCamera, viewId);
  }
  setVideoEncoderParam(param) {
    return TrtcCloudImpl._getInstance().setVideoEncoderParam(param);
  }
}
`;
    assert.equal(detectRooms(text, 'javascript', 'TrtcCloud/lib/index.js').media, undefined);
  });
});

describe("calls of the app's room-entering wrappers", () => {
  it('a definition is not a call; the file defining the wrapper reports its other calls', () => {
    const r = detectRooms(DEMO_BASE, 'javascript', 'demo-base.js', { wrappers: new Set(['demoEnterRoom']) });
    assert.equal(r.rooms.length, 1);
    assert.deepEqual(
      r.wrapperCalls?.map((c) => [c.name, c.range.start.line, c.owner?.name]),
      [['demoEnterRoom', 5, 'retry']],
    );
    const none = detectRooms(DEMO_BASE.replace(/function retry[\s\S]*$/, ''), 'javascript', 'demo-base.js', { wrappers: new Set(['demoEnterRoom']) });
    assert.equal(none.wrapperCalls, undefined);
  });

  it('finds member calls, awaited calls and calls through this, in every declaration style', () => {
    const js = `class Page {
  async enterRoomWith(id) { await this.trtc.enterRoom({ roomId: id }); }
  onClick() { this.enterRoomWith(1); }
}
await helper.demoEnterRoom(trtc, 2);
const demoEnterRoom = async (trtc) => {};
`;
    const r = detectRooms(js, 'javascript', 'page.js', { wrappers: new Set(['enterRoomWith', 'demoEnterRoom']) });
    assert.deepEqual(
      r.wrapperCalls?.map((c) => [c.name, c.range.start.line, c.range.start.character]),
      [
        ['enterRoomWith', 2, 14],
        ['demoEnterRoom', 4, 6],
      ],
    );
    assert.deepEqual(r.wrapperCalls?.[0].owner, { kind: 'class', name: 'Page' });
    const dart = `class CallState extends State<Call> {
  Future<void> enterRoomWith(int id) async {
    await trtcCloud.enterRoom(params, TRTCCloudDef.TRTC_APP_SCENE_VIDEOCALL);
  }
  void onTap() { enterRoomWith(7); }
}
`;
    assert.deepEqual(
      detectRooms(dart, 'dart', 'call.dart', { wrappers: new Set(['enterRoomWith']) }).wrapperCalls?.map((c) => c.range.start.line),
      [4],
    );
    const java = 'public class A {\n  public void enterRoomWith(int id) {\n  }\n  void go() { enterRoomWith(5); }\n}\n';
    assert.deepEqual(
      detectRooms(java, 'java', 'A.java', { wrappers: new Set(['enterRoomWith']) }).wrapperCalls?.map((c) => c.range.start.line),
      [3],
    );
    const kotlin = 'fun Room.enterRoomWith(id: Int) {\n}\nfun go() { room.enterRoomWith(5) { ok -> } }\n';
    assert.deepEqual(
      detectRooms(kotlin, 'kotlin', 'A.kt', { wrappers: new Set(['enterRoomWith']) }).wrapperCalls?.map((c) => c.range.start.line),
      [2],
    );
    const objc =
      '@implementation Page\n- (void)enterRoomWith:(NSInteger)roomId {\n}\n- (void)go {\n  [self enterRoomWith:5];\n  [[Helper shared] enterRoomWith:6];\n' +
      '}\n@end\n';
    assert.deepEqual(
      detectRooms(objc, 'objective-c', 'Page.m', { wrappers: new Set(['enterRoomWith']) }).wrapperCalls?.map((c) => [
        c.range.start.line,
        c.range.start.character,
        c.range.end.character,
      ]),
      [
        [4, 2, 24],
        [5, 2, 35],
      ],
    );
    // A Swift call with a trailing closure is still a call; the declaration starts with `func`.
    const swift = 'class Page {\n  func enterRoomWith(id: Int) {\n  }\n  func go() { enterRoomWith(id: 1) { ok in } }\n}\n';
    assert.deepEqual(
      detectRooms(swift, 'swift', 'Page.swift', { wrappers: new Set(['enterRoomWith']) }).wrapperCalls?.map((c) => c.range.start.line),
      [3],
    );
    const py = 'class A:\n    def enter_room_with(self, rid):\n        pass\n    def go(self):\n        self.enter_room_with(3)\n';
    assert.deepEqual(
      detectRooms(py, 'python', 'a.py', { wrappers: new Set(['enter_room_with']) }).wrapperCalls?.map((c) => c.range.start.line),
      [4],
    );
  });

  it("takes the last segment of a qualified name and never counts the file's own anchor", () => {
    const text = "import TRTC from 'trtc-sdk-v5';\nasync function enterRoom(id) { await trtc.enterRoom({ roomId: id }); }\nenterRoom(3);\n";
    const r = detectRooms(text, 'javascript', 'x.js', { wrappers: new Set(['Service.enterRoom']) });
    assert.equal(r.rooms.length, 1);
    assert.deepEqual(
      r.wrapperCalls?.map((c) => c.range.start.line),
      [2],
    );
  });

  it('is bounded and never throws on hostile input', () => {
    const many = 'demoEnterRoom(trtc);\n'.repeat(5000);
    const r = detectRooms(many, 'javascript', 'many.js', { wrappers: new Set(['demoEnterRoom']) });
    assert.equal(r.wrapperCalls?.length, 256);
    const odd = new Set<unknown>([42, '', '   ', 'x'.repeat(10000), 'demoEnterRoom(']) as unknown as ReadonlySet<string>;
    assert.doesNotThrow(() => detectRooms('demoEnterRoom(((((', 'javascript', 'odd.js', { wrappers: odd }));
    assert.doesNotThrow(() => detectRooms('[[[self enterRoomWith:', 'objective-c', 'odd.m', { wrappers: new Set(['enterRoomWith']) }));
    assert.doesNotThrow(() => detectRooms('x', 'javascript', 'odd.js', { wrappers: 'demoEnterRoom' as unknown as ReadonlySet<string> }));
  });
});
