/**
 * The workspace model behind the FMCP7xx checks: project roots, the entrypoint, its local import
 * closure, the declared dependencies, `.gitignore` rules, `.env`/`.env.example` and git facts.
 * Static: it reads files and never imports or runs the project's Python.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigSyntaxError, normalizeName, parsePyProject, parseRequirement, parseRequirementsTxt, type PyProject, type Requirement } from '../config/requirements';
import { GitIgnore } from './gitignore';
import { isTestFile } from '../test-files';
import { gitStatus, readGitFacts, type GitFacts, type GitStatus } from './git';
import { pythonFacts, type ImportFact, type PythonFacts } from './python-facts';
import { isStdlib } from './stdlib';

/** Reads the workspace; the language server layers open editor buffers over the disk. */
export interface WorkspaceFs {
  read(abs: string): string | undefined;
  list(abs: string): Array<{ name: string; dir: boolean }>;
}

/** Larger files are not read by the project checks. */
const MAX_READ_BYTES = 4 * 1024 * 1024;

export const diskFs: WorkspaceFs = {
  read(abs) {
    try {
      const st = fs.statSync(abs);
      if (!st.isFile() || st.size > MAX_READ_BYTES) return undefined;
      return fs.readFileSync(abs, 'utf8');
    } catch {
      return undefined;
    }
  },
  list(abs) {
    try {
      return fs.readdirSync(abs, { withFileTypes: true }).map((e) => ({ name: e.name, dir: e.isDirectory() }));
    } catch {
      return [];
    }
  },
};

/**
 * `base` with each answer kept: for one pass over files that do not change meanwhile (the CLI's), where the
 * checks ask for the same files and directories many times (every import is looked up as a file, a package
 * and a directory under each import root).
 */
export function memoFs(base: WorkspaceFs = diskFs, known?: Iterable<[string, string]>): WorkspaceFs {
  const texts = new Map<string, string | undefined>();
  // Texts the caller read from these files in the same run, as `diskFs` would read them (too large: read as usual).
  if (known) for (const [abs, text] of known) if (text.length <= MAX_READ_BYTES / 3 || Buffer.byteLength(text) <= MAX_READ_BYTES) texts.set(abs, text);
  const lists = new Map<string, Array<{ name: string; dir: boolean }>>();
  /** Per directory, the names of its entries other than directories. */
  const files = new Map<string, Set<string>>();
  const list = (abs: string) => {
    let l = lists.get(abs);
    if (!l) lists.set(abs, (l = base.list(abs)));
    return l;
  };
  return {
    read(abs) {
      if (texts.has(abs)) return texts.get(abs);
      // A name its directory does not list is not read (most lookups are of modules that are not there).
      const dir = path.dirname(abs);
      let names = files.get(dir);
      if (!names) files.set(dir, (names = new Set(list(dir).filter((e) => !e.dir).map((e) => e.name))));
      const t = names.has(path.basename(abs)) ? base.read(abs) : undefined;
      texts.set(abs, t);
      return t;
    },
    list,
  };
}

/** Directories never searched for project files (environments, caches, build output, VCS). */
export const SKIP_DIRS = new Set(['.git', '.hg', '.svn', '.venv', 'venv', 'env', '.tox', '.nox', '.mypy_cache', '.ruff_cache', '.pytest_cache', '__pycache__', '__pypackages__', 'node_modules', 'site-packages', 'build', 'dist', '.eggs', '.direnv', '_build', 'buck-out', '.idea', '.vscode']);

const FASTMCP_IMPORT = /^[ \t]*(?:from[ \t]+(?:fastmcp|mcp\.server\.fastmcp)\b|import[ \t]+fastmcp\b)/m;
const SERVER_NAMES = ['mcp', 'server', 'app'];
const MAX_FILES = 20_000;

export interface ScannedTree {
  /** Python files (absolute), in a stable order. */
  python: string[];
  /** Directories holding a manifest (fastmcp.json, pyproject.toml, requirements.txt). */
  manifestDirs: Map<string, Set<string>>;
  truncated: boolean;
}

