/**
 * "FastMCP: Check FastMCP Cloud readiness": the FMCP7xx checks and the entrypoint's errors as a
 * checklist in a webview — a pass / warn / fail / skip row per check with its explanation and fix,
 * links that open the file at the line, a re-run button and the verdict. Returns the report (the JSON
 * of `fastmcp-lint readiness --format json`), so tests and other extensions can use it.
 */
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { requestProject, type ProjectArgs } from './project';

type Status = 'pass' | 'warn' | 'fail' | 'skip';
interface Check {
  code: string;
  title: string;
  status: Status;
  message: string;
  locations: Array<{ path: string; line: number }>;
}
interface Detail {
  code: string;
  why: string;
  fix: string;
  notes: string[];
  findings: Array<{ severity: string; message: string; path: string | null; line: number | null; character: number | null }>;
}
interface ServerReport {
  root: string;
  entrypoint: string | null;
  verdict: 'ready' | 'warnings' | 'not-ready';
  checks: Check[];
  details: Detail[];
  candidates: string[];
  trusted: boolean;
  error?: string;
}
export type ReadinessReport = Pick<ServerReport, 'root' | 'entrypoint' | 'verdict' | 'checks'>;

const esc = (s: unknown) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const VERDICT: Record<ServerReport['verdict'], string> = { ready: 'Ready to deploy', warnings: 'Ready, with warnings', 'not-ready': 'Not ready to deploy' };
const ICON: Record<Status, string> = { pass: '✓', warn: '!', fail: '✗', skip: '–' };

export function renderReadinessHtml(r: ServerReport, webview: { cspSource: string }, nonce: string): string {
  const details = new Map(r.details.map((d) => [d.code, d]));
  const count = (s: Status) => r.checks.filter((c) => c.status === s).length;
  const order: Record<Status, number> = { fail: 0, warn: 1, pass: 2, skip: 3 };
  const rows = [...r.checks]
    .sort((a, b) => order[a.status] - order[b.status] || a.code.localeCompare(b.code))
    .map((c) => {
      const d = details.get(c.code);
      const locs = (d?.findings.length ? d.findings.filter((f) => f.path) : c.locations.map((l) => ({ path: l.path, line: l.line - 1, character: 0, message: '' })))
        .slice(0, 20)
        .map((f) => `<li><a href="#" class="loc" data-path="${esc(f.path)}" data-line="${esc(f.line ?? 0)}" data-char="${esc(f.character ?? 0)}">${esc(f.path)}:${esc((f.line ?? 0) + 1)}</a>${f.message ? ` — ${esc(f.message)}` : ''}</li>`)
        .join('');
      const explain = d && (c.status === 'fail' || c.status === 'warn') ? `<details><summary>Why, and what to do</summary><p>${esc(d.why)}</p><pre>${esc(d.fix)}</pre></details>` : '';
      const docs = /^FMCP\d{3}$/.test(c.code) ? `<a href="#" class="docs" data-code="${esc(c.code)}">${esc(c.code)}</a>` : esc(c.code);
      return `<tr class="${c.status}"><td class="status"><span class="badge ${c.status}">${ICON[c.status]} ${c.status}</span></td><td class="code">${docs}</td><td><div class="title">${esc(c.status === 'pass' ? c.message : c.title)}</div>${c.status !== 'pass' ? `<div class="msg">${esc(c.message)}</div>` : ''}${locs ? `<ul>${locs}</ul>` : ''}${explain}</td></tr>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>FastMCP Cloud readiness</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em 2em; }
.verdict { font-size: 1.6em; margin: .6em 0 .2em; }
.verdict.ready { color: var(--vscode-testing-iconPassed, #3fb950); }
.verdict.warnings { color: var(--vscode-editorWarning-foreground, #d29922); }
.verdict.not-ready { color: var(--vscode-editorError-foreground, #f85149); }
.meta { opacity: .8; margin-bottom: 1em; }
table { border-collapse: collapse; width: 100%; }
td { vertical-align: top; padding: .45em .6em; border-bottom: 1px solid var(--vscode-panel-border, #8883); }
.badge { display: inline-block; min-width: 4.2em; padding: .1em .5em; border-radius: 3px; font-weight: 600; text-align: center; }
.badge.pass { background: #3fb95033; } .badge.warn { background: #d2992233; } .badge.fail { background: #f8514933; } .badge.skip { background: #8882; }
tr.pass .title, tr.skip .title { opacity: .85; }
.title { font-weight: 600; } .msg { margin-top: .2em; }
ul { margin: .3em 0 0; padding-left: 1.2em; }
pre { background: var(--vscode-textCodeBlock-background); padding: .6em; white-space: pre-wrap; }
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: 0; padding: .4em 1em; cursor: pointer; }
.code { white-space: nowrap; font-family: var(--vscode-editor-font-family); }
</style></head><body>
<div class="verdict ${esc(r.verdict)}">${esc(VERDICT[r.verdict])}</div>
<div class="meta">Project <code>${esc(r.root)}</code> · entrypoint <code>${esc(r.entrypoint ?? 'none found')}</code> · ${count('pass')} passed, ${count('warn')} warnings, ${count('fail')} failed, ${count('skip')} skipped${r.trusted ? '' : ' · workspace not trusted: checks that would run git are skipped'}</div>
<p><button id="rerun">Re-run checks</button></p>
<table>${rows}</table>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.getElementById('rerun').addEventListener('click', () => vscode.postMessage({ type: 'rerun' }));
for (const a of document.querySelectorAll('a.loc')) a.addEventListener('click', (e) => { e.preventDefault(); vscode.postMessage({ type: 'open', path: a.dataset.path, line: Number(a.dataset.line), character: Number(a.dataset.char) }); });
for (const a of document.querySelectorAll('a.docs')) a.addEventListener('click', (e) => { e.preventDefault(); vscode.postMessage({ type: 'docs', code: a.dataset.code }); });
</script>
</body></html>`;
}

let panel: vscode.WebviewPanel | undefined;
let lastArgs: ProjectArgs = {};

export async function checkReadiness(getClient: () => LanguageClient | undefined, args: ProjectArgs & { show?: boolean } = {}): Promise<ReadinessReport | undefined> {
  const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'FastMCP: checking readiness' }, () => requestProject<ServerReport>(getClient, 'fastmcp/readiness', args));
  if (!r) return undefined;
  lastArgs = { root: r.root, entrypoint: r.entrypoint ?? args.entrypoint };
  if (args.show !== false) show(getClient, r);
  return { root: r.root, entrypoint: r.entrypoint, verdict: r.verdict, checks: r.checks };
}

