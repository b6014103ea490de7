// `trtc-cost diff [<base-ref>] [<head-ref>]`: what a change does to the monthly TRTC bill. Both sides are analysed
// as `scan` analyses a folder (the project file of that side, default excludes, vendored files skipped, values across
// files, logical rooms); a commit is read from git objects (`git ls-tree`, one `git cat-file --batch`), never by
// checking it out, so the work tree is not touched. The rooms are compared by core/project/diff.ts.
import { spawnSync } from 'node:child_process';
import { parseArgs as nodeParseArgs } from 'node:util';
import ignore from 'ignore';
import { formatMoney, type Text } from '../core';
import { D } from '../core/decimal';
import { languageIdForFile } from '../core/detect';
import {
  analyzeProject,
  DEFAULT_EXCLUDES,
  defaultBaseSettings,
  detectFile,
  detectProject,
  diffProjects,
  parseProjectFile,
  projectSettings,
  signedMoney,
  type ProjectDiff,
  type FileFacts,
  type ProjectSide,
  type Reason,
} from '../core/project';
import { vendoredReason } from '../core/project/vendored';
import { argsError } from './l10n';
import { analyzeFolder, PROJECT_FILE, type ScanIO } from './scan';

const USAGE = `Usage: trtc-cost diff [<base-ref>] [<head-ref>] [options]

Compares the monthly TRTC bill of two versions of the project: per logical room and in total, with the reasons.
Default base: the merge base of HEAD with the default branch (origin/HEAD, main or master); default head: the
working tree (uncommitted changes included). Run it inside the git repository.

Options:
  --json                    machine-readable output
  --markdown                Markdown for a pull-request comment (English, with a Chinese section)
  --budget <amount>         fail (exit 3) when the monthly bill after the change is above this amount
  --max-increase <a|p%>     fail (exit 4) when the bill rises by more than this amount or percentage
  --include-vendored        also read dependencies, build output, minified bundles and SDK files
  -h, --help                show this help

Exit codes: 0 within limits, 1 error (not a git repository, unknown ref, a side cannot be billed),
2 usage error, 3 over --budget, 4 over --max-increase.
`;

const MAX_FILE = 1024 * 1024;
const MAX_PROJECT_FILE = 5 * 1024 * 1024;

class UsageError extends Error {}

interface Options {
  refs: string[];
  json: boolean;
  markdown: boolean;
  budget?: D;
  maxIncrease?: { amount?: D; percent?: D };
  includeVendored: boolean;
}

