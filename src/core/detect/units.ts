// The code units around a call: the class, component, widget or function it is written in, and
// whether the function's parameters flow into the call's arguments (a wrapper such as
// `demoEnterRoom(trtc, roomId)`, which a project-wide model can resolve at its call sites).
// Every walk is bounded: a unit lookup never costs more than a fixed number of tokens.

import type { CodeOwner, EnclosingFunction } from './types';
import type { SourceIndex } from './sourceIndex';
import { hashName } from './lexer';

const TOK_PUNCT = 4;
const P_LPAREN = 40;
const P_RPAREN = 41;
const P_LBRACE = 123;
const P_RBRACE = 125;
const P_RBRACK = 93;
const P_COMMA = 44;
const P_SEMI = 59;
const P_COLON = 58;
const P_EQ = 61;
const P_GT = 62;
const P_DOT = 46;

const WALK_BUDGET = 20000;
const MAX_UNITS = 24;
const FLOW_BUDGET = 512;

const CONTROL = new Set([
  'if',
  'for',
  'while',
  'switch',
  'catch',
  'when',
  'synchronized',
  'using',
  'lock',
  'foreach',
  'with',
  'guard',
  'else',
  'do',
  'try',
  'until',
  'unless',
  'elif',
  'return',
  'match',
  'select',
]);
const CLASS_WORDS = new Set(['class', 'struct', 'interface', 'object', 'extension', 'record', 'impl', 'mixin', 'enum']);
/** Their name hashes (the lexer's): most identifiers are ruled out without taking their text. */
const CLASS_WORD_HASHES = new Set([...CLASS_WORDS].map(hashName));
const NOT_A_NAME = new Set(['function', 'async', 'new', 'await', 'return', 'typeof', 'super', 'this']);
const NOT_PARAMS = new Set(['self', 'this', 'cls', '_']);

interface Unit {
  kind: CodeOwner['kind'];
  name: string;
  /** Opening brace of the body (or, in Python, the first token of the body; -1 unknown). */
  body: number;
  /** Parameter names, for functions. */
  params?: string[];
  /** The class a C++ method is defined for (`Scene::enterRoom`). */
  ofClass?: string;
}

/** The `{` opening the innermost block around token `tok`: -1 at top level, -2 when too far to tell. */
export function enclosingBrace(doc: SourceIndex, tok: number): number {
  // Every anchor of a file walks out through the same braces: each token's answer is kept per document.
  const cache = (doc.braceCache ??= new Map());
  let b = cache.get(tok);
  if (b === undefined) {
    b = findEnclosingBrace(doc, tok);
    cache.set(tok, b);
  }
  return b;
}

function findEnclosingBrace(doc: SourceIndex, tok: number): number {
  const kind = doc.t.kind;
  const hash = doc.t.hash;
  const match = doc.t.match;
  const n = doc.n;
  let j = tok - 1;
  for (let steps = 0; j >= 0; steps++) {
    if (steps > WALK_BUDGET) return -2;
    if (j < n && kind[j] === TOK_PUNCT) {
      const p = hash[j];
      if (p === P_RBRACE || p === P_RPAREN || p === P_RBRACK) {
        const m = match[j];
        j = m >= 0 && m < j ? m - 1 : j - 1;
        continue;
      }
      if (p === P_LBRACE) {
        const m = match[j];
        if (m < 0 || m > tok) return j;
      }
    }
    j--;
  }
  return -1;
}

/**
 * What stands before a block's `{`: a header `keyword (...)` (if, for, a function name), its
 * parentheses, or nothing recognizable.
 */
export function blockHeader(doc: SourceIndex, brace: number): { keyword: string; nameTok: number; open: number; close: number } | undefined {
  let j = brace - 1;
  // Skip what may follow the parameter list: `async`, `throws`, `const`, `: Type`, `-> Type`, `=>`.
  for (let steps = 0; j >= 0 && steps < 12 && !doc.isPunct(j, P_RPAREN); steps++) {
    if (doc.isPunct(j, P_SEMI) || doc.isPunct(j, P_LBRACE) || doc.isPunct(j, P_RBRACE)) return undefined;
    j--;
  }
  if (!doc.isPunct(j, P_RPAREN)) return undefined;
  const open = doc.t.match[j];
  if (open < 0 || open >= j) return undefined;
  const nameTok = open - 1;
  if (!doc.isIdent(nameTok)) return { keyword: '', nameTok: -1, open, close: j };
  return { keyword: doc.name(nameTok), nameTok, open, close: j };
}

