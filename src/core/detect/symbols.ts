// fileSymbols: the constants a file offers other files (top-level, exported, static), each with the
// literal or enum-name value it is written with, so a project model can answer detectRooms'
// `externals` for names a file uses without defining them. Pure, linear, bounded, never throws.
//
// Names are as other files write them: `ROOM_SCENE` (top level), `AppConfig.RESOLUTION` (an object
// literal constant), `Config.SCENE` (a static field, a Kotlin object or companion member, a Swift
// static let), `Constants.Video.PROFILE` (nested), `Scene.Live` (a TypeScript enum member).
// Values are read with the same evaluator as detection, so a constant defined by another constant of
// the same file (`SCENE = BASE_SCENE`) has the value written at BASE_SCENE. A constant whose value is
// computed, or refers to a name this file does not define, is left out: unknown beats wrong.

import type { ExternalValue } from './types';
import { releaseTokens, tokenize } from './lexer';
import { SourceIndex } from './sourceIndex';
import { Evaluator, type Leaf } from './values';
import { familyForLanguage, scriptRanges } from './languages';

export interface FileSymbol {
  name: string;
  value: ExternalValue;
}

const TOK_IDENT = 1;
const TOK_STRING = 3;
const TOK_PUNCT = 4;

const P_LPAREN = 40;
const P_LBRACK = 91;
const P_LBRACE = 123;
const P_RBRACE = 125;
const P_COMMA = 44;
const P_SEMI = 59;
const P_COLON = 58;
const P_EQ = 61;
const P_DOT = 46;
const P_AT = 64;

const MAX_SYMBOLS = 4096;
/** A constant with more candidate values than this is not worth offering. */
const MAX_VALUES = 4;
/** Tokens read from a statement's start looking for its `=`. */
const MAX_STATEMENT = 24;
/** Tokens read after a type keyword looking for its body's `{`. */
const MAX_HEADER = 64;
/** Larger files are generated or minified: they define no constants worth the time. */
const MAX_TEXT = 4 * 1024 * 1024;

/** SDK enum names written bare (ObjC `TRTCAppSceneLIVE`, a Java static import): values by their name. */
const SDK_NAME = /^(?:TRTC|Trtc|TUI|V2TX)/;

type Lang = 'js' | 'java' | 'kotlin' | 'swift' | 'dart' | 'csharp' | 'go' | 'python';

/** What a brace-delimited body holds: statements of a scope, or JS object / TS enum entries. */
type Kind = 'top' | 'type' | 'interface' | 'singleton' | 'literal' | 'tsenum';

interface Container {
  close: number;
  qual: string;
  kind: Kind;
}

function langOf(languageId: string): Lang | undefined {
  switch (languageId) {
    case 'java':
    case 'kotlin':
    case 'swift':
    case 'dart':
    case 'csharp':
    case 'go':
    case 'python':
      return languageId;
    default:
      return familyForLanguage(languageId) === 'js' ? 'js' : undefined;
  }
}

/**
 * Constants `text` defines with a literal or enum-name value, named as other files write them.
 * `file` is copied into each value (the project model's name for this file). At most 4,096.
 * A name may appear more than once when its value is one of several (candidates).
 */
export function fileSymbols(text: string, languageId: string, file = ''): FileSymbol[] {
  try {
    if (typeof text !== 'string' || text.length === 0 || text.length > MAX_TEXT) return [];
    const lang = langOf(languageId);
    const family = familyForLanguage(languageId);
    if (!lang || !family) return [];
    const ranges = languageId === 'vue' || languageId === 'html' ? scriptRanges(text) : undefined;
    if (ranges && ranges.length === 0) return [];
    const tokens = tokenize(text, family, ranges, true);
    try {
      const collector = new Collector(new SourceIndex(tokens, family), lang, file);
      if (lang === 'python') collector.python();
      else collector.braces();
      return collector.out;
    } finally {
      releaseTokens(tokens);
    }
  } catch {
    // Symbols only add facts: on any failure there are none.
    return [];
  }
}

class Collector {
  readonly out: FileSymbol[] = [];
  private readonly names = new Set<string>();
  private readonly ev: Evaluator;
  /** A type or object-literal body found ahead, entered when the scan reaches its `{`. */
  private pendingOpen = -1;
  private pending: Container | undefined;