/** Lists the Python files and manifests under `root`, skipping environments and caches. */
export function scanTree(root: string, wfs: WorkspaceFs = diskFs, onProgress?: (files: number) => void): ScannedTree {
  const out: ScannedTree = { python: [], manifestDirs: new Map(), truncated: false };
  const walk = (dir: string, depth: number) => {
    if (out.python.length >= MAX_FILES) {
      out.truncated = true;
      return;
    }
    const entries = [...wfs.list(dir)].sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      if (e.dir) {
        if (depth < 12 && !SKIP_DIRS.has(e.name) && !e.name.endsWith('.egg-info') && !(e.name.startsWith('.') && e.name !== '.github')) walk(abs, depth + 1);
      } else if (e.name.endsWith('.py')) {
        out.python.push(abs);
        if (onProgress && out.python.length % 500 === 0) onProgress(out.python.length);
      } else if (e.name === 'fastmcp.json' || e.name === 'pyproject.toml' || e.name === 'requirements.txt') {
        (out.manifestDirs.get(dir) ?? out.manifestDirs.set(dir, new Set()).get(dir)!).add(e.name);
      }
    }
  };
  walk(path.resolve(root), 0);
  return out;
}

/** A test module or a file under a test folder (project-relative, `/`-separated): never the entrypoint. */
export function isTestPath(rel: string): boolean {
  return /(^|\/)(tests?|testing)\//.test(rel) || /(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/.test(rel);
}

/** Whether a Python source imports FastMCP (either flavor); a cheap textual test used for discovery. */
export function looksLikeFastmcp(text: string): boolean {
  return FASTMCP_IMPORT.test(text);
}

/**
 * Project roots under `dir`: each directory with a `fastmcp.json`, and the nearest directory holding a
 * `pyproject.toml` or `requirements.txt` above (or beside) each FastMCP file.
 */
export function findProjectRoots(dir: string, wfs: WorkspaceFs = diskFs, scanned = scanTree(dir, wfs)): string[] {
  const roots = new Set<string>();
  for (const [d, names] of scanned.manifestDirs) if (names.has('fastmcp.json')) roots.add(d);
  const top = path.resolve(dir);
  for (const file of scanned.python) {
    const text = wfs.read(file);
    // Tests that build throwaway servers do not make their folder a FastMCP project.
    if (!text || isTestFile(file) || !looksLikeFastmcp(text)) continue;
    let d = path.dirname(file);
    for (;;) {
      const names = scanned.manifestDirs.get(d);
      if (names && (names.has('pyproject.toml') || names.has('requirements.txt') || names.has('fastmcp.json'))) {
        roots.add(d);
        break;
      }
      if (d === top || !d.startsWith(top)) break;
      d = path.dirname(d);
    }
  }
  // A root inside another root's tree is its own project only when it has its own manifest; keep both.
  return [...roots].sort();
}

export interface Located {
  path: string;
  /** 0-based line. */
  line: number;
}

export interface Manifest {
  path: string;
  kind: 'requirements' | 'pyproject';
  text: string;
  requirements: Requirement[];
  /** Raw requirement-ish lines that are not plain index requirements (`-e`, paths, URLs), with lines. */
  nonIndex: Array<{ line: number; text: string; why: string }>;
  requiresPython: { spec: string; line: number } | null;
  /** What a deploy installs: requirements.txt lines, or pyproject `[project] dependencies` / poetry main dependencies. */
  deploy: Requirement[];
  parseError: string | null;
  pyproject: PyProject | null;
}

export interface FastmcpJson {
  path: string;
  text: string;
  data: unknown;
  parseError: { message: string; line: number } | null;
}

export interface Entrypoint {
  /** Absolute path of the server file. */
  path: string;
  /** The server object (`mcp`), or null when the file names none we can see. */
  object: string | null;
  source: 'fastmcp.json' | 'detected' | 'given';
}

