// Runs only in the zh-cn pass (display language zh-cn): what a Chinese-speaking user reads.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, hoverText, lensTitles, plain, positionOf, workspaceUri, type TrtcCostApi } from './helpers';

describe('[zh-cn] TRTC Cost in Chinese', function () {
  let api: TrtcCostApi;
  before(async function () {
    this.timeout(120000);
    api = await activate();
  });

  it('[zh-cn] runs with the display language zh-cn', () => {
    assert.equal(vscode.env.language, 'zh-cn');
    assert.equal(vscode.l10n.t('video call'), '视频通话');
  });

  it('[zh-cn] localizes the manifest (package.nls.zh-cn.json)', () => {
    const pkg = vscode.extensions.getExtension('trtc-cost.trtc-cost')!.packageJSON;
    // VS Code keeps localized command titles as { value, original }.
    const text = (v: string | { value: string; original: string }) => (typeof v === 'string' ? v : v.value);
    const title = pkg.contributes.commands.find((c: { command: string }) => c.command === 'trtcCost.estimate').title;
    assert.equal(text(title), '估算 TRTC 费用');
    assert.equal(text(pkg.displayName), 'TRTC Cost（TRTC 费用估算）');
    const section = pkg.contributes.configuration.find((s: { id: string }) => s.id === 'trtcCost.assumptions');
    assert.equal(text(section.title), '假设');
    assert.match(text(section.properties['trtcCost.assumptions.participants'].markdownDescription), /发布音视频的人数/);
  });

  it('[zh-cn] shows CodeLens, hover and status bar in Chinese', async () => {
    const call = workspaceUri('src/call.js');
    assert.deepEqual(await lensTitles(call), ['TRTC 刊例价 ≈ ¥5,040/月 · 视频通话 · 高清 · 2 人']);
    assert.deepEqual(await lensTitles(workspaceUri('android/VoiceRoom.kt')), ['TRTC 刊例价 ≈ ¥1,260/月 · 语音通话 · 音频 · 2 人']);
    const text = plain(await hoverText(call, await positionOf(call, 'enterRoom', 2)));
    assert.match(text, /TRTC 刊例价 ≈ ¥5,040\/月\*\* · 每分钟 ¥0\.0560/);
    assert.match(text, /档位：高清/);
    assert.match(text, /每天 100 场 × 30 分钟 × 每月 30 天/);
    assert.match(text, /假设每次通话 2 人/);
    assert.match(text, /价目表：/);
    assert.match(text, /修改假设/);
    await api.whenIdle();
    assert.match(api.statusBar().text, /TRTC 账单 ≈ ¥[\d,]+\/月$/);
    assert.match(plain(api.statusBar().tooltip), /3 个房间，按刊例价，每个只计一次/);
  });

  it('[zh-cn] titles the estimate in Chinese', async () => {
    const result = await api.estimate({ scope: 'workspace' });
    assert.match(result.title ?? '', /^TRTC 工作区账单 ≈ ¥[\d,]+\/月 · 3 个房间 · /);
    assert.match(api.lastEstimateView()?.items[0] ?? '', /在计算器中打开/);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });
});
