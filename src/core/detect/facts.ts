// Turning evaluated leaves into facts with provenance: one value (explicit), several (candidates),
// the SDK default (with the reason), or unknown (with why). A guess is never presented as certain.

import type { Text } from '../common';
import type { Fact, Provenance, SourceRange } from './types';
import type { SourceIndex } from './sourceIndex';
import { WHY_VARIABLE, type Leaf } from './values';

/** One value found in code (or its absence explained). */
export interface Found<T> {
  /** Undefined: the code does not reveal it (see `why`). */
  value?: T;
  /** The value is the SDK default, not written (see `why`). */
  isDefault?: boolean;
  why?: Text;
  range: SourceRange;
  /** The value is written in another file (`range` is then the reference in this one). */
  external?: { file: string; range: SourceRange };
}

export class FactContext {
  /** Every range that contributed to the current room. */
  readonly ranges: SourceRange[] = [];
  constructor(readonly doc: SourceIndex) {}

  range(from: number, to: number): SourceRange {
    return this.doc.range(from, to);
  }

  /** Interprets leaves into found values; leaves that do not map to a value become unknowns. */
  found<T>(leaves: Leaf[], interpret: (leaf: Leaf) => T | undefined): Found<T>[] {
    const out: Found<T>[] = [];
    for (const leaf of leaves) {
      const range = this.range(leaf.from, leaf.to);
      const value = interpret(leaf);
      if (value !== undefined) {
        out.push(
          leaf.kind !== 'obj' && leaf.kind !== 'null' && leaf.kind !== 'unknown' && leaf.ext
            ? { value, range, external: { file: leaf.ext.file, range: leaf.ext.range } }
            : { value, range },
        );
        continue;
      }
      out.push({ why: this.whyNot(leaf), range });
    }
    return out;
  }

  whyNot(leaf: Leaf): Text {
    if (leaf.kind === 'unknown') return leaf.why;
    if (leaf.kind === 'enum' && leaf.bare) return WHY_VARIABLE(leaf.name);
    if (leaf.kind !== 'obj' && leaf.kind !== 'null' && leaf.ext) {
      const { file, written: value } = leaf.ext;
      const name = this.doc.text.slice(this.doc.t.start[leaf.from], Math.min(this.doc.t.end[leaf.to], this.doc.t.start[leaf.from] + 60));
      return {
        en: `\`${name}\` is \`${value}\` (set in ${file}), not a value detection recognizes here`,
        zh: `\`${name}\` 的值是 \`${value}\`（在 ${file} 中设置），无法识别此取值`,
      };
    }
    const written = this.doc.text.slice(this.doc.t.start[leaf.from], Math.min(this.doc.t.end[leaf.to], this.doc.t.start[leaf.from] + 60));
    return { en: `\`${written}\` is not a value detection recognizes here`, zh: `无法识别此处的取值 \`${written}\`` };
  }

  /** Builds a fact from found values; `fallback` applies when nothing was found. */
  fact<T>(found: Found<T>[], fallback: () => Fact<T>): Fact<T> {
    if (found.length === 0) return fallback();
    for (const f of found) this.ranges.push(f.range);
    const known: Found<T>[] = [];
    const seen: string[] = []; // a few values per fact: cheaper than a Set
    let unknown: Found<T> | undefined;
    for (const f of found) {
      if (f.value === undefined) {
        unknown ??= f;
        continue;
      }
      // Most facts have one value: keys are only made once a second value has to be compared.
      if (known.length === 0) {
        known.push(f);
        continue;
      }
      if (seen.length === 0) seen.push(valueKey(known[0].value));
      const key = valueKey(f.value);
      if (seen.includes(key)) continue;
      seen.push(key);
      known.push(f);
    }
    if (unknown) {
      const fact: Fact<T> = { provenance: { kind: 'unknown', reason: unknown.why ?? WHY_VARIABLE('?'), range: unknown.range } };
      if (known.length > 0) fact.candidates = known.map((k) => k.value as T);
      return fact;
    }
    if (known.length === 1) {
      const only = known[0];
      if (only.isDefault) return { value: only.value, provenance: { kind: 'default', reason: only.why ?? DEFAULT_TEXT, range: only.range } };
      return { value: only.value, provenance: explicitAt(only) };
    }
    const explicit = known.find((k) => !k.isDefault) ?? known[0];
    return { candidates: known.map((k) => k.value as T), provenance: explicitAt(explicit) };
  }
}

/** Explicit provenance of a found value: where it is written, in this file or (with `file`) another. */
function explicitAt(f: Found<unknown>): Provenance {
  return f.external ? { kind: 'explicit', range: f.external.range, file: f.external.file } : { kind: 'explicit', range: f.range };
}

/** Identity of a fact value for de-duplication (values are small plain data). */
function valueKey(v: unknown): string {
  if (v === null || typeof v !== 'object') return String(v);
  const o = v as { width?: unknown; height?: unknown; kind?: unknown; media?: unknown };
  if (typeof o.width === 'number' && typeof o.height === 'number' && Object.keys(o).length === 2) return `${o.width}x${o.height}`;
  if (typeof o.kind === 'string' && typeof o.media === 'string') return `${o.kind}/${o.media}`; // a scene
  return JSON.stringify(v);
}

const DEFAULT_TEXT: Text = { en: 'the SDK default', zh: 'SDK 默认值' };

export function defaultFact<T>(value: T, reason: Text, range?: SourceRange): Fact<T> {
  return range ? { value, provenance: { kind: 'default', reason, range } } : { value, provenance: { kind: 'default', reason } };
}

export function unknownFact<T>(reason: Text, range?: SourceRange, candidates?: T[]): Fact<T> {
  const fact: Fact<T> = { provenance: range ? { kind: 'unknown', reason, range } : { kind: 'unknown', reason } };
  if (candidates && candidates.length > 0) fact.candidates = candidates;
  return fact;
}
