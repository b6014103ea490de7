// The SDK registry (src/core/detect/sdks/): one entry per SDK, and everything derived from it agrees
// with what detection does: the SourceIndex keeps every declared call, the text prefilter lets each
// SDK's code through, each SDK's code is classified as that SDK, and the self-check catches conflicts.
import { strict as assert } from 'node:assert';
import { detectRooms } from '../../../src/core/detect';
import { CALL_HASHES, SourceIndex } from '../../../src/core/detect/sourceIndex';
import { familyForLanguage, languageIdForFile } from '../../../src/core/detect/languages';
import { hashName, releaseTokens, tokenize } from '../../../src/core/detect/lexer';
import {
  CALL_NAMES,
  SDKS,
  TRTC_MARKERS,
  classifyFile,
  prefilterFor,
  defineSdk,
  kitName,
  markerBit,
  nativeCameraDefault,
  registryProblems,
  sdkSpec,
  type SdkSpec,
} from '../../../src/core/detect/sdks';
import { SDK_IDS, type Sdk } from '../../../src/core/detect/types';

/** A tiny file per SDK, in one of its languages, that enters one room. */
const SNIPPETS: Record<Sdk, { language: string; text: string; kit?: string }> = {
  android: { language: 'java', text: 'mTRTCCloud.enterRoom(params, TRTCCloudDef.TRTC_APP_SCENE_VIDEOCALL);' },
  ios: { language: 'swift', text: 'trtc.enterRoom(params, appScene: .videoCall)' },
  windows: { language: 'cpp', text: 'm_pTRTCSDK->enterRoom(params, TRTCAppSceneVideoCall);' },
  unity: { language: 'csharp', text: 'using trtc;\nmTRTCCloud.enterRoom(ref trtcParams, TRTCAppScene.TRTCAppSceneVideoCall);' },
  flutter: { language: 'dart', text: 'trtcCloud.enterRoom(params, TRTCAppScene.videoCall);' },
  electron: { language: 'javascript', text: "import TRTCCloud from 'trtc-electron-sdk';\nrtc.enterRoom(param, TRTCAppScene.TRTCAppSceneVideoCall);" },
  'react-native': {
    language: 'javascript',
    text: "import TRTCCloud from 'trtc-react-native';\ntrtcCloud.enterRoom(param, TRTCAppScene.TRTCAppSceneVideoCall);",
  },
  'uni-app': {
    language: 'vue',
    text: "<script>\nimport TrtcCloud from '@/TrtcCloud/lib/index';\ntrtcCloud.enterRoom(params, TRTCAppScene.TRTCAppSceneVideoCall);\n</script>",
  },
  'web-v5': { language: 'typescript', text: "const trtc = TRTC.create();\nawait trtc.enterRoom({ roomId: 1, scene: 'rtc' });" },
  'web-v4': {
    language: 'javascript',
    text: "import TRTC from 'trtc-js-sdk';\nconst client = TRTC.createClient({ mode: 'rtc', sdkAppId, userId, userSig });\nawait client.join({ roomId: 1 });",
  },
  miniprogram: {
    language: 'javascript',
    text: "import TRTC from '../static/trtc-wx';\nthis.TRTC = new TRTC(this);\nthis.TRTC.enterRoom({ roomID: 1, scene: 'rtc' });",
  },
  kit: {
    language: 'typescript',
    text:
      "import { TUICallKitServer, TUICallMediaType } from '@tencentcloud/call-uikit-vue';\nTUICallKitServer.call({ userID: 'u', type: " +
      'TUICallMediaType.VIDEO });',
    kit: 'TUICallKit',
  },
  'server-rest': { language: 'python', text: 'req = models.CreateCloudRecordingRequest()\nresp = client.CreateCloudRecording(req)' },
};

/** The SourceIndex of a text (its tokens released after `f`). */
function withIndex<T>(text: string, language: string, f: (index: SourceIndex) => T): T {
  const family = familyForLanguage(language)!;
  const tokens = tokenize(text, family, undefined, true);
  try {
    return f(new SourceIndex(tokens, family));
  } finally {
    releaseTokens(tokens);
  }
}

