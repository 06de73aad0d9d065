/**
 * The extension in a real VS Code extension host, with the language server over IPC, on a copy of
 * test/e2e/fixtures/ws. Everything goes through VS Code's own command/provider API, the way the
 * editor itself asks: diagnostics, code actions, hover, completion, commands, settings.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { describe, it, before, after } from 'mocha';

const EXTENSION_ID = 'fastmcp-tools.fastmcp-vscode';

/** Problems the fixture's main.py really has: the line that contains `marker`, and the rule it breaks. */
const EXPECTED: Array<[marker: string, code: string]> = [
  ['ctx.info(f"Saving', 'FMCP302'],
  ['time.sleep(0.1)', 'FMCP308'],
  ['@mcp.resource("notes://{name}")', 'FMCP202'],
  ['def read_note(title', 'FMCP203'],
  ['mcp.run(transport="streamable_http")', 'FMCP103'],
];

interface Readiness {
  root: string;
  entrypoint: string | null;
  verdict: 'ready' | 'warnings' | 'not-ready';
  checks: Array<{ code: string; status: 'pass' | 'warn' | 'fail' | 'skip'; message: string }>;
}

interface Api {
  client(): { isRunning(): boolean } | undefined;
}

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
const fastmcpDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'fastmcp');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a value other than undefined; fails with `what` after `ms`. */
async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ''}`);
    await sleep(100);
  }
}

function lineOf(doc: vscode.TextDocument, marker: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes(marker)) return i;
  throw new Error(`fixture has no line containing ${marker}`);
}

const pairs = (diags: readonly vscode.Diagnostic[]) => diags.map((d) => `${d.range.start.line + 1}:${codeOf(d)}`).sort();
const expectedPairs = (doc: vscode.TextDocument) => EXPECTED.map(([m, c]) => `${lineOf(doc, m) + 1}:${c}`).sort();

/** Waits until the diagnostics of `uri` are exactly `want` (line:code pairs). */
async function waitForPairs(uri: vscode.Uri, want: string[], what: string) {
  let seen: string[] = [];
  await waitFor(what, () => {
    seen = pairs(fastmcpDiagnostics(uri));
    return JSON.stringify(seen) === JSON.stringify(want) ? true : undefined;
  }).catch(() => {
    throw new Error(`${what}: want [${want.join(', ')}], saw [${seen.join(', ')}]`);
  });
}

function markdownOf(h: vscode.Hover): string {
  return h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

async function revert(doc: vscode.TextDocument) {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(doc.isDirty, false);
}

describe('FastMCP extension in the VS Code extension host', function () {
  let ext: vscode.Extension<Api>;
  let doc: vscode.TextDocument;
  let original: string;

  before(async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace is open');
    ext = vscode.extensions.getExtension<Api>(EXTENSION_ID)!;
    assert.ok(ext, `${EXTENSION_ID} is installed in the extension host`);
    doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'main.py'));
    await vscode.window.showTextDocument(doc);
    original = doc.getText();
  });

  after(async function () {
    await vscode.workspace.getConfiguration('fastmcp').update('lint.ignore', undefined, vscode.ConfigurationTarget.Global);
    if (doc.isDirty) await revert(doc);
  });

  it('activates on a Python file and starts the language server', async function () {
    assert.equal(doc.languageId, 'python');
    await waitFor('activation', () => (ext.isActive ? true : undefined));
    const client = await waitFor('a running language client', () => (ext.exports.client()?.isRunning() ? ext.exports.client() : undefined));
    assert.ok(client);
  });

  it('shows the server\'s diagnostics for the fixture\'s mistakes', async function () {
    await waitForPairs(doc.uri, expectedPairs(doc), 'diagnostics on main.py');
    const transport = fastmcpDiagnostics(doc.uri).find((d) => codeOf(d) === 'FMCP103')!;
    assert.equal(transport.severity, vscode.DiagnosticSeverity.Error);
    assert.match(transport.message, /streamable-http/);
    const code = transport.code as { value: string; target: vscode.Uri };
    assert.ok(code.target, 'the diagnostic links to its rule page');
    assert.match(code.target.toString(), /FMCP103/);
  });

  it('applies a quick fix from vscode.executeCodeActionProvider and the problem goes away', async function () {
    const line = lineOf(doc, 'mcp.run(transport=');
    const rest = expectedPairs(doc).filter((p) => p !== `${line + 1}:FMCP103`);
    const diag = await waitFor('FMCP103', () => fastmcpDiagnostics(doc.uri).find((d) => codeOf(d) === 'FMCP103'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => a.title === 'Use "streamable-http"');
    assert.ok(fix?.edit, `a "Use \\"streamable-http\\"" quick fix with an edit among: ${titles.join(' | ')}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(titles.includes('Ignore FMCP103 for this line'), `offers "Ignore FMCP103 for this line": ${titles.join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.lineAt(line).text.trim(), 'mcp.run(transport="streamable-http")');
    await waitForPairs(doc.uri, rest, 'diagnostics after the fix');
    await revert(doc);
    assert.equal(doc.getText(), original);
    await waitForPairs(doc.uri, expectedPairs(doc), 'diagnostics after reverting the fix');
  });

  it('answers a hover over a FastMCP symbol with reference text', async function () {
    const line = lineOf(doc, 'mcp = FastMCP(');
    const pos = new vscode.Position(line, doc.lineAt(line).text.indexOf('FastMCP(') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
    const text = hovers.map(markdownOf).join('\n---\n');
    assert.match(text, /class FastMCP\(/, `signature in the hover:\n${text}`);
    // The prose must come from the shipped reference documents, not only the signature table.
    const refs = fs.readdirSync(path.join(ext.extensionPath, 'docs/references')).filter((f) => f.endsWith('.md'));
    const linked = refs.filter((f) => text.includes(f));
    assert.ok(linked.length > 0, `the hover links a reference document (${refs.join(', ')}):\n${text}`);
  });

  describe('template snippets are offered by completion', function () {
    // The suite is bundled into <repo>/.e2e/suite/, and the extension under test is <repo>.
    const file = path.resolve(__dirname, '../../snippets/python.json');
    const snippets = Object.values(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { prefix: string; body: string[] }>);
    let items: vscode.CompletionItem[] | undefined;
    const completions = async () => {
      if (items) return items;
      const scratch = await vscode.workspace.openTextDocument({ language: 'python', content: 'fastmcp-' });
      await vscode.window.showTextDocument(scratch);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', scratch.uri, new vscode.Position(0, 'fastmcp-'.length));
      items = list.items;
      return items;
    };

    it('finds the template snippets in snippets/python.json', function () {
      assert.ok(snippets.length >= 10, `${snippets.length} template snippets`);
    });

    for (const s of snippets) {
      it(`offers ${s.prefix}`, async function () {
        const all = await completions();
        const item = all.find((i) => labelOf(i) === s.prefix && i.kind === vscode.CompletionItemKind.Snippet);
        assert.ok(item, `${s.prefix} among ${all.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf).join(', ')}`);
        const insert = item.insertText instanceof vscode.SnippetString ? item.insertText.value : String(item.insertText);
        assert.equal(insert, s.body.join('\n'));
      });
    }
  });

  it('runs "Check FastMCP Cloud readiness" and reports', async function () {
    await vscode.window.showTextDocument(doc);
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const report = await vscode.commands.executeCommand<Readiness | undefined>('fastmcp.checkReadiness');
    assert.ok(report, 'the command returns its report');
    assert.equal(report.root, folder);
    assert.equal(report.entrypoint, 'main.py:mcp');
    // main.py has four error-level problems, so the project must not be called deployable.
    assert.equal(report.verdict, 'not-ready');
    const status = Object.fromEntries(report.checks.map((c) => [c.code, c.status]));
    assert.equal(status.lint, 'fail', JSON.stringify(report.checks));
    assert.match(report.checks.find((c) => c.code === 'lint')!.message, /^4 errors/);
    for (const code of ['FMCP703', 'FMCP704', 'FMCP707']) assert.equal(status[code], 'pass', `${code} passes: dependencies are declared in pyproject.toml`);
    // ... and shows it: a webview tab titled after the check.
    const tab = await waitFor('the readiness report tab', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label === 'FastMCP Cloud readiness'),
    );
    await vscode.window.tabGroups.close(tab);
  });

  it('applies a settings change (rule ignored) without a reload', async function () {
    await waitForPairs(doc.uri, expectedPairs(doc), 'diagnostics before the settings change');
    const config = vscode.workspace.getConfiguration('fastmcp');
    await config.update('lint.ignore', ['FMCP308'], vscode.ConfigurationTarget.Global);
    await waitForPairs(doc.uri, expectedPairs(doc).filter((p) => !p.endsWith(':FMCP308')), 'diagnostics with FMCP308 ignored');
    await config.update('lint.ignore', undefined, vscode.ConfigurationTarget.Global);
    await waitForPairs(doc.uri, expectedPairs(doc), 'diagnostics with the setting removed again');
  });

  it('restarts the server with "FastMCP: Restart Server" and keeps linting', async function () {
    const old = ext.exports.client();
    assert.ok(old && old.isRunning(), 'a client runs before the restart');
    await vscode.commands.executeCommand('fastmcp.restartServer');
    const fresh = await waitFor('a new running client', () => {
      const c = ext.exports.client();
      return c && c !== old && c.isRunning() ? c : undefined;
    });
    assert.equal(old.isRunning(), false, 'the old client stopped');
    assert.ok(fresh.isRunning());
    // The new server lints edits: fix the transport and watch FMCP103 go.
    const line = lineOf(doc, 'mcp.run(transport=');
    const rest = expectedPairs(doc).filter((p) => !p.endsWith(':FMCP103'));
    const edit = new vscode.WorkspaceEdit();
    const col = doc.lineAt(line).text.indexOf('streamable_http');
    edit.replace(doc.uri, new vscode.Range(line, col, line, col + 'streamable_http'.length), 'stdio');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForPairs(doc.uri, rest, 'diagnostics from the restarted server');
    await revert(doc);
  });
});
