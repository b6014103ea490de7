// Vendored and generated code: files a workspace holds but the app did not write (the TRTC SDK's own
// bundles and headers, minified libraries, build output, generated code). Detection skips them: a
// "room" found inside the SDK's bundle is not a room the app configures, and tokenizing a 1 MB
// minified line is wasted work. Pure (no Node built-ins) and linear: the path, the first 4 KB, the
// last few hundred characters and one pass over line lengths.
import type { Text } from '../common';

export interface VendoredReason {
  /** Stable code, e.g. "vendored.minified", "vendored.sdk-banner". */
  code: string;
  /** A short sentence saying why the file is skipped. */
  text: Text;
}

/** How much of the file start is searched for banners and bundle preambles. */
const HEADER_CHARS = 4096;
/** How much of the file end is searched for a source map comment. */
const TAIL_CHARS = 512;
/** A line longer than this is not written by hand. */
const LONG_LINE = 5000;
/** An average line longer than this (over a file of meaningful size) is minified code. */
const LONG_AVERAGE = 300;
const AVERAGE_MIN_CHARS = 10_000;
/** Characters of a long line examined to tell code from data (bounds the work on a 5 MB line). */
const SAMPLE_CHARS = 16_384;
/** Fewer hand-written lines than this around long data lines: the file is data, not code. */
const MIN_NORMAL_LINES = 5;

/**
 * Why `path` (workspace-relative, '/' separators) is vendored or generated code, or undefined when it
 * is the app's own source. With `text` undefined only the path is checked (cheap, before reading);
 * call again with the text for the content checks. Never throws.
 */
export function vendoredReason(path: string, text: string | undefined): VendoredReason | undefined {
  try {
    if (typeof path !== 'string') return undefined;
    const p = splitPath(path);
    const byPath = pathReason(p);
    if (byPath || typeof text !== 'string' || text.length === 0) return byPath;
    return contentReason(p, text);
  } catch {
    return undefined; // a skip decision must never break a scan
  }
}

// ---------------------------------------------------------------------------------------------
// Path

interface SplitPath {
  /** Directory segments, lower case. */
  dirs: string[];
  /** File name as written. */
  name: string;
  /** File name, lower case. */
  lower: string;
  /** The path as given, '/' separated, for messages. */
  shown: string;
}

function splitPath(path: string): SplitPath {
  const shown = path.replace(/\\/g, '/');
  const segments = shown.split('/').filter((s) => s.length > 0 && s !== '.');
  const name = segments.pop() ?? '';
  return { dirs: segments.map((s) => s.toLowerCase()), name, lower: name.toLowerCase(), shown };
}

const t = (en: string, zh: string): Text => ({ en, zh });

function reason(code: string, en: string, zh: string): VendoredReason {
  return { code, text: t(en, zh) };
}

/** Folders that hold build output: never the app's source. */
const BUILD_DIRS = new Set(['dist', 'build', 'out', '.next', '.nuxt', '.output', 'unpackage', '.dart_tool', 'ephemeral', '.gradle', 'deriveddata']);

/** Folders that hold other people's code: package managers' folders and vendored copies. */
const DEPENDENCY_DIRS = new Set([
  'node_modules',
  'node_module', // Tencent's TUICalling mini program demo keeps trtc-wx.js and tim-wx-sdk.js in one
  'miniprogram_npm', // WeChat DevTools' "build npm" output
  'bower_components',
  'jspm_packages',
  'vendor',
  'third_party',
  'third-party',
  'thirdparty',
  '3rdparty',
  'pods',
  'carthage',
  '.pub-cache',
  '.symlinks', // Flutter's ios/.symlinks/plugins: the plugins' own sources
  'nativeplugins', // uni-app native plugins (the TRTC uni-app plugin is one)
]);

/**
 * Mini program components copied whole from Tencent's demos: their templates and scripts are the
 * component's implementation; the page that uses `<trtc-room>` is the app's code.
 */
