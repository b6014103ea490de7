// .gitignore rules over project-relative paths (the extension applies them to the files VS Code lists).
import { strict as assert } from 'node:assert';
import { gitignoreMatcher } from '../../../src/core/project';

describe('project: .gitignore rules', () => {
  const ignored = gitignoreMatcher([
    { dir: '', text: '# build output\ndist/\n*.log\n!keep.log\n/only-at-root.js\n' },
    { dir: 'web', text: 'generated/\n' },
    { dir: 'bad', text: '\u0000[\n' },
  ]);
  it('applies each file below its folder, with git semantics', () => {
    assert.equal(ignored('dist/app.js'), true, 'a folder rule');
    assert.equal(ignored('src/dist/app.js'), true, 'without a leading slash, at any depth');
    assert.equal(ignored('a.log'), true);
    assert.equal(ignored('keep.log'), false, 'negation');
    assert.equal(ignored('only-at-root.js'), true);
    assert.equal(ignored('src/only-at-root.js'), false, 'anchored to its folder');
    assert.equal(ignored('web/generated/room.js'), true, 'a nested .gitignore applies in its folder');
    assert.equal(ignored('generated/room.js'), false, '…and not outside it');
    assert.equal(ignored('src/live.js'), false);
  });
  it('never throws on odd rules or paths', () => {
    assert.equal(ignored('bad/x.js'), false);
    assert.equal(ignored(''), false);
    assert.equal(gitignoreMatcher([])('a.js'), false);
  });
});
