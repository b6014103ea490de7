// Cross-file name lookups for one detection run (DetectOptions.externals): the answers cached, the
// calls bounded, the names nothing answered collected. Below the SourceIndex and the evaluator, which
// both hold one.
import type { ExternalValue } from './types';

/** At most this many values per name: as many as the evaluator keeps leaves of an expression (MAX_LEAVES in values.ts). */
export const MAX_EXTERNAL_VALUES = 16;
const MAX_UNRESOLVED = 64;
const MAX_LOOKUPS = 256;

/** Looks names up in other files for one detection run: caches answers, bounds the calls, collects unresolved names. */
export class NameLookup {
  /** Names asked for (as written) that nothing answered, in first-seen order. */
  readonly unresolved: string[] = [];
  /** Made on the first question: most documents ask none. */
  private answers: Map<string, ExternalValue[] | null> | undefined;

  constructor(private readonly externals: ((name: string) => ExternalValue[] | undefined) | undefined) {}

  /** Whether names are asked at all (false: they are only recorded as unresolved). */
  get asks(): boolean {
    return this.externals !== undefined;
  }

  /** Values of the first of `asked` that the externals know (validated, capped), or undefined. */
  resolve(written: string, asked: string[]): ExternalValue[] | undefined {
    if (this.externals) {
      for (const name of asked) {
        const values = this.ask(name);
        if (values) return values;
      }
    }
    // At most MAX_UNRESOLVED names: a scan of the list costs less than a Set per document.
    if (this.unresolved.length < MAX_UNRESOLVED && !this.unresolved.includes(written)) this.unresolved.push(written);
    return undefined;
  }

  private ask(name: string): ExternalValue[] | undefined {
    const answers = (this.answers ??= new Map());
    const cached = answers.get(name);
    if (cached !== undefined) return cached ?? undefined;
    if (answers.size >= MAX_LOOKUPS) return undefined;
    let values: ExternalValue[] | null = null;
    try {
      const raw = this.externals!(name);
      if (Array.isArray(raw)) {
        const valid = raw.slice(0, MAX_EXTERNAL_VALUES).filter(isExternalValue);
        if (valid.length > 0) values = valid;
      }
    } catch {
      // A failing lookup is the caller's bug, not a reason to fail detection: the name stays unknown.
    }
    answers.set(name, values);
    return values ?? undefined;
  }
}

function isPosition(p: unknown): boolean {
  const o = p as { line?: unknown; character?: unknown } | null;
  return typeof o === 'object' && o !== null && Number.isInteger(o.line) && Number.isInteger(o.character);
}

function isExternalValue(v: unknown): v is ExternalValue {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Partial<Record<'kind' | 'value' | 'name' | 'file', unknown>> & { range?: { start?: unknown; end?: unknown } };
  if (typeof o.file !== 'string' || typeof o.range !== 'object' || o.range === null || !isPosition(o.range.start) || !isPosition(o.range.end)) return false;
  switch (o.kind) {
    case 'str':
      return typeof o.value === 'string';
    case 'num':
      return typeof o.value === 'number' && Number.isFinite(o.value);
    case 'bool':
      return typeof o.value === 'boolean';
    case 'enum':
      return typeof o.name === 'string' && o.name.length > 0;
    default:
      return false;
  }
}
