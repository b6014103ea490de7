// Cross-file values: a room whose scene, role or resolution is a constant of another file. The other
// file's constants come from fileSymbols; detectRooms asks for them through options.externals.
import { strict as assert } from 'node:assert';
import { detectRooms, fileSymbols } from '../../../src/core/detect';
import type { DetectedRoom, DetectionResult, ExternalValue, Fact } from '../../../src/core/detect';

/** An externals function over the constants of other files, recording every name asked. */
function project(files: Array<{ file: string; text: string; language: string }>): {
  externals: (name: string) => ExternalValue[] | undefined;
  asked: string[];
} {
  const table = new Map<string, ExternalValue[]>();
  for (const f of files) {
    for (const s of fileSymbols(f.text, f.language, f.file)) {
      const list = table.get(s.name);
      if (list) list.push(s.value);
      else table.set(s.name, [s.value]);
    }
  }
  const asked: string[] = [];
  return {
    asked,
    externals: (name) => {
      asked.push(name);
      return table.get(name);
    },
  };
}

function only(result: DetectionResult): DetectedRoom {
  assert.equal(result.rooms.length, 1, `expected one room, got ${result.rooms.length}`);
  return result.rooms[0];
}

/** The fact is explicit, written in `file` on (0-based) `line`. */
function fromFile(fact: Fact<unknown>, file: string, line: number): void {
  assert.equal(fact.provenance.kind, 'explicit', JSON.stringify(fact.provenance));
  assert.ok(fact.provenance.kind === 'explicit');
  assert.equal(fact.provenance.file, file);
  assert.equal(fact.provenance.range.start.line, line);
}

/**
 * A resolution enum written in `file` without a resolution mode: the size is that file's, the orientation
 * the SDK's, so the fact is a default whose reason says both (see Extractor.encoderResolution).
 */
function sizeFromFile(fact: Fact<unknown>, file: string): void {
  assert.equal(fact.provenance.kind, 'default', JSON.stringify(fact.provenance));
  assert.ok(fact.provenance.kind === 'default');
  assert.match(fact.provenance.reason.en, /no resolution mode/);
  assert.ok(fact.provenance.reason.en.endsWith(`(the size is set in ${file})`), fact.provenance.reason.en);
  assert.ok(fact.provenance.reason.zh.includes(file));
}

