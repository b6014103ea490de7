// "Compare cost with branch…" without VS Code: the project at a ref built from the working tree's facts and the old
// text of what changed (src/extension/logic/compare.ts), and the view's overlay (costTree withComparison).
import { strict as assert } from 'node:assert';
import { languageIdForFile } from '../../../../src/core/detect';
import { analyzeProject, defaultBaseSettings, detectProject, detectFile, projectSettings, type FileFacts } from '../../../../src/core/project';
import { baseFacts, compareWithBase, type FileChange } from '../../../../src/extension/logic/compare';
import { costTree } from '../../../../src/extension/views/costTree';

const PAGE =
  `import TRTC from 'trtc-sdk-v5';\nimport { PROFILE } from './config.js';\nconst trtc = TRTC.create();\nawait trtc.enterRoom({ sdkAppId: ` +
  `1400000000, userId: 'a', userSig: 's', roomId: 1, scene: 'live', role: 'anchor' });\nawait trtc.startLocalVideo({ option: { profile: PROFILE } });\n`;
const VOICE =
  "import TRTC from 'trtc-sdk-v5';\nconst trtc = TRTC.create();\nawait trtc.enterRoom({ sdkAppId: 1400000000, userId: 'a', userSig: 's', roomId: 2, scene: " +
  "'rtc' });\nawait trtc.startLocalAudio();\n";
const config = (p: string) => `export const PROFILE = '${p}';\n`;

/** What the workspace index holds for these files: the project's passes over them (cross-file values included). */
async function scan(files: Record<string, string>): Promise<FileFacts[]> {
  const list = Object.keys(files);
  const r = await detectProject(list, {
    name: (f) => f,
    languageId: (f) => languageIdForFile(f)!,
    detect: async (f) => ({ facts: detectFile(f, languageIdForFile(f)!, files[f]!), text: files[f] }),
    read: async (f) => files[f],
  });
  return r!.files.map((f) => f.facts);
}

const settings = projectSettings(defaultBaseSettings(), undefined, undefined);

async function compare(before: Record<string, string>, after: Record<string, string>, changes: FileChange[], untracked: string[] = []) {
  const current = await scan(after);
  const base = await baseFacts({
    current,
    changes,
    untracked,
    oldText: async (f) => before[f],
    text: async (f) => after[f],
    mentioning: async (keys, skip) =>
      Object.entries(after)
        .filter(([f, t]) => !skip.has(f) && keys.some((k) => t.includes(k)))
        .map(([file, text]) => ({ file, languageId: languageIdForFile(file)!, text })),
  });
  const expected = analyzeProject(await scan(before), settings);
  return { ...compareWithBase(base.facts, analyzeProject(current, settings), settings), expected, unreadable: base.unreadable };
}

describe('compare with a branch (logic)', () => {
  it('reads a constant changed in another file at the ref, for a room file that did not change', async () => {
    const r = await compare({ 'src/config.js': config('1080p'), 'src/Live.js': PAGE }, { 'src/config.js': config('720p'), 'src/Live.js': PAGE }, [
      { kind: 'modified', file: 'src/config.js' },
    ]);
    const [room] = r.diff.rooms;
    assert.equal(room!.status, 'changed');
    assert.deepEqual(
      room!.reasons.map((x) => x.en),
      ["anchors' camera 1920×1080 → 1280×720, main tier Full HD → HD"],
    );
    // The ref's side is what a scan of the ref finds.
    assert.deepEqual(
      r.base.rooms.map((x) => x.room),
      r.expected.rooms.map((x) => x.room),
    );
  });

  it('a changed room file is read at the ref with the constants of the files beside it', async () => {
    const r = await compare(
      { 'src/config.js': config('1080p'), 'src/Live.js': PAGE },
      { 'src/config.js': config('1080p'), 'src/Live.js': PAGE.replace('profile: PROFILE', "profile: '720p'") },
      [{ kind: 'modified', file: 'src/Live.js' }],
    );
    assert.equal(r.diff.rooms[0]!.reasons[0]!.en, "anchors' camera 1920×1080 → 1280×720, main tier Full HD → HD");
  });

  it('new, untracked and deleted files: not at the ref, or only there', async () => {
    const r = await compare(
      { 'src/config.js': config('720p'), 'src/Live.js': PAGE, 'src/Old.js': VOICE.replace('roomId: 2', 'roomId: 3') },
      { 'src/config.js': config('720p'), 'src/Live.js': PAGE, 'src/Voice.js': VOICE },
      [{ kind: 'deleted', file: 'src/Old.js' }],
      ['src/Voice.js'],
    );
    assert.deepEqual(r.diff.rooms.map((x) => x.status).sort(), ['added', 'removed', 'same']);
    assert.deepEqual(r.unreadable, []);
  });

  it('the view shows the comparison first and each room’s difference, with what each change adds', async () => {
    const r = await compare({ 'src/config.js': config('1080p'), 'src/Live.js': PAGE }, { 'src/config.js': config('720p'), 'src/Live.js': PAGE }, [
      { kind: 'modified', file: 'src/config.js' },
    ]);
    const loc = { locale: 'en' as const, t: (m: string, ...a: Array<string | number>) => m.replace(/\{(\d+)\}/g, (_, i) => String(a[Number(i)])) };
    const nodes = costTree({ rooms: [], withoutEstimate: 0, scanned: true }, loc, { compare: { ref: 'main', diff: r.diff, notes: ['note'] } });
    assert.equal(nodes.length, 1, 'only the comparison: no room is in the working tree’s bill here');
    assert.equal(nodes[0]!.kind, 'compare');
    assert.equal(nodes[0]!.label, 'Compared with main');
    assert.match(nodes[0]!.description!, /^−¥[\d,]+\.\d\d\/month · 1 room changes$/);
    assert.match(nodes[0]!.tooltip, /note/);
  });
});
