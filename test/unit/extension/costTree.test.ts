// The TRTC Cost view's model against the real detection, grouping and engine: the fixture workspace's files →
// logical rooms → the workspace bill → the tree's nodes, with the status bar's amounts and formatting.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeProject, billProject, detectFile, type LogicalRoom, type ProjectAnalysis } from '../../../src/core/project';
import { analyzeDocument, estimateRoom, siteRooms, type EstimateContext, type WorkspaceRoom } from '../../../src/extension/logic/analysis';
import {
  breakdownRows,
  estimateItem,
  lensTitle,
  monthlyAmount,
  plainLocalizer,
  reconcile,
  roomHover,
  shortMoney,
  shownDifference,
  statusText,
  statusTooltip,
  workspaceRoomIsUpTo,
} from '../../../src/extension/logic/present';
import { DEFAULT_SETTINGS } from '../../../src/extension/logic/settings';
import { costTree, type CostNode, type CostSummary } from '../../../src/extension/views/costTree';
import { isManifestName, MANIFEST_GLOB, sdkNamedIn } from '../../../src/extension/views/sdkManifests';

const root = join(__dirname, '..', '..', '..');
const fixture = (rel: string) => readFileSync(join(root, 'test/vscode/fixtures/workspace', rel), 'utf8');
const zhBundle = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const en = plainLocalizer('en');
const zh = plainLocalizer('zh-cn', zhBundle);

const ctx: EstimateContext = {
  generation: 1,
  tariff: { region: 'mainland' },
  payment: { freeMinutes: true },
  assumptions: DEFAULT_SETTINGS.assumptions,
  fileRooms: [],
  today: '2026-11-26',
};

const FILES: [string, string][] = [
  ['src/call.js', 'javascript'],
  ['src/live.js', 'javascript'],
  ['src/classConfig.js', 'javascript'],
  ['android/VoiceRoom.kt', 'kotlin'],
  ['server/record.py', 'python'],
];

/** What WorkspaceIndex.summary() builds from the project: the rooms the bill holds, in the bill's order. */
function summarize(project: ProjectAnalysis): { summary: CostSummary; unestimated: LogicalRoom[] } {
  const billed = billProject(project, ctx, 'fixture');
  assert.equal(billed.ok, true, 'the fixture workspace is billed');
  if (billed.ok !== true) throw new Error('unreachable');
  const rooms: WorkspaceRoom[] = billed.rooms.map((r) => ({
    key: r.id,
    room: r.room!,
    origin: r.origin,
    file: r.sites[0]?.file,
    line: r.sites[0]?.line,
    logical: r,
  }));
  const inBill = new Set(billed.rooms);
  const unestimated = project.rooms.filter((r) => !inBill.has(r));
  return { summary: { rooms, bill: billed.bill, withoutEstimate: unestimated.length, scanned: true }, unestimated };
}

/** The room nodes under the total (the steps from their sum to the bill follow them). */
const roomsOf = (total: CostNode) => total.children.filter((n) => n.kind === 'room');

const project = () =>
  analyzeProject(
    FILES.map(([f, lang]) => detectFile(f, lang, fixture(f))),
    ctx,
  );

