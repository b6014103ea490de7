// The structural check of a JSON value against a shape description (scenario/shape.ts): types, ranges, required and
// unknown keys, reserved keys, with a JSON path and a position for every problem. The scenario validator and the
// tariff loader both use it; it depends on neither, so the tariff data and the scenario rules do not import each other.

import type { Problem, Text } from '../common';
import type { JsonPosition } from './json';
import { LIMITS, type Shape } from './shape';
import type { Resolution } from './types';

/** Scenario files larger than this are refused before parsing (a scenario is a few KB). */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

const MAX_PROBLEMS = 100;

/**
 * Keys that would reach an object's prototype when copied with `out[key] = …` (a cloned repository
 * carries its scenario file): rejected wherever they appear, never copied.
 */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Bounds on the work one bill does (beyond the per-field limits of the shape). */
export const WORK_LIMITS = {
  /** Participant groups over all rooms. */
  groups: 100_000,
  /** Σ over rooms of groups × (groups + receive.from entries): the meter's per-room receiver × publisher work. */
  pairs: 5_000_000,
};

/** A child value with a reserved key is reported and skipped. */
function reservedKey(c: Checker, childPath: string, key: string): boolean {
  if (!RESERVED_KEYS.has(key)) return false;
  c.error(
    childPath,
    `the key "${key}" is not allowed (it could change how the file is read); remove or rename it`,
    `不允许使用键 "${key}"（可能改变文件的解析方式）；请删除或重命名`,
  );
  return true;
}

/** Sets an own, enumerable property (never the prototype, whatever the key). */
const setOwn = (o: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

export function parseResolution(value: unknown): Resolution | undefined {
  if (typeof value === 'string') {
    const m = /^\s*([1-9]\d{0,4})\s*[xX×*]\s*([1-9]\d{0,4})\s*$/.exec(value);
    if (!m) return undefined;
    return { width: Number(m[1]), height: Number(m[2]) };
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const r = value as Record<string, unknown>;
    if (typeof r.width === 'number' && typeof r.height === 'number' && Object.keys(r).length === 2) {
      return { width: r.width, height: r.height };
    }
  }
  return undefined;
}

const typeName = (v: unknown): Text => {
  if (v === null) return { en: 'null', zh: 'null' };
  if (Array.isArray(v)) return { en: 'an array', zh: '数组' };
  switch (typeof v) {
    case 'string':
      return {
        en: `the text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`,
        zh: `文本 ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`,
      };
    case 'number':
      return { en: `the number ${v}`, zh: `数字 ${v}` };
    case 'boolean':
      return { en: String(v), zh: String(v) };
    case 'object':
      return { en: 'an object', zh: '对象' };
    default:
      return { en: typeof v, zh: typeof v };
  }
};

const isDate = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
};

export class Checker {
  errors: Problem[] = [];
  warnings: Problem[] = [];
  constructor(private readonly positions?: Map<string, JsonPosition>) {}

  private at(path: string): { line?: number; column?: number } {
    // The parser names identifier-like keys `.key`; record paths spell every key `["key"]`.
    const p = this.positions?.get(path) ?? this.positions?.get(path.replace(/\["([A-Za-z_$][\w$]*)"\]/g, '.$1'));
    return p ? { line: p.line, column: p.column } : {};
  }
  error(path: string, en: string, zh: string): void {
    if (this.errors.length < MAX_PROBLEMS) this.errors.push({ path, message: { en, zh }, ...this.at(path) });
  }
  warn(path: string, en: string, zh: string): void {
    if (this.warnings.length < MAX_PROBLEMS) this.warnings.push({ path, message: { en, zh }, ...this.at(path) });
  }