export interface ProjectOptions {
  /** The workspace may steer nothing that runs: git is never executed. */
  trusted: boolean;
  fs?: WorkspaceFs;
  /** An entrypoint chosen by the user (`file.py` or `file.py:obj`, relative to the root). */
  entrypoint?: string;
  /** Cache of per-file facts shared across runs (keyed by path, reused while the text is unchanged). */
  factsCache?: Map<string, { text: string; facts: PythonFacts }>;
  /** Run `git status` (trusted workspaces only); off in tests that need no git. */
  gitStatus?: boolean;
  scanned?: ScannedTree;
}

export interface LocalImport {
  from: string;
  to: string;
  fact: ImportFact;
}

export class Project {
  readonly root: string;
  readonly fs: WorkspaceFs;
  readonly trusted: boolean;
  readonly scanned: ScannedTree;
  readonly fastmcpJson: FastmcpJson | null;
  readonly entrypoint: Entrypoint | null;
  /** Why there is no entrypoint (none found, or several to choose from). */
  readonly entrypointProblem: string | null;
  /** Candidates when the entrypoint is ambiguous (relative `file.py:obj`). */
  readonly candidates: string[];
  readonly manifests: Manifest[];
  /** Every file reached from the entrypoint through local imports (entrypoint first). */
  readonly closure: string[];
  readonly localImports: LocalImport[];
  readonly gitignore: GitIgnore;
  /** Directory the .gitignore rules are relative to (the repository root, else the project root). */
  readonly ignoreRoot: string;
  readonly git: GitFacts | null;
  readonly envFile: string | null;
  readonly envExample: { path: string; names: Map<string, number> } | null;
  private readonly cache: Map<string, { text: string; facts: PythonFacts }>;
  private readonly runGitStatus: boolean;
  private statusMemo: GitStatus | { skipped: string } | null = null;

  constructor(root: string, opts: ProjectOptions) {
    this.root = path.resolve(root);
    this.fs = opts.fs ?? diskFs;
    this.trusted = opts.trusted;
    this.cache = opts.factsCache ?? new Map();
    this.runGitStatus = opts.gitStatus ?? true;
    this.scanned = opts.scanned ?? scanTree(this.root, this.fs);
    this.fastmcpJson = this.readFastmcpJson();
    const ep = this.findEntrypoint(opts.entrypoint);
    this.entrypoint = ep.entrypoint;
    this.entrypointProblem = ep.problem;
    this.candidates = ep.candidates;
    this.manifests = this.readManifests();
    const closure = this.computeClosure();
    this.closure = closure.files;
    this.localImports = closure.edges;
    this.git = readGitFacts(this.root);
    this.ignoreRoot = this.git && this.root.startsWith(this.git.root) ? this.git.root : this.root;
    this.gitignore = this.readGitignores();
    const envDir = [this.entrypoint ? path.dirname(this.entrypoint.path) : null, this.root].filter((d): d is string => !!d);
    // Existence only: the contents of .env are secrets and are never read.
    this.envFile = envDir.map((d) => path.join(d, '.env')).find((p) => this.fs.list(path.dirname(p)).some((e) => !e.dir && e.name === '.env')) ?? null;
    this.envExample = null;
    for (const d of envDir) {
      const p = path.join(d, '.env.example');
      const text = this.fs.read(p);
      if (text === undefined) continue;
      const names = new Map<string, number>();
      text.split(/\r?\n/).forEach((l, i) => {
        const m = /^\s*(?:export\s+)?#?\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(l);
        if (m && !names.has(m[1])) names.set(m[1], i);
      });
      this.envExample = { path: p, names };
      break;
    }
  }

  rel(abs: string): string {
    return path.relative(this.root, abs).split(path.sep).join('/') || '.';
  }

  facts(abs: string): PythonFacts | null {
    const text = this.fs.read(abs);
    if (text === undefined) return null;
    const hit = this.cache.get(abs);
    if (hit && hit.text === text) return hit.facts;
    const facts = pythonFacts(text);
    this.cache.set(abs, { text, facts });
    return facts;
  }

