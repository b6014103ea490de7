// The shipped JSON Schema matches the validator's shape, and every example scenario is valid.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { estimate, parseScenario } from '../../../src/core';
import { scenarioSchemaText } from '../../../scripts/gen-schema';

const root = join(__dirname, '..', '..', '..');

describe('scenario schema and examples', () => {
  it('schema/scenario.schema.json is generated from the current shape (run `npx tsx scripts/gen-schema.ts`)', () => {
    assert.equal(readFileSync(join(root, 'schema', 'scenario.schema.json'), 'utf8'), scenarioSchemaText());
  });

  const dir = join(root, 'examples', 'scenarios');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    it(`examples/scenarios/${file} is valid and estimates without warnings about its own fields`, () => {
      const r = parseScenario(readFileSync(join(dir, file), 'utf8'));
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.warnings, []);
      const b = estimate(r.scenario!, { today: '2026-11-26' });
      assert.ok(Number(b.total) > 0);
      assert.ok(
        b.lines.every((l) => l.explanation.length > 0),
        'every line explains itself',
      );
    });
  }
});
