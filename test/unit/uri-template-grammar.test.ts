/**
 * The TextMate injection grammar syntaxes/fastmcp-uri-template.injection.json, run with
 * vscode-textmate + vscode-oniguruma (the engine VS Code uses) over a Python base grammar:
 * a stub in test/fixtures/grammars with the scope names of VS Code's Python grammar, and also
 * the real MagicPython-derived grammar when one is available (FASTMCP_PYTHON_GRAMMAR=path, or
 * the `tm-grammars` package).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';
import * as onig from 'vscode-oniguruma';
import { ROOT } from '../helpers';

const INJECTION = path.join(ROOT, 'syntaxes/fastmcp-uri-template.injection.json');
const STUB = path.join(ROOT, 'test/fixtures/grammars/python.stub.tmLanguage.json');
const S = 'uri-template.fastmcp';

function realPythonGrammar(): string | null {
  if (process.env.FASTMCP_PYTHON_GRAMMAR) return process.env.FASTMCP_PYTHON_GRAMMAR;
  try {
    return require.resolve('tm-grammars/grammars/python.json');
  } catch {
    return null;
  }
}

let onigReady: Promise<void> | undefined;
function loadOnig() {
  onigReady ??= (async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  })();
  return onigReady;
}

async function grammarWith(pythonGrammar: string): Promise<IGrammar> {
  await loadOnig();
  const injection = JSON.parse(fs.readFileSync(INJECTION, 'utf8'));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new onig.OnigScanner(p), createOnigString: (s: string) => new onig.OnigString(s) }),
    loadGrammar: async (scope) => {
      if (scope === 'source.python') return parseRawGrammar(fs.readFileSync(pythonGrammar, 'utf8'), pythonGrammar);
      if (scope === injection.scopeName) return parseRawGrammar(fs.readFileSync(INJECTION, 'utf8'), INJECTION);
      return null;
    },
    getInjections: (scope) => (scope === 'source.python' ? [injection.scopeName] : undefined),
  });
  const g = await registry.loadGrammar('source.python');
  assert.ok(g);
  return g;
}

/** Tokenizes `text`; returns for each token its text and scopes. */
function tokens(g: IGrammar, text: string) {
  let state = INITIAL;
  const out: { line: number; text: string; start: number; scopes: string[] }[] = [];
  text.split('\n').forEach((line, i) => {
    const r = g.tokenizeLine(line, state);
    state = r.ruleStack;
    for (const t of r.tokens) out.push({ line: i, text: line.slice(t.startIndex, t.endIndex), start: t.startIndex, scopes: t.scopes });
  });
  return out;
}

/** The scopes of the token holding the `nth` occurrence of `needle` in `text`. */
function scopesAt(g: IGrammar, text: string, needle: string, nth = 0): string[] {
  let idx = -1;
  for (let k = 0; k <= nth; k++) idx = text.indexOf(needle, idx + 1);
  assert.ok(idx >= 0, `${needle} not in ${text}`);
  const before = text.slice(0, idx).split('\n');
  const line = before.length - 1;
  const col = before[before.length - 1].length;
  const t = tokens(g, text).find((t) => t.line === line && t.start <= col && col < t.start + t.text.length);
  assert.ok(t);
  return t.scopes;
}

const has = (scopes: string[], prefix: string) => scopes.some((s) => s.startsWith(prefix));

