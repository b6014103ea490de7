// The CLI: formats, exit codes (0 ok, 1 invalid input, 2 usage error) and messages with locations.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';

const root = join(__dirname, '..', '..', '..');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: root });
  return { code, out, err };
}

describe('trtc-cost estimate', () => {
  const example = 'examples/scenarios/tutoring-1v1.json';

  it('prints the bill as text with explanations and sources', async () => {
    const r = await cli('estimate', example, '--lang', 'en');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Total for the period: \$8,214\.23 \(8214\.225 USD\)/);
    assert.match(r.out, /2 × 1280×720 = 1,843,200 px → Full HD/);
    assert.match(r.out, /Sources/);
  });

  it('speaks Chinese with --lang zh-cn', async () => {
    const r = await cli('estimate', example, '--lang', 'zh-cn');
    assert.equal(r.code, 0);
    assert.match(r.out, /周期总计：\$8,214\.23/);
    assert.match(r.out, /音视频时长 · 高清/);
  });

  it('--json prints the Bill with exact amounts', async () => {
    const r = await cli('estimate', example, '--json');
    assert.equal(r.code, 0);
    const bill = JSON.parse(r.out);
    assert.equal(bill.total, '8214.225');
    assert.equal(bill.currency, 'USD');
  });

  it('--csv has one row per line and a total row', async () => {
    const r = await cli('estimate', example, '--csv', '--lang', 'en');
    const rows = r.out.trim().split('\n');
    assert.equal(rows[0].split(',')[0], 'key');
    assert.match(rows[rows.length - 1], /^total,Total for the period,,,,,,,8214\.225,USD,,$/);
  });

  it('--markdown has a table', async () => {
    const r = await cli('estimate', example, '--markdown', '--lang', 'en');
    assert.match(r.out, /\| Audio\/video duration · HD \| 540,000 \|/);
  });

  it('exit 1 with located messages for an invalid scenario', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trtc-cost-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ version: 1, tariff: { region: 'mars' }, rooms: [] }, null, 2));
    const r = await cli('estimate', file, '--lang', 'en');
    assert.equal(r.code, 1);
    assert.match(r.err, /bad\.json:\d+:\d+: \$\.tariff\.region "mars" is not one of "mainland", "international"/);
  });

  it('exit 1 for a missing file and for a 50 MB file', async () => {
    assert.equal((await cli('estimate', 'nope.json')).code, 1);
    const dir = mkdtempSync(join(tmpdir(), 'trtc-cost-'));
    const file = join(dir, 'huge.json');
    writeFileSync(file, Buffer.alloc(50 * 1024 * 1024, 32));
    const r = await cli('estimate', file);
    assert.equal(r.code, 1);
    assert.match(r.err, /50\.0 MB; scenario files are limited to 5 MB/);
  });

  it('exit 2 for usage errors', async () => {
    assert.equal((await cli()).code, 2);
    assert.equal((await cli('estimate')).code, 2);
    assert.equal((await cli('estimate', example, '--frobnicate')).code, 2);
    assert.equal((await cli('bogus')).code, 2);
    assert.equal((await cli('estimate', example, '--lang', 'fr')).code, 2);
    assert.equal((await cli('estimate', example, '--today', '2026-13-01')).code, 2);
  });
});

describe('trtc-cost in Chinese (@vscode/l10n on the extension bundle)', () => {
  it('prints scan in Chinese with --lang zh-cn: headings, fact labels and the detector reasons', async () => {
    const r = await cli('scan', 'examples/classroom-app', '--lang', 'zh-cn');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^项目：examples\/classroom-app（设置来自 /m);
    assert.match(r.out, /房间“Classroom” \[id: classroom\]/);
    assert.match(r.out, /默认值：本文件中没有启动 CDN 转推/);
    assert.match(r.out, /项目合计：每月 ¥/);
    assert.doesNotMatch(r.out, /Project total|call site\(s\)|monthly estimate|in code/);
    // Services, roles and the price book named in Chinese, in full-width parentheses (English output keeps the ids).
    assert.match(r.out, /^价目：中国站（人民币），/m);
    assert.match(r.out, /— 视频互动直播，2 处调用/);
    assert.match(r.out, /服务 +视频互动直播 +（来自代码，第 41 行）/);
    assert.match(r.out, /角色 +以下之一：观众 \| 主播/);
    assert.doesNotMatch(r.out, /video-live|\(来自|switches|mainland/);
  });
  it('gives the same total in both languages', async () => {
    const total = (out: string) => /(¥[\d,]+\.\d\d)/.exec(out.split('\n').find((l) => /Project total|项目合计/.test(l)) ?? '')?.[1];
    const en = await cli('scan', 'examples/classroom-app', '--lang', 'en');
    const zh = await cli('scan', 'examples/classroom-app', '--lang', 'zh-cn');
    assert.ok(total(en.out));
    assert.equal(total(zh.out), total(en.out));
  });
  it('reports usage errors in the chosen language, naming the option', async () => {
    const r = await cli('estimate', 'examples/scenarios/tutoring-1v1.json', '--lang', 'zh-cn', '--frobnicate');
    assert.equal(r.code, 2);
    assert.match(r.err, /^未知选项 --frobnicate/);
    const s = await cli('scan', 'examples/classroom-app', '--lang', 'fr');
    assert.equal(s.code, 2);
    assert.match(s.err, /--lang takes "en" or "zh-cn" \(got fr\)/);
    const both = await cli('estimate', 'examples/scenarios/tutoring-1v1.json', '--json', '--csv');
    assert.equal(both.code, 2);
    assert.match(both.err, /choose one output format/);
  });
});