/** Names of the parameters in `(open ... close)`: the declared names, not their types or defaults. */
function paramNames(doc: SourceIndex, open: number, close: number): string[] {
  const out: string[] = [];
  const segment = (from: number, to: number): void => {
    if (from > to || out.length >= 32) return;
    // Dart `{required String a}` / `[int b]`, JS destructuring `{ a, b }`: the names inside.
    if ((doc.isPunct(from, P_LBRACE) || doc.isPunct(from, 91)) && doc.t.match[from] > from && doc.t.match[from] <= to) {
      split(from, doc.t.match[from]);
      return;
    }
    let end = to;
    for (let k = from; k <= to; k++) {
      const m = doc.t.match[k];
      if (m > k && (doc.isPunct(k, P_LPAREN) || doc.isPunct(k, 91) || doc.isPunct(k, P_LBRACE))) {
        k = m;
        continue;
      }
      if (doc.isPunct(k, P_EQ)) {
        end = k - 1;
        break;
      }
      // `name: Type` (TS, Kotlin, Swift, Python), not C++ `::`.
      if (doc.isPunct(k, P_COLON) && !doc.isPunct(k + 1, P_COLON) && !doc.isPunct(k - 1, P_COLON)) {
        end = k - 1;
        break;
      }
    }
    let nameTok = -1;
    if (doc.family === 'go') {
      for (let k = from; k <= end && nameTok < 0; k++) if (doc.isIdent(k)) nameTok = k;
    } else {
      for (let k = end; k >= from && nameTok < 0; k--) if (doc.isIdent(k)) nameTok = k;
    }
    if (nameTok < 0) return;
    const name = doc.name(nameTok);
    if (!NOT_PARAMS.has(name)) out.push(name);
  };
  const split = (o: number, c: number): void => {
    let start = o + 1;
    for (let k = o + 1; k < c; k++) {
      const m = doc.t.match[k];
      if (m > k && m < c && (doc.isPunct(k, P_LPAREN) || doc.isPunct(k, 91) || doc.isPunct(k, P_LBRACE) || doc.isPunct(k, 60))) {
        k = m;
        continue;
      }
      if (doc.isPunct(k, 60)) {
        // A generic `Map<K, V>`: skip to its `>` on the same parameter (no bracket match for `<`).
        let depth = 1;
        let g = k + 1;
        for (; g < c && depth > 0 && g < k + 32; g++) {
          if (doc.isPunct(g, 60)) depth++;
          else if (doc.isPunct(g, P_GT)) depth--;
        }
        if (depth === 0) k = g - 1;
        continue;
      }
      if (doc.isPunct(k, P_COMMA)) {
        segment(start, k - 1);
        start = k + 1;
      }
    }
    segment(start, c - 1);
  };
  split(open, close);
  return out;
}

/** A named class-like unit whose body opens at `brace`: `class X ... {`, a React class, a Flutter State. */
function classUnit(doc: SourceIndex, brace: number): Unit | undefined {
  let j = brace - 1;
  for (let steps = 0; j >= 0 && steps < 48; steps++) {
    if (doc.isPunct(j, P_SEMI) || doc.isPunct(j, P_LBRACE) || doc.isPunct(j, P_RBRACE)) return undefined;
    if (doc.isPunct(j, P_RPAREN)) {
      const m = doc.t.match[j];
      j = m >= 0 && m < j ? m - 1 : j - 1;
      continue;
    }
    if (doc.isIdent(j) && CLASS_WORD_HASHES.has(doc.t.hash[j]) && CLASS_WORDS.has(doc.name(j)) && doc.isIdent(j + 1) && !doc.isPunct(j - 1, P_DOT)) {
      const name = doc.name(j + 1);
      const header = doc.text.slice(doc.t.end[j + 1], doc.t.start[brace]);
      const state = /\bState\s*<\s*([A-Za-z_$][\w$]*)\s*>/.exec(header);
      if (state && doc.family === 'dart') return { kind: 'widget', name: state[1], body: brace };
      if (doc.family === 'js' && /\bextends\s+(?:React\.)?(?:Pure)?Component\b/.test(header)) return { kind: 'component', name, body: brace };
      return { kind: 'class', name, body: brace };
    }
    j--;
  }
  return undefined;
}

