// trtc-cost: the headless command line on the same engine as the extension.
//   trtc-cost estimate <scenario.json> [--json | --markdown | --csv] [--lang en|zh-cn] [--today YYYY-MM-DD]
//   trtc-cost scan <files or folders> [--json] [--scenario project.json] [--exclude glob] [--max-size bytes] [--include-vendored]
// Exit codes: 0 success, 1 invalid input (with messages), 2 usage error.

import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { estimate, parseScenario, type Locale, type Problem } from '../core';
import { MAX_SCENARIO_BYTES } from '../core/scenario/validate';
import { renderCsv, renderMarkdown, renderText } from '../core/present/render';
import { argsError, environmentLocale, langArg, parseLang, t, useLocale } from './l10n';

export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
}

const USAGE = `Usage:
  trtc-cost estimate <scenario.json> [--json | --markdown | --csv] [--lang en|zh-cn] [--today YYYY-MM-DD] [--no-explain]
  trtc-cost scan <files or folders...> [--json] [--lang en|zh-cn] [--scenario project.json] [--exclude glob]... [--max-size bytes] [--include-vendored]
  trtc-cost diff [<base-ref>] [<head-ref>] [--json | --markdown] [--budget amount] [--max-increase amount|percent%]
  trtc-cost --help | --version

用法：
  trtc-cost estimate <场景.json> [--json | --markdown | --csv] [--lang en|zh-cn]
  trtc-cost scan <文件或目录...> [--json] [--lang en|zh-cn] [--scenario 项目文件.json] [--include-vendored]
  trtc-cost diff [<基准提交>] [<对比提交>] [--json | --markdown] [--budget 金额] [--max-increase 金额|百分比%]

Exit codes / 退出码: 0 ok, 1 invalid input / 输入无效, 2 usage error / 用法错误;
  diff: 3 over --budget / 超出预算, 4 over --max-increase / 涨幅超限
`;

export function formatProblem(file: string, p: Problem, locale: Locale): string {
  const where = p.line ? `${file}:${p.line}:${p.column ?? 1}` : file;
  return `${where}: ${p.path} ${locale === 'zh-cn' ? p.message.zh : p.message.en}`;
}

function isDay(v: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
}

async function runEstimate(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        markdown: { type: 'boolean' },
        md: { type: 'boolean' },
        csv: { type: 'boolean' },
        'no-explain': { type: 'boolean' },
        lang: { type: 'string' },
        today: { type: 'string' },
      },
    });
  } catch (e) {
    io.stderr(`${argsError(e)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals: files } = parsed;
  const locale = parseLang(values.lang);
  if (!locale) {
    io.stderr(t('--lang takes "en" or "zh-cn" (got {0})', values.lang ?? '') + '\n');
    return 2;
  }
  useLocale(locale);
  const today = values.today;
  if (today !== undefined && !isDay(today)) {
    io.stderr(t('--today takes a date YYYY-MM-DD') + '\n');
    return 2;
  }
  const formats = [values.json && 'json', (values.markdown || values.md) && 'markdown', values.csv && 'csv'].filter((f): f is string => !!f);
  if (formats.length > 1) {
    io.stderr(t('choose one output format: --json, --markdown or --csv') + '\n');
    return 2;
  }
  const format = formats[0] ?? 'text';
  if (files.length !== 1) {
    io.stderr(`${t('estimate takes exactly one scenario file')}\n\n${USAGE}`);
    return 2;
  }
  const path = resolve(io.cwd, files[0]);
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_SCENARIO_BYTES) {
      io.stderr(`${files[0]}: ${t('the file is {0} MB; scenario files are limited to 5 MB', (size / 1024 / 1024).toFixed(1))}\n`);
      return 1;
    }
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr(`${files[0]}: ${code === 'ENOENT' ? t('no such file') : code === 'EISDIR' ? t('is a folder, not a scenario file') : String(e)}\n`);
    return 1;
  }
  const parsedScenario = parseScenario(text);
  for (const w of parsedScenario.warnings) io.stderr(`${t('warning')}: ${formatProblem(files[0], w, locale)}\n`);
  if (!parsedScenario.scenario) {
    for (const p of parsedScenario.errors) io.stderr(`${t('error')}: ${formatProblem(files[0], p, locale)}\n`);
    io.stderr(t('{0} error(s); nothing estimated', parsedScenario.errors.length) + '\n');
    return 1;
  }
  const bill = estimate(parsedScenario.scenario, { today });
  switch (format) {
    case 'json':
      io.stdout(JSON.stringify(bill, null, 2) + '\n');
      break;
    case 'markdown':
      io.stdout(renderMarkdown(bill, locale));
      break;
    case 'csv':
      io.stdout(renderCsv(bill, locale));
      break;
    default:
      io.stdout(renderText(bill, locale, { explain: !values['no-explain'] }));
  }
  return 0;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  useLocale(parseLang(langArg(rest)) ?? environmentLocale());
  try {
    switch (command) {
      case 'estimate':
        return await runEstimate(rest, io);
      case 'scan': {
        const { runScan } = await import('./scan');
        return await runScan(rest, io);
      }
      case 'diff': {
        const { runDiff } = await import('./diff');
        return await runDiff(rest, io);
      }
      case '--version':
      case '-v':
        io.stdout(`${typeof __VERSION__ === 'string' ? __VERSION__ : 'dev'}\n`);
        return 0;
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE);
        return 0;
      default:
        io.stderr(`${command ? `${t('unknown command "{0}"', command)}\n\n` : ''}${USAGE}`);
        return 2;
    }
  } catch (e) {
    io.stderr(`${t('internal error')}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

declare const __VERSION__: string | undefined;

if (require.main === module) {
  const io: CliIO = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), cwd: process.cwd() };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
