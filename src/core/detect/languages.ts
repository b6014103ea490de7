// Language ids (VS Code's) for file names, and the lexer family for each language id.
import type { LanguageFamily } from './lexer';

const EXTENSION_LANGUAGE: Record<string, string> = {
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascriptreact',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'typescriptreact',
  vue: 'vue',
  nvue: 'vue',
  html: 'html',
  htm: 'html',
  java: 'java',
  kt: 'kotlin',
  kts: 'kotlin',
  m: 'objective-c',
  mm: 'objective-cpp',
  h: 'cpp',
  hpp: 'cpp',
  swift: 'swift',
  cpp: 'cpp',
  cc: 'cpp',
  cxx: 'cpp',
  c: 'c',
  cs: 'csharp',
  dart: 'dart',
  py: 'python',
  go: 'go',
  json: 'json',
  jsonc: 'jsonc',
  wxml: 'wxml',
};

/** VS Code language id for a path (by extension), or undefined for files detection does not read. */
export function languageIdForFile(path: string): string | undefined {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const base = path.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return undefined;
  if (base.endsWith('.d.ts')) return undefined; // declarations configure nothing
  return EXTENSION_LANGUAGE[base.slice(dot + 1).toLowerCase()];
}

/** The language ids of JavaScript-family files (the Web, Electron, React Native, uni-app and Mini Program SDKs). */
export const JS_LANGUAGES = ['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'vue', 'html'] as const;

export function familyForLanguage(languageId: string): LanguageFamily | undefined {
  switch (languageId) {
    case 'javascript':
    case 'typescript':
    case 'javascriptreact':
    case 'typescriptreact':
    case 'vue':
    case 'html':
      return 'js';
    case 'java':
    case 'objective-c':
    case 'objective-cpp':
    case 'cpp':
    case 'c':
      return 'c';
    case 'csharp':
      return 'csharp';
    case 'kotlin':
      return 'kotlin';
    case 'swift':
      return 'swift';
    case 'dart':
      return 'dart';
    case 'go':
      return 'go';
    case 'python':
      return 'python';
    case 'json':
    case 'jsonc':
      return 'json';
    default:
      return undefined;
  }
}

/**
 * Script blocks of a Vue single-file component (or an HTML page): the [start, end) ranges of
 * the text between `<script ...>` and `</script>`. Every block is read (a page may have hundreds):
 * each search starts after the previous block, so this is linear in the text, and the number of
 * blocks is bounded by its length.
 */
export function scriptRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // Case-insensitive searches in the text itself: a lower-cased copy costs a pass and an allocation
  // of the whole text, and its offsets differ where lower-casing changes a character's length.
  const opening = /<script/gi;
  const closing = /<\/script/gi;
  let at = 0;
  for (;;) {
    opening.lastIndex = at;
    const o = opening.exec(text);
    if (!o) break;
    const tagEnd = text.indexOf('>', o.index + 7);
    if (tagEnd < 0) break;
    closing.lastIndex = tagEnd + 1;
    const c = closing.exec(text);
    const close = c ? c.index : -1;
    const end = close < 0 ? text.length : close;
    out.push([tagEnd + 1, end]);
    if (close < 0) break;
    at = close + 8;
  }
  return out;
}
