/**
 * FMCP5xx cases that must stay silent as a whole file (the fixture harness needs at least one hit
 * per fixture): test files, and HTTP apps made stateless.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES_BY_CODE } from '../../server/src/engine';
import { lintSnippet } from '../helpers';

async function codes(code: string, text: string, path = '/project/server.py') {
  return (await lintSnippet(text, { path, rules: [RULES_BY_CODE.get(code)!] })).filter((d) => d.code === code).map((d) => d.range.start.line + 1);
}

test('FMCP504 skips test files', async () => {
  const text = 'from fastmcp import FastMCP\n\nmcp = FastMCP("demo")\nCLIENT_SECRET = "7c1e9a44f0b2d83e5a6b9c0d1e2f3a4b5c6d7e8f"\n';
  assert.deepEqual(await codes('FMCP504', text, '/project/tests/test_auth.py'), []);
  assert.deepEqual(await codes('FMCP504', text, '/project/server.py'), [4]);
});

test('FMCP502 and FMCP511 skip test files', async () => {
  const text = [
    'from fastmcp.server.auth.providers.github import GitHubProvider',
    'from key_value.aio.stores.memory import MemoryStore',
    'auth = GitHubProvider(client_id="id", client_secret="s", base_url="http://localhost", require_authorization_consent=False, client_storage=MemoryStore())',
    '',
  ].join('\n');
  for (const code of ['FMCP502', 'FMCP511']) {
    assert.deepEqual(await codes(code, text, '/project/tests/conftest.py'), [], code);
    assert.deepEqual(await codes(code, text, '/project/app.py'), [3], code);
  }
});

test('FMCP512 is silent when the app is stateless', async () => {
  const base = (make: string) => `import uvicorn\nfrom fastmcp import FastMCP\n\nmcp = FastMCP("w")\napp = ${make}\nuvicorn.run("server:app", workers=4)\n`;
  assert.deepEqual(await codes('FMCP512', base('mcp.http_app()')), [6]);
  assert.deepEqual(await codes('FMCP512', base('mcp.http_app(stateless_http=True)')), []);
  assert.deepEqual(await codes('FMCP512', base('mcp.http_app()  # stateless later') + 'os.environ["FASTMCP_STATELESS_HTTP"] = "true"\n'), []);
  assert.deepEqual(await codes('FMCP512', base('mcp.http_app(stateless_http=False)')), [6]);
});
