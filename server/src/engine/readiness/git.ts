/**
 * Git facts read from the files under `.git` — HEAD, the remotes in `config`, the paths in `index` —
 * without running git. Reading them executes nothing, so these facts are available in untrusted
 * workspaces too (git itself can run code from a repository: `core.fsmonitor`, hooks, filter drivers).
 *
 * Only "are there uncommitted changes?" needs git proper; `gitStatus` runs it with every setting
 * that could execute something turned off, and only when the caller says the workspace is trusted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

export interface GitRemote {
  name: string;
  url: string;
  /** The remote points at github.com (https, ssh or git@ form). */
  github: boolean;
}

export interface GitFacts {
  /** The working tree root (the directory holding `.git`). */
  root: string;
  /** The git directory (`.git`, or where a `.git` file points for worktrees and submodules). */
  gitDir: string;
  /** The directory with `config` (the common dir of a linked worktree). */
  commonDir: string;
  /** `refs/heads/main` → `main`; null when HEAD is detached or unreadable. */
  branch: string | null;
  remotes: GitRemote[];
  /** Tracked paths (relative to `root`, `/`-separated), or null when the index could not be read. */
  tracked: Set<string> | null;
  /** Why `tracked` is null, when it is. */
  indexProblem: string | null;
  /** `include`/`includeIf` in the repository config: settings come from files we did not read. */
  configIncludes: boolean;
  /** Filter driver names configured in the repository config (`[filter "lfs"]`). */
  filters: string[];
}

const GITHUB = /^(?:https?:\/\/(?:[^@/]+@)?github\.com[/:]|ssh:\/\/(?:[^@/]+@)?github\.com[/:]|git@github\.com:|git:\/\/github\.com\/)/i;

export function isGithubUrl(url: string): boolean {
  return GITHUB.test(url.trim());
}

/** Finds the repository holding `start` (walking up, not above `stopAt` when given). */
export function findGitRoot(start: string, stopAt?: string): { root: string; gitDir: string } | null {
  let dir = path.resolve(start);
  const stop = stopAt ? path.resolve(stopAt) : null;
  for (;;) {
    const dotGit = path.join(dir, '.git');
    let st: fs.Stats | null = null;
    try {
      st = fs.statSync(dotGit);
    } catch {
      st = null;
    }
    if (st?.isDirectory() && fs.existsSync(path.join(dotGit, 'HEAD'))) return { root: dir, gitDir: dotGit };
    if (st?.isFile()) {
      try {
        const m = /^gitdir:\s*(.+?)\s*$/m.exec(fs.readFileSync(dotGit, 'utf8'));
        if (m) return { root: dir, gitDir: path.resolve(dir, m[1]) };
      } catch {
        /* unreadable .git file: not a repository we can read */
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir || (stop && dir === stop)) return null;
    dir = parent;
  }
}

interface ConfigSection {
  section: string;
  sub: string | null;
  values: Map<string, string[]>;
}

/** Parses git's INI-like config format (sections, subsections, quoted values, comments). */
export function parseGitConfig(text: string): ConfigSection[] {
  const out: ConfigSection[] = [];
  let cur: ConfigSection | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const sec = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]\s*(.*)$/.exec(line);
    if (sec) {
      let name = sec[1].toLowerCase();
      let sub: string | null = sec[2] !== undefined ? sec[2].replace(/\\(.)/g, '$1') : null;
      // Old-style `[section.sub]`.
      if (sub === null && name.includes('.')) {
        sub = name.slice(name.indexOf('.') + 1);
        name = name.slice(0, name.indexOf('.'));
      }
      cur = { section: name, sub, values: new Map() };
      out.push(cur);
      continue;
    }
    if (!cur) continue;
    const kv = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!kv) continue;
    let value = (kv[2] ?? 'true').replace(/\s+[#;].*$/, '');
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    value = value.replace(/\\(.)/g, '$1');
    const key = kv[1].toLowerCase();
    (cur.values.get(key) ?? cur.values.set(key, []).get(key)!).push(value);
  }
  return out;
}

