// The estimate as Markdown (for a PR or a budget doc), CSV (for a spreadsheet) and JSON (the Bill, exact).
// Formatting only: every figure is the engine's.
import type { Bill } from '../core';
import { buildResultModel, groupDigits } from './compute';
import { strings, tx } from './i18n';
import type { UiLocale } from './protocol';

function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function billMarkdown(bill: Bill, name: string, locale: UiLocale): string {
  const t = strings(locale);
  const m = buildResultModel(bill, locale);
  const out: string[] = [];
  out.push(`### ${mdCell(name)}: ${m.total}`);
  out.push('');
  out.push(`${t.book}: ${mdCell(m.book)} · ${m.metering} · ${m.settlement} · ${m.start} + ${m.days} · ${t.perDay} ${m.perDay}`);
  out.push('');
  out.push(`| ${t.item} | ${t.minutes} | ${t.free} | ${t.pack} | ${t.postpaid} | ${t.unitPrice} | ${t.amount} |`);
  out.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const l of m.lines) {
    out.push(`| ${mdCell(l.label)} | ${l.minutes} | ${l.free} | ${l.pack} | ${l.postpaid} | ${mdCell(l.unitPrice + l.unit)} | ${l.amount} |`);
  }
  out.push(`| **${t.total}** | | | | | | **${m.total}** |`);
  if (m.advice) {
    out.push('');
    out.push(
      m.advice.hasSaving
        ? `**${t.advice}:** ${mdCell(m.advice.best)}: ${m.advice.bestTotal} (${t.adviceSaving} ${m.advice.saving})`
        : `**${t.advice}:** ${t.adviceNone}`,
    );
  }
  if (m.warnings.length) {
    out.push('');
    out.push(`**${t.warnings}:**`);
    for (const w of m.warnings) out.push(`- ${w.roomName ? `${t.inRoom(mdCell(w.roomName))}: ` : ''}${mdCell(w.text)}`);
  }
  if (m.assumptions.length) {
    out.push('');
    out.push(`**${t.assumptions}:**`);
    for (const a of m.assumptions) out.push(`- ${mdCell(a.text)}`);
  }
  out.push('');
  return out.join('\n');
}

/** RFC 4180 field; text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
function csvField(v: string, text: boolean): string {
  let s = v;
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function billCsv(bill: Bill, name: string, locale: UiLocale): string {
  const head = ['scenario', 'key', 'item', 'category', 'tier', 'minutes', 'free_minutes', 'pack_minutes', 'postpaid_minutes', 'unit_price', 'unit', 'amount', 'currency'];
  const rows: string[][] = [head];
  for (const l of bill.lines) {
    rows.push([name, l.key, tx(l.label, locale), l.category, l.tier ?? '', l.minutes, l.freeMinutes, l.packMinutes, l.postpaidMinutes, l.unitPrice, l.unit, l.amount, bill.currency]);
  }
  rows.push([name, 'total', strings(locale).total, '', '', '', '', '', '', '', '', bill.total, bill.currency]);
  const textCols = new Set([0, 2]);
  return rows.map((r) => r.map((c, i) => csvField(c, textCols.has(i))).join(',')).join('\r\n') + '\r\n';
}

export function billJson(bill: Bill): string {
  return JSON.stringify(bill, null, 2) + '\n';
}

/** Markdown table comparing several bills (copy from the compare view). */
export function compareMarkdown(items: { name: string; bill: Bill }[], locale: UiLocale): string {
  const t = strings(locale);
  const models = items.map((i) => buildResultModel(i.bill, locale));
  const out: string[] = [];
  out.push(`| ${t.metric} | ${items.map((i) => mdCell(i.name)).join(' | ')} |`);
  out.push(`|---|${items.map(() => '---:').join('|')}|`);
  out.push(`| **${t.total}** | ${models.map((m) => `**${m.total}**`).join(' | ')} |`);
  out.push(`| ${t.perDay} | ${models.map((m) => m.perDay).join(' | ')} |`);
  const keys: { key: string; label: string }[] = [];
  for (const m of models) for (const l of m.lines) if (!keys.some((k) => k.key === l.key)) keys.push({ key: l.key, label: l.label });
  for (const k of keys) {
    out.push(`| ${mdCell(k.label)} | ${models.map((m) => m.lines.find((l) => l.key === k.key)?.amount ?? '–').join(' | ')} |`);
  }
  out.push('');
  return out.join('\n');
}

export { groupDigits };
