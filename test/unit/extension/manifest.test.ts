// The manifest contract other parts rely on: commands, activation, settings sections, web entry, capabilities.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
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
  it('has a walkthrough whose every text is in English and Chinese, with media for both and real completion events', () => {
    const en = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));
    const zh = JSON.parse(readFileSync(join(root, 'package.nls.zh-cn.json'), 'utf8'));
    const nlsKey = (v: string) => /^%([\w.-]+)%$/.exec(v)?.[1];
    const [wt, ...more] = pkg.contributes.walkthroughs;
    assert.equal(more.length, 0);
    assert.equal(wt.id, 'trtcCost.start');
    const texts: string[] = [wt.title, wt.description];
    const commands = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));
    const settings = new Set<string>(pkg.contributes.configuration.flatMap((s: { properties: object }) => Object.keys(s.properties)));
    const views = new Set<string>(Object.values(pkg.contributes.views as Record<string, { id: string }[]>).flatMap((v) => v.map((x) => x.id)));
    const builtIn = new Set(['workbench.action.openSettings', 'workbench.view.extension.trtcCost']);
    assert.ok(wt.steps.length >= 5);
    for (const step of wt.steps) {
      texts.push(step.title, step.description);
      // Markdown media through nls: each language names its own file, and both exist.
      const media = nlsKey(step.media.markdown);
      assert.ok(media, `${step.id}: the media path is localized`);
      assert.equal(en[media], `media/walkthrough/${step.id}.md`);
      assert.equal(zh[media], `media/walkthrough/${step.id}.zh-cn.md`);
      for (const f of [en[media], zh[media]]) assert.ok(existsSync(join(root, f)), f);
      assert.match(readFileSync(join(root, zh[media]), 'utf8'), /[\u4e00-\u9fff]/, `${zh[media]} is in Chinese`);
      // Each step completes from an action, never by merely being selected, and names things that exist.
      assert.ok(step.completionEvents.length > 0, `${step.id} has completion events`);
      for (const ev of step.completionEvents as string[]) {
        const [, kind, arg] = /^(\w+):(.*)$/.exec(ev) ?? [];
        if (kind === 'onCommand') assert.ok(commands.has(arg), `${step.id}: ${ev} names a contributed command`);
        else if (kind === 'onSettingChanged') assert.ok(settings.has(arg), `${step.id}: ${ev} names a setting`);
        else if (kind === 'onView') assert.ok(views.has(arg), `${step.id}: ${ev} names a view`);
        else assert.equal(kind, 'onContext', `${step.id}: ${ev}`);
      }
      // Every button runs a command that exists, in both languages.
      for (const d of [en[nlsKey(step.description)!], zh[nlsKey(step.description)!]]) {
        const links = [...d.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]);
        assert.ok(links.length > 0, `${step.id} has a button`);
        for (const c of links) assert.ok(commands.has(c) || builtIn.has(c), `${step.id}: ${c}`);
      }
      assert.deepEqual(
        [...en[nlsKey(step.description)!].matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]),
        [...zh[nlsKey(step.description)!].matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]),
        `${step.id}: the same buttons in both languages`,
      );
    }
    for (const text of texts) {
      const key = nlsKey(text);
      assert.ok(key, `"${text}" is localized`);
      assert.ok(en[key], key);
      assert.match(zh[key], /[\u4e00-\u9fff]/, `${key} is translated`);
    }
    assert.match(en['walkthrough.region.description'], /openSettings\?%5B%22%40id%3AtrtcCost\.region%2CtrtcCost\.accountCreated/);
  });

  it('is ready to publish: an icon, a changelog and an allowlist that ships what the walkthrough opens', () => {
    assert.equal(pkg.icon, 'media/icon.png');
    const png = readFileSync(join(root, pkg.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.match(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), new RegExp(`## \\[${pkg.version.replace(/\./g, '\\.')}\\]`));
    const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
    for (const line of ['**', '!docs/ci.md', '!examples/classroom-app/**', '!media/**', '!CHANGELOG.md']) assert.ok(ignore.includes(line), line);
    assert.ok(!ignore.some((l) => /^!(src|test|bench|scripts)\b/.test(l)));
  });
});