function parseArgs(args: string[]): Options | 'help' {
  let parsed;
  try {
    parsed = nodeParseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        json: { type: 'boolean' },
        markdown: { type: 'boolean' },
        'include-vendored': { type: 'boolean' },
        budget: { type: 'string' },
        'max-increase': { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError(argsError(e));
  }
  const v = parsed.values;
  if (v.help) return 'help';
  const amount = (flag: string, text: string): D => {
    if (!/^\d+(\.\d+)?$/.test(text)) throw new UsageError(`${flag} must be a number, e.g. 50000 (got "${text}")`);
    return new D(text);
  };
  const o: Options = { refs: parsed.positionals, json: !!v.json, markdown: !!v.markdown, includeVendored: !!v['include-vendored'] };
  if (v.budget !== undefined) o.budget = amount('--budget', v.budget);
  const inc = v['max-increase'];
  if (inc !== undefined)
    o.maxIncrease = inc.endsWith('%') ? { percent: amount('--max-increase', inc.slice(0, -1)) } : { amount: amount('--max-increase', inc) };
  if (o.refs.length > 2) throw new UsageError('at most two refs: <base-ref> [<head-ref>]');
  if (o.json && o.markdown) throw new UsageError('--json and --markdown exclude each other');
  return o;
}

class GitError extends Error {}

function git(cwd: string, args: string[], input?: string): Buffer {
  const r = spawnSync('git', args, { cwd, input, maxBuffer: 1 << 30 });
  if (r.error) throw new GitError(`git ${args[0]}: ${r.error.message}`);
  if (r.status !== 0) throw new GitError(`git ${args.join(' ')}: ${r.stderr.toString().trim() || `exit ${r.status}`}`);
  return r.stdout;
}

function tryGit(cwd: string, args: string[]): string | undefined {
  try {
    return git(cwd, args).toString().trim();
  } catch {
    return undefined;
  }
}

/** The merge base of HEAD with the default branch, or HEAD when there is none. */
function defaultBase(root: string): string {
  const remoteHead = tryGit(root, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']);
  const candidates = [remoteHead, 'main', 'master', 'origin/main', 'origin/master'].filter((c): c is string => !!c);
  for (const c of candidates) {
    if (!tryGit(root, ['rev-parse', '--verify', '--quiet', `${c}^{commit}`])) continue;
    const base = tryGit(root, ['merge-base', 'HEAD', c]);
    if (base) return base;
  }
  return 'HEAD';
}

/** The source files of a commit, read from git objects, with the project file of that commit. */
/**
 * What one run has read from git and detected, shared by the two sides: a file unchanged between two commits is the
 * same blob, read once and detected once (detection depends only on the path, the language and the text).
 */
interface CommitCache {
  blobs: Map<string, string>;
  facts: Map<string, FileFacts>;
}

function newCommitCache(): CommitCache {
  return { blobs: new Map(), facts: new Map() };
}

function readCommit(
  root: string,
  ref: string,
  includeVendored: boolean,
  cache: CommitCache,
): { sources: { file: string; languageId: string; text: string; sha: string }[]; projectFile?: string } {
  const commit = git(root, ['rev-parse', '--verify', `${ref}^{commit}`])
    .toString()
    .trim();
  const excludes = ignore().add(includeVendored ? [] : DEFAULT_EXCLUDES);
  const wanted: { sha: string; file: string; languageId: string }[] = [];
  let projectSha: string | undefined;
  for (const entry of git(root, ['ls-tree', '-r', '-z', '-l', commit]).toString('utf8').split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [, type, sha, size] = entry.slice(0, tab).split(/\s+/);
    const file = entry.slice(tab + 1);
    if (type !== 'blob') continue;
    if (file === PROJECT_FILE) {
      if (Number(size) <= MAX_PROJECT_FILE) projectSha = sha;
      continue;
    }
    const languageId = languageIdForFile(file);
    if (!languageId || Number(size) > MAX_FILE) continue;
    try {
      if (excludes.ignores(file)) continue;
    } catch {
      // a path `ignore` cannot judge is read
    }
    if (!includeVendored && vendoredReason(file, undefined)) continue;
    wanted.push({ sha, file, languageId });
  }
  const blobs = cache.blobs;
  const shas = [...new Set([...wanted.map((w) => w.sha), ...(projectSha ? [projectSha] : [])])].filter((sha) => !blobs.has(sha));
  if (shas.length > 0) {
    const out = git(root, ['cat-file', '--batch'], shas.join('\n') + '\n');
    let at = 0;
    while (at < out.length) {
      const nl = out.indexOf(10, at);
      if (nl < 0) break;
      const [sha, type, size] = out.subarray(at, nl).toString().split(' ');
      if (type === 'missing' || size === undefined) {
        at = nl + 1;
        continue;
      }
      const n = Number(size);
      blobs.set(sha, out.subarray(nl + 1, nl + 1 + n).toString('utf8'));
      at = nl + 1 + n + 1;
    }
  }
  const sources = wanted
    .map((w) => ({ file: w.file, languageId: w.languageId, text: blobs.get(w.sha) ?? '', sha: w.sha }))
    .filter((s) => s.text.length > 0 && (includeVendored || !vendoredReason(s.file, s.text)));
  return { sources, projectFile: projectSha ? blobs.get(projectSha) : undefined };
}

async function analyzeCommit(root: string, ref: string, includeVendored: boolean, cache = newCommitCache()): Promise<ProjectSide | string> {
  const { sources, projectFile } = readCommit(root, ref, includeVendored, cache);
  let file;
  if (projectFile !== undefined) {
    const parsed = parseProjectFile(projectFile);
    if (!parsed.file) return `${ref}:${PROJECT_FILE} is not a valid project file: ${parsed.errors.map((e) => `${e.path} ${e.message.en}`).join('; ')}`;
    file = parsed.file;
  }
  const settings = projectSettings(defaultBaseSettings(), file, projectFile !== undefined ? PROJECT_FILE : undefined);
  const result = await detectProject(sources, {
    name: (s) => s.file,
    languageId: (s) => s.languageId,
    detect: async (s) => {
      const key = `${s.sha}\0${s.languageId}\0${s.file}`;
      let facts = cache.facts.get(key);
      if (!facts) cache.facts.set(key, (facts = detectFile(s.file, s.languageId, s.text)));
      return { facts, text: s.text };
    },
    read: async (s) => s.text,
  });
  return { analysis: analyzeProject(result ? result.files.map((f) => f.facts) : [], settings), settings };
}

const en = (x: Text): string => x.en;
const zh = (x: Text): string => x.zh;

function percent(d: ProjectDiff): string | undefined {
  if (d.totalBefore === undefined || d.totalAfter === undefined || new D(d.totalBefore).isZero()) return undefined;
  const p = new D(d.totalDelta).div(d.totalBefore).times(100);
  return `${p.isNegative() ? '−' : '+'}${p.abs().toDecimalPlaces(1).toFixed(1)}%`;
}

function money(amount: string | undefined, d: ProjectDiff): string {
  return amount === undefined ? '—' : formatMoney(amount, d.currency, 'en');
}

/** "anchors' camera 1280×720 → 1920×1080, main tier HD → Full HD: +¥693,000.00" (no amount when it could not be priced alone). */
function reasonText(r: Reason, lang: (x: Text) => string, d: ProjectDiff): string {
  return r.delta === undefined ? lang(r) : `${lang(r)}${lang({ en: ': ', zh: '：' })}${signedMoney(r.delta, d.currency)}`;
}

const ORDER_NOTE: Text = {
  en: 'Each change is priced in the order listed, with the changes above it already applied; together they make the room’s difference.',
  zh: '每项变化按所列顺序计价（其上各项已计入），各项之和即该房间的差额。',
};

function renderText(d: ProjectDiff, base: string, head: string): string {
  const out: string[] = [`TRTC cost change: ${base} → ${head}`];
  const pct = percent(d);
  out.push(`Monthly bill: ${money(d.totalBefore, d)} → ${money(d.totalAfter, d)} (${signedMoney(d.totalDelta, d.currency)}${pct ? `, ${pct}` : ''})`);
  for (const p of d.problems) out.push(`  problem: ${p.en}`);
  const changed = d.rooms.filter((r) => r.status !== 'same');
  for (const r of changed) {
    const mark = r.status === 'added' ? '+' : r.status === 'removed' ? '-' : '~';
    out.push(
      `${mark} Room "${r.name}" [id: ${r.id}]: ${money(r.before, d)} → ${money(r.after, d)} (${signedMoney(r.delta, d.currency)}, list price of the room ` +
        `alone)`,
    );
    for (const reason of r.reasons) out.push(`    ${reasonText(reason, en, d)}`);
  }
  if (changed.some((r) => r.reasons.length > 1)) out.push(ORDER_NOTE.en);
  const same = d.rooms.length - changed.length;
  if (same > 0) out.push(`${same} room(s) unchanged.`);
  if (d.rooms.length === 0) out.push('No TRTC rooms on either side.');
  return out.join('\n') + '\n';
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * A squeezed table wraps a cell wherever a line may break: between "+" and "¥", and between any two Chinese
 * characters ("变/化"). A word joiner (U+2060, invisible) keeps a signed amount and a short Chinese word whole.
 */
const WJ = '\u2060';
const glueMoney = (s: string): string => s.replace(/([+−])(?=[¥$])/g, `$1${WJ}`);
const glueWord = (s: string): string => (/^[\x20-\x7e]*$/.test(s) ? s : [...s].join(WJ));

function renderMarkdown(d: ProjectDiff, base: string, head: string): string {
  const pct = percent(d);
  const changed = d.rooms.filter((r) => r.status !== 'same');
  const table = (lang: (x: Text) => string, heads: string[], status: Record<string, string>): string[] => [
    `| ${heads.join(' | ')} |`,
    `|${heads.map((_, i) => (i >= 2 && i <= 4 ? '---:' : '---')).join('|')}|`,
    ...changed.map(
      (r) =>
        `| ${cell(r.name)} | ${glueWord(status[r.status]!)} | ${money(r.before, d)} | ${money(r.after, d)} | ${glueMoney(signedMoney(r.delta, d.currency))} ` +
        `| ${r.reasons.map((x) => glueMoney(cell(reasonText(x, lang, d)))).join('<br>')} |`,
    ),
    ...(changed.some((r) => r.reasons.length > 1) ? ['', lang(ORDER_NOTE)] : []),
  ];
  const out: string[] = [
    `### TRTC cost: ${signedMoney(d.totalDelta, d.currency)}/month${pct ? ` (${pct})` : ''}`,
    '',
    `Monthly bill ${money(d.totalBefore, d)} → **${money(d.totalAfter, d)}** (\`${cell(base)}\` → \`${cell(head)}\`; list prices, after free minutes and ` +
      `packages).`,
    '',
  ];
  for (const p of d.problems) out.push(`> ⚠️ ${p.en}`, '');
  if (changed.length) {
    out.push(
      '<details open><summary>Rooms that change</summary>',
      '',
      ...table(en, ['Room', 'Change', 'Before', 'After', 'Difference', 'Why'], { added: 'new', removed: 'removed', changed: 'changed', same: '' }),
      '',
      '</details>',
      '',
    );
  } else out.push('No room changes its cost.', '');
  out.push(
    '<details><summary>中文</summary>',
    '',
    `每月费用 ${money(d.totalBefore, d)} → **${money(d.totalAfter, d)}**（${signedMoney(d.totalDelta, d.currency)}${pct ? `，${pct}` : ''}；刊例价，已计免费时长和套餐）。`,
    '',
    ...(changed.length
      ? table(zh, ['房间', '变化', '变更前', '变更后', '差额', '原因'], { added: '新增', removed: '移除', changed: '变化', same: '' })
      : ['没有房间的费用发生变化。']),
    '',
    '</details>',
    '',
  );
  return out.join('\n');
}

export async function runDiff(args: string[], io: ScanIO): Promise<number> {
  let opts: Options | 'help';
  try {
    opts = parseArgs(args);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`trtc-cost diff: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (opts === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  let root: string;
  try {
    root = git(io.cwd, ['rev-parse', '--show-toplevel']).toString().trim();
  } catch (e) {
    io.stderr(`trtc-cost diff: not inside a git repository (${(e as Error).message})\n`);
    return 1;
  }
  let before: ProjectSide | string;
  let after: ProjectSide | string;
  const baseRef = opts.refs[0] ?? defaultBase(root);
  const headRef = opts.refs[1];
  try {
    const cache = newCommitCache();
    before = await analyzeCommit(root, baseRef, opts.includeVendored, cache);
    if (headRef) after = await analyzeCommit(root, headRef, opts.includeVendored, cache);
    else {
      const folder = await analyzeFolder(root, { ...io, stderr: () => undefined }, opts.includeVendored);
      after = typeof folder === 'string' ? folder : { analysis: folder.analysis, settings: folder.settings };
    }
  } catch (e) {
    if (e instanceof GitError) {
      io.stderr(`trtc-cost diff: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  for (const side of [before, after]) {
    if (typeof side === 'string') {
      io.stderr(`trtc-cost diff: ${side}\n`);
      return 1;
    }
  }
  const d = diffProjects(before as ProjectSide, after as ProjectSide);
  const short = (ref: string): string => (/^[0-9a-f]{40}$/.test(ref) ? ref.slice(0, 10) : ref);
  const shortBase = short(baseRef);
  const headName = headRef ? short(headRef) : 'working tree';
  if (opts.json) io.stdout(JSON.stringify({ base: baseRef, head: headRef ?? null, ...d }, null, 2) + '\n');
  else if (opts.markdown) io.stdout(renderMarkdown(d, shortBase, headName));
  else io.stdout(renderText(d, shortBase, headName));
  if (d.problems.length > 0) return 1;
  if (opts.budget && d.totalAfter !== undefined && new D(d.totalAfter).gt(opts.budget)) {
    io.stderr(
      `trtc-cost diff: over budget: the monthly bill would be ${money(d.totalAfter, d)}, the budget is ` +
        `${formatMoney(opts.budget.toString(), d.currency, 'en')}\n`,
    );
    return 3;
  }
  const inc = opts.maxIncrease;
  if (inc) {
    const delta = new D(d.totalDelta);
    const pct = d.totalBefore && !new D(d.totalBefore).isZero() ? delta.div(d.totalBefore).times(100) : delta.gt(0) ? new D(Infinity) : new D(0);
    if ((inc.amount && delta.gt(inc.amount)) || (inc.percent && pct.gt(inc.percent))) {
      const limit = inc.amount ? formatMoney(inc.amount.toString(), d.currency, 'en') : `${inc.percent!.toString()}%`;
      io.stderr(
        `trtc-cost diff: the monthly bill rises by ${signedMoney(d.totalDelta, d.currency)}${percent(d) ? ` (${percent(d)})` : ''}, more than the allowed ` +
          `${limit}\n`,
      );
      return 4;
    }
  }
  return 0;
}