const SDK_COMPONENT_DIRS = new Set(['trtc-room', 'webrtc-room', 'rtc-room', 'trtccalling', 'tuicalling']);

/** Tencent SDK files that keep their distribution name wherever an app puts them. */
const SDK_FILE_NAMES = new Set([
  'trtc-wx.js',
  'trtc-wx-sdk.js',
  'trtc.esm.js',
  'trtc.umd.js',
  'trtc.cjs.js',
  'trtc-js-sdk.js',
  'trtc-sdk-v5.js',
  'tim-wx.js',
  'tim-wx-sdk.js',
  'tim-wx-friendship.js',
  'tim-js.js',
  'tim-js-sdk.js',
  'tim-js-friendship.js',
  'tsignaling-wx.js',
  'tsignaling-js.js',
  'webim_wx.js',
  'tuicall-engine-wx.js',
  'tuicall-engine-webrtc.js',
]);

function endsWithAny(s: string, suffixes: readonly string[]): string | undefined {
  for (const x of suffixes) if (s.endsWith(x)) return x;
  return undefined;
}

const MINIFIED_SUFFIXES = ['.min.js', '.min.mjs', '.min.cjs', '.bundle.js', '.bundle.mjs', '.umd.js', '.umd.cjs'];
const GENERATED_SUFFIXES = [
  '.g.dart',
  '.freezed.dart',
  '.mocks.dart',
  '.gr.dart',
  '.pbenum.dart',
  '.pbjson.dart',
  '.pbgrpc.dart',
  '.pbserver.dart',
  '_pb2.py',
  '_pb2_grpc.py',
  '_pb.js',
  '_grpc_pb.js',
  '.designer.cs',
];
const JS_EXTENSIONS = ['.js', '.mjs', '.cjs'];

function pathReason(p: SplitPath): VendoredReason | undefined {
  const { dirs, lower, name } = p;
  const minified = endsWithAny(lower, MINIFIED_SUFFIXES);
  if (minified) return reason('vendored.minified-name', `minified or bundled file (named *${minified})`, `压缩或打包后的文件（文件名为 *${minified}）`);
  if (lower.endsWith('.map')) return reason('vendored.source-map', 'source map of a built file', '构建产物的 source map');
  const generated = endsWithAny(lower, GENERATED_SUFFIXES) ?? (lower.includes('.pb.') ? '.pb.*' : lower.includes('.pbobjc.') ? '.pbobjc.*' : undefined);
  if (generated) return reason('vendored.generated', `generated file (*${generated})`, `生成的代码（*${generated}）`);
  if (lower.startsWith('generatedpluginregistrant.')) return reason('vendored.generated', `generated file (${name})`, `生成的代码（${name}）`);

  for (let i = 0; i < dirs.length; i++) {
    const d = dirs[i];
    if (BUILD_DIRS.has(d)) return reason('vendored.build-output', `build output (under ${d}/)`, `构建产物（位于 ${d}/ 下）`);
    if (DEPENDENCY_DIRS.has(d)) return reason('vendored.dependency', `third-party code (under ${d}/)`, `第三方代码（位于 ${d}/ 下）`);
    if (d === 'generated') return reason('vendored.generated', 'generated code (under generated/)', '生成的代码（位于 generated/ 下）');
    if (d.endsWith('.framework') || d.endsWith('.xcframework') || d.startsWith('txliteavsdk')) {
      return reason('vendored.sdk-folder', `the SDK's own files (under ${d}/)`, `SDK 自带的文件（位于 ${d}/ 下）`);
    }
    if (d === 'js_sdk' && i >= 2 && dirs[i - 2] === 'uni_modules') {
      return reason('vendored.sdk-folder', "a uni-app plugin's SDK (under uni_modules/*/js_sdk/)", 'uni-app 插件自带的 SDK（位于 uni_modules/*/js_sdk/ 下）');
    }
    if (d === 'trtccloud' && dirs[i + 1] === 'lib') {
      return reason('vendored.sdk-folder', "the uni-app TRTC SDK's JS layer (TrtcCloud/lib/)", 'uni-app TRTC SDK 的 JS 封装层（TrtcCloud/lib/）');
    }
    if (SDK_COMPONENT_DIRS.has(d)) {
      return reason('vendored.sdk-component', `the ${d} component's own code (copied from Tencent's demo)`, `${d} 组件自身的代码（拷贝自腾讯云 Demo）`);
    }
  }

  if (SDK_FILE_NAMES.has(lower)) return sdkFile(name);
  const inSdkFolder = dirs.includes('sdk') || dirs.includes('libs');
  if (inSdkFolder && endsWithAny(lower, JS_EXTENSIONS) && (lower.startsWith('trtc.') || lower.startsWith('trtc-sdk') || lower.startsWith('trtc-js-sdk'))) {
    return sdkFile(name);
  }
  return undefined;
}

