// A small glob matcher for the exclude setting (the same syntax as files.exclude: **, *, ?, {a,b}, [abc]).
// Pure, so it works the same in the desktop and web extension hosts and for files that are not open.

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const hit = cache.get(glob);
  if (hit) return hit;
  let re = '';
  let inGroup = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // "**/" matches any number of directories (including none); a trailing "**" matches everything.
        if (glob[i + 2] === '/') {
          re += '(?:[^/]*/)*';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      inGroup++;
      re += '(?:';
    } else if (c === '}' && inGroup > 0) {
      inGroup--;
      re += ')';
    } else if (c === ',' && inGroup > 0) re += '|';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        const body = glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|\\/]/g, '\\$&');
  }
  const compiled = new RegExp(`^${re}$`);
  cache.set(glob, compiled);
  return compiled;
}

/** Whether a path (workspace-relative, '/'-separated) or its absolute form matches any of the globs. */
export function matchesAny(globs: readonly string[], relativePath: string, absolutePath?: string): string | undefined {
  const rel = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  const abs = absolutePath?.replace(/\\/g, '/');
  for (const g of globs) {
    const re = globToRegExp(g.replace(/\\/g, '/'));
    if (re.test(rel) || (abs !== undefined && re.test(abs))) return g;
  }
  return undefined;
}
