// Detection runs on every keystroke on whatever is in the editor: it must never throw and must
// return promptly on hostile input. These tests assert no throw and a well-formed result; time is
// measured by the benchmark, not asserted here.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { detectRooms } from '../../../src/core/detect';
import type { DetectionResult } from '../../../src/core/detect';

const LANGUAGES = [
  'javascript',
  'typescript',
  'typescriptreact',
  'vue',
  'java',
  'kotlin',
  'objective-c',
  'swift',
  'cpp',
  'csharp',
  'dart',
  'python',
  'go',
  'json',
  'html',
];

/** Fragments of real TRTC code in every syntax, plus the characters that open strings, comments and brackets. */
const FRAGMENTS = [
  'enterRoom(',
  'enterRoom:',
  'trtc.enterRoom({ scene: ',
  "'live'",
  '"rtc"',
  'TRTC.TYPE.SCENE_LIVE',
  'TRTCAppSceneLIVE',
  'TRTCCloudDef.TRTC_APP_SCENE_VIDEOCALL',
  'role: ',
  'TRTCRoleAudience',
  'startLocalVideo({ option: { profile: ',
  "'720p'",
  'setVideoEncoderParam(',
  'videoResolution = ',
  'TRTCVideoResolution_1280_720',
  '._960_540',
  'res_1920_1080',
  'resMode = ',
  'startScreenCapture(',
  'TRTCVideoStreamTypeSub',
  'enableEncSmallVideoStream(true, ',
  'setMixTranscodingConfig(',
  'CreateCloudRecording(',
  'RecordParams: { RecordMode: 2 }',
  '"RecordMode": ',
  'StartPublishCdnStream',
  'WithTranscoding',
  'const ',
  'let ',
  'val ',
  'var ',
  ' = ',
  ' ? ',
  ' : ',
  '||',
  '??',
  'if (',
  ' else ',
  'when (x) {',
  '->',
  '=>',
  'apply {',
  '..',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  ',',
  ';',
  '.',
  ':',
  '::',
  '=',
  '\n',
  ' ',
  '"',
  "'",
  '`',
  '${',
  '"""',
  "'''",
  '/*',
  '*/',
  '//',
  '#',
  '\\',
  '/',
  '@',
  '&',
  '*',
  '<script>',
  '</script>',
  '\u0000',
  '\uffff',
  '\ud800',
  '1',
  '0x1F',
  '112',
  'x',
  'p',
  'TUICallKit.call(',
  'new TRTCParams(',
  'TRTCParams()',
  'new TRTCVideoEncParam(',
  'switchRole(',
  "startPlugin('CDNStreaming', ",
];

function wellFormed(result: DetectionResult): void {
  assert.ok(Array.isArray(result.rooms));
  assert.ok(Array.isArray(result.notes));
  for (const note of result.notes) assert.notEqual(note.code, 'detect.internal-error', note.text.en);
  for (const room of result.rooms) {
    assert.ok(room.range.start.line >= 0 && room.range.start.character >= 0);
    for (const fact of [room.service, room.role, room.camera, room.screen, room.smallStream, room.recording, room.mixTranscoding, room.relay]) {
      assert.ok(['explicit', 'default', 'unknown'].includes(fact.provenance.kind));
      if (fact.provenance.kind !== 'explicit') {
        assert.equal(typeof fact.provenance.reason.en, 'string');
        assert.equal(typeof fact.provenance.reason.zh, 'string');
      }
    }
  }
}

function run(text: string, language: string): DetectionResult {
  let result: DetectionResult | undefined;
  assert.doesNotThrow(() => {
    result = detectRooms(text, language, 'fuzz');
  });
  wellFormed(result!);
  return result!;
}

