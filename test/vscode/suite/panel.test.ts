// The calculator panel in a real VS Code extension host: open it prefilled, round-trip a message with the
// webview (ping → pong with a summary of what it shows), and get the inputs back after the panel was hidden
// (its webview is destroyed: no retainContextWhenHidden) and shown again.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { estimate, parseScenario, type Scenario } from '../../../src/core';
import type { PanelSummary } from '../../../src/shared/protocol';
import { activate, eventually, workspaceUri } from './helpers';

/** What the panel reports about itself (the protocol's own type, so the test cannot drift from it). */
type Summary = PanelSummary;

const SCENARIO: Scenario = {
  version: 1,
  name: 'Panel test',
  tariff: { region: 'international', accountCreated: '2024-03-01' },
  period: { days: 30 },
  rooms: [
    {
      name: '1v1',
      service: 'video-call',
      sessionsPerDay: 100,
      minutesPerSession: 30,
      participants: [{ count: 2, role: 'anchor', publish: { camera: { width: 1280, height: 720 }, audio: true }, receive: 'all' }],
    },
    {
      name: 'Webinar',
      service: 'video-live',
      sessionsPerDay: 2,
      minutesPerSession: 60,
      participants: [
        { name: 'host', count: 1, role: 'anchor', publish: { camera: { width: 1920, height: 1080 }, audio: true }, receive: 'all' },
        { name: 'viewers', count: 200, role: 'audience', publish: {}, receive: 'all' },
      ],
    },
  ],
};

function calculatorTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('trtcCost.calculator'));
}

async function ping(): Promise<Summary | undefined> {
  return vscode.commands.executeCommand<Summary | undefined>('trtcCost.calculator.ping', 3000);
}

/** Waits until the webview answers with a summary that satisfies `ok`. */
function summary(ok: (s: Summary) => boolean, what: string): Promise<Summary | undefined> {
  return eventually(ping, (s) => !!s && ok(s), what, 30000);
}

