// A tolerant, single-pass tokenizer shared by every language family detection understands.
// It is not a parser: it only has to know what is code, what is a string and what is a comment,
// so that comments never produce facts and strings are only read where an SDK takes strings.
// Tokens live in parallel typed arrays (no object per token) so a 20 MB corpus tokenizes at a
// small multiple of a bare character loop. Every loop advances the cursor: the lexer is linear and
// cannot throw on any input (unterminated strings and comments end at the end of the text).

export const TOK_IDENT = 1;
export const TOK_NUMBER = 2;
export const TOK_STRING = 3;
export const TOK_PUNCT = 4;

/** Token flag: a line break precedes this token (statement boundary in newline-terminated languages). */
export const FLAG_NEWLINE_BEFORE = 1;
/** Token flag: a string token whose quotes are three characters long ("""...""" / '''...'''). */
export const FLAG_TRIPLE_QUOTE = 2;
/** Token flag: a template string with substitutions (its text is not a constant). */
export const FLAG_TEMPLATE_WITH_SUBSTITUTION = 4;

export type LanguageFamily = 'js' | 'c' | 'python' | 'json' | 'go' | 'swift' | 'kotlin' | 'dart' | 'csharp';

export interface Tokens {
  readonly text: string;
  count: number;
  kind: Uint8Array;
  flags: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  /** Identifiers: a 32-bit hash of the name. Punctuation: its character code. Others: 0. */
  hash: Int32Array;
  /** Brackets: index of the matching bracket token (unclosed openers match `count`); others -1. */
  match: Int32Array;
}

// Character classes for the hot loop.
const C_OTHER = 0;
const C_SPACE = 1;
const C_NEWLINE = 2;
const C_IDENT_START = 3;
const C_DIGIT = 4;
const C_QUOTE = 5;
const C_SLASH = 6;
const C_HASH = 7;
const C_BACKTICK = 8;
const C_PUNCT = 9;

// Tables cover every UTF-16 code unit, so the hot loops index them without a range check.
const charClass = new Uint8Array(65536);
/** The characters beyond ASCII read as spaces (every other one is part of an identifier). */
const NON_ASCII_SPACES = [0xfeff, 0x2028, 0x2029, 0xa0];
(function initCharClasses() {
  for (let c = 0; c < 128; c++) charClass[c] = C_PUNCT;
  for (let c = 0; c < 32; c++) charClass[c] = C_SPACE;
  charClass[127] = C_SPACE;
  charClass[32] = C_SPACE;
  charClass[10] = C_NEWLINE;
  charClass[13] = C_NEWLINE;
  for (let c = 65; c <= 90; c++) charClass[c] = C_IDENT_START;
  for (let c = 97; c <= 122; c++) charClass[c] = C_IDENT_START;
  charClass[95] = C_IDENT_START; // _
  charClass[36] = C_IDENT_START; // $
  for (let c = 48; c <= 57; c++) charClass[c] = C_DIGIT;
  charClass[34] = C_QUOTE; // "
  charClass[39] = C_QUOTE; // '
  charClass[47] = C_SLASH;
  charClass[35] = C_HASH;
  charClass[96] = C_BACKTICK;
  charClass[0] = C_OTHER;
  // Beyond ASCII every character is part of an identifier, except the spaces and separators below. (fill, not a
  // loop: the tables are built when the extension loads, before any code is optimised.)
  charClass.fill(C_IDENT_START, 128);
  for (const c of NON_ASCII_SPACES) charClass[c] = C_SPACE;
})();

/** 1 for characters that continue an identifier (letters, digits, _, $ and non-ASCII but the spaces above). */
const identPart = new Uint8Array(65536);
identPart.fill(1, 128);
for (const c of NON_ASCII_SPACES) identPart[c] = 0;
for (let c = 0; c < 128; c++) identPart[c] = charClass[c] === C_IDENT_START || charClass[c] === C_DIGIT ? 1 : 0;

