// JSON reading and editing on top of jsonc-parser (the parser VS Code uses for its own settings files).
// Reading keeps where each value starts, so validation messages can name both the JSON path and the line/column;
// editing changes only the values that differ, so a user's comments, key order and layout survive a save.

import { applyEdits, findNodeAtLocation, modify, parseTree, visit, type Edit, type FormattingOptions, type JSONPath, type Node } from 'jsonc-parser';

export interface JsonPosition {
  line: number; // 1-based
  column: number; // 1-based
}

export interface JsonParseOk {
  ok: true;
  value: unknown;
  /** JSON path ("$.rooms[0].name") → position of the value. */
  positions: Map<string, JsonPosition>;
}

export interface JsonParseError {
  ok: false;
  message: { en: string; zh: string };
  position: JsonPosition;
}

export interface JsonOptions {
  /**
   * JSON with comments (`//`, `/* *\/`) and trailing commas, as in VS Code's settings files. Off: strict JSON,
   * where a comment is an error that says which files allow them.
   */
  jsonc?: boolean;
}

/**
 * Containers nested deeper than this are refused. jsonc-parser descends recursively, so the visitor stops the parse
 * at this depth: a hostile `[[[[…` cannot overflow the stack.
 */
const MAX_DEPTH = 64;

/**
 * UTF-16 read as UTF-8 starts with two replacement characters (the FF FE / FE FF mark) and has a NUL
 * beside every ASCII character; read as Latin-1 it starts with ÿþ / þÿ. JSON never contains a raw NUL.
 */
function looksLikeUtf16(text: string): boolean {
  const head = text.slice(0, 2);
  if (head === '\ufffd\ufffd' || head === '\u00ff\u00fe' || head === '\u00fe\u00ff' || head === '\ufffe') return true;
  return text.slice(0, 256).includes('\u0000');
}

/** What jsonc-parser's error codes (ParseErrorCode, a const enum) mean, in the user's words; `found` names the token. */
const PARSE_ERRORS: Record<number, (found: string) => { en: string; zh: string }> = {
  1: (f) => ({ en: `unexpected ${f}: expected a value`, zh: `意外的 ${f}：此处应为一个值` }), // InvalidSymbol
  2: (f) => ({ en: `${f} is not a valid number`, zh: `${f} 不是有效的数字` }), // InvalidNumberFormat
  3: (f) => ({ en: `expected a property name in double quotes, found ${f}`, zh: `此处应为双引号括起的属性名，实际为 ${f}` }), // PropertyNameExpected
  4: (f) => ({ en: `expected a value, found ${f}`, zh: `此处应为一个值，实际为 ${f}` }), // ValueExpected
  5: (f) => ({ en: `expected ":" after property name, found ${f}`, zh: `属性名后应为 ":"，实际为 ${f}` }), // ColonExpected
  6: (f) => ({ en: `expected "," found ${f}`, zh: `此处应为 ","，实际为 ${f}` }), // CommaExpected
  7: (f) => ({ en: `expected "," or "}" in object, found ${f}`, zh: `对象中应为 "," 或 "}"，实际为 ${f}` }), // CloseBraceExpected
  8: (f) => ({ en: `expected "," or "]" in array, found ${f}`, zh: `数组中应为 "," 或 "]"，实际为 ${f}` }), // CloseBracketExpected
  9: (f) => ({ en: `unexpected ${f} after the end of the document`, zh: `文档结束后出现意外的 ${f}` }), // EndOfFileExpected
  10: () => ({
    en: 'comments are not allowed here: this file is plain JSON (the project file .vscode/trtc-cost.json may have comments)',
    zh: '此处不能写注释：该文件是纯 JSON（项目文件 .vscode/trtc-cost.json 中可以写注释）',
  }), // InvalidCommentToken
  11: () => ({ en: 'unterminated comment (missing */)', zh: '注释没有结束（缺少 */）' }), // UnexpectedEndOfComment
  12: () => ({ en: 'unterminated string', zh: '字符串没有结束引号' }), // UnexpectedEndOfString
  13: (f) => ({ en: `${f} is not a complete number`, zh: `${f} 不是完整的数字` }), // UnexpectedEndOfNumber
  14: () => ({ en: 'invalid \\u escape in string', zh: '字符串中的 \\u 转义无效' }), // InvalidUnicode
  15: () => ({ en: 'invalid escape in string', zh: '字符串中的转义无效' }), // InvalidEscapeCharacter
  16: () => ({ en: 'control character in string (use \\n)', zh: '字符串中有控制字符（请使用 \\n）' }), // InvalidCharacter
};

class Stop {
  constructor(
    readonly message: { en: string; zh: string },
    readonly position: JsonPosition,
  ) {}
}

