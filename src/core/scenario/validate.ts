// Validation of scenario files: structural (from the shape description) then semantic (cross-field).
// Errors name the JSON path and say in plain words what is wrong; unknown fields are reported as
// warnings and kept. Never throws.

import type { Text } from '../common';
import type { ParseResult, Problem } from '../api';
import { parseJsonWithPositions, type JsonOptions, type JsonPosition } from './json';
import { LIMITS, SCENARIO_SHAPE, type Shape } from './shape';
import { tariff } from '../tariff/load';
import type { ContractSpec, Resolution, Scenario } from './types';
import { checkPackages } from '../bill/packages';

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

class Checker {
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
function closestKey(key: string, known: ReadonlySet<string>): string | undefined {
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

/** Cross-field checks a shape cannot express. */
function checkSemantics(s: Scenario, c: Checker): void {
  s.rooms.forEach((room, ri) => {
    const rp = `$.rooms[${ri}]`;
    const names = new Map<string, number>();
    room.participants.forEach((g, gi) => {
      const name = g.name ?? `group ${gi + 1}`;
      if (names.has(name)) c.error(`${rp}.participants[${gi}].name`, `the group name "${name}" is used twice in this room`, `本房间中组名 "${name}" 重复`);
      names.set(name, gi);
    });
    const isLive = room.service === 'video-live' || room.service === 'voice-live';
    room.participants.forEach((g, gi) => {
      const gp = `${rp}.participants[${gi}]`;
      const publishesVideo = !!(g.publish.camera || g.publish.screen);
      if (g.role === 'audience' && isLive && (publishesVideo || g.publish.audio)) {
        c.error(
          `${gp}.publish`,
          'audience members cannot publish in a live room; set role to "anchor" (the SDK needs switchRole to anchor first)',
          '直播房间中观众不能推流；请将 role 设为 "anchor"（SDK 中需先 switchRole 为主播）',
        );
      }
      if (g.role === 'audience' && !isLive) {
        c.warn(
          `${gp}.role`,
          'calls have no audience role: TRTC treats every call participant as an anchor',
          '通话场景没有观众角色：TRTC 将通话中的所有人视为主播',
        );
      }
      if ((room.service === 'voice-call' || room.service === 'voice-live') && publishesVideo) {
        c.warn(
          `${gp}.publish`,
          'this group publishes video in a voice service: the bill follows what is published, so video is billed',
          '该组在语音服务中发布了视频：费用按实际发布内容计算，视频将按视频计费',
        );
      }
      if (g.minutesInRoom !== undefined && g.minutesInRoom > room.minutesPerSession) {
        c.error(
          `${gp}.minutesInRoom`,
          `is ${g.minutesInRoom}, longer than the session (${room.minutesPerSession} minutes)`,
          `为 ${g.minutesInRoom}，超过了会话时长（${room.minutesPerSession} 分钟）`,
        );
      }
      if (typeof g.receive === 'object') {
        g.receive.from.forEach((from, fi) => {
          if (!names.has(from)) {
            c.error(
              `${gp}.receive.from[${fi}]`,
              `no group named "${from}" in this room (groups: ${[...names.keys()].join(', ')})`,
              `本房间中没有名为 "${from}" 的组（现有组：${[...names.keys()].join('、')}）`,
            );
          }
        });
        if (g.receive.stream === 'small') {
          g.receive.from.forEach((from) => {
            const src = names.has(from) ? room.participants[names.get(from)!] : undefined;
            if (src && src.publish.camera && !src.publish.smallStream) {
              c.warn(
                `${gp}.receive.stream`,
                `"${from}" does not publish a small stream (publish.smallStream); its big stream is billed instead`,
                `"${from}" 未发布小流（publish.smallStream），将按大流计费`,
              );
            }
          });
        }
      }
    });
    // The engine counts seconds exactly as whole numbers; beyond 2^53 stream-seconds a month it could not.
    const people = room.participants.reduce((n, g) => n + g.count, 0);
    const streams = room.participants.reduce((n, g) => n + g.count * ((g.publish.camera ? 1 : 0) + (g.publish.screen ? 1 : 0)), 0);
    const tasks = (room.recording?.tasks ?? 1) + (room.mixTranscoding?.tasks ?? 1);
    const bound = (people + tasks) * (streams + 1) * room.minutesPerSession * 60 * Math.ceil(room.sessionsPerDay) * (room.daysPerMonth ?? s.period?.days ?? 30);
    if (bound > Number.MAX_SAFE_INTEGER) {
      c.error(
        rp,
        `is too large to bill exactly (up to ${bound.toExponential(1)} stream-seconds a month; the limit is 9×10^15): check the counts and sessions`,
        `规模过大，无法精确计费（每月最多 ${bound.toExponential(1)} 路·秒，上限为 9×10^15）：请检查人数与场次`,
      );
    }
    if (room.daysPerMonth !== undefined && s.period?.days !== undefined && room.daysPerMonth > s.period.days) {
      c.error(
        `${rp}.daysPerMonth`,
        `is ${room.daysPerMonth}, more than the period's ${s.period.days} days`,
        `为 ${room.daysPerMonth}，超过了计费周期的 ${s.period.days} 天`,
      );
    }
    const relayByDuration = tariff().relay.priceByKey.get('relay.third-party-duration')?.accountsFrom ?? '';
    const byBandwidth = s.tariff.region === 'international' && !!s.tariff.accountCreated && s.tariff.accountCreated < relayByDuration;
    if (room.relay?.target === 'third-party' && room.relay.peakMbps === undefined && byBandwidth) {
      c.warn(
        `${rp}.relay.peakMbps`,
        'third-party CDN relay is billed by monthly peak bandwidth: set peakMbps to estimate it',
        '转推第三方 CDN 按月峰值带宽计费：请设置 peakMbps 以估算',
      );
    }
    // The Video Live component prices video live rooms only (voice rooms use the voice room component: ordinary A/V prices).
    if (room.component === 'video-live' && room.service !== 'video-live') {
      c.warn(
        `${rp}.component`,
        `the Video Live component applies to "video-live" rooms; this "${room.service}" room is billed at the ordinary prices`,
        `视频直播组件仅适用于 "video-live" 房间；此 "${room.service}" 房间按普通价格计费`,
      );
    }
  });
  let groups = 0;
  let pairs = 0;
  for (const room of s.rooms) {
    const n = room.participants.length;
    groups += n;
    pairs += n * (n + room.participants.reduce((k, g) => k + (typeof g.receive === 'object' ? g.receive.from.length : 0), 0));
  }
  if (groups > WORK_LIMITS.groups) {
    c.error(
      '$.rooms',
      `has ${groups} participant groups over all rooms; at most ${WORK_LIMITS.groups} are allowed`,
      `所有房间共有 ${groups} 个参与者组；最多允许 ${WORK_LIMITS.groups} 个`,
    );
  } else if (pairs > WORK_LIMITS.pairs) {
    c.error(
      '$.rooms',
      `is too large to estimate: the rooms' groups make ${pairs} receiver × publisher pairs (at most ${WORK_LIMITS.pairs}); merge identical groups (use ` +
        `"count")`,
      `规模过大，无法估算：各房间的组共构成 ${pairs} 个接收方 × 发布方组合（最多 ${WORK_LIMITS.pairs} 个）；请合并相同的组（使用 "count"）`,
    );
  }
  const prices = s.tariff.contract?.prices;
  if (prices) {
    const known = tariff().contractKeys;
    for (const key of Object.keys(prices)) {
      if (known.has(key)) continue;
      const hint = closestKey(key, known);
      c.error(
        `$.tariff.contract.prices[${JSON.stringify(key)}]`,
        `"${key}" is not a price key${hint ? `; did you mean "${hint}"?` : ''} (keys look like "av.HD", "recording.mixed.FHD", "mixing.h264.2K"; ` +
          `docs/prices.md lists them all)`,
        `"${key}" 不是价格键${hint ? `；是否应为 "${hint}"？` : ''}（形如 "av.HD"、"recording.mixed.FHD"、"mixing.h264.2K"；完整列表见 docs/prices.md）`,
      );
    }
  }
  const apps = new Set(s.rooms.map((r) => r.app).filter((a) => a !== undefined));
  if (apps.size > 1) {
    const first = [...apps][0];
    (s.payment?.packages ?? []).forEach((p, i) => {
      if (p.app === undefined && p.scope !== 'account')
        c.warn(
          `$.payment.packages[${i}]`,
          `the rooms belong to ${apps.size} apps and this package names none: it is bound to "${first}" (the first app); set "app"`,
          `房间分属 ${apps.size} 个应用，而该套餐未指定应用：按第一个应用 "${first}" 绑定；请设置 "app"`,
        );
    });
  }
  checkPackages(
    s,
    (path, en, zh) => c.error(path, en, zh),
    (path, en, zh) => c.warn(path, en, zh),
  );
  (s.payment?.packs ?? []).forEach((p, i) => {
    if (p.remaining !== undefined && p.remaining > p.minutes) {
      c.error(
        `$.payment.packs[${i}].remaining`,
        `is ${p.remaining}, more than the pack's ${p.minutes} minutes`,
        `为 ${p.remaining}，超过了套餐包的 ${p.minutes} 分钟`,
      );
    }
  });
}

/** The text of a scenario (or project) file read into a value with the positions of its values, or its one problem. */
export function readScenarioText(
  text: string,
  options: JsonOptions = {},
): { value: unknown; positions: Map<string, JsonPosition> } | { errors: Problem[]; warnings: Problem[] } {
  if (text.length > MAX_SCENARIO_BYTES) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    return {
      errors: [
        {
          path: '$',
          message: { en: `the file is ${mb} MB; scenario files are limited to 5 MB`, zh: `文件大小为 ${mb} MB；场景文件不能超过 5 MB` },
          line: 1,
          column: 1,
        },
      ],
      warnings: [],
    };
  }
  const parsed = parseJsonWithPositions(text, options);
  if (!parsed.ok) {
    return {
      errors: [{ path: '$', message: { en: `not valid JSON: ${parsed.message.en}`, zh: `不是有效的 JSON：${parsed.message.zh}` }, ...parsed.position }],
      warnings: [],
    };
  }
  return { value: parsed.value, positions: parsed.positions };
}

/**
 * Validates a scenario: file text (strict JSON; `{ jsonc: true }` allows comments and trailing commas) or an
 * already parsed value. Never throws.
 */
export function parseScenarioInput(input: string | unknown, options: JsonOptions = {}): ParseResult {
  try {
    if (typeof input !== 'string') return checkScenarioValue(input);
    const read = readScenarioText(input, options);
    return 'errors' in read ? read : checkScenarioValue(read.value, read.positions);
  } catch (e) {
    return internalError(e);
  }
}

/** Validates a parsed scenario value; `positions` (from readScenarioText) give problems their line and column. Never throws. */
export function checkScenarioValue(value: unknown, positions?: Map<string, JsonPosition>): ParseResult {
  try {
    const checker = new Checker(positions);
    const normalized = checker.check(value, SCENARIO_SHAPE, '$');
    if (normalized === undefined || checker.errors.length > 0) {
      return { errors: checker.errors, warnings: checker.warnings };
    }
    const scenario = normalized as Scenario;
    checkSemantics(scenario, checker);
    if (checker.errors.length > 0) return { errors: checker.errors, warnings: checker.warnings };
    return { scenario, errors: [], warnings: checker.warnings };
  } catch (e) {
    return internalError(e);
  }
}

/** A validator bug must not take down the caller (editor, panel or CLI). */
function internalError(e: unknown): ParseResult {
  return { errors: [{ path: '$', message: { en: `internal error while validating: ${String(e)}`, zh: `校验时发生内部错误：${String(e)}` } }], warnings: [] };
}

/** The shape of a contract price book file: the scenario's tariff.contract, plus "$schema" and a "note". */
const CONTRACT_BOOK_SHAPE: Shape = (() => {
  const tariffShape = SCENARIO_SHAPE.kind === 'object' ? SCENARIO_SHAPE.props.tariff.shape : undefined;
  const contract = tariffShape?.kind === 'object' ? tariffShape.props.contract.shape : undefined;
  if (contract?.kind !== 'object') throw new Error('scenario shape: tariff.contract is not an object');
  return {
    kind: 'object',
    props: { $schema: { shape: { kind: 'string', maxLength: 4096 } }, note: { shape: { kind: 'string', maxLength: 4000 } }, ...contract.props },
  };
})();

/**
 * A contract price book file (trtcCost.contract.priceBookFile): `{ "discountPercent"?, "prices"?: { "av.HD": 20.5 } }`,
 * checked like a scenario's tariff.contract: the same price keys (an unknown key is an error with its
 * line), the same hardening (reserved keys, size, encoding). Never throws.
 */
export function parseContractBook(input: string | unknown): { contract?: ContractSpec; errors: Problem[]; warnings: Problem[] } {
  try {
    let value: unknown = input;
    let positions: Map<string, JsonPosition> | undefined;
    if (typeof input === 'string') {
      const read = readScenarioText(input);
      if ('errors' in read) return read;
      value = read.value;
      positions = read.positions;
    }
    const checker = new Checker(positions);
    const contract = checker.check(value, CONTRACT_BOOK_SHAPE, '$') as (ContractSpec & { $schema?: string; note?: string }) | undefined;
    if (contract === undefined || checker.errors.length) return { errors: checker.errors, warnings: checker.warnings };
    // The same price-key check as a scenario's contract, reported at the book's own paths.
    const asScenario = { version: 1, tariff: { region: 'mainland', contract }, rooms: [] } as unknown as Scenario;
    const keyChecker = new Checker(positions);
    checkSemantics(asScenario, keyChecker);
    const errors = keyChecker.errors.map((e) => {
      const path = e.path.replace(/^\$\.tariff\.contract/, '$');
      const p = positions?.get(path) ?? positions?.get(path.replace(/\["([A-Za-z_$][\w$]*)"\]/g, '.$1'));
      return { ...e, path, ...(p ? { line: p.line, column: p.column } : {}) };
    });
    if (errors.length) return { errors, warnings: checker.warnings };
    const out: ContractSpec = {};
    if (contract.discountPercent !== undefined) out.discountPercent = contract.discountPercent;
    if (contract.prices !== undefined) out.prices = contract.prices;
    return { contract: out, errors: [], warnings: checker.warnings };
  } catch (e) {
    return { errors: [{ path: '$', message: { en: `internal error while validating: ${String(e)}`, zh: `校验时发生内部错误：${String(e)}` } }], warnings: [] };
  }
}
