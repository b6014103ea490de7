// The calculator's edits as pure functions: each action applied to a state, without a DOM.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apply, type Action } from '../../../src/webview/actions';
import { useLanguage } from '../../../src/webview/labels';
import { getAt, newScenario } from '../../../src/webview/jsonPath';
import { draftKey, initialState, restoreState, toPersisted, type State } from '../../../src/webview/state';

const env = { fallbackName: (n: number) => `Scenario ${n}` };

function fresh(): State {
  return initialState(undefined, 'en', 'Scenario 1');
}

/** Apply actions in order, checking on the way that no state or value handed in was mutated. */
function run(s: State, ...actions: Action[]): State {
  for (const a of actions) {
    const before = JSON.stringify(s);
    const next = apply(s, a, env);
    assert.equal(JSON.stringify(s), before, `${a.type} must not mutate the previous state`);
    s = next;
  }
  return s;
}

function value(s: State, i = s.active): Record<string, unknown> {
  return s.docs[i]!.value as Record<string, unknown>;
}

const TWO_GROUPS = {
  version: 1,
  name: 'Class',
  rooms: [
    {
      name: 'Lesson',
      service: 'video-call',
      participants: [
        { name: 'teacher', count: 1, role: 'anchor', publish: { camera: '1280x720', audio: true }, receive: 'all' },
        { name: 'pupils', count: 3, role: 'anchor', publish: { camera: '640x360', audio: true }, receive: { from: ['teacher'] } },
      ],
    },
  ],
};

