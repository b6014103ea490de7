// The hover's cost section (range, what the code adds, savings levers) and the code actions' edits, on the classroom
// example: the amounts come from the core's counterfactual estimates, the range ends are the estimates of the project
// analyzed again at the low and the high assumptions.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMoney } from '../../../../src/core';
import {
  analyzeProject,
  defaultBaseSettings,
  detectSources,
  estimateLogicalRoom,
  parseProjectFile,
  projectSettings,
  type FileFacts,
  type ProjectSettings,
} from '../../../../src/core/project';
import { assumptionsAt } from '../../../../src/core/project/ranges';
import { analyzeDocument, estimateRoom, siteRooms, type EstimateContext, type RoomResult } from '../../../../src/extension/logic/analysis';
import { driverHoverAt, leverEdits, leversHover, roomCostFacts } from '../../../../src/extension/logic/levers';
import { plainLocalizer, roomHover } from '../../../../src/extension/logic/present';

const root = join(__dirname, '..', '..', '..', '..', 'examples', 'classroom-app');
const files = ['web/src/classroom.ts', 'android/app/src/main/java/com/example/classroom/ClassroomActivity.java', 'server/src/recording.js'];
const languageOf = (f: string) => (f.endsWith('.ts') ? 'typescript' : f.endsWith('.java') ? 'java' : 'javascript');
const zhBundle = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const en = plainLocalizer('en');
const zh = plainLocalizer('zh-cn', zhBundle);
const web = readFileSync(join(root, 'web/src/classroom.ts'), 'utf8');

let generation = 100;

async function sites(projectText: string): Promise<{ rooms: RoomResult[]; ctx: EstimateContext; facts: FileFacts[]; settings: ProjectSettings }> {
  const facts = await detectSources(files.map((f) => ({ file: f, languageId: languageOf(f), text: readFileSync(join(root, f), 'utf8') })));
  const parsed = parseProjectFile(projectText);
  assert.deepEqual(parsed.errors, []);
  const settings = { ...projectSettings(defaultBaseSettings(), parsed.file, '.vscode/trtc-cost.json'), today: '2026-11-26' };
  const ctx: EstimateContext = { ...settings, generation: generation++ };
  const project = analyzeProject(facts, ctx);
  const doc = analyzeDocument(
    { uri: 'file:///c/web/src/classroom.ts', file: 'web/src/classroom.ts', text: web, languageId: 'typescript', version: 1 },
    ctx,
    undefined,
    facts[0],
  );
  return { rooms: siteRooms(doc, project), ctx, facts, settings };
}

const projectFile = readFileSync(join(root, '.vscode', 'trtc-cost.json'), 'utf8');