  text(abs: string): string | undefined {
    return this.fs.read(abs);
  }

  /** The entrypoint as `fastmcp run` and FastMCP Cloud take it: `server.py:mcp`. */
  get entrypointSpec(): string | null {
    if (!this.entrypoint) return null;
    return this.entrypoint.object ? `${this.rel(this.entrypoint.path)}:${this.entrypoint.object}` : this.rel(this.entrypoint.path);
  }

  /** Flavor of the entrypoint (the sdk flavor declares `mcp` instead of `fastmcp`). */
  get flavor(): 'fastmcp' | 'sdk' | null {
    return this.entrypoint ? (this.facts(this.entrypoint.path)?.flavor ?? null) : null;
  }

  /** Distributions declared by the manifests and fastmcp.json `environment.dependencies` (normalized). */
  declared(): Set<string> {
    const out = new Set<string>();
    for (const m of this.manifests) for (const r of m.requirements) out.add(r.normalized);
    for (const d of this.fastmcpJsonDependencies()) out.add(d.normalized);
    return out;
  }

  fastmcpJsonDependencies(): Requirement[] {
    const env = obj(obj(this.fastmcpJson?.data)?.environment);
    const deps = env?.dependencies;
    if (!Array.isArray(deps)) return [];
    return deps.filter((d): d is string => typeof d === 'string').map((d) => parseRequirement(d)).filter((r): r is Requirement => !!r);
  }

  /** `git status` (trusted workspaces only); memoized for the life of this model. */
  status(): GitStatus | { skipped: string } {
    if (!this.git) return { skipped: 'not a git repository' };
    if (!this.trusted) return { skipped: 'workspace not trusted' };
    if (!this.runGitStatus) return { skipped: 'git status not requested' };
    this.statusMemo ??= gitStatus(this.git);
    return this.statusMemo;
  }

  /** Directories a top-level import resolves against: the entrypoint's directory, the root, `src/`. */
  importRoots(): string[] {
    const roots = [this.entrypoint ? path.dirname(this.entrypoint.path) : null, this.root, path.join(this.root, 'src')].filter((d): d is string => !!d);
    return [...new Set(roots)];
  }

  /** The workspace file a dotted module resolves to (a module file or a package `__init__.py`). */
  resolveModule(dotted: string, roots = this.importRoots()): string | null {
    if (!dotted) return null;
    const rel = dotted.split('.');
    for (const r of roots) {
      const asFile = path.join(r, ...rel) + '.py';
      if (this.fs.read(asFile) !== undefined) return asFile;
      const asPkg = path.join(r, ...rel, '__init__.py');
      if (this.fs.read(asPkg) !== undefined) return asPkg;
      // A namespace package (a directory without __init__.py) is local too.
      if (this.isDir(path.join(r, ...rel))) return path.join(r, ...rel);
    }
    return null;
  }

  /** Whether a top-level module name is the project's own (a file or package under an import root). */
  isLocalModule(top: string, fromFile: string): boolean {
    const roots = [path.dirname(fromFile), ...this.importRoots()];
    return this.resolveModule(top, roots) !== null;
  }

  private isDir(abs: string): boolean {
    const parent = path.dirname(abs);
    const base = path.basename(abs);
    return this.fs.list(parent).some((e) => e.dir && e.name === base);
  }

  /** Targets of one import statement: the module and, for `from pkg import name`, submodules named. */
  importTargets(file: string, imp: ImportFact): string[] {
    let base: string[];
    let module = imp.module;
    if (imp.level > 0) {
      // Relative to the file's package: one dot is the file's directory.
      let dir = path.dirname(file);
      for (let i = 1; i < imp.level; i++) dir = path.dirname(dir);
      base = [dir];
    } else base = [path.dirname(file), ...this.importRoots()];
    const out: string[] = [];
    if (module) {
      // Importing `a.b.c` runs `a/__init__.py`, `a/b/__init__.py` too; the closure only needs the last one.
      const hit = this.resolveModule(module, base);
      if (hit && hit.endsWith('.py')) out.push(hit);
    }
    for (const n of imp.names) {
      if (n === '*') continue;
      const sub = this.resolveModule(module ? `${module}.${n}` : n, base);
      if (sub && sub.endsWith('.py')) out.push(sub);
    }
    return [...new Set(out)];
  }

