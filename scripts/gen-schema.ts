// Writes schema/scenario.schema.json from the scenario shape (src/core/scenario/shape.ts).
// `npm test` checks the committed file is up to date, so the schema editors use cannot drift.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIO_SHAPE, toJsonSchema } from '../src/core/scenario/shape';
import { tariffSchemaShape } from '../src/core/tariff/schema';

export function scenarioSchemaText(): string {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://trtc-cost.dev/schema/scenario-1.json',
    title: 'TRTC Cost scenario',
    ...toJsonSchema(SCENARIO_SHAPE),
  };
  return JSON.stringify(schema, null, 2) + '\n';
}

/** The schema of the bundled tariff data files (src/core/tariff/data/*.json). */
export function tariffSchemaText(): string {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://trtc-cost.dev/schema/tariff-1.json',
    title: 'TRTC Cost tariff data file',
    ...toJsonSchema(tariffSchemaShape()),
  };
  return JSON.stringify(schema, null, 2) + '\n';
}

if (require.main === module) {
  const out = join(__dirname, '..', 'schema', 'scenario.schema.json');
  writeFileSync(out, scenarioSchemaText());
  console.log(`wrote ${out}`);
  const tariffOut = join(__dirname, '..', 'schema', 'tariff.schema.json');
  writeFileSync(tariffOut, tariffSchemaText());
  console.log(`wrote ${tariffOut}`);
}