function show(getClient: () => LanguageClient | undefined, r: ServerReport) {
  if (!panel) {
    panel = vscode.window.createWebviewPanel('fastmcp.readiness', 'FastMCP Cloud readiness', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
    panel.onDidDispose(() => (panel = undefined));
    panel.webview.onDidReceiveMessage(async (m: { type?: string; path?: unknown; line?: unknown; character?: unknown; code?: unknown }) => {
      if (m?.type === 'rerun') await checkReadiness(getClient, lastArgs);
      else if (m?.type === 'docs' && typeof m.code === 'string' && /^FMCP\d{3}$/.test(m.code)) await vscode.commands.executeCommand('fastmcp.showRuleDocumentation', m.code);
      else if (m?.type === 'open' && typeof m.path === 'string' && lastArgs.root) {
        // Only files of the checked project open: the path comes from the page, so it is checked here.
        const abs = path.resolve(lastArgs.root, m.path);
        if (abs !== lastArgs.root && !abs.startsWith(lastArgs.root + path.sep)) return;
        const line = Number.isInteger(m.line) ? (m.line as number) : 0;
        const ch = Number.isInteger(m.character) ? (m.character as number) : 0;
        const pos = new vscode.Position(Math.max(0, line), Math.max(0, ch));
        await vscode.window.showTextDocument(vscode.Uri.file(abs), { selection: new vscode.Range(pos, pos), viewColumn: vscode.ViewColumn.Beside });
      }
    });
  }
  const nonce = crypto.randomBytes(16).toString('base64');
  panel.webview.html = renderReadinessHtml(r, panel.webview, nonce);
  panel.reveal(undefined, true);
}

export function registerCheckReadinessCommand(getClient: () => LanguageClient | undefined): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('fastmcp.readiness', [{ language: 'python' }, { pattern: '**/fastmcp.json' }]);
  item.name = 'FastMCP Cloud readiness';
  item.text = 'Deploy';
  item.detail = 'FastMCP Cloud readiness';
  item.command = { title: 'Check readiness', command: 'fastmcp.checkReadiness' };
  return vscode.Disposable.from(
    item,
    vscode.commands.registerCommand('fastmcp.checkReadiness', (args?: ProjectArgs & { show?: boolean }) => checkReadiness(getClient, args ?? {})),
  );
}