  private readFastmcpJson(): FastmcpJson | null {
    const p = path.join(this.root, 'fastmcp.json');
    const text = this.fs.read(p);
    if (text === undefined) return null;
    try {
      return { path: p, text, data: JSON.parse(text), parseError: null };
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const pos = /position (\d+)/.exec(msg);
      const line = pos ? text.slice(0, Number(pos[1])).split('\n').length - 1 : 0;
      return { path: p, text, data: null, parseError: { message: msg.replace(/^JSON\.parse: /, ''), line } };
    }
  }

  private findEntrypoint(given?: string): { entrypoint: Entrypoint | null; problem: string | null; candidates: string[] } {
    if (given) {
      const [file, object] = splitSpec(given);
      return { entrypoint: { path: path.resolve(this.root, file), object: object ?? this.guessObject(path.resolve(this.root, file)), source: 'given' }, problem: null, candidates: [] };
    }
    const src = obj(obj(this.fastmcpJson?.data)?.source);
    if (src && typeof src.path === 'string' && src.path.trim()) {
      const [file, object] = splitSpec(src.path.trim());
      const abs = path.resolve(path.dirname(this.fastmcpJson!.path), file);
      const entry = typeof src.entrypoint === 'string' && src.entrypoint ? src.entrypoint : object;
      return { entrypoint: { path: abs, object: entry ?? this.guessObject(abs), source: 'fastmcp.json' }, problem: null, candidates: [] };
    }
    // No fastmcp.json source: the file with a module-level server named mcp/server/app, as `fastmcp run` finds it.
    const named: Array<{ file: string; object: string }> = [];
    const other: Array<{ file: string; object: string }> = [];
    for (const file of this.scanned.python) {
      const text = this.fs.read(file);
      if (!text || !looksLikeFastmcp(text)) continue;
      const rel = this.rel(file);
      if (isTestPath(rel)) continue;
      const facts = this.facts(file);
      if (!facts) continue;
      const name = SERVER_NAMES.find((n) => facts.moduleServers.has(n));
      if (name) named.push({ file, object: name });
      else if (facts.moduleServers.size) other.push({ file, object: [...facts.moduleServers.keys()][0] });
    }
    const pick = (list: Array<{ file: string; object: string }>) => {
      if (list.length === 1) return list[0];
      // Several servers: the one a person would name as the app (main.py/server.py/app.py nearest the root).
      const preferred = list.filter((c) => /^(main|server|app)\.py$/.test(path.basename(c.file))).sort((a, b) => a.file.split(path.sep).length - b.file.split(path.sep).length);
      if (preferred.length && (preferred.length === 1 || preferred[0].file.split(path.sep).length < preferred[1].file.split(path.sep).length)) return preferred[0];
      return null;
    };
    for (const list of [named, other]) {
      if (!list.length) continue;
      const hit = pick(list);
      if (hit) return { entrypoint: { path: hit.file, object: hit.object, source: 'detected' }, problem: null, candidates: [] };
      return { entrypoint: null, problem: `several files define a server (${list.map((c) => `${this.rel(c.file)}:${c.object}`).join(', ')}); choose one (fastmcp.json \`source.path\`, or the entrypoint option)`, candidates: list.map((c) => `${this.rel(c.file)}:${c.object}`) };
    }
    return { entrypoint: null, problem: 'no file defines a module-level FastMCP server (named `mcp`, `server` or `app`)', candidates: [] };
  }

  private guessObject(file: string): string | null {
    const facts = this.facts(file);
    if (!facts) return null;
    return SERVER_NAMES.find((n) => facts.moduleServers.has(n)) ?? [...facts.moduleServers.keys()][0] ?? null;
  }