/** Objective-C `- (void)enterWithRoomId:(UInt32)roomId userId:(NSString *)userId {`. */
function objcMethod(doc: SourceIndex, brace: number): Unit | undefined {
  let j = brace - 1;
  const params: string[] = [];
  const parts: string[] = [];
  for (let steps = 0; j >= 0 && steps < 64; steps++) {
    if (doc.isPunct(j, P_SEMI) || doc.isPunct(j, P_LBRACE) || doc.isPunct(j, P_RBRACE)) return undefined;
    if (doc.isPunct(j, P_RPAREN)) {
      const m = doc.t.match[j];
      if (m < 0 || m >= j) return undefined;
      if (doc.isPunct(m - 1, 45) || doc.isPunct(m - 1, 43)) {
        // The return type: the selector's first part follows it.
        if (doc.isIdent(j + 1)) parts.unshift(doc.name(j + 1));
        return parts.length > 0
          ? { kind: 'function', name: parts.join(':') + (params.length > 0 ? ':' : ''), body: brace, params: params.reverse() }
          : undefined;
      }
      if (doc.isPunct(m - 1, P_COLON) && doc.isIdent(j + 1)) {
        params.push(doc.name(j + 1));
        if (doc.isIdent(m - 2) && !doc.isPunct(m - 3, P_RPAREN)) parts.unshift(doc.name(m - 2));
      }
      j = m - 1;
      continue;
    }
    j--;
  }
  return undefined;
}

/** A named function whose body opens at `brace`, or undefined (a control block, an anonymous callback). */
function functionUnit(doc: SourceIndex, brace: number): Unit | undefined {
  if (doc.family === 'c') {
    const objc = objcMethod(doc, brace);
    if (objc) return objc;
  }
  let h = blockHeader(doc, brace);
  if (!h) return undefined;
  // Go `func Name(params) (Result, error) {`: the parameters are the group before the results.
  if (doc.family === 'go' && h.nameTok < 0 && doc.isPunct(h.open - 1, P_RPAREN)) {
    const open = doc.t.match[h.open - 1];
    if (open >= 0 && open < h.open - 1 && doc.isIdent(open - 1)) h = { keyword: doc.name(open - 1), nameTok: open - 1, open, close: h.open - 1 };
  }
  const params = (): string[] => paramNames(doc, h.open, h.close);
  // Between `)` and `{`: an arrow makes a function expression, named by what it is assigned to.
  const arrow = doc.text.slice(doc.t.end[h.close], doc.t.start[brace]).includes('=>');
  let nameTok = h.nameTok;
  if (nameTok < 0 || NOT_A_NAME.has(h.keyword)) {
    if (!arrow && h.keyword !== 'function' && h.keyword !== 'async') return undefined;
    // `const join = async (a) => {`, `join: function (a) {`, `join = (a) => {`.
    let k = h.nameTok >= 0 ? h.nameTok : h.open;
    while (k > 0 && doc.isIdent(k - 1) && NOT_A_NAME.has(doc.name(k - 1))) k--;
    const before = h.nameTok >= 0 && !NOT_A_NAME.has(h.keyword) ? h.nameTok - 1 : k - 1;
    if ((doc.isPunct(before, P_EQ) && !doc.isPunct(before - 1, P_EQ)) || (doc.isPunct(before, P_COLON) && !doc.isPunct(before - 1, P_COLON))) {
      if (!doc.isIdent(before - 1)) return undefined;
      nameTok = before - 1;
    } else if (h.keyword === 'function' && doc.isIdent(h.nameTok)) {
      return undefined; // `function (a) {` passed as an argument
    } else return undefined;
    return { kind: 'function', name: doc.name(nameTok), body: brace, params: params() };
  }
  if (CONTROL.has(h.keyword)) return undefined;
  const prev = nameTok - 1;
  const prevName = doc.isIdent(prev) ? doc.name(prev) : '';
  if (prevName === 'new') return undefined; // an anonymous class
  if (doc.isPunct(prev, P_DOT) && !doc.isPunct(prev - 1, P_DOT)) return undefined; // `x.run(y) {`: a trailing lambda
  if (doc.family === 'kotlin' && prevName !== 'fun' && prevName !== 'constructor' && h.keyword !== 'init') {
    // Kotlin `fun name(`, possibly `fun <T> name(` or `fun Type.name(`.
    const line = doc.text.slice(Math.max(0, doc.t.start[nameTok] - 80), doc.t.start[nameTok]);
    if (!/\bfun\s+(?:<[^>]*>\s*)?(?:[\w.]+\.)?$/.test(line)) return undefined;
  }
  if (doc.family === 'swift' && prevName !== 'func' && h.keyword !== 'init') return undefined;
  // Go methods `func (s *Svc) Name(`: the receiver stands before the name.
  if (doc.family === 'go' && doc.isPunct(prev, P_RPAREN)) return { kind: 'function', name: doc.name(nameTok), body: brace, params: params() };
  // C++ `void Scene::enterRoom(`: the class is named before `::`.
  if (doc.isPunct(prev, P_COLON) && doc.isPunct(prev - 1, P_COLON) && doc.isIdent(prev - 2)) {
    return { kind: 'function', name: doc.name(nameTok), body: brace, params: params(), ofClass: doc.name(prev - 2) };
  }
  const declares =
    prevName !== '' ||
    doc.isPunct(prev, P_GT) ||
    doc.isPunct(prev, P_COLON) ||
    doc.isPunct(prev, 42) ||
    doc.isPunct(prev, 38) ||
    doc.isPunct(prev, P_RBRACK) ||
    prev < 0 ||
    doc.isPunct(prev, P_SEMI) ||
    doc.isPunct(prev, P_LBRACE) ||
    doc.isPunct(prev, P_RBRACE) ||
    doc.isPunct(prev, P_COMMA) ||
    doc.newlineBefore(nameTok);
  if (!declares) return undefined;
  return { kind: 'function', name: doc.name(nameTok), body: brace, params: params() };
}

