// Values written in another file: the project reads only the files that can define the missing names and detects
// the rooms that use them again, so a scene or a resolution kept in a config module is a fact in code, with its file.
import { strict as assert } from 'node:assert';
import { collectSymbols, detectFileWith, mentionsAny, nameKeys, neededNames, type SymbolTable } from '../../../src/core/project/crossfile';
import { analyzeProject, defaultBaseSettings, detectFile, projectSettings } from '../../../src/core/project';

const PAGE = [
  "import TRTC from 'trtc-sdk-v5';",
  "import { AppConfig, ROOM_SCENE } from './config';",
  'const trtc = TRTC.create();',
  'export async function start() {',
  "  await trtc.enterRoom({ sdkAppId: 1, userId: 'u', userSig: 's', roomId: 8, scene: ROOM_SCENE, role: 'anchor' });",
  '  await trtc.startLocalVideo({ option: { profile: AppConfig.PROFILE } });',
  '}',
].join('\n');
const CONFIG = "export const AppConfig = { PROFILE: '1080p' };\nexport const ROOM_SCENE = 'live';\n";
const UNRELATED = 'export const TITLE = "Classroom";\n';

describe('project: values from other files', () => {
  it('lists what a page cannot resolve, reads only files that can define it, and detects the page again', () => {
    const raw = detectFile('src/LivePage.ts', 'typescript', PAGE);
    assert.equal(raw.detection.rooms[0].camera.provenance.kind, 'unknown', 'alone, the profile is unknown');
    const keys = nameKeys(neededNames([raw]));
    assert.ok(keys.includes('PROFILE') && keys.includes('ROOM_SCENE'), keys.join(','));
    assert.equal(mentionsAny(UNRELATED, keys), false);
    // Many keys (one pattern for them all) answer as a substring test would, special characters included.
    const many = Array.from({ length: 40 }, (_, i) => `Key${i}`).concat(['$scene', 'a.b']);
    assert.equal(mentionsAny('const x = Key39 + 1;', many), true);
    assert.equal(mentionsAny('const x = $scene;', many), true);
    assert.equal(mentionsAny('const x = aXb;', many), false, 'a dot is literal');
    assert.equal(mentionsAny('const x = Key;', many), false);
    const table: SymbolTable = new Map();
    collectSymbols('src/title.ts', 'typescript', UNRELATED, keys, table);
    assert.equal(table.size, 0);
    collectSymbols('src/config.ts', 'typescript', CONFIG, keys, table);
    const resolved = detectFileWith('src/LivePage.ts', 'typescript', PAGE, table);
    const room = resolved.detection.rooms[0];
    assert.deepEqual(room.camera.value, { width: 1920, height: 1080 });
    assert.equal(room.camera.provenance.kind, 'explicit');
    assert.equal(room.camera.provenance.kind === 'explicit' && room.camera.provenance.file, 'src/config.ts');
    assert.equal(room.service.value, 'video-live');
    assert.deepEqual(resolved.calls, ['enterRoom']);
    // The logical room is billed from the resolved facts: a live room with a 1080p anchor.
    const project = analyzeProject([resolved], projectSettings(defaultBaseSettings(), undefined));
    assert.equal(project.rooms[0].room?.service, 'video-live');
    assert.deepEqual(project.rooms[0].room?.participants[0].publish.camera, { width: 1920, height: 1080 });
  });

  it('gives every value of a name defined in several files as a candidate, and never a file its own value', () => {
    const page =
      "import TRTC from 'trtc-sdk-v5';\nimport { PROFILE } from './p';\nconst t = TRTC.create();\nawait t.enterRoom({ scene: 'rtc' });\nawait " +
      't.startLocalVideo({ option: { profile: PROFILE } });\n';
    const keys = nameKeys(neededNames([detectFile('a.ts', 'typescript', page)]));
    const table: SymbolTable = new Map();
    collectSymbols('p.ts', 'typescript', "export const PROFILE = '720p';\n", keys, table);
    collectSymbols('q.ts', 'typescript', "export const PROFILE = '1080p';\n", keys, table);
    const cam = detectFileWith('a.ts', 'typescript', page, table).detection.rooms[0].camera;
    assert.deepEqual(cam.candidates, [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]);
    // Seen as p.ts, the table offers only the other file's value: a file's own constants are never offered back to it.
    const own = detectFileWith('p.ts', 'typescript', page, table).detection.rooms[0].camera;
    assert.deepEqual(own.value, { width: 1920, height: 1080 });
  });

  it('leaves a name defined nowhere unknown, with its reason', () => {
    const page =
      "import TRTC from 'trtc-sdk-v5';\nimport { PROFILE } from './p';\nconst t = TRTC.create();\nawait t.enterRoom({ scene: 'rtc' });\nawait " +
      't.startLocalVideo({ option: { profile: PROFILE } });\n';
    const cam = detectFileWith('a.ts', 'typescript', page, new Map()).detection.rooms[0].camera;
    assert.equal(cam.provenance.kind, 'unknown');
    assert.match(cam.provenance.kind === 'unknown' ? cam.provenance.reason.en : '', /PROFILE/);
  });
});
