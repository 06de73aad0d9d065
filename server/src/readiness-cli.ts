/**
 * `fastmcp-lint readiness [dir]`: the FastMCP Cloud readiness report in the terminal and CI, and the
 * FMCP7xx diagnostics `fastmcp-lint <dir>` adds for each project root under a directory.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { initParser, type Diagnostic, type LintSettings } from './engine';
import { configByDirectory, isValidSelector } from './engine/config/settings';
import { CachedDiskView } from './engine/config/fs';
import { globMatch } from './engine/glob';
import { ALL_CODES } from './engine/rules/registry';
import { runReadiness, formatText, formatMarkdown, findProjectRoots, scanTree } from './engine/readiness';
import { isTestPath, memoFs, type ScannedTree } from './engine/readiness/workspace';
import type { PythonFacts } from './engine/readiness/python-facts';

import { UsageError } from './cli';

/** Usage mistakes exit 2 with the message, like the rest of the CLI. */
export class ReadinessUsageError extends UsageError {}

const FORMATS = ['text', 'json', 'markdown'] as const;

export const READINESS_HELP = `fastmcp-lint readiness [dir] [options] — will this project deploy to FastMCP Cloud?

Runs the FMCP7xx project checks and the entrypoint's lint errors, and prints a pass / warn / fail /
skip row per check and an overall verdict (ready, warnings, not-ready).

Options:
  --format text|json|markdown   output format (default text)
  --entrypoint FILE[:OBJECT]    the server to check (default: fastmcp.json source, else detected)
  --select / --ignore CODES     turn checks on or off (codes or prefixes, as for linting)
  --untrusted                   treat the directory as untrusted: run no git command (FMCP713 skipped)
  -h, --help                    show this help

Exit status: 0 no check failed, 1 a check failed, 2 usage or internal error.`;

export async function readinessMain(argv: string[], out: (s: string) => void): Promise<number> {
  let format = 'text' as (typeof FORMATS)[number];
  let dir: string | undefined;
  let entrypoint: string | undefined;
  let trusted = true;
  const settings: LintSettings = {};
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let v: string | undefined;
    if (a.startsWith('--') && a.includes('=')) {
      v = a.slice(a.indexOf('=') + 1);
      a = a.slice(0, a.indexOf('='));
    }
    const value = () => {
      const x = v ?? argv[++i];
      if (x === undefined) throw new ReadinessUsageError(`${a} needs a value`);
      return x;
    };
    const codes = () => {
      const list = value().split(',').map((s) => s.trim()).filter(Boolean);
      for (const c of list) if (!isValidSelector(c, ALL_CODES)) throw new ReadinessUsageError(`${a}: unknown rule code ${c}`);
      return list.map((c) => c.toUpperCase());
    };
    switch (a) {
      case '-h':
      case '--help':
        out(READINESS_HELP + '\n');
        return 0;
      case '--format': {
        const f = value();
        if (!(FORMATS as readonly string[]).includes(f)) throw new ReadinessUsageError(`--format must be one of ${FORMATS.join(', ')} (got ${f})`);
        format = f as typeof format;
        break;
      }
      case '--entrypoint':
        entrypoint = value();
        break;
      case '--select':
        settings.select = codes();
        break;
      case '--ignore':
        settings.ignore = codes();
        break;
      case '--untrusted':
        trusted = false;
        break;
      default:
        if (a.startsWith('-')) throw new ReadinessUsageError(`unknown option ${a} (see readiness --help)`);
        if (dir !== undefined) throw new ReadinessUsageError('readiness takes one directory');
        dir = a;
    }
  }
  const root = path.resolve(dir ?? '.');
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new ReadinessUsageError(`not a directory: ${dir ?? '.'}`);
  if (entrypoint && !fs.existsSync(path.resolve(root, entrypoint.replace(/:[A-Za-z_][A-Za-z0-9_]*$/, '')))) throw new ReadinessUsageError(`--entrypoint: no such file ${entrypoint}`);
  await initParser();
  const result = runReadiness(root, { trusted, entrypoint, settings, closureErrors: true });
  if (format === 'json') out(JSON.stringify(result.report, null, 2) + '\n');
  else if (format === 'markdown') out(formatMarkdown(result.report, result.details));
  else out(formatText(result.report, !!process.stdout.isTTY && !process.env.NO_COLOR));
  return result.report.checks.some((c) => c.status === 'fail') ? 1 : 0;
}

