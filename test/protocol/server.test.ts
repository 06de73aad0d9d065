/** Protocol tests: the bundled server spoken to over stdio, as any LSP editor would. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lsp-client';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fastmcp-proto-'));
const file = path.join(dir, 'server.py');
const uri = pathToFileURL(file).toString();
const SOURCE = ['from fastmcp import FastMCP', '', 'mcp = FastMCP("demo")', '', 'if __name__ == "__main__":', '    mcp.run(transport="htp")', ''].join('\n');

let c: LspClient;
before(async () => {
  fs.writeFileSync(path.join(dir, 'requirements.txt'), 'fastmcp>=2.13\n');
  fs.writeFileSync(file, SOURCE);
  c = new LspClient();
  const init = await c.initialize(pathToFileURL(dir).toString());
  assert.equal(init.serverInfo.name, 'fastmcp-language-server');
});
after(async () => {
  await c.shutdown();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('initialize advertises incremental sync, code actions and hover', async () => {
  const other = new LspClient();
  try {
    const init = await other.initialize();
    assert.equal(init.capabilities.textDocumentSync.change, 2);
    assert.ok(init.capabilities.hoverProvider);
    assert.ok(init.capabilities.codeActionProvider.codeActionKinds.includes('source.fixAll.fastmcp'));
  } finally {
    await other.shutdown();
  }
});

test('didOpen publishes diagnostics with code, source, href and data', async () => {
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: SOURCE } });
  const p = await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === uri && x.version === 1);
  const d = p.diagnostics.find((x: any) => x.code === 'FMCP103');
  assert.ok(d, JSON.stringify(p.diagnostics));
  assert.equal(d.source, 'fastmcp');
  assert.match(d.codeDescription.href, /FMCP103\.md$/);
  assert.deepEqual(d.range, { start: { line: 5, character: 22 }, end: { line: 5, character: 27 } });
  assert.equal(d.data.fixable, true);
  assert.equal(d.severity, 1);
});

test('a code action fixes the transport and its edit is right', async () => {
  const actions = await c.request('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 5, character: 23 }, end: { line: 5, character: 23 } },
    context: { diagnostics: [] },
  });
  const fix = actions.find((a: any) => a.title === 'Use "http"');
  assert.ok(fix, JSON.stringify(actions.map((a: any) => a.title)));
  assert.equal(fix.isPreferred, true);
  assert.deepEqual(fix.edit.changes[uri], [{ range: { start: { line: 5, character: 22 }, end: { line: 5, character: 27 } }, newText: '"http"' }]);
  const ignore = actions.find((a: any) => a.title === 'Ignore FMCP103 for this line');
  assert.equal(ignore.edit.changes[uri][0].newText, '  # noqa: FMCP103');
  assert.ok(actions.some((a: any) => a.command?.command === 'fastmcp.showRuleDocumentation'));
});

test('an incremental didChange re-lints: fixing the typo clears the diagnostic', async () => {
  c.notify('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 5, character: 24 }, end: { line: 5, character: 24 } }, text: 't' }],
  });
  const p = await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === uri && x.version === 2);
  assert.equal(p.diagnostics.filter((d: any) => d.code === 'FMCP103').length, 0, JSON.stringify(p.diagnostics));
});

test('rapid changes publish only the final version', async () => {
  // Type `  # noqa: FMCP103` one character at a time at the end of line 3.
  const text = '  # noqa: FMCP103';
  for (let i = 0; i < text.length; i++) {
    c.notify('textDocument/didChange', {
      textDocument: { uri, version: 10 + i },
      contentChanges: [{ range: { start: { line: 2, character: 20 + i }, end: { line: 2, character: 20 + i } }, text: text[i] }],
    });
  }
  const last = 10 + text.length - 1;
  const p = await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === uri && x.version === last);
  const versions = c.log.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version >= 10).map((m) => m.params.version);
  assert.deepEqual(versions, [last]);
  // The noqa names a rule that finds nothing on that line: FMCP000.
  assert.ok(p.diagnostics.some((d: any) => d.code === 'FMCP000'));
});

test('hover on a noqa code shows the rule', async () => {
  const h = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 32 } });
  assert.ok(h, 'no hover');
  assert.match(h.contents.value, /FMCP103/);
  assert.match(h.contents.value, /unknown-transport/);
});

test('source.fixAll.fastmcp applies safe fixes', async () => {
  const other = pathToFileURL(path.join(dir, 'other.py')).toString();
  const text = 'from fastmcp import FastMCP\nmcp = FastMCP("x")\nif __name__ == "__main__":\n    mcp.run(transport="streamable_http")\n';
  c.notify('textDocument/didOpen', { textDocument: { uri: other, languageId: 'python', version: 1, text } });
  await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === other && x.version === 1);
  const actions = await c.request('textDocument/codeAction', { textDocument: { uri: other }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.fastmcp'] } });
  const fixAll = actions.find((a: any) => a.kind === 'source.fixAll.fastmcp');
  assert.ok(fixAll);
  assert.match(fixAll.edit.changes[other][0].newText, /transport="streamable-http"/);
});

test('a non-FastMCP file gets no diagnostics; broken and binary input never kills the server', async () => {
  const plain = pathToFileURL(path.join(dir, 'plain.py')).toString();
  c.notify('textDocument/didOpen', { textDocument: { uri: plain, languageId: 'python', version: 1, text: 'print("hello")\n' } });
  const p = await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === plain);
  assert.deepEqual(p.diagnostics, []);
  const bin = pathToFileURL(path.join(dir, 'bin.py')).toString();
  c.notify('textDocument/didOpen', { textDocument: { uri: bin, languageId: 'python', version: 1, text: 'from fastmcp import FastMCP\n\u0000\u0001\u0002' } });
  const b = await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === bin);
  assert.match(b.diagnostics[0].message, /binary/);
  const broken = pathToFileURL(path.join(dir, 'broken.py')).toString();
  c.notify('textDocument/didOpen', { textDocument: { uri: broken, languageId: 'python', version: 1, text: 'from fastmcp import FastMCP\nmcp = FastMCP(\n@mcp.tool(\ndef f(:\n  "' } });
  await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === broken);
  const h = await c.request('textDocument/hover', { textDocument: { uri: broken }, position: { line: 2, character: 3 } });
  assert.ok(h === null || typeof h === 'object');
});

test('a changed pyproject.toml applies to the next lint and to the keystrokes after it', async () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'fastmcp-proto-config-'));
  const server = path.join(project, 'server.py');
  const serverUri = pathToFileURL(server).toString();
  const pyproject = path.join(project, 'pyproject.toml');
  const pyprojectUri = pathToFileURL(pyproject).toString();
  fs.writeFileSync(pyproject, '[project]\nname = "demo"\n');
  fs.writeFileSync(server, SOURCE);
  const other = new LspClient();
  try {
    await other.initialize(pathToFileURL(project).toString());
    const codes = (p: any) => p.diagnostics.map((d: any) => d.code);
    other.notify('textDocument/didOpen', { textDocument: { uri: serverUri, languageId: 'python', version: 1, text: SOURCE } });
    assert.ok(codes(await other.waitFor('textDocument/publishDiagnostics', (x) => x.uri === serverUri && x.version === 1)).includes('FMCP103'));
    // A keystroke in a comment line at the end, then the configuration changes on disk.
    let version = 1;
    const type = async (text: string) => {
      version++;
      const v = version;
      other.notify('textDocument/didChange', { textDocument: { uri: serverUri, version: v }, contentChanges: [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text }] });
      return codes(await other.waitFor('textDocument/publishDiagnostics', (x) => x.uri === serverUri && x.version === v));
    };
    assert.ok((await type('#')).includes('FMCP103'));
    const changed = async (content: string) => {
      fs.writeFileSync(pyproject, content);
      other.log.length = 0;
      other.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pyprojectUri, type: 2 }] });
      return codes(await other.waitFor('textDocument/publishDiagnostics', (x) => x.uri === serverUri && x.version === version));
    };
    assert.ok(!(await changed('[project]\nname = "demo"\n\n[tool.fastmcp-lint]\nignore = ["FMCP103"]\n')).includes('FMCP103'));
    assert.ok(!(await type(' a')).includes('FMCP103'), 'a keystroke after the change still reads the new configuration');
    assert.ok((await changed('[project]\nname = "demo"\n')).includes('FMCP103'));
    assert.ok((await type(' b')).includes('FMCP103'));
  } finally {
    await other.shutdown();
    fs.rmSync(project, { recursive: true, force: true });
  }
});

test('an edit inside one statement is linted from a parse of that statement alone; hover and quick fixes still answer', async () => {
  const other = new LspClient();
  try {
    await other.initialize(null, { timing: true, settings: { lint: { debounceMs: 0 } } });
    const doc = pathToFileURL(path.join(dir, 'typing.py')).toString();
    const text = ['from fastmcp import FastMCP', '', 'mcp = FastMCP("demo")', '', '', '@mcp.tool', 'def add(a: int, b: int) -> int:', '    return a + b', '', '', 'if __name__ == "__main__":', '    mcp.run(transport="stdio")', ''].join('\n');
    other.notify('textDocument/didOpen', { textDocument: { uri: doc, languageId: 'python', version: 1, text } });
    await other.waitFor('textDocument/publishDiagnostics', (x) => x.uri === doc && x.version === 1);
    const change = async (version: number, line: number, character: number, insert: string, endCharacter = character) => {
      const timing = other.waitFor('fastmcp/timing', (x) => x.uri === doc && x.version === version);
      const published = other.waitFor('textDocument/publishDiagnostics', (x) => x.uri === doc && x.version === version);
      other.notify('textDocument/didChange', { textDocument: { uri: doc, version }, contentChanges: [{ range: { start: { line, character }, end: { line, character: endCharacter } }, text: insert }] });
      return { timing: await timing, diagnostics: (await published).diagnostics };
    };
    // A document only opened keeps no tree: the first edit parses the file.
    const first = await change(2, 11, 27, 'x');
    assert.equal(first.timing.statementOnly, false);
    // A second typo in the run call's transport, inside the guard: only that statement is parsed.
    const typo = await change(3, 11, 28, 'y');
    assert.equal(typo.timing.statementOnly, true);
    assert.ok(typo.diagnostics.some((d: any) => d.code === 'FMCP103'), JSON.stringify(typo.diagnostics));
    // The quick fix and the hover read the document as it is now, although its tree was not reparsed.
    const actions = await other.request('textDocument/codeAction', { textDocument: { uri: doc }, range: { start: { line: 11, character: 24 }, end: { line: 11, character: 24 } }, context: { diagnostics: [] } });
    const fix = actions.find((a: any) => a.title === 'Use "stdio"');
    assert.ok(fix, JSON.stringify(actions.map((a: any) => a.title)));
    assert.deepEqual(fix.edit.changes[doc][0].range, { start: { line: 11, character: 22 }, end: { line: 11, character: 31 } });
    const h = await other.request('textDocument/hover', { textDocument: { uri: doc }, position: { line: 11, character: 10 } });
    assert.ok(h, 'no hover on the run call');
    assert.match(h.contents.value, /transport/);
    assert.deepEqual(h.range.start.line, 11);
    // An open bracket breaks the statement: the file is reparsed, and the fix that would not parse is not offered.
    const broken = await change(4, 7, 16, '(');
    assert.equal(broken.timing.statementOnly, false);
    const closed = await change(5, 7, 16, '', 17);
    assert.equal(closed.timing.statementOnly, false, 'the lint after a syntax error reparses the file');
    const again = await change(6, 11, 27, '', 29);
    assert.equal(again.timing.statementOnly, true);
    assert.equal(again.diagnostics.filter((d: any) => d.code === 'FMCP103').length, 0, JSON.stringify(again.diagnostics));
  } finally {
    await other.shutdown();
  }
});