  constructor(
    private readonly doc: SourceIndex,
    private readonly lang: Lang,
    private readonly file: string,
  ) {
    this.ev = new Evaluator(doc);
  }

  /** Records `name` with the value written at `valueTok`, when it is literal. */
  private emit(name: string, valueTok: number): void {
    if (this.out.length >= MAX_SYMBOLS || this.names.has(name)) return;
    const doc = this.doc;
    if (valueTok >= doc.n) return;
    const leaves = this.ev.evaluate(valueTok);
    if (leaves.length === 0 || leaves.length > MAX_VALUES) return;
    const values: ExternalValue[] = [];
    for (const leaf of leaves) {
      const v = this.valueOf(leaf);
      if (!v) return; // one unknown candidate makes the whole set unknown
      values.push(v);
    }
    this.names.add(name);
    for (const value of values) if (this.out.length < MAX_SYMBOLS) this.out.push({ name, value });
  }

  private valueOf(leaf: Leaf): ExternalValue | undefined {
    const doc = this.doc;
    const range = doc.range(leaf.from, leaf.to);
    const file = this.file;
    switch (leaf.kind) {
      case 'str':
        return { kind: 'str', value: leaf.value, file, range };
      case 'num':
        return Number.isFinite(leaf.value) ? { kind: 'num', value: leaf.value, file, range } : undefined;
      case 'bool':
        return { kind: 'bool', value: leaf.value, file, range };
      case 'enum': {
        // A bare name not defined here refers to another file: not a value this file can vouch for.
        if (leaf.bare && !SDK_NAME.test(leaf.name)) return undefined;
        const written = doc.text.slice(doc.t.start[leaf.from], doc.t.end[leaf.to]).replace(/\s+/g, '');
        if (written.length === 0 || written.length > 200 || !/^[.A-Za-z_$][\w$.:]*$/.test(written)) return undefined;
        return { kind: 'enum', name: written, file, range };
      }
      default:
        return undefined;
    }
  }

  private qualify(qual: string, name: string): string {
    return qual === '' ? name : `${qual}.${name}`;
  }

  // ------------------------------------------------------------------ brace languages

  braces(): void {
    const doc = this.doc;
    const t = doc.t;
    const n = doc.n;
    const stack: Container[] = [];
    let cur: Container = { close: n, qual: '', kind: 'top' };
    let statementStart = true;
    let i = 0;
    while (i < n) {
      const k = t.kind[i];
      if (k === TOK_PUNCT) {
        const p = t.hash[i];
        if (i === cur.close) {
          cur = stack.pop() ?? { close: n, qual: '', kind: 'top' };
          i++;
          statementStart = true;
          continue;
        }
        if (p === P_LBRACE) {
          if (i === this.pendingOpen && this.pending) {
            stack.push(cur);
            cur = this.pending;
            this.pending = undefined;
            this.pendingOpen = -1;
            i++;
          } else i = jump(doc, i); // a function body, a block, a lambda: nothing in it is offered
          statementStart = true;
          continue;
        }
        if (p === P_LPAREN || p === P_LBRACK) {
          i = jump(doc, i);
          statementStart = false;
          continue;
        }
        if (p === P_AT && cur.kind !== 'literal' && cur.kind !== 'tsenum') {
          // An annotation (`@Deprecated`, `@SerializedName("x")`) before a declaration: skip it, keep the statement start.
          const start: boolean = statementStart || doc.newlineBefore(i);
          i++;
          while (doc.isIdent(i) && doc.isPunct(i + 1, P_DOT)) i += 2;
          if (doc.isIdent(i)) i++;
          if (doc.isPunct(i, P_LPAREN) && !doc.newlineBefore(i)) i = jump(doc, i);
          statementStart = start;
          continue;
        }
        statementStart = p === P_SEMI || p === P_RBRACE;
        i++;
        continue;
      }
      if (cur.kind === 'literal' || cur.kind === 'tsenum') {
        const entryStart = i - 1 >= 0 && (doc.isPunct(i - 1, P_COMMA) || doc.isPunct(i - 1, P_LBRACE));
        if (entryStart && (k === TOK_IDENT || k === TOK_STRING)) i = this.entry(cur, i);
        else i++;
        statementStart = false;
        continue;
      }
      if (k === TOK_IDENT && (statementStart || doc.newlineBefore(i))) {
        i = this.statement(cur, i);
        statementStart = false;
        continue;
      }
      statementStart = false;
      i++;
    }
  }

