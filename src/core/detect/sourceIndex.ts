// One pass over the tokens builds the indexes detection queries: variable definitions, key/value
// bindings (object literal properties, named arguments, member assignments, Java setters) with the
// variable that owns them, and the call sites of SDK functions. Everything is bounded: lookbacks
// and scans have fixed limits, so the pass stays linear on any input.

import type { Position, SourceRange } from './types';
import { hashName, type LanguageFamily, type Tokens } from './lexer';
import type { NameLookup } from './lookup';
import { CALL_NAMES, IDENTIFIER_MARKERS, MODULE_MARKERS, REST_ACTION_NAMES, type CallName, type CompiledToken, type IdentifierMarkerEntry } from './sdks';

// Token kinds and flags (the lexer's values), local so hot loops do not go through module bindings.
const TOK_IDENT = 1;
const TOK_STRING = 3;
const TOK_PUNCT = 4;
const FLAG_NEWLINE_BEFORE = 1;
const FLAG_TRIPLE_QUOTE = 2;

export const P_LPAREN = 40;
export const P_RPAREN = 41;
export const P_LBRACK = 91;
export const P_RBRACK = 93;
export const P_LBRACE = 123;
export const P_RBRACE = 125;
export const P_COMMA = 44;
export const P_SEMI = 59;
export const P_COLON = 58;
export const P_EQ = 61;
export const P_DOT = 46;
export const P_QUESTION = 63;

const MAX_CALLS_PER_NAME = 128;
const MAX_IMPORTS = 1024;
const MAX_IMPORT_TOKENS = 256;
const HASH_IMPORT = hashName('import');
const HASH_FROM = hashName('from');
const HASH_USING = hashName('using');

export function ownerKeyHash(ownerHash: number, keyHash: number): number {
  return (Math.imul(ownerHash, 0x9e3779b1) ^ keyHash) | 0;
}

export interface Def {
  nameTok: number;
  valueTok: number;
}

export interface Binding {
  /** Token of the key (identifier or string). */
  keyTok: number;
  /** First token of the value expression. */
  valueTok: number;
  /** Token naming the variable this binding belongs to, or -1. */
  ownerTok: number;
  ownerHash: number;
}

/** Calls worth indexing: every name an SDK of the registry declares. Anything else is skipped cheaply by hash. */
export { CALL_NAMES, REST_ACTION_NAMES, type CallName };

export const CALL_HASHES: ReadonlyMap<number, CallName> = new Map(CALL_NAMES.map((n) => [hashName(n), n]));

/**
 * A one-byte-per-slot filter in front of CALL_HASHES and MARKER_IDENTIFIERS: most identifiers are
 * rejected by one load, without a Map lookup. Bit FILTER_CALL: maybe a call name; FILTER_MARKER: maybe a marker.
 */
const FILTER_MASK = 4095;
const FILTER_CALL = 1;
const FILTER_MARKER = 2;
const FILTER_IMPORT = 4;
const NAME_FILTER = new Uint8Array(FILTER_MASK + 1);
for (const h of CALL_HASHES.keys()) NAME_FILTER[h & FILTER_MASK] |= FILTER_CALL;
for (const h of [HASH_IMPORT, HASH_FROM, HASH_USING]) NAME_FILTER[h & FILTER_MASK] |= FILTER_IMPORT;

/**
 * What a file imports or names, read from its tokens (so comments do not count): which SDK
 * flavour it uses. SourceIndex.markers holds the registry's marker bits (sdks/index.ts markerBit).
 * Identifiers by hash, each with the tokens that must surround it.
 */
const MARKER_IDENTIFIERS: ReadonlyMap<number, readonly IdentifierMarkerEntry[]> = (() => {
  const map = new Map<number, IdentifierMarkerEntry[]>();
  for (const m of IDENTIFIER_MARKERS) {
    const h = hashName(m.name);
    const list = map.get(h);
    if (list) list.push(m);
    else map.set(h, [m]);
  }
  return map;
})();
for (const h of MARKER_IDENTIFIERS.keys()) NAME_FILTER[h & FILTER_MASK] |= FILTER_MARKER;
// React Native `<TXVideoView.LocalView />`: the component starts the local camera (no startLocalPreview call).
const HASH_LOCAL_VIEW = hashName('LocalView');
NAME_FILTER[HASH_LOCAL_VIEW & FILTER_MASK] |= FILTER_MARKER;

/** Import paths and module names that say which SDK a file uses. */
const MARKER_STRINGS: ReadonlyArray<readonly [string, number]> = MODULE_MARKERS;
/**
 * The first two characters of each module marker, by slot: a string is searched for the markers
 * starting where one of these pairs stands, in one pass without a substring (most strings hold none).
 */
const PAIR_MASK = 4095;
const markerPair = (a: number, b: number): number => ((a << 5) ^ b) & PAIR_MASK;
const MARKER_PAIRS = new Uint8Array(PAIR_MASK + 1);
/** The module markers (of two characters or more) whose first two characters fall in each pair slot. */
const MARKERS_BY_PAIR: (ReadonlyArray<readonly [string, number]> | undefined)[] = new Array(PAIR_MASK + 1).fill(undefined);
for (const marker of MARKER_STRINGS) {
  const needle = marker[0];
  if (needle.length < 2) continue;
  const slot = markerPair(needle.charCodeAt(0), needle.charCodeAt(1));
  MARKER_PAIRS[slot] = 1;
  MARKERS_BY_PAIR[slot] = [...(MARKERS_BY_PAIR[slot] ?? []), marker];
}
const SHORT_MARKERS = MARKER_STRINGS.some(([needle]) => needle.length < 2);

