import * as assert from 'assert';
import * as vscode from 'vscode';

describe('smoke', () => {
  it('runs in the Node extension host', async () => {
    console.log(`host: node ${process.version}, vscode ${vscode.version}, language ${vscode.env.language}, uiKind ${vscode.env.uiKind}`);
    const ext = vscode.extensions.getExtension('trtc-cost.trtc-cost');
    assert.ok(ext, 'extension found');
    console.log('title', JSON.stringify(ext.packageJSON.contributes.commands[0].title));
    const api = await ext.activate();
    assert.ok(api);
    console.log('l10n', vscode.l10n.t('video call'), JSON.stringify(vscode.l10n.bundle ? Object.keys(vscode.l10n.bundle).length : null));
  });
  it('[zh-cn] language', () => {
    console.log(`zh pass: language ${vscode.env.language}`);
  });
});
