/** PEP 440 version comparison and specifier matching, enough for dependency declarations. */
import { FASTMCP_RELEASES } from './releases';

export interface ParsedVersion {
  release: number[];
  /** Pre-release rank: a < b < rc < final. */
  pre: [number, number] | null;
  text: string;
}

const PRE_RANK: Record<string, number> = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };

export function parseVersion(text: string): ParsedVersion | null {
  const m = /^\s*v?(\d+(?:\.\d+)*)(?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\d*))?(?:\.post\d+|\.dev\d+|\+[\w.]+)?\s*$/i.exec(text);
  if (!m) return null;
  return {
    release: m[1].split('.').map(Number),
    pre: m[2] ? [PRE_RANK[m[2].toLowerCase()], Number(m[3] || 0)] : null,
    text: text.trim(),
  };
}

export function compareVersions(a: string | ParsedVersion, b: string | ParsedVersion): number {
  const x = typeof a === 'string' ? parseVersion(a) : a;
  const y = typeof b === 'string' ? parseVersion(b) : b;
  if (!x || !y) return 0;
  const n = Math.max(x.release.length, y.release.length);
  for (let i = 0; i < n; i++) {
    const d = (x.release[i] ?? 0) - (y.release[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (x.pre && !y.pre) return -1;
  if (!x.pre && y.pre) return 1;
  if (x.pre && y.pre) {
    if (x.pre[0] !== y.pre[0]) return x.pre[0] < y.pre[0] ? -1 : 1;
    if (x.pre[1] !== y.pre[1]) return x.pre[1] < y.pre[1] ? -1 : 1;
  }
  return 0;
}

/** Does `version` satisfy a PEP 440 specifier set such as `>=2.10,<3` or `==2.13.*` or `~=2.12.0`? */
export function satisfies(version: string, spec: string): boolean {
  const v = parseVersion(version);
  if (!v) return false;
  for (const raw of spec.split(',')) {
    const clause = raw.trim();
    if (!clause) continue;
    const m = /^(===|==|!=|<=|>=|~=|<|>)\s*(.+)$/.exec(clause);
    if (!m) return false;
    const [, op, target] = m;
    if (target.endsWith('.*')) {
      const prefix = target.slice(0, -2).split('.').map(Number);
      const matches = prefix.every((p, i) => (v.release[i] ?? 0) === p);
      if ((op === '==' && !matches) || (op === '!=' && matches)) return false;
      continue;
    }
    const t = parseVersion(target);
    if (!t) return false;
    const c = compareVersions(v, t);
    switch (op) {
      case '==':
      case '===':
        if (c !== 0) return false;
        break;
      case '!=':
        if (c === 0) return false;
        break;
      case '<=':
        if (c > 0) return false;
        break;
      case '>=':
        if (c < 0) return false;
        break;
      case '<':
        if (c >= 0) return false;
        break;
      case '>':
        if (c <= 0) return false;
        break;
      case '~=': {
        if (c < 0) return false;
        const upper = t.release.slice(0, Math.max(1, t.release.length - 1));
        upper[upper.length - 1] += 1;
        if (compareVersions(v, upper.join('.')) >= 0) return false;
        break;
      }
    }
  }
  return true;
}

/** The highest known release satisfying `spec` (what an install today would get), or null. */
export function highestSatisfying(spec: string, releases: readonly string[] = FASTMCP_RELEASES): string | null {
  for (let i = releases.length - 1; i >= 0; i--) if (satisfies(releases[i], spec)) return releases[i];
  return null;
}

/** The lowest known release satisfying `spec`. */
export function lowestSatisfying(spec: string, releases: readonly string[] = FASTMCP_RELEASES): string | null {
  for (const r of releases) if (satisfies(r, spec)) return r;
  return null;
}

/**
 * A version as rules see it. `known` false means nothing declares fastmcp: version-ranged rules stay
 * silent, and only what is wrong in every supported version fires.
 */
export class TargetVersion {
  constructor(
    readonly version: string | null,
    /** Human-readable origin: `uv.lock`, `pyproject.toml [project] dependencies`, `setting`, … */
    readonly source: string,
    /** The declared specifier, when one was resolved. */
    readonly spec: string | null = null,
  ) {}
  get known(): boolean {
    return this.version !== null;
  }
  /** true/false when known; undefined when unknown. */
  atLeast(v: string): boolean | undefined {
    return this.version === null ? undefined : compareVersions(this.version, v) >= 0;
  }
  below(v: string): boolean | undefined {
    return this.version === null ? undefined : compareVersions(this.version, v) < 0;
  }
  /** In [min, max) — either bound optional. */
  inRange(min?: string, max?: string): boolean | undefined {
    if (this.version === null) return undefined;
    if (min && compareVersions(this.version, min) < 0) return false;
    if (max && compareVersions(this.version, max) >= 0) return false;
    return true;
  }
  get major(): number | null {
    return this.version ? (parseVersion(this.version)?.release[0] ?? null) : null;
  }
  static unknown(): TargetVersion {
    return new TargetVersion(null, 'nothing declares fastmcp');
  }
}
