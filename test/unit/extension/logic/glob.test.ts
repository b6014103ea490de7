import * as assert from 'node:assert/strict';
import { globToRegExp, matchesAny } from '../../../../src/extension/logic/glob';
import { combineGlobs } from '../../../../src/extension/logic/languages';

describe('extension exclude globs', () => {
  it('matches like files.exclude', () => {
    assert.ok(globToRegExp('**/node_modules/**').test('node_modules/trtc/index.js'));
    assert.ok(globToRegExp('**/node_modules/**').test('a/b/node_modules/x.js'));
    assert.ok(!globToRegExp('**/node_modules/**').test('src/node_modules.ts'));
    assert.ok(globToRegExp('**/*.min.js').test('web/vendor/trtc.min.js'));
    assert.ok(globToRegExp('**/*.min.js').test('trtc.min.js'));
    assert.ok(!globToRegExp('**/*.min.js').test('trtc.js'));
    assert.ok(globToRegExp('src/*.{ts,js}').test('src/a.js'));
    assert.ok(!globToRegExp('src/*.{ts,js}').test('src/deep/a.js'));
    assert.ok(globToRegExp('test?/[ab].ts').test('test1/a.ts'));
  });
  it('checks the relative and the absolute path', () => {
    assert.equal(matchesAny(['**/dist/**'], 'dist/app.js', '/home/u/p/dist/app.js'), '**/dist/**');
    assert.equal(matchesAny(['/home/u/p/gen/**'], 'gen/a.ts', '/home/u/p/gen/a.ts'), '/home/u/p/gen/**');
    assert.equal(matchesAny(['**/dist/**'], 'src/app.js', '/home/u/p/src/app.js'), undefined);
  });
  it('combines globs for findFiles', () => {
    assert.equal(combineGlobs([]), undefined);
    assert.equal(combineGlobs(['a/**']), 'a/**');
    assert.equal(combineGlobs(['a/**', 'b/**']), '{a/**,b/**}');
  });
});
