// The TRTC Cost view in a real VS Code: the workspace counts as a TRTC project from its package.json, the view's
// total is the status bar's, rooms come sorted by cost, a room's children are its call sites, and the room actions work.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, amountOf, eventually, workspaceUri, type TrtcCostApi } from './helpers';

interface TreeNode {
  kind: string;
  label: string;
  name?: string;
  description?: string;
  tooltip: string;
  amount?: string;
  children: TreeNode[];
}
type Api = TrtcCostApi & { treeNodes(): TreeNode[]; projectReason(): string | undefined };

describe('TRTC Cost view', function () {
  let api: Api;

  before(async function () {
    this.timeout(120000);
    api = (await activate()) as Api;
  });

  it('knows the workspace is a TRTC project from its manifest', () => {
    assert.match(api.projectReason() ?? '', /package\.json names trtc-sdk-v5/);
  });

  it('opens in its own activity-bar container', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.trtcCost');
    await vscode.commands.executeCommand('trtcCost.rooms.focus');
  });

  it('shows the status bar’s total on top, rooms sorted by cost, and each room’s call sites', async () => {
    await api.whenIdle();
    const [total] = await eventually(
      () => api.treeNodes(),
      (n) => n[0]?.kind === 'total',
      'the workspace total in the view',
    );
    const status = api.statusBar();
    assert.ok(status.visible);
    assert.equal(amountOf(total.label), amountOf(status.text), `${total.label} vs ${status.text}`);
    const rooms = total.children.filter((n) => n.kind === 'room');
    assert.ok(rooms.length >= 2, `${rooms.length} rooms`);
    const amounts = rooms.map((r) => Number(r.amount));
    assert.deepEqual(
      amounts,
      [...amounts].sort((a, b) => b - a),
    );
    // The estimate command lists the same rooms with the same amounts.
    const est = await api.estimate({ scope: 'workspace', show: false });
    assert.deepEqual(
      rooms.map((r) => [r.name, r.amount]),
      est.rooms.map((r) => [r.name, r.monthly]),
    );
    const call = rooms.find((r) => r.children.some((c) => c.description?.startsWith('src/call.js:') || c.label.startsWith('src/call.js:')));
    assert.ok(call, 'a room has the call site in src/call.js');
    for (const r of rooms) {
      assert.ok(r.children.length >= 1, `${r.label} has call sites`);
      for (const c of r.children) assert.match(`${c.label} ${c.description ?? ''}`, /[\w./-]+:\d+/);
    }
  });

  it('edits a room’s assumptions in the project file, created with $schema', async function () {
    this.timeout(30000);
    const uri = workspaceUri('.vscode/trtc-cost.json');
    const [total] = api.treeNodes();
    const room = total.children.filter((n) => n.kind === 'room')[0];
    try {
      await vscode.commands.executeCommand('trtcCost.view.editAssumptions', room);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const json = JSON.parse(text);
      assert.equal(json.$schema, 'https://trtc-cost.dev/schema/scenario-1.json');
      assert.equal(json.rooms[0].name, room.name);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
      await api.whenIdle();
    }
  });
});
