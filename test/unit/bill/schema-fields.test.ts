// The new room fields (ai, component) are described once (scenario/shape.ts): the validator and the shipped JSON Schema
// must accept and refuse the same values.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parseScenario } from '../../../src/core';

const root = join(__dirname, '..', '..', '..');
const schemaAccepts = new Ajv({ allErrors: false, strict: false }).compile(JSON.parse(readFileSync(join(root, 'schema', 'scenario.schema.json'), 'utf8')));

const withRoom = (extra: Record<string, unknown>) => ({
  version: 1,
  tariff: { region: 'international' },
  rooms: [
    {
      name: 'r',
      service: 'video-live',
      sessionsPerDay: 1,
      minutesPerSession: 30,
      participants: [{ count: 1, role: 'anchor', publish: { audio: true }, receive: 'all' }],
      ...extra,
    },
  ],
});

describe('ai and component fields: validator and JSON Schema agree', () => {
  const cases: [string, Record<string, unknown>, boolean][] = [
    [
      'a full ai spec',
      {
        ai: {
          conversational: { bots: 2, minutes: 10 },
          speechToText: { minutes: 5, streams: 2 },
          translation: { languages: 3 },
          textToSpeech: { characters: 10, cjkCharacters: 4 },
        },
      },
      true,
    ],
    ['null parts', { ai: { conversational: null, speechToText: null, translation: null, textToSpeech: null } }, true],
    ['ai null', { ai: null }, true],
    ['zero bots', { ai: { conversational: { bots: 0 } } }, false],
    ['fractional bots', { ai: { conversational: { bots: 1.5 } } }, false],
    ['translation without languages', { ai: { translation: { minutes: 3 } } }, false],
    ['negative characters', { ai: { textToSpeech: { cjkCharacters: -2 } } }, false],
    ['fractional characters', { ai: { textToSpeech: { characters: 2.5 } } }, false],
    ['minutes beyond a day', { ai: { speechToText: { minutes: 2000 } } }, false],
    ['the component', { component: 'video-live' }, true],
    ['an unknown component', { component: 'voice-room' }, false],
    ['a component that is not a string', { component: true }, false],
  ];
  for (const [name, extra, ok] of cases) {
    it(`${ok ? 'accepts' : 'refuses'} ${name}`, () => {
      const doc = withRoom(extra);
      assert.equal(parseScenario(JSON.stringify(doc)).errors.length === 0, ok, 'validator');
      assert.equal(schemaAccepts(doc), ok, 'schema');
    });
  }
});
