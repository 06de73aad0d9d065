/** Reading dependency declarations: PEP 508 lines, pyproject tables, lock files, fastmcp.json. */
import { parse as parseToml } from 'smol-toml';

export interface Requirement {
  name: string;
  /** Normalized distribution name (PEP 503). */
  normalized: string;
  spec: string;
  /** A direct reference (`name @ url`), a VCS or path requirement. */
  direct: string | null;
  line: number;
  raw: string;
}

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Parses one PEP 508 requirement string; null for options, comments and blanks. */
export function parseRequirement(raw: string, line = 0): Requirement | null {
  const text = raw.replace(/\s+#.*$/, '').trim();
  if (!text || text.startsWith('#') || text.startsWith('-')) return null;
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$/.exec(text);
  if (!m) return null;
  const [, name, , restRaw] = m;
  const rest = restRaw.split(';')[0].trim();
  let spec = '';
  let direct: string | null = null;
  if (rest.startsWith('@')) direct = rest.slice(1).trim();
  else spec = rest.replace(/^\(|\)$/g, '').replace(/\s+/g, '');
  return { name, normalized: normalizeName(name), spec, direct, line, raw };
}

export function parseRequirementsTxt(text: string): Requirement[] {
  const out: Requirement[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((l, i) => {
    const r = parseRequirement(l, i);
    if (r) out.push(r);
  });
  return out;
}

export interface PyProject {
  data: Record<string, unknown>;
  /** Dependencies from [project], optional deps, PEP 735 groups and poetry. */
  dependencies: Requirement[];
  requiresPython: string | null;
  toolConfig: Record<string, unknown> | null;
}

export class ConfigSyntaxError extends Error {}

export function parsePyProject(text: string): PyProject {
  let data: Record<string, unknown>;
  try {
    data = parseToml(text) as Record<string, unknown>;
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new ConfigSyntaxError(`invalid TOML: ${msg}`);
  }
  const lines = text.split(/\r?\n/);
  const lineOf = (s: string) => {
    const i = lines.findIndex((l) => l.includes(s));
    return i < 0 ? 0 : i;
  };
  const deps: Requirement[] = [];
  const addList = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const item of list) {
      if (typeof item !== 'string') continue;
      const r = parseRequirement(item, lineOf(item));
      if (r) deps.push(r);
    }
  };
  const project = obj(data.project);
  addList(project?.dependencies);
  const optional = obj(project?.['optional-dependencies']);
  if (optional) for (const v of Object.values(optional)) addList(v);
  const groups = obj(data['dependency-groups']);
  if (groups) for (const v of Object.values(groups)) addList(v);
  const poetry = obj(obj(data.tool)?.poetry);
  if (poetry) {
    const tables = [obj(poetry.dependencies), obj(obj(poetry['dev-dependencies']))];
    const pgroups = obj(poetry.group);
    if (pgroups) for (const g of Object.values(pgroups)) tables.push(obj(obj(g)?.dependencies));
    for (const t of tables) {
      if (!t) continue;
      for (const [name, v] of Object.entries(t)) {
        if (name === 'python') continue;
        const version = typeof v === 'string' ? v : typeof obj(v)?.version === 'string' ? (obj(v)!.version as string) : '';
        const direct = obj(v) && (obj(v)!.git || obj(v)!.path || obj(v)!.url) ? String(obj(v)!.git ?? obj(v)!.path ?? obj(v)!.url) : null;
        deps.push({ name, normalized: normalizeName(name), spec: poetrySpec(version), direct, line: lineOf(name), raw: `${name} = ${JSON.stringify(v)}` });
      }
    }
  }
  const requiresPython = typeof project?.['requires-python'] === 'string' ? (project['requires-python'] as string) : null;
  const toolConfig = obj(obj(data.tool)?.['fastmcp-lint']) ?? null;
  return { data, dependencies: deps, requiresPython, toolConfig };
}

/** Poetry's caret and tilde constraints as PEP 440. */
export function poetrySpec(v: string): string {
  v = v.trim();
  if (!v || v === '*') return '';
  const caret = /^\^(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(v);
  if (caret) {
    const [maj, min, pat] = [Number(caret[1]), caret[2] ?? '0', caret[3] ?? '0'];
    const upper = maj > 0 ? `${maj + 1}.0.0` : `0.${Number(min) + 1}.0`;
    return `>=${maj}.${min}.${pat},<${upper}`;
  }
  const tilde = /^~(\d+)\.(\d+)(?:\.(\d+))?$/.exec(v);
  if (tilde) return `>=${tilde[1]}.${tilde[2]}.${tilde[3] ?? 0},<${tilde[1]}.${Number(tilde[2]) + 1}.0`;
  if (/^\d/.test(v)) return `==${v}`;
  return v.replace(/\s+/g, '');
}

/** The version a lock file pins for a distribution (uv.lock, poetry.lock, pylock.toml). */
export function lockedVersion(text: string, distribution: string): string | null {
  let data: Record<string, unknown>;
  try {
    data = parseToml(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  const want = normalizeName(distribution);
  for (const key of ['package', 'packages']) {
    const list = data[key];
    if (!Array.isArray(list)) continue;
    for (const p of list) {
      const o = obj(p);
      if (o && typeof o.name === 'string' && normalizeName(o.name) === want && typeof o.version === 'string') return o.version;
    }
  }
  return null;
}

export function obj(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
