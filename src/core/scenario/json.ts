// A strict JSON parser that remembers where each value starts, so validation messages can name
// both the JSON path and the line/column. Iterative over nesting depth is not needed: depth is
// capped, so a hostile file cannot overflow the stack.

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

export function parseJsonWithPositions(text: string): JsonParseOk | JsonParseError {
  const positions = new Map<string, JsonPosition>();
  let i = 0;
  // Line starts for offset → line/column; computed lazily from a running scan.
  const lineStarts: number[] = [0];
  // A line ends at LF, CRLF or a lone CR (old Mac files), as editors count lines.
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) lineStarts.push(k + 1);
  }
  const pos = (offset: number): JsonPosition => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
  };

  class Fail extends Error {
    constructor(
      readonly en: string,
      readonly zh: string,
      readonly at: number,
    ) {
      super(en);
    }
  }

  const ws = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };

  const describe = (at: number) => (at >= text.length ? 'end of file' : JSON.stringify(text.slice(at, at + 1)));

  const value = (path: string, depth: number): unknown => {
    ws();
    if (depth > MAX_DEPTH) throw new Fail(`nesting deeper than ${MAX_DEPTH} levels`, `嵌套超过 ${MAX_DEPTH} 层`, i);
    positions.set(path, pos(i));
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"')
          throw new Fail(`expected a property name in double quotes, found ${describe(i)}`, `此处应为双引号括起的属性名，实际为 ${describe(i)}`, i);
        const key = string();
        ws();
        if (text[i] !== ':') throw new Fail(`expected ":" after property name, found ${describe(i)}`, `属性名后应为 ":"，实际为 ${describe(i)}`, i);
        i++;
        const childPath = /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
        if (Object.prototype.hasOwnProperty.call(obj, key)) {
          throw new Fail(`duplicate property "${key}"`, `属性 "${key}" 重复`, i);
        }
        Object.defineProperty(obj, key, { value: value(childPath, depth + 1), enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        throw new Fail(`expected "," or "}" in object, found ${describe(i)}`, `对象中应为 "," 或 "}"，实际为 ${describe(i)}`, i);
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(`${path}[${arr.length}]`, depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        throw new Fail(`expected "," or "]" in array, found ${describe(i)}`, `数组中应为 "," 或 "]"，实际为 ${describe(i)}`, i);
      }
    }
    if (c === '"') return string();
    if (c === 't' && text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (c === 'f' && text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (c === 'n' && text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = i;
    const num = m.exec(text);
    if (num && num[0].length > 0) {
      i += num[0].length;
      return Number(num[0]);
    }
    throw new Fail(`unexpected ${describe(i)}: expected a value`, `意外的 ${describe(i)}：此处应为一个值`, i);
  };

  const string = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    let chunk = i;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(chunk, i);
        i++;
        return out;
      }
      if (c === 92) {
        out += text.slice(chunk, i);
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          throw new Fail('invalid escape in string', '字符串中的转义无效', i);
        }
        chunk = i;
        continue;
      }
      if (c < 32) throw new Fail('control character in string (use \\n)', '字符串中有控制字符（请使用 \\n）', i);
      i++;
    }
    throw new Fail('unterminated string', '字符串没有结束引号', start);
  };

  try {
    if (looksLikeUtf16(text)) {
      throw new Fail(
        'the file looks like UTF-16 text (it has a UTF-16 byte-order mark or NUL characters); save it as UTF-8',
        '文件似乎是 UTF-16 编码（含 UTF-16 字节顺序标记或 NUL 字符）；请另存为 UTF-8',
        0,
      );
    }
    if (text.charCodeAt(0) === 0xfeff) i = 1; // a UTF-8 BOM is common in files saved on Windows
    const v = value('$', 0);
    ws();
    if (i < text.length) throw new Fail(`unexpected ${describe(i)} after the end of the document`, `文档结束后出现意外的 ${describe(i)}`, i);
    return { ok: true, value: v, positions };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, message: { en: e.en, zh: e.zh }, position: pos(e.at) };
    throw e;
  }
}
