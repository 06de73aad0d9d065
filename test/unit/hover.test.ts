/**
 * Hover over FastMCP code: real positions in the fixtures under test/fixtures/hover, both flavors,
 * both major versions, aliases and servers passed as parameters, rule codes in suppression
 * comments, and no exception on broken code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { initParser, parsePython, buildModel, TargetVersion } from '../../server/src/engine';
import { hoverAt, loadReferences, ReferenceIndex, versionLine, SYMBOLS, type HoverResult } from '../../server/src/engine/hover';
import { ROOT } from '../helpers';

const REFS = loadReferences(path.join(ROOT, 'docs/references'));
const FIX = path.join(ROOT, 'test/fixtures/hover');
const FASTMCP = fs.readFileSync(path.join(FIX, 'server_fastmcp.py'), 'utf8');
const SDK = fs.readFileSync(path.join(FIX, 'server_sdk.py'), 'utf8');

async function hover(text: string, needle: string, delta: number, version: string | null, refs: ReferenceIndex = REFS): Promise<HoverResult | null> {
  await initParser();
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `needle not found: ${needle}`);
  const tree = parsePython(text);
  try {
    const model = buildModel(tree, text);
    const target = version ? new TargetVersion(version, 'test') : TargetVersion.unknown();
    return hoverAt(model, at + delta, { target, references: refs });
  } finally {
    tree.delete();
  }
}

/** Hover at the first occurrence of `needle`, `delta` characters in; asserts a hover exists. */
async function md(text: string, needle: string, delta: number, version: string | null): Promise<{ markdown: string; span: string }> {
  const h = await hover(text, needle, delta, version);
  assert.ok(h, `no hover at ${needle}+${delta}`);
  return { markdown: h.markdown, span: text.slice(h.start, h.end) };
}

function section(markdown: string, file: string, heading: string) {
  assert.ok(markdown.includes(`docs/references/${file} — ${heading}`), `expected section ${file} — ${heading} in:\n${markdown}`);
}

// ---------------------------------------------------------------- server, aliases, parameters