describe('calculator actions (no DOM)', () => {
  it('starts with one pristine starter scenario, which a prefill replaces', () => {
    const s0 = fresh();
    assert.equal(s0.docs.length, 1);
    assert.equal(s0.pristine, true);
    const s1 = run(s0, { type: 'add-docs', docs: [{ value: TWO_GROUPS, fileName: 'class.json' }] });
    assert.equal(s1.docs.length, 1);
    assert.equal(value(s1).name, 'Class');
    assert.equal(s1.docs[0]!.fileName, 'class.json');
    assert.equal(s1.docs[0]!.id, 2, 'a new id, so nothing computed for the starter is reused');
    assert.equal(s1.pristine, false);
    // The same content again is shown, not added twice; other content is added and shown.
    const s2 = run(s1, { type: 'new-scenario' }, { type: 'add-docs', docs: [{ value: TWO_GROUPS }] });
    assert.equal(s2.docs.length, 2);
    assert.equal(s2.active, 0);
    const s3 = run(s2, { type: 'add-docs', docs: [{ value: newScenario('Other') }] });
    assert.deepEqual([s3.docs.length, s3.active], [3, 2]);
  });

  it('converts engine-form resolutions to the file form on the way in', () => {
    const s = run(fresh(), { type: 'add-docs', docs: [{ value: { rooms: [{ participants: [{ publish: { camera: { width: 1920, height: 1080 } } }] }] } }] });
    assert.equal(getAt(value(s), ['rooms', 0, 'participants', 0, 'publish', 'camera']), '1920x1080');
  });

  it('edits a field into a new value object and marks the scenario unsaved', () => {
    const s0 = fresh();
    const s1 = run(s0, { type: 'set-field', path: ['rooms', 0, 'sessionsPerDay'], value: 250, typing: true, typed: { '': '250' } });
    assert.notEqual(s1.docs[0]!.value, s0.docs[0]!.value);
    assert.equal(getAt(value(s1), ['rooms', 0, 'sessionsPerDay']), 250);
    assert.equal(getAt(value(s0), ['rooms', 0, 'sessionsPerDay']), 10, 'the old value is untouched');
    assert.equal(s1.docs[0]!.dirty, true);
    assert.equal(s1.ui.drafts[draftKey(s1.docs[0]!.id, '$.rooms[0].sessionsPerDay')], '250');
    const s2 = run(s1, { type: 'set-field', path: ['rooms', 0, 'name'], value: undefined });
    assert.equal('name' in (getAt(value(s2), ['rooms', 0]) as object), false, 'undefined removes the key');
  });

  it('adds, duplicates, moves and removes rooms', () => {
    let s = run(fresh(), { type: 'add-room', service: 'voice-live' });
    const rooms = () => (value(s).rooms as { name: string; service: string }[]).map((r) => `${r.name}/${r.service}`);
    assert.deepEqual(rooms(), ['Room 1/video-call', 'Room 2/voice-live']);
    s = run(s, { type: 'move-room', index: 1, dir: -1 });
    assert.deepEqual(rooms(), ['Room 2/voice-live', 'Room 1/video-call']);
    s = run(s, { type: 'duplicate-room', index: 0 });
    assert.deepEqual(rooms(), ['Room 2/voice-live', 'Room 2 (2)/voice-live', 'Room 1/video-call']);
    s = run(s, { type: 'remove-room', index: 1 });
    assert.deepEqual(rooms(), ['Room 2/voice-live', 'Room 1/video-call']);
    // Out of range: nothing happens (the same state comes back).
    for (const a of [
      { type: 'move-room', index: 0, dir: -1 },
      { type: 'remove-room', index: 5 },
      { type: 'duplicate-room', index: -1 },
    ] as Action[])
      assert.equal(apply(s, a, env), s, a.type);
  });

  it('adds groups with unique names and removes a group from the others’ receive lists', () => {
    let s = run(fresh(), { type: 'add-docs', docs: [{ value: TWO_GROUPS }] }, { type: 'add-group', room: 0, role: 'audience' });
    const groups = () => getAt(value(s), ['rooms', 0, 'participants']) as { name: string; role: string; receive: unknown }[];
    assert.deepEqual(
      groups().map((g) => [g.name, g.role]),
      [
        ['teacher', 'anchor'],
        ['pupils', 'anchor'],
        ['group 3', 'audience'],
      ],
    );
    s = run(s, { type: 'remove-group', room: 0, index: 0 });
    assert.deepEqual(
      groups().map((g) => g.name),
      ['pupils', 'group 3'],
    );
    assert.deepEqual(groups()[0]!.receive, { from: [] }, 'the removed group is no longer received');
  });

  it('names a new group in the panel’s language (the bundle the host sends), still unique', () => {
    const zh = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    useLanguage('zh-cn', zh);
    try {
      const s = run(
        fresh(),
        { type: 'add-docs', docs: [{ value: TWO_GROUPS }] },
        { type: 'add-group', room: 0, role: 'anchor' },
        { type: 'add-group', room: 0, role: 'audience' },
      );
      const names = (getAt(value(s), ['rooms', 0, 'participants']) as { name: string }[]).map((g) => g.name);
      assert.deepEqual(names, ['teacher', 'pupils', '分组 3', '分组 4']);
    } finally {
      useLanguage('en', undefined);
    }
  });

  it('follows a group rename into receive.from, and does nothing when no list names it', () => {
    const s0 = run(
      fresh(),
      { type: 'add-docs', docs: [{ value: TWO_GROUPS }] },
      { type: 'set-field', path: ['rooms', 0, 'participants', 0, 'name'], value: 'coach' },
    );
    const s1 = run(s0, { type: 'rename-group', path: ['rooms', 0, 'participants', 0, 'name'], from: 'teacher', to: 'coach' });
    assert.deepEqual(getAt(value(s1), ['rooms', 0, 'participants', 1, 'receive']), { from: ['coach'] });
    assert.equal(apply(s1, { type: 'rename-group', path: ['rooms', 0, 'participants', 1, 'name'], from: 'pupils', to: 'kids' }, env), s1);
  });

  it('receive "some" names every group and lists the others; toggles add and remove one', () => {
    const base = structuredClone(TWO_GROUPS);
    delete (base.rooms[0]!.participants[1] as { name?: string }).name;
    let s = run(
      fresh(),
      { type: 'add-docs', docs: [{ value: base }] },
      { type: 'set-receive', path: ['rooms', 0, 'participants', 0, 'receive'], choice: 'some' },
    );
    assert.equal(getAt(value(s), ['rooms', 0, 'participants', 1, 'name']), 'group 2');
    assert.deepEqual(getAt(value(s), ['rooms', 0, 'participants', 0, 'receive']), { from: ['group 2'] });
    s = run(s, { type: 'toggle-receive-from', path: ['rooms', 0, 'participants', 0, 'receive', 'from'], name: 'group 2', on: false });
    assert.deepEqual(getAt(value(s), ['rooms', 0, 'participants', 0, 'receive', 'from']), []);
    s = run(s, { type: 'toggle-receive-from', path: ['rooms', 0, 'participants', 0, 'receive', 'from'], name: 'group 2', on: true });
    assert.deepEqual(getAt(value(s), ['rooms', 0, 'participants', 0, 'receive', 'from']), ['group 2']);
    assert.equal(apply(s, { type: 'set-receive', path: ['rooms', 0, 'participants', 0, 'receive'], choice: 'invalid' }, env), s);
  });

  it('roles, add-ons, free minutes, resolutions and pack sizes', () => {
    const g: (string | number)[] = ['rooms', 0, 'participants', 0];
    let s = run(fresh(), { type: 'set-role', path: g, role: 'audience' });
    assert.deepEqual(getAt(value(s), [...g, 'publish']), {});
    s = run(s, { type: 'set-role', path: g, role: 'anchor' });
    assert.deepEqual(getAt(value(s), [...g, 'publish']), { camera: '1280x720', audio: true });
    s = run(s, { type: 'toggle-addon', path: ['rooms', 0, 'recording'], on: true }, { type: 'toggle-addon', path: ['rooms', 0, 'relay'], on: true });
    assert.deepEqual(getAt(value(s), ['rooms', 0, 'recording']), { mode: 'mixed' });
    assert.deepEqual(getAt(value(s), ['rooms', 0, 'relay']), { target: 'tencent-css' });
    s = run(s, { type: 'toggle-addon', path: ['rooms', 0, 'recording'], on: false });
    assert.equal(getAt(value(s), ['rooms', 0, 'recording']), undefined);
    s = run(s, { type: 'set-free-minutes', path: ['payment', 'freeMinutes'], choice: 'remaining' });
    assert.deepEqual(getAt(value(s), ['payment', 'freeMinutes']), { remaining: 10000 });
    s = run(s, { type: 'set-free-minutes', path: ['payment', 'freeMinutes'], choice: 'false' });
    assert.equal(getAt(value(s), ['payment', 'freeMinutes']), false);

    const cam = [...g, 'publish', 'camera'];
    s = run(s, { type: 'set-resolution', path: cam, choice: 'custom' });
    assert.equal(getAt(value(s), cam), '1280x720', 'custom keeps the value');
    assert.deepEqual(s.ui.customRes, ['$.rooms[0].participants[0].publish.camera'], 'and remembers the choice');
    s = run(s, { type: 'set-resolution', path: cam, choice: '' });
    assert.equal(getAt(value(s), cam), undefined);
    assert.deepEqual(s.ui.customRes, []);

    s = run(s, { type: 'add-pack' }, { type: 'set-pack-size', path: ['payment', 'packs', 0, 'minutes'], choice: '1000000' });
    assert.deepEqual(getAt(value(s), ['payment', 'packs']), [{ minutes: 1000000 }]);
    s = run(s, { type: 'set-pack-size', path: ['payment', 'packs', 0, 'minutes'], choice: 'custom' });
    assert.deepEqual(s.ui.customPack, ['$.payment.packs[0].minutes']);
    assert.equal(apply(s, { type: 'set-pack-size', path: ['payment', 'packs', 0, 'minutes'], choice: 'lots' }, env), s);
    s = run(s, { type: 'remove-pack', index: 0 });
    assert.deepEqual(getAt(value(s), ['payment', 'packs']), []);
  });

  it('new, duplicate, select and close scenarios; closing unsaved work takes a second press', () => {
    let s = run(fresh(), { type: 'new-scenario' });
    assert.deepEqual([s.docs.length, s.active, value(s).name], [2, 1, 'Scenario 2']);
    s = run(s, { type: 'duplicate-scenario' });
    assert.deepEqual([s.docs.length, s.active, value(s).name, s.docs[2]!.dirty], [3, 2, 'Scenario 2 (2)', true]);
    assert.equal(apply(s, { type: 'select', index: 7 }, env), s, 'no such tab');
    s = run(s, { type: 'select', index: -1 }, { type: 'set-baseline', index: 2 }, { type: 'select', index: 2 });
    s = run(s, { type: 'close-scenario' });
    assert.equal(s.docs.length, 3, 'the first press only asks');
    assert.equal(s.ui.confirmClose, s.docs[2]!.id);
    s = run(s, { type: 'toggle-explain', key: 'line:x', open: true });
    assert.equal(s.ui.confirmClose, undefined, 'any other action cancels the confirmation');
    s = run(s, { type: 'close-scenario' }, { type: 'close-scenario' });
    assert.deepEqual([s.docs.length, s.active, s.baseline], [2, 1, 1]);
    s = run(s, { type: 'close-scenario' }); // Scenario 2 is not dirty: closes at once
    assert.equal(s.docs.length, 1);
    assert.equal(apply(s, { type: 'close-scenario' }, env), s, 'the last scenario stays');
  });

  it('saved clears the unsaved mark only if nothing changed since', () => {
    let s = run(fresh(), { type: 'set-field', path: ['name'], value: 'A' });
    const id = s.docs[0]!.id;
    const written = s.docs[0]!.value;
    const later = run(
      s,
      { type: 'set-field', path: ['name'], value: 'AB' },
      { type: 'saved', docId: id, value: written, uri: 'file:///a.json', fileName: 'a.json' },
    );
    assert.deepEqual([later.docs[0]!.dirty, later.docs[0]!.fileName], [true, 'a.json']);
    s = run(s, { type: 'saved', docId: id, value: written, uri: 'file:///a.json', fileName: 'a.json' });
    assert.deepEqual([s.docs[0]!.dirty, s.docs[0]!.uri], [false, 'file:///a.json']);
  });

  it('sections and explanations open and close; computed keeps the last valid value', () => {
    let s = run(fresh(), { type: 'toggle-section', key: 'tariff', open: false }, { type: 'toggle-explain', key: 'room:0', open: true });
    assert.deepEqual([s.closed, s.ui.openExplain], [['tariff'], ['room:0']]);
    s = run(s, { type: 'toggle-section', key: 'tariff', open: true }, { type: 'toggle-explain', key: 'room:0', open: false });
    assert.deepEqual([s.closed, s.ui.openExplain], [[], []]);
    const v = s.docs[0]!.value;
    s = run(s, { type: 'computed', docId: s.docs[0]!.id, value: v });
    assert.equal(s.docs[0]!.lastValid, v);
    assert.equal(apply(s, { type: 'computed', docId: s.docs[0]!.id, value: v }, env), s);
  });
});