/** "$.rooms[0]" + "name" → "$.rooms[0].name"; keys that are not identifiers are quoted: `$["a.js:3"]`. */
function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * Parses JSON (or JSONC with `jsonc: true`) and records the position of every value by JSON path. Duplicate keys
 * are an error (which value would count is not obvious to the reader); keys such as "__proto__" become plain own
 * properties, for the validator to refuse with their location. Never throws.
 */
export function parseJsonWithPositions(text: string, options: JsonOptions = {}): JsonParseOk | JsonParseError {
  if (looksLikeUtf16(text)) {
    return {
      ok: false,
      message: {
        en: 'the file looks like UTF-16 text (it has a UTF-16 byte-order mark or NUL characters); save it as UTF-8',
        zh: '文件似乎是 UTF-16 编码（含 UTF-16 字节顺序标记或 NUL 字符）；请另存为 UTF-8',
      },
      position: { line: 1, column: 1 },
    };
  }
  // A UTF-8 BOM is common in files saved on Windows; jsonc-parser does not skip it. A space keeps offsets and columns.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const positions = new Map<string, JsonPosition>();
  // The containers being filled, innermost last, with the path of each and the key awaiting its value.
  const stack: { container: Record<string, unknown> | unknown[]; path: string; key?: string }[] = [];
  let root: unknown;
  let done = false;
  const describe = (offset: number, length: number) =>
    offset >= source.length ? 'end of file' : JSON.stringify(source.slice(offset, offset + Math.max(1, Math.min(length, 20))));
  const at = (line: number, character: number): JsonPosition => ({ line: line + 1, column: character + 1 });

  /** Where the next value goes: its path, and a setter that places it. */
  const place = (value: unknown, line: number, character: number): string => {
    const top = stack[stack.length - 1];
    let path: string;
    if (!top) {
      path = '$';
      root = value;
      done = true;
    } else if (Array.isArray(top.container)) {
      path = `${top.path}[${top.container.length}]`;
      top.container.push(value);
    } else {
      const key = top.key!;
      path = childPath(top.path, key);
      Object.defineProperty(top.container, key, { value, enumerable: true, writable: true, configurable: true });
      top.key = undefined;
    }
    positions.set(path, at(line, character));
    return path;
  };
  const open = (container: Record<string, unknown> | unknown[], line: number, character: number) => {
    if (stack.length >= MAX_DEPTH) throw new Stop({ en: `nesting deeper than ${MAX_DEPTH} levels`, zh: `嵌套超过 ${MAX_DEPTH} 层` }, at(line, character));
    stack.push({ container, path: place(container, line, character) });
  };

  try {
    visit(
      source,
      {
        onObjectBegin: (_o, _l, line, character) => open({}, line, character),
        onArrayBegin: (_o, _l, line, character) => open([], line, character),
        onObjectEnd: () => void stack.pop(),
        onArrayEnd: () => void stack.pop(),
        onObjectProperty: (key, _o, _l, line, character) => {
          const top = stack[stack.length - 1]!;
          if (Object.prototype.hasOwnProperty.call(top.container, key)) {
            throw new Stop({ en: `duplicate property "${key}"`, zh: `属性 "${key}" 重复` }, at(line, character));
          }
          top.key = key;
        },
        onLiteralValue: (value, _o, _l, line, character) => void place(value, line, character),
        onError: (code, offset, length, line, character) => {
          const message = (PARSE_ERRORS[code] ?? PARSE_ERRORS[1]!)(describe(offset, length));
          throw new Stop(message, at(line, character));
        },
      },
      { disallowComments: !options.jsonc, allowTrailingComma: options.jsonc === true, allowEmptyContent: false },
    );
  } catch (e) {
    if (e instanceof Stop) return { ok: false, message: e.message, position: e.position };
    // Nothing else should reach here; a parser fault must not take the caller down.
    return { ok: false, message: { en: `could not read the JSON (${String(e)})`, zh: `无法读取 JSON（${String(e)}）` }, position: { line: 1, column: 1 } };
  }
  if (!done) return { ok: false, message: PARSE_ERRORS[4]!('end of file'), position: { line: 1, column: 1 } };
  return { ok: true, value: root, positions };
}

/** Indentation and line ending as the file already uses them, for the text an edit inserts. */
export function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : !text.includes('\n') && text.includes('\r') ? '\r' : '\n';
  const lead = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  if (lead.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: lead.length > 0 && lead.length <= 8 ? lead.length : 2, eol };
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/**
 * Indexes of `longer` that, taken out, leave `shorter` (an edit that only removed or only added elements), or
 * undefined when the change is anything else.
 */
function onlyRemoved(longer: unknown[], shorter: unknown[]): number[] | undefined {
  const removed: number[] = [];
  let j = 0;
  for (let i = 0; i < longer.length; i++) {
    if (j < shorter.length && deepEqual(longer[i], shorter[j])) j++;
    else removed.push(i);
  }
  return j === shorter.length ? removed : undefined;
}