  /** Returns the normalized value (resolutions become objects), or undefined when invalid. */
  check(value: unknown, shape: Shape, path: string): unknown {
    switch (shape.kind) {
      case 'nullable':
        return value === null ? null : this.check(value, shape.of, path);
      case 'object': {
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
          const t = typeName(value);
          this.error(path, `must be an object, but is ${t.en}`, `应为对象，实际为${t.zh}`);
          return undefined;
        }
        const obj = value as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(obj)) reservedKey(this, `${path}.${key}`, key);
        for (const [key, prop] of Object.entries(shape.props)) {
          const childPath = `${path}.${key}`;
          if (!Object.hasOwn(obj, key) || obj[key] === undefined) {
            if (prop.required) this.error(childPath, `is missing: "${key}" is required here`, `缺少必填字段 "${key}"`);
            continue;
          }
          const v = this.check(obj[key], prop.shape, childPath);
          if (v !== undefined) out[key] = v;
        }
        for (const key of Object.keys(obj)) {
          if (!Object.hasOwn(shape.props, key) && !RESERVED_KEYS.has(key)) {
            const known = Object.keys(shape.props).join(', ');
            this.warn(`${path}.${key}`, `unknown field "${key}" is not used (known fields: ${known})`, `未知字段 "${key}" 不会被使用（已知字段：${known}）`);
            setOwn(out, key, obj[key]); // kept, so saving the scenario does not lose it
          }
        }
        return out;
      }
      case 'record': {
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
          const t = typeName(value);
          this.error(path, `must be an object, but is ${t.en}`, `应为对象，实际为${t.zh}`);
          return undefined;
        }
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
          if (reservedKey(this, `${path}[${JSON.stringify(k)}]`, k)) continue;
          const c = this.check(v, shape.values, `${path}[${JSON.stringify(k)}]`);
          if (c !== undefined) setOwn(out, k, c);
        }
        return out;
      }
      case 'array': {
        if (!Array.isArray(value)) {
          const t = typeName(value);
          this.error(path, `must be a list ([...]), but is ${t.en}`, `应为列表（[...]），实际为${t.zh}`);
          return undefined;
        }
        if (shape.minItems !== undefined && value.length < shape.minItems) {
          this.error(path, `needs at least ${shape.minItems} item(s)`, `至少需要 ${shape.minItems} 项`);
        }
        if (shape.maxItems !== undefined && value.length > shape.maxItems) {
          this.error(path, `has ${value.length} items; at most ${shape.maxItems} are allowed`, `共 ${value.length} 项，最多允许 ${shape.maxItems} 项`);
          return undefined;
        }
        const out = value.map((v, i) => this.check(v, shape.items, `${path}[${i}]`));
        return out.some((v) => v === undefined) ? undefined : out;
      }
      case 'number': {
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          const t = typeName(value);
          this.error(path, `must be a number, but is ${t.en}`, `应为数字，实际为${t.zh}`);
          return undefined;
        }
        if (shape.integer && !Number.isInteger(value)) {
          this.error(path, `must be a whole number, but is ${value}`, `应为整数，实际为 ${value}`);
          return undefined;
        }
        if (shape.min !== undefined && value < shape.min) {
          this.error(
            path,
            value < 0 && shape.min === 0 ? `cannot be negative (${value})` : `must be at least ${shape.min}, but is ${value}`,
            value < 0 && shape.min === 0 ? `不能为负数（${value}）` : `应不小于 ${shape.min}，实际为 ${value}`,
          );
          return undefined;
        }
        if (shape.max !== undefined && value > shape.max) {
          this.error(path, `must be at most ${shape.max}, but is ${value}`, `应不大于 ${shape.max}，实际为 ${value}`);
          return undefined;
        }
        return value;
      }
      case 'string': {
        if (typeof value !== 'string') {
          const t = typeName(value);
          this.error(path, `must be text, but is ${t.en}`, `应为文本，实际为${t.zh}`);
          return undefined;
        }
        if (shape.enum && !shape.enum.includes(value)) {
          const list = shape.enum.map((e) => JSON.stringify(e)).join(', ');
          this.error(path, `"${value}" is not one of ${list}`, `"${value}" 不是以下值之一：${list}`);
          return undefined;
        }
        if (shape.date && !isDate(value)) {
          this.error(path, `"${value}" is not a date in the form YYYY-MM-DD`, `"${value}" 不是 YYYY-MM-DD 格式的日期`);
          return undefined;
        }
        if (shape.maxLength !== undefined && value.length > shape.maxLength) {
          this.error(path, `is longer than ${shape.maxLength} characters`, `长度超过 ${shape.maxLength} 个字符`);
          return undefined;
        }
        if (shape.pattern !== undefined && !new RegExp(shape.pattern).test(value)) {
          this.error(
            path,
            `"${value.length > 40 ? value.slice(0, 40) + '…' : value}" does not have the expected form (${shape.pattern})`,
            `"${value.length > 40 ? value.slice(0, 40) + '…' : value}" 格式不正确（应匹配 ${shape.pattern}）`,
          );
          return undefined;
        }
        return value;
      }
      case 'boolean':
        if (typeof value !== 'boolean') {
          const t = typeName(value);
          this.error(path, `must be true or false, but is ${t.en}`, `应为 true 或 false，实际为${t.zh}`);
          return undefined;
        }
        return value;
      case 'const':
        if (value !== shape.value) {
          const t = typeName(value);
          this.error(path, `must be ${JSON.stringify(shape.value)}, but is ${t.en}`, `应为 ${JSON.stringify(shape.value)}，实际为${t.zh}`);
          return undefined;
        }
        return value;
      case 'resolution': {
        const r = parseResolution(value);
        const loose = typeof value === 'string' ? /^\s*(\d{1,5})\s*[xX×*]\s*(\d{1,5})\s*$/.exec(value) : null;
        if (!r && loose) {
          const [w, h] = [Number(loose[1]), Number(loose[2])];
          if (w < 1 || h < 1) {
            this.error(
              path,
              `${w}×${h} is not a valid resolution: width and height must be whole numbers of at least 1`,
              `${w}×${h} 不是有效分辨率：宽和高应为不小于 1 的整数`,
            );
          } else {
            this.error(path, `"${value}": write the resolution without leading zeros, as "${w}x${h}"`, `"${value}"：分辨率请不要以 0 开头，应写作 "${w}x${h}"`);
          }
          return undefined;
        }
        if (!r) {
          const t = typeName(value);
          this.error(
            path,
            `must be a resolution like "1280x720" or {"width": 1280, "height": 720}, but is ${t.en}`,
            `应为分辨率，如 "1280x720" 或 {"width": 1280, "height": 720}，实际为${t.zh}`,
          );
          return undefined;
        }
        if (!Number.isInteger(r.width) || !Number.isInteger(r.height) || r.width < 1 || r.height < 1) {
          this.error(
            path,
            `${r.width}×${r.height} is not a valid resolution: width and height must be whole numbers of at least 1`,
            `${r.width}×${r.height} 不是有效分辨率：宽和高应为不小于 1 的整数`,
          );
          return undefined;
        }
        if (r.width > LIMITS.pixels || r.height > LIMITS.pixels) {
          this.error(
            path,
            `${r.width}×${r.height} is larger than any TRTC resolution (max ${LIMITS.pixels} per side)`,
            `${r.width}×${r.height} 超出 TRTC 支持的分辨率（每边最大 ${LIMITS.pixels}）`,
          );
          return undefined;
        }
        return r;
      }
      case 'oneOf': {
        // Try each option silently; report the best-matching option's problems if none fits.
        let best: Checker | undefined;
        for (const option of shape.options) {
          const sub = new Checker(this.positions);
          const v = sub.check(value, option, path);
          if (v !== undefined && sub.errors.length === 0) {
            this.warnings.push(...sub.warnings);
            return v;
          }
          const typeMatches = option.kind === 'object' ? typeof value === 'object' && value !== null && !Array.isArray(value) : typeof value === option.kind;
          if (!best || typeMatches) best = sub;
        }
        if (best && best.errors.length) {
          const first = best.errors[0];
          const desc = shape.description ?? '';
          this.error(first.path, `${first.message.en}${desc ? ` (expected ${desc})` : ''}`, `${first.message.zh}${desc ? `（应为 ${desc}）` : ''}`);
        } else {
          this.error(path, 'has an unexpected form', '格式不正确');
        }
        return undefined;
      }
    }
  }
}

/** Structural check of any value against a shape (used for the bundled tariff data too). Never throws. */
export function checkShape(value: unknown, shape: Shape, positions?: Map<string, JsonPosition>): { value: unknown; errors: Problem[]; warnings: Problem[] } {
  const checker = new Checker(positions);
  const out = checker.check(value, shape, '$');
  return { value: out, errors: checker.errors, warnings: checker.warnings };
}

/** The known key nearest to a typo (case-insensitive match, else edit distance ≤ 2). */
export function closestKey(key: string, known: ReadonlySet<string>): string | undefined {
  if (key.length > 100) return undefined;
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestD = 3;
  for (const k of known) {
    if (k.toLowerCase() === lower) return k;
    const d = editDistance(lower, k.toLowerCase(), bestD);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return Math.min(prev[b.length], cap);
}