function sdkFile(name: string): VendoredReason {
  return reason('vendored.sdk-file', `the TRTC SDK's own file (${name})`, `TRTC SDK 自带的文件（${name}）`);
}

// ---------------------------------------------------------------------------------------------
// Content

/** Package names and banners of Tencent SDK files, with the SDK they name. */
const SDK_BANNERS: ReadonlyArray<[needle: string, sdk: string]> = [
  ['trtc-sdk-v5', 'TRTC'],
  ['trtc-js-sdk', 'TRTC'],
  ['trtc web sdk', 'TRTC'],
  ['trtc-wx', 'TRTC'],
  ['txliteavsdk', 'TRTC'],
  ['liteavsdk', 'TRTC'],
  ['tim-js-sdk', 'Chat'],
  ['tim-wx-sdk', 'Chat'],
  ['tsignaling', 'Chat'],
  ['tuicall-engine', 'TUICallKit'],
  ['@tencentcloud/', 'Tencent Cloud'],
  ['@tencent/', 'Tencent'],
];

/** Bundler and compiler preambles: found in a file's first 4 KB, never in hand-written source. */
const PREAMBLES: ReadonlyArray<[needle: string, what: string, whatZh: string]> = [
  ['/*! For license information please see', 'webpack license banner', 'webpack 许可证横幅'],
  ['__webpack_require__', 'webpack runtime', 'webpack 运行时'],
  ['webpackJsonp', 'webpack chunk', 'webpack 分块'],
  ['.webpackChunk', 'webpack chunk', 'webpack 分块'],
  ['parcelRequire', 'Parcel runtime', 'Parcel 运行时'],
  ['(this && this.__', 'TypeScript helpers', 'TypeScript 辅助函数'],
  ['Object.defineProperty(exports, "__esModule"', 'compiled CommonJS module', '编译后的 CommonJS 模块'],
  ['Object.defineProperty(exports,"__esModule"', 'compiled CommonJS module', '编译后的 CommonJS 模块'],
];

