// One room, one amount, in a real VS Code: the CodeLens title, the hover, the TRTC Cost view, the estimate list and
// the status bar's tooltip of the fixture's call room show the same amount string, each labelled as what it is (the
// room's list price; the workspace bill above the rooms).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, eventually, hoverText, lensTitles, plain, positionOf, workspaceUri, type TrtcCostApi } from './helpers';

interface TreeNode {
  kind: string;
  label: string;
  name?: string;
  description?: string;
  children: TreeNode[];
}
type Api = TrtcCostApi & { treeNodes(): TreeNode[] };

describe('One room, one amount', function () {
  let api: Api;
  const call = () => workspaceUri('src/call.js');

  before(async function () {
    this.timeout(120000);
    api = (await activate()) as Api;
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it('shows the call room’s amount identically in its lens, hover, view row, estimate list and status tooltip', async () => {
    await api.whenIdle();
    const [lens] = await lensTitles(call());
    const amount = /^TRTC list price ([≈≤] ¥[\d,.]+\/month) · /.exec(lens)?.[1];
    assert.ok(amount, `the lens says which amount it is: ${lens}`);
    const hover = plain(await hoverText(call(), await positionOf(call(), 'enterRoom', 2)));
    assert.ok(hover.includes(`TRTC list price ${amount}`), hover.split('\n').slice(0, 4).join(' / '));
    assert.ok(hover.indexOf('[Change assumptions]') < hover.indexOf(amount), 'the actions come first');
    const [total] = await eventually(
      () => api.treeNodes(),
      (n) => n[0]?.kind === 'total',
      'the workspace total in the view',
    );
    const row = total.children.find((n) => n.kind === 'room' && n.name === 'Call (enterRoom)');
    assert.ok(row, total.children.map((n) => n.label).join(', '));
    assert.equal(row.label, `${amount} · Call (enterRoom)`);
    assert.match(row.description ?? '', /^list price · /);
    await api.estimate({ scope: 'workspace' });
    const item = api.lastEstimateView()?.items.find((i) => i.includes('Call (enterRoom)'));
    assert.ok(item?.startsWith(`${amount} · Call (enterRoom) | list price · `), item);
    assert.ok(item?.includes('[Open this room in the calculator]'), 'a button opens the room in the calculator');
    const tip = plain(api.statusBar().tooltip);
    assert.ok(tip.includes(`- Call (enterRoom): ${amount}`), tip);
  });

  it('shows the workspace bill, the same string, in the status bar, the view and the estimate list', async () => {
    await api.whenIdle();
    const bar = api.statusBar();
    const bill = /^\$\(pulse\) TRTC bill ([≈≤] ¥[\d,.]+\/month)$/.exec(bar.text)?.[1];
    assert.ok(bill, bar.text);
    assert.equal(api.treeNodes()[0].label, `Workspace bill ${bill}`);
    const result = await api.estimate({ scope: 'workspace', show: false });
    assert.equal(result.totalText, bill);
    assert.ok(plain(bar.tooltip).includes(`TRTC workspace bill ${bill}`), bar.tooltip);
    // Under the bill, the rooms' list prices add up to it with the steps between (the fixture: the free-minute trial).
    assert.match(plain(bar.tooltip), /Sum of the rooms’ list prices: ¥[\d,]+\n- Free minutes \(10,000 min\): −¥[\d,.]+\n- \*\*Workspace bill: ¥[\d,]+\*\*/);
  });
});
