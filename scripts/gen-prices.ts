// Writes docs/prices.md (English and Simplified Chinese) from the bundled tariff data (src/core/tariff/data).
// `--check` fails when the committed file differs from the data (`npm run prices:check`, part of `npm test`).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Citation, Text } from '../src/core/common';
import { tierName } from '../src/core/common';
import { tariff, type Applicability, type PriceEntry } from '../src/core/tariff/load';

type Lang = 'en' | 'zh';
const tx = (t: Text, lang: Lang) => t[lang];

const L = {
  title: { en: 'TRTC prices used by TRTC Cost', zh: 'TRTC Cost 使用的 TRTC 价格' },
  generated: {
    en: 'Generated from `src/core/tariff/data/*.json` by `npx tsx scripts/gen-prices.ts`; do not edit by hand (`npm run prices:check` fails on drift).',
    zh: '由 `npx tsx scripts/gen-prices.ts` 从 `src/core/tariff/data/*.json` 生成；请勿手工修改（内容不一致时 `npm run prices:check` 会失败）。',
  },
  asOf: { en: 'Prices as of', zh: '价格截至' },
  applies: { en: 'Applies', zh: '适用' },
  key: { en: 'Price key', zh: '价格键' },
  item: { en: 'Item', zh: '项目' },
  price: { en: 'Price', zh: '价格' },
  unit: { en: 'Unit', zh: '单位' },
  effective: { en: 'Effective', zh: '生效日期' },
  confidence: { en: 'Confidence', zh: '可信度' },
  source: { en: 'Source', zh: '来源' },
  note: { en: 'Note', zh: '说明' },
  everywhere: { en: 'every region', zh: '所有站点' },
  assumed: { en: 'assumed when the date is not set', zh: '未设置日期时默认采用' },
  onlyChosen: { en: 'only when chosen (tariff.metering)', zh: '仅在明确选择时（tariff.metering）' },
  notBilled: { en: 'not billed by the estimate yet', zh: '估算中尚未计入' },
};

const CONFIDENCE: Record<string, Text> = {
  verified: { en: 'verified', zh: '已核实' },
  inferred: { en: 'inferred', zh: '推断' },
  unverified: { en: 'NOT verified', zh: '未经核实' },
};
const REGION: Record<string, Text> = { mainland: { en: 'mainland China', zh: '中国站' }, international: { en: 'international', zh: '国际站' } };
const METERING: Record<string, Text> = {
  'per-stream': { en: 'per-stream metering', zh: '按单路流计费' },
  aggregate: { en: 'aggregate metering', zh: '按聚合分辨率计费' },
};
const DATE_FIELD: Record<string, Text> = {
  accountCreated: { en: 'account created', zh: '账号创建' },
  appCreated: { en: 'app created', zh: '应用创建' },
  periodStart: { en: 'usage', zh: '用量' },
};

function appliesText(a: Applicability, lang: Lang): string {
  const parts: string[] = [];
  parts.push(a.region ? tx(REGION[a.region], lang) : tx(L.everywhere, lang));
  if (a.metering) parts.push(tx(METERING[a.metering], lang));
  if (a.component) parts.push(a.component);
  for (const c of a.when ?? []) {
    const field = c.date.map((f) => tx(DATE_FIELD[f], lang)).join(lang === 'en' ? ' or ' : '或');
    if (lang === 'en')
      parts.push(`${field}${c.from ? ` on or after ${c.from}` : ''}${c.from && c.before ? ' and' : ''}${c.before ? ` before ${c.before}` : ''}`);
    else parts.push(`${field}${c.from ? `于 ${c.from} 或之后` : ''}${c.from && c.before ? '且' : ''}${c.before ? `早于 ${c.before}` : ''}`);
  }
  if (a.assumedWhenUnknown) parts.push(tx(L.assumed, lang));
  if (a.onlyWhenChosen) parts.push(tx(L.onlyChosen, lang));
  return parts.join(lang === 'en' ? '; ' : '；');
}

function itemText(p: PriceEntry, lang: Lang): string {
  if (p.label) return tx(p.label, lang);
  const parts = p.key.split('.');
  const tier = parts[parts.length - 1];
  const tierText = ['audio', 'SD', 'HD', 'FHD', '2K', '4K'].includes(tier) ? tx(tierName(tier as never), lang) : tier;
  switch (parts[0]) {
    case 'av':
      return lang === 'en' ? `Audio/video duration · ${tierText}` : `音视频时长 · ${tierText}`;
    case 'recording': {
      const mode =
        parts.length === 3
          ? ({ single: { en: ' (single-stream)', zh: '（单流）' }, mixed: { en: ' (mixed)', zh: '（合流）' } } as Record<string, Text>)[parts[1]]
          : undefined;
      return `${lang === 'en' ? 'Cloud recording' : '云端录制'}${mode ? tx(mode, lang) : ''} · ${tierText}`;
    }
    case 'mixing':
      return `${lang === 'en' ? 'Cloud mix-transcoding' : '云端混流转码'} ${parts[1].toUpperCase()} · ${tierText}`;
    case 'pack':
      if (p.minutes !== undefined)
        return lang === 'en' ? `Pack of ${p.minutes.toLocaleString('en-US')} min` : `${p.minutes.toLocaleString('en-US')} 分钟套餐包`;
      return lang === 'en'
        ? `Custom pack from ${p.fromMinutes!.toLocaleString('en-US')} min`
        : `自定义套餐包（${p.fromMinutes!.toLocaleString('en-US')} 分钟起）`;
    default:
      return p.key;
  }
}