function contentReason(p: SplitPath, text: string): VendoredReason | undefined {
  const header = text.length > HEADER_CHARS ? text.slice(0, HEADER_CHARS) : text;
  const comment = leadingComment(header);
  if (comment.length > 0) {
    const banner = sdkBanner(comment);
    if (banner) return banner;
    const lc = comment.toLowerCase();
    if (p.dirs.includes('sdk') && lc.includes('copyright') && lc.includes('tencent')) {
      return reason(
        'vendored.sdk-file',
        "the SDK's own file (in an SDK folder, with Tencent's copyright banner)",
        'SDK 自带的文件（位于 SDK 目录，带腾讯版权声明）',
      );
    }
    if (comment.startsWith('/*!') && hasVersion(comment)) {
      const line = bannerLine(comment, 0);
      return reason('vendored.library-banner', `a third-party library (banner '${line}')`, `第三方库（横幅 '${line}'）`);
    }
  }
  for (const [needle, what, whatZh] of PREAMBLES) {
    if (header.includes(needle))
      return reason('vendored.bundle-header', `bundled or compiled file (${what} in its header)`, `打包或编译后的文件（文件头含${whatZh}）`);
  }
  if (header.includes('define.amd') && header.includes('typeof exports')) {
    return reason('vendored.bundle-header', 'bundled file (a UMD wrapper in its header)', '打包后的文件（文件头为 UMD 包装）');
  }
  if (header.includes('__defProp') && header.includes('Object.defineProperty')) {
    return reason('vendored.bundle-header', 'bundled file (esbuild helpers in its header)', '打包后的文件（文件头含 esbuild 辅助函数）');
  }
  const lines = lineStats(text);
  if (lines.longCodeChars > 0 && lines.longCodeChars * 2 >= text.length) {
    return reason(
      'vendored.minified',
      `minified or bundled file (a line of ${count(lines.max)} characters)`,
      `压缩或打包后的文件（单行 ${count(lines.max)} 个字符）`,
    );
  }
  if (lines.dataChars * 2 >= text.length && lines.normal < MIN_NORMAL_LINES) {
    return reason('vendored.data', `generated data (a line of ${count(lines.max)} characters)`, `生成的数据文件（单行 ${count(lines.max)} 个字符）`);
  }
  const codeLines = lines.count - lines.dataLines;
  const average = codeLines > 0 ? Math.round((text.length - lines.dataChars) / codeLines) : 0;
  if (text.length >= AVERAGE_MIN_CHARS && average > LONG_AVERAGE) {
    return reason(
      'vendored.minified',
      `minified or bundled file (lines average ${count(average)} characters)`,
      `压缩或打包后的文件（平均每行 ${count(average)} 个字符）`,
    );
  }
  if (endsWithSourceMap(text)) return reason('vendored.compiled', 'compiled output (it ends with a source map comment)', '编译产物（以 source map 注释结尾）');
  return undefined;
}

/** The comments at the very start of the file (after a BOM, a #! line, a "use strict"), within the header. */
function leadingComment(h: string): string {
  const n = h.length;
  let i = h.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (h.startsWith('#!', i)) {
    const e = h.indexOf('\n', i);
    i = e < 0 ? n : e + 1;
  }
  let out = '';
  while (i < n) {
    const c = h.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    if (h.startsWith('//', i)) {
      let e = h.indexOf('\n', i);
      if (e < 0) e = n;
      out += h.slice(i, e) + '\n';
      i = e;
    } else if (h.startsWith('/*', i)) {
      const close = h.indexOf('*/', i + 2);
      const e = close < 0 ? n : close + 2;
      out += h.slice(i, e) + '\n';
      i = e;
    } else if (h.startsWith("'use strict'", i) || h.startsWith('"use strict"', i)) {
      i += 12;
      if (h.charCodeAt(i) === 59) i++; // ;
    } else {
      break;
    }
  }
  return out;
}

/** Looks like a release banner rather than a note: a preserved comment, a copyright, a version. */
function bannerLike(comment: string, lower: string): boolean {
  return (
    comment.startsWith('/*!') ||
    lower.includes('copyright') ||
    lower.includes('(c)') ||
    comment.includes('©') ||
    lower.includes('license') ||
    lower.includes('module:') ||
    lower.includes('@version') ||
    lower.includes('<:version:>') ||
    hasVersion(comment)
  );
}

function sdkBanner(comment: string): VendoredReason | undefined {
  const lower = comment.toLowerCase();
  for (const [needle, sdk] of SDK_BANNERS) {
    const at = lower.indexOf(needle);
    if (at < 0) continue;
    // An app's note ("this page uses trtc-sdk-v5") is not a banner: it must read like a release header.
    if (!bannerLike(comment, lower)) return undefined;
    const line = bannerLine(comment, at);
    return reason('vendored.sdk-banner', `the ${sdk} SDK's own file (banner '${line}')`, `${sdk} SDK 自带的文件（横幅 '${line}'）`);
  }
  return undefined;
}

