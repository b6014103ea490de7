// "Compare Cost with Branch…" in a real VS Code with its built-in Git extension: the fixture workspace is made a git
// repository here (one commit on main), live.js then publishes 720p instead of the class profile (1080p), and the
// comparison must show that room's difference in the view, priced as the core diff prices it.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { runDiff } from '../../../src/cli/diff';
import { activate, eventually, workspaceUri, type TrtcCostApi } from './helpers';

interface TreeNode {
  name?: string;
  kind: string;
  label: string;
  description?: string;
  tooltip: string;
  amount?: string;
  children: TreeNode[];
}
type Api = TrtcCostApi & { treeNodes(): TreeNode[] };
interface Result {
  ref: string;
  diff: { rooms: { name: string; status: string; delta: string; reasons: { en: string; delta?: string }[] }[]; totalDelta: string };
  notes: string[];
}

describe('Compare cost with branch (built-in Git extension)', function () {
  this.timeout(120000);
  let api: Api;
  let root: string;
  let original: string;
  const live = () => workspaceUri('src/live.js');

  before(async function () {
    api = (await activate()) as Api;
    await api.whenIdle();
    const gitExtension = vscode.extensions.getExtension('vscode.git');
    if (!gitExtension) this.skip();
    const exported = (await gitExtension!.activate()) as {
      enabled: boolean;
      getAPI(v: 1): { state: string; openRepository?(u: vscode.Uri): Promise<unknown> };
    };
    // The test host's user settings turn Git off (host.js); this suite turns it on for its workspace.
    await vscode.workspace.getConfiguration('git').update('enabled', true, vscode.ConfigurationTarget.Workspace);
    await eventually(
      () => exported.enabled && exported.getAPI(1).state === 'initialized',
      (ok) => ok,
      'the Git extension enabled',
    );
    root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '-A');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '-m', 'fixture');
    original = fs.readFileSync(live().fsPath, 'utf8');
    fs.writeFileSync(live().fsPath, original.replace('profile: CLASS_PROFILE', "profile: '720p'"));
    // The repository is made after the Git extension looked at the folder: open it explicitly.
    await exported.getAPI(1).openRepository?.(vscode.Uri.file(root));
    await vscode.commands.executeCommand('trtcCost.refresh');
    await api.whenIdle();
  });

  after(async () => {
    if (!root) return;
    await vscode.commands.executeCommand('trtcCost.compare.clear');
    fs.writeFileSync(live().fsPath, original);
    await vscode.commands.executeCommand('git.close').then(undefined, () => undefined);
    fs.rmSync(path.join(root, '.git'), { recursive: true, force: true });
    await vscode.workspace.getConfiguration('git').update('enabled', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('trtcCost.refresh');
    await api.whenIdle();
  });

  it('shows each room’s difference from main, with what each change adds, and clears it', async () => {
    const r = await eventually(
      async () => (await vscode.commands.executeCommand<Result | undefined>('trtcCost.compareWithBranch', 'main')) ?? null,
      (x) => x !== null && x.diff.rooms.some((room) => room.status === 'changed'),
      'a comparison with a changed room',
      30000,
    );
    const changed = r!.diff.rooms.filter((x) => x.status !== 'same');
    assert.equal(changed.length, 1, JSON.stringify(changed));
    const room = changed[0];
    assert.ok(Number(room.delta) < 0, `1080p → 720p costs less: ${room.delta}`);
    assert.ok(
      room.reasons.some((x) => /camera 1920×1080 → 1280×720/.test(x.en)),
      room.reasons.map((x) => x.en).join('; '),
    );
    const sum = room.reasons.reduce((a, x) => a + Number(x.delta ?? NaN), 0);
    assert.equal(sum.toFixed(2), Number(room.delta).toFixed(2), 'the parts add up to the room’s difference');
    const nodes = await eventually(
      () => api.treeNodes(),
      (n) => n[0]?.kind === 'compare',
      'the comparison header in the view',
    );
    assert.equal(nodes[0].label, 'Compared with main');
    const roomNode = nodes.flatMap((n) => n.children).find((n) => n.kind === 'room' && n.name === room.name);
    assert.ok(roomNode, nodes.map((n) => n.label).join(', '));
    assert.match(roomNode!.description ?? '', /· −¥[\d,.]+\/month vs main$/);
    assert.match(roomNode!.tooltip, /Compared with main: /);
    // `trtc-cost diff main` (the working tree against main) prices the same room the same.
    let out = '';
    assert.equal(await runDiff(['main', '--json'], { stdout: (x) => (out += x), stderr: () => undefined, cwd: root }), 0);
    const cli = (JSON.parse(out) as Result['diff']).rooms.find((x) => x.name === room.name);
    assert.equal(cli?.delta, room.delta, 'the CLI’s difference for the room');
    assert.deepEqual(
      cli?.reasons.map((x) => x.en),
      room.reasons.map((x) => x.en),
    );
    await vscode.commands.executeCommand('trtcCost.compare.openInCalculator');
    const panel = await eventually(
      async () => (await vscode.commands.executeCommand<{ scenarios: number; names: string[] } | undefined>('trtcCost.calculator.ping')) ?? null,
      (p) => p !== null && p.scenarios === 2,
      'the calculator with both sides',
    );
    assert.ok(
      panel!.names.some((n) => n.endsWith('@ main')),
      panel!.names.join(', '),
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.commands.executeCommand('trtcCost.compare.clear');
    await eventually(
      () => api.treeNodes(),
      (n) => n[0]?.kind !== 'compare',
      'the comparison cleared',
    );
  });
});
