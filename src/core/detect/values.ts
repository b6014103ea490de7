// Evaluates the value written at a token into "leaves": the literal values, enum names and object
// scopes it can take. A ternary, an `a || b` default, a switch that assigns a variable in several
// places, or a lookup in a UI map yields several leaves (the candidates). Same-file variables are
// followed. Results are memoized per token and capped, so evaluation stays linear overall.

import type { Text } from '../common';
import type { ExternalValue, SourceRange } from './types';
import { hashName } from './lexer';
import { ownerKeyHash, type Binding, type SourceIndex } from './sourceIndex';

// Token kinds, flags and punctuation codes (the lexer's values), local so hot paths do not go
// through module bindings.
const TOK_IDENT = 1;
const TOK_NUMBER = 2;
const TOK_STRING = 3;
const TOK_PUNCT = 4;
const FLAG_NEWLINE_BEFORE = 1;
const FLAG_TEMPLATE_WITH_SUBSTITUTION = 4;
const P_LPAREN = 40;
const P_RPAREN = 41;
const P_LBRACK = 91;
const P_RBRACK = 93;
const P_LBRACE = 123;
const P_RBRACE = 125;
const P_COMMA = 44;
const P_SEMI = 59;
const P_COLON = 58;
const P_EQ = 61;
const P_DOT = 46;
const P_QUESTION = 63;

/** Where to look for an object's properties: bindings written inside a token range and/or owned by variables. */
export interface Scope {
  from: number;
  to: number;
  owners: string[];
}

/** Where a leaf's value is written when it comes from another file (`from`/`to` are then the reference here). */
export interface ExternalSite {
  file: string;
  range: SourceRange;
  /** The value as written there, for messages. */
  written: string;
}

export type Leaf =
  | { kind: 'enum'; name: string; from: number; to: number; /** A bare identifier with no definition in the file. */ bare: boolean; ext?: ExternalSite }
  | { kind: 'str'; value: string; from: number; to: number; ext?: ExternalSite }
  | { kind: 'num'; value: number; from: number; to: number; ext?: ExternalSite }
  | { kind: 'bool'; value: boolean; from: number; to: number; ext?: ExternalSite }
  | { kind: 'null'; from: number; to: number }
  | {
      kind: 'obj';
      scope: Scope;
      ctor?: string;
      /** Opening token of the call/constructor arguments or array elements (split on demand: Evaluator.items). */
      list?: number;
      from: number;
      to: number;
    }
  | { kind: 'unknown'; why: Text; from: number; to: number };

interface Evaluated {
  leaves: Leaf[];
  /** The token after the expression. */
  next: number;
}

const IN_PROGRESS: Evaluated = { leaves: [], next: -1 };

const MAX_LEAVES = 16;
const MAX_DEPTH = 12;
const MAX_SCAN = 200;
/** Bindings read for one lookup before giving up (each gives at least one leaf in practice). */
const MAX_TRIED = 4 * MAX_LEAVES;

const WRAPPERS = new Set([
  'valueOf',
  'Number',
  'String',
  'int',
  'str',
  'parseInt',
  'Int',
  'Int32',
  'UInt',
  'UInt32',
  'UInt64',
  'uint32',
  'uint64',
  'int64',
  'Long',
  'toLong',
  'toInt',
  'NSNumber',
  'numberWithInt',
  'numberWithInteger',
  'dumps',
  'stringify',
  'json',
  'Uint64Ptr',
  'Int64Ptr',
  'StringPtr',
  'BoolPtr',
  'Float64Ptr',
  'Ptr',
  'toString',
  'parse',
  'loads',
  'JSON',
  'BigInt',
  'UInt32Value',
  'uint',
  'ulong',
  'Convert',
  'ToUInt32',
]);

/** Words before a value that do not change it (`await x`, `new X(`, `ref p`), by hash. */
const PREFIX_HASHES: ReadonlyMap<number, string> = new Map(['await', 'new', 'ref', 'out', 'const', 'final', 'try'].map((w) => [hashName(w), w]));
const NULLS = new Set(['null', 'nil', 'None', 'nullptr', 'NULL', 'undefined']);
const TRUES = new Set(['true', 'YES', 'True']);
const FALSES = new Set(['false', 'NO', 'False']);
const SELF_NAMES = new Set(['this', 'self', 'widget', '_this', 'that', 'vm', 'me']);

/** What a word read as a value is: a literal, or a Kotlin expression keyword. */
const W_TRUE = 1;
const W_FALSE = 2;
const W_NULL = 3;
const W_IF = 4;
const W_WHEN = 5;
/** The words `primary` treats specially, by hash (most identifiers are none of them, and need no substring to tell). */
const VALUE_WORDS: ReadonlyMap<number, ReadonlyArray<readonly [string, number]>> = (() => {
  const map = new Map<number, Array<readonly [string, number]>>();
  const add = (words: Iterable<string>, what: number): void => {
    for (const w of words) {
      const h = hashName(w);
      const list = map.get(h);
      if (list) list.push([w, what]);
      else map.set(h, [[w, what]]);
    }
  };
  add(TRUES, W_TRUE);
  add(FALSES, W_FALSE);
  add(NULLS, W_NULL);
  add(['if'], W_IF);
  add(['when'], W_WHEN);
  return map;
})();
const SELF_HASHES: ReadonlyMap<string, number> = new Map([...SELF_NAMES].map((n) => [n, hashName(n)]));

/**
 * hashName of the keys and names lookups ask for, kept: they are mostly the extractor's literals
 * (`videoResolution`, `role`), asked for in every file, and a Map lookup of a literal costs less than
 * hashing it again. Bounded, so names read from hostile input cannot grow it without limit.
 */