  /** An entry of a JS object literal (`KEY: value`) or a TS enum (`Live = 'live'`, `Live`). Returns the next token. */
  private entry(cur: Container, i: number): number {
    const doc = this.doc;
    const key = doc.keyText(i);
    if (!/^[A-Za-z_$][\w$]*$/.test(key)) return i + 1;
    const name = this.qualify(cur.qual, key);
    if (cur.kind === 'literal') {
      if (!doc.isPunct(i + 1, P_COLON) || doc.isPunct(i + 2, P_COLON)) return i + 1;
      if (doc.isPunct(i + 2, P_LBRACE)) this.expect(i + 2, { close: doc.t.match[i + 2], qual: name, kind: 'literal' });
      else this.emit(name, i + 2);
      return i + 2;
    }
    if (doc.isPunct(i + 1, P_EQ) && !doc.isPunct(i + 2, P_EQ)) {
      this.emit(name, i + 2);
      return i + 2;
    }
    if (doc.isPunct(i + 1, P_COMMA) || doc.isPunct(i + 1, P_RBRACE)) {
      // A member without an initializer: its value is its name (an auto-numbered member is not a TRTC number).
      if (this.out.length < MAX_SYMBOLS && !this.names.has(name)) {
        this.names.add(name);
        this.out.push({ name, value: { kind: 'enum', name, file: this.file, range: doc.range(i, i) } });
      }
    }
    return i + 1;
  }

  /** Enters a body when the scan reaches its `{`. */
  private expect(open: number, container: Container): void {
    if (container.close <= open) return;
    this.pendingOpen = open;
    this.pending = container;
  }

  /** A statement starting at identifier `i` in a scope: a type, a Go const group, or a definition. Returns the next token. */
  private statement(cur: Container, i: number): number {
    const doc = this.doc;
    const lang = this.lang;
    if (lang === 'go' && cur.kind === 'top' && doc.isIdentNamed(i, 'const')) return this.goConst(i);
    // Modifiers and annotations, then a type keyword or a definition's `=`.
    const mods = new Set<string>();
    let j = i;
    for (let steps = 0; j < doc.n && steps < MAX_STATEMENT; steps++) {
      if (j > i && doc.newlineBefore(j) && !doc.isPunct(j - 1, P_DOT) && !doc.isPunct(j - 1, P_COLON)) return j;
      const k = doc.t.kind[j];
      if (k === TOK_IDENT) {
        const w = doc.name(j);
        if (this.isTypeKeyword(w, j)) return this.typeHeader(cur, j, mods);
        mods.add(w);
        j++;
        continue;
      }
      if (k !== TOK_PUNCT) return j;
      const p = doc.t.hash[j];
      if (p === P_AT) {
        // `@Deprecated`, `@SerializedName("x")`: skip the annotation and its arguments.
        j++;
        while (doc.isIdent(j) && doc.isPunct(j + 1, P_DOT)) j += 2;
        if (doc.isIdent(j)) j++;
        if (doc.isPunct(j, P_LPAREN) && !doc.newlineBefore(j)) j = jump(doc, j);
        continue;
      }
      if (p === P_EQ) {
        if (doc.isPunct(j + 1, P_EQ) || doc.isPunct(j + 1, 62) || doc.isPunct(j - 1, 33) || doc.isPunct(j - 1, 60) || doc.isPunct(j - 1, 62)) return j;
        this.definition(cur, i, j, mods);
        return j + 1;
      }
      // Type annotations and generics between the name and `=`: `X: Int`, `Map<String, Int> X`, `string[]`, `Int?`.
      if (p === P_COLON || p === 60 || p === 62 || p === P_COMMA || p === 63 || p === P_DOT || p === 42 || p === 38) {
        j++;
        continue;
      }
      if (p === P_LBRACK && doc.isPunct(j + 1, 93)) {
        j += 2;
        continue;
      }
      return j;
    }
    return j;
  }

