// Monthly packages in the calculator, without a DOM: the edits that add, use and remove a package, and what
// the engine then bills (a suspension turned into a package fee line).
import assert from 'node:assert/strict';
import { apply, type Action } from '../../../src/webview/actions';
import { buildResultModel, compute } from '../../../src/webview/compute';
import { initialState, type State } from '../../../src/webview/state';

const env = { fallbackName: (n: number) => `Scenario ${n}` };
const TODAY = '2025-12-01';

/** International, no package: 2 × 60 min × 10 sessions × 30 days = 36,000 minutes, beyond the 10,000 free ones. */
export const SUSPENDED = {
  version: 1,
  name: 'Support line',
  tariff: { region: 'international', accountCreated: '2025-06-01' },
  period: { start: '2025-12-01', days: 30 },
  rooms: [
    {
      name: 'Support call',
      service: 'video-call',
      sessionsPerDay: 10,
      minutesPerSession: 60,
      participants: [{ count: 2, role: 'anchor', publish: { camera: '1280x720', audio: true }, receive: 'all' }],
    },
  ],
};

function withDoc(value: unknown): State {
  return apply(initialState(undefined, 'en', 'Scenario 1'), { type: 'add-docs', docs: [{ value }] }, env);
}

function run(s: State, ...actions: Action[]): State {
  for (const a of actions) {
    const before = JSON.stringify(s);
    const next = apply(s, a, env);
    assert.equal(JSON.stringify(s), before, `${a.type} must not mutate the previous state`);
    s = next;
  }
  return s;
}

const packagesOf = (s: State): unknown => (s.docs[s.active]!.value as { payment?: { packages?: unknown } }).payment?.packages;

describe('monthly packages in the calculator (no DOM)', () => {
  it('"Use this package" adds the suspension choice and the estimate then bills its fee instead of suspending', () => {
    const s0 = withDoc(SUSPENDED);
    const before = compute(s0.docs[0]!.value, { today: TODAY, advice: false }).bill!;
    assert.equal(before.suspensions.length, 1, 'the scenario is suspended');
    const choice = before.suspensions[0]!.choices.find((c) => c.edition === 'call.1v1')!;
    assert.equal(choice.fee, '199');

    const s1 = run(s0, { type: 'use-package', edition: 'call.1v1' });
    assert.deepEqual(packagesOf(s1), [{ edition: 'call.1v1' }]);
    assert.equal(s1.docs[0]!.dirty, true);
    const after = compute(s1.docs[0]!.value, { today: TODAY, advice: false }).bill!;
    assert.deepEqual(after.suspensions, []);
    const fee = after.lines.find((l) => l.key === 'package.0.call.1v1');
    assert.equal(fee?.amount, '199');
    assert.equal(after.total, choice.total, 'the bill is what the choice said it would cost');

    // Pressed again (a double click): the package is held already, nothing changes.
    assert.equal(run(s1, { type: 'use-package', edition: 'call.1v1' }), s1);
  });

  it('the display model formats the choices as money, and names the app only when the engine does', () => {
    const bill = compute(SUSPENDED, { today: TODAY, advice: false }).bill!;
    const m = buildResultModel(bill, 'en');
    assert.equal(m.suspensions.length, 1);
    const s = m.suspensions[0]!;
    assert.equal(s.from, bill.suspensions[0]!.from);
    assert.equal(s.app, undefined);
    const call = s.choices.find((c) => c.edition === 'call.1v1')!;
    assert.deepEqual([call.fee, call.payAsYouGo, call.total], ['$199.00', '$33.92', '$232.92']);
    assert.equal(call.priced, true);
    const lite = s.choices.find((c) => c.edition === 'rtc-engine.lite')!;
    assert.equal(lite.priced, false);
    assert.equal(lite.total, '');
    // The cheapest priced choice is marked (Call 1v1 at 232.92 beats Group Call at 597).
    assert.deepEqual(
      s.choices.filter((c) => c.cheapest).map((c) => c.edition),
      ['call.1v1'],
    );
    assert.ok(!m.warnings.some((w) => w.code.startsWith('suspended')), 'the alert says it; the warnings list does not repeat it');
  });

  it('adds a package for an app, removes packages by index, and drops the empty list', () => {
    let s = withDoc(SUSPENDED);
    s = run(s, { type: 'add-package', edition: 'rtc-engine.standard' }, { type: 'add-package', edition: 'call.group', app: '1400000001' });
    assert.deepEqual(packagesOf(s), [{ edition: 'rtc-engine.standard' }, { edition: 'call.group', app: '1400000001' }]);
    // An edition with no published price: the engine asks for the fee and minutes, at their paths.
    const errs = compute(s.docs[0]!.value, { today: TODAY }).parse.errors.map((e) => e.path);
    assert.ok(errs.includes('$.payment.packages[0].fee') && errs.includes('$.payment.packages[0].minutes'), errs.join(', '));
    assert.equal(run(s, { type: 'remove-package', index: 5 }), s, 'out of range: unchanged');
    s = run(s, { type: 'remove-package', index: 0 });
    assert.deepEqual(packagesOf(s), [{ edition: 'call.group', app: '1400000001' }]);
    s = run(s, { type: 'remove-package', index: 0 });
    assert.equal(packagesOf(s), undefined);
    assert.deepEqual((s.docs[0]!.value as { payment?: unknown }).payment, {});
  });
});
