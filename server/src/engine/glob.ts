/** Minimal gitignore-style glob matching for per-file-ignores and excludes (`*`, `**`, `?`, `[...]`). */
const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  let hit = cache.get(glob);
  if (hit) return hit;
  let g = glob.replace(/\\/g, '/');
  const anchored = g.includes('/') && !g.startsWith('**/');
  if (g.startsWith('/')) g = g.slice(1);
  if (g.startsWith('./')) g = g.slice(2);
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*') {
      if (g[i + 1] === '*') {
        const slash = g[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = g.indexOf(']', i);
      if (end < 0) re += '\\[';
      else {
        re += '[' + g.slice(i + 1, end).replace(/^!/, '^') + ']';
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  hit = new RegExp(anchored ? `^${re}(?:/.*)?$` : `(?:^|/)${re}(?:/.*)?$`);
  cache.set(glob, hit);
  return hit;
}

export function globMatch(glob: string, relPath: string): boolean {
  return globToRegExp(glob).test(relPath.replace(/\\/g, '/'));
}