/** 1 for the characters a single-line string's scan must stop at: backslash, line breaks, quotes. */
const stringStop = new Uint8Array(65536);
for (const c of [92, 10, 13, 34, 39, 96]) stringStop[c] = 1;

function isIdentPart(c: number): boolean {
  return identPart[c] === 1;
}

/** Hash of an identifier name, the same function the tokenizer applies. */
export function hashName(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 31) + name.charCodeAt(i)) | 0;
  return h;
}

class TokenBuffer implements Tokens {
  count = 0;
  kind: Uint8Array;
  flags: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  hash: Int32Array;
  match: Int32Array;
  text: string;
  constructor(text: string, capacity: number) {
    this.text = text;
    this.kind = new Uint8Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.hash = new Int32Array(capacity);
    this.match = new Int32Array(capacity);
  }
  grow(): void {
    const capacity = this.kind.length * 2;
    const kind = new Uint8Array(capacity);
    kind.set(this.kind);
    this.kind = kind;
    const flags = new Uint8Array(capacity);
    flags.set(this.flags);
    this.flags = flags;
    const start = new Int32Array(capacity);
    start.set(this.start);
    this.start = start;
    const end = new Int32Array(capacity);
    end.set(this.end);
    this.end = end;
    const hash = new Int32Array(capacity);
    hash.set(this.hash);
    this.hash = hash;
    const match = new Int32Array(capacity);
    match.set(this.match);
    this.match = match;
  }
}

interface FamilyOptions {
  slashComments: boolean;
  hashComments: boolean;
  tripleQuotes: boolean;
  /** JS template literals with ${} substitutions. */
  templates: boolean;
  /** Go raw strings in backticks. */
  rawBackticks: boolean;
  /** JS regular expression literals (so /'/ does not open a string). */
  regexLiterals: boolean;
}

const FAMILY_OPTIONS: Record<LanguageFamily, FamilyOptions> = {
  js: { slashComments: true, hashComments: false, tripleQuotes: false, templates: true, rawBackticks: false, regexLiterals: true },
  c: { slashComments: true, hashComments: false, tripleQuotes: false, templates: false, rawBackticks: false, regexLiterals: false },
  csharp: { slashComments: true, hashComments: false, tripleQuotes: false, templates: false, rawBackticks: false, regexLiterals: false },
  swift: { slashComments: true, hashComments: false, tripleQuotes: true, templates: false, rawBackticks: false, regexLiterals: false },
  kotlin: { slashComments: true, hashComments: false, tripleQuotes: true, templates: false, rawBackticks: false, regexLiterals: false },
  dart: { slashComments: true, hashComments: false, tripleQuotes: true, templates: false, rawBackticks: false, regexLiterals: false },
  go: { slashComments: true, hashComments: false, tripleQuotes: false, templates: false, rawBackticks: true, regexLiterals: false },
  python: { slashComments: false, hashComments: true, tripleQuotes: true, templates: false, rawBackticks: false, regexLiterals: false },
  json: { slashComments: true, hashComments: false, tripleQuotes: false, templates: false, rawBackticks: false, regexLiterals: false },
};

/**
 * A token buffer reused across calls when the caller promises not to keep the tokens (detection
 * runs synchronously and drops them): allocating typed arrays per small file costs more than lexing it.
 * Buffers grown past SCRATCH_KEEP_LIMIT tokens (18 bytes each: at most 9 MB kept; files up to about 2 MB fit)
 * are not kept, so one huge file does not pin memory; a large file edited keystroke by keystroke reuses its buffer.
 */
let scratch: TokenBuffer | undefined;
const SCRATCH_KEEP_LIMIT = 1 << 19;

/**
 * Tokenizes `text` (or the given [from, to) ranges of it, e.g. a Vue file's script blocks).
 * With `reuse`, the returned tokens live in a shared buffer valid until the next reusing call.
 */
