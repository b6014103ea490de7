// Reading JSON with positions and editing a user's file in place (jsonc-parser underneath): what the parser accepts
// and refuses where, and that an edit changes only the values that differ, keeping comments and layout.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseScenario } from '../../../src/core';
import { editJsonText, formattingOf, parseJsonWithPositions } from '../../../src/core/scenario/json';

describe('JSON reading', () => {
  it('records the position of every value by JSON path, quoting keys that are not identifiers', () => {
    const r = parseJsonWithPositions('{\n  "a": [1, {"b c": null}],\n  "d": true\n}');
    assert.ok(r.ok);
    assert.deepEqual(r.value, { a: [1, { 'b c': null }], d: true });
    assert.deepEqual(Object.fromEntries(r.positions), {
      $: { line: 1, column: 1 },
      '$.a': { line: 2, column: 8 },
      '$.a[0]': { line: 2, column: 9 },
      '$.a[1]': { line: 2, column: 12 },
      '$.a[1]["b c"]': { line: 2, column: 20 },
      '$.d': { line: 3, column: 8 },
    });
  });

  it('is strict JSON unless asked for JSONC: comments and trailing commas are errors at their line and column', () => {
    const text = '{\n  // people per room\n  "a": 1,\n}';
    const strict = parseJsonWithPositions(text);
    assert.ok(!strict.ok);
    assert.deepEqual(strict.position, { line: 2, column: 3 });
    assert.match(strict.message.en, /comments are not allowed here.*\.vscode\/trtc-cost\.json may have comments/);
    assert.match(strict.message.zh, /不能写注释/);
    const noComment = parseJsonWithPositions('{\n  "a": 1,\n}');
    assert.ok(!noComment.ok);
    assert.deepEqual(noComment.position, { line: 3, column: 1 });
    assert.match(noComment.message.en, /expected a property name in double quotes, found "}"/);
    const loose = parseJsonWithPositions(text, { jsonc: true });
    assert.ok(loose.ok);
    assert.deepEqual(loose.value, { a: 1 });
    assert.deepEqual(loose.positions.get('$.a'), { line: 3, column: 8 });
  });

  it('refuses what JSON.parse refuses, each with a reason and a place', () => {
    const cases: [string, RegExp, number, number][] = [
      ['{"a": 01}', /expected ","/, 1, 8],
      ['{"a": NaN}', /unexpected "NaN": expected a value/, 1, 7],
      ['{"a": "x\ty"}', /control character in string/, 1, 7],
      ['{"a": "\\q"}', /invalid escape in string/, 1, 7],
      ['{"a": "open', /unterminated string/, 1, 7],
      ['[1] [2]', /unexpected "\[" after the end of the document/, 1, 5],
      ['', /expected a value, found end of file/, 1, 1],
      ['\r\r  {"a" 1}', /expected ":" after property name, found "1"/, 3, 8],
    ];
    for (const [text, message, line, column] of cases) {
      const r = parseJsonWithPositions(text);
      assert.ok(!r.ok, text);
      assert.match(r.message.en, message, text);
      assert.deepEqual(r.position, { line, column }, text);
      assert.throws(() => JSON.parse(text), SyntaxError, text);
    }
    // JSON.parse takes the last of two equal keys; which one counts is not obvious to the reader, so it is refused.
    const twice = parseJsonWithPositions('{"a": 1, "a": 2}');
    assert.ok(!twice.ok);
    assert.match(twice.message.en, /duplicate property "a"/);
    assert.deepEqual(twice.position, { line: 1, column: 10 });
  });

  it('stops at nesting depth 64 without recursing into a hostile document', () => {
    const r = parseJsonWithPositions('\n' + '['.repeat(1_000_000));
    assert.ok(!r.ok);
    assert.match(r.message.en, /nesting deeper than 64 levels/);
    assert.deepEqual(r.position, { line: 2, column: 65 });
    assert.ok(parseJsonWithPositions('['.repeat(64) + ']'.repeat(64)).ok);
  });

  it('reads past a UTF-8 byte-order mark and keeps "__proto__" as a plain key', () => {
    const r = parseJsonWithPositions('\ufeff{"__proto__": {"x": 1}}');
    assert.ok(r.ok);
    assert.equal(Object.getPrototypeOf(r.value), Object.prototype);
    assert.deepEqual(Object.keys(r.value as object), ['__proto__']);
    assert.deepEqual(r.positions.get('$.__proto__'), { line: 1, column: 16 });
  });

  it('a scenario file is strict JSON: a comment is reported with its line', () => {
    const r = parseScenario('{\n  "version": 1, // first\n  "rooms": []\n}');
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0].line, 2);
    assert.match(r.errors[0].message.en, /^not valid JSON: comments are not allowed here/);
  });
});

