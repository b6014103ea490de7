// Presenting a bill: plain text (terminal), Markdown (copy into a doc or PR), CSV (spreadsheet).
// Shared by the CLI, the panel and the extension, so every surface says the same thing.

import { formatMoney, tierName, type Locale, type Text } from '../common';
import type { Bill } from '../bill/types';

export const t = (text: Text, locale: Locale): string => (locale === 'zh-cn' ? text.zh : text.en);

/** "label: value" (Chinese: 全角冒号). */
const kv = (label: string, value: string, locale: Locale): string => (locale === 'zh-cn' ? `${label}：${value}` : `${label}: ${value}`);
/** "text (aside)" (Chinese: 全角括号, no space). */
const aside = (text: string, note: string, locale: Locale): string => (locale === 'zh-cn' ? `${text}（${note}）` : `${text} (${note})`);

const L = {
  title: { en: 'TRTC cost estimate', zh: 'TRTC 费用估算' },
  book: { en: 'Price book', zh: '价目表' },
  asOf: { en: 'Prices as of', zh: '价格截至' },
  period: { en: 'Period', zh: '计费周期' },
  days: { en: 'days', zh: '天' },
  payment: { en: 'Payment', zh: '付费方式' },
  daily: { en: 'postpaid, daily settlement', zh: '后付费日结' },
  monthly: { en: 'postpaid, monthly settlement', zh: '后付费月结' },
  total: { en: 'Total for the period', zh: '周期总计' },
  perDay: { en: 'Per day (average)', zh: '日均' },
  item: { en: 'Item', zh: '项目' },
  minutes: { en: 'Minutes', zh: '分钟数' },
  free: { en: 'Free', zh: '免费抵扣' },
  freeInline: { en: 'free', zh: '免费' },
  packInline: { en: 'from packs', zh: '套餐包' },
  pack: { en: 'Packs', zh: '套餐包抵扣' },
  billed: { en: 'Billed', zh: '计费' },
  unit: { en: 'Unit price', zh: '单价' },
  amount: { en: 'Amount', zh: '金额' },
  rooms: { en: 'Rooms (list price, before free minutes and packs)', zh: '房间（刊例价，未扣免费时长和套餐包）' },
  warnings: { en: 'Warnings', zh: '警告' },
  assumptions: { en: 'Assumptions (change them in the scenario file)', zh: '假设（可在场景文件中修改）' },
  advice: { en: 'Cheapest way to pay', zh: '最省的付费方式' },
  why: { en: 'Why', zh: '计算依据' },
  per1000: { en: 'per 1,000 min', zh: '每千分钟' },
  min: { en: 'min', zh: '分钟' },
  perMbps: { en: 'per Mbps', zh: '每 Mbps' },
  perMonth: { en: 'per month', zh: '每月' },
  perUserMonth: { en: 'per user a month', zh: '每用户每月' },
  perChars: { en: 'per 1,000 characters', zh: '每千字符' },
  characters: { en: 'characters', zh: '字符' },
  choices: { en: 'Package choices instead of a suspension (same usage)', zh: '可替代停用的套餐选项（相同用量）' },
  notPublished: { en: 'fee not published', zh: '费用未公布' },
  app: { en: 'app', zh: '应用' },
  fee: { en: 'fee', zh: '套餐费' },
  payg: { en: 'pay-as-you-go', zh: '按量计费' },
  month: { en: 'month', zh: '月' },
  sources: { en: 'Sources', zh: '来源' },
  unverified: { en: 'not verified', zh: '未经核实' },
};

const unitText = (unit: Bill['lines'][number]['unit'], locale: Locale): string =>
  t(
    unit === 'per-mbps-month'
      ? L.perMbps
      : unit === 'per-month'
        ? L.perMonth
        : unit === 'per-user-month'
          ? L.perUserMonth
          : unit === 'per-1000-chars'
            ? L.perChars
            : L.per1000,
    locale,
  );

const num = (v: string): string => {
  const [int, frac] = v.split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
};