type Change = { path: JSONPath; value: unknown; insert?: boolean; after?: string | null };

/** The smallest changes (by path) that turn `from` into `to`, in an order that keeps later paths valid. */
function changes(from: unknown, to: unknown, path: JSONPath, out: Change[]): void {
  if (deepEqual(from, to)) return;
  if (isPlainObject(from) && isPlainObject(to)) {
    for (const key of Object.keys(from)) if (!Object.prototype.hasOwnProperty.call(to, key)) out.push({ path: [...path, key], value: undefined });
    let previous: string | null = null;
    for (const key of Object.keys(to)) {
      if (Object.prototype.hasOwnProperty.call(from, key)) changes(from[key], to[key], [...path, key], out);
      else out.push({ path: [...path, key], value: to[key], after: previous });
      previous = key;
    }
    return;
  }
  if (Array.isArray(from) && Array.isArray(to)) {
    if (to.length < from.length) {
      const removed = onlyRemoved(from, to);
      if (removed) {
        for (const i of removed.reverse()) out.push({ path: [...path, i], value: undefined });
        return;
      }
    } else if (to.length > from.length) {
      const added = onlyRemoved(to, from);
      if (added) {
        for (const i of added) out.push({ path: [...path, i], value: to[i], insert: true });
        return;
      }
    }
    const common = Math.min(from.length, to.length);
    for (let i = 0; i < common; i++) changes(from[i], to[i], [...path, i], out);
    for (let i = from.length - 1; i >= to.length; i--) out.push({ path: [...path, i], value: undefined });
    for (let i = from.length; i < to.length; i++) out.push({ path: [...path, i], value: to[i], insert: true });
    return;
  }
  out.push({ path, value: to });
}

/** Start of the line holding `offset`, and the whitespace before `offset` on it (undefined if other text precedes it). */
function lineOf(text: string, offset: number): { start: number; indent: string | undefined } {
  const start = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const indent = text.slice(start, offset);
  return { start, indent: /^[ \t]*$/.test(indent) ? indent : undefined };
}

/** After a value: an optional comma and an optional comment, up to the end of its line. */
const LINE_TAIL = /^[ \t]*(,?)[ \t]*(?:\/\/[^\r\n]*|\/\*(?:(?!\*\/)[^\r\n])*\*\/[ \t]*)?(\r\n|\r|\n|$)/;

/**
 * A new entry at `index` of the container at `parentPath`, on a line of its own below the sibling before it and
 * with that sibling's indentation; a comment that ends the sibling's line stays with the sibling (jsonc-parser would
 * put the new entry between them, and reformat the line). Undefined when the sibling does not end its line.
 */
function insertBelow(text: string, root: Node, parentPath: JSONPath, index: number, entry: string, eol: string): Edit[] | undefined {
  const parent = findNodeAtLocation(root, parentPath);
  const previous = parent?.children?.[index - 1];
  if (!parent || !previous || index === 0) return undefined;
  const end = previous.offset + previous.length;
  const tail = LINE_TAIL.exec(text.slice(end, end + 10_000));
  const { indent } = lineOf(text, previous.offset);
  if (!tail || !tail[2] || indent === undefined) return undefined;
  const hasComma = tail[1] === ',';
  const isLast = index >= (parent.children?.length ?? 0);
  const edits: Edit[] = [];
  if (!hasComma) edits.push({ offset: end, length: 0, content: ',' });
  // A following sibling needs the comma; a last entry keeps the user's trailing-comma habit.
  const comma = !isLast || hasComma ? ',' : '';
  const lineEnd = end + tail[0].length - tail[2].length;
  edits.push({ offset: lineEnd, length: 0, content: eol + indent + entry.replace(/\n/g, eol + indent) + comma });
  return edits;
}

/**
 * The entry at `index` removed with its whole line when it has its lines to itself (a comment on its own line stays
 * with what it sits in, a comment at the end of the entry's line goes with it), and the comma before it when it was
 * the last. Undefined for any other layout.
 */
function removeLines(text: string, root: Node, parentPath: JSONPath, index: number): Edit[] | undefined {
  const parent = findNodeAtLocation(root, parentPath);
  const node = parent?.children?.[index];
  if (!parent || !node) return undefined;
  const { start, indent } = lineOf(text, node.offset);
  const end = node.offset + node.length;
  const tail = LINE_TAIL.exec(text.slice(end, end + 10_000));
  if (indent === undefined || !tail || !tail[2]) return undefined;
  const edits: Edit[] = [{ offset: start, length: end + tail[0].length - start, content: '' }];
  const isLast = index === parent.children!.length - 1;
  const previous = parent.children![index - 1];
  if (isLast && tail[1] !== ',' && previous) {
    const after = previous.offset + previous.length;
    const comma = /^[ \t]*,/.exec(text.slice(after, start));
    if (comma) edits.push({ offset: after + comma[0].length - 1, length: 1, content: '' });
  }
  return edits;
}