export function tokenize(text: string, family: LanguageFamily, ranges?: ReadonlyArray<readonly [number, number]>, reuse = false): Tokens {
  let out: TokenBuffer;
  if (reuse && scratch) {
    out = scratch;
    scratch = undefined;
    out.text = text;
    out.count = 0;
  } else {
    out = new TokenBuffer(text, Math.max(256, Math.min(text.length >> 2, 1 << 22)));
  }
  const lexer = new Lexer(text, FAMILY_OPTIONS[family], out);
  if (ranges) {
    for (const [from, to] of ranges) lexer.scan(Math.max(0, from), Math.min(text.length, to));
  } else {
    lexer.scan(0, text.length);
  }
  const openStack = lexer.openStack;
  for (let k = 0; k < openStack.length; k++) out.match[openStack[k]] = out.count;
  return out;
}

/** Gives a reused buffer back (see `tokenize`'s `reuse`). */
export function releaseTokens(tokens: Tokens): void {
  if (tokens instanceof TokenBuffer && tokens.kind.length <= SCRATCH_KEEP_LIMIT) {
    tokens.text = '';
    scratch = tokens;
  }
}

class Lexer {
  i = 0;
  to = 0;
  newline = 1;
  braceDepth = 0;
  regexFailedUntil = 0;
  /** Bracket matching stack (token indices), shared across ranges. */
  readonly openStack: number[] = [];
  /** For each open `${`: the brace depth at which it closes, and the bracket stack height then. */
  readonly templateDepths: number[] = [];
  readonly templateStackHeights: number[] = [];

  constructor(
    readonly text: string,
    readonly opts: FamilyOptions,
    readonly out: TokenBuffer,
  ) {}

  // Where the next ', ", backslash, line feed and carriage return stand at or after the position last
  // asked for (text.length when there is none). Positions only move forward, so each search starts
  // past the previous hit: over a whole text, one pass per character, whatever the strings.
  private nextSingle = -1;
  private nextDouble = -1;
  private nextBackslash = -1;
  private nextLf = -1;
  private nextCr = -1;

  private find(code: string, from: number): number {
    const k = this.text.indexOf(code, from);
    return k < 0 ? this.text.length : k;
  }

  /** The next `quote` (' or ") at or after `from`. */
  private nextQuote(quote: number, from: number): number {
    if (quote === 39) {
      if (this.nextSingle < from) this.nextSingle = this.find("'", from);
      return this.nextSingle;
    }
    if (this.nextDouble < from) this.nextDouble = this.find('"', from);
    return this.nextDouble;
  }

  /** The next backslash or line break at or after `from`. */
  private nextStop(from: number): number {
    if (this.nextBackslash < from) this.nextBackslash = this.find('\\', from);
    if (this.nextLf < from) this.nextLf = this.find('\n', from);
    if (this.nextCr < from) this.nextCr = this.find('\r', from);
    return Math.min(this.nextBackslash, this.nextLf, this.nextCr);
  }

  /** Appends a token; `flags` includes FLAG_NEWLINE_BEFORE when a line break precedes it. */
  push(kind: number, start: number, end: number, hash: number, flags: number): number {
    const out = this.out;
    if (out.count === out.kind.length) out.grow();
    const t = out.count++;
    out.kind[t] = kind;
    out.flags[t] = flags;
    out.start[t] = start;
    out.end[t] = end;
    out.hash[t] = hash;
    out.match[t] = -1;
    return t;
  }