function header(bill: Bill, locale: Locale): string[] {
  const money = (a: string) => formatMoney(a, bill.currency, locale);
  const comma = locale === 'zh-cn' ? '，' : ', ';
  const book = aside(t(bill.book.title, locale), bill.book.effective + (bill.book.confidence !== 'verified' ? comma + t(L.unverified, locale) : ''), locale);
  const total = money(bill.total);
  return [
    kv(t(L.book, locale), book, locale),
    kv(t(L.asOf, locale), bill.pricesAsOf, locale),
    kv(t(L.period, locale), `${bill.period.start}${comma}${bill.period.days} ${t(L.days, locale)}`, locale),
    kv(t(L.payment, locale), t(bill.paymentMode === 'postpaid-daily' ? L.daily : L.monthly, locale), locale),
    kv(t(L.total, locale), bill.total !== bill.totalRounded ? aside(total, `${bill.total} ${bill.currency}`, locale) : total, locale),
    kv(t(L.perDay, locale), money(bill.perDay), locale),
  ];
}

export function renderText(bill: Bill, locale: Locale, options: { explain?: boolean } = {}): string {
  const money = (a: string, d = 2) => formatMoney(a, bill.currency, locale, d);
  const out: string[] = [t(L.title, locale), '='.repeat(t(L.title, locale).length), ...header(bill, locale), ''];
  // One suspension warning per suspended app ("suspended", or "suspended:<app>" with several apps).
  const suspended = bill.warnings.filter((w) => w.code === 'suspended' || w.code.startsWith('suspended:'));
  for (const w of suspended) out.push(`!! ${t(w.text, locale)}`);
  if (suspended.length) out.push('');
  for (const line of bill.lines) {
    const unit = unitText(line.unit, locale);
    out.push(`${t(line.label, locale)}`);
    if (line.unit === 'per-1000-min') {
      out.push(
        `  ${num(line.minutes)} ${t(L.min, locale)}${line.freeMinutes !== '0' ? ` − ${num(line.freeMinutes)} ${t(L.freeInline, locale)}` : ''}${
          line.packMinutes !== '0' ? ` − ${num(line.packMinutes)} ${t(L.packInline, locale)}` : ''
        } × ${money(line.unitPrice, 4)} ${unit} = ${money(line.amount, 4)}`,
      );
    } else if (line.unit === 'per-1000-chars') {
      // Text-to-speech lines (bill/ai.ts): billable characters instead of minutes.
      out.push(`  ${num(line.characters ?? '0')} ${t(L.characters, locale)} × ${money(line.unitPrice, 4)} ${unit} = ${money(line.amount, 4)}`);
    } else {
      out.push(`  ${money(line.unitPrice, line.unit === 'per-user-month' ? 3 : 2)} ${unit} = ${money(line.amount, 2)}`);
    }
    if (options.explain !== false) for (const e of line.explanation) out.push(`    · ${t(e, locale)}`);
  }
  if (bill.rooms.length) {
    out.push('', t(L.rooms, locale));
    for (const r of [...bill.rooms].sort((a, b) => Number(b.monthly) - Number(a.monthly))) {
      out.push(`  ${kv(r.name, aside(money(r.monthly), t(tierName(r.mainTier), locale), locale), locale)}`);
    }
  }
  for (const sus of bill.suspensions ?? (bill.suspension ? [bill.suspension] : [])) {
    out.push('', `${t(L.choices, locale)}${sus.app !== undefined ? ` — ${t(L.app, locale)} "${sus.app}"` : ''}`);
    for (const c of sus.choices)
      out.push(
        `  ${kv(
          t(c.name, locale),
          c.total === null
            ? t(L.notPublished, locale)
            : aside(money(c.total), `${t(L.fee, locale)} ${money(c.fee!)} + ${t(L.payg, locale)} ${money(c.payAsYouGo!)}`, locale),
          locale,
        )}`,
      );
  }
  if (bill.advice) {
    out.push('', t(L.advice, locale));
    for (const e of bill.advice.explanation) out.push(`  ${t(e, locale)}`);
  }
  if (bill.warnings.length) {
    out.push('', t(L.warnings, locale));
    for (const w of bill.warnings) out.push(`  ! ${t(w.text, locale)}`);
  }
  if (bill.assumptions.length) {
    out.push('', t(L.assumptions, locale));
    for (const a of bill.assumptions) out.push(`  - ${t(a.text, locale)}`);
  }
  const sources = [
    ...new Set(
      bill.lines.map((l) => `${l.citation.source} (${l.citation.effective}${l.citation.confidence !== 'verified' ? `, ${l.citation.confidence}` : ''})`),
    ),
  ];
  if (sources.length) {
    out.push('', t(L.sources, locale));
    for (const s of sources) out.push(`  ${s}`);
  }
  return out.join('\n') + '\n';
}

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(bill: Bill, locale: Locale): string {
  const money = (a: string, d = 2) => formatMoney(a, bill.currency, locale, d);
  const out: string[] = [`## ${t(L.title, locale)}`, '', ...header(bill, locale).map((h) => `- ${h}`), ''];
  out.push(
    `| ${t(L.item, locale)} | ${t(L.minutes, locale)} | ${t(L.free, locale)} | ${t(L.pack, locale)} | ${t(L.billed, locale)} | ${t(L.unit, locale)} | ` +
      `${t(L.amount, locale)} |`,
  );
  out.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const l of bill.lines) {
    const unit = unitText(l.unit, locale);
    out.push(
      `| ${mdCell(t(l.label, locale))} | ${l.characters !== undefined ? `${num(l.characters)} ${t(L.characters, locale)}` : num(l.minutes)} | ` +
        `${num(l.freeMinutes)} | ${num(l.packMinutes)} | ${
          l.characters !== undefined ? `${num(l.characters)} ${t(L.characters, locale)}` : num(l.postpaidMinutes)
        } | ${money(l.unitPrice, 4)} ${unit} | ${money(l.amount, 4)} |`,
    );
  }
  out.push(`| **${t(L.total, locale)}** | | | | | | **${money(bill.total)}** |`, '');
  out.push(`### ${t(L.why, locale)}`, '');
  for (const l of bill.lines) {
    out.push(`- **${mdCell(t(l.label, locale))}**`);
    for (const e of l.explanation) out.push(`  - ${t(e, locale)}`);
    out.push(`  - ${kv(t(L.sources, locale), aside(l.citation.source, l.citation.effective, locale), locale)}`);
  }
  if (bill.advice) {
    out.push('', `### ${t(L.advice, locale)}`, '');
    for (const e of bill.advice.explanation) out.push(`- ${t(e, locale)}`);
  }
  if (bill.warnings.length) {
    out.push('', `### ${t(L.warnings, locale)}`, '');
    for (const w of bill.warnings) out.push(`- ⚠ ${t(w.text, locale)}`);
  }
  if (bill.assumptions.length) {
    out.push('', `### ${t(L.assumptions, locale)}`, '');
    for (const a of bill.assumptions) out.push(`- ${t(a.text, locale)}`);
  }
  return out.join('\n') + '\n';
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** One row per line item; numbers exact and unformatted so spreadsheets can sum them. */
export function renderCsv(bill: Bill, locale: Locale): string {
  const rows = [
    ['key', 'item', 'minutes', 'free_minutes', 'pack_minutes', 'billed_minutes', 'unit_price', 'unit', 'amount', 'currency', 'source', 'effective'],
  ];
  rows.push(['prices_as_of', t(L.asOf, locale), '', '', '', '', '', '', '', '', '', bill.pricesAsOf]);
  for (const l of bill.lines) {
    rows.push([
      l.key,
      t(l.label, locale),
      l.minutes,
      l.freeMinutes,
      l.packMinutes,
      l.postpaidMinutes,
      l.unitPrice,
      l.unit,
      l.amount,
      bill.currency,
      l.citation.source,
      l.citation.effective,
    ]);
  }
  rows.push(['total', t(L.total, locale), '', '', '', '', '', '', bill.total, bill.currency, '', '']);
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}
