// Edition-gated features: only the calls written in the file, each with its line; nothing inferred.
import { strict as assert } from 'node:assert';
import { detectRooms } from '../../../src/core/detect/detect';

const WEB = [
  "import TRTC from 'trtc-sdk-v5';",
  'const trtc = TRTC.create();',
  "await trtc.enterRoom({ sdkAppId: 1400000001, userId: 'u1', userSig: 'sig', roomId: 8, scene: 'rtc' });",
  'await trtc.startLocalAudio();',
  "await trtc.startPlugin('AIDenoiser', { sdkAppId: 1400000001, userId: 'u1', userSig: 'sig' });",
  "await trtc.startPlugin('CDNStreaming', { target: { publishMode: 'PublishMainStreamToCDN' } });",
].join('\n');

const ANDROID = [
  'public class LiveAnchorActivity {',
  '  void start() {',
  '    TRTCCloud mTRTCCloud = TRTCCloud.sharedInstance(getApplicationContext());',
  '    mTRTCCloud.enterRoom(params, TRTCCloudDef.TRTC_APP_SCENE_LIVE);',
  '    mTRTCCloud.startPublishMediaStream(target, encoderParam, mixingConfig);',
  '  }',
  '}',
].join('\n');

const IOS = [
  'TRTCParams *p = [TRTCParams new];',
  'p.sdkAppId = 1400000001;',
  'p.strRoomId = @"room";',
  '[self.trtcCloud enterRoom:p appScene:TRTCAppSceneVideoCall];',
  '[self.trtcCloud startPublishMediaStream:target encoderParam:param mixingConfig:config];',
].join('\n');

// A Java server on the same classpath as the Android client code calls the AI and ingest actions.
const JAVA_SERVER = [
  'public class AiService {',
  '  void run(TrtcClient client) throws Exception {',
  '    StartAITranscriptionRequest req = new StartAITranscriptionRequest();',
  '    client.StartAITranscription(req);',
  '    StartStreamIngestRequest ingest = new StartStreamIngestRequest();',
  '    client.StartStreamIngest(ingest);',
  '  }',
  '}',
].join('\n');

describe('detect: edition-gated features', () => {
  it("Web SDK v5: startPlugin('AIDenoiser') needs Standard, at its line; another plugin is no feature", () => {
    const d = detectRooms(WEB, 'javascript', 'web/room.js');
    assert.equal(d.rooms.length, 1);
    assert.equal(d.features?.length, 1);
    const [f] = d.features!;
    assert.equal(f.feature, 'aiNoiseSuppression');
    assert.equal(f.minimumEdition, 'rtc-engine.standard');
    assert.equal(f.where.file, 'web/room.js');
    assert.equal(f.where.range.start.line, 4, "the 5th line, 0-based like VS Code's");
    assert.ok(f.text.en.includes('AIDenoiser') && f.text.zh.includes('AI 降噪'));
  });

  it('the plugin name must be written: a variable is not guessed to be the denoiser', () => {
    const d = detectRooms(WEB.replace("startPlugin('AIDenoiser'", 'startPlugin(pluginName'), 'javascript', 'web/room.js');
    assert.equal(d.features, undefined);
  });

  it('native Android / iOS: startPublishMediaStream is publishing to a CDN, not a gated feature', () => {
    const android = detectRooms(ANDROID, 'java', 'app/LiveAnchorActivity.java');
    assert.equal(android.rooms.length, 1);
    assert.equal(android.features, undefined);
    const ios = detectRooms(IOS, 'objective-c', 'ios/Room.m');
    assert.equal(ios.rooms.length, 1);
    assert.equal(ios.features, undefined);
  });

  it('server actions in Java: StartAITranscription needs Lite, StartStreamIngest Standard; request classes are not calls', () => {
    const d = detectRooms(JAVA_SERVER, 'java', 'server/AiService.java');
    const got = (d.features ?? []).map((f) => [f.feature, f.minimumEdition, f.where.range.start.line + 1]);
    assert.deepEqual(got, [
      ['publishMediaStream', 'rtc-engine.standard', 6],
      ['speechToText', 'rtc-engine.lite', 4],
    ]);
  });

  it('the same action in Python and Go', () => {
    const py = detectRooms('from tencentcloud.trtc.v20190722 import trtc_client\nresp = client.StartAIConversation(req)\n', 'python', 'ai.py');
    assert.deepEqual(
      py.features?.map((f) => [f.feature, f.where.range.start.line]),
      [['speechToText', 1]],
    );
    const go = detectRooms('package main\nfunc run() {\n  response, err := client.StartAITranscription(request)\n}\n', 'go', 'ai.go');
    assert.deepEqual(
      go.features?.map((f) => [f.feature, f.minimumEdition]),
      [['speechToText', 'rtc-engine.lite']],
    );
  });

  it('a file without such calls has no features field; hostile input does not throw', () => {
    assert.equal(detectRooms(WEB.split('\n').slice(0, 4).join('\n'), 'javascript', 'a.js').features, undefined);
    const many = "trtc.startPlugin('AIDenoiser', {});\n".repeat(5000);
    const d = detectRooms("import TRTC from 'trtc-sdk-v5';\n" + many, 'javascript', 'b.js');
    assert.ok((d.features?.length ?? 0) <= 4, 'bounded');
    // An unclosed call at the end of the text: read as far as it goes, no throw.
    assert.ok((detectRooms("trtc.startPlugin('AIDenoiser'", 'javascript', 'c.js').features?.length ?? 0) <= 1);
    assert.equal(detectRooms('trtc.startPlugin(', 'javascript', 'd.js').features, undefined);
  });
});
