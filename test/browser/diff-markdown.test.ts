// The pull-request comment `trtc-cost diff --markdown` writes, rendered as a Markdown renderer with HTML enabled
// renders it (markdown-it, as GitHub and GitLab keep <details>), checked in Chromium: a real table with the expected
// header and one row per room that changes, amounts in their own cells (no `|` leaking into the text), the Chinese
// section collapsed until its summary is clicked. The fixture repository is built here with git.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import type { Browser, Page } from 'playwright-core';
import { main } from '../../src/cli/main';
import { ROOT, launch } from './harness';

const SHOTS = join(ROOT, 'test-results', 'browser');

const LIVE = (profile: string) =>
  `import TRTC from 'trtc-sdk-v5';\nconst trtc = TRTC.create();\nawait trtc.enterRoom({ sdkAppId: 1400000000, userId: 'a', userSig: 's', roomId: 1, scene: ` +
  `'live', role: 'anchor' });\nawait trtc.startLocalVideo({ option: { profile: '${profile}' } });\n`;
const VOICE =
  "import TRTC from 'trtc-sdk-v5';\nconst trtc = TRTC.create();\nawait trtc.enterRoom({ sdkAppId: 1400000000, userId: 'a', userSig: 's', roomId: 2, scene: " +
  "'rtc' });\nawait trtc.startLocalAudio();\n";
const RECORD =
  'from tencentcloud.trtc.v20190722 import models\nreq = models.CreateCloudRecordingRequest()\nreq.RecordParams = ' +
  'models.RecordParams()\nreq.RecordParams.RecordMode = 2\nresp = client.CreateCloudRecording(req)\n';

/** A little of GitHub's comment styling, so the screenshot looks like the comment a reviewer reads. */
const CSS = `body{font:14px/1.5 -apple-system,"Segoe UI","Noto Sans CJK SC","Noto Sans",sans-serif;max-width:980px;margin:24px;color:#1f2328}
table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #d1d9e0;padding:6px 13px;vertical-align:top}th{background:#f6f8fa}
code{background:#eff1f3;padding:.2em .4em;border-radius:6px;font-size:85%}summary{cursor:pointer;font-weight:600}`;

// A signed amount keeps its sign with a word joiner (U+2060) so a narrow column cannot break it after the sign.
const MONEY = /^(—|([+−]\u2060)?¥\d{1,3}(,\d{3})*\.\d{2})$/;

describe('diff --markdown in Chromium', function () {
  this.timeout(60_000);
  let repo: string;
  let browser: Browser;
  let page: Page;
  let markdown: string;
  let json: { rooms: { status: string; name: string }[] };

  before(async () => {
    repo = mkdtempSync(join(tmpdir(), 'trtc-diff-md-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
    const write = (file: string, text: string) => {
      mkdirSync(join(repo, file, '..'), { recursive: true });
      writeFileSync(join(repo, file), text);
    };
    const commit = (message: string) => {
      git('add', '-A');
      git('commit', '-q', '-m', message);
      return git('rev-parse', 'HEAD');
    };
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'test');
    write('src/LiveAnchorPage.js', LIVE('720p'));
    const base = commit('live room at 720p');
    write('src/LiveAnchorPage.js', LIVE('1080p'));
    write('src/VoiceCallPage.js', VOICE);
    write('server/record.py', RECORD);
    const head = commit('1080p, a voice call and recording');
    const run = async (...args: string[]): Promise<string> => {
      let out = '';
      let err = '';
      const code = await main(['diff', base, head, ...args], { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: repo });
      assert.equal(code, 0, err);
      return out;
    };
    markdown = await run('--markdown');
    json = JSON.parse(await run('--json'));
    const html = new MarkdownIt({ html: true }).render(markdown);
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body>${html}</body></html>`);
  });
  after(async () => {
    await browser?.close();
    rmSync(repo, { recursive: true, force: true });
  });

  it('renders a table per language with the expected header and one row per room that changes', async () => {
    const changed = json.rooms.filter((r) => r.status !== 'same');
    assert.equal(changed.length, 2, 'the live room changes and the voice call is new');
    const tables = page.locator('table');
    assert.equal(await tables.count(), 2);
    assert.deepEqual(await tables.nth(0).locator('thead th').allTextContents(), ['Room', 'Change', 'Before', 'After', 'Difference', 'Why']);
    assert.deepEqual(await tables.nth(1).locator('thead th').allTextContents(), ['房间', '变化', '变更前', '变更后', '差额', '原因']);
    for (let i = 0; i < 2; i++) {
      const rows = tables.nth(i).locator('tbody tr');
      assert.equal(await rows.count(), changed.length);
      assert.deepEqual(
        await rows.locator('td:first-child').allTextContents(),
        changed.map((r) => r.name),
      );
    }
  });

  it('puts each amount in its own cell, with no stray "|" anywhere in the text', async () => {
    for (const table of await page.locator('table').all()) {
      for (const row of await table.locator('tbody tr').all()) {
        const cells = await row.locator('td').allTextContents();
        assert.equal(cells.length, 6, cells.join(' ¦ '));
        for (const amount of cells.slice(2, 5)) assert.match(amount.trim(), MONEY);
        // Each reason ends with its amount, one per line.
        const reasons = await row.locator('td:last-child').evaluate((td) => td.innerHTML.split(/<br\s*\/?>/));
        for (const r of reasons) assert.match(r, /(: |：)([+−]\u2060)?¥[\d,]+\.\d{2}$/, r);
      }
    }
    assert.ok(!(await page.locator('body').innerText()).includes('|'), 'no table syntax left as text');
  });

  it('keeps the Chinese section collapsed until its summary is clicked', async () => {
    const zh = page.locator('details', { has: page.locator('summary', { hasText: '中文' }) });
    assert.equal(await zh.getAttribute('open'), null);
    const zhTable = zh.locator('table');
    assert.equal(await zhTable.isVisible(), false);
    assert.equal(await page.locator('table').first().isVisible(), true, 'the English table is open');
    await page.screenshot({ path: join(SHOTS, 'diff-markdown.png'), fullPage: true });
    await zh.locator('summary').click();
    assert.equal(await zhTable.isVisible(), true);
    assert.match(await zh.innerText(), /主播摄像头 1280×720 → 1920×1080/);
    assert.match(await page.locator('h3').innerText(), /^TRTC cost: \+¥[\d,]+\.\d{2}\/month/);
    // Short cells do not break inside a word or an amount (the narrowest columns of a squeezed table).
    for (const cell of await page.locator('td:nth-child(2), td:nth-child(5)').all()) {
      const lines = await cell.evaluate((td) => {
        const r = document.createRange();
        r.selectNodeContents(td);
        return new Set(Array.from(r.getClientRects()).map((x) => Math.round(x.top))).size;
      });
      assert.equal(lines, 1, `one line: ${await cell.textContent()}`);
    }
    await page.screenshot({ path: join(SHOTS, 'diff-markdown-zh.png'), fullPage: true });
  });
});
