// The validator (generated from the shape in scenario/shape.ts) and the shipped JSON Schema (generated from the same
// shape, used by editors) must accept the same files: a differential test on resolutions, the field where they
// parted ("01280x720" passed the validator and failed the schema). ajv is used here only: it compiles with
// `new Function`, which the webview's CSP forbids, so it cannot be the product's validator.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { parseScenario } from '../../../src/core';

const root = join(__dirname, '..', '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'schema', 'scenario.schema.json'), 'utf8'));
const base = JSON.parse(readFileSync(join(root, 'examples', 'scenarios', 'tutoring-1v1.json'), 'utf8'));
delete base.$schema;
const ajv = new Ajv({ allErrors: false, strict: false });
const schemaAccepts = ajv.compile(schema);

function withCamera(camera: unknown): unknown {
  const s = structuredClone(base);
  s.rooms[0].participants[0].publish.camera = camera;
  return s;
}

describe('scenario validator against the shipped JSON Schema', () => {
  it('accepts the example as the schema does', () => {
    assert.equal(schemaAccepts(base), true, JSON.stringify(schemaAccepts.errors));
    assert.deepEqual(parseScenario(base).errors, []);
  });

  it('agrees on written resolutions, including leading zeros and odd separators', () => {
    for (const camera of [
      '1280x720',
      '01280x720',
      '1280x0720',
      ' 640 × 360 ',
      '640*360',
      '0x0',
      '640x',
      'x360',
      '123456x1',
      '1280X720',
      '1280 x 720 ',
      '-1x5',
    ]) {
      assert.equal(parseScenario(withCamera(camera)).errors.length === 0, schemaAccepts(withCamera(camera)), `"${camera}"`);
    }
  });

  it('agrees on random resolution strings', () => {
    const part = fc.oneof(fc.stringMatching(/^[0-9]{0,6}$/), fc.constantFrom('0', '00', '1', '99999', '100000'));
    fc.assert(
      fc.property(part, fc.constantFrom('x', 'X', '×', '*', ' x ', '-', ''), part, fc.constantFrom('', ' '), (w, sep, h, pad) => {
        const camera = `${pad}${w}${sep}${h}${pad}`;
        return (parseScenario(withCamera(camera)).errors.length === 0) === schemaAccepts(withCamera(camera));
      }),
      { numRuns: 400 },
    );
  });
});