/** A version number such as 5.18.3 (bounded, linear scan: no regular expression). */
function hasVersion(s: string): boolean {
  let run = 0; // digits-and-dots pattern progress: counts dots between digit groups
  let digits = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits = true;
      if (run === 2) return true;
    } else if (c === 46 && digits) {
      run++;
      digits = false;
    } else {
      run = 0;
      digits = false;
    }
  }
  return false;
}

/** The banner line holding offset `at`, without comment punctuation, shortened for a message. */
function bannerLine(comment: string, at: number): string {
  const start = comment.lastIndexOf('\n', at) + 1;
  let end = comment.indexOf('\n', at);
  if (end < 0) end = comment.length;
  let line = comment.slice(start, end).trim();
  // Strip comment markers at either end: /*! ... */, * ..., // ...
  while (line.length > 0 && '/*!'.includes(line[0])) line = line.slice(1);
  while (line.length > 0 && '/*'.includes(line[line.length - 1])) line = line.slice(0, -1);
  line = line.trim();
  if (line.length === 0) {
    // The needle sat on a bare marker line: show the first non-empty line instead.
    for (const l of comment.split('\n')) {
      const s = l.replace(/^[\s/*!]+/, '').trim();
      if (s.length > 0) {
        line = s;
        break;
      }
    }
  }
  return line.length > 60 ? line.slice(0, 57) + '...' : line;
}

interface LineStats {
  count: number;
  max: number;
  /** Characters on long lines that read as code (dense in `;`, `(`, `)`). */
  longCodeChars: number;
  /** Characters on long lines that read as data (base64, numbers, JSON). */
  dataChars: number;
  dataLines: number;
  /** Non-empty lines of ordinary length. */
  normal: number;
}

/** One pass over line lengths; long lines are sampled, so a 5 MB line costs a bounded look. */
function lineStats(text: string): LineStats {
  const s: LineStats = { count: 0, max: 0, longCodeChars: 0, dataChars: 0, dataLines: 0, normal: 0 };
  const n = text.length;
  let start = 0;
  for (;;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    const len = end - start;
    s.count++;
    if (len > s.max) s.max = len;
    if (len > LONG_LINE) {
      if (readsAsCode(text, start, end)) s.longCodeChars += len;
      else {
        s.dataChars += len;
        s.dataLines++;
      }
    } else if (len > 0 && !(len === 1 && text.charCodeAt(start) === 13)) {
      s.normal++;
    }
    if (end >= n) break;
    start = end + 1;
  }
  return s;
}

/** Minified code is dense in statement and call punctuation; base64 and JSON data have none of `;()`. */
function readsAsCode(text: string, start: number, end: number): boolean {
  const stop = Math.min(end, start + SAMPLE_CHARS);
  let punctuation = 0;
  for (let i = start; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 59 || c === 40 || c === 41) punctuation++; // ; ( )
  }
  return punctuation * 100 >= stop - start;
}

/** The last non-empty line is a `//# sourceMappingURL=` comment: the file is a compiler's output. */
function endsWithSourceMap(text: string): boolean {
  const tail = text.length > TAIL_CHARS ? text.slice(text.length - TAIL_CHARS) : text;
  const trimmed = tail.trimEnd();
  const lastLine = trimmed.slice(trimmed.lastIndexOf('\n') + 1).trim();
  return lastLine.startsWith('//# sourceMappingURL=') || lastLine.startsWith('//@ sourceMappingURL=');
}

/** 48000 → "48,000" (no Intl: the output must not depend on the host's locale data). */
function count(n: number): string {
  const digits = String(Math.round(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}
