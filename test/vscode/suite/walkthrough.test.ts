// The "Get started with TRTC Cost" walkthrough in the real workbench: it opens, every button runs a command that
// exists, and the actions behind its steps do what the steps say. (Whether a step shows as done is workbench state
// no extension API reads: ui-check.js checks the ticks on screen.)
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, EXTENSION_ID, eventually, workspaceUri, type TrtcCostApi } from './helpers';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown: string };
  completionEvents: string[];
}

function walkthrough(): { id: string; title: string; steps: Step[] } {
  const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
  return pkg.contributes.walkthroughs[0];
}

const tabLabels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));

describe('walkthrough', function () {
  let api: TrtcCostApi;
  before(async function () {
    this.timeout(120000);
    api = await activate();
  });

  it('opens the walkthrough page from its command', async function () {
    this.timeout(30000);
    // The extension host's tab API names the page "Welcome" until (and often after) it has loaded the walkthrough,
    // so this only checks that the command opens the walkthrough page; ui-check.js checks on screen that the page
    // shows this walkthrough's steps.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('trtcCost.walkthrough.open');
    await eventually(tabLabels, (labels) => labels.some((l) => /^(Welcome|Walkthrough: )/.test(l)), 'the walkthrough page');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('links only to commands the workbench knows, and completes on settings and views that exist', async () => {
    const known = new Set(await vscode.commands.getCommands(false));
    const steps = walkthrough().steps;
    assert.ok(steps.length >= 5);
    for (const step of steps) {
      const links = [...step.description.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]);
      assert.ok(links.length > 0, `${step.id} has a button`);
      for (const c of links) assert.ok(known.has(c), `${step.id}: command ${c} is registered`);
      for (const ev of step.completionEvents) {
        const [, kind, arg] = /^(\w+):(.*)$/.exec(ev) ?? [];
        if (kind === 'onCommand') assert.ok(known.has(arg), `${step.id}: ${ev}`);
        if (kind === 'onSettingChanged') assert.notEqual(vscode.workspace.getConfiguration().inspect(arg), undefined, `${step.id}: ${ev}`);
      }
      const media = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, step.media.markdown);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(media));
      assert.match(text, /^# \S/, `${step.media.markdown} is a Markdown page`);
    }
  });

  it('"your app’s numbers": its button creates the project file with $schema and opens it', async function () {
    this.timeout(60000);
    const uri = workspaceUri('.vscode/trtc-cost.json');
    const step = walkthrough().steps.find((s) => s.id === 'numbers')!;
    assert.deepEqual(step.completionEvents, ['onContext:trtcCost.projectFileExists']);
    const command = /\]\(command:([\w.]+)\)/.exec(step.description)![1];
    // The step creates the file: start without one, whatever an earlier test left.
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await api.whenIdle();
    try {
      await vscode.commands.executeCommand(command);
      const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
      assert.equal(json.$schema, 'https://trtc-cost.dev/schema/scenario-1.json');
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
      await api.whenIdle();
    }
  });

  it('"see what each room costs": the example is copied out of the extension, with a project file the copy can use', async function () {
    this.timeout(30000);
    const folder = await vscode.commands.executeCommand<vscode.Uri>('trtcCost.walkthrough.openExample', { open: false });
    assert.ok(folder, 'the copy’s folder');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.ok(!folder.toString().startsWith(ext.extensionUri.toString()), `${folder.toString()} is outside the extension`);
    const read = async (rel: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, rel)));
    assert.match(await read('web/src/classroom.ts'), /enterRoom/);
    const project = JSON.parse(await read('.vscode/trtc-cost.json'));
    assert.equal(project.$schema, undefined, 'the repository-relative $schema is dropped in the copy');
    assert.equal(project.assumptions.audience, 30);
    // A second run keeps the copy (and any edit in it).
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'NOTES.md'), new TextEncoder().encode('mine'));
    const again = await vscode.commands.executeCommand<vscode.Uri>('trtcCost.walkthrough.openExample', { open: false });
    assert.equal(again?.toString(), folder.toString());
    assert.equal(await read('NOTES.md'), 'mine');
  });

  it('"check the cost in CI": opens the bundled CI guide', async function () {
    this.timeout(30000);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('trtcCost.walkthrough.openCiGuide');
    assert.ok(uri?.path.endsWith('/docs/ci.md'));
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), /trtc-cost diff/);
    await eventually(tabLabels, (labels) => labels.some((l) => /ci\.md/.test(l)), 'a tab with the CI guide');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

describe('[zh-cn] walkthrough in Chinese', () => {
  it('[zh-cn] has Chinese titles and the Chinese Markdown pages', async () => {
    const wt = walkthrough();
    assert.equal(wt.title, 'TRTC Cost 入门');
    for (const step of wt.steps) {
      assert.match(step.title, /[\u4e00-\u9fff]/, step.id);
      assert.equal(step.media.markdown, `media/walkthrough/${step.id}.zh-cn.md`);
      const media = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, step.media.markdown);
      assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(media)), /^# .*[\u4e00-\u9fff]/);
    }
  });
});