function unitText(p: PriceEntry, currency: string | undefined, lang: Lang): string {
  const c = p.currency ?? currency ?? '';
  const zhC = c === 'CNY' ? '元' : c === 'USD' ? '美元' : c;
  switch (p.unit) {
    case 'per-1000-min':
      return lang === 'en' ? `${c} per 1,000 min` : `${zhC}/千分钟`;
    case 'per-mbps-month':
      return lang === 'en' ? `${c} per Mbps of monthly peak` : `${zhC}/Mbps（月峰值）`;
    case 'per-pack':
      return lang === 'en' ? `${c} per pack` : `${zhC}/个`;
    case 'per-min':
      return lang === 'en' ? `${c} per min` : `${zhC}/分钟`;
    case 'per-1000-chars':
      return lang === 'en' ? `${c} per 1,000 characters` : `${zhC}/千字符`;
  }
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A label and its colon: full-width in Chinese. */
const label = (t: Text, lang: Lang) => `${tx(t, lang)}${lang === 'zh' ? '：' : ': '}`;
const comma = (lang: Lang) => (lang === 'zh' ? '，' : ', ');
const paren = (s: string, lang: Lang) => (lang === 'zh' ? `（${s}）` : `(${s})`);
/** A book's citation note in the section's language (the Chinese note is required with every English one). */
const noteText = (c: Citation, lang: Lang) => (lang === 'zh' ? (c.noteZh ?? c.note!) : c.note!);

/** A link for sources that start with a URL; the rest of the text follows it. */
function sourceText(source: string): string {
  const m = /^(https?:\/\/\S+)(.*)$/.exec(source);
  if (!m) return cell(source);
  const url = m[1];
  const shown = url.replace(/^https?:\/\/(www\.)?/, '').replace(/^(github\.com\/[^/]+\/[^/]+)\/.*\/([^/]+)$/, '$1 … $2');
  return `[${cell(shown)}](<${url}>)${cell(m[2])}`;
}

export function pricesMarkdown(): string {
  const T = tariff();
  const out: string[] = [];
  for (const lang of ['en', 'zh'] as const) {
    out.push(
      `${lang === 'en' ? '#' : '#'} ${tx(L.title, lang)}`,
      '',
      tx(L.generated, lang),
      '',
      `**${label(L.asOf, lang)}${T.pricesAsOf}** — ${tx(T.pricesAsOfNote, lang)}`,
      '',
    );
    for (const { name, book } of T.files) {
      if (!book.priceList.length) {
        if (name === 'recording-mainland-css-legacy.json' || name.startsWith('free-') || name.startsWith('payment-') || name === 'room-limits.json') {
          const dated = `${book.citation.effective}${comma(lang)}${tx(CONFIDENCE[book.citation.confidence], lang)}`;
          out.push(
            `## ${tx(book.title, lang)}`,
            '',
            `- ${label(L.applies, lang)}${appliesText(book.applies, lang)}`,
            `- ${label(L.source, lang)}${cell(book.citation.source)} ${paren(dated, lang)}`,
          );
          if (book.citation.note) out.push(`- ${label(L.note, lang)}${cell(noteText(book.citation, lang))}`);
          out.push(`- \`${name}\``, '');
        }
        continue;
      }
      const currency = (book as { currency?: string }).currency;
      out.push(`## ${tx(book.title, lang)}`, '', `- ${label(L.applies, lang)}${appliesText(book.applies, lang)}`);
      if (book.citation.note) out.push(`- ${label(L.note, lang)}${cell(noteText(book.citation, lang))}`);
      out.push(`- \`${name}\``, '');
      out.push(
        `| ${tx(L.key, lang)} | ${tx(L.item, lang)} | ${tx(L.price, lang)} | ${tx(L.unit, lang)} | ${tx(L.effective, lang)} | ${tx(L.confidence, lang)} | ` +
          `${tx(L.source, lang)} |`,
      );
      out.push('|---|---|---:|---|---|---|---|');
      for (const p of book.priceList) {
        const item = `${itemText(p, lang)}${p.notBilled ? ` (${tx(L.notBilled, lang)})` : ''}`;
        out.push(
          `| \`${p.key}\` | ${cell(item)} | ${p.price} | ${unitText(p, currency, lang)} | ${p.effective} | ${tx(CONFIDENCE[p.confidence], lang)} | ` +
            `${sourceText(p.source)} |`,
        );
      }
      out.push('');
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

if (require.main === module) {
  const out = join(__dirname, '..', 'docs', 'prices.md');
  const text = pricesMarkdown();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(out, 'utf8');
    } catch {
      // missing: reported as drift below
    }
    if (current !== text) {
      console.error('docs/prices.md does not match the tariff data (src/core/tariff/data); run: npx tsx scripts/gen-prices.ts');
      process.exit(1);
    }
    console.log('docs/prices.md is up to date');
  } else {
    writeFileSync(out, text);
    console.log(`wrote ${out}`);
  }
}