const REST_ACTION_SET: ReadonlySet<string> = new Set(REST_ACTION_NAMES);

/** What callsOf answers for a name never called (shared: callers only read it). */
const NO_CALLS: readonly CallSite[] = Object.freeze([]);

/** Owner not computed yet (see SourceIndex.ownerAt). */
const LAZY = -2;

/** The container stack of SourceIndex.index: opener token, owner token, holds values (1) or statements (0). */
let stackOpen = new Int32Array(256);
let stackOwner = new Int32Array(256);
let stackValue = new Uint8Array(256);

function growStack(): void {
  const open = new Int32Array(stackOpen.length * 2);
  open.set(stackOpen);
  stackOpen = open;
  const owner = new Int32Array(stackOwner.length * 2);
  owner.set(stackOwner);
  stackOwner = owner;
  const value = new Uint8Array(stackValue.length * 2);
  value.set(stackValue);
  stackValue = value;
}

export interface CallSite {
  name: CallName;
  /** The callee identifier token. */
  nameTok: number;
  /** Opening token of the argument list (`(`), or for an ObjC message the `[`. */
  openTok: number;
  /** Closing token of the call (matching `)` or `]`). */
  closeTok: number;
  /** ObjC message: arguments follow `label:`; otherwise comma-separated inside the parentheses. */
  objc: boolean;
  /** Receiver identifier (`trtc` in `trtc.enterRoom(...)`, `TUICallKit` in `TUICallKit.call`), or -1. */
  receiverTok: number;
  /** The arguments, once split (the extractor's cache: the call site belongs to one document). */
  args?: Argument[];
  /** The call's range, once computed (the extractor's cache). */
  range?: SourceRange;
}

export interface Argument {
  /** Named argument label (Swift/Dart/Kotlin/Python/ObjC selector part), if any. */
  label?: string;
  /** First token of the value. */
  tok: number;
  /** Last token of the value (inclusive). */
  last: number;
}

/**
 * A multimap from 32-bit hashes to item ids, recorded in order in two plain arrays while indexing (no
 * object, array or Map entry per item); the hash buckets are built on the first query and each
 * hash's list once, in insertion order. Queries touch a small part of what a file defines.
 */
/** Up to this many items, a query scans them all instead of building hash buckets. */
const LINEAR_LOOKUP_LIMIT = 24;

class LazyMultimap<T> {
  // Plain arrays rather than typed ones: most documents record a few dozen items, and allocating
  // typed arrays per document costs more than filling them.
  private readonly hashes: number[] = [];
  private readonly ids: number[] = [];
  private heads: number[] | undefined;
  private next: number[] | undefined;
  private mask = 0;
  /** Lists already asked for (null: none), made on the first query. */
  private lists: Map<number, T[] | null> | undefined;

  constructor(private readonly item: (id: number) => T) {}

  add(hash: number, id: number): void {
    this.hashes.push(hash);
    this.ids.push(id);
  }

  /** The items recorded under `hash`, in the order they were added; undefined when none. */
  get(hash: number): T[] | undefined {
    if (this.hashes.length === 0) return undefined;
    const lists = (this.lists ??= new Map());
    const known = lists.get(hash);
    if (known !== undefined) return known ?? undefined;
    const hashes = this.hashes;
    let list: T[] | null = null;
    if (hashes.length <= LINEAR_LOOKUP_LIMIT) {
      // A few items: one pass over them costs less than allocating and filling the buckets.
      for (let e = 0; e < hashes.length; e++) {
        if (hashes[e] !== hash) continue;
        if (list) list.push(this.item(this.ids[e]));
        else list = [this.item(this.ids[e])];
      }
      lists.set(hash, list);
      return list ?? undefined;
    }
    if (!this.heads) this.buildBuckets();
    const heads = this.heads!;
    const next = this.next!;
    for (let e = heads[hash & this.mask]; e >= 0; e = next[e]) {
      if (hashes[e] !== hash) continue;
      if (list) list.push(this.item(this.ids[e]));
      else list = [this.item(this.ids[e])];
    }
    lists.set(hash, list);
    return list ?? undefined;
  }

  has(hash: number): boolean {
    return this.get(hash) !== undefined;
  }

  private buildBuckets(): void {
    const count = this.hashes.length;
    let size = 16;
    while (size < count * 2) size *= 2;
    const heads: number[] = new Array<number>(size).fill(-1);
    const next: number[] = new Array<number>(count).fill(-1);
    const mask = size - 1;
    const hashes = this.hashes;
    // Backwards, so each chain runs in insertion order.
    for (let e = count - 1; e >= 0; e--) {
      const b = hashes[e] & mask;
      next[e] = heads[b];
      heads[b] = e;
    }
    this.heads = heads;
    this.next = next;
    this.mask = mask;
  }
}

