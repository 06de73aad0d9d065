/**
 * Configuration shared by the editor and the CLI: `[tool.fastmcp-lint]` in pyproject.toml, discovered
 * per file by walking up, merged with editor settings per `fastmcp.configurationPreference`.
 */
import * as path from 'node:path';
import type { SeverityOrOff } from '../types';
import type { FileView } from './fs';
import { ConfigSyntaxError, lockedVersion, normalizeName, parsePyProject, parseRequirementsTxt, type PyProject, type Requirement } from './requirements';
import { highestSatisfying, parseVersion, TargetVersion } from '../version/version';
import { FASTMCP_RELEASES } from '../version/releases';

export interface LintSettings {
  select?: string[];
  extendSelect?: string[];
  ignore?: string[];
  perFileIgnores?: Record<string, string[]>;
  exclude?: string[];
  targetVersion?: string;
  severity?: Record<string, SeverityOrOff>;
}

export type ConfigurationPreference = 'editorFirst' | 'filesystemFirst' | 'editorOnly';

export interface ConfigProblem {
  file: string;
  message: string;
  line: number;
}

export interface ResolvedConfig {
  /** The pyproject.toml whose [tool.fastmcp-lint] applies, if any. */
  configFile: string | null;
  /** Directory that per-file-ignores and excludes are relative to. */
  baseDir: string;
  settings: LintSettings;
  target: TargetVersion;
  problems: ConfigProblem[];
}

const KEYS: Record<string, keyof LintSettings> = {
  select: 'select',
  'extend-select': 'extendSelect',
  ignore: 'ignore',
  'per-file-ignores': 'perFileIgnores',
  exclude: 'exclude',
  'target-version': 'targetVersion',
  severity: 'severity',
};
const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

export function levenshtein(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

export function closest(word: string, options: Iterable<string>, maxDistance = 2): string | null {
  let best: string | null = null;
  let bestD = maxDistance + 1;
  const w = word.toLowerCase();
  for (const o of options) {
    // The distance is at least the difference in length: most options are ruled out without computing it.
    const lo = o.toLowerCase();
    if (Math.abs(lo.length - w.length) >= bestD) continue;
    const d = levenshtein(w, lo);
    if (d < bestD) {
      best = o;
      bestD = d;
    }
  }
  return best;
}

/** A code selector is a full code or a prefix of one (`FMCP5`, `FMCP20`); `ALL`/`FMCP` selects everything. */
export function selectorMatches(selector: string, code: string): boolean {
  const s = selector.toUpperCase();
  return s === 'ALL' || code.startsWith(s);
}

export function isValidSelector(selector: string, codes: readonly string[]): boolean {
  return selector.toUpperCase() === 'ALL' || codes.some((c) => selectorMatches(selector, c));
}

/**
 * Validates a raw `[tool.fastmcp-lint]` table (or editor settings in the same shape). Invalid entries
 * are dropped with a problem each, so the rest of the configuration still applies.
 */
export function validateSettings(raw: Record<string, unknown>, codes: readonly string[], file: string, lineOf: (key: string) => number): { settings: LintSettings; problems: ConfigProblem[] } {
  const settings: LintSettings = {};
  const problems: ConfigProblem[] = [];
  const problem = (key: string, message: string) => problems.push({ file, message, line: lineOf(key) });
  const codeList = (key: string, v: unknown): string[] | undefined => {
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      problem(key, `\`${key}\` must be a list of rule codes, e.g. ["FMCP1", "FMCP201"]`);
      return undefined;
    }
    const good: string[] = [];
    for (const c of v as string[]) {
      if (isValidSelector(c, codes)) good.push(c.toUpperCase());
      else {
        const hint = closest(c.toUpperCase(), codes, 2);
        problem(key, `unknown rule code \`${c}\` in \`${key}\`${hint ? ` (did you mean ${hint}?)` : ''}`);
      }
    }
    return good;
  };
  for (const [key, value] of Object.entries(raw)) {
    const field = KEYS[key] ?? KEYS[key.replace(/_/g, '-')];
    if (!field) {
      const hint = closest(key, Object.keys(KEYS), 3);
      problem(key, `unknown key \`${key}\` in [tool.fastmcp-lint]${hint ? ` (did you mean \`${hint}\`?)` : ''}`);
      continue;
    }
    switch (field) {
      case 'select':
      case 'extendSelect':
      case 'ignore': {
        const l = codeList(key, value);
        if (l) settings[field] = l;
        break;
      }
      case 'exclude':
        if (Array.isArray(value) && value.every((x) => typeof x === 'string')) settings.exclude = value as string[];
        else problem(key, '`exclude` must be a list of glob patterns');
        break;
      case 'targetVersion':
        if (typeof value === 'string' && parseVersion(value)) settings.targetVersion = value;
        else problem(key, '`target-version` must be a version string such as "2.13" or "3.0"');
        break;
      case 'perFileIgnores': {
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
          problem(key, '`per-file-ignores` must be a table of glob = [codes]');
          break;
        }
        const out: Record<string, string[]> = {};
        for (const [glob, list] of Object.entries(value as Record<string, unknown>)) {
          const l = codeList(`${key}.${glob}`, list);
          if (l) out[glob] = l;
        }
        settings.perFileIgnores = out;
        break;
      }
      case 'severity': {
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
          problem(key, '`severity` must be a table of code = "error" | "warning" | "info" | "hint" | "off"');
          break;
        }
        const out: Record<string, SeverityOrOff> = {};
        for (const [code, sev] of Object.entries(value as Record<string, unknown>)) {
          if (!isValidSelector(code, codes)) {
            problem(key, `unknown rule code \`${code}\` in \`severity\``);
            continue;
          }
          if (typeof sev !== 'string' || !SEVERITIES.has(sev)) {
            problem(key, `severity for ${code} must be one of error, warning, info, hint, off (got ${JSON.stringify(sev)})`);
            continue;
          }
          out[code.toUpperCase()] = sev as SeverityOrOff;
        }
        settings.severity = out;
        break;
      }
    }
  }
  return { settings, problems };
}