  private readManifests(): Manifest[] {
    const dirs = [...new Set([this.entrypoint ? path.dirname(this.entrypoint.path) : null, this.root].filter((d): d is string => !!d))];
    const env = obj(obj(this.fastmcpJson?.data)?.environment);
    const extra: string[] = [];
    if (env && typeof env.requirements === 'string' && this.fastmcpJson) extra.push(path.resolve(path.dirname(this.fastmcpJson.path), env.requirements));
    if (env && typeof env.project === 'string' && this.fastmcpJson) extra.push(path.join(path.resolve(path.dirname(this.fastmcpJson.path), env.project), 'pyproject.toml'));
    const files = [...new Set([...dirs.flatMap((d) => [path.join(d, 'requirements.txt'), path.join(d, 'pyproject.toml')]), ...extra])];
    const out: Manifest[] = [];
    for (const p of files) {
      const text = this.fs.read(p);
      if (text === undefined) continue;
      out.push(path.basename(p) === 'pyproject.toml' ? readPyproject(p, text) : readRequirements(p, text));
    }
    return out;
  }

  private computeClosure(): { files: string[]; edges: LocalImport[] } {
    if (!this.entrypoint) return { files: [], edges: [] };
    const seen = new Set<string>([this.entrypoint.path]);
    const order = [this.entrypoint.path];
    const edges: LocalImport[] = [];
    for (let i = 0; i < order.length && order.length < 2000; i++) {
      const file = order[i];
      const facts = this.facts(file);
      if (!facts) continue;
      for (const imp of facts.imports) {
        if (imp.level === 0 && isStdlib(imp.module.split('.')[0])) continue;
        for (const target of this.importTargets(file, imp)) {
          if (target === file) continue;
          edges.push({ from: file, to: target, fact: imp });
          if (!seen.has(target)) {
            seen.add(target);
            order.push(target);
          }
        }
      }
    }
    return { files: order, edges };
  }

  private readGitignores(): GitIgnore {
    const gi = new GitIgnore();
    if (this.git) {
      const exclude = this.fs.read(path.join(this.git.commonDir, 'info', 'exclude'));
      if (exclude !== undefined) gi.add(exclude, '', '.git/info/exclude');
    }
    // .gitignore files from the ignore root down to the project root, then inside the project (parents first).
    const chain: string[] = [];
    for (let d = this.root; d.startsWith(this.ignoreRoot); d = path.dirname(d)) {
      chain.unshift(d);
      if (d === this.ignoreRoot || path.dirname(d) === d) break;
    }
    const inside = [...new Set(this.scanned.python.map((f) => path.dirname(f)))].filter((d) => d !== this.root).sort((a, b) => a.length - b.length);
    for (const d of [...chain, ...inside]) {
      const p = path.join(d, '.gitignore');
      const text = this.fs.read(p);
      if (text !== undefined) gi.add(text, path.relative(this.ignoreRoot, d).split(path.sep).join('/'), path.relative(this.root, p).split(path.sep).join('/'));
    }
    return gi;
  }

  /** The path relative to the ignore root, for .gitignore and index questions. */
  repoRel(abs: string): string {
    return path.relative(this.ignoreRoot, abs).split(path.sep).join('/');
  }
}