export class SourceIndex {
  readonly text: string;
  readonly t: Tokens;
  readonly n: number;
  /** Variable definitions: name hash → defining identifier and first value token. */
  readonly defs = new LazyMultimap<Def>((id) => this.defAt(id));
  readonly bindingsByKey = new LazyMultimap<Binding>((id) => this.bindingAt(id));
  readonly bindingsByOwner = new LazyMultimap<Binding>((id) => this.bindingAt(id));
  /** Bindings by (owner, key) hash pair, so owner lookups do not scan every binding of a variable. */
  readonly bindingsByOwnerKey = new LazyMultimap<Binding>((id) => this.bindingAt(id));
  // Bindings and definitions as recorded by the index pass: token triples / pairs by id. Their
  // objects are made when a query first returns them (one object per id, shared by the maps).
  private readonly bindingToks: number[] = [];
  private bindingObjects: Binding[] | undefined;
  private readonly defToks: number[] = [];
  private defObjects: Def[] | undefined;
  /** Call sites by name (made on the first call found: most documents a scan reads have none). */
  calls: Map<CallName, CallSite[]> | undefined;
  /** MARK_* bits: the SDK flavour the file's imports and names show. */
  markers = 0;
  /** The `LocalView` token of the first React Native `<TXVideoView.LocalView` element, or -1. */
  localViewTok = -1;
  /** String tokens that are exactly a REST action name (first few). */
  readonly actionStrings: number[] = [];
  private lineStarts: number[] | undefined;
  /** Offset up to which line starts are known (see linesThrough). */
  private linesScanned = 0;
  /** Cross-file name lookups for this run (set by detectRooms; absent: names stay as written). */
  lookup?: NameLookup;
  /**
   * units.ts's cache of the unit whose body opens at each brace (typed there; kept on the index rather
   * than in a WeakMap keyed by it, which costs more per document than the lookups it saves).
   */
  unitCache: Map<number, unknown> | undefined = undefined;
  /** units.ts's cache of the innermost `{` around each token asked about (see enclosingBrace there). */
  braceCache: Map<number, number> | undefined = undefined;
  /** Tokens hashed like `import`, `from` or `using`, in order (where collectImports looks). */
  private readonly importWords: number[] = [];
  /** Imported names: name hash → [name, dotted path as imported], built on first need. */
  private imports: Map<number, Array<[string, string]>> | undefined;

  // The token arrays held directly (one load less in the predicates the index pass calls per token).
  private readonly kinds: Uint8Array;
  private readonly hashes: Int32Array;
  private readonly tokFlags: Uint8Array;

  constructor(
    t: Tokens,
    readonly family: LanguageFamily,
  ) {
    this.t = t;
    this.text = t.text;
    this.n = t.count;
    this.kinds = t.kind;
    this.hashes = t.hash;
    this.tokFlags = t.flags;
    this.index();
  }

  name(i: number): string {
    return this.text.slice(this.t.start[i], this.t.end[i]);
  }

  isPunct(i: number, code: number): boolean {
    return i >= 0 && i < this.n && this.kinds[i] === TOK_PUNCT && this.hashes[i] === code;
  }

  isString(i: number): boolean {
    return i >= 0 && i < this.n && this.kinds[i] === TOK_STRING;
  }

  isIdent(i: number): boolean {
    return i >= 0 && i < this.n && this.kinds[i] === TOK_IDENT;
  }

  isIdentNamed(i: number, name: string): boolean {
    return this.isIdent(i) && this.t.end[i] - this.t.start[i] === name.length && this.text.startsWith(name, this.t.start[i]);
  }

  newlineBefore(i: number): boolean {
    return i < this.n && (this.tokFlags[i] & FLAG_NEWLINE_BEFORE) !== 0;
  }

  /** String token content without quotes (escapes are not decoded; SDK strings have none). */
  stringValue(i: number): string {
    const s = this.t.start[i];
    const e = this.t.end[i];
    const q = (this.t.flags[i] & FLAG_TRIPLE_QUOTE) !== 0 ? 3 : 1;
    const last = this.text.charCodeAt(e - 1);
    const first = this.text.charCodeAt(s);
    const closed = e - s >= 2 * q && last === first;
    return this.text.slice(s + q, closed ? e - q : e);
  }

  /** hashName(stringValue(i)), without building the string (string keys are common in JSON and dicts). */
  private stringHash(i: number): number {
    const text = this.text;
    const s = this.t.start[i];
    const e = this.t.end[i];
    const q = (this.t.flags[i] & FLAG_TRIPLE_QUOTE) !== 0 ? 3 : 1;
    const closed = e - s >= 2 * q && text.charCodeAt(e - 1) === text.charCodeAt(s);
    const to = closed ? e - q : e;
    let h = 0;
    for (let k = s + q; k < to; k++) h = (Math.imul(h, 31) + text.charCodeAt(k)) | 0;
    return h;
  }

  /** Key text of a binding key token: identifier name or string content. */
  keyText(i: number): string {
    return this.t.kind[i] === TOK_STRING ? this.stringValue(i) : this.name(i);
  }