test('FastMCP through an alias: class hover with the server section', async () => {
  const { markdown, span } = await md(FASTMCP, 'F("demo"', 0, '3.0.0');
  assert.equal(span, 'F');
  assert.match(markdown, /^```python\nclass FastMCP\(/);
  section(markdown, 'production-patterns.md', 'The server object');
  const imported = await md(FASTMCP, 'FastMCP as F', 11, '3.0.0');
  assert.equal(imported.span, 'F');
  assert.match(imported.markdown, /class FastMCP/);
});

test('constructor keyword wording follows the target version', async () => {
  const v2 = await md(FASTMCP, 'port=8000, icons', 0, '2.13.0');
  const v3 = await md(FASTMCP, 'port=8000, icons', 0, '3.0.0');
  assert.equal(v2.span, 'port');
  assert.match(v2.markdown, /Deprecated in 2\.8\*\*, removed in 3\.0\.0rc1 — use `run\(port=\.\.\.\)`/);
  assert.match(v3.markdown, /Removed in 3\.0\.0rc1\*\* \(deprecated since 2\.8\)/);
  const lifespanKw = await md(FASTMCP, 'lifespan=app_lifespan', 0, '3.0.0');
  section(lifespanKw.markdown, 'server-lifespans.md', 'Defining a lifespan');
});

test('a server passed as a parameter resolves: register(server: F) with @server.tool', async () => {
  const deco = await md(FASTMCP, 'server.tool', 7, '3.0.0');
  assert.equal(deco.span, 'tool');
  assert.match(deco.markdown, /\*\*FastMCP\.tool\*\*/);
  assert.match(deco.markdown, /Returns your function unchanged/);
  section(deco.markdown, 'production-patterns.md', 'Tools');
  const v2 = await md(FASTMCP, 'server.tool', 7, '2.13.0');
  assert.match(v2.markdown, /Returns a `FunctionTool` object/);
  const name = await md(FASTMCP, 'server.tool', 0, '3.0.0');
  assert.match(name.markdown, /\*\*server: FastMCP\*\*/);
});

test('decorator keywords: tool timeout since 3.0', async () => {
  const v3 = await md(FASTMCP, 'timeout=30', 0, '3.0.0');
  assert.match(v3.markdown, /\*\*timeout\*\* — parameter of `FastMCP\.tool`/);
  assert.match(v3.markdown, /Since 3\.0\.0b1/);
  const v2 = await md(FASTMCP, 'timeout=30', 0, '2.14.5');
  assert.match(v2.markdown, /Not available before 3\.0\.0b1/);
});

// ---------------------------------------------------------------- URI templates

test('URI template parameters: path, wildcard and query, with the bound argument', async () => {
  const p = await md(FASTMCP, '{user_id}', 3, '3.0.0');
  assert.equal(p.span, '{user_id}');
  assert.match(p.markdown, /\{user_id\}  →  user_id: int/);
  assert.match(p.markdown, /path parameter \(one segment\) of `user_posts`/);
  assert.match(p.markdown, /Bound to parameter `user_id`: `int`; required/);
  section(p.markdown, 'production-patterns.md', 'Resources and templates');

  const w = await md(FASTMCP, '{path*}', 1, '3.0.0');
  assert.equal(w.span, '{path*}');
  assert.match(w.markdown, /wildcard path parameter/);

  const q = await md(FASTMCP, 'order}', 1, '3.0.0');
  assert.equal(q.span, 'order');
  assert.match(q.markdown, /query parameter/);
  assert.match(q.markdown, /optional, default `"asc"`/);

  const old = await md(FASTMCP, '{?limit', 3, '2.12.5');
  assert.match(old.markdown, /Query parameters need FastMCP 2\.13\.0/);
});

test('URI template parameter with no matching argument is called out', async () => {
  const text = 'from fastmcp import FastMCP\nmcp = FastMCP("x")\n\n@mcp.resource("data://{item}/{missing}")\ndef get(item: str) -> str:\n    """Doc."""\n    return item\n';
  const h = await md(text, '{missing}', 2, '3.0.0');
  assert.match(h.markdown, /has no parameter `missing`.*FMCP202/s);
  const overview = await md(text, 'data://', 2, '3.0.0');
  assert.match(overview.markdown, /Resource template of `get`/);
});

// ---------------------------------------------------------------- Context

test('Context methods: async, since, and the 2.x/3.x state difference', async () => {
  const info = await md(FASTMCP, 'ctx.info', 4, '3.0.0');
  assert.equal(info.span, 'info');
  assert.match(info.markdown, /async — must be awaited/);
  section(info.markdown, 'context-features.md', 'Logging');

  const v3 = await md(FASTMCP, 'set_state', 0, '3.0.0');
  assert.match(v3.markdown, /async def set_state/);
  assert.match(v3.markdown, /async — must be awaited/);
  const v2 = await md(FASTMCP, 'set_state', 0, '2.13.0');
  assert.match(v2.markdown, /^```python\ndef set_state\(key: str, value\)/);
  assert.match(v2.markdown, /sync — do not await/);
  section(v2.markdown, 'context-features.md', 'Session state');

  const unknown = await md(FASTMCP, 'set_state', 0, null);
  assert.match(unknown.markdown, /\*before 3\.0\.0b1:\* \*\*Sync\*\*/);

  const lc2 = await md(FASTMCP, 'lifespan_context', 0, '2.13.0');
  assert.match(lc2.markdown, /Not available before 3\.0\.0b1.*ctx\.request_context\.lifespan_context/);
  const lc3 = await md(FASTMCP, 'lifespan_context', 0, '3.0.0');
  assert.doesNotMatch(lc3.markdown, /Not available/);

  const param = await md(FASTMCP, 'ctx.info', 0, '3.0.0');
  assert.match(param.markdown, /\*\*ctx: Context\*\*/);
});

// ---------------------------------------------------------------- middleware, auth, storage, icons, lifespans

test('middleware hook and class', async () => {
  const h = await md(FASTMCP, 'on_call_tool', 0, '3.0.0');
  assert.match(h.markdown, /async def on_call_tool\(self, context: MiddlewareContext, call_next\)/);
  section(h.markdown, 'middleware-guide.md', 'Hooks');
  const base = await md(FASTMCP, 'Audit(Middleware)', 6, '3.0.0');
  assert.match(base.markdown, /Base class for MCP middleware/);
  section(base.markdown, 'middleware-guide.md', 'Writing middleware');
});