describe('Calculator panel', function () {
  this.timeout(90000);

  before(async function () {
    this.timeout(120000);
    await activate();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens prefilled with a scenario and answers a message round trip with the engine’s total', async () => {
    await vscode.commands.executeCommand('trtcCost.openCalculator', SCENARIO);
    const tab = await eventually(calculatorTab, (t) => !!t, 'the calculator tab');
    assert.ok(tab?.label.length);
    const s = await summary((x) => x.total !== null, 'a total from the webview');
    const parsed = parseScenario(SCENARIO);
    assert.deepEqual(parsed.errors, []);
    // The webview's own clock decides the period start only when it is not given; the total does not depend on it here.
    const expected = estimate(parsed.scenario!);
    assert.equal(s?.total, expected.total);
    assert.equal(s?.currency, 'USD');
    assert.deepEqual(s?.names, ['Panel test']);
    assert.equal(s?.errors, 0);
    assert.equal(s?.locale, vscode.env.language.startsWith('zh') ? 'zh-cn' : 'en');
  });

  it('adds a second prefill as another scenario in the open panel ({scenario} argument form)', async () => {
    const variant = JSON.parse(JSON.stringify(SCENARIO)) as Scenario;
    variant.name = 'Panel test 1080p';
    variant.rooms[0]!.participants[0]!.publish.camera = { width: 1920, height: 1080 };
    await vscode.commands.executeCommand('trtcCost.openCalculator', { scenario: variant });
    const s = await summary((x) => x.scenarios === 2 && x.active === 1 && x.total !== null, 'the second scenario');
    assert.deepEqual(s?.names, ['Panel test', 'Panel test 1080p']);
    assert.equal(s?.total, estimate(parseScenario(variant).scenario!).total);
    // Only one calculator panel exists.
    assert.equal(
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('trtcCost.calculator')).length,
      1,
    );
  });

  it('restores its scenarios after being hidden and shown again', async () => {
    const before = await summary((x) => x.scenarios === 2, 'two scenarios');
    const tab = calculatorTab();
    assert.ok(tab);
    // Hide it: open a text editor in front of it, in the same group.
    const doc = await vscode.workspace.openTextDocument(workspaceUri('src/call.js'));
    await vscode.window.showTextDocument(doc, { viewColumn: tab.group.viewColumn, preview: false });
    await eventually(
      () => calculatorTab()?.isActive,
      (a) => a === false,
      'the calculator to be hidden',
    );
    // Hidden webviews are not running (no retainContextWhenHidden): nobody answers.
    assert.equal(await vscode.commands.executeCommand('trtcCost.calculator.ping', 1500), undefined);
    // Show it again: the command without argument just reveals it.
    await vscode.commands.executeCommand('trtcCost.openCalculator');
    const after = await summary((x) => x.scenarios === 2, 'the restored scenarios');
    assert.deepEqual(after, before);
  });

  it('validates every message from the webview: unknown or malformed ones are ignored', async () => {
    const receive = (m: unknown) => vscode.commands.executeCommand<boolean | undefined>('trtcCost.calculator.testReceive', m);
    assert.equal(await receive({ type: 'bogus' }), false);
    assert.equal(await receive({ type: 'reveal', file: 'src/call.js', line: 0 }), false);
    assert.equal(await receive({ type: 'save', requestId: 'x', text: 1, suggestedName: 'a', saveAs: false }), false);
    assert.equal(await receive({ type: 'ready', protocol: 1, eval: 'x' }), false);
    assert.equal(await receive('ready'), false);
    // The panel still works.
    assert.ok((await summary((x) => x.total !== null, 'the panel after bad messages'))?.total);
  });

  it('reveals the code a room came from', async () => {
    const ok = await vscode.commands.executeCommand('trtcCost.calculator.testReceive', { type: 'reveal', file: 'src/call.js', line: 4, column: 7 });
    assert.equal(ok, true);
    const editor = await eventually(
      () => vscode.window.activeTextEditor,
      (e) => !!e && e.document.uri.path.endsWith('/src/call.js'),
      'src/call.js in an editor',
    );
    assert.equal(editor?.selection.active.line, 3);
    assert.equal(editor?.selection.active.character, 6);
    // Nothing outside the workspace is opened, however the path is spelled.
    for (const file of ['/etc/hostname', '../../../../../../etc/hostname', 'src/../../../../../../etc/hostname', 'file:///etc/hostname']) {
      assert.equal(await vscode.commands.executeCommand('trtcCost.calculator.testReceive', { type: 'reveal', file, line: 1 }), true);
      assert.ok(vscode.window.activeTextEditor?.document.uri.path.endsWith('/src/call.js'), `${file} was not opened`);
    }
    await vscode.commands.executeCommand('trtcCost.openCalculator');
  });

  it('saves to a new workspace file without asking, as the JSON the CLI reads', async () => {
    const target = workspaceUri('calculator-saved.json');
    await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    const text =
      JSON.stringify(JSON.parse(JSON.stringify(SCENARIO, (k, v) => (k === 'camera' && v && typeof v === 'object' ? `${v.width}x${v.height}` : v))), null, 2) +
      '\n';
    const ok = await vscode.commands.executeCommand('trtcCost.calculator.testReceive', {
      type: 'save',
      requestId: 's1',
      text,
      suggestedName: 'Panel test',
      uri: target.toString(),
      saveAs: false,
    });
    assert.equal(ok, true);
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.equal(written, text);
    assert.deepEqual(parseScenario(written).errors, []);
  });

  it('opens a scenario file given as a Uri (e.g. from the explorer)', async () => {
    const file = workspaceUri('calculator-saved.json');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    const value = JSON.parse(text) as Record<string, unknown>;
    value.name = 'From a file';
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(value, null, 2)));
    await vscode.commands.executeCommand('trtcCost.openCalculator', file);
    const s = await summary((x) => x.names.includes('From a file') && x.total !== null, 'the file as a scenario');
    assert.equal(s?.names[s.active], 'From a file');
    assert.equal(s?.total, estimate(parseScenario(value).scenario!).total);
  });

  it('closes cleanly and reopens empty of old state', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await eventually(calculatorTab, (t) => !t, 'the calculator to close');
    assert.equal(await vscode.commands.executeCommand('trtcCost.calculator.ping', 500), undefined);
    await vscode.commands.executeCommand('trtcCost.openCalculator');
    const s = await summary((x) => x.total !== null, 'the fresh calculator');
    assert.equal(s?.scenarios, 1);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

describe('Calculator panel [zh-cn]', function () {
  this.timeout(90000);

  it('speaks the display language', async () => {
    await activate();
    await vscode.commands.executeCommand('trtcCost.openCalculator', SCENARIO);
    const s = await summary((x) => x.total !== null, 'a total');
    if (process.env.TRTC_TEST_LOCALE === 'zh-cn') assert.equal(vscode.env.language.toLowerCase(), 'zh-cn');
    assert.equal(s?.locale, vscode.env.language.startsWith('zh') ? 'zh-cn' : 'en');
    assert.equal(calculatorTab()?.label, vscode.env.language.startsWith('zh') ? 'TRTC 费用计算器' : 'TRTC Cost Calculator');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
