/**
 * Memory behaviour of the language server that changes what it does: only a bounded number of documents
 * keep a syntax tree (the others are parsed again on demand, with the same results), and after a burst of
 * closes the server runs one memory-reducing collection and keeps working.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, SERVER } from './lsp-client';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fastmcp-memory-'));

const TOOL = (i: number) => `@mcp.tool\ndef tool_${i}(x: int) -> str:\n    """Tool ${i}."""\n    return str(x + ${i})\n\n`;
const SOURCE = (n: number) =>
  `from fastmcp import FastMCP\n\nmcp = FastMCP("m${n}")\n\n` + Array.from({ length: 5 }, (_, k) => TOOL(n * 10 + k)).join('') + `if __name__ == "__main__":\n    mcp.run(transport="htp")  # noqa: FMCP999\n`;

let c: LspClient;
before(async () => {
  fs.writeFileSync(path.join(dir, 'requirements.txt'), 'fastmcp>=2.13\n');
  // No pull configuration, so that `debounceMs: 0` from initializationOptions applies.
  c = new LspClient(['--stdio'], [process.execPath, SERVER]);
  await c.request('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).toString(), capabilities: {}, initializationOptions: { settings: { lint: { debounceMs: 0 } } } });
  c.notify('initialized', {});
});
after(async () => {
  await c.shutdown();
  fs.rmSync(dir, { recursive: true, force: true });
});

const key = (ds: any[]) => ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).sort();
const info = (uri?: string) => c.request('fastmcp/debugInfo', uri ? { uri } : {});

async function open(uri: string, text: string) {
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
  return c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1, 20_000);
}

test('only the most recently used documents keep a tree; one whose tree was dropped lints and hovers as a fresh open', async () => {
  const max: number = (await info()).trees.max;
  assert.ok(max >= 1);
  const n = max + 3;
  const uris = Array.from({ length: n }, (_, i) => pathToFileURL(path.join(dir, `doc_${i}.py`)).toString());
  const texts = uris.map((_, i) => SOURCE(i));
  for (let i = 0; i < n; i++) {
    await open(uris[i], texts[i]);
    // An edited document keeps its tree for incremental reparsing, within the bound.
    c.notify('textDocument/didChange', { textDocument: { uri: uris[i], version: 2 }, contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '# edited\n' }] });
    texts[i] = texts[i].replace('\n\n', '\n# edited\n\n');
    await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uris[i] && p.version === 2, 20_000);
  }
  const all = await info();
  assert.ok(all.trees.held <= max, `trees held: ${all.trees.held}, bound ${max}`);
  assert.equal((await info(uris[0])).document.hasTree, false, 'the least recently used document gave its tree back');
  assert.equal((await info(uris[n - 1])).document.hasTree, true, 'the last edited document keeps its tree');

  // Edit the document whose tree was dropped: a change inside a function body, then one that breaks a call.
  c.notify('textDocument/didChange', {
    textDocument: { uri: uris[0], version: 3 },
    contentChanges: [
      { range: { start: { line: 8, character: 4 }, end: { line: 8, character: 4 } }, text: 'y = 1\n    ' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'import os\n' },
    ],
  });
  texts[0] = 'import os\n' + texts[0].split('\n').map((l, i) => (i === 8 ? l.slice(0, 4) + 'y = 1\n    ' + l.slice(4) : l)).join('\n');
  const edited = await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uris[0] && p.version === 3, 20_000);
  assert.equal((await info(uris[0])).document.hasTree, true, 'parsed again on demand');
  const fresh = pathToFileURL(path.join(dir, 'fresh.py')).toString();
  const expect = await open(fresh, texts[0]);
  assert.ok(expect.diagnostics.some((d: any) => d.code === 'FMCP103'), JSON.stringify(expect.diagnostics));
  assert.deepEqual(key(edited.diagnostics), key(expect.diagnostics));

  // Hover reparses a document without a tree too, with the same answer as a fresh open of its text.
  assert.equal((await info(uris[1])).document.hasTree, false);
  const noqaLine = texts[1].split('\n').findIndex((l) => l.includes('# noqa'));
  const at = { line: noqaLine, character: texts[1].split('\n')[noqaLine].indexOf('FMCP999') + 2 };
  const hover = await c.request('textDocument/hover', { textDocument: { uri: uris[1] }, position: at });
  const fresh1 = pathToFileURL(path.join(dir, 'fresh1.py')).toString();
  await open(fresh1, texts[1]);
  const hoverFresh = await c.request('textDocument/hover', { textDocument: { uri: fresh1 }, position: at });
  assert.ok(hover?.contents?.value, 'hover answers on the document without a tree');
  assert.deepEqual(hover, hoverFresh);
  assert.ok((await info()).trees.held <= max);

  for (const u of [...uris, fresh, fresh1]) c.notify('textDocument/didClose', { textDocument: { uri: u } });
  const closed = await info();
  assert.equal(closed.openDocuments, 0);
  assert.equal(closed.trees.held, 0, 'closing frees every tree');
});

test('after a burst of closes the server compacts its heap once and keeps working', async () => {
  const before = (await info()).heapCompactions.count;
  const uris = Array.from({ length: 30 }, (_, i) => pathToFileURL(path.join(dir, `burst_${i}.py`)).toString());
  await Promise.all(uris.map((u, i) => open(u, SOURCE(100 + i))));
  for (const u of uris) c.notify('textDocument/didClose', { textDocument: { uri: u } });
  // The collection runs once closes have paused; wait for it (no bound on how long it takes).
  let after = await info();
  for (let i = 0; i < 200 && after.heapCompactions.count === before; i++) {
    await new Promise((r) => setTimeout(r, 50));
    after = await info();
  }
  assert.equal(after.heapCompactions.count, before + 1, JSON.stringify(after.heapCompactions));
  assert.notEqual(after.heapCompactions.by, null, 'this Node offers a way to compact');
  console.log(`# heap compacted by ${after.heapCompactions.by}: JS heap ${(after.memory.heapTotal / 1048576).toFixed(1)} MB total, ${(after.memory.heapUsed / 1048576).toFixed(1)} MB used`);
  // The server still lints, and a few closes later do not compact again.
  const again = pathToFileURL(path.join(dir, 'again.py')).toString();
  const p = await open(again, SOURCE(1));
  assert.ok(p.diagnostics.some((d: any) => d.code === 'FMCP103'), JSON.stringify(p.diagnostics));
  c.notify('textDocument/didClose', { textDocument: { uri: again } });
  await new Promise((r) => setTimeout(r, 500));
  assert.equal((await info()).heapCompactions.count, before + 1);
});
