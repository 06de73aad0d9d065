/**
 * Whole-file near misses of the FMCP1xx rules. The annotated fixtures need at least one hit per
 * file, but FMCP101/102/107 decide per file, so their silent cases live here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FMCP1XX } from '../../server/src/engine/rules/fmcp1xx';
import { lintSnippet, type LintSnippetOptions } from '../helpers';

async function codes(text: string, o: LintSnippetOptions = {}): Promise<string[]> {
  const diags = await lintSnippet(text, { rules: FMCP1XX, ...o });
  return diags.map((d) => `${d.range.start.line + 1}:${d.code}`);
}
const entry = { isEntrypoint: true, object: null };

test('FMCP101 stays silent when importing the file binds a server', async () => {
  const body = 'def create_server():\n    srv = FastMCP("x")\n    return srv\n\n';
  const cases: Array<[string, LintSnippetOptions?]> = [
    // A library module: nothing runs it.
    ['from fastmcp import FastMCP\n\n' + body],
    ['from fastmcp import FastMCP\n\n' + body + 'mcp = create_server()\n', { entrypoint: entry }],
    ['from fastmcp import FastMCP\n\n' + body + 'weather = create_server()\n', { entrypoint: entry }],
    ['from fastmcp import FastMCP\nfrom .app import mcp\n\n' + body, { entrypoint: entry }],
    ['from fastmcp import FastMCP\nfrom .factory import *\n\n' + body, { entrypoint: entry }],
    ['from fastmcp import FastMCP\n\n' + body, { entrypoint: { isEntrypoint: true, object: 'create_server' } }],
    ['from fastmcp import FastMCP\n\nmcp = None\n\ndef init():\n    global mcp\n    mcp = FastMCP("x")\n\ninit()\n', { entrypoint: entry }],
    ['from fastmcp import FastMCP\n\nmain_server = FastMCP("m")\n\n' + body, { entrypoint: entry }],
  ];
  for (const [text, o] of cases) assert.deepEqual((await codes(text, o)).filter((c) => c.endsWith('FMCP101')), [], text);
});

test('FMCP101 fires when the module-level name is only a placeholder', async () => {
  const text = 'from fastmcp import FastMCP\n\nmcp = None\n\ndef main():\n    global mcp\n    mcp = FastMCP("x")\n    mcp.run()\n\nif __name__ == "__main__":\n    main()\n';
  assert.deepEqual((await codes(text)).filter((c) => c.endsWith('FMCP101')), ['7:FMCP101']);
});

test('FMCP102 stays silent when a discoverable name may hold the server', async () => {
  const cases: Array<[string, LintSnippetOptions?]> = [
    ['from fastmcp import FastMCP\n\nweather = FastMCP("w")\nmcp = weather\n', { entrypoint: entry }],
    ['from fastmcp import FastMCP\nfrom .x import build\n\nweather = FastMCP("w")\nserver = build(weather)\n', { entrypoint: entry }],
    ['from fastmcp import FastMCP\n\nweather = FastMCP("w")\n'],
    ['from fastmcp import FastMCP\n\nweather = FastMCP("w")\n', { entrypoint: { isEntrypoint: true, object: 'weather' } }],
    ['from fastmcp import FastMCP\n\nmcp = FastMCP("a")\nweather = FastMCP("w")\n', { entrypoint: entry }],
  ];
  for (const [text, o] of cases) assert.deepEqual((await codes(text, o)).filter((c) => c.endsWith('FMCP102')), [], text);
});

test('version and flavor boundaries', async () => {
  const sdk = 'from mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP("x")\n\nif __name__ == "__main__":\n    mcp.run(port=8000)\n';
  assert.deepEqual(await codes(sdk), [], 'FMCP104 is fastmcp-only');
  const sse = 'from fastmcp import FastMCP\n\nmcp = FastMCP("x")\n\nif __name__ == "__main__":\n    mcp.run(transport="sse", stateless_http=True)\n';
  assert.deepEqual(await codes(sse, { targetVersion: '2.2' }), [], 'no Streamable HTTP before 2.3; FMCP110 only from 3.0');
  assert.deepEqual(await codes(sse, { targetVersion: '2.14' }), ['6:FMCP105']);
  assert.deepEqual(await codes(sse), ['6:FMCP105'], 'FMCP110 is silent when the version is unknown');
  assert.deepEqual(await codes(sse, { targetVersion: '3.0' }), ['6:FMCP105', '6:FMCP110']);
});

test('FMCP106 is silent in __main__.py', async () => {
  const text = 'from fastmcp import FastMCP\n\nmcp = FastMCP("x")\nmcp.run()\n';
  assert.deepEqual(await codes(text, { path: '/project/pkg/__main__.py' }), []);
  assert.deepEqual(await codes(text, { path: '/project/pkg/server.py' }), ['4:FMCP106']);
});

test('FMCP107 only where stdout is the protocol channel', async () => {
  const head = 'import sys\nfrom fastmcp import FastMCP\n\nmcp = FastMCP("x")\n\n@mcp.tool\ndef t() -> str:\n    print("hi")\n    return "x"\n\n';
  const silent: Array<[string, LintSnippetOptions?]> = [
    [head + 'if __name__ == "__main__":\n    mcp.run(transport="http")\n'],
    [head + 'app = mcp.http_app()\n'],
    [head + 'import uvicorn\n'],
    [head + 'if __name__ == "__main__":\n    mcp.run()\n', { path: '/project/tests/test_server.py' }],
    [head + 'print = lambda *a, **k: None\nif __name__ == "__main__":\n    mcp.run()\n'],
    [head + 'sys.stdout = sys.stderr\nif __name__ == "__main__":\n    mcp.run()\n'],
    [head + 'def go(mode):\n    mcp.run(transport=mode)\n'],
    ['from fastmcp import Client\n\nprint("client only")\n'],
    ['import asyncio\nfrom fastmcp import Client, FastMCP\n\nmcp = FastMCP("x")\n\nasync def demo():\n    async with Client(mcp) as c:\n        print(await c.list_tools())\n\nif __name__ == "__main__":\n    asyncio.run(demo())\n'],
    ['from contextlib import redirect_stdout\nimport sys\nfrom fastmcp import FastMCP\n\nmcp = FastMCP("x")\n\n@mcp.tool\ndef t() -> str:\n    with redirect_stdout(sys.stderr):\n        print("hi")\n    return "x"\n'],
  ];
  for (const [text, o] of silent) assert.deepEqual((await codes(text, o)).filter((c) => c.endsWith('FMCP107')), [], text);
  // No run call: served by `fastmcp run` over stdio; the tool's print corrupts the stream.
  assert.deepEqual((await codes(head)).filter((c) => c.endsWith('FMCP107')), ['8:FMCP107']);
});

test('half-typed code never throws', async () => {
  const prev = process.env.FASTMCP_LINT_DEBUG;
  process.env.FASTMCP_LINT_DEBUG = '1';
  try {
    const full =
      'import asyncio\nfrom fastmcp import FastMCP\n\ndef build():\n    srv = FastMCP("x")\n    return srv\n\nweather = FastMCP("w")\n\nasync def main():\n    weather.run(transport="sse", stateless=True, port=1)\n    await weather.http_app()\n    print("x")\n\nweather.run(host="h")\nasyncio.run(weather.run_async())\n\nif __name__ == "__main__":\n    weather.run()\n';
    for (let i = 0; i < full.length; i += 7) {
      await lintSnippet(full.slice(0, i), { rules: FMCP1XX, entrypoint: entry, targetVersion: '3.0' });
      await lintSnippet(full.slice(0, i) + ')(:\n' + full.slice(i), { rules: FMCP1XX, targetVersion: '3.0' });
    }
  } finally {
    if (prev === undefined) delete process.env.FASTMCP_LINT_DEBUG;
    else process.env.FASTMCP_LINT_DEBUG = prev;
  }
});