const NAME_HASHES = new Map<string, number>();
function nameHash(name: string): number {
  let h = NAME_HASHES.get(name);
  if (h === undefined) {
    h = hashName(name);
    if (NAME_HASHES.size < 4096) NAME_HASHES.set(name, h);
  }
  return h;
}

export const WHY_VARIABLE = (name: string): Text => ({
  en: `comes from \`${name}\`, which is not set in this file (a parameter, the UI or another file)`,
  zh: `来自 \`${name}\`，本文件中没有给它赋值（参数、界面或其他文件）`,
});
const WHY_COMPUTED: Text = { en: 'is computed at run time (an expression or a function call)', zh: '在运行时计算得出（表达式或函数调用）' };
const WHY_TEMPLATE: Text = { en: 'is built at run time (a template string)', zh: '在运行时拼接（模板字符串）' };
const WHY_DEEP: Text = { en: 'is too indirect to follow (too many variables in a chain)', zh: '引用链过长，无法追踪' };

export class Evaluator {
  /** Evaluated expressions by first token; IN_PROGRESS while being evaluated (cycle guard). */
  private memo = new Map<number, Evaluated>();
  private depth = 0;
  /** Split lists by opening token (see listItems), made on first need. */
  private itemsCache: Map<number, number[]> | undefined;

  constructor(readonly doc: SourceIndex) {}

  /** Leaves of the expression starting at token `tok`. */
  evaluate(tok: number): Leaf[] {
    return this.expr(tok).leaves;
  }