function suite(label: string, grammarPath: () => string | null) {
  test(`${label}: scheme, {param}, {param*} and {?query,...} in @….resource("…")`, async (t) => {
    const p = grammarPath();
    if (!p) return t.skip('no Python TextMate grammar available (set FASTMCP_PYTHON_GRAMMAR or install tm-grammars)');
    const g = await grammarWith(p);
    const src = '@mcp.resource("data://items/{category}{?limit,order}")';
    assert.ok(has(scopesAt(g, src, 'data'), `entity.name.scheme.${S}`));
    assert.ok(has(scopesAt(g, src, '://'), `punctuation.separator.scheme.${S}`));
    assert.ok(has(scopesAt(g, src, 'category'), `variable.parameter.path.${S}`));
    assert.ok(has(scopesAt(g, src, '{'), `punctuation.definition.template-expression.begin.${S}`));
    assert.ok(has(scopesAt(g, src, '?'), `keyword.operator.query.${S}`));
    assert.ok(has(scopesAt(g, src, 'limit'), `variable.parameter.query.${S}`));
    assert.ok(has(scopesAt(g, src, ','), `punctuation.separator.parameter.${S}`));
    assert.ok(has(scopesAt(g, src, 'order'), `variable.parameter.query.${S}`));
    // Still a string, so themes keep the string colour for the rest.
    assert.ok(has(scopesAt(g, src, 'items'), 'string.quoted'));
    assert.ok(has(scopesAt(g, src, 'items'), `meta.uri-template.fastmcp`));

    const wild = "@server.resource('docs://files/{path*}')";
    assert.ok(has(scopesAt(g, wild, 'path'), `variable.parameter.path.${S}`));
    assert.ok(has(scopesAt(g, wild, '*'), `keyword.operator.wildcard.${S}`));
  });

  test(`${label}: uri= keyword, other arguments, multi-line decorators`, async (t) => {
    const p = grammarPath();
    if (!p) return t.skip('no Python TextMate grammar available');
    const g = await grammarWith(p);
    const kw = '@mcp.resource(name="n", uri="weather://{city}/now", mime_type="text/plain")';
    assert.ok(has(scopesAt(g, kw, 'city'), `variable.parameter.path.${S}`));
    assert.ok(has(scopesAt(g, kw, 'weather'), `entity.name.scheme.${S}`));
    assert.ok(!has(scopesAt(g, kw, 'text/plain'), `meta.uri-template.fastmcp`), 'mime_type is not a URI');
    assert.ok(!has(scopesAt(g, kw, '"n"'), `meta.uri-template.fastmcp`), 'name is not a URI');
    assert.ok(has(scopesAt(g, kw, 'mime_type'), 'variable.parameter.function-call.python'));

    const multi = '@mcp.resource(\n    "users://{user_id}/profile",\n    mime_type="application/json",\n)\ndef profile(user_id: str) -> str:\n    return "x://{y}"';
    assert.ok(has(scopesAt(g, multi, 'user_id'), `variable.parameter.path.${S}`));
    assert.ok(!has(scopesAt(g, multi, 'application'), `meta.uri-template.fastmcp`));
    assert.ok(!has(scopesAt(g, multi, 'y}'), `meta.uri-template.fastmcp`), 'strings after the decorator are untouched');
    assert.ok(!has(scopesAt(g, multi, 'def'), 'meta.function.decorator.python'), 'the decorator ends');
  });

  test(`${label}: only resource decorators, only plain strings`, async (t) => {
    const p = grammarPath();
    if (!p) return t.skip('no Python TextMate grammar available');
    const g = await grammarWith(p);
    for (const src of ['@mcp.tool(name="x://{y}")', '@mcp.prompt("a://{b}")', 'uri = "data://{id}"', '@mcp.resource(f"data://{x}")']) {
      for (const tok of tokens(g, src)) assert.ok(!tok.scopes.some((s) => s.endsWith('.fastmcp')), `${src}: ${tok.text} got ${tok.scopes.join(' ')}`);
    }
    const bad = '@mcp.resource("bad://{not valid}")';
    assert.ok(has(scopesAt(g, bad, 'not valid'), `invalid.illegal.template-expression.${S}`));
  });
}

suite('stub Python grammar', () => STUB);
suite('real Python grammar', realPythonGrammar);

test('injection grammar manifest fields', () => {
  const g = JSON.parse(fs.readFileSync(INJECTION, 'utf8'));
  assert.equal(g.scopeName, 'fastmcp.uri-template.injection');
  assert.match(g.injectionSelector, /^L:meta\.function\.decorator\.python/);
});
