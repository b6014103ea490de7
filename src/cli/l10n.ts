// The command line's translator: @vscode/l10n, the library VS Code's own l10n is built on, reading the same
// bundle as the extension host and the calculator (l10n/bundle.l10n.zh-cn.json; English text is the key).
// The engine's texts are already bilingual ({ en, zh }) and are picked with `pickText`.
import * as l10n from '@vscode/l10n';
import type { Locale, Text } from '../core';
import zhCn from '../../l10n/bundle.l10n.zh-cn.json';

let current: Locale = 'en';

/** The locale asked for by the environment (LC_ALL, then LANG); English unless it starts with "zh". */
export function environmentLocale(env: Record<string, string | undefined> = process.env): Locale {
  const v = (env.LC_ALL || env.LANG || '').toLowerCase();
  return v.startsWith('zh') ? 'zh-cn' : 'en';
}

/** `--lang`: the language of everything printed (default: LC_ALL / LANG); undefined for a bad value (a usage error). */
export function parseLang(value: string | undefined): Locale | undefined {
  if (value === undefined) return environmentLocale();
  return value === 'en' || value === 'zh-cn' ? value : undefined;
}

/** The value of `--lang` among raw arguments, so that even an error in parsing the rest is in that language. */
export function langArg(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') break;
    if (args[i] === '--lang') return args[i + 1];
    if (args[i].startsWith('--lang=')) return args[i].slice('--lang='.length);
  }
  return undefined;
}

/** Chooses the language of every later `t()` and `pickText()`. */
export function useLocale(locale: Locale): void {
  current = locale;
  l10n.config({ contents: locale === 'zh-cn' ? zhCn : {} });
}

export function cliLocale(): Locale {
  return current;
}

/** Translates an English message (placeholders {0}, {1}…), as vscode.l10n.t does in the extension. */
export function t(message: string, ...args: Array<string | number>): string {
  return l10n.t(message, ...args);
}

/**
 * util.parseArgs's error in the chosen language: its own messages are English and long (an unknown option's
 * advice on `--` included), so the three kinds a user meets get a short line naming the option.
 */
export function argsError(e: unknown): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return t('unknown option {0}', option);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return t('{0} needs a value', option);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return t('unexpected argument: {0}', message);
  return message;
}

/** The engine's bilingual text in the chosen language. */
export function pickText(text: Text): string {
  return current === 'zh-cn' ? text.zh : text.en;
}

useLocale('en');