  /** Bindings for `key` visible in `scope` (written inside its range or owned by one of its variables). */
  bindings(scope: Scope, key: string): Binding[] {
    const doc = this.doc;
    const keyHash = nameHash(key);
    const out: Binding[] = [];
    // Written inside the scope's token range: the per-key list is in token order, binary search it.
    const list = doc.bindingsByKey.get(keyHash);
    if (list && scope.to >= scope.from) {
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid].keyTok < scope.from) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < list.length && list[k].keyTok <= scope.to && out.length < MAX_LEAVES; k++) {
        if (doc.bindingKeyIs(list[k], key)) out.push(list[k]);
      }
    }
    // Owned by one of the scope's variables (`p.role = ...`, `const p = { role }`).
    for (const owner of scope.owners) {
      const owned = doc.bindingsByOwnerKey.get(ownerKeyHash(hashName(owner), keyHash));
      if (!owned) continue;
      for (const b of owned) {
        if (out.length >= MAX_LEAVES) break;
        if (out.includes(b)) continue;
        if (doc.isIdentNamed(b.ownerTok, owner) && doc.bindingKeyIs(b, key)) out.push(b);
      }
    }
    return out.length > 1 ? out.sort((a, b) => a.keyTok - b.keyTok) : out;
  }

  /** Leaves of property `key` of the objects among `leaves` (`{profile}` in `option: {...}`). */
  prop(leaves: Leaf[], key: string): Leaf[] {
    const out: Leaf[] = [];
    for (const leaf of leaves) {
      const scope = scopeOf(leaf);
      if (!scope) continue;
      for (const b of this.bindings(scope, key)) pushAll(out, this.evaluate(b.valueTok));
      // An array of variables (`cdnUrlList = [url]`): their properties too.
      if (leaf.kind === 'obj' && leaf.list !== undefined && !leaf.ctor && out.length === 0 && this.depth < MAX_DEPTH) {
        this.depth++;
        try {
          for (const item of this.items(leaf)!.slice(0, 4)) {
            const itemLeaves = this.evaluate(item).filter((l) => l.kind !== 'obj' || l.scope.from !== leaf.scope.from);
            pushAll(
              out,
              this.prop(
                itemLeaves.filter((l) => l.kind === 'enum' && l.bare),
                key,
              ),
            );
            for (const l of itemLeaves)
              if (l.kind === 'obj' && (l.scope.from < leaf.scope.from || l.scope.from > leaf.scope.to)) pushAll(out, this.prop([l], key));
          }
        } finally {
          this.depth--;
        }
      }
    }
    return out;
  }

  /** Follows a path of properties: prop(prop(leaves, a), b)... */
  path(leaves: Leaf[], ...keys: string[]): Leaf[] {
    let cur = leaves;
    for (const k of keys) {
      // A nested object built by attribute assignment (`req.VideoParams = models.VideoParams();
      // req.VideoParams.Width = 1`) is owned by the key's own name.
      const next = this.prop(cur, k).map((leaf) =>
        leaf.kind === 'obj' && !leaf.scope.owners.includes(k) ? { ...leaf, scope: { ...leaf.scope, owners: [...leaf.scope.owners, k] } } : leaf,
      );
      if (next.length === 0) {
        const byName = this.bindingsOwnedBy(k, cur);
        cur = byName;
      } else cur = next;
    }
    return cur;
  }

  private bindingsOwnedBy(ownerName: string, parents: Leaf[]): Leaf[] {
    // Only when a parent object exists: an attribute chain `parent.key.x = v` owns bindings as `key`.
    if (parents.length === 0) return [];
    if (!this.doc.bindingsByOwner.has(nameHash(ownerName))) return [];
    return [{ kind: 'obj', scope: { from: 1, to: 0, owners: [ownerName] }, from: parents[0].from, to: parents[0].to }];
  }

  private expr(tok: number): Evaluated {
    const doc = this.doc;
    if (tok < 0 || tok >= doc.n) return { leaves: [], next: tok };
    const cached = this.memo.get(tok);
    if (cached !== undefined && cached !== IN_PROGRESS) return cached;
    if (cached === IN_PROGRESS || this.depth >= MAX_DEPTH) {
      // A cycle (`a = b; b = a`) or a chain too long to follow.
      return { leaves: [{ kind: 'unknown', why: WHY_DEEP, from: tok, to: tok }], next: this.skipExpression(tok) };
    }
    this.memo.set(tok, IN_PROGRESS);
    this.depth++;
    try {
      const result = this.conditional(tok);
      if (result.leaves.length > MAX_LEAVES) result.leaves.length = MAX_LEAVES;
      this.memo.set(tok, result);
      return result;
    } catch (e) {
      this.memo.delete(tok);
      throw e;
    } finally {
      this.depth--;
    }
  }

  /** primary, then `? :`, `||` / `??` / `or` defaults, Python `a if c else b`, or an unknown computation. */
  private conditional(tok: number): { leaves: Leaf[]; next: number } {
    const doc = this.doc;
    const first = this.primary(tok);
    const i = first.next;
    if (this.terminates(i)) return first;
    // Python: value if cond else other
    if (doc.isIdentNamed(i, 'if') && doc.family === 'python') {
      const elseTok = this.findTopLevel(i, (j) => doc.isIdentNamed(j, 'else'));
      if (elseTok > 0) {
        const other = this.expr(elseTok + 1);
        return { leaves: dedupe([...first.leaves, ...other.leaves]), next: other.next };
      }
      return first;
    }
    if (this.isTernaryQuestion(i)) return this.ternary(i);
    // Default operators: `a || b`, `a ?? b`, `a or b`, Kotlin `a ?: b`.
    const op = this.defaultOperator(i);
    if (op > 0) {
      const other = this.expr(i + op);
      return { leaves: dedupe([...first.leaves, ...other.leaves]), next: other.next };
    }
    // Postfix casts and unwraps: `as Type`, `!`, `!!`.
    if (doc.isIdentNamed(i, 'as')) {
      const after = this.skipExpression(i + 1);
      return { leaves: first.leaves, next: after };
    }
    // Something else follows: a condition for a later `?`, or arithmetic.
    const q = this.findTopLevel(i, (j) => this.isTernaryQuestion(j) && !(doc.isPunct(j - 1, P_QUESTION) && doc.t.end[j - 1] === doc.t.start[j]));
    if (q > 0) return this.ternary(q);
    const end = this.skipExpression(tok);
    if (end <= i) return first;
    return { leaves: [{ kind: 'unknown', why: WHY_COMPUTED, from: tok, to: Math.max(tok, end - 1) }], next: end };
  }

  /** A `?` that starts a conditional's branches: not `?.`, `??` or `?:` written together. */
  private isTernaryQuestion(i: number): boolean {
    const doc = this.doc;
    if (!doc.isPunct(i, P_QUESTION)) return false;
    const adjacent = i + 1 < doc.n && doc.t.start[i + 1] === doc.t.end[i];
    if (!adjacent) return true;
    return !(doc.isPunct(i + 1, P_DOT) || doc.isPunct(i + 1, P_QUESTION) || doc.isPunct(i + 1, P_COLON));
  }

  private ternary(q: number): { leaves: Leaf[]; next: number } {
    const a = this.expr(q + 1);
    let j = a.next;
    if (this.doc.isPunct(j, P_COLON)) j++;
    const b = this.expr(j);
    return { leaves: dedupe([...a.leaves, ...b.leaves]), next: b.next };
  }

  /** Length of a default operator at `i` (`||` 2, `??` 2, `?:` 2, `or` 1), or 0. */
  private defaultOperator(i: number): number {
    const doc = this.doc;
    if (doc.isPunct(i, 124) && doc.isPunct(i + 1, 124)) return 2;
    if (doc.isPunct(i, P_QUESTION) && doc.isPunct(i + 1, P_QUESTION)) return 2;
    if (doc.isPunct(i, P_QUESTION) && doc.isPunct(i + 1, P_COLON)) return 2;
    if (doc.family === 'python' && doc.isIdentNamed(i, 'or')) return 1;
    return 0;
  }

  /** Whether token `i` ends the current expression. */
  private terminates(i: number): boolean {
    const doc = this.doc;
    if (i >= doc.n) return true;
    const k = doc.t.kind[i];
    if (k === TOK_PUNCT) {
      const p = doc.t.hash[i];
      if (p === P_COMMA || p === P_SEMI || p === P_RPAREN || p === P_RBRACK || p === P_RBRACE) return true;
      if (p === P_COLON && !doc.isPunct(i + 1, P_COLON)) return true;
      if (p === P_EQ && !doc.isPunct(i + 1, P_EQ)) return true;
      if (p === P_LBRACE) return true;
      // Operators continue an expression even across lines.
      return false;
    }
    // An identifier, literal or keyword on a new line starts a new statement.
    if ((doc.t.flags[i] & FLAG_NEWLINE_BEFORE) !== 0) return true;
    if (k === TOK_IDENT) {
      // The words that continue an expression are short: longer identifiers end it without a substring.
      if (doc.t.end[i] - doc.t.start[i] > 3) return true;
      const w = doc.name(i);
      return !(w === 'if' || w === 'as' || w === 'or' || w === 'and' || w === 'is' || w === 'in');
    }
    return true;
  }

  /** Scans forward at bracket depth 0 (bounded) for a token satisfying `test` before the expression ends. */
  private findTopLevel(from: number, test: (j: number) => boolean): number {
    const doc = this.doc;
    let j = from;
    for (let steps = 0; j < doc.n && steps < MAX_SCAN; steps++) {
      if (test(j)) return j;
      const k = doc.t.kind[j];
      if (k === TOK_PUNCT) {
        const p = doc.t.hash[j];
        if (p === P_COMMA || p === P_SEMI || p === P_RPAREN || p === P_RBRACK || p === P_RBRACE || p === P_LBRACE) return -1;
        if (p === P_LPAREN || p === P_LBRACK) {
          const m = doc.t.match[j];
          j = m > j ? m + 1 : j + 1;
          continue;
        }
      } else if (j > from && (doc.t.flags[j] & FLAG_NEWLINE_BEFORE) !== 0 && !this.continuation(j - 1)) return -1;
      j++;
    }
    return -1;
  }

  private continuation(prev: number): boolean {
    const doc = this.doc;
    if (prev < 0 || doc.t.kind[prev] !== TOK_PUNCT) return doc.isIdentNamed(prev, 'and') || doc.isIdentNamed(prev, 'or');
    const p = doc.t.hash[prev];
    return p !== P_RPAREN && p !== P_RBRACK && p !== P_RBRACE;
  }

  /** Token after the expression starting at `tok` (bounded scan). */
  skipExpression(tok: number): number {
    const doc = this.doc;
    let j = tok;
    for (let steps = 0; j < doc.n && steps < MAX_SCAN; steps++) {
      const k = doc.t.kind[j];
      if (k === TOK_PUNCT) {
        const p = doc.t.hash[j];
        if (p === P_COMMA || p === P_SEMI || p === P_RPAREN || p === P_RBRACK || p === P_RBRACE) return j;
        if (p === P_LPAREN || p === P_LBRACK || p === P_LBRACE) {
          if (p === P_LBRACE && j > tok && !this.braceBelongsToValue(j)) return j;
          const m = doc.t.match[j];
          j = m > j ? m + 1 : j + 1;
          continue;
        }
      } else if (j > tok && (doc.t.flags[j] & FLAG_NEWLINE_BEFORE) !== 0 && !this.continuation(j - 1)) return j;
      j++;
    }
    return j;
  }

  /** `X{` (Go composite), `.apply {` (Kotlin), `new X {` (C# initializer) belong to the value. */
  private braceBelongsToValue(j: number): boolean {
    const doc = this.doc;
    if (doc.family === 'csharp' && (doc.isIdent(j - 1) || doc.isPunct(j - 1, P_RPAREN))) {
      // C# object initializer `new TRTCParams { role = ... }`, often with the brace on its own line.
      for (let k = j - 1; k >= 0 && k > j - 12; k--) {
        if (doc.isIdentNamed(k, 'new')) return true;
        if (!doc.isIdent(k) && !doc.isPunct(k, P_DOT) && !doc.isPunct(k, P_RPAREN) && !doc.isPunct(k, P_LPAREN)) break;
      }
      return false;
    }
    if (doc.newlineBefore(j)) return false;
    if (doc.family === 'go' && doc.isIdent(j - 1)) return true;
    if (doc.isIdentNamed(j - 1, 'apply') || doc.isIdentNamed(j - 1, 'also') || doc.isIdentNamed(j - 1, 'run')) return true;
    return false;
  }

  private primary(tok: number): { leaves: Leaf[]; next: number } {
    const doc = this.doc;
    const t = doc.t;
    let i = tok;
    // Prefixes that do not change the value.
    for (let steps = 0; steps < 6 && i < doc.n; steps++) {
      if (t.kind[i] === TOK_IDENT) {
        // Hash first: most identifiers are not prefixes, and need no substring to tell.
        const prefix = PREFIX_HASHES.get(t.hash[i]);
        if (prefix !== undefined && doc.isIdentNamed(i, prefix)) {
          i++;
          continue;
        }
      } else if (t.kind[i] === TOK_PUNCT) {
        const p = t.hash[i];
        if (p === 38 /* & */ || p === 42 /* * */ || p === 64 /* @ */ || p === 43 /* + */) {
          i++;
          continue;
        }
        if (p === P_LBRACK && doc.family === 'go' && doc.isPunct(i + 1, P_RBRACK)) {
          i += 2; // Go slice literal `[]*trtc.X{...}`
          continue;
        }
      }
      break;
    }
    if (i >= doc.n) return { leaves: [], next: i };
    const kind = t.kind[i];
    if (kind === TOK_STRING) {
      if ((t.flags[i] & FLAG_TEMPLATE_WITH_SUBSTITUTION) !== 0) {
        let j = i + 1;
        // Skip the rest of the template (its substitutions are tokens).
        while (j < doc.n && j < i + MAX_SCAN && !this.terminates(j)) j++;
        return { leaves: [{ kind: 'unknown', why: WHY_TEMPLATE, from: i, to: i }], next: j };
      }
      // Adjacent string concatenation `'a' + 'b'` is left to `conditional` (unknown).
      return { leaves: [{ kind: 'str', value: doc.stringValue(i), from: i, to: i }], next: i + 1 };
    }
    if (kind === TOK_NUMBER) return { leaves: [{ kind: 'num', value: parseNumber(doc.name(i)), from: i, to: i }], next: i + 1 };
    if (kind === TOK_PUNCT) {
      const p = t.hash[i];
      if (p === 45 /* - */ && t.kind[i + 1] === TOK_NUMBER) {
        return { leaves: [{ kind: 'num', value: -parseNumber(doc.name(i + 1)), from: i, to: i + 1 }], next: i + 2 };
      }
      if (p === P_DOT && doc.isIdent(i + 1)) {
        // Swift implicit member `.LIVE`, `._1280_720`.
        return this.postfix({ kind: 'enum', name: doc.name(i + 1), from: i, to: i + 1, bare: false }, i + 2, i);
      }
      if (p === P_LBRACE) {
        const end = closeOf(doc, i);
        return this.postfix({ kind: 'obj', scope: { from: i, to: end, owners: [] }, from: i, to: end }, end + 1, i);
      }
      if (p === P_LBRACK) {
        const end = closeOf(doc, i);
        return this.postfix({ kind: 'obj', scope: { from: i, to: end, owners: [] }, list: i, from: i, to: end }, end + 1, i);
      }
      if (p === P_LPAREN) {
        const end = closeOf(doc, i);
        // A cast `(int)x` / `(TRTCVideoResolution)112`: evaluate what follows.
        if (doc.isIdent(i + 1) && end === i + 2 && i + 3 < doc.n && !this.terminates(end + 1) && !doc.isPunct(end + 1, P_DOT)) {
          return this.primary(end + 1);
        }
        const inner = this.expr(i + 1);
        return { leaves: inner.leaves, next: end + 1 };
      }
      return { leaves: [], next: i + 1 };
    }
    // Identifier chain.
    const words = VALUE_WORDS.get(t.hash[i]);
    if (words !== undefined) {
      for (const [w, what] of words) {
        if (!doc.isIdentNamed(i, w)) continue;
        if (what === W_TRUE) return { leaves: [{ kind: 'bool', value: true, from: i, to: i }], next: i + 1 };
        if (what === W_FALSE) return { leaves: [{ kind: 'bool', value: false, from: i, to: i }], next: i + 1 };
        if (what === W_NULL) return { leaves: [{ kind: 'null', from: i, to: i }], next: i + 1 };
        if (what === W_IF && doc.family === 'kotlin') return this.kotlinIf(i);
        if (what === W_WHEN && doc.family === 'kotlin') return this.kotlinWhen(i);
      }
    }
    const chain: number[] = [i];
    let j = i + 1;
    while (j < doc.n && chain.length < 12) {
      if (doc.isPunct(j, P_DOT) && doc.isIdent(j + 1)) {
        chain.push(j + 1);
        j += 2;
      } else if (doc.isPunct(j, P_COLON) && doc.isPunct(j + 1, P_COLON) && doc.isIdent(j + 2)) {
        chain.push(j + 2);
        j += 3;
      } else if ((doc.isPunct(j, P_QUESTION) || doc.isPunct(j, 33)) && doc.isPunct(j + 1, P_DOT) && doc.t.end[j] === doc.t.start[j + 1] && doc.isIdent(j + 2)) {
        chain.push(j + 2);
        j += 3;
      } else break;
    }
    const last = chain[chain.length - 1];
    const lastName = doc.name(last);
    if (doc.isPunct(j, P_LPAREN)) {
      const end = closeOf(doc, j);
      if (WRAPPERS.has(lastName) || (lastName.endsWith('Ptr') && lastName.length <= 12)) {
        const items = this.listItems(j);
        if (items.length === 1) {
          const inner = this.expr(items[0]);
          return this.postfix(inner.leaves, end + 1, i);
        }
      }
      const obj: Leaf = { kind: 'obj', ctor: lastName, scope: { from: j, to: end, owners: [] }, list: j, from: i, to: end };
      return this.postfix(obj, end + 1, i);
    }
    if (doc.isPunct(j, P_LBRACK) && doc.isPunct(j + 1, P_RBRACK) && doc.isPunct(j + 2, P_LBRACE)) {
      // Java / C# array creation `new X[] { a, b }`.
      const end = closeOf(doc, j + 2);
      return this.postfix({ kind: 'obj', scope: { from: j + 2, to: end, owners: [] }, list: j + 2, from: i, to: end }, end + 1, i);
    }
    if (doc.isPunct(j, P_LBRACE) && this.braceBelongsToValue(j)) {
      const end = closeOf(doc, j);
      return this.postfix({ kind: 'obj', ctor: lastName, scope: { from: j, to: end, owners: [] }, from: i, to: end }, end + 1, i);
    }
    const resolved = this.resolveChain(chain, lastName);
    return this.postfix(resolved, j, i);
  }

  /** Index lookups `map[key]` (every value of the map), `.apply {}` blocks, trailing member access. */
  private postfix(base: Leaf | Leaf[], next: number, start: number): { leaves: Leaf[]; next: number } {
    const doc = this.doc;
    let leaves = Array.isArray(base) ? base : [base];
    let j = next;
    for (let steps = 0; steps < 8 && j < doc.n; steps++) {
      if (doc.isPunct(j, P_LBRACK) && !doc.newlineBefore(j)) {
        const end = closeOf(doc, j);
        const values: Leaf[] = [];
        for (const leaf of leaves) {
          if (leaf.kind !== 'obj') continue;
          if (leaf.list !== undefined) for (const item of this.listItems(leaf.list)) pushAll(values, this.expr(item).leaves);
          else for (const b of this.directBindings(leaf.scope)) pushAll(values, this.expr(b.valueTok).leaves);
        }
        leaves = values.length > 0 ? dedupe(values) : [{ kind: 'unknown', why: WHY_COMPUTED, from: start, to: end }];
        j = end + 1;
        continue;
      }
      if (doc.isPunct(j, P_DOT) && (doc.isIdentNamed(j + 1, 'apply') || doc.isIdentNamed(j + 1, 'also')) && doc.isPunct(j + 2, P_LBRACE)) {
        const end = closeOf(doc, j + 2);
        for (const leaf of leaves) if (leaf.kind === 'obj') leaf.scope.to = Math.max(leaf.scope.to, end);
        j = end + 1;
        continue;
      }
      if (doc.isPunct(j, P_DOT) && doc.isPunct(j + 1, P_DOT)) {
        // Dart cascade `..field = value ..other = value`: bindings are inside the expression.
        let k = j;
        while (k < doc.n && k < j + MAX_SCAN && !doc.isPunct(k, P_SEMI) && !doc.isPunct(k, P_RPAREN) && !doc.isPunct(k, P_RBRACE)) {
          const m = doc.t.match[k];
          k = m > k && (doc.isPunct(k, P_LPAREN) || doc.isPunct(k, P_LBRACK)) ? m + 1 : k + 1;
        }
        for (const leaf of leaves) if (leaf.kind === 'obj') leaf.scope.to = Math.max(leaf.scope.to, k);
        j = k;
        continue;
      }
      if (
        (doc.isPunct(j, 33) && !doc.isPunct(j + 1, P_EQ)) ||
        (doc.isPunct(j, P_QUESTION) && doc.isPunct(j + 1, P_DOT) && doc.t.end[j] === doc.t.start[j + 1])
      ) {
        j++;
        continue;
      }
      if (doc.isPunct(j, P_DOT) && doc.isIdent(j + 1)) {
        // A method on the value (`.toString()`, `.value`): the result is computed.
        const end = this.skipExpression(j);
        leaves = [{ kind: 'unknown', why: WHY_COMPUTED, from: start, to: Math.max(start, end - 1) }];
        j = end;
        continue;
      }
      break;
    }
    return { leaves, next: j };
  }

  /** Bindings directly inside a container (for map lookups), bounded. */
  private directBindings(scope: Scope): Binding[] {
    const doc = this.doc;
    const out: Binding[] = [];
    let i = scope.from + 1;
    while (i < scope.to && out.length < MAX_LEAVES) {
      if (
        (doc.t.kind[i] === TOK_IDENT || doc.t.kind[i] === TOK_STRING || doc.t.kind[i] === TOK_NUMBER) &&
        (doc.isPunct(i + 1, P_COLON) || (doc.isPunct(i + 1, P_EQ) && !doc.isPunct(i + 2, P_EQ)))
      ) {
        out.push({ keyTok: i, valueTok: i + 2, ownerTok: -1, ownerHash: 0 });
        i = this.skipExpression(i + 2);
        continue;
      }
      const m = doc.t.match[i];
      i = m > i ? m + 1 : i + 1;
    }
    return out;
  }

  /**
   * The first token of each element of an object leaf's list (call or constructor arguments, array
   * elements), or undefined when it has none (an object literal).
   */
  items(leaf: Leaf): number[] | undefined {
    return leaf.kind === 'obj' && leaf.list !== undefined ? this.listItems(leaf.list) : undefined;
  }

  /** Items of the list opened at `open`, split once (most lists are never asked for their items). */
  private listItems(open: number): number[] {
    const cache = (this.itemsCache ??= new Map());
    let items = cache.get(open);
    if (items === undefined) {
      items = this.itemsIn(open, closeOf(this.doc, open));
      cache.set(open, items);
    }
    return items;
  }

  /** Items of a bracketed list: first token of each comma-separated element. */
  private itemsIn(open: number, close: number): number[] {
    const doc = this.doc;
    const out: number[] = [];
    let i = open + 1;
    let start = i;
    while (i < close && out.length < 24) {
      if (doc.isPunct(i, P_COMMA)) {
        if (i > start) out.push(this.skipLabel(start));
        start = i + 1;
        i++;
        continue;
      }
      const m = doc.t.match[i];
      i = m > i ? m + 1 : i + 1;
    }
    if (close > start && start < doc.n) out.push(this.skipLabel(start));
    return out;
  }

  private skipLabel(tok: number): number {
    const doc = this.doc;
    if (doc.isIdent(tok) && doc.isPunct(tok + 1, P_COLON) && !doc.isPunct(tok + 2, P_COLON)) return tok + 2;
    return tok;
  }

  /** Leaves of an identifier chain (`lastName`: the name of its last identifier). */
  private resolveChain(chain: number[], lastName: string): Leaf[] {
    const doc = this.doc;
    const first = chain[0];
    const last = chain[chain.length - 1];
    if (chain.length === 1) {
      const defs = this.definitionsOf(first);
      if (defs.length > 0) return this.withOwner(defs, lastName);
      const external = this.external(chain);
      if (external) return external;
      return [{ kind: 'enum', name: lastName, from: first, to: last, bare: true }];
    }
    const head = doc.name(first);
    if (chain.length === 2 && SELF_NAMES.has(head)) {
      // this.scene: a field assigned elsewhere in the file (`this.scene = ...`, a class field).
      const values: Leaf[] = [];
      for (const d of this.defsByName(lastName)) pushAll(values, this.expr(d).leaves);
      if (values.length < MAX_LEAVES) {
        for (const b of this.selfBindings(lastName, last + 2)) {
          if (values.length >= MAX_LEAVES) break;
          pushAll(values, this.expr(b.valueTok).leaves);
        }
      }
      if (values.length > 0) return this.withOwner(dedupe(values), lastName);
      return [{ kind: 'enum', name: lastName, from: first, to: last, bare: true }];
    }
    // config.scene where `config` is an object defined in this file.
    if (chain.length === 2 && /^[a-z_]/.test(head)) {
      const defs = this.definitionsOf(first);
      if (defs.length > 0) {
        const fromObject = this.prop(defs, lastName);
        if (fromObject.length > 0) return fromObject;
      }
      // Only the (owner, key) bucket: a variable with many other fields (or many assignments of this
      // one) must not cost a scan of all its bindings per read. Leaves are capped at MAX_LEAVES, so
      // stopping once they are full gives the same result as reading every binding.
      const headHash = hashName(head);
      const owned = doc.bindingsByOwnerKey.get(ownerKeyHash(headHash, hashName(lastName)));
      if (owned) {
        const values: Leaf[] = [];
        let tried = 0;
        for (const b of owned) {
          if (values.length >= MAX_LEAVES || tried >= MAX_TRIED) break;
          if (b.ownerHash !== headHash || !doc.bindingKeyIs(b, lastName)) continue;
          tried++;
          pushAll(values, this.expr(b.valueTok).leaves);
        }
        if (values.length > 0) return dedupe(values);
      }
      // `data.appScene` where `appScene` is a field initialized in a class of this file.
      const fieldDefs = this.defsByName(lastName).filter((v) => v !== last + 2);
      if (fieldDefs.length > 0 && !/^[A-Z][A-Z0-9_]*$/.test(lastName)) {
        const values: Leaf[] = [];
        for (const v of fieldDefs) pushAll(values, this.expr(v).leaves);
        if (values.length > 0) return dedupe(values);
      }
    }
    const external = this.external(chain);
    if (external) return external;
    return [{ kind: 'enum', name: lastName, from: first, to: last, bare: false }];
  }

  /**
   * Values of a name with no definition in this file, from other files (`doc.lookup`, set by
   * detectRooms); also records it as unresolved when nothing answers. See `lookupNames` for which
   * names are asked, and how.
   */
  private external(chain: number[]): Leaf[] | undefined {
    const lookup = this.doc.lookup;
    if (!lookup) return undefined;
    const names = this.lookupNames(chain, lookup.asks);
    if (!names) return undefined;
    const values = lookup.resolve(names.written, names.asked);
    if (!values) return undefined;
    const from = chain[0];
    const to = chain[chain.length - 1];
    return values.map((v) => externalLeaf(v, from, to));
  }

  /**
   * Which names to ask for a chain without a definition here, most specific first; undefined when
   * the chain is not a plausible constant of another file:
   * - SDK names (`TRTCCloudDef.…`, `TRTC.TYPE.…`, `TUICallType.…`, `V2TXLive…`) are values by their name: never asked;
   * - a single identifier only when the file imports it by name, when it is constant-cased
   *   (`ROOM_SCENE`, `kRoomScene`), or in Go when it is exported (`RoomScene`, same package);
   *   parameters and locals (`scene`) are not asked: another file's `scene` is not theirs;
   * - a dotted chain only when its head is capitalized (a class, object or namespace:
   *   `AppConfig.RESOLUTION`, `Constants.Video.PROFILE`) or imported (a module: `settings.ROOM_SCENE`);
   *   a head with a definition or assigned fields in this file is local, never asked.
   * Order: when the head is imported by a qualified path (`import com.app.Config`), the chain
   * qualified by it and its shorter suffixes (`com.app.Config.SCENE`, `app.Config.SCENE`); then the
   * name as written; then, for a lowercase imported head (a module alias), the rest of the chain
   * (`settings.ROOM_SCENE` → `ROOM_SCENE`). Bare last segments of a dotted chain are never asked.
   */
  private lookupNames(chain: number[], withAsked: boolean): { written: string; asked: string[] } | undefined {
    const doc = this.doc;
    const first = chain[0];
    const head = doc.name(first);
    if (SDK_HEAD.test(head)) return undefined;
    if (doc.bindingsByOwner.has(doc.t.hash[first]) || this.hasDefinition(first)) return undefined;
    const capitalized = /^[A-Z]/.test(head);
    if (chain.length === 1) {
      if (!CONSTANT_CASE.test(head) && !(doc.family === 'go' && capitalized) && doc.importPath(first) === undefined) return undefined;
    } else if (!capitalized && doc.importPath(first) === undefined) return undefined;
    const segments = chain.map((t) => doc.name(t));
    const written = segments.join('.');
    const asked: string[] = [];
    // Without externals nothing is asked: only the name as written is recorded (as unresolved).
    if (!withAsked) return { written, asked };
    const path = doc.importPath(first);
    if (path !== undefined && path.includes('.')) {
      const qualified = [...path.split('.'), ...segments.slice(1)];
      for (let k = 0; qualified.length - k > segments.length; k++) asked.push(qualified.slice(k).join('.'));
    }
    asked.push(written);
    if (chain.length > 1 && !capitalized && path !== undefined) asked.push(segments.slice(1).join('.'));
    return { written, asked };
  }

  /** Whether the identifier at `tok` is assigned anywhere in this file. */
  private hasDefinition(tok: number): boolean {
    const doc = this.doc;
    const list = doc.defs.get(doc.t.hash[tok]);
    if (!list) return false;
    for (const d of list) if (doc.sameName(d.nameTok, tok)) return true;
    return false;
  }

  /**
   * `this.key = v` / `self.key = v` bindings (not the one written at `exclude`), in token order,
   * from the per-(owner, key) buckets of the self names: bounded, whatever else the file assigns to `key`.
   */
  private selfBindings(key: string, exclude: number): Binding[] {
    const doc = this.doc;
    const keyHash = nameHash(key);
    const out: Binding[] = [];
    for (const self of SELF_NAMES) {
      const list = doc.bindingsByOwnerKey.get(ownerKeyHash(SELF_HASHES.get(self)!, keyHash));
      if (!list) continue;
      let taken = 0;
      for (const b of list) {
        if (taken >= MAX_TRIED) break;
        if (b.ownerTok >= 0 && doc.bindingKeyIs(b, key) && doc.isIdentNamed(b.ownerTok, self) && b.valueTok !== exclude) {
          out.push(b);
          taken++;
        }
      }
    }
    return out.length > 1 ? out.sort((a, b) => a.keyTok - b.keyTok) : out;
  }

  /** Adds the variable's name as an owner of object leaves (its later `x.field = v` assignments). */
  private withOwner(leaves: Leaf[], name: string): Leaf[] {
    return leaves.map((leaf) => {
      if (leaf.kind !== 'obj') return leaf;
      if (leaf.scope.owners.includes(name)) return leaf;
      return { ...leaf, scope: { ...leaf.scope, owners: [...leaf.scope.owners, name] } };
    });
  }

  private defsByName(name: string): number[] {
    const doc = this.doc;
    const list = doc.defs.get(hashName(name));
    if (!list) return [];
    const out: number[] = [];
    for (const d of list) {
      if (doc.name(d.nameTok) === name) out.push(d.valueTok);
      if (out.length >= MAX_LEAVES) break;
    }
    return out;
  }

  /** Every value assigned to the identifier at `tok` in this file (several: candidates). */
  private definitionsOf(tok: number): Leaf[] {
    const doc = this.doc;
    const list = doc.defs.get(doc.t.hash[tok]);
    if (!list) return [];
    const values: Leaf[] = [];
    let used = 0;
    for (const d of list) {
      if (!doc.sameName(d.nameTok, tok)) continue;
      if (++used > MAX_LEAVES) break;
      const v = d.valueTok;
      if (v === tok + 2 || v === tok + 1) continue;
      pushAll(values, this.expr(v).leaves);
      if (values.length >= MAX_LEAVES) break;
    }
    return dedupe(values);
  }

  private kotlinIf(i: number): { leaves: Leaf[]; next: number } {
    const doc = this.doc;
    if (!doc.isPunct(i + 1, P_LPAREN)) return { leaves: [], next: i + 1 };
    const condEnd = closeOf(doc, i + 1);
    const a = this.expr(condEnd + 1);
    const j = a.next;
    if (doc.isIdentNamed(j, 'else')) {
      const b = this.expr(j + 1);
      return { leaves: dedupe([...a.leaves, ...b.leaves]), next: b.next };
    }
    return a;
  }

  private kotlinWhen(i: number): { leaves: Leaf[]; next: number } {
    const doc = this.doc;
    let j = i + 1;
    if (doc.isPunct(j, P_LPAREN)) j = closeOf(doc, j) + 1;
    if (!doc.isPunct(j, P_LBRACE)) return { leaves: [], next: j };
    const end = closeOf(doc, j);
    const values: Leaf[] = [];
    for (let k = j + 1; k < end && values.length < MAX_LEAVES;) {
      if (doc.isPunct(k, 45) && doc.isPunct(k + 1, 62)) {
        const r = this.expr(k + 2);
        pushAll(values, r.leaves);
        k = Math.max(r.next, k + 2);
        continue;
      }
      const m = doc.t.match[k];
      k = m > k ? m + 1 : k + 1;
    }
    return { leaves: dedupe(values), next: end + 1 };
  }
}

