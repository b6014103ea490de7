// Values that live in another file: a room's scene, resolution or recording mode written as `AppConfig.RESOLUTION`
// or an imported `ROOM_SCENE`. Bounded, in three steps both front ends run the same way:
// 1. detection lists, per file, the names it could not resolve (`DetectionResult.unresolved`);
// 2. only files that mention one of those names are read for their constants (`fileSymbols`);
// 3. the files with unresolved names are detected again, with those constants as `externals`.
// A name defined in several files gives every value as a candidate; a name defined nowhere stays unknown.

import { detectRooms, type DetectOptions } from '../detect/detect';
import { fileSymbols } from '../detect/symbols';
import type { ExternalValue } from '../detect/types';
import { callNameAt } from './names';
import type { FileFacts } from './types';

/** Name as other files write it → the values it is defined with, each with its file. */
export type SymbolTable = Map<string, ExternalValue[]>;

/** At most this many names are looked for across the project. */
const MAX_NAMES = 2048;
/** At most this many values are kept per name (the rest would not change a "most expensive" choice much). */
const MAX_VALUES_PER_NAME = 8;

/** The names some file could not resolve, bounded. */
export function neededNames(facts: Iterable<FileFacts>): Set<string> {
  const out = new Set<string>();
  for (const f of facts) {
    for (const n of f.detection.unresolved ?? []) {
      if (out.size >= MAX_NAMES) return out;
      out.add(n);
    }
  }
  return out;
}

/** The last segment of each name: what a defining file must contain ("RESOLUTION" for "AppConfig.RESOLUTION"). */
export function nameKeys(names: Iterable<string>): string[] {
  const keys = new Set<string>();
  for (const n of names) keys.add(n.slice(n.lastIndexOf('.') + 1));
  return [...keys].filter((k) => k.length > 0);
}

const keyPatterns = new WeakMap<readonly string[], RegExp>();

/**
 * Whether a file names one of the keys, before any tokenizing: a substring test for a few keys, one regular
 * expression of them all for many (one pass over the text whatever the number of keys).
 */
export function mentionsAny(text: string, keys: readonly string[]): boolean {
  if (keys.length <= 8) {
    for (const k of keys) if (text.includes(k)) return true;
    return false;
  }
  let re = keyPatterns.get(keys);
  if (!re) {
    // Longest first, so a key that prefixes another does not hide it; keys are identifiers, escaped all the same.
    const alternatives = [...keys].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = new RegExp(`(?:${alternatives.join('|')})`);
    keyPatterns.set(keys, re);
  }
  return re.test(text);
}

/** Adds the file's constants whose names end in one of `keys` to the table. Never throws. */
export function collectSymbols(file: string, languageId: string, text: string, keys: readonly string[], into: SymbolTable): void {
  if (keys.length === 0 || !mentionsAny(text, keys)) return;
  const wanted = new Set(keys);
  for (const s of fileSymbols(text, languageId, file)) {
    if (!wanted.has(s.name.slice(s.name.lastIndexOf('.') + 1))) continue;
    const list = into.get(s.name) ?? [];
    if (list.length >= MAX_VALUES_PER_NAME) continue;
    list.push(s.value);
    into.set(s.name, list);
  }
}

/** The `externals` lookup for one file: values defined in other files only. */
export function externalsFor(table: SymbolTable, file: string): (name: string) => ExternalValue[] | undefined {
  return (name) => {
    const values = table.get(name)?.filter((v) => v.file !== file);
    return values && values.length > 0 ? values : undefined;
  };
}

/** Detects one file with the table's values for the names it does not define. */
export function detectFileWith(file: string, languageId: string, text: string, table: SymbolTable | undefined, wrappers?: ReadonlySet<string>): FileFacts {
  const options: DetectOptions = {};
  if (table && table.size > 0) options.externals = externalsFor(table, file);
  if (wrappers && wrappers.size > 0) options.wrappers = wrappers;
  const detection = detectRooms(text, languageId, file, options.externals || options.wrappers ? options : undefined);
  const calls = detection.rooms.map((r) => callNameAt(text, r.range.start.line, r.range.start.character) ?? '');
  return { file, languageId, detection, calls };
}
