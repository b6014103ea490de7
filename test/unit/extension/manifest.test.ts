// The manifest contract other parts rely on: commands, activation, settings sections, web entry, capabilities.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, SETTING_KEYS } from '../../../src/extension/logic/settings';
import { LANGUAGES } from '../../../src/extension/logic/languages';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('extension manifest', () => {
  it('contributes the commands in the TRTC category', () => {
    const ids = pkg.contributes.commands.map((c: { command: string }) => c.command);
    for (const id of ['trtcCost.estimate', 'trtcCost.openCalculator', 'trtcCost.toggleInline', 'trtcCost.showBreakdown', 'trtcCost.openScenarioFile']) {
      assert.ok(ids.includes(id), id);
    }
    for (const c of pkg.contributes.commands) assert.equal(c.category, 'TRTC', c.command);
    const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));
    assert.equal(nls['command.estimate'], 'Estimate TRTC cost');
    assert.equal(nls['command.openCalculator'], 'Open Cost Calculator');
  });

  it('activates on the languages the providers serve, the scenario file and the calculator panel', () => {
    const events: string[] = pkg.activationEvents;
    for (const l of LANGUAGES) assert.ok(events.includes(`onLanguage:${l}`), l);
    assert.ok(events.includes('onWebviewPanel:trtcCost.calculator'));
    assert.ok(events.includes('workspaceContains:.vscode/trtc-cost.json'));
  });

  it('declares every setting in titled sections with markdown descriptions and matching defaults', () => {
    const sections = pkg.contributes.configuration;
    assert.ok(Array.isArray(sections) && sections.length >= 4);
    const props: Record<string, { markdownDescription?: string; default?: unknown }> = {};
    for (const s of sections) {
      assert.match(s.title, /^%config\.section\./);
      Object.assign(props, s.properties);
    }
    for (const key of SETTING_KEYS) {
      const p = props[`trtcCost.${key}`];
      assert.ok(p, `trtcCost.${key} is declared`);
      assert.match(p.markdownDescription ?? '', /^%config\./, `trtcCost.${key} has a markdownDescription`);
    }
    assert.equal(Object.keys(props).length, SETTING_KEYS.length);
    const d = DEFAULT_SETTINGS;
    assert.equal(props['trtcCost.region'].default, d.region);
    assert.equal(props['trtcCost.assumptions.participants'].default, d.assumptions.publishers);
    assert.equal(props['trtcCost.assumptions.audience'].default, d.assumptions.audience);
    assert.equal(props['trtcCost.assumptions.minutesPerSession'].default, d.assumptions.minutesPerSession);
    assert.equal(props['trtcCost.assumptions.sessionsPerDay'].default, d.assumptions.sessionsPerDay);
    assert.equal(props['trtcCost.assumptions.daysPerMonth'].default, d.assumptions.daysPerMonth);
    assert.deepEqual(props['trtcCost.exclude'].default, d.exclude);
    assert.equal(props['trtcCost.maxFileSizeKB'].default, d.maxFileSizeKB);
    assert.equal(props['trtcCost.debounceMs'].default, d.debounceMs);
    assert.equal(props['trtcCost.scenarioFile'].default, d.scenarioFile);
  });

  it('runs on the web and says what Restricted Mode limits', () => {
    assert.equal(pkg.main, './dist/extension.js');
    assert.equal(pkg.browser, './dist/web/extension.js');
    assert.equal(pkg.capabilities.virtualWorkspaces, true);
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['trtcCost.contract.priceBookFile', 'trtcCost.scenarioFile']);
    assert.equal(pkg.l10n, './l10n');
  });

  it('validates scenario files against the shipped schema', () => {
    const v = pkg.contributes.jsonValidation;
    assert.deepEqual(v.map((x: { fileMatch: string }) => x.fileMatch).sort(), ['*.trtc-scenario.json', '.vscode/trtc-cost.json']);
    for (const x of v) assert.equal(x.url, './schema/scenario.schema.json');
  });

  it('keeps the scripts the project relies on', () => {
    for (const s of ['build', 'check', 'test:unit', 'test:vscode', 'test', 'bench', 'estimate:example', 'package']) assert.ok(pkg.scripts[s], s);
    assert.match(pkg.scripts.test, /check.*build.*test:unit.*test:vscode/);
    assert.equal(pkg.bin['trtc-cost'], './dist/cli.js');
  });
});
