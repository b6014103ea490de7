// SDK idioms that change what is published, what is received and where a room is written.
import { strict as assert } from 'node:assert';
import { DEFAULT_ASSUMPTIONS, detectRooms, roomFromCode } from '../../../src/core/detect';
import type { DetectedRoom } from '../../../src/core/detect';

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
    assert.equal(room.screen.provenance.kind, 'explicit');
    const { room: built, assumptions } = roomFromCode(room, DEFAULT_ASSUMPTIONS);
    const anchors = built.participants.find((g) => g.role === 'anchor')!;
    assert.equal(anchors.publish.camera, null);
    assert.deepEqual(anchors.publish.screen, { width: 1080, height: 1920 });
    assert.ok(!assumptions.some((m) => m.code === 'assumption.camera' || m.code === 'assumption.screen'), 'nothing assumed about the video');
  });

  it('reads iOS in-app and ReplayKit capture on the big stream (Swift and Objective-C)', () => {
    const swift = only('let enc = TRTCVideoEncParam()\nenc.videoResolution = ._960_540\ntrtc.startScreenCaptureInApp(.big, encParam: enc)\ntrtc.enterRoom(params, appScene: .LIVE)', 'swift');
    assert.equal(swift.camera.value, null);
    assert.deepEqual(swift.screen.value, { width: 540, height: 960 });
    const objc = only('TRTCParams *p = [[TRTCParams alloc] init];\n[self.trtc startScreenCaptureByReplaykit:TRTCVideoStreamTypeBig encParam:nil appGroup:APPGROUP];\n[self.trtc enterRoom:p appScene:TRTCAppSceneVideoCall];', 'objective-c');
    assert.equal(objc.camera.value, null);
    assert.equal(objc.screen.provenance.kind, 'unknown', 'no encoder parameters: the SDK chooses');
  });

  it('takes the main-stream encoder settings for a big-stream screen without its own parameters', () => {
    const text = 'TRTCParams p = new TRTCParams();\nenc.videoResolution = TRTCCloudDef.TRTC_VIDEO_RESOLUTION_1280_720;\nenc.videoResolutionMode = TRTCCloudDef.TRTC_VIDEO_RESOLUTION_MODE_LANDSCAPE;\ncloud.setVideoEncoderParam(enc);\ncloud.startScreenCapture(TRTCCloudDef.TRTC_VIDEO_STREAM_TYPE_BIG, null, share);\ncloud.enterRoom(p, TRTCCloudDef.TRTC_APP_SCENE_VIDEOCALL);';
    const room = only(text, 'java');
    assert.equal(room.camera.value, null);
    assert.deepEqual(room.screen.value, { width: 1280, height: 720 });
  });

  it('keeps the camera and the big-stream screen as candidates of the main stream when both are used', () => {
    const text = 'TRTCParams p = new TRTCParams();\nenc.videoResolution = TRTCCloudDef.TRTC_VIDEO_RESOLUTION_640_360;\ncloud.setVideoEncoderParam(enc);\ncloud.startLocalPreview(true, view);\nshare.videoResolution = TRTCCloudDef.TRTC_VIDEO_RESOLUTION_1280_720;\ncloud.startScreenCapture(TRTCCloudDef.TRTC_VIDEO_STREAM_TYPE_BIG, share, sp);\ncloud.enterRoom(p, TRTCCloudDef.TRTC_APP_SCENE_VIDEOCALL);';
    const room = only(text, 'java');
    assert.deepEqual(room.camera.candidates, [{ width: 720, height: 1280 }, { width: 360, height: 640 }]);
    assert.equal(room.screen.value, null);
  });
});
