// The extension in a real VS Code extension host (code-server 4.100.3 = VS Code 1.100.3): hover, CodeLens,
// the estimate command, the status bar and settings, against the fixture workspace (test/vscode/fixtures/workspace).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { runScan } from '../../../src/cli/scan';
import {
  activate,
  amountOf,
  eventually,
  hoverText,
  lenses,
  lensTitles,
  plain,
  positionOf,
  setSetting,
  workspaceUri,
  type EstimateResult,
  type TrtcCostApi,
} from './helpers';

const LENS =
  /^TRTC list price [≈≤] ¥[\d,]+\/month · (video call|voice call|video live|voice live) · (audio|SD|HD|FHD|2K|4K) · \d+ users?( · from the scenario file)?$/;

describe('TRTC Cost in VS Code', function () {
  let api: TrtcCostApi;
  const call = () => workspaceUri('src/call.js');
  const live = () => workspaceUri('src/live.js');
  const voice = () => workspaceUri('android/VoiceRoom.kt');

  before(async function () {
    this.timeout(120000);
    api = await activate();
    console.log(
      `    host: VS Code ${vscode.version}, Node ${process.version}, language ${vscode.env.language}, uiKind ${vscode.env.uiKind}, remote ` +
        `${vscode.env.remoteName}; TRTC Cost activated in ${api.activationMs()} ms`,
    );
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it('activates quickly', () => {
    assert.ok(api.activationMs() >= 0 && api.activationMs() < 2000, `activation took ${api.activationMs()} ms`);
  });

  it('contributes its commands in the TRTC category', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'trtcCost.estimate',
      'trtcCost.openCalculator',
      'trtcCost.toggleInline',
      'trtcCost.showBreakdown',
      'trtcCost.openScenarioFile',
      'trtcCost.refresh',
    ]) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
    const pkg = vscode.extensions.getExtension('trtc-cost.trtc-cost')!.packageJSON;
    const estimate = pkg.contributes.commands.find((c: { command: string }) => c.command === 'trtcCost.estimate');
    assert.equal(estimate.category, 'TRTC');
  });

  it('shows a CodeLens above each room: monthly cost, service, tier and users', async () => {
    assert.deepEqual(await lensTitles(call()), ['TRTC list price ≈ ¥5,040/month · video call · HD · 2 users']);
    // live.js takes its camera profile from classConfig.js: FHD once the workspace scan has read that file.
    const [liveTitle] = await eventually(
      () => lensTitles(live()),
      (t) => t.length === 1 && / · FHD · /.test(t[0]),
      'the live lens with the profile from classConfig.js',
    );
    assert.match(liveTitle, /^TRTC list price ≈ ¥[\d,]+\/month · video live · FHD · 101 users$/);
    assert.deepEqual(await lensTitles(voice()), ['TRTC list price ≈ ¥1,260/month · voice call · audio · 2 users']);
    for (const t of [...(await lensTitles(call())), liveTitle]) assert.match(t, LENS);
  });

  it('applies an unsaved edit of a constant another file reads, and drops it when the edit is undone', async () => {
    const files = vscode.workspace.getConfiguration('files');
    const autoSave = files.inspect('autoSave')?.workspaceValue;
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Workspace); // the edit must stay unsaved
    await api.whenIdle();
    const configUri = workspaceUri('src/classConfig.js');
    const doc = await vscode.workspace.openTextDocument(configUri);
    const editor = await vscode.window.showTextDocument(doc);
    const at = doc.getText().indexOf("'1080p'");
    try {
      await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 7)), "'720p'"));
      assert.ok(doc.isDirty, 'not saved');
      await new Promise((r) => setTimeout(r, 1000)); // past the edit's debounce
      await api.whenIdle();
      await eventually(
        () => lensTitles(live()),
        (t) => t.length === 1 && / · HD · /.test(t[0]),
        'the live lens with the unsaved 720p from classConfig.js',
      );
    } finally {
      await vscode.window.showTextDocument(doc); // the lens probe may have opened live.js: revert this editor
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await files.update('autoSave', autoSave, vscode.ConfigurationTarget.Workspace);
    }
    assert.ok(!doc.isDirty && doc.getText().includes("'1080p'"), `the edit was dropped, not saved: ${doc.isDirty} ${doc.getText()}`);
    await new Promise((r) => setTimeout(r, 1000));
    await api.whenIdle();
    await eventually(
      () => lensTitles(live()),
      (t) => t.length === 1 && / · FHD · /.test(t[0]),
      'back to the saved 1080p',
    );
  });

  it('places the CodeLens on the enterRoom call and opens the calculator with that room', async () => {
    const [lens] = await lenses(call());
    const enter = await positionOf(call(), 'trtc.enterRoom', 0);
    assert.equal(lens.range.start.line, enter.line);
    assert.equal(lens.command?.command, 'trtcCost.openCalculator');
    const scenario = lens.command?.arguments?.[0];
    assert.equal(scenario.rooms.length, 1);
    assert.equal(scenario.rooms[0].source.file, 'src/call.js');
    assert.equal(scenario.rooms[0].source.line, enter.line + 1);
    await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
    const summary = await eventually(
      async () => vscode.commands.executeCommand<{ names: string[]; total: string | null } | undefined>('trtcCost.calculator.ping', 3000),
      (s) => !!s && s.total === '4760',
      'the calculator to show the room: ¥5,040 at list price less the 10,000-minute trial (10 × ¥28) = ¥4,760',
      30000,
    );
    assert.deepEqual(summary?.names, ['Call (enterRoom)']);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('explains the estimate on hover: per minute and per month, tier and why, price book, assumptions with links', async () => {
    const md = await hoverText(call(), await positionOf(call(), 'enterRoom', 2));
    const text = plain(md);
    assert.match(text, /TRTC list price ≈ ¥5,040\/month\*\* · ¥0\.0560 per minute/);
    assert.match(text, /video call · 2 users · SDK: web-v5/);
    assert.match(text, /100 sessions a day × 30 min × 30 days a month · ¥168 a day/);
    assert.match(text, /Tier: HD\*\* \(per-stream metering/);
    assert.match(text, /1280×720 \(921,600 px per stream\) → HD/);
    assert.match(text, /Price book: Mainland China \(CNY\).*, effective \d{4}-\d{2}-\d{2}/);
    assert.match(text, /Assumed 2 participants per call/);
    assert.match(md, /\[Change assumptions\]\(command:workbench\.action\.openSettings\?/);
    assert.match(md, /\[Override in the workspace scenario file\]\(command:trtcCost\.openScenarioFile\?/);
    assert.match(md, /\[Open in the calculator\]\(command:trtcCost\.openCalculator\?/);
  });

  it('shows the same room when hovering over its profile string or scene constant', async () => {
    const onProfile = plain(await hoverText(call(), await positionOf(call(), "'720p'", 2)));
    assert.match(onProfile, /TRTC list price ≈ ¥5,040\/month/);
    const onScene = plain(await hoverText(live(), await positionOf(live(), 'SCENE_LIVE', 3)));
    assert.match(onScene, /video live · 101 users/);
    assert.match(onScene, /Tier: FHD/);
  });

  it('explains a server API call: the cloud recording it starts', async () => {
    // The recording acts on a room the clients create: it is an add-on of that room, not a room with made-up users.
    // The code does not say which room, so it goes to the default one, and the hover says so.
    const uri = workspaceUri('server/record.py');
    const [title] = await lensTitles(uri);
    assert.deepEqual(await lensTitles(live()), [title], 'the server call shows the room it records');
    assert.match(title, /^TRTC list price ≈ ¥[\d,]+\/month · video live · FHD · 101 users$/);
    const text = plain(await hoverText(uri, await positionOf(uri, 'CreateCloudRecording(', 3)));
    assert.match(text, /SDK: server-rest/);
    assert.match(text, /Room id live-enterroom · 2 call sites/);
    assert.match(text, /Assumed: the server call server\/record\.py:14 acts on this room/);
  });

  it('shows nothing over code that configures no room', async () => {
    assert.equal(await hoverText(workspaceUri('src/plain.js'), new vscode.Position(1, 15)), '');
    assert.deepEqual(await lensTitles(workspaceUri('src/plain.js')), []);
  });

  it('says why an excluded file has no estimate', async () => {
    const uri = workspaceUri('vendor/trtc.min.js');
    assert.deepEqual(await lensTitles(uri), []);
    const text = plain(await hoverText(uri, await positionOf(uri, 'enterRoom', 2)));
    assert.match(text, /TRTC: no estimate/);
    assert.match(text, /matches an exclude pattern \(\*\*\/\*\.min\.js\)/);
  });

  it('estimates the active file with "Estimate TRTC cost"', async () => {
    await vscode.window.showTextDocument(call());
    const result = await vscode.commands.executeCommand<EstimateResult>('trtcCost.estimate');
    assert.equal(result.scope, 'file');
    assert.equal(result.rooms.length, 1);
    assert.equal(result.rooms[0].file, 'src/call.js');
    assert.equal(result.rooms[0].monthlyText, '≈ ¥5,040/month');
    assert.equal(result.currency, 'CNY');
    assert.ok(Number(result.total) > 0 && Number(result.total) <= 5040, `free minutes may lower the total (${result.total})`);
    const view = api.lastEstimateView();
    assert.ok(view, 'a list was shown');
    assert.match(view.title, /^TRTC list price ≈ ¥5,040\/month · 1 room · src\/call\.js$/);
    assert.match(view.items[0], /Open in the calculator/);
    assert.ok(
      view.items.some((i) => /src\/call\.js:7/.test(i)),
      'the room links to its code',
    );
  });

  it('estimates the whole workspace, each room once, sorted by cost', async () => {
    await vscode.window.showTextDocument(call()); // open in an editor and on disk: still one room
    const result = await vscode.commands.executeCommand<EstimateResult>('trtcCost.estimate', { scope: 'workspace' });
    assert.equal(result.scope, 'workspace');
    assert.deepEqual(
      result.rooms.map((r) => `${r.file}:${r.line}`),
      ['src/live.js:8', 'src/call.js:7', 'android/VoiceRoom.kt:16'],
    );
    const monthly = result.rooms.map((r) => Number(r.monthly));
    assert.deepEqual(
      [...monthly].sort((a, b) => b - a),
      monthly,
    );
    assert.equal(result.scenario?.rooms.length, 3);
    assert.match(api.lastEstimateView()?.title ?? '', / · 3 rooms · /);
    // The list's first action opens the calculator prefilled with every room.
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const summary = await eventually(
      async () => vscode.commands.executeCommand<{ names: string[]; total: string | null } | undefined>('trtcCost.calculator.ping', 3000),
      (s) => !!s && s.total === result.total,
      `the calculator to show the workspace scenario with the command's total ${result.total}`,
      30000,
    );
    assert.equal(summary?.names.length, 1, 'one scenario holding the three rooms');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('gives the same rooms and total as `trtc-cost scan` on the same folder', async () => {
    await api.whenIdle();
    const workspace = await api.estimate({ scope: 'workspace', show: false });
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    let out = '';
    let err = '';
    const code = await runScan([folder, '--json'], { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: folder });
    assert.equal(code, 0, err);
    const cli = JSON.parse(out) as {
      rooms: { name: string; estimate?: { total: string }; sites: { key: string }[]; addOns: { key: string }[] }[];
      total: { total: string };
    };
    const byName = (rooms: { name: string }[]) => rooms.map((r) => r.name).sort();
    assert.deepEqual(byName(cli.rooms.filter((r) => r.estimate)), byName(workspace.rooms));
    for (const r of workspace.rooms) assert.equal(cli.rooms.find((c) => c.name === r.name)?.estimate?.total, r.monthly, `${r.name}: same list price`);
    assert.equal(cli.total.total, workspace.total, 'the same project total (free minutes counted once)');
    assert.deepEqual(cli.rooms.flatMap((r) => [...r.sites, ...r.addOns].map((s) => s.key)).sort(), [
      'android/VoiceRoom.kt:16',
      'server/record.py:14',
      'src/call.js:7',
      'src/live.js:8',
    ]);
  });

  it('shows the workspace total in the status bar, with the breakdown in its tooltip', async () => {
    await api.whenIdle();
    const workspace = await api.estimate({ scope: 'workspace', show: false });
    const bar = api.statusBar();
    assert.ok(bar.visible, 'the status bar item is visible');
    assert.match(bar.text, /^\$\(pulse\) TRTC bill ≈ ¥[\d,]+\/month$/);
    assert.equal(amountOf(bar.text), Math.round(Number(workspace.total)));
    const tip = plain(bar.tooltip);
    assert.match(tip, /3 rooms at list price, each counted once/);
    for (const where of ['src/live.js:8', 'src/call.js:7', 'android/VoiceRoom.kt:16']) assert.ok(tip.includes(where), `${where} in the tooltip`);
    await vscode.commands.executeCommand('trtcCost.showBreakdown');
    assert.match(api.lastEstimateView()?.title ?? '', / · 3 rooms · /);
  });

  it('recomputes after an edit, keeping a placeholder in place meanwhile', async () => {
    await setSetting('debounceMs', 5000); // long enough to observe the placeholder over the remote connection, even on a busy machine
    await api.whenIdle();
    const doc = await vscode.workspace.openTextDocument(call());
    const editor = await vscode.window.showTextDocument(doc);
    const saved = doc.getText();
    try {
      const before = await lenses(call());
      const at = saved.indexOf("'720p'");
      await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 6)), "'1080p'"));
      const during = await lenses(call());
      assert.equal(during.length, before.length, 'the same number of lenses');
      assert.equal(during[0].range.start.line, before[0].range.start.line, 'at the same line');
      assert.match(during[0].command?.title ?? '', /estimating/);
      const titles = await eventually(
        () => lensTitles(call()),
        (t) => t.length === 1 && /FHD/.test(t[0]),
        'the recomputed lens',
      );
      assert.equal(titles[0], 'TRTC list price ≈ ¥18,900/month · video call · FHD · 2 users');
    } finally {
      await editor.edit((b) => b.replace(new vscode.Range(0, 0, doc.lineCount, 0), saved));
      await setSetting('debounceMs', undefined);
    }
    await eventually(
      () => lensTitles(call()),
      (t) => t[0] === 'TRTC list price ≈ ¥5,040/month · video call · HD · 2 users',
      'the lens after undoing the edit',
    );
    assert.equal(doc.isDirty, false, 'the document is back to its saved text');
  });

  it('applies a settings change to CodeLens, hover and status bar', async () => {
    await setSetting('assumptions.sessionsPerDay', 50);
    await api.whenIdle();
    assert.deepEqual(await lensTitles(call()), ['TRTC list price ≈ ¥2,520/month · video call · HD · 2 users']);
    assert.match(plain(await hoverText(call(), await positionOf(call(), 'enterRoom', 2))), /50 sessions a day/);
    await setSetting('region', 'international');
    await api.whenIdle();
    const [title] = await lensTitles(call());
    assert.match(title, /^TRTC list price ≈ \$[\d,.]+\/month · video call · HD · 2 users$/);
    assert.match(api.statusBar().text, /TRTC bill ≈ \$/);
    await setSetting('region', undefined);
    await setSetting('assumptions.sessionsPerDay', undefined);
    await api.whenIdle();
    assert.deepEqual(await lensTitles(call()), ['TRTC list price ≈ ¥5,040/month · video call · HD · 2 users']);
  });

  it('warns once about an invalid setting, uses its default and keeps working', async () => {
    const before = api.warnings().length;
    await setSetting('assumptions.participants', -3);
    await api.whenIdle();
    const warnings = api.warnings().slice(before);
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /trtcCost\.assumptions\.participants must be a whole number from 1 to 100000 \(found -3\); using 2/);
    assert.deepEqual(await lensTitles(call()), ['TRTC list price ≈ ¥5,040/month · video call · HD · 2 users']);
    await vscode.commands.executeCommand('trtcCost.refresh');
    await api.whenIdle();
    assert.equal(api.warnings().length, before + 1, 'the same problem is not repeated');
    await setSetting('assumptions.participants', undefined);
    await api.whenIdle();
  });

  it('moves a call site to another room from the hover, through callSites in the project file', async () => {
    const file = workspaceUri('.vscode/trtc-cost.json');
    const record = workspaceUri('server/record.py');
    const md = await hoverText(record, await positionOf(record, 'CreateCloudRecording(', 3));
    assert.match(md, /\[Count this call site apart or with another room\]\(command:trtcCost\.assignCallSite\?/);
    try {
      const id = await vscode.commands.executeCommand<string>('trtcCost.assignCallSite', { key: 'server/record.py:14', id: 'call-enterroom' });
      assert.equal(id, 'call-enterroom');
      const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
      assert.deepEqual(written.callSites, { 'server/record.py:14': 'call-enterroom' });
      // The recording now belongs to the call: the server call shows the call's room, and the live room lost it.
      const [callTitle] = await eventually(
        () => lensTitles(call()),
        (t) => t.length === 1 && / · video call · /.test(t[0]) && t[0] !== 'TRTC list price ≈ ¥5,040/month · video call · HD · 2 users',
        'the call with the recording',
      );
      assert.deepEqual(await lensTitles(record), [callTitle]);
      const result = await api.estimate({ scope: 'workspace', show: false });
      assert.equal(result.rooms.length, 3, 'still three rooms: the server call is an add-on, not a room');
    } finally {
      await vscode.workspace.fs.delete(file);
    }
    await eventually(
      () => lensTitles(call()),
      (t) => t[0] === 'TRTC list price ≈ ¥5,040/month · video call · HD · 2 users',
      'the call without the recording again',
    );
  });

  it('lets the workspace scenario file override a room, still counting it once', async () => {
    const file = workspaceUri('.vscode/trtc-cost.json');
    const scenario = {
      version: 1,
      tariff: { region: 'mainland' },
      rooms: [
        {
          name: 'tutoring',
          service: 'video-call',
          sessionsPerDay: 10,
          minutesPerSession: 30,
          daysPerMonth: 30,
          participants: [{ count: 4, role: 'anchor', publish: { camera: '1280x720' }, receive: 'all' }],
          source: { file: 'src/call.js', line: 7 },
        },
      ],
    };
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(scenario, null, 2)));
    try {
      const [title] = await eventually(
        () => lensTitles(call()),
        (t) => t.length === 1 && /scenario file/.test(t[0]),
        'the overridden lens',
      );
      assert.match(title, /^TRTC list price ≈ ¥[\d,]+\/month · video call · HD · 4 users · from the scenario file$/);
      const result = await api.estimate({ scope: 'workspace', show: false });
      assert.equal(result.rooms.length, 3, 'the overridden room is counted once');
      assert.deepEqual(
        result.rooms.filter((r) => r.origin === 'override').map((r) => r.name),
        ['tutoring'],
      );
    } finally {
      await vscode.workspace.fs.delete(file);
    }
    await eventually(
      () => lensTitles(call()),
      (t) => t[0] === 'TRTC list price ≈ ¥5,040/month · video call · HD · 2 users',
      'the lens without the scenario file',
    );
  });

  it('applies a contract discount', async () => {
    await setSetting('contract.discountPercent', 50);
    await api.whenIdle();
    assert.deepEqual(await lensTitles(call()), ['TRTC list price ≈ ¥2,520/month · video call · HD · 2 users']);
    await setSetting('contract.discountPercent', undefined);
    await api.whenIdle();
    assert.deepEqual(await lensTitles(call()), ['TRTC list price ≈ ¥5,040/month · video call · HD · 2 users']);
  });

  it('says why a file over the size cap has no estimate', async () => {
    await setSetting('maxFileSizeKB', 1);
    await api.whenIdle();
    try {
      const content =
        `${'// padding\n'.repeat(120)}const trtc = TRTC.create();\ntrtc.enterRoom({ sdkAppId: 1, userId: 'u', userSig: 's', roomId: 1, scene: ` + `'rtc' });\n`;
      const doc = await vscode.workspace.openTextDocument({ language: 'javascript', content });
      assert.deepEqual(await lensTitles(doc.uri), []);
      const text = plain(await hoverText(doc.uri, await positionOf(doc.uri, 'enterRoom', 2)));
      assert.match(text, /larger than the size cap \(1 KB\)/);
    } finally {
      await setSetting('maxFileSizeKB', undefined);
      await api.whenIdle();
    }
  });

  it('warns once about an invalid workspace scenario file and keeps estimating from the code', async () => {
    const file = workspaceUri('.vscode/trtc-cost.json');
    const before = api.warnings().length;
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('{ "version": 1, "tariff": { "region": "mars" }, "rooms": [] }'));
    try {
      await eventually(
        () => api.warnings().length,
        (n) => n > before,
        'a warning about the scenario file',
      );
      const [warning] = api.warnings().slice(before);
      assert.match(warning, /the workspace scenario file \.vscode\/trtc-cost\.json is invalid and is ignored\. \$\.tariff\.region/);
      await api.whenIdle();
      assert.deepEqual(await lensTitles(call()), ['TRTC list price ≈ ¥5,040/month · video call · HD · 2 users']);
    } finally {
      await vscode.workspace.fs.delete(file);
    }
    await eventually(
      () => lensTitles(call()),
      (t) => t[0] === 'TRTC list price ≈ ¥5,040/month · video call · HD · 2 users',
      'the lens without the file',
    );
  });

  it('starts the workspace scenario file from a room (the hover link), which then overrides it', async () => {
    const file = workspaceUri('.vscode/trtc-cost.json');
    await vscode.commands.executeCommand('trtcCost.openScenarioFile', { uri: call().toString(), index: 0 });
    try {
      const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
      assert.equal(saved.version, 1);
      assert.equal(saved.tariff.region, 'mainland');
      assert.equal(saved.rooms.length, 1);
      assert.deepEqual({ file: saved.rooms[0].source.file, line: saved.rooms[0].source.line }, { file: 'src/call.js', line: 7 });
      assert.equal(vscode.window.activeTextEditor?.document.uri.path, file.path, 'the file is opened');
      await eventually(
        () => lensTitles(call()),
        (t) => t[0] === 'TRTC list price ≈ ¥5,040/month · video call · HD · 2 users · from the scenario file',
        'the lens from the scenario file',
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(file);
    }
    await eventually(
      () => lensTitles(call()),
      (t) => t[0] === 'TRTC list price ≈ ¥5,040/month · video call · HD · 2 users',
      'the lens without the file',
    );
  });

  it('opens the code of a room from the list', async () => {
    await vscode.commands.executeCommand('trtcCost.revealRoom', voice().toString(), 16);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.path, voice().path);
    assert.equal(editor?.selection.active.line, 15);
  });

  it('turns hover and CodeLens off and on with the toggle command', async () => {
    await vscode.commands.executeCommand('trtcCost.toggleInline');
    await api.whenIdle();
    assert.deepEqual(await lensTitles(call()), []);
    assert.equal(await hoverText(call(), await positionOf(call(), 'enterRoom', 2)), '');
    const cfg = vscode.workspace.getConfiguration('trtcCost');
    assert.equal(cfg.get('codeLens.enabled'), false);
    assert.equal(cfg.get('hover.enabled'), false);
    await vscode.commands.executeCommand('trtcCost.toggleInline');
    await api.whenIdle();
    assert.deepEqual(await lensTitles(call()), ['TRTC list price ≈ ¥5,040/month · video call · HD · 2 users']);
    assert.notEqual(await hoverText(call(), await positionOf(call(), 'enterRoom', 2)), '');
  });
});