describe('hover cost section and lever code actions', () => {
  it('lists what the code adds and the savings levers, with the amounts the core computed', async () => {
    const { rooms, ctx } = await sites(projectFile);
    const r = rooms[0];
    const est = estimateRoom(r, ctx);
    const f = roomCostFacts(r, est);
    const text = leversHover(r, est, en).join('\n');
    assert.match(text, /\*\*What the code adds\*\*/);
    assert.match(text, /\*\*Savings levers\*\*/);
    for (const l of f.levers) assert.ok(text.includes(`−${formatMoney(l.monthlyEffect.slice(1), 'CNY', 'en', 2)}/month`), l.id);
    for (const d of f.drivers) assert.ok(text.includes(`+${formatMoney(d.monthlyEffect, 'CNY', 'en', 2)}/month`), d.fact);
    assert.match(text, /Screen share at 720p instead of 1920×1080: .*quick fix at web\/src\/classroom\.ts:40/);
    assert.doesNotMatch(text, /Range:/, 'no ranges in the example file');
    // The hover of the room carries the section, in Chinese too.
    assert.ok(roomHover(r, est, { settings: 's', scenarioFile: 'f' }, en).includes('**Savings levers**'));
    const chinese = roomHover(r, est, { settings: 's', scenarioFile: 'f' }, zh);
    assert.ok(chinese.includes('**节省方案**') && chinese.includes('观众仅接收音频'));
    // Chinese punctuation around the code's location and the amount: （file:line）：+¥…/月, no half-width "): ".
    assert.match(chinese, /（web\/src\/classroom\.ts:\d+）：\+¥[\d,.]+\/月/);
    assert.doesNotMatch(leversHover(r, est, zh).join('\n'), /\): |[^\x00-\x7f]: /);
  });

  it('puts the driver of the hovered line first', async () => {
    const { rooms, ctx } = await sites(projectFile);
    const text = leversHover(rooms[0], estimateRoom(rooms[0], ctx), en, { file: 'web/src/classroom.ts', line: 39 }).join('\n');
    assert.match(text.split('\n')[0], /^\*\*This line adds ¥[\d,.]+\/month\*\* \(Screen share 1920×1080\)/);
  });

  it('shows the range the assumptions give: the estimates of the project analyzed at the low and the high ends', async () => {
    const ranged = projectFile
      .replace('"audience": 30', '"audience": { "low": 10, "expected": 30, "high": 80 }')
      .replace('"sessionsPerDay": 20', '"sessionsPerDay": { "low": 5, "expected": 20, "high": 40 }');
    const { rooms, ctx, facts, settings } = await sites(ranged);
    const est = estimateRoom(rooms[0], ctx);
    assert.ok(est.ok);
    const plain = await sites(projectFile);
    const plainEst = estimateRoom(plain.rooms[0], plain.ctx);
    assert.ok(plainEst.ok);
    assert.equal(est.cost.monthly, plainEst.cost.monthly, 'the estimate (and the lens) use the expected values');
    const at = (end: 'low' | 'high') => {
      const s = { ...settings, assumptions: assumptionsAt(settings.assumptions, settings.ranges!, end) };
      const e = estimateLogicalRoom(
        analyzeProject(facts, s).rooms.find((x) => x.id === 'classroom')!,
        s,
      );
      assert.ok(e.ok);
      return e.cost.monthly;
    };
    const f = roomCostFacts(rooms[0], est);
    assert.deepEqual(f.range, { low: at('low'), expected: est.cost.monthly, high: at('high'), currency: 'CNY' });
    const text = leversHover(rooms[0], est, en).join('\n');
    assert.ok(text.includes(`**Range: ${formatMoney(at('low'), 'CNY', 'en', 2)} – ${formatMoney(at('high'), 'CNY', 'en', 2)} per month**`));
    assert.match(text, /audience 10–80, sessions a day 5–40/);
  });

  it('offers the screen-share profile as a quick fix on its literal, and nothing elsewhere', async () => {
    const { rooms, ctx } = await sites(projectFile);
    const lines = web.split('\n');
    const textAt = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
      lines[r.start.line].slice(r.start.character, r.end.character);
    const on = leverEdits(
      rooms,
      (r) => estimateRoom(r, ctx),
      'web/src/classroom.ts',
      { start: { line: 39, character: 10 }, end: { line: 39, character: 60 } },
      textAt,
      en,
    );
    assert.equal(on.length, 1);
    assert.equal(on[0].newText, "'720p'");
    assert.equal(on[0].lever.id, 'screen-720p');
    assert.match(on[0].title, /^TRTC: Screen share at 720p instead of 1920×1080 \(−¥[\d,.]+\/month\)$/);
    const edited = lines[39].slice(0, on[0].range.start.character) + on[0].newText + lines[39].slice(on[0].range.end.character);
    assert.equal(edited.trim(), "await this.trtc.startScreenShare({ option: { profile: '720p' } });");
    assert.deepEqual(
      leverEdits(
        rooms,
        (r) => estimateRoom(r, ctx),
        'web/src/classroom.ts',
        { start: { line: 33, character: 0 }, end: { line: 33, character: 40 } },
        textAt,
        en,
      ),
      [],
    );
    assert.deepEqual(
      leverEdits(rooms, (r) => estimateRoom(r, ctx), 'other.ts', { start: { line: 39, character: 0 }, end: { line: 39, character: 80 } }, textAt, en),
      [],
    );
  });
  it('hovering over a line that drives the cost says what that line adds, with the same amount as the room hover lists', async () => {
    const { rooms, ctx } = await sites(projectFile);
    const est = estimateRoom(rooms[0], ctx);
    const screen = roomCostFacts(rooms[0], est).drivers.find((d) => d.fact === 'screen' && d.file === 'web/src/classroom.ts');
    assert.ok(screen, 'the classroom web client states its screen share');
    const line = screen.range.start.line;
    const text = driverHoverAt(rooms, 'web/src/classroom.ts', line, (r) => estimateRoom(r, ctx), en);
    assert.ok(text);
    assert.ok(text.startsWith(`**TRTC: This line adds ${formatMoney(screen.monthlyEffect, 'CNY', 'en', 2)}/month**`), text);
    assert.match(text, /Screen share 1920×1080/);
    const zhText = driverHoverAt(rooms, 'web/src/classroom.ts', line, (r) => estimateRoom(r, ctx), zh);
    assert.match(zhText ?? '', /^\*\*TRTC: 这一行/);
    // A line that states nothing billable has no such hover.
    assert.equal(
      driverHoverAt(rooms, 'web/src/classroom.ts', 0, (r) => estimateRoom(r, ctx), en),
      undefined,
    );
  });
});