/** The project roots under the directories `fastmcp-lint <dir>` was given, found before the files are linted. */
export interface WorkspacePlan {
  projects: Array<{ given: string; abs: string; root: string; scanned: ScannedTree }>;
}

/** Python facts the lint run took from the trees it parsed, keyed by absolute path (see Project.facts). */
export type FactsCache = Map<string, { text: string; facts: PythonFacts }>;

/**
 * Finds the project roots under each directory given and the Python files each project's checks read.
 * Files given one by one add nothing: a project check needs the project. `configOf` resolves a file's settings
 * (the CLI passes the resolver its lint uses, so each directory's settings are read once).
 */
export function planWorkspace(paths: string[], settings: LintSettings, configOf = configByDirectory({ view: new CachedDiskView(), codes: ALL_CODES, editor: settings })): WorkspacePlan {
  const plan: WorkspacePlan = { projects: [] };
  const wfs = memoFs();
  for (const p of paths) {
    const abs = path.resolve(p);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      continue;
    }
    if (!st.isDirectory()) continue;
    const scanned = scanTree(abs, wfs);
    // Files the lint run excludes (`exclude` in [tool.fastmcp-lint]) take no part in project checks either.
    scanned.python = scanned.python.filter((f) => {
      const c = configOf(f);
      const rel = path.relative(c.baseDir, f).split(path.sep).join('/');
      return !(c.settings.exclude ?? []).some((g) => globMatch(g, rel));
    });
    for (const root of findProjectRoots(abs, wfs, scanned)) {
      plan.projects.push({ given: p, abs, root, scanned: { ...scanned, python: scanned.python.filter((f) => f.startsWith(root + path.sep)) } });
    }
  }
  return plan;
}

/**
 * The files whose Python facts the project checks of `plan` read to find the entrypoint: those of each
 * project outside its test folders (the lint run keeps facts only of those that import FastMCP).
 */
export function factsWanted(plan: WorkspacePlan): Set<string> {
  const out = new Set<string>();
  for (const pr of plan.projects) {
    for (const f of pr.scanned.python) {
      const rel = path.relative(pr.root, f).split(path.sep).join('/');
      if (!isTestPath(rel)) out.add(f);
    }
  }
  return out;
}

/**
 * FMCP7xx diagnostics for `fastmcp-lint <dir>`: for each project root under each directory given,
 * the findings that have a file and line, keyed by absolute path. `facts` holds what the lint run
 * already learned about the files it parsed; the checks parse only the files it did not.
 */
export function workspaceDiagnostics(paths: string[] | WorkspacePlan, settings: LintSettings, facts: FactsCache = new Map()): Array<{ abs: string; display: string; diagnostics: Diagnostic[] }> {
  const plan = Array.isArray(paths) ? planWorkspace(paths, settings) : paths;
  const out = new Map<string, Diagnostic[]>();
  const display = new Map<string, string>();
  // The files do not change during the run: each is read, and each directory listed, once for all projects. The
  // texts the lint run kept facts of are not read again (it read them from disk, as the checks would).
  const wfs = memoFs(undefined, [...facts].map(([abs, f]) => [abs, f.text] as [string, string]));
  for (const { given: p, abs, root, scanned: own } of plan.projects) {
    try {
      const r = runReadiness(root, { trusted: true, gitStatus: false, settings, scanned: own, factsCache: facts, fs: wfs });
      for (const [file, ds] of r.diagnostics) {
        if (!display.has(file)) display.set(file, path.join(p, path.relative(abs, file)));
        const list = out.get(file) ?? out.set(file, []).get(file)!;
        for (const d of ds) if (!list.some((x) => x.code === d.code && x.range.start.line === d.range.start.line && x.message === d.message)) list.push(d);
      }
    } catch {
      /* a project the checks cannot read adds nothing to the lint run */
    }
  }
  return [...out].map(([file, ds]) => ({ abs: file, display: display.get(file) ?? file, diagnostics: ds.sort((a, b) => a.range.start.line - b.range.start.line || a.code.localeCompare(b.code)) }));
}
