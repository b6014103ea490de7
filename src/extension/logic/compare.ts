// "Compare cost with branch…" without VS Code: the project at a git ref, built from the working tree's analysis and
// the old text of the files that differ, compared with the working tree by the same core diff as `trtc-cost diff`.
// Files that did not change keep the facts the workspace index already has (no second scan of the workspace).
import { languageIdForFile } from '../../core/detect';
import {
  analyzeProject,
  diffProjects,
  hasFacts,
  type FileFacts,
  type ProjectAnalysis,
  type ProjectDiff,
  type ProjectSettings,
  type SymbolTable,
} from '../../core/project';
import { collectSymbols, detectFileWith, nameKeys, neededNames } from '../../core/project/crossfile';

export type ChangeKind = 'added' | 'modified' | 'deleted' | 'renamed';

/** A file that differs between the ref and the working tree (paths as the workspace names files). */
export interface FileChange {
  kind: ChangeKind;
  /** The path in the working tree (for `deleted`: the path it had). */
  file: string;
  /** The path at the ref, for `renamed`. */
  oldFile?: string;
}

export interface Source {
  file: string;
  languageId: string;
  text: string;
}

export interface BaseInput {
  /** The working tree's per-file facts (the workspace index's). */
  current: readonly FileFacts[];
  changes: readonly FileChange[];
  /** Files git does not track: in the working tree, not at the ref. */
  untracked: readonly string[];
  /** The text at the ref of each path that existed there and changed; undefined when it could not be read. */
  oldText(file: string): Promise<string | undefined>;
  /** The text of a file that is the same at the ref as in the working tree. */
  text(file: string): Promise<string | undefined>;
  /** Unchanged source files (none of `skip`) whose text mentions one of `keys`: where values other files use may be. */
  mentioning(keys: readonly string[], skip: ReadonlySet<string>): Promise<Source[]>;
  /** The app's own wrapper functions, as the workspace scan found them. */
  wrappers?: ReadonlySet<string>;
}

export interface BaseFacts {
  facts: FileFacts[];
  /** Paths whose old text could not be read (the base side lacks them: its estimate may be low). */
  unreadable: string[];
}

const oldPath = (c: FileChange): string | undefined => (c.kind === 'renamed' ? c.oldFile : c.kind === 'added' ? undefined : c.file);

/**
 * The facts of the project at the ref. Files with no room that did not change keep the working tree's facts; the
 * changed files are detected from their old text and the unchanged files with rooms again, both with the values
 * other files define at the ref (a constant changed in another file changes them), as `trtc-cost scan` would.
 */
export async function baseFacts(input: BaseInput): Promise<BaseFacts> {
  const gone = new Set<string>(input.untracked);
  for (const c of input.changes) gone.add(c.file);
  const unchanged = input.current.filter((f) => !gone.has(f.file));
  const facts = unchanged.filter((f) => f.detection.rooms.length === 0);
  const sources: Source[] = [];
  const unreadable: string[] = [];
  for (const f of unchanged) {
    if (f.detection.rooms.length === 0) continue;
    const text = await input.text(f.file);
    if (text === undefined) facts.push(f);
    else sources.push({ file: f.file, languageId: f.languageId, text });
  }
  for (const c of input.changes) {
    const old = oldPath(c);
    const languageId = old ? languageIdForFile(old) : undefined;
    if (!old || !languageId) continue;
    const text = await input.oldText(old);
    if (text === undefined) unreadable.push(old);
    else sources.push({ file: old, languageId, text });
  }
  const detected = sources.map((s) => detectFileWith(s.file, s.languageId, s.text, undefined, input.wrappers));
  const waiting = detected.map((f, i) => [f, i] as const).filter(([f]) => f.detection.rooms.length > 0 && f.detection.unresolved?.length);
  if (waiting.length > 0) {
    const keys = nameKeys(neededNames(waiting.map(([f]) => f)));
    const table: SymbolTable = new Map();
    const covered = new Set([...gone, ...sources.map((s) => s.file)]);
    for (const s of [...sources, ...(await input.mentioning(keys, covered))]) collectSymbols(s.file, s.languageId, s.text, keys, table);
    for (const [, i] of waiting) detected[i] = detectFileWith(sources[i]!.file, sources[i]!.languageId, sources[i]!.text, table, input.wrappers);
  }
  for (const f of detected) if (hasFacts(f)) facts.push(f);
  return { facts, unreadable };
}

/** The working tree compared with the project at the ref, both under the workspace's settings; with the ref's analysis. */
export function compareWithBase(base: readonly FileFacts[], current: ProjectAnalysis, settings: ProjectSettings): { diff: ProjectDiff; base: ProjectAnalysis } {
  const analysis = analyzeProject([...base], settings);
  return { diff: diffProjects({ analysis, settings }, { analysis: current, settings }), base: analysis };
}
