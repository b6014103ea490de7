// trtc-cost: the headless command line on the same engine as the extension.
//   trtc-cost estimate <scenario.json> [--json | --markdown | --csv] [--lang en|zh-cn] [--today YYYY-MM-DD]
//   trtc-cost scan <files or folders> [--json] [--scenario project.json] [--exclude glob] [--max-size bytes] [--include-vendored]
// Exit codes: 0 success, 1 invalid input (with messages), 2 usage error.

import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { estimate, parseScenario, type Locale, type Problem } from '../core';
import { MAX_SCENARIO_BYTES } from '../core/scenario/validate';
import { renderCsv, renderMarkdown, renderText } from '../core/present/render';

export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
}

const USAGE = `Usage:
  trtc-cost estimate <scenario.json> [--json | --markdown | --csv] [--lang en|zh-cn] [--today YYYY-MM-DD] [--no-explain]
  trtc-cost scan <files or folders...> [--json] [--scenario project.json] [--exclude glob]... [--max-size bytes] [--include-vendored]
  trtc-cost diff [<base-ref>] [<head-ref>] [--json | --markdown] [--budget amount] [--max-increase amount|percent%]
  trtc-cost --help | --version

用法：
  trtc-cost estimate <场景.json> [--json | --markdown | --csv] [--lang en|zh-cn]
  trtc-cost scan <文件或目录...> [--json] [--scenario 项目文件.json] [--include-vendored]
  trtc-cost diff [<基准提交>] [<对比提交>] [--json | --markdown] [--budget 金额] [--max-increase 金额|百分比%]

Exit codes / 退出码: 0 ok, 1 invalid input / 输入无效, 2 usage error / 用法错误;
  diff: 3 over --budget / 超出预算, 4 over --max-increase / 涨幅超限
`;

function defaultLocale(): Locale {
  const env = `${process.env.LC_ALL ?? ''}${process.env.LANG ?? ''}`.toLowerCase();
  return env.startsWith('zh') ? 'zh-cn' : 'en';
}

export function formatProblem(file: string, p: Problem, locale: Locale): string {
  const where = p.line ? `${file}:${p.line}:${p.column ?? 1}` : file;
  return `${where}: ${p.path} ${locale === 'zh-cn' ? p.message.zh : p.message.en}`;
}

async function runEstimate(args: string[], io: CliIO): Promise<number> {
  let format: 'text' | 'json' | 'markdown' | 'csv' = 'text';
  let locale = defaultLocale();
  let today: string | undefined;
  let explain = true;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') format = 'json';
    else if (a === '--markdown' || a === '--md') format = 'markdown';
    else if (a === '--csv') format = 'csv';
    else if (a === '--no-explain') explain = false;
    else if (a === '--lang') {
      const v = args[++i];
      if (v !== 'en' && v !== 'zh-cn') {
        io.stderr(`--lang takes "en" or "zh-cn" (got ${v ?? 'nothing'})\n`);
        return 2;
      }
      locale = v;
    } else if (a === '--today') {
      const v = args[++i];
      if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) {
        io.stderr('--today takes a date YYYY-MM-DD\n');
        return 2;
      }
      today = v;
    } else if (a.startsWith('-')) {
      io.stderr(`unknown option ${a}\n\n${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (files.length !== 1) {
    io.stderr(`estimate takes exactly one scenario file\n\n${USAGE}`);
    return 2;
  }
  const path = resolve(io.cwd, files[0]);
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_SCENARIO_BYTES) {
      io.stderr(`${files[0]}: the file is ${(size / 1024 / 1024).toFixed(1)} MB; scenario files are limited to 5 MB / 场景文件不能超过 5 MB\n`);
      return 1;
    }
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr(
      `${files[0]}: ${code === 'ENOENT' ? 'no such file / 文件不存在' : code === 'EISDIR' ? 'is a folder, not a scenario file / 是目录而不是场景文件' : String(e)}\n`,
    );
    return 1;
  }
  const parsed = parseScenario(text);
  for (const w of parsed.warnings) io.stderr(`warning: ${formatProblem(files[0], w, locale)}\n`);
  if (!parsed.scenario) {
    for (const p of parsed.errors) io.stderr(`error: ${formatProblem(files[0], p, locale)}\n`);
    io.stderr(`${parsed.errors.length} error(s); nothing estimated / 共 ${parsed.errors.length} 个错误，未进行估算\n`);
    return 1;
  }
  const bill = estimate(parsed.scenario, { today });
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
      io.stdout(renderText(bill, locale, { explain }));
  }
  return 0;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
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
        io.stderr(`${command ? `unknown command "${command}"\n\n` : ''}${USAGE}`);
        return 2;
    }
  } catch (e) {
    io.stderr(`internal error / 内部错误: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
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
