// The project's detection passes, once for every front end: `trtc-cost scan` reads a disk, the extension VS Code's
// file system, tests and the web extension memory. Each gives a ProjectSource; the passes are the same:
// 1. every file is detected on its own (the source may answer from a cache);
// 2. only if some room uses a name it does not define, or the app has its own functions that enter a room: the
//    files are read again for the constants those names need (crossfile.ts) and for calls of those functions;
// 3. the files concerned are detected again with the constants and the wrapper names.
// Texts are kept only for the files of step 3, between steps 1 and 3.

import { hasFacts } from './analyze';
import { collectSymbols, detectFileWith, mentionsAny, nameKeys, neededNames, type SymbolTable } from './crossfile';
import { wrapperNames } from './fragments';
import type { FileFacts } from './types';

export interface ProjectSource<F> {
  /** Project-relative name with '/' separators. */
  name(file: F): string;
  languageId(file: F): string;
  /**
   * Step 1: the file's facts on its own, with its text when it was read (a cached answer may leave it out);
   * undefined when the file is left out of the project (unreadable, vendored, too large).
   */
  detect(file: F): Promise<{ facts: FileFacts; text?: string } | undefined>;
  /** Step 2: the file's text, or undefined to leave it out. */
  read(file: F): Promise<string | undefined>;
  /** True when the result is no longer wanted (cancelled, settings changed): the passes stop and return undefined. */
  cancelled?(): boolean;
  /** After each file of a step (progress; an editor yields to its event loop here). */
  progress?(step: 1 | 2, done: number, total: number, file: F): Promise<void> | void;
}

export interface ProjectFacts<F> {
  /** The files with TRTC facts, in the order given, with whether step 3 detected them again. */
  files: { file: F; facts: FileFacts; again: boolean }[];
  /** The constants found for names other files need. */
  table: SymbolTable;
  /** The app's own functions that enter a room. */
  wrappers: Set<string>;
  /** The name endings step 2 looked for (constants and wrappers): an edit mentioning one may change another file. */
  keys: string[];
}

/** Runs `work` over the indices a few at a time (reads overlap with detection). */
async function each(count: number, concurrency: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
}

/** The project's facts, across files: see the top of this file. Undefined when `source.cancelled()` said stop. */
export async function detectProject<F>(files: readonly F[], source: ProjectSource<F>, concurrency = 1): Promise<ProjectFacts<F> | undefined> {
  const facts: (FileFacts | undefined)[] = new Array(files.length);
  const included: boolean[] = new Array(files.length).fill(false);
  const waiting = new Map<number, string | undefined>();
  let done = 0;
  let stopped = false;
  const stop = (): boolean => (stopped ||= source.cancelled?.() === true);
  await each(files.length, concurrency, async (i) => {
    if (stop()) return;
    const r = await source.detect(files[i]);
    if (r) {
      included[i] = true;
      if (hasFacts(r.facts)) facts[i] = r.facts;
      if (r.facts.detection.rooms.length > 0 && r.facts.detection.unresolved?.length) waiting.set(i, r.text);
    }
    await source.progress?.(1, ++done, files.length, files[i]);
  });
  if (stop()) return undefined;

  const keys = nameKeys(neededNames([...waiting.keys()].map((i) => facts[i]!)));
  const wrappers = wrapperNames(facts.filter((f): f is FileFacts => f !== undefined));
  const wrapperKeys = [...wrappers];
  const table: SymbolTable = new Map();
  const again = new Set<number>();
  if (keys.length > 0 || wrappers.size > 0) {
    const texts = new Map<number, string>();
    done = 0;
    await each(files.length, concurrency, async (i) => {
      if (stop() || !included[i]) return;
      const text = waiting.get(i) ?? (await source.read(files[i]));
      if (text !== undefined) {
        collectSymbols(source.name(files[i]), source.languageId(files[i]), text, keys, table);
        if (waiting.has(i) || (wrapperKeys.length > 0 && mentionsAny(text, wrapperKeys))) texts.set(i, text);
      }
      await source.progress?.(2, ++done, files.length, files[i]);
    });
    if (stop()) return undefined;
    for (const [i, text] of texts) {
      const f = detectFileWith(source.name(files[i]), source.languageId(files[i]), text, table, wrappers);
      facts[i] = hasFacts(f) ? f : undefined;
      again.add(i);
    }
  }
  const out: ProjectFacts<F>['files'] = [];
  for (let i = 0; i < files.length; i++) if (facts[i]) out.push({ file: files[i], facts: facts[i]!, again: again.has(i) });
  return { files: out, table, wrappers, keys: [...keys, ...wrapperKeys] };
}

/** The project's facts for sources held in memory (tests, the web extension). */
export async function detectSources(sources: readonly { file: string; languageId: string; text: string }[]): Promise<FileFacts[]> {
  const result = await detectProject(sources, {
    name: (s) => s.file,
    languageId: (s) => s.languageId,
    detect: async (s) => ({ facts: detectFileWith(s.file, s.languageId, s.text, undefined), text: s.text }),
    read: async (s) => s.text,
  });
  return result ? result.files.map((f) => f.facts) : [];
}