  /** Scans a template literal body from `bodyStart` (after ` or after the } closing a substitution). */
  scanTemplate(bodyStart: number, tokenStart: number, continuation: boolean): void {
    const text = this.text;
    const to = this.to;
    let j = bodyStart;
    while (j < to) {
      const c = text.charCodeAt(j);
      if (c === 92 /* \ */) {
        j += 2;
        continue;
      }
      if (c === 96 /* ` */) {
        this.push(TOK_STRING, tokenStart, j + 1, 0, this.newline | (continuation ? FLAG_TEMPLATE_WITH_SUBSTITUTION : 0));
        this.newline = 0;
        this.i = j + 1;
        return;
      }
      if (c === 36 /* $ */ && text.charCodeAt(j + 1) === 123 /* { */) {
        this.push(TOK_STRING, tokenStart, j, 0, this.newline | FLAG_TEMPLATE_WITH_SUBSTITUTION);
        this.newline = 0;
        this.braceDepth++;
        this.templateDepths.push(this.braceDepth);
        this.templateStackHeights.push(this.openStack.length);
        this.i = j + 2;
        return;
      }
      j++;
    }
    this.push(TOK_STRING, tokenStart, to, 0, this.newline | FLAG_TEMPLATE_WITH_SUBSTITUTION);
    this.newline = 0;
    this.i = to;
  }

