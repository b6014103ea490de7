// Languages and file extensions the extension looks at. Detection decides what it understands; this is the
// superset that the providers register for and the workspace scan reads.

export const LANGUAGES = [
  'javascript',
  'typescript',
  'javascriptreact',
  'typescriptreact',
  'vue',
  'java',
  'kotlin',
  'swift',
  'objective-c',
  'objective-cpp',
  'dart',
  'cpp',
  'c',
  'csharp',
  'python',
  'go',
  'html',
] as const;

/** Served by the providers but not activation events (JSON opens everywhere; REST request bodies live there). */
export const PASSIVE_LANGUAGES = ['json', 'jsonc'] as const;

export const LANGUAGE_SET: ReadonlySet<string> = new Set([...LANGUAGES, ...PASSIVE_LANGUAGES]);

/** Glob for the workspace scan. */
export const SOURCE_GLOB = '**/*.{js,mjs,cjs,ts,mts,cts,jsx,tsx,vue,nvue,html,htm,java,kt,kts,swift,m,mm,dart,cpp,cc,cxx,c,h,hpp,cs,py,go,json,jsonc}';

/** Combines exclude globs into one glob for `workspace.findFiles` (undefined when there are none). */
export function combineGlobs(globs: readonly string[]): string | undefined {
  const list = globs.filter((g) => g.trim() !== '');
  if (list.length === 0) return undefined;
  return list.length === 1 ? list[0] : `{${list.join(',')}}`;
}