  position(offset: number): Position {
    const starts = this.linesThrough(offset);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - starts[lo] };
  }

  /** Range covering tokens [from, to] inclusive. */
  range(from: number, to: number): SourceRange {
    const a = Math.max(0, Math.min(from, this.n - 1));
    const b = Math.max(a, Math.min(to, this.n - 1));
    return { start: this.position(this.t.start[a]), end: this.position(this.t.end[b]) };
  }

  /**
   * Line start offsets, found at least up to the line after `offset`. Lines are found on demand:
   * rooms sit in a small part of most files, and positions are only asked for there.
   */
  private linesThrough(offset: number): number[] {
    let starts = this.lineStarts;
    if (!starts) starts = this.lineStarts = [0];
    if (this.linesScanned >= this.text.length || starts[starts.length - 1] > offset) return starts;
    const text = this.text;
    let i = text.indexOf('\n', this.linesScanned);
    while (i >= 0) {
      starts.push(i + 1);
      if (i + 1 > offset) {
        this.linesScanned = i + 1;
        return starts;
      }
      i = text.indexOf('\n', i + 1);
    }
    this.linesScanned = text.length;
    return starts;
  }

  /** Arguments of a call, split at top-level commas (or ObjC `label:` parts). */
  args(call: CallSite): Argument[] {
    const out: Argument[] = [];
    if (call.objc) {
      // [receiver sel:arg label2:arg2 ...]: the first argument follows the selector's colon.
      let i = call.nameTok + 2;
      let label: string | undefined;
      let start = i;
      const end = call.closeTok;
      while (i < end && out.length < 16) {
        if (this.isIdent(i) && this.isPunct(i + 1, P_COLON) && i > start) {
          out.push({ label, tok: start, last: i - 1 });
          label = this.name(i);
          i += 2;
          start = i;
          continue;
        }
        const m = this.t.match[i];
        i = m > i ? m + 1 : i + 1;
      }
      if (start < end) out.push({ label, tok: start, last: end - 1 });
      return out;
    }
    const open = call.openTok;
    const close = Math.min(this.t.match[open] < 0 ? this.n : this.t.match[open], this.n);
    let i = open + 1;
    let start = i;
    while (i < close && out.length < 24) {
      if (this.isPunct(i, P_COMMA)) {
        if (i > start) out.push(this.labelled(start, i - 1));
        start = i + 1;
        i++;
        continue;
      }
      const m = this.t.match[i];
      i = m > i ? m + 1 : i + 1;
    }
    if (close > start) out.push(this.labelled(start, close - 1));
    return out;
  }

  private labelled(tok: number, last: number): Argument {
    // Swift/Dart/Kotlin/C# named argument `label: value` (not `::`), Python/Kotlin `label = value`.
    if (this.isIdent(tok) && tok + 1 <= last) {
      if (this.isPunct(tok + 1, P_COLON) && !this.isPunct(tok + 2, P_COLON)) return { label: this.name(tok), tok: tok + 2, last };
      if (this.isPunct(tok + 1, P_EQ) && !this.isPunct(tok + 2, P_EQ) && this.family !== 'js' && this.family !== 'c' && this.family !== 'csharp') {
        return { label: this.name(tok), tok: tok + 2, last };
      }
    }
    return { tok, last };
  }

  private addBinding(keyTok: number, valueTok: number, ownerTok: number): void {
    const kh = this.t.kind[keyTok] === TOK_STRING ? this.stringHash(keyTok) : this.t.hash[keyTok];
    const id = this.recordBinding(keyTok, valueTok, ownerTok);
    this.bindingsByKey.add(kh, id);
    if (ownerTok >= 0) this.addOwned(id, this.t.hash[ownerTok], kh);
  }

  private recordBinding(keyTok: number, valueTok: number, ownerTok: number): number {
    const toks = this.bindingToks;
    const id = toks.length / 3;
    toks.push(keyTok, valueTok, ownerTok);
    return id;
  }

  private bindingAt(id: number): Binding {
    // Sized once, so storing object `id` never turns the array into a sparse dictionary.
    const objects = (this.bindingObjects ??= new Array<Binding>(this.bindingToks.length / 3));
    let b = objects[id];
    if (b === undefined) {
      const toks = this.bindingToks;
      const ownerTok = toks[id * 3 + 2];
      b = { keyTok: toks[id * 3], valueTok: toks[id * 3 + 1], ownerTok, ownerHash: ownerTok >= 0 ? this.t.hash[ownerTok] : 0 };
      objects[id] = b;
    }
    return b;
  }

  private addOwned(id: number, ownerHash: number, keyHash: number): void {
    this.bindingsByOwner.add(ownerHash, id);
    this.bindingsByOwnerKey.add(ownerKeyHash(ownerHash, keyHash), id);
  }

  private addDef(nameTok: number, valueTok: number): void {
    // `name: Type = value` (TS, Kotlin, Swift, Python hints): the name is before the colon.
    if (this.isPunct(nameTok - 1, P_COLON) && !this.isPunct(nameTok - 2, P_COLON) && this.isIdent(nameTok - 2)) nameTok -= 2;
    this.recordDef(nameTok, valueTok);
  }

  private recordDef(nameTok: number, valueTok: number): void {
    const toks = this.defToks;
    const id = toks.length >> 1;
    toks.push(nameTok, valueTok);
    this.defs.add(this.t.hash[nameTok], id);
  }

  private defAt(id: number): Def {
    const objects = (this.defObjects ??= new Array<Def>(this.defToks.length >> 1));
    let d = objects[id];
    if (d === undefined) {
      d = { nameTok: this.defToks[id * 2], valueTok: this.defToks[id * 2 + 1] };
      objects[id] = d;
    }
    return d;
  }

  /**
   * The variable a value at `openTok` is assigned to, looking back over a constructor chain:
   * `const p = new TRTCCloudDef.TRTCParams(`, `val e = TRTCVideoEncParam().apply {`, `x := &trtc.X{`.
   * Returns the name token, or -1.
   */
  assignedName(openTok: number): number {
    const t = this.t;
    let j = openTok - 1;
    for (let steps = 0; j >= 0 && steps < 24; steps++) {
      const k = t.kind[j];
      if (k === TOK_IDENT) {
        if ((t.flags[j] & FLAG_NEWLINE_BEFORE) !== 0 && !this.continuesLine(j - 1)) return -1;
        j--;
        continue;
      }
      if (k !== TOK_PUNCT) return -1;
      const p = t.hash[j];
      if (p === P_DOT || p === 38 /* & */ || p === 42 /* * */ || p === 64 /* @ */ || p === 33 /* ! */) {
        j--;
        continue;
      }
      if (p === P_COLON && this.isPunct(j - 1, P_COLON)) {
        j -= 2;
        continue;
      }
      if (p === P_RPAREN || p === P_RBRACK) {
        // Jump back over (...) / [...] using the opener recorded for this closer.
        const m = t.match[j];
        if (m < 0 || m >= j) return -1;
        j = m - 1;
        continue;
      }
      if (p === 62 /* > generic */ && steps < 6) {
        // `new Foo<Bar>(`: step over a short generic argument list.
        let g = j - 1;
        while (g >= 0 && g > j - 8 && !this.isPunct(g, 60)) g--;
        if (this.isPunct(g, 60)) {
          j = g - 1;
          continue;
        }
        return -1;
      }
      if (p === P_EQ) {
        // `=` but not `==`, `!=`, `<=`, `>=`, `=>`.
        if (this.isPunct(j - 1, P_EQ) || this.isPunct(j - 1, 33) || this.isPunct(j - 1, 60) || this.isPunct(j - 1, 62)) return -1;
        let nameTok = this.isPunct(j - 1, P_COLON) ? j - 2 : j - 1; // Go :=
        if (!this.isIdent(nameTok)) return -1;
        // `name: Type =` (TS, Kotlin, Swift, Python hints).
        if (this.isPunct(nameTok - 1, P_COLON) && !this.isPunct(nameTok - 2, P_COLON) && this.isIdent(nameTok - 2)) nameTok -= 2;
        return nameTok;
      }
      if (p === P_COLON) {
        // An object key `key: new X(...)`: the owner is the key.
        return this.isIdent(j - 1) ? j - 1 : -1;
      }
      return -1;
    }
    return -1;
  }

  private continuesLine(prev: number): boolean {
    if (prev < 0 || this.t.kind[prev] !== TOK_PUNCT) return false;
    const p = this.t.hash[prev];
    return p === P_EQ || p === P_DOT || p === P_LPAREN || p === P_COMMA || p === P_COLON;
  }

  // Container stack used while indexing: opener token, owner token (-1 none, LAZY not computed
  // yet), and whether it holds values (object literal, argument list, Kotlin apply block, C#
  // initializer) rather than statements.
  // The stack lives in typed arrays shared by all documents (indexing is synchronous), so
  // indexing allocates nothing per bracket. Its height is a local of index().

  /**
   * Owner of the container at stack index `k`, computed on first need (most containers never need it):
   * the owner of the enclosing value container, else the name the container is assigned to.
   * Iterative (deep nesting such as 10,000 `[` must not exhaust the call stack): walk down to the
   * first container whose owner is known or does not inherit, then fill the owners upwards.
   */
  private ownerAt(k: number): number {
    if (k < 0) return -1;
    if (stackOwner[k] !== LAZY) return stackOwner[k];
    let j = k;
    while (j > 0 && stackOwner[j] === LAZY && stackValue[j - 1] === 1) j--;
    for (let m = j; m <= k; m++) {
      if (stackOwner[m] !== LAZY) continue;
      // Below `j` the parent either is not a value container or its owner is already known.
      let o = m > 0 && stackValue[m - 1] === 1 ? stackOwner[m - 1] : -1;
      if (o < 0) o = this.assignedName(stackOpen[m]);
      stackOwner[m] = o;
    }
    return stackOwner[k];
  }

  /** Pushes a container at stack height `sp`; returns the new height. */
  private pushContainer(sp: number, open: number, owner: number, isValue: boolean): number {
    if (sp === stackOpen.length) growStack();
    stackOpen[sp] = open;
    stackOwner[sp] = owner;
    stackValue[sp] = isValue ? 1 : 0;
    return sp + 1;
  }

  private index(): void {
    const t = this.t;
    const n = this.n;
    const kind = t.kind;
    const hash = t.hash;
    let sp = 0;
    for (let i = 0; i < n; i++) {
      const k = kind[i];
      if (k === TOK_PUNCT) {
        const p = hash[i];
        if (p === P_LPAREN || p === P_LBRACK) {
          sp = this.pushContainer(sp, i, LAZY, true);
          continue;
        }
        if (p === P_LBRACE) {
          const parentValue = sp > 0 && stackValue[sp - 1] === 1;
          let owner = LAZY;
          let isValue = false;
          const prev = i - 1;
          if (prev >= 0 && kind[prev] === TOK_PUNCT) {
            const q = hash[prev];
            isValue = q === P_LPAREN || q === P_COMMA || q === P_LBRACK || q === P_EQ || q === P_COLON || q === P_QUESTION || (q === P_LBRACE && parentValue);
            if (q === P_EQ && this.isPunct(prev - 1, 61)) isValue = false;
            if (q === 62 && this.isPunct(prev - 1, P_EQ)) isValue = false; // => {
            if (q === P_RPAREN) {
              // `foo() {` is a body, `X().apply {`/`new X() {` may hold values: look back.
              owner = this.assignedName(i);
              isValue = owner >= 0;
            }
          } else if (prev >= 0 && kind[prev] === TOK_IDENT) {
            if (this.isIdentNamed(prev, 'return')) isValue = true;
            else {
              // Go composite `trtc.X{`, Kotlin `apply {`, C# `new X {`: a value when assigned.
              owner = this.assignedName(i);
              isValue = owner >= 0;
            }
          }
          if (!isValue) owner = -1;
          sp = this.pushContainer(sp, i, owner, isValue);
          continue;
        }
        if (p === P_RBRACE || p === P_RPAREN || p === P_RBRACK) {
          // Pop to the matching opener (recorded by the lexer).
          const m = t.match[i];
          if (m >= 0) while (sp > 0 && stackOpen[sp - 1] >= m) sp--;
          continue;
        }
        if (
          p === P_EQ &&
          i > 1 &&
          (this.isPunct(i - 1, 62) || this.isPunct(i - 1, P_RBRACK) || this.isPunct(i - 1, P_QUESTION)) &&
          !this.isPunct(i + 1, P_EQ) &&
          !this.isPunct(i - 2, P_EQ)
        ) {
          // `const name: Record<K, V> = ...`, `let xs: string[] = ...`, `var x: Int? = ...`: the name is
          // before the colon that starts the type annotation.
          for (let j = i - 2; j >= 0 && j > i - 16; j--) {
            if (this.isPunct(j, P_SEMI) || this.isPunct(j, P_LBRACE) || this.isPunct(j, P_RBRACE)) break;
            if (
              this.isPunct(j, P_COLON) &&
              this.isIdent(j - 1) &&
              !this.isPunct(j - 2, P_DOT) &&
              !this.isPunct(j + 1, P_COLON) &&
              !this.isPunct(j - 1, P_COLON)
            ) {
              this.recordDef(j - 1, i + 1);
              break;
            }
          }
        }
        continue;
      }
      if (k === TOK_IDENT) {
        const h = hash[i];
        const filter = NAME_FILTER[h & FILTER_MASK];
        if ((filter & FILTER_MARKER) !== 0) this.markIdentifier(i, h);
        if ((filter & FILTER_IMPORT) !== 0 && (h === HASH_IMPORT || h === HASH_FROM || h === HASH_USING)) this.importWords.push(i);
        const next = i + 1;
        if (next >= n) break;
        const np = kind[next] === TOK_PUNCT ? hash[next] : -1;
        if (np === -1) continue;
        if ((filter & FILTER_CALL) !== 0) {
          const callName = CALL_HASHES.get(h);
          if (callName !== undefined && this.isIdentNamed(i, callName)) {
            if (np === P_LPAREN && this.isDeclaration(i)) {
              // `void enterRoom(String roomId)`, `fun enterRoom(`, `async enterRoom() {`: not a call.
            } else if (np === P_LPAREN) {
              this.addCall(callName, i, next, t.match[next] < 0 ? n - 1 : Math.min(t.match[next], n - 1), false);
            } else if (
              np === P_COLON &&
              sp > 0 &&
              this.isPunct(stackOpen[sp - 1], P_LBRACK) &&
              (this.isIdent(i - 1) || this.isPunct(i - 1, P_RBRACK) || this.isPunct(i - 1, P_RPAREN))
            ) {
              const open = stackOpen[sp - 1];
              this.addCall(callName, i, open, t.match[open] < 0 ? n - 1 : Math.min(t.match[open], n - 1), true);
            }
          }
        }
        if (np === P_EQ) {
          const after = next + 1 < n && kind[next + 1] === TOK_PUNCT ? hash[next + 1] : -1;
          if (after === P_EQ || after === 62) continue; // == and =>
          const prevIsDot = i > 0 && kind[i - 1] === TOK_PUNCT && hash[i - 1] === P_DOT;
          if (prevIsDot) {
            // Member assignment `recv.key = value`: owned by the identifier before the dot.
            const recv = i - 2;
            if (this.isPunct(i - 2, P_DOT)) {
              // Dart cascade `..key = value`: owned by the statement's variable.
              this.addBinding(i, next + 1, this.ownerAt(sp - 1));
            } else this.addBinding(i, next + 1, this.isIdent(recv) ? recv : -1);
            continue;
          }
          const top = sp - 1;
          if (top >= 0 && stackValue[top] === 1 && this.family !== 'js') {
            const prevTok = i - 1;
            if (prevTok === stackOpen[top] || this.isPunct(prevTok, P_COMMA) || this.newlineBefore(i) || this.isPunct(prevTok, P_SEMI)) {
              // Named argument / C# object initializer / Kotlin apply block.
              this.addBinding(i, next + 1, this.ownerAt(top));
              continue;
            }
          }
          this.addDef(i, next + 1);
          continue;
        }
        if (np === P_COLON) {
          const after = next + 1 < n && kind[next + 1] === TOK_PUNCT ? hash[next + 1] : -1;
          if (after === P_EQ) {
            this.addDef(i, next + 2); // Go :=
            continue;
          }
          if (after === P_COLON) continue; // C++ ::
          if (i > 0 && kind[i - 1] === TOK_PUNCT && hash[i - 1] === P_COLON) continue;
          const top = sp - 1;
          if (top >= 0 && stackValue[top] === 1) {
            const prevTok = i - 1;
            if (prevTok === stackOpen[top] || this.isPunct(prevTok, P_COMMA) || (this.newlineBefore(i) && this.isPunct(stackOpen[top], P_LBRACE))) {
              this.addBinding(i, next + 2 <= n ? next + 1 : next, this.ownerAt(top));
            }
          }
          continue;
        }
        if ((np === P_COMMA || np === P_RBRACE) && this.family === 'js') {
          // Shorthand property `{ scene, role }`.
          const top = sp - 1;
          if (top >= 0 && stackValue[top] === 1 && this.isPunct(stackOpen[top], P_LBRACE) && (i - 1 === stackOpen[top] || this.isPunct(i - 1, P_COMMA))) {
            this.addBinding(i, i, this.ownerAt(top));
          }
          continue;
        }
        if (
          np === P_LPAREN &&
          t.end[i] - t.start[i] > 3 &&
          this.text.charCodeAt(t.start[i]) === 115 /* s */ &&
          this.isPunct(i - 1, P_DOT) &&
          this.text.startsWith('set', t.start[i])
        ) {
          // Java setter `recv.setRecordMode(2L)`: binding RecordMode owned by recv.
          const c = this.text.charCodeAt(t.start[i] + 3);
          if (c >= 65 && c <= 90 && this.isIdent(i - 2)) this.addSetterBinding(i, next, i - 2);
        }
        continue;
      }
      if (k === TOK_STRING) {
        this.markString(i);
        // `"key": value` in JSON, Python dicts, Dart maps.
        if (i + 1 < n && kind[i + 1] === TOK_PUNCT && hash[i + 1] === P_COLON) {
          const top = sp - 1;
          if (top >= 0 && (stackValue[top] === 1 || this.family === 'json') && (i - 1 === stackOpen[top] || this.isPunct(i - 1, P_COMMA))) {
            this.addBinding(i, i + 2, this.ownerAt(top));
          }
        }
      }
    }
    // Do not keep a huge stack alive after a pathological file.
    if (stackOpen.length > 1 << 16) {
      stackOpen = new Int32Array(256);
      stackOwner = new Int32Array(256);
      stackValue = new Uint8Array(256);
    }
  }

  /** Setter keys are stored under the name without `set` (RecordMode), as a synthetic string (made on the first setter). */
  private setterKeys: Map<number, string> | undefined;

  private addSetterBinding(nameTok: number, openTok: number, recvTok: number): void {
    const key = this.text.slice(this.t.start[nameTok] + 3, this.t.end[nameTok]);
    const kh = hashName(key);
    (this.setterKeys ??= new Map()).set(nameTok, key);
    const id = this.recordBinding(nameTok, openTok + 1, recvTok);
    this.bindingsByKey.add(kh, id);
    this.addOwned(id, this.t.hash[recvTok], kh);
  }

  /** Whether binding `b` is stored under `key`, without building strings (the hot check of lookups). */
  bindingKeyIs(b: Binding, key: string): boolean {
    const setter = this.setterKeys?.get(b.keyTok);
    if (setter !== undefined) return setter === key;
    let s = this.t.start[b.keyTok];
    let e = this.t.end[b.keyTok];
    if (this.t.kind[b.keyTok] === TOK_STRING) {
      s++;
      e--;
    }
    return e - s === key.length && this.text.startsWith(key, s);
  }

  /** Whether two identifier tokens spell the same name. */
  sameName(a: number, b: number): boolean {
    const t = this.t;
    const len = t.end[a] - t.start[a];
    if (len !== t.end[b] - t.start[b] || t.hash[a] !== t.hash[b]) return false;
    const sa = t.start[a];
    const sb = t.start[b];
    for (let k = 0; k < len; k++) if (this.text.charCodeAt(sa + k) !== this.text.charCodeAt(sb + k)) return false;
    return true;
  }

  /** The key a binding is stored under (identifier, string content, or setter name without `set`). */
  bindingKey(b: Binding): string {
    return this.setterKeys?.get(b.keyTok) ?? this.keyText(b.keyTok);
  }

  private markIdentifier(i: number, h: number): void {
    const list = MARKER_IDENTIFIERS.get(h);
    if (list)
      for (const m of list) if (this.isIdentNamed(i, m.name) && this.tokensAre(i - 1, -1, m.before) && this.tokensAre(i + 1, 1, m.after)) this.markers |= m.bit;
    if (
      h === HASH_LOCAL_VIEW &&
      this.localViewTok < 0 &&
      this.isIdentNamed(i, 'LocalView') &&
      this.isPunct(i - 1, P_DOT) &&
      this.isIdentNamed(i - 2, 'TXVideoView') &&
      this.isPunct(i - 3, 60)
    )
      this.localViewTok = i;
  }

  /** Whether the tokens from `at` on (stepping by `step`) match a marker's context, one alternative list per token. */
  private tokensAre(at: number, step: 1 | -1, pattern: readonly (readonly CompiledToken[])[] | undefined): boolean {
    if (!pattern) return true;
    for (let k = 0; k < pattern.length; k++, at += step) {
      if (at < 0 || at >= this.n) return false;
      let ok = false;
      for (const p of pattern[k]) if (typeof p === 'number' ? this.isPunct(at, p) : this.isIdentNamed(at, p)) ok = true;
      if (!ok) return false;
    }
    return true;
  }

  private markString(i: number): void {
    const s = this.t.start[i];
    const e = this.t.end[i];
    if (e - s < 8 || e - s > 200) return;
    const c = this.text.charCodeAt(s + 1);
    if ((c === 67 /* C */ || c === 83) /* S */ && e - s <= 40 && this.actionStrings.length < 16 && REST_ACTION_SET.has(this.stringValue(i))) {
      this.actionStrings.push(i);
      return;
    }
    // Import paths start with a package name, a scope, a relative path or `package:`.
    if (!(c === 116 /* t */ || c === 64 /* @ */ || c === 46 /* . */ || c === 112 /* p */ || c === 47 /* / */)) return;
    const text = this.text;
    const to = e - 1; // the content ends before the closing quote
    if (SHORT_MARKERS) {
      const value = text.slice(s + 1, to);
      for (const [needle, mark] of MARKER_STRINGS) if (value.includes(needle)) this.markers |= mark;
      return;
    }
    // Each marker the content holds starts where its first two characters stand: check only there,
    // in the text itself (no substring; most strings hold no marker).
    for (let k = s + 1; k + 1 < to; k++) {
      const slot = markerPair(text.charCodeAt(k), text.charCodeAt(k + 1));
      if (MARKER_PAIRS[slot] === 0) continue;
      for (const [needle, mark] of MARKERS_BY_PAIR[slot]!) if (k + needle.length <= to && text.startsWith(needle, k)) this.markers |= mark;
    }
  }

  /** Whether `name(` at `i` declares a function rather than calling one. */
  isDeclaration(i: number): boolean {
    const prev = i - 1;
    if (prev >= 0 && this.t.kind[prev] === TOK_IDENT) {
      const w = this.name(prev);
      return !(
        w === 'await' ||
        w === 'return' ||
        w === 'yield' ||
        w === 'new' ||
        w === 'else' ||
        w === 'in' ||
        w === 'of' ||
        w === 'then' ||
        w === 'try' ||
        w === 'go' ||
        w === 'defer'
      );
    }
    // A method in a class or interface body (JS/TS): `enterRoom(params) {`, `enterRoom(o: Options): Promise<void>;`
    // at the start of a statement, followed by a body or a return type.
    if (this.family !== 'js') return false;
    const atStatementStart = prev < 0 || this.isPunct(prev, P_SEMI) || this.isPunct(prev, P_RBRACE) || this.isPunct(prev, P_LBRACE) || this.newlineBefore(i);
    if (!atStatementStart) return false;
    const open = i + 1;
    const close = this.t.match[open];
    if (close <= open || close + 1 >= this.n) return false;
    return (this.isPunct(close + 1, P_LBRACE) && !this.newlineBefore(close + 1)) || this.isPunct(close + 1, P_COLON);
  }

  private addCall(name: CallName, nameTok: number, openTok: number, closeTok: number, objc: boolean): void {
    let receiverTok = -1;
    if (!objc && this.isPunct(nameTok - 1, P_DOT)) {
      let r = nameTok - 2;
      if (this.isPunct(r, P_RPAREN)) {
        // `TRTCCloud.sharedInstance().enterRoom(`: the receiver is the chain before the call.
        const m = this.t.match[r];
        if (m >= 0 && m < r) r = m - 1;
      }
      if (this.isIdent(r)) receiverTok = r;
    } else if (objc) {
      if (this.isIdent(nameTok - 1)) receiverTok = nameTok - 1;
    }
    // Every field present from the start, so call sites keep one shape when the caches fill.
    const site: CallSite = { name, nameTok, openTok, closeTok, objc, receiverTok, args: undefined, range: undefined };
    const calls = (this.calls ??= new Map());
    const list = calls.get(name);
    // Real code calls each SDK function a handful of times; the cap bounds the work on generated input.
    if (list && list.length >= MAX_CALLS_PER_NAME) return;
    if (list) list.push(site);
    else calls.set(name, [site]);
  }

  callsOf(name: CallName): readonly CallSite[] {
    return this.calls?.get(name) ?? NO_CALLS;
  }

  /**
   * The path an identifier is imported under in this file (`com.app.Config` for `Config` after
   * `import com.app.Config;`, `ROOM_SCENE` after `import { ROOM_SCENE } from`), or undefined.
   */
  importPath(tok: number): string | undefined {
    if (!this.imports) this.imports = this.collectImports();
    const list = this.imports.get(this.t.hash[tok]);
    if (!list) return undefined;
    const name = this.name(tok);
    for (const [n, path] of list) if (n === name) return path;
    return undefined;
  }

  /**
   * One pass over the tokens for import statements (`import …`, Python `from … import …`, C# `using …`):
   * every identifier they name, with its dotted path; Go import paths by their last segment.
   * Bounded: each statement is read for at most MAX_IMPORT_TOKENS tokens, at most MAX_IMPORTS names kept.
   */
  private collectImports(): Map<number, Array<[string, string]>> {
    const out = new Map<number, Array<[string, string]>>();
    const t = this.t;
    const n = this.n;
    let count = 0;
    const add = (name: string, path: string): void => {
      if (count >= MAX_IMPORTS) return;
      const h = hashName(name);
      const list = out.get(h);
      if (list) list.push([name, path]);
      else out.set(h, [[name, path]]);
      count++;
    };
    // The statements start at the words the index pass recorded; a statement's own tokens are not looked at again.
    let resume = 0;
    for (const i of this.importWords) {
      if (count >= MAX_IMPORTS) break;
      if (i < resume) continue;
      if (!(
        this.isIdentNamed(i, 'import') ||
        (this.family === 'python' && this.isIdentNamed(i, 'from')) ||
        (this.family === 'csharp' && this.isIdentNamed(i, 'using'))
      ))
        continue;
      if (!(i === 0 || this.newlineBefore(i) || this.isPunct(i - 1, P_SEMI) || this.isPunct(i - 1, P_RBRACE))) continue;
      let until = -1;
      let path = '';
      let j = i + 1;
      for (let steps = 0; j < n && steps < MAX_IMPORT_TOKENS; steps++, j++) {
        if (j > until && (this.isPunct(j, P_SEMI) || (this.newlineBefore(j) && !this.isPunct(j - 1, P_DOT) && !this.isPunct(j - 1, P_COMMA)))) break;
        const k = t.kind[j];
        if (k === TOK_PUNCT) {
          const p = t.hash[j];
          if ((p === P_LBRACE || p === P_LPAREN) && t.match[j] > until) until = t.match[j];
          if (p !== P_DOT) path = '';
          continue;
        }
        if (k === TOK_IDENT) {
          const name = this.name(j);
          path = path !== '' && this.isPunct(j - 1, P_DOT) ? `${path}.${name}` : name;
          add(name, path);
          continue;
        }
        if (k === TOK_STRING && this.family === 'go') {
          // `import "example.com/app/config"`: used as `config.X`.
          const value = this.stringValue(j);
          const last = value.slice(value.lastIndexOf('/') + 1);
          if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(last)) add(last, last);
        }
        path = '';
      }
      resume = j;
    }
    return out;
  }

  /** Token index whose start offset is `offset`, or -1 (binary search). */
  tokenAt(offset: number): number {
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.t.start[mid];
      if (s === offset) return mid;
      if (s < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    // Not a token start: the token containing it, if any.
    const k = hi;
    if (k >= 0 && this.t.start[k] <= offset && this.t.end[k] > offset) return k;
    return -1;
  }
}
