// Rooms spread over files: media started in another file of the same screen, rooms entered through a wrapper.
// Detection's fragments are built here by hand (their detection has its own tests), so the rewrite is tested alone.
import { strict as assert } from 'node:assert';
import { analyzeProject, defaultBaseSettings, detectFile, projectSettings, wrapperNames, type FileFacts } from '../../../src/core/project';
import type { Fact, SourceRange } from '../../../src/core';

const at = (line: number): SourceRange => ({ start: { line, character: 2 }, end: { line, character: 30 } });
const explicit = <T>(value: T, line: number): Fact<T> => ({ value, provenance: { kind: 'explicit', range: at(line) } });
const unknown = <T>(): Fact<T> => ({ provenance: { kind: 'unknown', reason: { en: 'not in this file', zh: '不在此文件中' } } });
const settings = projectSettings(defaultBaseSettings(), undefined);

// A React Native entry screen that enters a video call and never starts a camera itself.
const ENTRY =
  "import TRTCCloud from 'trtc-react-native';\nconst cloud = TRTCCloud.sharedInstance();\ncloud.enterRoom({ sdkAppId: 1, userId: 'u', userSig: 's', roomId: " +
  '8 }, TRTCCloudDef.TRTC_APP_SCENE_VIDEOCALL);\n';

describe('project: media from another file of the screen', () => {
  it('takes the camera the screen file starts, and says where it comes from', () => {
    const entry = detectFile('src/video_call/VideoCallEntry.tsx', 'typescriptreact', ENTRY);
    assert.equal(entry.detection.rooms.length, 1);
    const screen: FileFacts = {
      file: 'src/video_call/VideoCall.tsx',
      languageId: 'typescriptreact',
      calls: [],
      detection: {
        rooms: [],
        notes: [],
        media: {
          sdk: 'react-native',
          camera: explicit({ width: 960, height: 540 }, 40),
          screen: unknown(),
          smallStream: unknown(),
          receive: unknown(),
          ranges: [at(40)],
        },
      } as FileFacts['detection'],
    };
    const alone = analyzeProject([entry], settings).rooms[0];
    const together = analyzeProject([entry, screen], settings).rooms[0];
    assert.deepEqual(together.room!.participants[0].publish.camera, { width: 960, height: 540 });
    assert.notDeepEqual(alone.room!.participants[0].publish.camera, { width: 960, height: 540 });
    assert.ok(together.grouping.some((g) => g.code === 'grouping.media' && g.text.en.includes('src/video_call/VideoCall.tsx')));
    const camera = together.sites[0].detected.camera;
    assert.equal(camera.provenance.kind === 'explicit' && camera.provenance.file, 'src/video_call/VideoCall.tsx');
  });

  it('lends nothing when the folder has several rooms and no name says which', () => {
    const a = detectFile('src/a/One.tsx', 'typescriptreact', ENTRY);
    const b = detectFile('src/a/Two.tsx', 'typescriptreact', ENTRY);
    const frag: FileFacts = {
      file: 'src/a/Camera.tsx',
      languageId: 'typescriptreact',
      calls: [],
      detection: {
        rooms: [],
        notes: [],
        media: {
          sdk: 'react-native',
          camera: explicit({ width: 1920, height: 1080 }, 3),
          screen: unknown(),
          smallStream: unknown(),
          receive: unknown(),
          ranges: [at(3)],
        },
      } as FileFacts['detection'],
    };
    const project = analyzeProject([a, b, frag], settings);
    assert.ok(project.rooms.every((r) => !r.grouping.some((g) => g.code === 'grouping.media')));
  });
});

describe('project: rooms entered through a wrapper', () => {
  const HELPER = [
    "import TRTC from 'trtc-sdk-v5';",
    'export async function demoEnterRoom(trtc, options = {}) {',
    "  await trtc.enterRoom({ sdkAppId: 1, userId: 'u', userSig: 's', roomId: 8, scene: options.scene });",
    '}',
  ].join('\n');
  it('counts one room per calling page, at the call, and none at the wrapper', () => {
    const helper = detectFile('samples/util/demo-base.js', 'javascript', HELPER);
    const fn = helper.detection.rooms[0]?.enclosingFunction;
    assert.equal(fn?.name, 'demoEnterRoom');
    assert.deepEqual([...wrapperNames([helper])], ['demoEnterRoom']);
    const page = (file: string, line: number): FileFacts => ({
      file,
      languageId: 'javascript',
      calls: [],
      detection: { rooms: [], notes: [], wrapperCalls: [{ name: 'demoEnterRoom', range: at(line) }] } as FileFacts['detection'],
    });
    const project = analyzeProject([helper, page('samples/screen-sharing/script.js', 10), page('samples/set-encoding-profile/script.js', 10)], settings);
    const keys = project.rooms.flatMap((r) => r.sites.map((s) => s.key)).sort();
    assert.deepEqual(keys, ['samples/screen-sharing/script.js:11', 'samples/set-encoding-profile/script.js:11']);
    assert.ok(project.rooms.every((r) => r.grouping.some((g) => g.code === 'grouping.wrapper' && g.text.en.includes('demo-base.js'))));
    assert.deepEqual(project.rooms.map((r) => r.name).sort(), ['Screen-sharing (demoEnterRoom)', 'Set-encoding-profile (demoEnterRoom)']);
  });

  it('keeps the wrapper as the room when nothing calls it', () => {
    const helper = detectFile('samples/util/demo-base.js', 'javascript', HELPER);
    assert.deepEqual(
      analyzeProject([helper], settings).rooms.map((r) => r.sites[0].key),
      ['samples/util/demo-base.js:3'],
    );
  });
});