/** SDK namespaces and enum prefixes: their names are their meaning, they are never another file's constants. */
const SDK_HEAD = /^(?:TRTC|Trtc|trtc|TUI|V2TX|V2TIM|TXLive|TXVod|TXDevice|TXAudio|TXBeauty|TIM[A-Z])/;
/** `ROOM_SCENE`, `HD`, `kRoomScene`: names that are constants by convention. */
const CONSTANT_CASE = /^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*|k[A-Z][A-Za-z0-9_]*)$/;
/** A leaf for a value written in another file, placed at the reference `from`..`to` in this one. */
function externalLeaf(v: ExternalValue, from: number, to: number): Leaf {
  const site = (written: string): ExternalSite => ({ file: v.file, range: v.range, written });
  switch (v.kind) {
    case 'str':
      return { kind: 'str', value: v.value, from, to, ext: site(`'${v.value}'`) };
    case 'num':
      return { kind: 'num', value: v.value, from, to, ext: site(String(v.value)) };
    case 'bool':
      return { kind: 'bool', value: v.value, from, to, ext: site(String(v.value)) };
    case 'enum': {
      // Leaves name enums by their last segment, as for chains written here (`TRTCCloudDef.X` → `X`).
      const name = v.name.slice(Math.max(v.name.lastIndexOf('.'), v.name.lastIndexOf(':')) + 1);
      return { kind: 'enum', name, from, to, bare: false, ext: site(v.name) };
    }
  }
}

