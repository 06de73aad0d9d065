/**
 * What the deploy and client-configuration commands need from the workspace model, as pure functions:
 * the environment variables the server reads, a `.env.example` written from them (names only — never a
 * value from `.env`), the command that launches the server, MCP client config entries merged into
 * existing files, and the static "what changes if you upgrade FastMCP" comparison.
 */
import * as path from 'node:path';
import { highestSatisfying, lowestSatisfying } from '../version/version';
import { NEWEST_KNOWN } from '../version/releases';
import { ClosureLint } from './closure-lint';
import type { Project } from './workspace';
import type { EnvVarUse, ProjectInfo } from './client-config';

export * from './client-config';

const AMBIENT = new Set(['PATH', 'HOME', 'USER', 'PWD', 'SHELL', 'LANG', 'TZ', 'TMPDIR', 'PYTHONPATH', 'VIRTUAL_ENV']);

export function projectInfo(project: Project): ProjectInfo {
  const vars = new Map<string, EnvVarUse>();
  for (const file of project.closure) {
    for (const r of project.facts(file)?.envReads ?? []) {
      if (AMBIENT.has(r.name)) continue;
      const v = vars.get(r.name) ?? { name: r.name, optional: true, where: [] };
      v.optional &&= r.hasDefault;
      v.where.push(`${project.rel(file)}:${r.range.start.line + 1}`);
      vars.set(r.name, v);
    }
  }
  let spec: string | null = null;
  let declaredIn: string | null = null;
  for (const m of project.manifests) {
    const r = m.deploy.find((x) => x.normalized === 'fastmcp');
    if (r) {
      spec = r.direct ? null : r.spec;
      declaredIn = project.rel(m.path);
      break;
    }
  }
  if (declaredIn === null) {
    const r = project.fastmcpJsonDependencies().find((x) => x.normalized === 'fastmcp');
    if (r) {
      spec = r.spec;
      declaredIn = 'fastmcp.json';
    }
  }
  const envDir = project.entrypoint ? path.dirname(project.entrypoint.path) : project.root;
  let venvFastmcp: string | null = null;
  for (const v of ['.venv', 'venv']) {
    for (const exe of [path.join(v, 'bin', 'fastmcp'), path.join(v, 'Scripts', 'fastmcp.exe')]) {
      const abs = path.join(project.root, exe);
      if (!venvFastmcp && project.fs.list(path.dirname(abs)).some((e) => !e.dir && e.name === path.basename(abs))) venvFastmcp = abs;
    }
  }
  const req = project.manifests.find((m) => m.kind === 'requirements');
  const py = project.manifests.find((m) => m.kind === 'pyproject' && m.deploy.length > 0);
  const serverName = (() => {
    const ep = project.entrypoint;
    const text = ep ? project.text(ep.path) : undefined;
    const m = text && ep?.object ? new RegExp(`^${ep.object}\\s*=\\s*FastMCP\\(\\s*(?:name\\s*=\\s*)?["']([^"']+)["']`, 'm').exec(text) : null;
    return (m?.[1] ?? path.basename(project.root)).trim() || 'fastmcp-server';
  })();
  return {
    root: project.root,
    entrypoint: project.entrypointSpec,
    entrypointAbs: project.entrypoint ? `${project.entrypoint.path}${project.entrypoint.object ? `:${project.entrypoint.object}` : ''}` : null,
    candidates: project.candidates,
    envVars: [...vars.values()].sort((a, b) => a.name.localeCompare(b.name)),
    envExamplePath: project.envExample?.path ?? path.join(envDir, '.env.example'),
    envExampleExists: !!project.envExample,
    fastmcp: { spec, declaredIn, lowest: spec !== null ? lowestSatisfying(spec) : null, highest: spec !== null ? highestSatisfying(spec) : null, newestKnown: NEWEST_KNOWN },
    venvFastmcp,
    requirementsPath: req?.path ?? null,
    pyprojectWithDeps: py?.path ?? null,
    serverName,
  };
}

export interface VersionChange {
  kind: 'new' | 'gone';
  code: string;
  where: string;
  message: string;
}

export interface VersionsReport {
  spec: string | null;
  declaredIn: string | null;
  /** What a deploy installs today (the newest release the requirement admits). */
  installs: string | null;
  newestKnown: string;
  /** Diagnostics that would appear or go away when the project moves from `installs` to the newest known release. */
  changes: VersionChange[];
}

/** "FastMCP: Check Versions": the declared requirement vs the newest known release, compared by linting at both. */
export function versionsReport(project: Project, lint = new ClosureLint(project)): VersionsReport {
  const info = projectInfo(project);
  const installs = info.fastmcp.highest;
  const changes: VersionChange[] = [];
  if (project.entrypoint) {
    const from = lint.at(installs ?? undefined);
    const to = lint.at(NEWEST_KNOWN);
    const key = (f: string, d: { code: string; severity: string; range: { start: { line: number } } }) => `${f}\0${d.code}\0${d.range.start.line}\0${d.severity}`;
    const before = new Map<string, { f: string; d: { code: string; message: string; range: { start: { line: number } } } }>();
    const after = new Map<string, { f: string; d: { code: string; message: string; range: { start: { line: number } } } }>();
    for (const [f, ds] of from) for (const d of ds) before.set(key(f, d), { f, d });
    for (const [f, ds] of to) for (const d of ds) after.set(key(f, d), { f, d });
    for (const [k, v] of after) if (!before.has(k)) changes.push({ kind: 'new', code: v.d.code, where: `${project.rel(v.f)}:${v.d.range.start.line + 1}`, message: v.d.message });
    for (const [k, v] of before) if (!after.has(k)) changes.push({ kind: 'gone', code: v.d.code, where: `${project.rel(v.f)}:${v.d.range.start.line + 1}`, message: v.d.message });
  }
  return { spec: info.fastmcp.spec, declaredIn: info.fastmcp.declaredIn, installs, newestKnown: NEWEST_KNOWN, changes };
}

export function formatVersionsMarkdown(r: VersionsReport): string {
  const out = ['# FastMCP versions', ''];
  out.push(`- Declared: ${r.declaredIn ? `\`fastmcp${r.spec ?? ' (direct reference)'}\` in ${r.declaredIn}` : 'nothing declares fastmcp'}`);
  out.push(`- A deploy installs today: ${r.installs ?? 'unknown'}`);
  out.push(`- Newest known release: ${r.newestKnown}`, '');
  if (r.installs === r.newestKnown) out.push('The project already gets the newest known release.', '');
  const neu = r.changes.filter((c) => c.kind === 'new');
  const gone = r.changes.filter((c) => c.kind === 'gone');
  if (r.installs !== r.newestKnown) {
    out.push(`## Upgrading to ${r.newestKnown}`, '', 'Found statically, by checking the code against both versions (nothing was installed or run).', '');
    if (!neu.length && !gone.length) out.push('No rule reports anything different.', '');
    if (neu.length) out.push('### New findings', '', ...neu.map((c) => `- \`${c.code}\` ${c.where}: ${c.message.replace(/\n/g, ' ')}`), '');
    if (gone.length) out.push('### Findings that go away', '', ...gone.map((c) => `- \`${c.code}\` ${c.where}: ${c.message.replace(/\n/g, ' ')}`), '');
  }
  return out.join('\n');
}
