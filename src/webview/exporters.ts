// The estimate as Markdown (for a PR or a budget doc), CSV (for a spreadsheet) and JSON (the Bill, exact):
// the core's presenters, so the panel exports exactly what the CLI prints. Formatting only.
import * as l10n from '@vscode/l10n';
import { renderCsv, renderMarkdown, type Bill } from '../core';
import { buildResultModel, groupDigits } from './compute';
import type { UiLocale } from '../shared/protocol';

function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The estimate as Markdown: the CLI's `--markdown` output, headed with the scenario's name. */
export function billMarkdown(bill: Bill, name: string, locale: UiLocale): string {
  return renderMarkdown(bill, locale).replace(/^## (.*)\n/, (_m, title: string) => `## ${title}: ${mdCell(name)}\n`);
}

/** The estimate as CSV: exactly the CLI's `--csv` output. */
export function billCsv(bill: Bill, locale: UiLocale): string {
  return renderCsv(bill, locale);
}

/** The estimate as JSON: exactly the CLI's `--json` output (the Bill). */
export function billJson(bill: Bill): string {
  return JSON.stringify(bill, null, 2) + '\n';
}

/** Markdown table comparing several bills (copy from the compare view). */
export function compareMarkdown(items: { name: string; bill: Bill }[], locale: UiLocale): string {
  const models = items.map((i) => buildResultModel(i.bill, locale));
  const out: string[] = [];
  out.push(`| ${l10n.t('Item')} | ${items.map((i) => mdCell(i.name)).join(' | ')} |`);
  out.push(`|---|${items.map(() => '---:').join('|')}|`);
  out.push(`| **${l10n.t('Total')}** | ${models.map((m) => `**${m.total}**`).join(' | ')} |`);
  out.push(`| ${l10n.t('Per day')} | ${models.map((m) => m.perDay).join(' | ')} |`);
  const keys: { key: string; label: string }[] = [];
  for (const m of models) for (const l of m.lines) if (!keys.some((k) => k.key === l.key)) keys.push({ key: l.key, label: l.label });
  for (const k of keys) {
    out.push(`| ${mdCell(k.label)} | ${models.map((m) => m.lines.find((l) => l.key === k.key)?.amount ?? '–').join(' | ')} |`);
  }
  out.push('');
  return out.join('\n');
}

export { groupDigits };
