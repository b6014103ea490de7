// Validation of scenario files: structural (from the shape description) then semantic (cross-field).
// Errors name the JSON path and say in plain words what is wrong; unknown fields are reported as
// warnings and kept. Never throws.

import type { Problem } from '../common';
import { parseJsonWithPositions, type JsonOptions, type JsonPosition } from './json';
import { SCENARIO_SHAPE, type Shape } from './shape';
import { tariff } from '../tariff/load';
import type { ContractSpec, ParseResult, Scenario } from './types';
import { checkPackages } from '../bill/packages';
import { Checker, MAX_SCENARIO_BYTES, WORK_LIMITS, closestKey } from './check';
export { MAX_SCENARIO_BYTES, WORK_LIMITS, checkShape, parseResolution } from './check';

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