describe('cross-file values', () => {
  it('TypeScript: an exported constant and an object-literal constant of another module', () => {
    const config = "export const ROOM_SCENE = 'live';\nexport const AppConfig = {\n  RESOLUTION: '1080p',\n};\n";
    const room =
      "import TRTC from 'trtc-sdk-v5';\nimport { ROOM_SCENE, AppConfig } from './config';\nconst trtc = TRTC.create();\ntrtc.enterRoom({ scene: " +
      "ROOM_SCENE, role: 'anchor' });\ntrtc.startLocalVideo({ option: { profile: AppConfig.RESOLUTION } });\n";
    const before = detectRooms(room, 'typescript', 'room.ts');
    assert.equal(only(before).service.provenance.kind, 'unknown');
    assert.deepEqual(before.unresolved?.slice().sort(), ['AppConfig.RESOLUTION', 'ROOM_SCENE']);
    const p = project([{ file: 'src/config.ts', text: config, language: 'typescript' }]);
    const after = detectRooms(room, 'typescript', 'room.ts', { externals: p.externals });
    const r = only(after);
    assert.equal(r.service.value, 'video-live');
    fromFile(r.service, 'src/config.ts', 0);
    assert.deepEqual(r.camera.value, { width: 1920, height: 1080 });
    fromFile(r.camera, 'src/config.ts', 2);
    assert.equal(after.unresolved, undefined);
    // The reference in this file is part of the room (hover), the other file's lines are not.
    assert.ok(r.ranges.some((x) => x.start.line === 3 && x.start.character === 24));
  });

  it('Java: static final fields of a constants class, nested class included', () => {
    const constants = [
      'package com.app;',
      'import com.tencent.trtc.TRTCCloudDef;',
      'public final class Constants {',
      '    public static final int ROOM_SCENE = TRTCCloudDef.TRTC_APP_SCENE_LIVE;',
      '    public static class Video {',
      '        public static final int RESOLUTION = TRTCCloudDef.TRTC_VIDEO_RESOLUTION_1280_720;',
      '    }',
      '}',
    ].join('\n');
    const activity = [
      'package com.app;',
      'import com.app.Constants;',
      'public class LiveActivity {',
      '    void enter() {',
      '        TRTCCloudDef.TRTCParams params = new TRTCCloudDef.TRTCParams();',
      '        params.role = TRTCCloudDef.TRTCRoleAnchor;',
      '        mTRTCCloud.startLocalPreview(true, mPreviewView);',
      '        mTRTCCloud.enterRoom(params, Constants.ROOM_SCENE);',
      '        TRTCCloudDef.TRTCVideoEncParam enc = new TRTCCloudDef.TRTCVideoEncParam();',
      '        enc.videoResolution = Constants.Video.RESOLUTION;',
      '        mTRTCCloud.setVideoEncoderParam(enc);',
      '    }',
      '}',
    ].join('\n');
    const before = only(detectRooms(activity, 'java', 'LiveActivity.java'));
    assert.equal(before.service.provenance.kind, 'unknown');
    const p = project([{ file: 'Constants.java', text: constants, language: 'java' }]);
    const r = only(detectRooms(activity, 'java', 'LiveActivity.java', { externals: p.externals }));
    assert.equal(r.service.value, 'video-live');
    fromFile(r.service, 'Constants.java', 3);
    // No resolution mode: the orientation is left to the SDK (portrait on mobile), said as a default.
    assert.deepEqual(r.camera.value, { width: 720, height: 1280 });
    sizeFromFile(r.camera, 'Constants.java');
    assert.ok(
      r.ranges.some((x) => x.start.line === 9),
      'the reference in this file belongs to the room',
    );
    // `import com.app.Constants`: the qualified name is asked first.
    assert.deepEqual(p.asked.slice(0, 3), ['com.app.Constants.ROOM_SCENE', 'app.Constants.ROOM_SCENE', 'Constants.ROOM_SCENE']);
  });

  it('Kotlin: a top-level const val (imported) and a companion object member', () => {
    const config = [
      'package com.app',
      'const val ROOM_SCENE = TRTCCloudDef.TRTC_APP_SCENE_VIDEOCALL',
      'class RoomConfig {',
      '    companion object {',
      '        const val RESOLUTION = TRTCCloudDef.TRTC_VIDEO_RESOLUTION_640_360',
      '    }',
      '}',
    ].join('\n');
    const activity = [
      'import com.app.ROOM_SCENE',
      'import com.app.RoomConfig',
      'class CallActivity {',
      '    fun enter() {',
      '        val params = TRTCCloudDef.TRTCParams().apply { role = TRTCCloudDef.TRTCRoleAnchor }',
      '        trtcCloud.startLocalPreview(true, previewView)',
      '        trtcCloud.enterRoom(params, ROOM_SCENE)',
      '        val enc = TRTCCloudDef.TRTCVideoEncParam().apply { videoResolution = RoomConfig.RESOLUTION }',
      '        trtcCloud.setVideoEncoderParam(enc)',
      '    }',
      '}',
    ].join('\n');
    const p = project([{ file: 'Config.kt', text: config, language: 'kotlin' }]);
    const r = only(detectRooms(activity, 'kotlin', 'CallActivity.kt', { externals: p.externals }));
    assert.equal(r.service.value, 'video-call');
    fromFile(r.service, 'Config.kt', 1);
    assert.deepEqual(r.camera.value, { width: 360, height: 640 });
    sizeFromFile(r.camera, 'Config.kt');
  });

  it('Swift: static lets of a struct', () => {
    const config = 'struct RoomConfig {\n    static let scene: TRTCAppScene = .LIVE\n    static let resolution = TRTCVideoResolution._960_540\n}\n';
    const vc = [
      'class LiveViewController: UIViewController {',
      '    func enter() {',
      '        let params = TRTCParams()',
      '        params.role = .anchor',
      '        trtcCloud.startLocalPreview(true, view: previewView)',
      '        trtcCloud.enterRoom(params, appScene: RoomConfig.scene)',
      '        let enc = TRTCVideoEncParam()',
      '        enc.videoResolution = RoomConfig.resolution',
      '        trtcCloud.setVideoEncoderParam(enc)',
      '    }',
      '}',
    ].join('\n');
    const p = project([{ file: 'RoomConfig.swift', text: config, language: 'swift' }]);
    const r = only(detectRooms(vc, 'swift', 'LiveViewController.swift', { externals: p.externals }));
    assert.equal(r.service.value, 'video-live');
    fromFile(r.service, 'RoomConfig.swift', 1);
    assert.deepEqual(r.camera.value, { width: 540, height: 960 });
    sizeFromFile(r.camera, 'RoomConfig.swift');
  });

  it('Dart: static consts of a class', () => {
    const config =
      'class RoomConfig {\n  static const int scene = TRTCCloudDef.TRTC_APP_SCENE_LIVE;\n  static const int resolution = ' +
      'TRTCCloudDef.TRTC_VIDEO_RESOLUTION_1280_720;\n}\n';
    const page = [
      "import 'package:tencent_trtc_cloud/trtc_cloud.dart';",
      "import 'room_config.dart';",
      'class LiveRoom {',
      '  Future<void> enter() async {',
      '    _cloud.enterRoom(TRTCParams(role: TRTCCloudDef.TRTCRoleAnchor), RoomConfig.scene);',
      '    _cloud.setVideoEncoderParam(TRTCVideoEncParam(videoResolution: RoomConfig.resolution));',
      '    _cloud.startLocalPreview(true, 0);',
      '  }',
      '}',
    ].join('\n');
    const p = project([{ file: 'lib/room_config.dart', text: config, language: 'dart' }]);
    const r = only(detectRooms(page, 'dart', 'live_room.dart', { externals: p.externals }));
    assert.equal(r.service.value, 'video-live');
    fromFile(r.service, 'lib/room_config.dart', 1);
    assert.deepEqual(r.camera.value, { width: 720, height: 1280 });
  });

  it('C#: const and static readonly fields', () => {
    const config =
      'namespace App {\n  public static class RoomConfig {\n    public static readonly TRTCAppScene Scene = TRTCAppScene.TRTCAppSceneLIVE;\n    public ' +
      'const TRTCVideoResolution Resolution = TRTCVideoResolution.TRTCVideoResolution_960_540;\n  }\n}\n';
    const form = [
      'public class LiveForm {',
      '    void Enter() {',
      '        var param = new TRTCParams { role = TRTCRoleType.TRTCRoleAnchor };',
      '        cloud.startLocalPreview(IntPtr.Zero);',
      '        cloud.enterRoom(ref param, RoomConfig.Scene);',
      '        var enc = new TRTCVideoEncParam { videoResolution = RoomConfig.Resolution };',
      '        cloud.setVideoEncoderParam(ref enc);',
      '    }',
      '}',
    ].join('\n');
    const p = project([{ file: 'RoomConfig.cs', text: config, language: 'csharp' }]);
    const r = only(detectRooms(form, 'csharp', 'LiveForm.cs', { externals: p.externals }));
    assert.equal(r.service.value, 'video-live');
    fromFile(r.service, 'RoomConfig.cs', 2);
    assert.deepEqual(r.camera.value, { width: 960, height: 540 });
    sizeFromFile(r.camera, 'RoomConfig.cs');
  });

  it('Python: module constants read through `import settings`', () => {
    const settings = 'RECORD_MODE = 2\nOUTPUT_WIDTH = 1280\n';
    const job = [
      'import settings',
      'from tencentcloud.trtc.v20190722 import models',
      'def record(client):',
      '    req = models.CreateCloudRecordingRequest()',
      '    req.RecordParams = models.RecordParams()',
      '    req.RecordParams.RecordMode = settings.RECORD_MODE',
      '    return client.CreateCloudRecording(req)',
    ].join('\n');
    const before = detectRooms(job, 'python', 'job.py');
    assert.notEqual(only(before).recording.provenance.kind, 'explicit');
    assert.deepEqual(before.unresolved, ['settings.RECORD_MODE']);
    const p = project([{ file: 'settings.py', text: settings, language: 'python' }]);
    const r = only(detectRooms(job, 'python', 'job.py', { externals: p.externals }));
    assert.deepEqual(p.asked, ['settings.RECORD_MODE', 'RECORD_MODE']);
    assert.equal((r.recording.value as { mode?: string } | null)?.mode, 'mixed');
    fromFile(r.recording, 'settings.py', 0);
  });

  it('Go: a const of an imported package', () => {
    const config = 'package config\n\nconst (\n\tRecordMode = 1\n\tWidth      = 1280\n)\n';
    const rec = [
      'package recording',
      'import (',
      '\t"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"',
      '\t"example.com/app/config"',
      '\ttrtc "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/trtc/v20190722"',
      ')',
      'func Start(client *trtc.Client) {',
      '\trequest := trtc.NewCreateCloudRecordingRequest()',
      '\trequest.RecordParams = &trtc.RecordParams{',
      '\t\tRecordMode: common.Uint64Ptr(config.RecordMode),',
      '\t}',
      '\tclient.CreateCloudRecording(request)',
      '}',
    ].join('\n');
    const p = project([{ file: 'config/config.go', text: config, language: 'go' }]);
    const r = only(detectRooms(rec, 'go', 'recording.go', { externals: p.externals }));
    assert.equal((r.recording.value as { mode?: string } | null)?.mode, 'single');
    fromFile(r.recording, 'config/config.go', 3);
  });

  it('keeps an unknown name unknown, with its reason, and asks nothing for parameters or SDK names', () => {
    const room =
      "import TRTC from 'trtc-sdk-v5';\nimport { ROOM_SCENE } from './config';\nfunction join(profile) {\n  trtc.enterRoom({ scene: ROOM_SCENE });\n  " +
      'trtc.startLocalVideo({ option: { profile } });\n  trtc.switchRole(TRTC.TYPE.ROLE_AUDIENCE);\n}\n';
    const p = project([{ file: 'other.ts', text: "export const SOMETHING_ELSE = 'live';\nexport const profile = '1080p';\n", language: 'typescript' }]);
    const result = detectRooms(room, 'typescript', 'room.ts', { externals: p.externals });
    const r = only(result);
    assert.equal(r.service.provenance.kind, 'unknown');
    assert.ok(r.service.provenance.kind === 'unknown' && r.service.provenance.reason.en.includes('ROOM_SCENE'));
    assert.ok(r.service.provenance.kind === 'unknown' && r.service.provenance.reason.zh.includes('ROOM_SCENE'));
    // `profile` is a parameter: another file's `profile` is not it.
    assert.equal(r.camera.provenance.kind, 'unknown');
    assert.deepEqual(p.asked, ['ROOM_SCENE']);
    assert.deepEqual(result.unresolved, ['ROOM_SCENE']);
  });

  it('says what an external value is when detection cannot read it', () => {
    const room = "import TRTC from 'trtc-sdk-v5';\nimport { ROOM_SCENE } from './config';\ntrtc.enterRoom({ scene: ROOM_SCENE });\n";
    const p = project([{ file: 'config.ts', text: "export const ROOM_SCENE = 'party';\n", language: 'typescript' }]);
    const r = only(detectRooms(room, 'typescript', 'room.ts', { externals: p.externals }));
    assert.equal(r.service.provenance.kind, 'unknown');
    assert.ok(r.service.provenance.kind === 'unknown' && /'party'.*config\.ts/.test(r.service.provenance.reason.en));
    assert.ok(r.service.provenance.kind === 'unknown' && r.service.provenance.reason.zh.includes('config.ts'));
  });

  it('several values from another file are candidates', () => {
    const room = "import TRTC from 'trtc-sdk-v5';\ntrtc.enterRoom({ scene: 'rtc' });\ntrtc.startLocalVideo({ option: { profile: Quality.CAMERA } });\n";
    const p = project([
      { file: 'quality.ts', text: "export class Quality { static CAMERA = hd ? '1080p' : '720p'; }\nconst hd = true;\n", language: 'typescript' },
    ]);
    const r = only(detectRooms(room, 'typescript', 'room.ts', { externals: p.externals }));
    assert.deepEqual(r.camera.candidates, [
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
    ]);
    assert.ok(r.camera.provenance.kind === 'explicit' && r.camera.provenance.file === 'quality.ts');
  });

  it('survives an externals function that throws or returns garbage', () => {
    const room = "import TRTC from 'trtc-sdk-v5';\ntrtc.enterRoom({ scene: ROOM_SCENE, role: Config.ROLE });\n";
    const throwing = detectRooms(room, 'typescript', 'room.ts', {
      externals: () => {
        throw new Error('boom');
      },
    });
    assert.equal(only(throwing).service.provenance.kind, 'unknown');
    assert.deepEqual(throwing.unresolved, ['ROOM_SCENE', 'Config.ROLE']);
    const garbage = detectRooms(room, 'typescript', 'room.ts', {
      externals: () => [{ kind: 'str' } as unknown as ExternalValue, null as unknown as ExternalValue],
    });
    assert.equal(only(garbage).service.provenance.kind, 'unknown');
  });

  it('without externals, results are exactly those of a call without options', () => {
    const room =
      "import TRTC from 'trtc-sdk-v5';\nimport { ROOM_SCENE } from './config';\ntrtc.enterRoom({ scene: ROOM_SCENE });\ntrtc.startLocalVideo({ option: { " +
      'profile: AppConfig.P } });\n';
    assert.deepEqual(detectRooms(room, 'typescript', 'a.ts', {}), detectRooms(room, 'typescript', 'a.ts'));
  });
});