describe('calculator state persistence', () => {
  it('round-trips through what setState keeps, without the page-only part', () => {
    const s = run(
      fresh(),
      { type: 'new-scenario' },
      { type: 'toggle-explain', key: 'line:a', open: true },
      { type: 'toggle-section', key: 'rooms', open: false },
    );
    const kept = JSON.parse(JSON.stringify(toPersisted(s)));
    assert.equal('ui' in kept, false);
    assert.deepEqual(restoreState(kept), kept);
  });

  it('refuses what is not a state and repairs out-of-range indexes', () => {
    for (const bad of [
      undefined,
      null,
      1,
      'x',
      [],
      { v: 2, docs: [{ id: 1, value: {} }] },
      { v: 1, docs: [] },
      { v: 1, docs: [{ id: 'a', value: {} }] },
      { v: 1, docs: [{ id: 1 }] },
      {
        v: 1,
        docs: [
          { id: 1, value: 1 },
          { id: 1, value: 2 },
        ],
      },
    ])
      assert.equal(restoreState(bad), undefined, JSON.stringify(bad));
    const r = restoreState({ v: 1, docs: [{ id: 4, value: {}, dirty: 'yes', uri: 5 }], active: 9, baseline: -2, nextId: 2, closed: ['a', 3] });
    assert.deepEqual(r, { v: 1, docs: [{ id: 4, value: {}, dirty: false }], active: 0, baseline: 0, nextId: 5, pristine: false, closed: ['a'] });
  });
});
