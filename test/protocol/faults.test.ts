/**
 * Faults: broken project files, settings of the wrong type, unknown rule codes and unreadable files give
 * a log line and the defaults; the server keeps linting. Each case checks the server still answers.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lsp-client';

const BAD = 'from fastmcp import FastMCP\n\nmcp = FastMCP("x")\n\nif __name__ == "__main__":\n    mcp.run(transport="htp")\n';
const dirs: string[] = [];
after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function project(files: Record<string, string | null>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fastmcp-faults-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    // null: a directory where a file is expected, which no read can open.
    if (content === null) fs.mkdirSync(p);
    else fs.writeFileSync(p, content);
  }
  return dir;
}

/** Opens server.py in a fresh server started with these settings; returns its diagnostics and log. */
async function lintIn(dir: string, settings?: unknown): Promise<{ codes: string[]; log: string[] }> {
  const c = new LspClient();
  try {
    // No pull configuration: the settings from initializationOptions are the editor settings.
    await c.request('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).toString(), capabilities: {}, initializationOptions: settings === undefined ? {} : { settings } });
    c.notify('initialized', {});
    const uri = pathToFileURL(path.join(dir, 'server.py')).toString();
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: BAD } });
    const p = await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === uri, 20_000);
    // Still alive and answering.
    const info = await c.request('fastmcp/debugInfo', { uri });
    assert.equal(info.openDocuments, 1);
    const log = c.log.filter((m) => m.method === 'window/logMessage').map((m) => String(m.params.message));
    return { codes: p.diagnostics.map((d: any) => d.code), log };
  } finally {
    await c.shutdown();
  }
}

test('malformed pyproject.toml: one log line naming it, defaults apply', async () => {
  const r = await lintIn(project({ 'pyproject.toml': '[tool.fastmcp-lint\nselect = [' }));
  assert.ok(r.codes.includes('FMCP103'), r.codes.join());
  assert.equal(r.log.filter((l) => /pyproject\.toml/.test(l)).length, 1, r.log.join('\n'));
});

test('a config value of the wrong type and an unknown rule code in pyproject: logged, the rest applies', async () => {
  const r = await lintIn(project({ 'pyproject.toml': '[tool.fastmcp-lint]\nselect = "FMCP1"\nignore = ["FMCP999", "FMCP215"]\nseverity = 3\n' }));
  assert.ok(r.codes.includes('FMCP103'));
  assert.ok(r.log.some((l) => /select/.test(l) && /list/.test(l)), r.log.join('\n'));
  assert.ok(r.log.some((l) => /FMCP999/.test(l)), r.log.join('\n'));
});

test('invalid fastmcp.json and an unreadable requirements.txt: the server keeps linting', async () => {
  const r = await lintIn(project({ 'fastmcp.json': '{"entrypoint": ', 'requirements.txt': null, 'uv.lock': '\u0000\u0001garbage' }));
  assert.ok(r.codes.includes('FMCP103'), r.codes.join());
});

test('editor settings of the wrong type fall back to the defaults', async () => {
  const r = await lintIn(project({}), { enable: 'yes', lint: { select: 'FMCP1', ignore: [1, null, {}], extendSelect: [null, 7], maxFileSize: 'big', debounceMs: -5 }, rules: { customizations: ['x', 'y'] }, targetVersion: 42, configurationPreference: 'sideways' });
  assert.ok(r.codes.includes('FMCP103'), r.codes.join());
  const r2 = await lintIn(project({}), { lint: 'everything', rules: { customizations: { FMCP103: 5, FMCP1: 'loud' } } });
  assert.ok(r2.codes.includes('FMCP103'), r2.codes.join());
  assert.ok(r2.log.some((l) => /customizations/.test(l)), r2.log.join('\n'));
});

test('an unknown rule code in the select setting is logged and does not turn every rule off', async () => {
  const r = await lintIn(project({}), { lint: { select: ['FMCP999'] } });
  assert.ok(r.codes.includes('FMCP103'), r.codes.join());
  assert.ok(r.log.some((l) => /unknown rule code "FMCP999"/.test(l)), r.log.join('\n'));
});

test('a file over the size limit and a deeply nested file are skipped with one info diagnostic each', async () => {
  const c = new LspClient();
  try {
    await c.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { settings: { lint: { maxFileSize: 1000 } } } });
    c.notify('initialized', {});
    const big = 'file:///tmp/fastmcp-big.py';
    c.notify('textDocument/didOpen', { textDocument: { uri: big, languageId: 'python', version: 1, text: BAD + '#'.repeat(2000) } });
    const p = await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === big, 20_000);
    assert.equal(p.diagnostics.length, 1);
    assert.equal(p.diagnostics[0].severity, 3);
    assert.match(p.diagnostics[0].message, /over the .* limit/);
    const deep = 'file:///tmp/fastmcp-deep.py';
    c.notify('textDocument/didOpen', { textDocument: { uri: deep, languageId: 'python', version: 1, text: 'from fastmcp import FastMCP\nx = ' + 'f('.repeat(300) + ')'.repeat(300) + '\n' } });
    const d = await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === deep, 20_000);
    assert.equal(d.diagnostics.length, 1);
    assert.match(d.diagnostics[0].message, /nested more than \d+ levels/);
    assert.equal(await c.request('textDocument/hover', { textDocument: { uri: deep }, position: { line: 1, character: 10 } }), null);
    const log = c.log.filter((m) => m.method === 'window/logMessage').map((m) => String(m.params.message));
    assert.equal(log.filter((l) => /fastmcp-big\.py: skipped/.test(l)).length, 1, log.join('\n'));
  } finally {
    await c.shutdown();
  }
});

test('malformed messages and requests for unknown documents get answers, not a dead server', async () => {
  const c = new LspClient();
  try {
    await c.initialize();
    const uri = 'file:///nowhere/none.py';
    assert.equal(await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
    // Changes to a document never opened, positions past the end, and a change with a reversed range.
    c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 99, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] });
    const opened = 'file:///tmp/fastmcp-faults-open.py';
    c.notify('textDocument/didOpen', { textDocument: { uri: opened, languageId: 'python', version: 1, text: BAD } });
    c.notify('textDocument/didChange', { textDocument: { uri: opened, version: 2 }, contentChanges: [{ range: { start: { line: 99, character: 5 }, end: { line: 2, character: 500 } }, text: '\r\n\u0000' }] });
    c.notify('textDocument/didChange', { textDocument: { uri: opened, version: 3 }, contentChanges: [{ text: BAD }] });
    const p = await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === opened && x.version === 3, 20_000);
    assert.ok(p.diagnostics.some((d: any) => d.code === 'FMCP103'));
    assert.equal(await c.request('textDocument/hover', { nope: true }), null);
    assert.equal((await c.request('fastmcp/debugInfo', {})).server, '0.1.0');
  } finally {
    await c.shutdown();
  }
});
