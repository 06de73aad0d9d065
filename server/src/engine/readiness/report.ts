/**
 * A readiness run: every FMCP7xx check plus the errors of the entrypoint's import closure, as the
 * report the CLI prints, the language server returns and the editor renders; and the same findings
 * as diagnostics on the files concerned.
 */
import * as path from 'node:path';
import type { Diagnostic, Severity } from '../types';
import { enabledCodes } from '../lint';
import { resolveConfig, type LintSettings, type ResolvedConfig } from '../config/settings';
import type { FileView } from '../config/fs';
import { ALL_CODES } from '../rules/registry';
import { ruleDocUrl } from '../docs-link';
import type { Finding } from './check';
import { ClosureLint } from './closure-lint';
import { READINESS_CHECKS } from './checks';
import { Project, type ProjectOptions } from './workspace';

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';
export type Verdict = 'ready' | 'warnings' | 'not-ready';

export interface ReportLocation {
  /** Relative to the report's root, `/`-separated. */
  path: string;
  /** 1-based. */
  line: number;
}

export interface ReportCheck {
  code: string;
  title: string;
  status: CheckStatus;
  message: string;
  locations: ReportLocation[];
}

export interface ReadinessReport {
  root: string;
  /** `server.py:mcp` (relative to root), or null when none was found. */
  entrypoint: string | null;
  verdict: Verdict;
  checks: ReportCheck[];
}

/** Extra detail for front ends (kept out of the JSON contract): explanations, fixes, notes. */
export interface ReportDetail {
  code: string;
  why: string;
  fix: string;
  docsUrl: string;
  notes: string[];
  /** Findings with their own messages and positions (0-based), for links and Problems. */
  findings: Array<{ severity: Severity; message: string; path: string | null; line: number | null; character: number | null }>;
}

export interface ReadinessResult {
  report: ReadinessReport;
  details: ReportDetail[];
  /** Diagnostics per absolute file path (FMCP7xx findings with a file, after select/ignore/severity). */
  diagnostics: Map<string, Diagnostic[]>;
  project: Project;
  /** Entrypoint candidates when ambiguous (relative `file.py:obj`). */
  candidates: string[];
}

export interface ReadinessOptions extends ProjectOptions {
  /** Editor or command-line lint settings (select/ignore/severity apply to FMCP7xx too). */
  settings?: LintSettings;
  /** Include the closure's lint errors as a report row (the readiness command; not the diagnostics pass). */
  closureErrors?: boolean;
}

export const CLOSURE_ROW = 'lint';

class ProjectView implements FileView {
  constructor(private p: Project) {}
  read(f: string) {
    return this.p.text(f);
  }
  exists(f: string) {
    return this.read(f) !== undefined;
  }
}

