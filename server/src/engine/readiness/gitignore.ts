/**
 * `.gitignore` semantics (gitignore(5)), enough to answer "would git ignore this path?" without running
 * git: comments and blank lines, `\` escapes, `!` negation (the last matching rule wins), a trailing `/`
 * for directories only, a `/` at the start or in the middle anchoring the pattern to the file's
 * directory, `*`, `?`, `[...]` and `**`. A path inside an ignored directory stays ignored even when a
 * later rule re-includes it (git never looks inside an excluded directory).
 */

export interface IgnoreRule {
  /** Directory of the .gitignore, relative to the root the matcher answers for ('' for the root). */
  base: string;
  pattern: string;
  negated: boolean;
  dirOnly: boolean;
  regex: RegExp;
  /** The file holding the rule (relative path) and its 0-based line. */
  source: string;
  line: number;
}

export interface IgnoreAnswer {
  ignored: boolean;
  /** The deciding rule (a negation when the answer is "not ignored" because of one). */
  rule: IgnoreRule | null;
}

function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length;
        if (atStart && glob[i + 2] === '/') {
          out += '(?:.*/)?';
          i += 2;
          continue;
        }
        if (atStart && atEnd) {
          out += '.*';
          i += 1;
          continue;
        }
        // `**` not between slashes is two ordinary stars.
        out += '[^/]*';
        i += 1;
        continue;
      }
      out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = glob.slice(i + 1, close);
      if (body.startsWith('!')) body = '^' + body.slice(1);
      out += `[${body.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else if (c === '\\' && i + 1 < glob.length) {
      out += glob[i + 1].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      i++;
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return out;
}

/** Parses one .gitignore text into rules. `base` is its directory relative to the matcher's root. */
export function parseGitignore(text: string, base: string, source: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  text.split(/\r?\n/).forEach((raw, line) => {
    let p = raw;
    if (!p || p.startsWith('#')) return;
    // Trailing spaces are dropped unless escaped.
    p = p.replace(/(?<!\\)\s+$/, '');
    if (!p) return;
    let negated = false;
    if (p.startsWith('!')) {
      negated = true;
      p = p.slice(1);
    } else if (p.startsWith('\\!') || p.startsWith('\\#')) p = p.slice(1);
    let dirOnly = false;
    if (p.endsWith('/')) {
      dirOnly = true;
      p = p.replace(/\/+$/, '');
    }
    if (!p) return;
    const anchored = p.includes('/');
    if (p.startsWith('/')) p = p.slice(1);
    const body = globToRegex(p);
    const prefix = base ? base.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') + '/' : '';
    const regex = new RegExp(anchored ? `^${prefix}${body}$` : `^${prefix}(?:.*/)?${body}$`);
    rules.push({ base, pattern: raw.trim(), negated, dirOnly, regex, source, line });
  });
  return rules;
}

export class GitIgnore {
  private rules: IgnoreRule[] = [];

  /** Adds a .gitignore's rules; add parents before children (deeper files take precedence). */
  add(text: string, base: string, source: string): void {
    const b = base === '.' ? '' : base.replace(/^\.\//, '').replace(/\/+$/, '');
    this.rules.push(...parseGitignore(text, b, source));
  }

  get size(): number {
    return this.rules.length;
  }

  private decide(rel: string, isDir: boolean): IgnoreAnswer {
    let answer: IgnoreAnswer = { ignored: false, rule: null };
    for (const r of this.rules) {
      if (r.dirOnly && !isDir) continue;
      if (r.base && !(rel === r.base || rel.startsWith(r.base + '/'))) continue;
      if (r.regex.test(rel)) answer = { ignored: !r.negated, rule: r };
    }
    return answer;
  }

  /** Whether git would ignore `rel` (a `/`-separated path relative to the root). */
  ignores(rel: string, isDir = false): IgnoreAnswer {
    const parts = rel.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const dir = this.decide(parts.slice(0, i).join('/'), true);
      if (dir.ignored) return dir;
    }
    return this.decide(parts.join('/'), isDir);
  }
}
