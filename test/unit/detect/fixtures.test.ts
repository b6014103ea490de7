// The fixture corpus: realistic files per SDK and language, each with the facts detection must find
// beside it (`<file>.expected.json`), compared exactly. Regenerate after reviewing a change with
// UPDATE_FIXTURES=1 npx mocha test/unit/detect/fixtures.test.ts (then read the diff!).
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { detectRooms, languageIdForFile, summarizeRoom } from '../../../src/core/detect';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');

function fixtureFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...fixtureFiles(path));
    else if (!name.endsWith('.expected.json') && languageIdForFile(name)) out.push(path);
  }
  return out;
}

describe('detection fixture corpus', () => {
  // apps/ holds whole real-app fixtures with their own ground truth (see test/fixtures/apps/README.md).
  const sdkDirs = readdirSync(FIXTURES).filter((d) => statSync(join(FIXTURES, d)).isDirectory() && d !== 'scan' && d !== 'apps');
  const files = sdkDirs.flatMap((d) => fixtureFiles(join(FIXTURES, d)));

  it('has at least two fixtures per SDK and language', () => {
    for (const d of sdkDirs) {
      const count = fixtureFiles(join(FIXTURES, d)).length;
      assert.ok(count >= 2, `${d} has ${count} fixture(s)`);
    }
    assert.ok(sdkDirs.length >= 20);
  });

  it('finds the same facts with Windows line endings', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const language = languageIdForFile(file)!;
      const lf = detectRooms(text, language).rooms.map(summarizeRoom);
      const crlf = detectRooms(text.replace(/\n/g, '\r\n'), language).rooms.map(summarizeRoom);
      assert.deepEqual(crlf, lf, relative(FIXTURES, file));
    }
  });

  for (const file of files) {
    const name = relative(FIXTURES, file);
    it(`finds the expected facts in ${name}`, () => {
      const text = readFileSync(file, 'utf8');
      const result = detectRooms(text, languageIdForFile(file)!, name);
      const actual = { rooms: result.rooms.map(summarizeRoom), notes: result.notes.map((n) => n.code) };
      const expectedPath = `${file}.expected.json`;
      if (process.env.UPDATE_FIXTURES === '1') writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + '\n');
      assert.ok(existsSync(expectedPath), `missing ${relative(FIXTURES, expectedPath)}`);
      const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
      assert.deepEqual(actual, expected);
      assert.ok(actual.rooms.length >= 1, 'every fixture configures at least one room');
    });
  }
});