export function splitSpec(spec: string): [string, string | null] {
  // `C:\x\server.py:mcp` on Windows: the object follows the last colon after the file name.
  const m = /^(.*\.py):([A-Za-z_][A-Za-z0-9_]*)$/.exec(spec);
  if (m) return [m[1], m[2]];
  return [spec, null];
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

const NON_INDEX: Array<[RegExp, string]> = [
  [/^-e\b|^--editable\b/, 'an editable install'],
  [/^(git|hg|svn|bzr)\+/, 'a VCS URL'],
  [/^file:/, 'a file: URL'],
  [/^(\.{1,2}[\\/]|\/|[A-Za-z]:[\\/]|~[\\/])/, 'a local path'],
  [/\.(whl|tar\.gz|tgz|zip|tar\.bz2)(\s|#|;|$)/i, 'a wheel or sdist file'],
  [/^https?:\/\//, 'a direct URL'],
];

/** Why a requirement line or direct reference is not installable from the package index, or null. */
export function nonIndexReason(raw: string): string | null {
  const t = raw.trim();
  for (const [re, why] of NON_INDEX) if (re.test(t)) return why;
  const direct = /^[A-Za-z0-9][A-Za-z0-9._-]*\s*(\[[^\]]*\])?\s*@\s*(\S+)/.exec(t);
  if (direct) {
    for (const [re, why] of NON_INDEX) if (re.test(direct[2])) return why;
    return 'a direct reference';
  }
  return null;
}

export function readRequirements(p: string, text: string): Manifest {
  const nonIndex: Manifest['nonIndex'] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    const t = l.replace(/\s+#.*$/, '').trim();
    if (!t || t.startsWith('#')) return;
    if (/^-(r|c)\s|^--(requirement|constraint)\b|^--?(i|index-url|extra-index-url|f|find-links|trusted-host|pre|no-binary|only-binary|prefer-binary|require-hashes)\b/.test(t)) return;
    const why = nonIndexReason(t);
    if (why) nonIndex.push({ line: i, text: t, why });
  });
  const requirements = parseRequirementsTxt(text);
  return { path: p, kind: 'requirements', text, requirements, deploy: requirements, nonIndex, requiresPython: null, parseError: null, pyproject: null };
}

export function readPyproject(p: string, text: string): Manifest {
  let py: PyProject | null = null;
  let parseError: string | null = null;
  try {
    py = parsePyProject(text);
  } catch (e) {
    parseError = e instanceof ConfigSyntaxError ? e.message : String(e);
  }
  const lines = text.split(/\r?\n/);
  const nonIndex: Manifest['nonIndex'] = [];
  for (const r of py?.dependencies ?? []) {
    const why = r.direct ? (nonIndexReason(`${r.name} @ ${r.direct}`) ?? 'a direct reference') : null;
    if (why) nonIndex.push({ line: r.line, text: r.raw.trim(), why });
  }
  // uv sources: `[tool.uv.sources] name = { git = ... }` / `{ path = ... }` / `{ url = ... }`.
  const uvSources = obj(obj(obj(py?.data.tool)?.uv)?.sources);
  if (uvSources) {
    for (const [name, v] of Object.entries(uvSources)) {
      const o = obj(v);
      if (!o || o.workspace === true || o.index) continue;
      const why = o.git ? 'a VCS source' : o.path ? 'a local path source' : o.url ? 'a direct URL source' : null;
      const line = Math.max(0, lines.findIndex((l) => new RegExp(`^\\s*"?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?\\s*=`).test(l)));
      if (why) nonIndex.push({ line, text: `${name} (tool.uv.sources)`, why });
    }
  }
  const rpLine = lines.findIndex((l) => /^\s*requires-python\s*=/.test(l));
  const lineOf = (needle: string) => Math.max(0, lines.findIndex((l) => l.includes(needle)));
  const deploy: Requirement[] = [];
  const projectDeps = obj(py?.data.project)?.dependencies;
  if (Array.isArray(projectDeps)) for (const d of projectDeps) if (typeof d === 'string') { const r = parseRequirement(d, lineOf(d)); if (r) deploy.push(r); }
  const poetryDeps = obj(obj(obj(py?.data.tool)?.poetry)?.dependencies);
  if (poetryDeps) for (const name of Object.keys(poetryDeps)) if (name !== 'python') { const r = py!.dependencies.find((x) => x.name === name); if (r) deploy.push(r); }
  return {
    path: p,
    kind: 'pyproject',
    text,
    requirements: py?.dependencies ?? [],
    nonIndex,
    requiresPython: py?.requiresPython ? { spec: py.requiresPython, line: Math.max(0, rpLine) } : null,
    deploy,
    parseError,
    pyproject: py,
  };
}

/** Normalized name helper re-exported for the checks. */
export { normalizeName };