  private isTypeKeyword(w: string, j: number): boolean {
    const doc = this.doc;
    switch (w) {
      case 'class':
      case 'enum':
      case 'interface':
      case 'struct':
      case 'record':
      case 'protocol':
        // `Foo.class` (Java), `x.enum` as a member: not declarations.
        return !doc.isPunct(j - 1, P_DOT);
      case 'object':
        return this.lang === 'kotlin' && !doc.isPunct(j - 1, P_DOT);
      case 'namespace':
        return this.lang === 'js' || this.lang === 'csharp';
      case 'extension':
        return this.lang === 'swift' || this.lang === 'dart';
      default:
        return false;
    }
  }

  /** `class X … {`, `object X {`, `companion object {`, `enum class X(…) {`, `namespace A.B {`: enters the body. */
  private typeHeader(cur: Container, kw: number, mods: Set<string>): number {
    const doc = this.doc;
    const lang = this.lang;
    const w = doc.name(kw);
    let j = kw + 1;
    if (w === 'enum' && doc.isIdentNamed(j, 'class')) j++; // Kotlin `enum class`
    let qual = cur.qual;
    const companion = w === 'object' && mods.has('companion');
    if (doc.isIdent(j)) {
      let name = doc.name(j);
      j++;
      // `namespace A.B` (TS, C#).
      while (w === 'namespace' && doc.isPunct(j, P_DOT) && doc.isIdent(j + 1)) {
        name = `${name}.${doc.name(j + 1)}`;
        j += 2;
      }
      // A companion is read through its class: `Config.X`, whatever the companion is called.
      if (!companion && !(w === 'namespace' && lang === 'csharp')) qual = this.qualify(cur.qual, name);
    } else if (!companion) return j; // an anonymous type: nothing another file can name
    let kind: Kind;
    if (w === 'interface') {
      if (lang === 'js') return j; // types only
      kind = lang === 'java' ? 'interface' : 'type';
    } else if (w === 'enum' && lang === 'js') kind = 'tsenum';
    else if (w === 'object') kind = 'singleton';
    else if (w === 'namespace') kind = 'top';
    else kind = 'type';
    if (lang === 'go') return j;
    for (let steps = 0; j < doc.n && steps < MAX_HEADER; steps++) {
      if (doc.isPunct(j, P_LBRACE)) {
        this.expect(j, { close: doc.t.match[j], qual, kind });
        return j;
      }
      if (doc.isPunct(j, P_SEMI) || doc.isPunct(j, P_EQ) || doc.isPunct(j, P_RBRACE)) return j;
      if (doc.isPunct(j, P_LPAREN) || doc.isPunct(j, P_LBRACK)) j = jump(doc, j);
      else j++;
    }
    return j;
  }

  /** A definition `mods… name (: Type)? = value` at `eq`: offered when the language's rules say it is a constant. */
  private definition(cur: Container, start: number, eq: number, mods: Set<string>): void {
    const doc = this.doc;
    // The name: the identifier before `=`, or before the `:` of a type annotation.
    let nameTok = eq - 1;
    for (let j = eq - 1; j >= start; j--) {
      if (doc.isPunct(j, P_COLON) && !doc.isPunct(j - 1, P_COLON) && doc.isIdent(j - 1)) {
        nameTok = j - 1;
        break;
      }
    }
    if (!doc.isIdent(nameTok) || nameTok < start) return;
    const name = doc.name(nameTok);
    mods.delete(name);
    if (!this.isConstant(cur.kind, mods)) return;
    const full = this.qualify(cur.qual, name);
    const value = eq + 1;
    if (this.lang === 'js' && doc.isPunct(value, P_LBRACE)) {
      // `export const AppConfig = { RESOLUTION: '1080p' }`: its entries are `AppConfig.RESOLUTION`.
      this.expect(value, { close: doc.t.match[value], qual: full, kind: 'literal' });
      return;
    }
    this.emit(full, value);
  }