/** Paths in a git index file (versions 2, 3 and 4). Throws on anything it cannot read. */
export function readIndexPaths(buf: Buffer): Set<string> {
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'DIRC') throw new Error('not a git index');
  const version = buf.readUInt32BE(4);
  if (version < 2 || version > 4) throw new Error(`index version ${version} is not supported`);
  const count = buf.readUInt32BE(8);
  const paths = new Set<string>();
  let off = 12;
  let prev = '';
  for (let i = 0; i < count; i++) {
    const start = off;
    if (off + 62 > buf.length) throw new Error('index is truncated');
    const flags = buf.readUInt16BE(off + 60);
    off += 62;
    if (version >= 3 && flags & 0x4000) off += 2;
    let name: string;
    if (version === 4) {
      // Prefix compression: drop N bytes of the previous path, then a NUL-terminated suffix.
      let c = buf[off++];
      let strip = c & 127;
      while (c & 128) {
        c = buf[off++];
        strip = ((strip + 1) << 7) | (c & 127);
      }
      const end = buf.indexOf(0, off);
      if (end < 0) throw new Error('index is truncated');
      const prevBytes = Buffer.from(prev, 'utf8');
      name = Buffer.concat([prevBytes.subarray(0, prevBytes.length - strip), buf.subarray(off, end)]).toString('utf8');
      off = end + 1;
    } else {
      const end = buf.indexOf(0, off);
      if (end < 0) throw new Error('index is truncated');
      name = buf.toString('utf8', off, end);
      // Entries are padded with 1–8 NULs to a multiple of 8 bytes.
      off = start + Math.ceil((end + 1 - start) / 8) * 8;
    }
    // Stage bits: a conflicted path appears once per stage; a set keeps it once.
    paths.add(name);
    prev = name;
  }
  return paths;
}

/** Everything read from `.git` for the repository holding `start`, or null when there is none. */
export function readGitFacts(start: string, stopAt?: string): GitFacts | null {
  const found = findGitRoot(start, stopAt);
  if (!found) return null;
  const { root, gitDir } = found;
  let commonDir = gitDir;
  try {
    const c = fs.readFileSync(path.join(gitDir, 'commondir'), 'utf8').trim();
    if (c) commonDir = path.resolve(gitDir, c);
  } catch {
    /* not a linked worktree */
  }
  let branch: string | null = null;
  try {
    const head = fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    const m = /^ref:\s*refs\/heads\/(.+)$/.exec(head);
    if (m) branch = m[1];
  } catch {
    /* unreadable HEAD: branch unknown */
  }
  const remotes: GitRemote[] = [];
  const filters: string[] = [];
  let configIncludes = false;
  try {
    for (const s of parseGitConfig(fs.readFileSync(path.join(commonDir, 'config'), 'utf8'))) {
      if (s.section === 'remote' && s.sub) for (const url of s.values.get('url') ?? []) remotes.push({ name: s.sub, url, github: isGithubUrl(url) });
      if (s.section === 'include' || s.section === 'includeif') configIncludes = true;
      if (s.section === 'filter' && s.sub) filters.push(s.sub);
    }
  } catch {
    /* no config: no remotes */
  }
  let tracked: Set<string> | null = null;
  let indexProblem: string | null = null;
  try {
    tracked = readIndexPaths(fs.readFileSync(path.join(gitDir, 'index')));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') tracked = new Set(); // a fresh repository without commits has no index yet
    else indexProblem = e instanceof Error ? e.message : String(e);
  }
  return { root, gitDir, commonDir, branch, remotes, tracked, indexProblem, configIncludes, filters };
}

export interface GitStatus {
  /** Changed, staged, deleted or untracked paths (relative to the repository root). */
  changes: Array<{ path: string; state: string }>;
}

/**
 * `git status`, run so that nothing from the repository can execute: no fsmonitor hook, no hooks
 * directory, no filter drivers (each configured one is emptied), no system config, no pager, no
 * prompts, no optional index writes. A repository config that includes other files is not run at
 * all (its settings could name programs we did not see). Returns null when git is unavailable.
 */
export function gitStatus(facts: GitFacts, timeoutMs = 10_000): GitStatus | { skipped: string } {
  if (facts.configIncludes) return { skipped: 'the repository config includes other config files; git was not run' };
  const args = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'core.untrackedCache=false', '-c', 'diff.external=', '-c', 'core.pager=cat'];
  for (const f of facts.filters) args.push('-c', `filter.${f}.clean=`, '-c', `filter.${f}.smudge=`, '-c', `filter.${f}.process=`, '-c', `filter.${f}.required=false`);
  args.push('--no-optional-locks', 'status', '--porcelain=v1', '-z', '--no-renames', '--ignore-submodules=all', '--untracked-files=normal');
  const r = spawnSync('git', args, {
    cwd: facts.root,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', GIT_EXTERNAL_DIFF: '' },
    windowsHide: true,
  });
  if (r.error || r.status !== 0) return { skipped: `git status did not run (${r.error ? ((r.error as NodeJS.ErrnoException).code ?? r.error.message) : (r.stderr || '').trim().split('\n')[0] || `exit ${r.status}`})` };
  const changes: GitStatus['changes'] = [];
  for (const entry of r.stdout.split('\0')) {
    if (entry.length < 4) continue;
    changes.push({ state: entry.slice(0, 2), path: entry.slice(3) });
  }
  return { changes };
}