/** What `\s` matches in a regular expression, for one character code (no one-character string per test). */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** A Vue options component `export default { name: 'X', ... }` / `defineComponent({ name: 'X' })`. */
function vueComponent(doc: SourceIndex, brace: number): Unit | undefined {
  if (doc.family !== 'js') return undefined; // Vue is written in JavaScript / TypeScript
  // The pattern below ends in `default`, `(` or `,` before the brace: any other character there
  // rules it out without a substring (most braces are blocks).
  let p = doc.t.start[brace] - 1;
  while (p >= 0 && isSpace(doc.text.charCodeAt(p)) && p > doc.t.start[brace] - 40) p--;
  const c = p >= 0 ? doc.text.charCodeAt(p) : -1;
  if (c !== 116 /* t */ && c !== 40 /* ( */ && c !== 44 /* , */ && !isSpace(c)) return undefined;
  const before = doc.text.slice(Math.max(0, doc.t.start[brace] - 40), doc.t.start[brace]);
  if (!/(?:export\s+default|defineComponent\s*\(|Vue\.extend\s*\(|Vue\.component\s*\([^)]*,)\s*$/.test(before)) return undefined;
  const close = doc.t.match[brace];
  const body = doc.text.slice(doc.t.start[brace], close > brace ? Math.min(doc.t.end[close], doc.t.start[brace] + 4000) : doc.t.start[brace] + 4000);
  const m = /[{,]\s*name\s*:\s*['"]([^'"]{1,80})['"]/.exec(body);
  return m ? { kind: 'component', name: m[1], body: brace } : undefined;
}

function isReactComponent(doc: SourceIndex, unit: Unit): boolean {
  if (doc.family !== 'js' || !/^[A-Z]/.test(unit.name)) return false;
  const close = doc.t.match[unit.body];
  if (close <= unit.body) return false;
  const body = doc.text.slice(doc.t.start[unit.body], Math.min(doc.t.end[close], doc.t.start[unit.body] + 200_000));
  return /\breturn\s*\(?\s*<[A-Za-z>]/.test(body);
}

/** Objective-C: the `@implementation Name` the call is in (the last one before it, without an `@end` between). */
function objcImplementation(doc: SourceIndex, tok: number): Unit | undefined {
  const offset = doc.t.start[tok];
  const at = doc.text.lastIndexOf('@implementation', offset);
  if (at < 0) return undefined;
  const end = doc.text.indexOf('@end', at);
  if (end >= 0 && end < offset) return undefined;
  const m = /^@implementation\s+([A-Za-z_]\w*)/.exec(doc.text.slice(at, at + 200));
  return m ? { kind: 'class', name: m[1], body: -1 } : undefined;
}

/** Python: the `def` / `class` lines above `tok` with less indentation (bounded scan). */
function pythonUnits(doc: SourceIndex, tok: number): Unit[] {
  const text = doc.text;
  const units: Unit[] = [];
  let at = doc.t.start[tok];
  let lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0].length;
  for (let lines = 0; lineStart > 0 && lines < 4000 && indent > 0 && units.length < MAX_UNITS; lines++) {
    at = lineStart - 1;
    lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const line = text.slice(lineStart, Math.min(at, lineStart + 400));
    const ind = /^[ \t]*/.exec(line)![0].length;
    if (ind >= indent || line.trim() === '' || /^\s*#/.test(line)) continue;
    indent = ind;
    const def = /^\s*(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(([^)]*)\)?/.exec(line);
    if (def) {
      const params = def[2]
        .split(',')
        .map((p) =>
          p
            .replace(/[:=].*$/, '')
            .replace(/^\*+/, '')
            .trim(),
        )
        .filter((p) => p && !NOT_PARAMS.has(p));
      const open = doc.tokenAt(lineStart + line.indexOf('def'));
      units.push({ kind: 'function', name: def[1], body: open, params });
      continue;
    }
    const cls = /^\s*class\s+([A-Za-z_]\w*)/.exec(line);
    if (cls) units.push({ kind: 'class', name: cls[1], body: -1 });
  }
  return units;
}

/**
 * Units found per document by body brace. The calls of a file sit in a few functions, and each
 * call's lookup walks out through the same braces: each brace's header (its regular expressions,
 * a React component's body) is read once.
 */
function unitCache(doc: SourceIndex): Map<number, Unit | null> {
  return (doc.unitCache ??= new Map()) as Map<number, Unit | null>;
}

/** The named unit whose body opens at `brace`, or undefined. Shared by the lookups of one document: not to be changed. */
function unitAt(doc: SourceIndex, brace: number): Unit | undefined {
  const cache = unitCache(doc);
  const known = cache.get(brace);
  if (known !== undefined) return known ?? undefined;
  const unit = classUnit(doc, brace) ?? vueComponent(doc, brace) ?? functionUnit(doc, brace);
  if (unit && unit.kind === 'function' && isReactComponent(doc, unit)) unit.kind = 'component';
  cache.set(brace, unit ?? null);
  return unit;
}

/** The named units around `tok`, innermost first. */
function unitsAround(doc: SourceIndex, tok: number): Unit[] {
  if (doc.family === 'python') return pythonUnits(doc, tok);
  const units: Unit[] = [];
  let at = tok;
  let budget = WALK_BUDGET;
  for (let depth = 0; depth < 64 && units.length < MAX_UNITS && budget > 0; depth++) {
    const brace = enclosingBrace(doc, at);
    if (brace < 0) break;
    budget -= Math.max(1, at - brace);
    const unit = unitAt(doc, brace);
    if (unit) {
      units.push(unit);
      // The owner is the first container outward; the enclosing function, if any, is inside it.
      if (unit.kind !== 'function') break;
    }
    at = brace;
  }
  return units;
}

/** Whether a parameter reaches the tokens [from, to]: directly, or through variables set in the body. */
function flows(doc: SourceIndex, params: string[], from: number, to: number, body: number): boolean {
  if (params.length === 0) return false;
  // A handful of parameters: a scan of the list costs less than a Set per lookup.
  const wanted = params.length > 8 ? new Set(params) : undefined;
  const bodyEnd = body >= 0 && doc.t.match[body] > body ? doc.t.match[body] : doc.n - 1;
  const bodyStart = Math.max(0, body);
  // Names compared by hash first, in the text itself: no substring per identifier read.
  const paramHashes = wanted ? undefined : params.map(hashName);
  /** Names already followed: the first token of each hash, and (rarely) names whose hash another name took. */
  const seenByHash = new Map<number, number>();
  let seenNames: Set<string> | undefined;
  const queue: [number, number][] = [[from, to]];
  let budget = FLOW_BUDGET;
  while (queue.length > 0 && budget > 0) {
    const [a, b] = queue.pop()!;
    for (let k = a; k <= b && budget > 0; k++, budget--) {
      if (!doc.isIdent(k)) continue;
      if (doc.isPunct(k - 1, P_DOT) && !doc.isIdent(k - 2)) continue;
      // A key or a label (`{ roomId: 1 }`, `scene: x`, `role = x`) names no variable.
      const keyed =
        (doc.isPunct(k + 1, P_COLON) && !doc.isPunct(k + 2, P_COLON)) || (doc.isPunct(k + 1, P_EQ) && !doc.isPunct(k + 2, P_EQ) && doc.family !== 'js');
      if (keyed && (doc.isPunct(k - 1, P_LBRACE) || doc.isPunct(k - 1, P_COMMA) || doc.isPunct(k - 1, P_LPAREN))) continue;
      const h = doc.t.hash[k];
      if (paramHashes) {
        for (let p = 0; p < paramHashes.length; p++) if (paramHashes[p] === h && doc.isIdentNamed(k, params[p])) return true;
      } else if (wanted!.has(doc.name(k))) return true;
      const first = seenByHash.get(h);
      if (first === undefined) seenByHash.set(h, k);
      else if (doc.sameName(first, k)) continue;
      else {
        const name = doc.name(k);
        if (seenNames?.has(name)) continue;
        (seenNames ??= new Set()).add(name);
      }
      // Definitions (`const p = {...}`) and member assignments (`p.roomId = x`) inside the body.
      for (const d of doc.defs.get(h) ?? []) {
        if (d.nameTok < bodyStart || d.nameTok > bodyEnd || !doc.sameName(d.nameTok, k)) continue;
        queue.push([d.valueTok, statementEnd(doc, d.valueTok)]);
      }
      for (const bnd of doc.bindingsByOwner.get(h) ?? []) {
        if (bnd.keyTok < bodyStart || bnd.keyTok > bodyEnd || !doc.sameName(bnd.ownerTok, k)) continue;
        queue.push([bnd.valueTok, statementEnd(doc, bnd.valueTok)]);
      }
    }
  }
  return false;
}

/** The last token of the expression starting at `tok` (to `;`, `,` or a line end at depth 0; bounded). */
function statementEnd(doc: SourceIndex, tok: number): number {
  let k = tok;
  for (let steps = 0; k < doc.n && steps < 64; steps++) {
    const m = doc.t.match[k];
    if (m > k && (doc.isPunct(k, P_LPAREN) || doc.isPunct(k, 91) || doc.isPunct(k, P_LBRACE))) {
      k = m + 1;
      continue;
    }
    if (doc.isPunct(k, P_SEMI) || doc.isPunct(k, P_COMMA) || doc.isPunct(k, P_RPAREN) || doc.isPunct(k, P_RBRACE)) return k - 1;
    if (k > tok && doc.newlineBefore(k) && !doc.isPunct(k, P_DOT)) return k - 1;
    k++;
  }
  return Math.min(k, doc.n - 1);
}

/**
 * The owner and the enclosing function of a call whose name token is `tok` and whose arguments are
 * the tokens [argsFrom, argsTo]. The owner is the innermost class, component or widget; when
 * there is none, the innermost named function.
 */
export function unitsOf(doc: SourceIndex, tok: number, argsFrom: number, argsTo: number): { owner?: CodeOwner; enclosingFunction?: EnclosingFunction } {
  const units = unitsAround(doc, tok);
  const out: { owner?: CodeOwner; enclosingFunction?: EnclosingFunction } = {};
  let container: Unit | undefined = units.find((u) => u.kind !== 'function');
  if (!container) {
    const method = units.find((u) => u.ofClass);
    if (method?.ofClass) container = { kind: 'class', name: method.ofClass, body: -1 };
    else if (doc.family === 'c') container = objcImplementation(doc, tok);
  }
  const fn = units.find((u) => u.params !== undefined);
  const ownerUnit = container ?? fn;
  if (ownerUnit) out.owner = { kind: ownerUnit.kind, name: ownerUnit.name };
  if (fn) {
    const params = fn.params ? fn.params.slice() : []; // the unit is shared by the document's lookups: each result gets its own list
    out.enclosingFunction = { name: fn.name, params, dependsOnParams: argsTo >= argsFrom && flows(doc, params, argsFrom, argsTo, fn.body) };
  }
  return out;
}