describe('fileSymbols', () => {
  it('reads TypeScript exports, enums, class statics and namespaces, not locals or computed values', () => {
    const text = [
      "export const ROOM_SCENE = 'live';",
      'const LOCAL = 1;',
      "export const AppConfig = { RESOLUTION: '1080p', Video: { PROFILE: '720p' } };",
      "export enum Scene { Live = 'live', Rtc }",
      "export class Config { static readonly SCENE = 'rtc'; other = 'x'; static f() { const IN_METHOD = 2; } }",
      'export namespace NS { export const X = 2; }',
      'export const COMPUTED = a + b;',
      'export const ALIAS = ROOM_SCENE;',
      'export const ELSEWHERE = imported;',
    ].join('\n');
    const got = fileSymbols(text, 'typescript', 'c.ts').map((s) => [s.name, s.value.kind === 'enum' ? s.value.name : s.value.value, s.value.range.start.line]);
    assert.deepEqual(got, [
      ['ROOM_SCENE', 'live', 0],
      ['AppConfig.RESOLUTION', '1080p', 2],
      ['AppConfig.Video.PROFILE', '720p', 2],
      ['Scene.Live', 'live', 3],
      ['Scene.Rtc', 'Scene.Rtc', 3],
      ['Config.SCENE', 'rtc', 4],
      ['NS.X', 2, 5],
      ['ALIAS', 'live', 0],
    ]);
  });

  it('reads Java, Kotlin, Swift, Dart, C#, Python and Go constants', () => {
    const names = (text: string, language: string): string[] => fileSymbols(text, language).map((s) => s.name);
    assert.deepEqual(
      names(
        'class A {\n  @Deprecated public static final String X = "x";\n  private int y = 1;\n  static final int Z = 3;\n}\ninterface K { int V = 1; }\n',
        'java',
      ),
      ['A.X', 'A.Z', 'K.V'],
    );
    assert.deepEqual(
      names('const val X = 1\nobject O { const val Y = "y"; val Z = 2 }\nclass C { val inst = 1\n companion object { const val W = 3 } }\n', 'kotlin'),
      ['X', 'O.Y', 'O.Z', 'C.W'],
    );
    assert.deepEqual(names('let top = 1\nstruct S { static let a = "a"; let b = 2 }\nenum E { static let c = 3 }\n', 'swift'), ['top', 'S.a', 'E.c']);
    assert.deepEqual(names("const a = 1;\nfinal b = 'b';\nclass C { static const c = 3; final d = 4; }\n", 'dart'), ['a', 'b', 'C.c']);
    assert.deepEqual(names('namespace N { class C { public const int A = 1; static readonly string B = "b"; int c = 2; } }\n', 'csharp'), ['C.A', 'C.B']);
    assert.deepEqual(names('A = 1\nB: int = 2\nclass C:\n    D = 3\n    def f(self):\n        E = 4\nF = compute()\n', 'python'), ['A', 'B', 'C.D']);
    assert.deepEqual(names('package p\nconst A = 1\nconst (\n\tB = "b"\n\tC\n)\nfunc f() { const d = 1 }\n', 'go'), ['A', 'B']);
  });

  it('is bounded and never throws on hostile input', () => {
    const many = 'export const X' + Array.from({ length: 10_000 }, (_, i) => `${i} = ${i};\nexport const X`).join('') + 'last = 1;\n';
    assert.equal(fileSymbols(many, 'typescript').length, 4096);
    for (const language of ['typescript', 'java', 'kotlin', 'swift', 'dart', 'csharp', 'python', 'go', 'vue', 'objective-c']) {
      assert.doesNotThrow(() => fileSymbols('class A { '.repeat(20_000) + 'static final int X = ', language));
      assert.doesNotThrow(() => fileSymbols('{'.repeat(50_000) + '['.repeat(50_000), language));
      assert.doesNotThrow(() => fileSymbols('\u0000\ud800"\'`/*'.repeat(10_000), language));
    }
    assert.deepEqual(fileSymbols('', 'typescript'), []);
    assert.deepEqual(fileSymbols('export const X = 1;', 'plaintext'), []);
  });
});