/**
 * The entry at `index` removed from a container written on one line, with the comma that separates it. (jsonc-parser's
 * modify corrupts `[false,null]` when removing the last element: "[falsel]".)
 */
function removeInline(text: string, root: Node, parentPath: JSONPath, index: number): Edit[] {
  const siblings = findNodeAtLocation(root, parentPath)?.children ?? [];
  const node = siblings[index];
  if (!node) return [];
  const end = node.offset + node.length;
  const previous = siblings[index - 1];
  const next = siblings[index + 1];
  if (next) return [{ offset: node.offset, length: next.offset - node.offset, content: '' }];
  if (previous) return [{ offset: previous.offset + previous.length, length: end - previous.offset - previous.length, content: '' }];
  const comma = /^[ \t]*,/.exec(text.slice(end, end + 1000));
  return [{ offset: node.offset, length: node.length + (comma ? comma[0].length : 0), content: '' }];
}

/**
 * `value` as JSON text for the place of `node`: on one line inside a one-line container, else on lines indented
 * like the line `node` starts on (`indent: false`: lines with `\n` and no indentation, for the caller to place).
 */
function valueText(text: string, node: Node | undefined, value: unknown, unit: string, eol: string, indent = true): string {
  const parent = node?.parent?.type === 'property' ? node.parent.parent : node?.parent;
  if (parent && !/[\r\n]/.test(text.slice(parent.offset, parent.offset + parent.length))) return JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
  const lines = JSON.stringify(value, null, unit);
  if (!indent || !node) return lines;
  return lines.replace(/\n/g, eol + (/^[ \t]*/.exec(text.slice(lineOf(text, node.offset).start))?.[0] ?? ''));
}

/**
 * `text` (JSON or JSONC) changed so that it holds `wanted`: only the values that differ are rewritten, so comments,
 * key order, indentation and line endings the user wrote stay as they were; a new key goes after the key that
 * precedes it in `wanted`. Undefined when `text` cannot be read, or when the edit would not give exactly `next`
 * (then the caller writes `wanted` afresh). Never throws.
 */
export function editJsonText(text: string, wanted: unknown): string | undefined {
  try {
    // As it will read back: undefined fields dropped, numbers such as NaN as null.
    const next = JSON.parse(JSON.stringify(wanted)) as unknown;
    const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
    let out = bom ? text.slice(1) : text;
    const before = parseJsonWithPositions(out, { jsonc: true });
    if (!before.ok) return undefined;
    const list: Change[] = [];
    changes(before.value, next, [], list);
    const formattingOptions = formattingOf(out);
    const eol = formattingOptions.eol ?? '\n';
    const unit = formattingOptions.insertSpaces ? ' '.repeat(formattingOptions.tabSize ?? 2) : '\t';
    for (const c of list) {
      const root = parseTree(out, [], { allowTrailingComma: true })!;
      const parentPath = c.path.slice(0, -1);
      const last = c.path[c.path.length - 1];
      const parent = findNodeAtLocation(root, parentPath);
      let edits: Edit[] | undefined;
      if (last === undefined) {
        edits = [{ offset: root.offset, length: root.length, content: JSON.stringify(c.value, null, unit) }];
      } else if (c.value === undefined) {
        const index = typeof last === 'number' ? last : (parent?.children ?? []).findIndex((p) => p.children?.[0]?.value === last);
        edits = removeLines(out, root, parentPath, index) ?? removeInline(out, root, parentPath, index);
      } else if (c.insert || c.after !== undefined) {
        const index =
          typeof last === 'number' ? last : c.after === null ? 0 : (parent?.children ?? []).findIndex((p) => p.children?.[0]?.value === c.after) + 1;
        const sibling = parent?.children?.[Math.max(0, index - 1)];
        const shown = valueText(out, sibling?.type === 'property' ? sibling.children?.[1] : sibling, c.value, unit, eol, false);
        edits = insertBelow(out, root, parentPath, index, typeof last === 'number' ? shown : `${JSON.stringify(last)}: ${shown}`, eol);
        edits ??= modify(out, c.path, c.value, { formattingOptions, isArrayInsertion: c.insert === true, getInsertionIndex: () => index });
      } else {
        const node = findNodeAtLocation(root, c.path);
        edits = node
          ? [{ offset: node.offset, length: node.length, content: valueText(out, node, c.value, unit, eol) }]
          : modify(out, c.path, c.value, { formattingOptions });
      }
      out = applyEdits(out, edits);
    }
    const after = parseJsonWithPositions(out, { jsonc: true });
    return after.ok && deepEqual(after.value, next) ? bom + out : undefined;
  } catch {
    return undefined;
  }
}