function closeOf(doc: SourceIndex, open: number): number {
  const m = doc.t.match[open];
  return m < 0 || m >= doc.n ? doc.n - 1 : m;
}

export function scopeOf(leaf: Leaf): Scope | undefined {
  if (leaf.kind === 'obj') return leaf.scope;
  // A bare variable with no definition here (a parameter): its `x.field = v` assignments may still be.
  if (leaf.kind === 'enum' && leaf.bare) return { from: 1, to: 0, owners: [leaf.name] };
  return undefined;
}

function pushAll(out: Leaf[], more: Leaf[]): void {
  for (const l of more) {
    if (out.length >= MAX_LEAVES) return;
    out.push(l);
  }
}

function leafKey(l: Leaf): string {
  switch (l.kind) {
    case 'enum':
      return `e:${l.name}`;
    case 'str':
      return `s:${l.value}`;
    case 'num':
      return `n:${l.value}`;
    case 'bool':
      return `b:${l.value}`;
    case 'null':
      return 'null';
    case 'obj':
      return `o:${l.from}`;
    case 'unknown':
      return `u:${l.from}`;
  }
}

export function dedupe(leaves: Leaf[]): Leaf[] {
  if (leaves.length < 2) return leaves;
  const seen: string[] = []; // at most MAX_LEAVES: cheaper than a Set
  const out: Leaf[] = [];
  for (const l of leaves) {
    const k = leafKey(l);
    if (seen.includes(k)) continue;
    seen.push(k);
    out.push(l);
  }
  return out;
}

export function parseNumber(text: string): number {
  const s = text.replace(/_/g, '');
  if (/^0[xX]/.test(s)) return parseInt(s.slice(2).replace(/[uUlL]+$/, ''), 16);
  const m = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(s);
  return m ? Number(m[0]) : NaN;
}