describe('TRTC Cost view model', () => {
  it('puts the workspace total on top, with the status bar’s amount', () => {
    const { summary } = summarize(project());
    const [total, ...rest] = costTree(summary, en);
    assert.equal(rest.length, 0, 'every room is estimated');
    assert.equal(total.kind, 'total');
    assert.equal(total.amount, summary.bill!.total);
    // The status bar reads "$(pulse) TRTC bill ≈ ¥X/month": the view's total says the same amount the same way.
    const status = statusText(summary.bill!.total, summary.bill!.currency, en).replace('$(pulse) TRTC bill ', '');
    assert.equal(total.label, `Workspace bill ${status}`);
    assert.equal(total.description, `${summary.rooms.length} rooms`);
    assert.match(total.tooltip, /after free minutes and packages/);
    assert.equal(total.expanded, true);
  });

  it('lists the logical rooms by monthly list price, highest first, the cost first in the label', () => {
    const { summary } = summarize(project());
    const rooms = roomsOf(costTree(summary, en)[0]);
    assert.equal(rooms.length, summary.rooms.length);
    assert.ok(rooms.length >= 3, `${rooms.length} rooms`);
    const amounts = rooms.map((r) => Number(r.amount));
    assert.deepEqual(
      amounts,
      [...amounts].sort((a, b) => b - a),
    );
    for (const node of rooms) {
      const i = summary.rooms.indexOf(node.room!);
      assert.ok(i >= 0);
      const cost = summary.bill!.rooms[i];
      assert.equal(node.amount, cost.monthly, 'the bill’s amount for this room');
      assert.equal(node.name, summary.rooms[i].room.name);
      assert.equal(node.label, `≈ ${shortMoney(cost.monthly, summary.bill!.currency, en)}/month · ${node.name}`);
      assert.match(node.description!, /^list price · (video call|voice call|video live|voice live) · (audio|SD|HD|FHD|2K|4K) · \d+ users?$/);
      assert.match(node.tooltip, /TRTC list price ≈ /);
      assert.match(node.tooltip, /before free minutes and packages/);
      assert.doesNotMatch(node.name!, /^[a-z]/, 'a room named after a file starts with a capital');
    }
  });

  it('shows a room’s call sites and server add-ons as its children', () => {
    const p = project();
    const { summary } = summarize(p);
    const rooms = roomsOf(costTree(summary, en)[0]);
    for (const node of rooms) {
      const logical = node.logical!;
      assert.deepEqual(
        node.children.map((c) => c.site!.key),
        [...logical.sites, ...logical.addOns].map((s) => s.key),
      );
      for (const c of node.children) {
        assert.equal(c.kind, logical.addOns.includes(c.site!) ? 'addOn' : 'site');
        assert.ok(c.description === undefined || c.description === `${c.site!.file}:${c.site!.line}`);
        assert.ok(c.tooltip.includes(`${c.site!.file}:${c.site!.line}`));
      }
    }
    const keys = rooms.flatMap((r) => r.children.map((c) => c.site!.key));
    assert.equal(new Set(keys).size, keys.length, 'each call site once');
    assert.ok(keys.includes('src/call.js:' + p.sites.find((s) => s.file === 'src/call.js')!.line));
  });

  it('filters rooms by name or service, keeping the total and saying how many are shown', () => {
    const { summary } = summarize(project());
    const all = roomsOf(costTree(summary, en)[0]);
    const live = costTree(summary, en, { filter: 'LIVE' })[0];
    assert.equal(live.amount, summary.bill!.total, 'the filter never changes the total');
    assert.ok(live.children.length > 0 && live.children.length < all.length, `${live.children.length} of ${all.length}`);
    assert.ok(
      live.children.every((n) => n.kind === 'room'),
      'a filtered list shows no steps to the bill (it is not meant to add up)',
    );
    for (const r of live.children) assert.ok(/live/i.test(`${r.label} ${r.description} ${r.room!.logical.id}`), r.label);
    assert.match(live.tooltip, new RegExp(`Filter “LIVE”: ${live.children.length} of ${all.length} rooms shown`));
    const byName = costTree(summary, en, { filter: all[0].name })[0].children;
    assert.ok(byName.some((r) => r.label === all[0].label));
    assert.deepEqual(costTree(summary, en, { filter: 'no such room zzz' })[0].children, []);
  });

  it('says it is scanning while the first scan runs, and is empty (the welcome view) when nothing is found', () => {
    const empty: CostSummary = { rooms: [], withoutEstimate: 0, scanned: false };
    const [node] = costTree(empty, en, { scanning: true });
    assert.equal(node.kind, 'scanning');
    assert.equal(node.icon, 'sync~spin');
    assert.deepEqual(costTree({ ...empty, scanned: true }, en), []);
  });

  it('lists the rooms without an estimate with their reason', () => {
    const p = analyzeProject([detectFile('src/call.js', 'javascript', fixture('src/call.js'))], ctx);
    const { summary } = summarize(p);
    const fake: LogicalRoom = { ...p.rooms[0], id: 'broken', name: 'Broken room', room: undefined, reason: { en: 'no SDK app', zh: '没有应用' } };
    const nodes = costTree({ ...summary, withoutEstimate: 1 }, en, { unestimated: [fake] });
    const last = nodes[nodes.length - 1];
    assert.equal(last.kind, 'unestimated');
    assert.equal(last.label, '1 room has no estimate.');
    assert.equal(
      costTree({ ...summary, withoutEstimate: 2 }, en, { unestimated: [fake, { ...fake, id: 'broken-2' }] }).at(-1)!.label,
      '2 rooms have no estimate.',
    );
    assert.equal(last.children[0].label, 'Broken room');
    assert.equal(last.children[0].description, 'no SDK app');
    assert.equal(costTree({ ...summary, withoutEstimate: 1 }, zh, { unestimated: [fake] }).at(-1)!.children[0].description, '没有应用');
  });

  it('speaks Chinese in zh-cn', () => {
    const { summary } = summarize(project());
    const [total] = costTree(summary, zh);
    assert.match(total.label, /^工作区账单 ≈ ¥[\d,]+\/月$/);
    assert.match(total.description!, /^\d+ 个房间$/);
    for (const r of roomsOf(total)) {
      assert.match(r.label, /^[≈≤] ¥[\d,]+\/月 · /);
      assert.match(r.description!, /^刊例价 · /);
      assert.doesNotMatch(`${r.description} ${r.tooltip}`, /\b(users?|month|video call|voice call|List price)\b/);
    }
  });
});