export function runReadiness(root: string, opts: ReadinessOptions): ReadinessResult {
  const project = new Project(root, opts);
  const view = new ProjectView(project);
  const config: ResolvedConfig = resolveConfig(path.join(project.root, '__readiness__.py'), { view, codes: ALL_CODES, editor: opts.settings ?? {} });
  const closureLint = new ClosureLint(project, view);
  const checks: ReportCheck[] = [];
  const details: ReportDetail[] = [];
  const diagnostics = new Map<string, Diagnostic[]>();
  const severityOf = (code: string, fallback: Severity): Severity | 'off' => {
    const sev = config.settings.severity;
    if (!sev) return fallback;
    if (sev[code]) return sev[code];
    let best: { len: number; s: Severity | 'off' } | null = null;
    for (const [k, v] of Object.entries(sev)) if (code.startsWith(k) && (!best || k.length > best.len)) best = { len: k.length, s: v };
    return best?.s ?? fallback;
  };

  for (const check of READINESS_CHECKS) {
    const m = check.meta;
    const enabled = enabledCodes(config, path.join(project.root, '__readiness__.py'), [{ meta: m, check: () => undefined }]).has(m.code);
    const detail: ReportDetail = { code: m.code, why: m.docs.why, fix: m.docs.useInstead, docsUrl: ruleDocUrl(m.code), notes: [], findings: [] };
    if (!enabled) {
      checks.push({ code: m.code, title: m.title, status: 'skip', message: 'skipped: turned off by select/ignore', locations: [] });
      details.push(detail);
      continue;
    }
    let outcome;
    try {
      outcome = check.run({ project, closureLint });
    } catch (e) {
      outcome = { skip: `the check failed: ${e instanceof Error ? e.message : String(e)}`, findings: [] as Finding[] };
    }
    if (outcome.skip) {
      checks.push({ code: m.code, title: m.title, status: 'skip', message: `skipped: ${outcome.skip}`, locations: [] });
      details.push(detail);
      continue;
    }
    const findings = outcome.findings
      .map((f) => {
        // An override (`severity = { FMCP710 = "error" }`) changes the rule's own findings; `off` silences its notes too.
        const over = severityOf(m.code, f.severity);
        return { ...f, severity: f.severity === m.severity || over === 'off' ? over : f.severity };
      })
      .filter((f): f is Finding & { severity: Severity } => f.severity !== 'off')
      .filter((f) => !f.path || !suppressedOnLine(project, f.path, f.range?.start.line, m.code));
    const worst = findings.some((f) => f.severity === 'error') ? 'fail' : findings.some((f) => f.severity === 'warning') ? 'warn' : 'pass';
    const notes = findings.filter((f) => f.severity === 'info' || f.severity === 'hint');
    const message =
      worst === 'pass'
        ? notes.length
          ? `${outcome.passed ?? 'passed'} — note: ${notes[0].message}${notes.length > 1 ? ` (and ${notes.length - 1} more)` : ''}`
          : (outcome.passed ?? 'passed')
        : findings.filter((f) => f.severity === (worst === 'fail' ? 'error' : 'warning'))[0].message + (findings.length > 1 ? ` (${findings.length} findings)` : '');
    const locations: ReportLocation[] = [];
    const seen = new Set<string>();
    for (const f of findings) {
      if (!f.path) continue;
      const loc = { path: project.rel(f.path), line: (f.range?.start.line ?? 0) + 1 };
      const k = `${loc.path}:${loc.line}`;
      if (!seen.has(k)) {
        seen.add(k);
        locations.push(loc);
      }
      if (f.range) {
        const d: Diagnostic = { code: m.code, message: f.message, severity: f.severity, range: f.range, fixes: [] };
        (diagnostics.get(f.path) ?? diagnostics.set(f.path, []).get(f.path)!).push(d);
      }
    }
    detail.notes = notes.map((n) => n.message);
    detail.findings = findings.map((f) => ({ severity: f.severity, message: f.message, path: f.path ? project.rel(f.path) : null, line: f.range ? f.range.start.line : null, character: f.range ? f.range.start.character : null }));
    checks.push({ code: m.code, title: m.title, status: worst, message, locations });
    details.push(detail);
  }

  if (opts.closureErrors) {
    const row: ReportCheck = { code: CLOSURE_ROW, title: 'The entrypoint and the errors in its import closure', status: 'pass', message: '', locations: [] };
    const detail: ReportDetail = { code: CLOSURE_ROW, why: 'Every error-severity diagnostic of the FastMCP rules in the files the server imports: each one fails at run time on any host.', fix: 'Open each location and apply the quick fix or follow the message.', docsUrl: ruleDocUrl('FMCP101').replace(/FMCP101\.md$/, 'README.md'), notes: [], findings: [] };
    if (!project.entrypoint) {
      // No server to deploy is a failure ("No server object found"); several to choose from needs a choice.
      row.status = project.candidates.length > 1 ? 'warn' : 'fail';
      row.message = project.entrypointProblem ?? 'no entrypoint';
    } else {
      const errors: Array<{ file: string; d: Diagnostic }> = [];
      for (const [file, ds] of closureLint.at()) for (const d of ds) if (d.severity === 'error') errors.push({ file, d });
      row.status = errors.length ? 'fail' : 'pass';
      row.message = errors.length
        ? `${errors.length} error${errors.length === 1 ? '' : 's'} in ${new Set(errors.map((e) => e.file)).size} file${new Set(errors.map((e) => e.file)).size === 1 ? '' : 's'}: ${errors[0].d.code} ${errors[0].d.message}`
        : `no errors in ${project.closure.length} module${project.closure.length === 1 ? '' : 's'}`;
      row.locations = errors.map((e) => ({ path: project.rel(e.file), line: e.d.range.start.line + 1 }));
      detail.findings = errors.map((e) => ({ severity: 'error', message: `${e.d.code} ${e.d.message}`, path: project.rel(e.file), line: e.d.range.start.line, character: e.d.range.start.character }));
    }
    checks.push(row);
    details.push(detail);
  }

  const verdict: Verdict = checks.some((c) => c.status === 'fail') ? 'not-ready' : checks.some((c) => c.status === 'warn') ? 'warnings' : 'ready';
  return { report: { root: project.root, entrypoint: project.entrypointSpec, verdict, checks }, details, diagnostics, project, candidates: project.candidates };
}