describe('JSON editing in place', () => {
  const scenario = [
    '{',
    '    // Q3 numbers from the analytics dashboard',
    '    "version": 1,',
    '    "tariff": { "region": "mainland" },',
    '    "rooms": [',
    '        {',
    '            "name": "lecture",   /* the big one */',
    '            "sessionsPerDay": 10,',
    '            "minutesPerSession": 45 // a class period',
    '        },',
    '        { "name": "office hours", "sessionsPerDay": 3 },',
    '        { "name": "old", "sessionsPerDay": 1 }',
    '    ]',
    '}',
    '',
  ].join('\n');
  const value = () => JSON.parse(scenario.replace(/\/\/.*|\/\*.*?\*\//g, ''));

  it('changes only the values that differ; comments, key order and layout stay', () => {
    const next = value();
    next.rooms[0].sessionsPerDay = 12;
    next.rooms[1].name = 'office hours (TA)';
    next.rooms.splice(2, 1);
    const out = editJsonText(scenario, next);
    assert.equal(
      out,
      [
        '{',
        '    // Q3 numbers from the analytics dashboard',
        '    "version": 1,',
        '    "tariff": { "region": "mainland" },',
        '    "rooms": [',
        '        {',
        '            "name": "lecture",   /* the big one */',
        '            "sessionsPerDay": 12,',
        '            "minutesPerSession": 45 // a class period',
        '        },',
        '        { "name": "office hours (TA)", "sessionsPerDay": 3 }',
        '    ]',
        '}',
        '',
      ].join('\n'),
    );
  });

  it("puts a new key after the key before it, below a trailing comment, in the file's indentation", () => {
    const next = value();
    next.rooms[0] = { name: 'lecture', sessionsPerDay: 10, minutesPerSession: 45, participants: [{ count: 30 }] };
    const out = editJsonText(scenario, next);
    assert.equal(
      out,
      [
        '{',
        '    // Q3 numbers from the analytics dashboard',
        '    "version": 1,',
        '    "tariff": { "region": "mainland" },',
        '    "rooms": [',
        '        {',
        '            "name": "lecture",   /* the big one */',
        '            "sessionsPerDay": 10,',
        '            "minutesPerSession": 45, // a class period',
        '            "participants": [',
        '                {',
        '                    "count": 30',
        '                }',
        '            ]',
        '        },',
        '        { "name": "office hours", "sessionsPerDay": 3 },',
        '        { "name": "old", "sessionsPerDay": 1 }',
        '    ]',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('keeps CRLF line endings, tabs and a byte-order mark; removes a key with its line', () => {
    const text = '\ufeff{\r\n\t"a": 1, // one\r\n\t"b": 2\r\n}\r\n';
    assert.equal(editJsonText(text, { a: 1, b: 2, c: 'x' }), '\ufeff{\r\n\t"a": 1, // one\r\n\t"b": 2,\r\n\t"c": "x"\r\n}\r\n');
    assert.equal(editJsonText(text, { a: 1 }), '\ufeff{\r\n\t"a": 1 // one\r\n}\r\n');
    assert.deepEqual(formattingOf(text), { insertSpaces: false, tabSize: 1, eol: '\r\n' });
  });

  it('gives up (undefined) on a file it cannot read, so the caller writes the new value afresh', () => {
    assert.equal(editJsonText('{ "a": ', { a: 1 }), undefined);
    assert.equal(editJsonText('[1, 2]', { a: 1 }), '{\n  "a": 1\n}');
  });

  it('always gives exactly the new value, whatever the two values are (property)', () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(json, json, fc.constantFrom(0, 2, 4, '\t'), (from, to, indent) => {
        const out = editJsonText(JSON.stringify(from, null, indent) + '\n', to);
        assert.notEqual(out, undefined);
        assert.deepEqual(JSON.parse(out!), JSON.parse(JSON.stringify(to)));
      }),
      { numRuns: 300 },
    );
  });
});
