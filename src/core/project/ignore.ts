// .gitignore rules over project-relative paths: what `trtc-cost scan` skips while walking a folder, the extension
// skips among the files VS Code lists (findFiles does not read .gitignore files). Built generated output, fetched SDKs
// and other ignored files are not the app's code.
import ignore, { type Ignore } from 'ignore';

/** One .gitignore file: its folder (project-relative, '/' separators, '' at the root) and its text. */
export interface IgnoreFile {
  dir: string;
  text: string;
}

/** Whether a project-relative file path is ignored by one of the .gitignore files (each applies below its folder). */
export function gitignoreMatcher(files: readonly IgnoreFile[]): (file: string) => boolean {
  const layers: { prefix: string; rules: Ignore }[] = [];
  for (const f of files) {
    try {
      layers.push({ prefix: f.dir ? `${f.dir.replace(/\/+$/, '')}/` : '', rules: ignore().add(f.text) });
    } catch {
      // An unreadable rule set ignores nothing.
    }
  }
  return (file) => {
    for (const { prefix, rules } of layers) {
      if (prefix && !file.startsWith(prefix)) continue;
      const rel = file.slice(prefix.length);
      if (!rel) continue;
      try {
        if (rules.ignores(rel)) return true;
      } catch {
        // A path `ignore` refuses to judge is not ignored.
      }
    }
    return false;
  };
}