describe('TRTC project manifests', () => {
  it('finds the TRTC SDKs each ecosystem’s manifest names', () => {
    const cases: [string, string][] = [
      ['{ "dependencies": { "trtc-sdk-v5": "^5.8.0" } }', 'trtc-sdk-v5'],
      ['{ "dependencies": { "trtc-js-sdk": "4.15.0" } }', 'trtc-js-sdk'],
      ['{ "dependencies": { "trtc-electron-sdk": "^12" } }', 'trtc-electron-sdk'],
      ['{ "dependencies": { "@tencentcloud/tuiroom-engine-js": "^2" } }', '@tencentcloud/tuiroom-engine-js'],
      ["implementation 'com.tencent.liteav:LiteAVSDK_TRTC:latest.release'", 'com.tencent.liteav'],
      ['implementation("com.tencent.liteav:LiteAVSDK_Professional:11.9.0")', 'com.tencent.liteav'],
      ["pod 'TXLiteAVSDK_TRTC'", 'TXLiteAVSDK_TRTC'],
      ["pod 'TUICallKit_Swift'", 'TUICallKit_Swift'],
      ['dependencies:\n  tencent_trtc_cloud: ^2.9.0\n', 'tencent_trtc_cloud'],
      ['<PackageReference Include="TRTCCloud" Version="1.0" />', 'TRTCCloud'],
      ['"nativePlugins": { "TencentCloud-TRTC": { "version": "1.0" } }', 'TencentCloud-TRTC'],
      ['require github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/trtc v1.0.900', 'github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/trtc'],
      ['tencentcloud-sdk-python-trtc==3.0.1100\n', 'tencentcloud-sdk-python-trtc'],
    ];
    for (const [text, name] of cases) assert.equal(sdkNamedIn(text), name, text);
  });

  it('names nothing in manifests of other projects', () => {
    for (const text of [
      '{ "name": "my-app", "dependencies": { "react": "^18", "agora-rtc-sdk-ng": "^4" } }',
      '{ "name": "trtc-cost", "keywords": ["TRTC"] }',
      '{ "dependencies": { "my-trtc-sdk-v5-fork": "1" } }',
      "implementation 'com.tencent.mm:wechat-sdk'",
      '',
      'x'.repeat(2_000_000),
    ])
      assert.equal(sdkNamedIn(text), undefined, text.slice(0, 80));
  });

  it('looks at the root and one level down for every manifest kind', () => {
    for (const name of [
      'package.json',
      'build.gradle',
      'build.gradle.kts',
      'Podfile',
      'pubspec.yaml',
      '*.csproj',
      'manifest.json',
      'go.mod',
      'requirements.txt',
    ]) {
      assert.ok(MANIFEST_GLOB.includes(`,${name},`) || MANIFEST_GLOB.startsWith(`{${name},`), name);
      assert.ok(MANIFEST_GLOB.includes(`*/${name}`), name);
    }
    for (const name of ['package.json', 'build.gradle.kts', 'Podfile', 'App.csproj', 'go.mod']) assert.ok(isManifestName(name), name);
    for (const name of ['.csproj', 'package.json5', 'podfile.lock', 'index.js']) assert.ok(!isManifestName(name), name);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    for (const e of [
      '**/package.json',
      '**/build.gradle',
      '**/build.gradle.kts',
      '**/Podfile',
      '**/pubspec.yaml',
      '**/*.csproj',
      '**/manifest.json',
      '**/go.mod',
      '**/requirements.txt',
    ])
      assert.ok(pkg.activationEvents.includes(`workspaceContains:${e}`), e);
  });
});