  scan(from: number, to: number): void {
    const text = this.text;
    const opts = this.opts;
    const out = this.out;
    const openStack = this.openStack;
    const cls = charClass;
    const ident = identPart;
    const stop = stringStop;
    // The token arrays, held in locals for the identifier fast path (reloaded when they grow).
    let kinds = out.kind;
    let flags = out.flags;
    let starts = out.start;
    let ends = out.end;
    let hashes = out.hash;
    let matches = out.match;
    this.to = to;
    const toEnd = to === text.length;
    let i = from;
    // `this.newline` in a local while the loop runs; stored back around calls that push tokens.
    let newline = FLAG_NEWLINE_BEFORE;
    while (i < to) {
      let c = text.charCodeAt(i);
      if (c === 32 || c === 9) {
        // Indentation and spacing: the most common characters in code.
        do c = text.charCodeAt(++i);
        while ((c === 32 || c === 9) && i < to);
        if (i >= to) break;
      }
      const k = cls[c];
      if (k === C_IDENT_START) {
        const start = i;
        let h = c;
        i++;
        if (toEnd) {
          // Scanning to the end of the text: past it charCodeAt gives NaN, which is no identifier
          // character, so the loop needs no bound check of its own.
          for (;;) {
            const d = text.charCodeAt(i);
            if (ident[d] !== 1) break;
            h = (Math.imul(h, 31) + d) | 0;
            i++;
          }
        } else {
          while (i < to) {
            const d = text.charCodeAt(i);
            if (ident[d] === 0) break;
            h = (Math.imul(h, 31) + d) | 0;
            i++;
          }
        }
        // Inline push (the hottest token kind).
        const t = out.count;
        if (t === kinds.length || kinds !== out.kind) {
          // Full, or grown by a push elsewhere in this loop: (grow and) reload the arrays.
          if (t === out.kind.length) out.grow();
          kinds = out.kind;
          flags = out.flags;
          starts = out.start;
          ends = out.end;
          hashes = out.hash;
          matches = out.match;
        }
        out.count = t + 1;
        kinds[t] = TOK_IDENT;
        flags[t] = newline;
        starts[t] = start;
        ends[t] = i;
        hashes[t] = h;
        matches[t] = -1;
        newline = 0;
        continue;
      }
      if (k === C_SPACE) {
        i++;
        continue;
      }
      switch (k) {
        case C_NEWLINE:
          newline = FLAG_NEWLINE_BEFORE;
          i++;
          continue;
        case C_DIGIT: {
          const start = i;
          i++;
          while (i < to) {
            const d = text.charCodeAt(i);
            if (d < 128 && (cls[d] === C_IDENT_START || cls[d] === C_DIGIT || d === 46) /* . */) {
              // A dot followed by a non-digit ends the number (`1.toString`, `..` ranges).
              if (d === 46) {
                const e = text.charCodeAt(i + 1);
                if (!(e >= 48 && e <= 57)) break;
              }
              i++;
            } else if ((d === 43 || d === 45) && (text.charCodeAt(i - 1) | 32) === 101 /* e/E */ && text.charCodeAt(start + 1) !== 120) {
              i++; // exponent sign
            } else break;
          }
          this.push(TOK_NUMBER, start, i, 0, newline);
          newline = 0;
          continue;
        }
        case C_QUOTE: {
          const start = i;
          if (opts.tripleQuotes && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) {
            // """ ... """: may span lines; ends at the first unescaped triple quote.
            let j = i + 3;
            let closed = false;
            while (j < to) {
              const d = text.charCodeAt(j);
              if (d === 92) {
                j += 2;
                continue;
              }
              if (d === c && text.charCodeAt(j + 1) === c && text.charCodeAt(j + 2) === c) {
                j += 3;
                closed = true;
                break;
              }
              j++;
            }
            if (!closed || j > to) j = to;
            this.push(TOK_STRING, start, j, 0, newline | FLAG_TRIPLE_QUOTE);
            newline = 0;
            i = j;
            continue;
          }
          // Single-line string: an unescaped line break ends an unterminated one, limiting the damage.
          // Most strings hold no backslash: the closing quote is then the first of the characters that
          // stop the scan, found by indexOf rather than character by character.
          let j = i + 1;
          const q = this.nextQuote(c, j);
          if (q < to && q < this.nextStop(j)) {
            this.push(TOK_STRING, start, q + 1, 0, newline);
            newline = 0;
            i = q + 1;
            continue;
          }
          while (j < to) {
            const d = text.charCodeAt(j);
            if (stop[d] === 0) {
              j++;
              continue;
            }
            if (d === 92) {
              j += 2;
              continue;
            }
            if (d === c) {
              j++;
              break;
            }
            if (d === 10 || d === 13) break;
            j++;
          }
          if (j > to) j = to;
          this.push(TOK_STRING, start, j, 0, newline);
          newline = 0;
          i = j;
          continue;
        }
        case C_SLASH: {
          const next = text.charCodeAt(i + 1);
          if (opts.slashComments && next === 47) {
            let j = text.indexOf('\n', i + 2);
            if (j < 0 || j > to) j = to;
            i = j;
            continue;
          }
          if (opts.slashComments && next === 42) {
            let j = text.indexOf('*/', i + 2);
            j = j < 0 || j + 2 > to ? to : j + 2;
            // A block comment spanning lines still separates statements (scan only the comment itself).
            for (let m = i + 2; m < j; m++) {
              if (text.charCodeAt(m) === 10) {
                newline = FLAG_NEWLINE_BEFORE;
                break;
              }
            }
            i = j;
            continue;
          }
          if (opts.regexLiterals && i >= this.regexFailedUntil && regexAllowed(out)) {
            const j = skipRegex(text, i, to);
            if (j > 0) {
              this.push(TOK_STRING, i, j, 0, newline | FLAG_TEMPLATE_WITH_SUBSTITUTION);
              newline = 0;
              i = j;
              continue;
            }
            // No regex ends on this stretch: do not rescan it from every later slash (keeps it linear).
            this.regexFailedUntil = -j;
          }
          this.push(TOK_PUNCT, i, i + 1, c, newline);
          newline = 0;
          i++;
          continue;
        }
        case C_HASH: {
          if (opts.hashComments) {
            let j = text.indexOf('\n', i + 1);
            if (j < 0 || j > to) j = to;
            i = j;
            continue;
          }
          this.push(TOK_PUNCT, i, i + 1, c, newline);
          newline = 0;
          i++;
          continue;
        }
        case C_BACKTICK: {
          if (opts.templates) {
            this.newline = newline;
            this.scanTemplate(i + 1, i, false);
            newline = this.newline;
            i = this.i;
            continue;
          }
          if (opts.rawBackticks) {
            let j = text.indexOf('`', i + 1);
            j = j < 0 || j + 1 > to ? to : j + 1;
            this.push(TOK_STRING, i, j, 0, newline);
            newline = 0;
            i = j;
            continue;
          }
          i++;
          continue;
        }
        case C_PUNCT: {
          // Inline push (punctuation is the second most common token).
          const t = out.count;
          if (t === kinds.length || kinds !== out.kind) {
            if (t === out.kind.length) out.grow();
            kinds = out.kind;
            flags = out.flags;
            starts = out.start;
            ends = out.end;
            hashes = out.hash;
            matches = out.match;
          }
          out.count = t + 1;
          kinds[t] = TOK_PUNCT;
          flags[t] = newline;
          starts[t] = i;
          ends[t] = i + 1;
          hashes[t] = c;
          matches[t] = -1;
          newline = 0;
          if (c === 123 /* { */) {
            this.braceDepth++;
            openStack.push(t);
          } else if (c === 40 /* ( */ || c === 91 /* [ */) {
            openStack.push(t);
          } else if (c === 125 /* } */ || c === 41 /* ) */ || c === 93 /* ] */) {
            if (c === 125) {
              const depths = this.templateDepths;
              if (depths.length > 0 && depths[depths.length - 1] === this.braceDepth) {
                // End of a ${...} substitution: close brackets opened inside it, resume the template.
                depths.pop();
                const height = this.templateStackHeights.pop() ?? 0;
                this.braceDepth--;
                out.count--; // the } belongs to the template, not to code
                while (openStack.length > height) out.match[openStack.pop()!] = out.count;
                this.newline = newline;
                this.scanTemplate(i + 1, i, true);
                newline = this.newline;
                i = this.i;
                continue;
              }
              if (this.braceDepth > 0) this.braceDepth--;
            }
            const opener = c === 125 ? 123 : c === 41 ? 40 : 91;
            closeBrackets(out, openStack, opener, t);
          }
          i++;
          continue;
        }
        default:
          // NUL and other control characters (binary content): skip.
          i++;
          continue;
      }
    }
  }
}