test('OAuthProxy keywords: real and invented', async () => {
  const real = await md(FASTMCP, 'require_authorization_consent=True', 0, '2.12.5');
  assert.match(real.markdown, /Not available before 2\.13/);
  section(real.markdown, 'oauth-security.md', 'Consent screen');
  const fake = await md(FASTMCP, 'enable_consent_screen', 0, '3.0.0');
  assert.match(fake.markdown, /is not a parameter of `OAuthProxy`/);
  const cls = await md(FASTMCP, 'OAuthProxy(require', 0, '3.0.0');
  section(cls.markdown, 'oauth-security.md', 'OAuthProxy');
});

test('storage store and its keyword', async () => {
  const d = await md(FASTMCP, 'directory=', 0, '3.0.0');
  assert.match(d.markdown, /parameter of `DiskStore`/);
  section(d.markdown, 'storage-backends.md', 'Disk store');
});

test('Icon, mount and transports', async () => {
  const icon = await md(FASTMCP, 'Icon(src', 0, '3.0.0');
  assert.match(icon.markdown, /class Icon\(src: str/);
  section(icon.markdown, 'integration-patterns.md', 'Icons');

  const prefix3 = await md(FASTMCP, 'prefix="sub"', 0, '3.0.0');
  assert.match(prefix3.markdown, /Deprecated in 3\.0\.0b1\*\* — use `namespace=`/);
  const mount2 = await md(FASTMCP, 'mount(sub', 0, '2.13.0');
  assert.match(mount2.markdown, /def mount\(server, prefix=None/);
  section(mount2.markdown, 'integration-patterns.md', 'Composing servers');

  const http = await md(FASTMCP, '"http", port', 1, '3.0.0');
  assert.equal(http.span, '"http"');
  assert.match(http.markdown, /Streamable HTTP/);
  section(http.markdown, 'production-patterns.md', 'Transports');
  const http28 = await md(FASTMCP, '"http", port', 1, '2.8.1');
  assert.match(http28.markdown, /Not available before 2\.9/);
});

test('a lifespan function: once per server since 2.13', async () => {
  const v3 = await md(FASTMCP, 'app_lifespan(server', 0, '3.0.0');
  assert.match(v3.markdown, /once per server/);
  section(v3.markdown, 'server-lifespans.md', 'When it runs');
  const v2 = await md(FASTMCP, 'app_lifespan(server', 0, '2.12.5');
  assert.match(v2.markdown, /once \*\*per client session\*\*/);
});

// ---------------------------------------------------------------- the SDK flavor

test('SDK flavor: FastMCP, Context, URI templates and transports', async () => {
  const cls = await md(SDK, 'FastMCP("sdk', 0, '3.0.0');
  assert.match(cls.markdown, /MCP SDK's bundled FastMCP/);
  section(cls.markdown, 'production-patterns.md', 'The server object');
  const imp = await md(SDK, 'import Context', 7, null);
  assert.match(imp.markdown, /does not inject it/);

  const info = await md(SDK, 'ctx.info', 4, '3.0.0');
  section(info.markdown, 'context-features.md', 'Logging');
  assert.doesNotMatch(info.markdown, /target: FastMCP/);

  const uri = await md(SDK, '{note_id}', 1, null);
  assert.match(uri.markdown, /Bound to parameter `note_id`: `str`; required/);

  const tool = await md(SDK, 'mcp.tool', 4, '3.0.0');
  assert.match(tool.markdown, /must be called: `@mcp\.tool\(\)`/);

  const sdkHttp = 'from mcp.server.fastmcp import FastMCP\nmcp = FastMCP("x")\nif __name__ == "__main__":\n    mcp.run(transport="http")\n';
  const bad = await md(sdkHttp, '"http"', 1, null);
  assert.match(bad.markdown, /Unknown transport/);
  assert.match(bad.markdown, /no `"http"` alias/);
});

// ---------------------------------------------------------------- rule codes in comments

test('rule codes in # noqa: and # fastmcp: ignore[...] comments', async () => {
  const known = await md(FASTMCP, 'FMCP201', 2, '3.0.0');
  assert.equal(known.span, 'FMCP201');
  assert.match(known.markdown, /^\*\*FMCP201\*\* `resource-uri-missing-scheme`/);
  assert.match(known.markdown, /docs\/rules\/FMCP201\.md/);
  const unknown = await md(FASTMCP, 'FMCP999', 0, '3.0.0');
  assert.match(unknown.markdown, /no such FastMCP rule code/);
  const ignore = 'x = 1  # fastmcp: ignore[FMCP103]\n';
  const h = await md(ignore, 'FMCP103', 1, null);
  assert.match(h.markdown, /\*\*FMCP103\*\* `unknown-transport`/);
  assert.equal(await hover('x = 1  # noqa: E501\n', 'E501', 1, null), null);
});

// ---------------------------------------------------------------- links and safety

test('links are plain: file URIs of existing reference files, no command links', async () => {
  const { markdown } = await md(FASTMCP, 'set_state', 0, '3.0.0');
  assert.doesNotMatch(markdown, /command:/);
  const links = [...markdown.matchAll(/\]\((file:[^)#]+)(#L\d+)?\)/g)];
  assert.ok(links.length > 0);
  for (const l of links) assert.ok(fs.existsSync(fileURLToPath(l[1])), l[1]);
  const mem = ReferenceIndex.fromTexts({ 'context-features.md': fs.readFileSync(path.join(ROOT, 'docs/references/context-features.md'), 'utf8') });
  const h = await hover(FASTMCP, 'set_state', 0, '3.0.0', mem);
  assert.match(h!.markdown, /\]\(docs\/references\/context-features\.md#session-state\)/);
});

test('every symbol points at a section that exists', () => {
  for (const [key, doc] of Object.entries(SYMBOLS)) {
    const refs = [doc.ref, ...Object.values(doc.keywords ?? {}).map((k) => k.ref)].filter(Boolean);
    for (const r of refs) assert.ok(REFS.section(r!.file, r!.section), `${key} → ${r!.file}#${r!.section}`);
  }
});

test('version wording', () => {
  const v = { deprecated: '2.8.0', removed: '3.0.0rc1', use: '`x`' };
  assert.match(versionLine(v, new TargetVersion('2.5.0', 't')), /^Deprecated from 2\.8, removed in 3\.0\.0rc1 — use `x`\./);
  assert.match(versionLine(v, new TargetVersion('2.13.0', 't')), /Deprecated in 2\.8/);
  assert.match(versionLine(v, new TargetVersion('3.4.5', 't')), /Removed in 3\.0\.0rc1/);
  assert.match(versionLine(v, TargetVersion.unknown()), /Deprecated in 2\.8\*\*, removed in 3\.0\.0rc1/);
  assert.equal(versionLine({ since: '2.13.0' }, new TargetVersion('3.0.0', 't')), 'Since 2.13. (target: FastMCP 3.0.0)');
});

test('no hover outside FastMCP files, none out of range', async () => {
  assert.equal(await hover('import os\nx = os.getcwd()\n', 'getcwd', 1, '3.0.0'), null);
  await initParser();
  const tree = parsePython(FASTMCP);
  try {
    const model = buildModel(tree, FASTMCP);
    const opts = { target: new TargetVersion('3.0.0', 't'), references: REFS };
    assert.equal(hoverAt(model, -1, opts), null);
    assert.equal(hoverAt(model, FASTMCP.length + 10, opts), null);
    assert.equal(hoverAt(model, Number.NaN, opts), null);
  } finally {
    tree.delete();
  }
});

test('hover never throws on broken or truncated code', async () => {
  await initParser();
  const sources = [FASTMCP, SDK];
  const variants: string[] = [];
  for (const src of sources) {
    for (let cut = 0; cut < src.length; cut += 97) variants.push(src.slice(0, cut));
    variants.push(src.replace(/\)/g, ''), src.replace(/:/g, ''), src.replace(/"/g, ''), src.replace(/\n/g, ' '));
  }
  variants.push('@mcp.resource("a://{', 'from fastmcp import FastMCP\nmcp = FastMCP(\n@mcp.tool(name=\n', '\u0000\u00ff\ufffd binary', 'x = 1  # noqa: FMCP');
  const opts = { target: new TargetVersion('3.0.0', 't'), references: REFS };
  for (const text of variants) {
    const tree = parsePython(text);
    try {
      const model = buildModel(tree, text);
      for (let off = 0; off <= text.length; off += 3) {
        const h = hoverAt(model, off, opts);
        if (h) {
          assert.equal(typeof h.markdown, 'string');
          assert.ok(h.start <= h.end);
        }
      }
    } finally {
      tree.delete();
    }
  }
});