describe('one room, one amount', () => {
  const links = { settings: 's', scenarioFile: 'f', calculator: 'c' };

  /** Every surface's text for each room of the fixture workspace, from the same summary the extension builds. */
  function surfaces(loc: ReturnType<typeof plainLocalizer>) {
    const p = project();
    const { summary } = summarize(p);
    const bill = summary.bill!;
    const tree = roomsOf(costTree(summary, loc)[0]);
    const tooltip = statusTooltip(bill, breakdownRows(summary), 0, loc);
    return summary.rooms.map((room, i) => {
      // The lens and the hover of the room's first call site, as the editor shows them with the workspace project.
      const site = room.logical.sites[0];
      const doc = analyzeDocument(
        {
          uri: `file:///w/${site.file}`,
          file: site.file,
          text: fixture(site.file),
          languageId: site.file.endsWith('.kt') ? 'kotlin' : 'javascript',
          version: 1,
        },
        ctx,
      );
      const r = siteRooms(doc, p).find((x) => x.key === site.key)!;
      const est = estimateRoom(r, ctx);
      const upTo = workspaceRoomIsUpTo(room);
      const amount = monthlyAmount(bill.rooms[i].monthly, bill.currency, upTo, loc);
      const item = estimateItem({ name: room.room.name, monthlyText: amount, description: '', upTo, file: room.file, line: room.line }, loc);
      return {
        name: room.room.name,
        amount,
        lens: lensTitle(r, est, loc),
        hover: roomHover(r, est, links, loc),
        item: item.label,
        tree: tree.find((n) => n.room === room)!.label,
        tooltip: tooltip.split('\n').find((l) => l.startsWith(`- ${room.room.name}: `)) ?? '',
      };
    });
  }

  it('shows the identical amount string in the lens, hover, estimate list, view and status tooltip of each room', () => {
    for (const loc of [en, zh]) {
      const rows = surfaces(loc);
      assert.equal(rows.length, 3);
      for (const s of rows) {
        assert.match(s.amount, /^[≈≤] ¥[\d,]+\/(month|月)$/);
        for (const [where, text] of Object.entries({ lens: s.lens, hover: s.hover, item: s.item, tree: s.tree, tooltip: s.tooltip }))
          assert.ok(text.includes(s.amount), `${s.name}: the ${where} shows ${s.amount}: ${text.split('\n').slice(0, 4).join(' / ')}`);
        // The label says which amount it is: the room's list price (the bill is labelled apart).
        assert.ok(s.lens.includes(loc.t('list price {0}', s.amount)), s.lens);
        assert.ok(s.hover.includes(loc.t('list price {0}', s.amount)), 'hover');
      }
    }
  });

  it('lists the status tooltip’s rooms so that they add up to its total, saying what lies between', () => {
    const { summary } = summarize(project());
    const bill = summary.bill!;
    const tip = statusTooltip(bill, breakdownRows(summary), 0, en);
    const num = (s: string) => Number(s.replace(/[^\d.]/g, ''));
    const rows = [...tip.matchAll(/^- .+?: ≈ ¥([\d,.]+)\/month/gm)].map((m) => num(m[1]));
    assert.equal(rows.length, summary.rooms.length);
    const steps = [...tip.matchAll(/^- [^:\n]+: ([−+])¥([\d,.]+)$/gm)].map((m) => (m[1] === '−' ? -1 : 1) * num(m[2]));
    const shownTotal = num(/\*\*Workspace bill: ¥([\d,.]+)\*\*/.exec(tip)![1]);
    assert.equal(shownTotal, Math.round(Number(bill.total)));
    const sum = rows.reduce((a, b) => a + b, 0) + steps.reduce((a, b) => a + b, 0);
    // Either the shown amounts add up, or the tooltip says by how much rounding keeps them from it.
    if (Math.abs(sum - shownTotal) > 1e-9) assert.match(tip, /rounded on its own, so the rows differ from the bill by/);
    else assert.doesNotMatch(tip, /rounded on its own/);
    // The fixture's rooms cost more than the bill: the mainland trial's free minutes are deducted once, for the account.
    assert.ok(rows.reduce((a, b) => a + b, 0) > shownTotal);
    assert.match(tip, /^- Free minutes \(10,000 min\): −¥[\d,.]+$/m);
    assert.match(tip, /Sum of the rooms’ list prices: ¥[\d,]+/);
    assert.match(tip, /^\*\*TRTC workspace bill ≈ ¥[\d,]+\/month\*\*$/m);
  });

  it('reconciles any bill exactly: the rooms’ sum plus the steps is the total', () => {
    const { summary } = summarize(project());
    const bill = summary.bill!;
    const rec = reconcile(
      bill,
      bill.rooms.map((r) => r.monthly),
    );
    const back = rec.adjustments.reduce((n, a) => n + Number(a.amount), Number(rec.roomsSum));
    assert.ok(Math.abs(back - Number(bill.total)) < 1e-6, `${back} vs ${bill.total}`);
    assert.deepEqual(
      rec.adjustments.map((a) => a.kind),
      ['freeMinutes'],
      'the fixture differs by the free minutes only',
    );
    // Per-room rounding vs the app's: a room of 10 s sessions alone rounds up to a minute a day; with a second room of
    // 10 s sessions the app's 20 s round up to one minute too, not two.
    const shown = shownDifference(['0.004', '0.004'], { roomsSum: '0.008', adjustments: [], total: '0.01' });
    assert.equal(shown, '0.01', 'two amounts shown as ¥0.00 under a total of ¥0.01 are off by a cent');
  });

  it('names each room the same everywhere and never in lower case', () => {
    for (const s of surfaces(en)) {
      assert.match(s.name, /^[A-Z]/);
      assert.ok(s.tree.endsWith(` · ${s.name}`));
      assert.ok(s.item.endsWith(` · ${s.name}`));
      assert.ok(s.hover.includes(s.name));
    }
  });
});