/** Merges editor settings with file settings. `over` wins for each key it sets. */
export function mergeSettings(under: LintSettings, over: LintSettings): LintSettings {
  const out: LintSettings = { ...under };
  for (const [k, v] of Object.entries(over) as Array<[keyof LintSettings, unknown]>) {
    if (v === undefined) continue;
    if (k === 'severity') out.severity = { ...(under.severity ?? {}), ...(v as Record<string, SeverityOrOff>) };
    else (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

export interface ResolveOptions {
  view: FileView;
  codes: readonly string[];
  editor?: LintSettings;
  preference?: ConfigurationPreference;
  /** Stop walking up at this directory (a workspace folder); the filesystem root otherwise. */
  stopAt?: string;
}

interface DirFacts {
  pyproject: { path: string; parsed: PyProject | null; error: string | null } | null;
}

/** Resolves configuration and target version for a file. Pure over the FileView. */
export function resolveConfig(filePath: string, opts: ResolveOptions): ResolvedConfig {
  const problems: ConfigProblem[] = [];
  let dir = path.dirname(path.resolve(filePath));
  let configFile: string | null = null;
  let fileSettings: LintSettings = {};
  let baseDir = dir;
  let target: TargetVersion | null = null;
  const stop = opts.stopAt ? path.resolve(opts.stopAt) : null;
  for (;;) {
    const facts = dirFacts(dir, opts.view);
    if (facts.pyproject?.error) problems.push({ file: facts.pyproject.path, message: facts.pyproject.error, line: 0 });
    if (!configFile && facts.pyproject?.parsed?.toolConfig) {
      configFile = facts.pyproject.path;
      baseDir = dir;
      const text = opts.view.read(configFile) ?? '';
      const lines = text.split(/\r?\n/);
      const start = lines.findIndex((l) => /^\s*\[tool\.fastmcp-lint/.test(l));
      const lineOf = (key: string) => {
        const k = key.split('.')[0];
        const i = lines.findIndex((l, idx) => idx > start && new RegExp(`^\\s*"?${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?\\s*=`).test(l));
        return i < 0 ? Math.max(start, 0) : i;
      };
      const v = validateSettings(facts.pyproject.parsed.toolConfig, opts.codes, configFile, lineOf);
      fileSettings = v.settings;
      problems.push(...v.problems);
    }
    if (!target) target = targetFromDir(dir, opts.view, facts);
    const parent = path.dirname(dir);
    if (parent === dir || (stop && (dir === stop || !dir.startsWith(stop)))) break;
    dir = parent;
  }
  const editor = opts.editor ?? {};
  const pref = opts.preference ?? 'editorFirst';
  let settings: LintSettings;
  if (pref === 'editorOnly') settings = editor;
  else if (pref === 'filesystemFirst') settings = configFile ? mergeSettings(editor, fileSettings) : editor;
  else settings = mergeSettings(fileSettings, editor);

  if (settings.targetVersion) {
    const v = resolveTargetSetting(settings.targetVersion);
    target = new TargetVersion(v, settings === editor || editor.targetVersion === settings.targetVersion ? 'setting fastmcp.targetVersion' : `${configFile} target-version`);
  }
  return { configFile, baseDir, settings, target: target ?? TargetVersion.unknown(), problems };
}

/**
 * `resolveConfig` for many files with the same options, worked out once per directory: a file's settings
 * depend only on its directory.
 */
export function configByDirectory(opts: ResolveOptions): (filePath: string) => ResolvedConfig {
  const byDir = new Map<string, ResolvedConfig>();
  return (filePath) => {
    const dir = path.dirname(path.resolve(filePath));
    let c = byDir.get(dir);
    if (!c) byDir.set(dir, (c = resolveConfig(filePath, opts)));
    return c;
  };
}

/** `3.0` means the newest known 3.0.x; `3` the newest 3.x. */
export function resolveTargetSetting(v: string): string {
  const parts = v.split('.');
  if (parts.length >= 3) return v;
  return highestSatisfying(`==${v}.*`, FASTMCP_RELEASES) ?? (parts.length === 1 ? `${v}.0.0` : `${v}.0`);
}

/**
 * Every file of a directory resolves its settings through the same ancestors: what a pyproject.toml or a
 * lock file says is worked out once per text, not once per file or directory under it.
 */
function byText<T>(compute: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text)!;
    const v = compute(text);
    if (seen.size >= 32) seen.delete(seen.keys().next().value!);
    seen.set(text, v);
    return v;
  };
}

const pyprojectOf = byText((text): { parsed: PyProject | null; error: string | null } => {
  try {
    return { parsed: parsePyProject(text), error: null };
  } catch (e) {
    const msg = e instanceof ConfigSyntaxError ? e.message : String(e);
    return { parsed: null, error: `pyproject.toml could not be read (${msg}); using default settings` };
  }
});
const lockedFastmcp = byText((text) => lockedVersion(text, 'fastmcp'));

function dirFacts(dir: string, view: FileView): DirFacts {
  const p = path.join(dir, 'pyproject.toml');
  const text = view.read(p);
  if (text === undefined) return { pyproject: null };
  return { pyproject: { path: p, ...pyprojectOf(text) } };
}

export const LOCK_FILES = ['uv.lock', 'poetry.lock', 'pylock.toml'];

/** The fastmcp version the code in `dir` will run on, if this directory declares it. */
function targetFromDir(dir: string, view: FileView, facts: DirFacts): TargetVersion | null {
  for (const lock of LOCK_FILES) {
    const text = view.read(path.join(dir, lock));
    if (text === undefined) continue;
    const v = lockedFastmcp(text);
    if (v) return new TargetVersion(v, lock, `==${v}`);
  }
  const declared: Array<{ req: Requirement; source: string }> = [];
  for (const r of facts.pyproject?.parsed?.dependencies ?? []) if (r.normalized === 'fastmcp') declared.push({ req: r, source: 'pyproject.toml' });
  if (!declared.length) {
    for (const name of ['requirements.txt', 'requirements.in', 'requirements-prod.txt']) {
      const text = view.read(path.join(dir, name));
      if (text === undefined) continue;
      for (const r of parseRequirementsTxt(text)) if (r.normalized === 'fastmcp') declared.push({ req: r, source: name });
      if (declared.length) break;
    }
  }
  if (!declared.length) {
    const text = view.read(path.join(dir, 'fastmcp.json'));
    if (text !== undefined) {
      try {
        const deps = (JSON.parse(text) as { environment?: { dependencies?: unknown } }).environment?.dependencies;
        if (Array.isArray(deps))
          for (const d of deps) {
            if (typeof d !== 'string') continue;
            const r = parseRequirementsTxt(d)[0];
            if (r && r.normalized === 'fastmcp') declared.push({ req: r, source: 'fastmcp.json' });
          }
      } catch {
        /* FMCP711 reports an invalid fastmcp.json; here it simply declares nothing */
      }
    }
  }
  if (!declared.length) return null;
  const { req, source } = declared[0];
  if (req.direct) return new TargetVersion(FASTMCP_RELEASES[FASTMCP_RELEASES.length - 1], `${source} (direct reference)`, null);
  const v = highestSatisfying(req.spec);
  if (!v) return new TargetVersion(null, `${source}: \`${req.raw.trim()}\` matches no known FastMCP release`, req.spec);
  return new TargetVersion(v, `${source} (${normalizeName(req.name)}${req.spec || ' unpinned'})`, req.spec);
}