  /** Whether a definition with these modifiers, in a body of this kind, is a constant other files can read. */
  private isConstant(kind: Kind, mods: Set<string>): boolean {
    switch (this.lang) {
      case 'js':
        if (kind === 'top') return mods.has('export') && (mods.has('const') || mods.has('let') || mods.has('var'));
        return kind === 'type' && mods.has('static');
      case 'java':
        if (kind === 'interface') return true;
        return kind === 'type' && mods.has('static') && mods.has('final');
      case 'kotlin':
        return (kind === 'top' || kind === 'singleton') && mods.has('val');
      case 'swift':
        if (kind === 'top') return mods.has('let');
        return kind === 'type' && mods.has('static') && mods.has('let');
      case 'dart':
        if (kind === 'top') return mods.has('const') || mods.has('final');
        return kind === 'type' && mods.has('static') && (mods.has('const') || mods.has('final'));
      case 'csharp':
        return (kind === 'type' || kind === 'top') && (mods.has('const') || (mods.has('static') && mods.has('readonly')));
      default:
        return false;
    }
  }

  /** Go `const X = v`, `const X Type = v`, `const ( A = v … )` at the top level. Returns the next token. */
  private goConst(i: number): number {
    const doc = this.doc;
    if (doc.isPunct(i + 1, P_LPAREN)) {
      const close = jump(doc, i + 1) - 1;
      for (let j = i + 2; j < close; j++) {
        if (!doc.isIdent(j) || !(j === i + 2 || doc.newlineBefore(j) || doc.isPunct(j - 1, P_SEMI))) continue;
        const eq = this.goEquals(j);
        if (eq > 0) this.emit(doc.name(j), eq + 1);
      }
      return close + 1;
    }
    if (!doc.isIdent(i + 1)) return i + 1;
    const eq = this.goEquals(i + 1);
    if (eq > 0) this.emit(doc.name(i + 1), eq + 1);
    return eq > 0 ? eq + 1 : i + 2;
  }

  /** The `=` of a Go constant spec `Name [Type] = value` on the line of `name`, or -1 (iota lines have none). */
  private goEquals(name: number): number {
    const doc = this.doc;
    for (let j = name + 1; j < doc.n && j < name + 6; j++) {
      if (doc.newlineBefore(j)) return -1;
      if (doc.isPunct(j, P_EQ)) return doc.isPunct(j + 1, P_EQ) ? -1 : j;
      if (!doc.isIdent(j) && !doc.isPunct(j, P_DOT) && !doc.isPunct(j, 42)) return -1;
    }
    return -1;
  }

  // ------------------------------------------------------------------ Python

  /** Module constants (`NAME = v` at column 0) and class attributes (`Config.NAME`, at the class body's indentation). */
  python(): void {
    const doc = this.doc;
    const t = doc.t;
    const text = doc.text;
    let className: string | undefined;
    let bodyIndent = -1;
    for (let i = 0; i < doc.n; i++) {
      if (t.kind[i] !== TOK_IDENT || !(i === 0 || doc.newlineBefore(i))) continue;
      let lineStart = t.start[i];
      while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13) lineStart--;
      const column = t.start[i] - lineStart;
      if (column === 0) {
        if (doc.isIdentNamed(i, 'class') && doc.isIdent(i + 1)) {
          className = doc.name(i + 1);
          bodyIndent = -1;
          continue;
        }
        className = undefined;
        const eq = this.pythonEquals(i);
        if (eq > 0) this.emit(doc.name(i), eq + 1);
        continue;
      }
      if (className === undefined) continue;
      if (bodyIndent < 0) bodyIndent = column;
      if (column !== bodyIndent) continue;
      const eq = this.pythonEquals(i);
      if (eq > 0) this.emit(`${className}.${doc.name(i)}`, eq + 1);
    }
  }

  /** `NAME = v` or `NAME: Type = v` starting at `name`: the `=` token, or -1. */
  private pythonEquals(name: number): number {
    const doc = this.doc;
    if (doc.isPunct(name + 1, P_EQ)) return doc.isPunct(name + 2, P_EQ) ? -1 : name + 1;
    if (!doc.isPunct(name + 1, P_COLON)) return -1;
    for (let j = name + 2; j < doc.n && j < name + 10; j++) {
      if (doc.newlineBefore(j)) return -1;
      if (doc.isPunct(j, P_EQ)) return doc.isPunct(j + 1, P_EQ) ? -1 : j;
      if (doc.isPunct(j, P_LPAREN)) return -1;
    }
    return -1;
  }
}

/** Token after the bracket group opening at `open` (its match), or the next token. */
function jump(doc: SourceIndex, open: number): number {
  const m = doc.t.match[open];
  return m > open ? Math.min(m + 1, doc.n) : open + 1;
}
