/** One construct, one diagnostic: where RULES.md lists a construct under two codes, the specific rule reports it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintSnippet } from '../helpers';

const SRC = [
  'from fastmcp import FastMCP, Icon',
  'from fastmcp.middleware import Middleware',
  'from fastmcp.server.middleware import BaseMiddleware',
  'mcp = FastMCP("x")',
  '',
].join('\n');

test('never-existing middleware and Icon imports are reported once, by FMCP406/FMCP218', async () => {
  const diags = await lintSnippet(SRC, { targetVersion: '3.0' });
  for (const line of [0, 1, 2]) {
    const codes = diags.filter((d) => d.range.start.line === line && d.severity === 'error').map((d) => d.code);
    assert.equal(codes.length, 1, `line ${line + 1}: ${codes.join(', ')}`);
  }
  assert.ok(diags.some((d) => d.code === 'FMCP218' && d.range.start.line === 0));
  assert.ok(diags.some((d) => d.code === 'FMCP406' && d.range.start.line === 1));
});

test('with the specific rule turned off, FMCP603 still reports the import', async () => {
  const diags = await lintSnippet(SRC, { targetVersion: '3.0', settings: { ignore: ['FMCP406', 'FMCP218'] } });
  assert.deepEqual(diags.filter((d) => d.code === 'FMCP603').map((d) => d.range.start.line).sort(), [0, 1, 2]);
});
