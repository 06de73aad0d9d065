/** The server's FMCP7xx side over stdio: diagnostics on non-Python files, updates on file events, the readiness request. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lsp-client';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fastmcp-proto-ready-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('FMCP7xx diagnostics land on requirements.txt, follow file events, and fastmcp/readiness reports', async () => {
  fs.writeFileSync(path.join(dir, 'server.py'), 'import yaml\nfrom fastmcp import FastMCP\n\nmcp = FastMCP("demo")\n');
  const reqs = path.join(dir, 'requirements.txt');
  fs.writeFileSync(reqs, 'httpx\n');
  const reqUri = pathToFileURL(reqs).toString();
  const c = new LspClient();
  try {
    await c.initialize(pathToFileURL(dir).toString(), { trusted: false });
    const first = await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === reqUri && p.diagnostics.length > 0);
    assert.equal(first.diagnostics[0].code, 'FMCP704');
    assert.equal(first.diagnostics[0].source, 'fastmcp');
    assert.match(first.diagnostics[0].codeDescription.href, /FMCP704\.md$/);

    const report = await c.request('fastmcp/readiness', {});
    assert.equal(report.verdict, 'not-ready');
    assert.equal(report.entrypoint, 'server.py:mcp');
    const row = (code: string) => report.checks.find((x: { code: string }) => x.code === code);
    assert.equal(row('FMCP704').status, 'fail');
    assert.equal(row('FMCP713').status, 'skip');
    assert.equal(report.trusted, false);

    fs.writeFileSync(reqs, 'fastmcp>=3,<4\nPyYAML\n');
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: reqUri, type: 2 }] });
    await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === reqUri && p.diagnostics.length === 0);
    const again = await c.request('fastmcp/readiness', { root: dir });
    assert.equal(again.checks.find((x: { code: string }) => x.code === 'FMCP704').status, 'pass');
  } finally {
    await c.shutdown();
  }
});