describe('detection robustness', function () {
  // Generous: these inputs are large on purpose and CI machines are shared. Speed is the benchmark's job.
  this.timeout(120_000);
  it('never throws on arbitrary strings in any language', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), fc.constantFrom(...LANGUAGES), (text, language) => {
        run(`TRTC ${text}`, language);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on soups of TRTC fragments, strings, comments and brackets', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 120 }), fc.constantFrom(...LANGUAGES), (parts, language) => {
        run(parts.join(''), language);
      }),
      { numRuns: 1500 },
    );
  });

  it('survives unterminated strings, comments and templates', () => {
    for (const language of LANGUAGES) {
      run("trtc.enterRoom({ scene: 'live", language);
      run('trtc.enterRoom({ scene: "live /* ', language);
      run('trtc.enterRoom({ scene: `live ${ role', language);
      run('/* trtc.enterRoom({ scene: "live" })', language);
      run('"""trtc.enterRoom(', language);
    }
  });

  it('returns promptly on a 5 MB single line', () => {
    const unit = "trtc.startLocalVideo({ option: { profile: '720p' } }); x = a ? b : c; /* c */ ";
    const line = unit.repeat(Math.ceil((5 * 1024 * 1024) / unit.length));
    const result = run(`import TRTC from 'trtc-sdk-v5'; trtc.enterRoom({ scene: 'live' }); ${line}`, 'javascript');
    assert.equal(result.rooms.length, 1);
    run(line.replace(/\n/g, ' '), 'typescript');
    run('/'.repeat(2_000_000) + ' TRTC', 'javascript');
    run('(/'.repeat(1_000_000) + ' TRTC', 'javascript');
  });

  it('returns promptly on deep nesting and long chains', () => {
    run('TRTC ' + '('.repeat(1_000_000), 'javascript');
    run('TRTC ' + '{'.repeat(500_000) + '}'.repeat(500_000), 'java');
    run('TRTC ' + '['.repeat(300_000) + 'enterRoom(' + ']'.repeat(300_000), 'objective-c');
    run('TRTC x = ' + 'a ? b : '.repeat(200_000) + 'c', 'javascript');
    const chain = Array.from({ length: 50_000 }, (_, i) => `const v${i} = v${i + 1};`).join('\n');
    run(`${chain}\ntrtc.enterRoom({ scene: v0 });`, 'javascript');
    const selfRef = 'let scene = scene;\ntrtc.enterRoom({ scene });\n';
    run(selfRef.repeat(20_000), 'javascript');
  });

  it('returns promptly on binary content', () => {
    let s = 'TRTC';
    let x = 12345;
    const chars: string[] = [];
    for (let i = 0; i < 1_000_000; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      chars.push(String.fromCharCode(x & 0xffff));
    }
    s += chars.join('');
    for (const language of ['javascript', 'java', 'python', 'vue', 'json']) run(s, language);
  });

  it('handles many calls and rooms in one file', () => {
    const body = "trtc.enterRoom({ scene: 'live', role: 'audience' });\ntrtc.switchRole('anchor');\n".repeat(20_000);
    const result = run(`import TRTC from 'trtc-sdk-v5';\n${body}`, 'javascript');
    assert.ok(result.rooms.length >= 1);
  });
});

describe('detection robustness: regressions', function () {
  this.timeout(120_000);

  it('reads a member assigned 200,000 times, 128 times, with the first assignments as the value', () => {
    // Every read used to scan all bindings of `config` (4.7 s at this size); the benchmark measures linearity.
    const n = 200_000;
    const text =
      "import TRTC from 'trtc-sdk-v5';\n" +
      "config.scene = 'live';\n" +
      'config.scene = s;\n'.repeat(n) +
      'trtc.enterRoom({ scene: config.scene });\n'.repeat(128);
    const result = run(text, 'javascript');
    assert.equal(result.rooms.length, 1);
    const service = result.rooms[0].service;
    // Candidates 'live' (line 1) and `s` (not set here): unknown, with both services possible.
    assert.equal(service.provenance.kind, 'unknown');
    assert.deepEqual(service.candidates, ['video-live']);
    const self = run(
      "import TRTC from 'trtc-sdk-v5';\n" + "this.scene = 'rtc';\n" + 'other.scene = s;\n'.repeat(n) + 'trtc.enterRoom({ scene: this.scene });\n'.repeat(128),
      'javascript',
    );
    assert.equal(self.rooms[0].service.value, 'video-call');
  });

  it('keeps the rooms of a file with 100,000 nested brackets', () => {
    const nested = 'x = ' + '['.repeat(100_000) + 'a: 1' + ']'.repeat(100_000) + '\n';
    const result = run(`import TRTC from 'trtc-sdk-v5';\ntrtc.enterRoom({ scene: 'live' });\n${nested}`, 'javascript');
    assert.equal(result.rooms.length, 1);
    assert.equal(result.rooms[0].service.value, 'video-live');
    const kotlin = run(
      `${nested}val params = TRTCCloudDef.TRTCParams().apply { role = TRTCCloudDef.TRTCRoleAnchor }\ntrtc.enterRoom(params, ` +
        `TRTCCloudDef.TRTC_APP_SCENE_LIVE)\n`,
      'kotlin',
    );
    assert.equal(kotlin.rooms.length, 1);
    assert.equal(kotlin.rooms[0].role.value, 'anchor');
    for (const language of ['java', 'python', 'swift', 'dart', 'csharp', 'go', 'objective-c']) run(`TRTC ${nested}`, language);
  });

  it('reads every script block of a page, not only the first 64', () => {
    const filler = '<script>var x = 1;</script>\n'.repeat(100);
    const page = `<html><body>${filler}<script>\nimport TRTC from 'trtc-sdk-v5';\ntrtc.enterRoom({ scene: 'live' });\n</script></body></html>`;
    for (const language of ['html', 'vue']) {
      const result = run(page, language);
      assert.equal(result.rooms.length, 1, language);
      assert.equal(result.rooms[0].service.value, 'video-live');
      assert.equal(result.rooms[0].range.start.line, 102);
    }
  });
});