/** `# noqa: FMCP705` (or `# fastmcp: ignore[FMCP705]`) on the line of a finding in a Python file. */
function suppressedOnLine(project: Project, file: string, line: number | undefined, code: string): boolean {
  if (line === undefined || !file.endsWith('.py')) return false;
  const text = project.text(file);
  const l = text?.split(/\r?\n/)[line] ?? '';
  const m = /#\s*(?:noqa:\s*([A-Z0-9,\s]+)|fastmcp:\s*ignore\[([A-Z0-9,\s]+)\])/i.exec(l);
  if (!m) return false;
  return (m[1] ?? m[2]).split(/[,\s]+/).some((c) => c.toUpperCase() === code);
}

const ICON: Record<CheckStatus, string> = { pass: '✓', warn: '!', fail: '✗', skip: '–' };
const VERDICT_TEXT: Record<Verdict, string> = { ready: 'Ready to deploy', warnings: 'Ready, with warnings', 'not-ready': 'Not ready to deploy' };

export function formatText(r: ReadinessReport, color = false): string {
  const c = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const colorOf: Record<CheckStatus, string> = { pass: '32', warn: '33', fail: '31', skip: '2' };
  const lines: string[] = [];
  lines.push(c('1', `FastMCP Cloud readiness: ${r.root}`));
  lines.push(`Entrypoint: ${r.entrypoint ?? '(none found)'}`, '');
  for (const ch of r.checks) {
    // A passing row says what was verified; any other row names the problem, then says what was found.
    lines.push(`${c(colorOf[ch.status], `${ICON[ch.status]} ${ch.status.padEnd(4)}`)} ${ch.code.padEnd(7)} ${ch.status === 'pass' ? ch.message : ch.title}`);
    if (ch.status !== 'pass') lines.push(`               ${ch.message}`);
    for (const l of ch.locations.slice(0, 10)) lines.push(`               ${l.path}:${l.line}`);
    if (ch.locations.length > 10) lines.push(`               … ${ch.locations.length - 10} more`);
  }
  const count = (s: CheckStatus) => r.checks.filter((x) => x.status === s).length;
  lines.push('', c('1', `${VERDICT_TEXT[r.verdict]}: ${count('pass')} passed, ${count('warn')} warnings, ${count('fail')} failed, ${count('skip')} skipped.`));
  return lines.join('\n') + '\n';
}

function mdEscape(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
}

/** Markdown: a table row per check, then the explanation and fix of every check that did not pass. */
export function formatMarkdown(r: ReadinessReport, details: ReportDetail[] = [], link: (loc: ReportLocation) => string = (l) => `${l.path}#L${l.line}`): string {
  const byCode = new Map(details.map((d) => [d.code, d]));
  const emoji: Record<CheckStatus, string> = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail', skip: '⏭️ skip' };
  const out: string[] = [];
  out.push(`# FastMCP Cloud readiness — ${VERDICT_TEXT[r.verdict]}`, '');
  out.push(`Project: \`${mdEscape(r.root)}\`  `, `Entrypoint: ${r.entrypoint ? `\`${mdEscape(r.entrypoint)}\`` : '*(none found)*'}`, '');
  out.push('| Status | Check | Result | Where |', '|---|---|---|---|');
  for (const ch of r.checks) {
    const where = ch.locations.slice(0, 5).map((l) => `[${mdEscape(l.path)}:${l.line}](${link(l)})`).join('<br>') + (ch.locations.length > 5 ? `<br>… ${ch.locations.length - 5} more` : '');
    const docs = byCode.get(ch.code)?.docsUrl;
    out.push(`| ${emoji[ch.status]} | ${docs && ch.code !== CLOSURE_ROW ? `[${ch.code}](${docs})` : ch.code} ${mdEscape(ch.title)} | ${mdEscape(ch.message)} | ${where} |`);
  }
  const failing = r.checks.filter((c) => c.status === 'fail' || c.status === 'warn');
  if (failing.length) {
    out.push('', '## What to fix', '');
    for (const ch of failing) {
      const d = byCode.get(ch.code);
      out.push(`### ${ch.code}: ${ch.title}`, '');
      if (d) out.push(d.why, '', 'Instead:', '', '```', d.fix, '```', '');
    }
  }
  return out.join('\n') + '\n';
}

