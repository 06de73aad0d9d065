/**
 * The snippets: generated ones are up to date with templates/ (gen-snippets --check), every body
 * expands with its defaults, expanded template snippets reproduce their template exactly, and
 * every Python snippet parses and draws zero diagnostics at FastMCP 3.0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { initParser, parsePython } from '../../server/src/engine';
import { TEMPLATES, parseTemplate } from '../../server/src/engine/templates';
import { SNIPPET_FILES, staleFiles } from '../../scripts/gen-snippets';
import { expandSnippet, escapeSnippetText } from '../../scripts/snippet-syntax';
import { lintSnippet, ROOT } from '../helpers';

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}
const load = (file: string): Record<string, Snippet> => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
const expand = (s: Snippet) => expandSnippet(s.body.join('\n')).replace(/\t/g, '    ');

async function assertCleanPython(text: string, what: string) {
  await initParser();
  const tree = parsePython(text);
  try {
    assert.equal(tree.rootNode.hasError, false, `${what} does not parse:\n${text}`);
  } finally {
    tree.delete();
  }
  const diags = await lintSnippet(text, { targetVersion: '3.0' });
  assert.deepEqual(diags.map((d) => `${d.range.start.line + 1} ${d.code} ${d.message}`), [], `${what} draws diagnostics:\n${text}`);
}

test('generated snippets are up to date (node --import tsx scripts/gen-snippets.ts)', () => {
  assert.deepEqual(staleFiles(), []);
});

test('snippet syntax: escaping round-trips through expansion', () => {
  const text = 'a $b ${c} } \\n \\ $$ {x}';
  assert.equal(expandSnippet(escapeSnippetText(text)), text);
  assert.equal(expandSnippet('${1:a} $1 ${2|x,y|} $2 ${1}'), 'a a x x a');
  assert.equal(expandSnippet('${1:f(${2:b\\}})}'), 'f(b})');
  assert.throws(() => expandSnippet('cost: $ 5'), /unescaped \$/);
  assert.throws(() => expandSnippet('${1:open'), /unclosed/);
});

for (const t of TEMPLATES) {
  test(`snippet fastmcp-${t.name} expands to its template`, async () => {
    const snippets = Object.values(load(SNIPPET_FILES[t.language]));
    const s = snippets.find((x) => x.prefix === `fastmcp-${t.name}`);
    assert.ok(s, `no snippet fastmcp-${t.name} in ${SNIPPET_FILES[t.language]}`);
    assert.ok(s.description.length > 10);
    const text = fs.readFileSync(path.join(ROOT, 'templates', t.file), 'utf8');
    const expanded = expand(s);
    assert.equal(expanded, parseTemplate(text).body.replace(/^\n+/, '').replace(/\n+$/, ''));
    if (t.language === 'python') await assertCleanPython(expanded + '\n', s.prefix);
    if (t.language === 'toml') parseToml(expanded);
  });
}

test('one snippet per template, unique prefixes across all snippet files', () => {
  const files = [...new Set(Object.values(SNIPPET_FILES)), 'snippets/python-constructs.json'];
  const prefixes = files.flatMap((f) => Object.values(load(f)).map((s) => s.prefix));
  assert.equal(new Set(prefixes).size, prefixes.length, 'duplicate prefix');
  const generated = Object.values(SNIPPET_FILES).flatMap((f) => Object.values(load(f)).map((s) => s.prefix));
  assert.deepEqual([...new Set(generated)].sort(), TEMPLATES.map((t) => `fastmcp-${t.name}`).sort());
});

// Construct snippets are fragments: each is expanded into a small server file at the place a
// user would type it: module level, or the body of an async tool that has `ctx: Context`.
const PRELUDE = `import json
import os

import httpx
from fastapi import FastAPI

from fastmcp import Context, FastMCP
from fastmcp.server.auth.providers.github import GitHubProvider
from fastmcp.server.lifespan import lifespan
from fastmcp.server.middleware import Middleware, MiddlewareContext

mcp = FastMCP("Snippet Test")
sub_server = FastMCP("Sub")
`;
const MAIN = `\n\nif __name__ == "__main__":\n    mcp.run()\n`;
const IN_TOOL = new Set(['fastmcp-ctx-log', 'fastmcp-ctx-progress', 'fastmcp-ctx-elicit', 'fastmcp-ctx-sample']);

const constructs = load('snippets/python-constructs.json');
const REQUIRED = ['tool', 'tool-async-progress', 'resource', 'resource-template', 'prompt', 'ctx-log', 'ctx-progress', 'ctx-elicit', 'ctx-sample', 'lifespan', 'middleware', 'mount', 'oauth-provider', 'fastapi', 'main'];

test('construct snippets cover every construct of the product brief', () => {
  const prefixes = new Set(Object.values(constructs).map((s) => s.prefix));
  for (const r of REQUIRED) assert.ok(prefixes.has(`fastmcp-${r}`), `missing fastmcp-${r}`);
});

for (const [name, s] of Object.entries(constructs)) {
  test(`construct snippet ${s.prefix} expands into a clean server`, async () => {
    assert.match(s.prefix, /^fastmcp-[a-z0-9-]+$/);
    assert.ok(s.description.length > 10, `${name} needs a description`);
    const body = expand(s);
    let file: string;
    if (IN_TOOL.has(s.prefix)) {
      const indented = body.split('\n').map((l) => (l ? '    ' + l : l)).join('\n');
      file = `${PRELUDE}\n\n@mcp.tool\nasync def snippet_host(ctx: Context, done: int = 1, total: int = 2) -> str:\n    """Hosts the snippet."""\n${indented}\n    return "ok"${MAIN}`;
    } else if (s.prefix === 'fastmcp-main') {
      file = `${PRELUDE}\n\n${body}\n`;
    } else {
      file = `${PRELUDE}\n\n${body}${MAIN}`;
    }
    await assertCleanPython(file, s.prefix);
  });
}