/** Pops the stack to the nearest opener of the right type; unmatched closers are ignored. */
function closeBrackets(out: TokenBuffer, openStack: number[], opener: number, closer: number): void {
  // Look a bounded distance down the stack for the matching opener so an unmatched closer cannot
  // unwind the whole stack (which would still be linear, but destroys structure).
  const limit = Math.max(0, openStack.length - 8);
  for (let k = openStack.length - 1; k >= limit; k--) {
    const t = openStack[k];
    if (out.hash[t] === opener) {
      // Openers left unclosed inside end here.
      while (openStack.length > k + 1) out.match[openStack.pop()!] = closer;
      openStack.pop();
      out.match[t] = closer;
      out.match[closer] = t;
      return;
    }
  }
}

/** Whether a `/` at this point starts a regular expression (JS): after an operator or keyword. */
function regexAllowed(out: TokenBuffer): boolean {
  const n = out.count;
  if (n === 0) return true;
  const k = out.kind[n - 1];
  if (k === TOK_NUMBER || k === TOK_STRING) return false;
  if (k === TOK_IDENT) {
    const s = out.text.slice(out.start[n - 1], out.end[n - 1]);
    return s === 'return' || s === 'typeof' || s === 'case' || s === 'in' || s === 'of' || s === 'void' || s === 'yield' || s === 'await';
  }
  const p = out.hash[n - 1];
  return p !== 41 /* ) */ && p !== 93 /* ] */ && p !== 125; /* } */
}

/** End of a regex literal starting at `i`, or minus the position where the search gave up. */
function skipRegex(text: string, i: number, to: number): number {
  let j = i + 1;
  let inClass = false;
  const limit = Math.min(to, i + 1000);
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) return -j;
    if (c === 92) {
      j += 2;
      continue;
    }
    if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) {
      j++;
      while (j < to && isIdentPart(text.charCodeAt(j))) j++;
      return j;
    }
    j++;
  }
  return -j;
}
