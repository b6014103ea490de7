// roomFromCode: a detected room plus stated assumptions is a scenario room the engine accepts.
import { strict as assert } from 'node:assert';
import { estimate, parseScenario } from '../../../src/core';
import { DEFAULT_ASSUMPTIONS, detectRooms, roomFromCode } from '../../../src/core/detect';
import type { DetectedRoom, RoomAssumptions } from '../../../src/core/detect';
import type { Message } from '../../../src/core';

function room(text: string, language = 'typescript'): DetectedRoom {
  const r = detectRooms(text, language, 'x');
  assert.equal(r.rooms.length, 1);
  return r.rooms[0];
}

function assertBilingualAndActionable(messages: Message[]): void {
  for (const m of messages) {
    assert.ok(m.code.startsWith('assumption.'), m.code);
    assert.ok(m.text.en.length > 10 && m.text.zh.length > 5);
    assert.match(m.text.en, /trtcCost\.assumptions\.\*|\.vscode\/trtc-cost\.json/);
    assert.match(m.text.zh, /trtcCost\.assumptions\.\*|\.vscode\/trtc-cost\.json/);
  }
}

describe('roomFromCode', () => {
  it('has documented, sensible defaults', () => {
    const a: RoomAssumptions = DEFAULT_ASSUMPTIONS;
    assert.equal(a.publishers, 2);
    assert.equal(a.livePublishers, 1);
    assert.equal(a.audience, 100);
    assert.equal(a.minutesPerSession, 30);
    assert.equal(a.sessionsPerDay, 100);
    assert.equal(a.daysPerMonth, 30);
    assert.deepEqual(a.defaultCamera, { width: 1280, height: 720 });
  });

  it('builds a call room with the detected camera and a 1-based source line', () => {
    const detected = room("\nconst trtc = TRTC.create();\ntrtc.enterRoom({ scene: 'rtc' });\ntrtc.startLocalVideo({ option: { profile: '720p' } });");
    const { room: r, assumptions } = roomFromCode(detected, DEFAULT_ASSUMPTIONS, 'web/call.ts');
    assert.equal(r.service, 'video-call');
    assert.deepEqual(r.source, { file: 'web/call.ts', line: 3, column: 1, endLine: 3, endColumn: 33 });
    assert.equal(r.participants.length, 1);
    assert.equal(r.participants[0].count, 2);
    assert.deepEqual(r.participants[0].publish.camera, { width: 1280, height: 720 });
    assert.equal(r.recording, null);
    assert.ok(assumptions.some((m) => m.code === 'assumption.participants'));
    assert.ok(assumptions.some((m) => m.code === 'assumption.usage'));
    assert.ok(!assumptions.some((m) => m.code === 'assumption.camera'), 'the camera is stated in code');
    assertBilingualAndActionable(assumptions);
  });

  it('picks the most expensive candidate and says so', () => {
    const detected = room("trtc.enterRoom({});\ntrtc.startLocalVideo({ option: { profile: hd ? '1080p' : '360p' } });");
    const { room: r, assumptions } = roomFromCode(detected, DEFAULT_ASSUMPTIONS);
    assert.deepEqual(r.participants[0].publish.camera, { width: 1920, height: 1080 });
    const m = assumptions.find((x) => x.code === 'assumption.camera');
    assert.ok(m);
    assert.match(m.text.en, /1920×1080/);
    assertBilingualAndActionable(assumptions);
  });

  it('uses the default camera when the code does not reveal it, and says so', () => {
    const detected = room('trtc.enterRoom({});\ntrtc.startLocalVideo({ option: { profile: settings.profile } });');
    const assumed = { ...DEFAULT_ASSUMPTIONS, defaultCamera: { width: 960, height: 540 } };
    const { room: r, assumptions } = roomFromCode(detected, assumed);
    assert.deepEqual(r.participants[0].publish.camera, { width: 960, height: 540 });
    const m = assumptions.find((x) => x.code === 'assumption.camera');
    assert.ok(m && /960×540/.test(m.text.en) && /960×540/.test(m.text.zh));
  });

  it('builds live rooms with anchors and audience; an audience client does not define the anchors camera', () => {
    const detected = room("trtc.enterRoom({ scene: 'live', role: 'audience' });\ntrtc.startRemoteVideo({ userId, streamType, view });");
    const { room: r, assumptions } = roomFromCode(detected, DEFAULT_ASSUMPTIONS);
    assert.equal(r.service, 'video-live');
    assert.deepEqual(
      r.participants.map((g) => [g.name, g.role, g.count]),
      [
        ['anchors', 'anchor', 1],
        ['audience', 'audience', 100],
      ],
    );
    assert.deepEqual(r.participants[0].publish.camera, DEFAULT_ASSUMPTIONS.defaultCamera);
    assert.deepEqual(r.participants[1].publish, { camera: null, audio: false });
    assert.ok(assumptions.some((m) => m.code === 'assumption.camera'));
  });

  it('publishes no video in voice rooms', () => {
    const detected = room(
      'TRTCParams p = new TRTCParams();\ncloud.startLocalAudio(1);\ncloud.enterRoom(p, TRTCCloudDef.TRTC_APP_SCENE_VOICE_CHATROOM);',
      'java',
    );
    const { room: r } = roomFromCode(detected, DEFAULT_ASSUMPTIONS);
    assert.equal(r.service, 'voice-live');
    assert.equal(r.participants[0].publish.camera, null);
  });

  it('assumes a video call for server rooms and keeps their recording', () => {
    const detected = room('client.CreateCloudRecording({ RecordParams: { RecordMode: 1, StreamType: 1 } });', 'javascript');
    const { room: r, assumptions } = roomFromCode(detected, DEFAULT_ASSUMPTIONS);
    assert.equal(r.service, 'video-call');
    assert.deepEqual(r.recording, { mode: 'single', content: 'audio-only' });
    assert.ok(assumptions.some((m) => m.code === 'assumption.service'));
    assertBilingualAndActionable(assumptions);
  });

  it('leaves out an uncertain recording and says so', () => {
    const detected = room("trtc.enterRoom({ scene: 'rtc', userDefineRecordId: 'class' });");
    const { room: r, assumptions } = roomFromCode(detected, DEFAULT_ASSUMPTIONS);
    assert.equal(r.recording, null);
    const m = assumptions.find((x) => x.code === 'assumption.recording');
    assert.ok(m && /auto-recording/.test(m.text.en));
  });

  it('produces rooms the scenario validator and the engine accept', () => {
    const texts: [string, string][] = [
      ["trtc.enterRoom({ scene: 'live' });\ntrtc.startLocalVideo({ option: { profile: '720p', small: true } });\ntrtc.startScreenShare();", 'typescript'],
      ['TRTCParams p = new TRTCParams();\ncloud.enterRoom(p, TRTCCloudDef.TRTC_APP_SCENE_VIDEOCALL);\ncloud.startLocalPreview(true, v);', 'java'],
      ['client.StartMCUMixTranscode({ EncodeParams: { VideoWidth: 1280, VideoHeight: 720 }, OutputParams: { StreamId: "s" } })', 'javascript'],
    ];
    for (const [text, language] of texts) {
      const { room: r } = roomFromCode(room(text, language), DEFAULT_ASSUMPTIONS, 'f');
      const parsed = parseScenario({ version: 1, tariff: { region: 'mainland' }, period: { days: 30 }, rooms: [r], payment: { freeMinutes: false } });
      assert.deepEqual(parsed.errors, [], JSON.stringify(r));
      const bill = estimate(parsed.scenario!, { advice: false, today: '2026-01-15' });
      assert.ok(Number(bill.total) > 0);
    }
  });
});