describe('SDK registry', () => {
  it('has exactly one entry per Sdk id, and its self-check finds nothing', () => {
    assert.deepEqual(SDKS.map((s) => s.id).sort(), [...SDK_IDS].sort());
    for (const id of SDK_IDS) assert.equal(sdkSpec(id).id, id);
    assert.deepEqual(registryProblems(SDKS, SDK_IDS), []);
    for (const s of SDKS) assert.ok(s.name.en.length > 0 && s.name.zh.length > 0, `${s.id} has a display name in English and Chinese`);
  });

  it('indexes every call name an SDK declares, in the languages of that SDK', () => {
    const all = new Set<string>(CALL_NAMES);
    for (const s of SDKS as readonly SdkSpec[]) {
      const language = s.languages[0] ?? 'typescript';
      for (const name of s.calls) {
        assert.ok(all.has(name), `${s.id}: ${name} is among CALL_NAMES`);
        assert.equal(CALL_HASHES.get(hashName(name)), name, `${s.id}: ${name} is kept by hash`);
        const calls = withIndex(`x.${name}(1);\n`, language, (index) => index.callsOf(name as (typeof CALL_NAMES)[number]).length);
        assert.equal(calls, 1, `${s.id}: ${name}( is indexed as a call in ${language}`);
      }
    }
    // And nothing else: a name no SDK declares is skipped.
    assert.equal(
      withIndex('x.enterRooms(1);\n', 'typescript', (index) => index.calls?.size ?? 0),
      0,
    );
  });

  it('lets each SDK through the prefilter, and each prefilter word alone', () => {
    for (const id of SDK_IDS) assert.ok(TRTC_MARKERS.test(SNIPPETS[id].text), `${id} snippet passes the prefilter`);
    for (const s of SDKS as readonly SdkSpec[]) for (const w of s.prefilter ?? []) assert.ok(TRTC_MARKERS.test(`x ${w} y`), `${s.id} word ${w}`);
    assert.equal(TRTC_MARKERS.test('const client = createClient(); client.join(room); stream.publish();'), false);
  });

  it("reads a file only for the words of its own language's SDKs, and the server REST words in any language", () => {
    for (const id of SDK_IDS) assert.ok(prefilterFor(SNIPPETS[id].language).test(SNIPPETS[id].text), `${id} snippet`);
    // Every language detection reads lets a server action through: REST calls and edition features are read in a file
    // of any SDK (a Kotlin or C# server, a React page posting a raw request).
    const languages = [
      ...new Set(
        [
          'a.js',
          'a.jsx',
          'a.ts',
          'a.tsx',
          'a.vue',
          'a.html',
          'A.java',
          'a.kt',
          'a.m',
          'a.mm',
          'a.h',
          'a.swift',
          'a.cpp',
          'a.c',
          'a.cs',
          'a.dart',
          'a.py',
          'a.go',
          'a.json',
          'a.jsonc',
        ].map((f) => languageIdForFile(f)!),
      ),
    ];
    for (const lang of languages) {
      assert.ok(familyForLanguage(lang), lang);
      for (const action of ['c.CreateCloudRecording(req)', 'c.StartAIConversation(req)', 'c.StartStreamIngest(req)', '"AgentParams": {}'])
        assert.ok(prefilterFor(lang).test(action), `${lang}: ${action}`);
    }
    const kotlin = detectRooms('val resp = client.CreateCloudRecording(req)\nval ai = client.StartAIConversation(aiReq)\n', 'kotlin', 'Server.kt');
    assert.equal(kotlin.rooms.length, 1);
    assert.deepEqual(
      kotlin.features?.map((f) => f.feature),
      ['speechToText'],
    );
    assert.ok(kotlin.notes.some((n) => n.code === 'detect.ai'));
    const tsx = detectRooms('await post({ Action: "CreateCloudRecording", RecordParams: { RecordMode: 2 } });', 'typescriptreact', 'Record.tsx');
    assert.equal(tsx.rooms.length, 1);
    // JSON is only ever a server REST request: a package.json naming the Web SDK, or a test's expectations naming
    // enterRoom, configure no room and are not tokenized.
    assert.equal(prefilterFor('json').test('{ "dependencies": { "trtc-sdk-v5": "^5.8.0" } }'), false);
    assert.equal(prefilterFor('json').test('{ "sites": [{ "call": "enterRoom", "file": "TRTC.java" }] }'), false);
    assert.ok(prefilterFor('json').test('{ "Action": "CreateCloudRecording" }'));
    // A raw StartPublishCdnStream body may name only its robot.
    const body = '{ "SdkAppId": 1400000001, "RoomId": "1234", "AgentParams": { "UserId": "relay_bot" }, "WithTranscoding": 0 }';
    assert.equal(detectRooms(body, 'json', 'body.json').rooms.length, 1);
    assert.equal(detectRooms(body.replace(', "WithTranscoding": 0', ''), 'json', 'body.json').rooms.length, 1);
    // A Python server naming TRTC but no server action configures nothing, and is not tokenized.
    assert.equal(prefilterFor('python').test('from tencentcloud.trtc.v20190722 import trtc_client, models'), false);
    // Kits are read in the languages of SDKs that can be read as a kit, not in JSON.
    assert.ok(prefilterFor('typescript').test("import { TUIRoomEngine } from '@tencentcloud/tuiroom-engine-js'"));
    assert.equal(prefilterFor('json').test('{ "name": "TUIRoomKit" }'), false);
  });

  it('classifies a tiny snippet of each SDK as that SDK', () => {
    for (const id of SDK_IDS) {
      const { language, text, kit } = SNIPPETS[id];
      const r = detectRooms(text, language, 'snippet');
      assert.equal(r.rooms.length, 1, `${id}: one room`);
      assert.equal(r.rooms[0].sdk, id, `${id} snippet is ${id}`);
      assert.equal(r.rooms[0].kit, kit);
    }
  });

  it('classifies from markers: rule order, exclusions, required calls, kit flavour and variants', () => {
    const calls = (names: string[]) => (n: string) => names.includes(n);
    const none = calls([]);
    const bit = markerBit;
    assert.equal(bit('no-such-marker'), 0);
    // Electron's import beats React Native's; `TRTCAppScene` alone is Electron only without the Web SDK v5.
    assert.equal(classifyFile('javascript', bit('electron') | bit('react-native'), none)?.sdk, 'electron');
    assert.equal(classifyFile('javascript', bit('native-js'), none)?.sdk, 'electron');
    assert.equal(classifyFile('javascript', bit('native-js') | bit('web-v5'), none)?.sdk, 'web-v5');
    // Web SDK v4 by its pair of calls, without its import.
    assert.equal(classifyFile('typescript', 0, calls(['createClient', 'createStream']))?.sdk, 'web-v4');
    assert.equal(classifyFile('typescript', 0, calls(['createClient']))?.sdk, 'web-v5');
    // <trtc-room> pages: only when no other SDK is in the file.
    assert.equal(classifyFile('javascript', bit('wx-component'), none)?.flavor, 'miniprogram');
    assert.equal(classifyFile('javascript', bit('wx-component') | bit('kit'), none)?.sdk, 'web-v5');
    assert.equal(classifyFile('javascript', bit('trtc-wx') | bit('kit'), none)?.flavor, 'miniprogram');
    // A kit marker switches the platform SDK to the kit flavour; a server is never a kit.
    assert.deepEqual(classifyFile('kotlin', bit('kit'), none), { sdk: 'android', flavor: 'kit' });
    assert.deepEqual(classifyFile('go', bit('kit'), none), { sdk: 'server-rest', flavor: 'native' });
    assert.deepEqual(classifyFile('csharp', bit('unity'), none), { sdk: 'unity', flavor: 'native' });
    assert.deepEqual(classifyFile('dart', bit('old-flutter'), none), { sdk: 'flutter', flavor: 'native', variant: 'tencent_trtc_cloud' });
    assert.equal(classifyFile('wxml', 0, none), undefined);
    // The markers as the SourceIndex reads them from tokens: context matters, comments do not count.
    const markers = (text: string, language = 'typescript') => withIndex(text, language, (index) => index.markers);
    assert.equal(markers('const trtc = TRTC.create();'), bit('web-v5'));
    assert.equal(markers('const x = TRTC.createClient();'), 0);
    assert.equal(markers('const p = new TRTCParams();'), bit('native-js'));
    assert.equal(markers('const p = TRTCParams;'), 0);
    assert.equal(markers('// TRTC.create()\n/* new TRTCParams() */'), 0);
    assert.equal(markers('using trtc;\nnamespace trtc {}', 'csharp'), bit('unity'));
    assert.equal(markers("const room = this.selectComponent('#trtc-room');", 'javascript'), bit('wx-component'));
    assert.equal(markers("import x from '@tencentcloud/tuiroom-engine-js';"), bit('kit'));
  });

  it('reads defaults from the entries: the variant, then the SDK, then mobile or desktop', () => {
    assert.deepEqual(nativeCameraDefault('flutter', 'tencent_trtc_cloud').value, { width: 360, height: 480 });
    assert.deepEqual(nativeCameraDefault('flutter').value, { width: 360, height: 640 });
    assert.deepEqual(nativeCameraDefault('windows').value, { width: 640, height: 360 });
    // Web entries' own camera default is for their own flavour, not the native encoder's.
    assert.deepEqual(nativeCameraDefault('web-v5').value, { width: 640, height: 360 });
    const a = nativeCameraDefault('android');
    a.value.width = 1;
    assert.equal(nativeCameraDefault('android').value.width, 360, 'each caller gets its own copy');
    assert.equal(kitName("import { TUIRoomKit } from 'x'; TUICallKit"), 'TUIRoomKit');
    assert.equal(kitName('nothing'), 'the kit');
  });

  it('reports duplicate and conflicting entries', () => {
    const bad = defineSdk({
      id: 'web-v5',
      name: { en: 'Bad', zh: '坏' },
      languages: ['javascript'],
      fallbackFor: ['javascript', 'swift'],
      rules: [{ order: 50, all: ['no-such-marker'] }, { order: 70, calls: ['noSuchCall'] }, { order: 71 }],
      flavor: 'web-v5',
      identifiers: [
        { name: 'TRTCCloudDef', marker: 'unity' },
        { name: 'TUICallKit', marker: 'kit' },
      ],
      modules: [
        { text: 'trtc-js-sdk', marker: 'web-v5' },
        { text: 'trtc-wx', marker: 'trtc-wx' },
      ],
      calls: ['enterRoom', 'enterRoom', 'Aa', 'BB'],
      restActions: ['CreateCloudRecording'],
      scenes: new Map([['live', { kind: 'call', media: 'any' }]]),
    });
    const problems = registryProblems([...SDKS.filter((s) => s.id !== 'unity'), bad], SDK_IDS);
    const expect = [
      'SDK id web-v5 has two entries',
      'SDK id unity has no entry',
      'identifier TRTCCloudDef marks both flutter old-flutter and web-v5 unity',
      'identifier TUICallKit is declared twice (kit kit, web-v5)',
      'module text trtc-js-sdk marks both web-v4 web-v4 and web-v5 web-v5',
      'module text trtc-wx is declared twice (miniprogram trtc-wx, web-v5)',
      'web-v5 declares call enterRoom twice',
      'calls Aa and BB have the same hash: the SourceIndex would keep only one',
      'web-v5 REST action CreateCloudRecording is not among its calls',
      'web-v5 rule 50 names marker no-such-marker, which no SDK sets',
      'web-v5 rule 70 names call noSuchCall, which no SDK declares',
      'web-v5 rule 71 requires nothing',
      'web-v4 and web-v5 both have a javascript rule of order 50',
      'web-v5 and web-v5 are both the fallback for javascript',
      'web-v5 is the fallback for swift, not among its languages',
      'ios and web-v5 are both the fallback for swift',
      'scene live of web-v5 means {"kind":"call","media":"any"}, elsewhere {"kind":"live","media":"video"}',
    ];
    for (const e of expect) assert.ok(problems.includes(e), `reports: ${e}\n got: ${problems.join('\n      ')}`);
    assert.equal(problems.length, expect.length, problems.join('\n'));
  });
});
