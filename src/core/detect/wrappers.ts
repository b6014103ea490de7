// Calls of the app's own functions that enter a room (`demoEnterRoom(trtc)` in each page of a sample
// whose util file enters the room). The project names them (DetectOptions.wrappers); a file that
// calls one joins the room its definition enters. One pass over the tokens, bounded.

import type { SourceRange, WrapperCall } from './types';
import type { SourceIndex } from './sourceIndex';
import { TOK_IDENT, TOK_PUNCT, hashName } from './lexer';
import { unitsOf } from './units';

/** Real pages call a wrapper a few times; the cap bounds the work (and the answer) on generated input. */
export const MAX_WRAPPER_CALLS = 256;
/** Names looked for: a project has a handful of wrappers; more are ignored. */
export const MAX_WRAPPER_NAMES = 64;

const P_LPAREN = 40;
const P_RPAREN = 41;
const P_DOT = 46;
const P_COLON = 58;
const P_EQ = 61;
const P_GT = 62;
const P_LBRACK = 91;
const P_RBRACK = 93;
const P_LBRACE = 123;

/** Words that may stand between a parameter list and a function body (`async {`, `throws {`, `const {`). */
const BODY_MODIFIERS: ReadonlySet<string> = new Set(['async', 'sync', 'const', 'override', 'throws', 'rethrows', 'noexcept', 'final', 'mutating']);

/**
 * The simple names to look for: the last segment of each (`Scene::enterRoomWith`, `helper.demoEnterRoom`
 * → `enterRoomWith`, `demoEnterRoom`), identifiers only, at most MAX_WRAPPER_NAMES.
 */
export function wrapperNames(wrappers: ReadonlySet<string> | undefined): string[] {
  const out: string[] = [];
  if (!wrappers || typeof wrappers.forEach !== 'function') return out;
  for (const w of wrappers) {
    if (out.length >= MAX_WRAPPER_NAMES) break;
    if (typeof w !== 'string' || w.length === 0 || w.length > 200) continue;
    const m = /([A-Za-z_$][\w$]*)\s*$/.exec(w);
    if (m && !out.includes(m[1])) out.push(m[1]);
  }
  return out;
}

/**
 * Every call of one of `names` in the document (not a declaration of it, not one of `skip`: the
 * ranges of the file's own room anchors, compared by their end), with the range of the call (from its
 * receiver, like a room's anchor range) and the class / component / function around it.
 */
export function wrapperCallsIn(doc: SourceIndex, names: string[], skip: SourceRange[]): WrapperCall[] {
  const out: WrapperCall[] = [];
  if (names.length === 0) return out;
  const hashes = new Map<number, string[]>();
  for (const n of names) {
    const h = hashName(n);
    const list = hashes.get(h);
    if (list) list.push(n);
    else hashes.set(h, [n]);
  }
  const t = doc.t;
  const n = doc.n;
  for (let i = 0; i < n - 1 && out.length < MAX_WRAPPER_CALLS; i++) {
    if (t.kind[i] !== TOK_IDENT) continue;
    const candidates = hashes.get(t.hash[i]);
    if (!candidates) continue;
    const next = i + 1;
    if (t.kind[next] !== TOK_PUNCT) continue;
    const name = candidates.find((c) => doc.isIdentNamed(i, c));
    if (!name) continue;
    let first: number;
    let last: number;
    if (t.hash[next] === P_LPAREN) {
      const close = t.match[next];
      last = close > next ? close : n - 1;
      if (declares(doc, i, last)) continue;
      first = i;
      if (doc.isPunct(i - 1, P_DOT)) {
        let r = i - 2;
        if (doc.isPunct(r, P_RPAREN)) {
          const m = t.match[r];
          if (m >= 0 && m < r) r = m - 1;
        }
        if (doc.isIdent(r)) first = r;
      }
    } else if ((t.hash[next] === P_COLON || t.hash[next] === P_RBRACK) && (doc.family === 'c' || doc.family === 'swift')) {
      // Objective-C message `[self enterRoomWith:roomId]`: the receiver, then `[`.
      let r = i - 1;
      if (doc.isPunct(r, P_RBRACK)) {
        const m = t.match[r];
        r = m >= 0 && m < r ? m - 1 : -1;
      } else if (doc.isIdent(r)) r--;
      else continue;
      if (!doc.isPunct(r, P_LBRACK)) continue;
      const close = t.match[r];
      if (close <= i) continue;
      first = r;
      last = close;
    } else continue;
    const range = doc.range(first, last);
    if (skip.some((s) => s.end.line === range.end.line && s.end.character === range.end.character)) continue;
    const call: WrapperCall = { name, range };
    const units = unitsOf(doc, i, next + 1, last - 1);
    if (units.owner) call.owner = units.owner;
    out.push(call);
  }
  return out;
}

/** Whether `name(...)` at `i` (its `)` at `close`) declares the function rather than calling it. */
function declares(doc: SourceIndex, i: number, close: number): boolean {
  if (doc.isDeclaration(i)) return true;
  // Kotlin extension `fun Foo.enterRoomWith(`, Swift `func`: the keyword before the receiver.
  if (doc.isPunct(i - 1, P_DOT) && doc.isIdent(i - 2) && (doc.isIdentNamed(i - 3, 'fun') || doc.isIdentNamed(i - 3, 'func'))) return true;
  // Swift and Kotlin calls may take a trailing closure `{ ... }`; their declarations start with a keyword.
  if (doc.family === 'swift' || doc.family === 'kotlin' || doc.family === 'python') return false;
  let j = close + 1;
  for (let k = 0; k < 3 && doc.isIdent(j) && BODY_MODIFIERS.has(doc.name(j)); k++) j++;
  if (doc.isPunct(j, P_LBRACE)) return true;
  // `=> body` (Dart, a JS class field is `name = (...) =>`, which is no `name(`).
  return doc.isPunct(j, P_EQ) && doc.isPunct(j + 1, P_GT) && doc.t.end[j] === doc.t.start[j + 1];
}
