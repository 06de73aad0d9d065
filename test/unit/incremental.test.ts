/**
 * Incremental linting equals a full lint. Every rule fixture and template is edited where an author types:
 * inside each function body (statements typed in, lines deleted, single characters typed and removed,
 * several edits before one lint), in comments (suppressions typed in) and in docstrings; and outside
 * function bodies (signatures, decorators, function names, class headers, module-level statements, the
 * inside of main guards). After each edit the incremental result is compared with a fresh full lint of the
 * same text, diagnostics and fixes alike. The tests also assert that many edits took the incremental path,
 * so they cannot pass by always linting the whole file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { initParser, newParser, lintText, resolveConfig, ALL_CODES, computeLineStarts, positionAt } from '../../server/src/engine';
import { composeEdits, DocumentLinter, type EditSpan } from '../../server/src/engine/incremental';
import { BODY_LOCAL_RULES, FILE_SCOPE_RULES, FILE_SCOPE_TRIGGERS } from '../../server/src/engine/rules/locality';
import { ALL_RULES } from '../../server/src/engine/rules/registry';
import { diagnosticsKey, MemoryView, ROOT } from '../helpers';

const FIXTURES = path.join(ROOT, 'test/fixtures/rules');
const TEMPLATES = path.join(ROOT, 'templates');

function inputs(): { name: string; text: string; target?: string; entry: boolean; path: string }[] {
  const out: { name: string; text: string; target?: string; entry: boolean; path: string }[] = [];
  for (const dir of [FIXTURES, path.join(FIXTURES, 'quiet')]) {
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).sort()) {
      if (!f.endsWith('.py') || f.endsWith('.fixed.py')) continue;
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const target = /^#\s*fixture:\s*target-version=(\S+)/m.exec(text)?.[1];
      const p = /^#\s*fixture:\s*path=(\S+)/m.exec(text)?.[1];
      out.push({ name: f, text, target, entry: /^#\s*fixture:\s*entrypoint/m.test(text), path: path.join('/project', p ?? 'server.py') });
    }
  }
  for (const f of fs.readdirSync(TEMPLATES).sort()) if (f.endsWith('.py')) out.push({ name: `templates/${f}`, text: fs.readFileSync(path.join(TEMPLATES, f), 'utf8'), target: '3.0', entry: false, path: '/project/server.py' });
  return out;
}

/** A small seeded generator, so every run makes the same edits. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

interface Change {
  start: number;
  end: number;
  text: string;
}

/** Edits where an author types: function bodies, comments, docstrings. */
function bodyEdits(text: string, next: () => number): Change[][] {
  const out: Change[][] = [];
  const lines = text.split('\n');
  const starts = computeLineStarts(text);
  for (let i = 0; i < lines.length; i++) {
    // Comments (suppressions among them) and docstrings.
    const hash = lines[i].indexOf('#');
    if (/^\s*#/.test(lines[i])) {
      out.push([{ start: starts[i] + hash + 1, end: starts[i] + hash + 1, text: next() < 0.5 ? ' noqa: FMCP107, FMCP215' : 'x' }]);
      if (lines[i].length > hash + 2) out.push([{ start: starts[i] + hash + 1, end: starts[i] + hash + 2, text: '' }]);
    }
    const quotes = /^\s*("""|''')/.exec(lines[i]);
    if (quotes) out.push([{ start: starts[i] + quotes[0].length, end: starts[i] + quotes[0].length, text: 'Fetch ' }]);
    if (!/^\s*(async\s+)?def\s+\w+.*:\s*(#.*)?$/.test(lines[i])) continue;
    // The first body line after the signature (skipping a multi-line signature's tail).
    let b = i + 1;
    while (b < lines.length && !lines[b].trim()) b++;
    if (b >= lines.length) continue;
    const indent = /^\s*/.exec(lines[b])![0];
    const defIndent = /^\s*/.exec(lines[i])![0];
    if (indent.length <= defIndent.length) continue;
    const at = starts[b];
    const statements = ['print("probe")', 'return [{"a": 1}]', 'await ctx.info("x")', 'ctx.info("x")', 'time.sleep(1)', 'requests.get("http://example.com")', 'x = datetime.utcnow()', 'mcp.run()', 'await call_next(context)', 'token = "sk-live-0123456789abcdef0123456789"', 'yield 1'];
    out.push([{ start: at, end: at, text: `${indent}${statements[Math.floor(next() * statements.length)]}\n` }]);
    const lineEnd = at + lines[b].length;
    out.push([{ start: at, end: Math.min(text.length, lineEnd + 1), text: '' }]);
    const p = at + indent.length + Math.floor(next() * Math.max(1, lines[b].length - indent.length));
    out.push([{ start: p, end: p, text: 'x' }]);
    if (p < lineEnd) out.push([{ start: p, end: p + 1, text: '' }]);
    // Typing a word one character at a time, linting only at the end.
    out.push([...'await'].map((c, k) => ({ start: p + k, end: p + k, text: c })));
  }
  return out;
}


/** Lines outside every function body: no `block` of a function definition holds their first character. */
function linesOutsideBodies(text: string, parser: ReturnType<typeof newParser>): number[] {
  const tree = parser.parse(text)!;
  const starts = computeLineStarts(text);
  const out: number[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const indent = /^\s*/.exec(lines[i])![0].length;
    if (indent === lines[i].length || /^\s*#/.test(lines[i])) continue;
    let inBody = false;
    for (let n: ReturnType<typeof tree.rootNode.descendantForIndex> | null = tree.rootNode.descendantForIndex(starts[i] + indent); n; n = n.parent) {
      if (n.type === 'block' && n.parent?.type === 'function_definition') inBody = true;
    }
    if (!inBody) out.push(i);
  }
  tree.delete();
  return out;
}

/** Edits outside function bodies: characters typed and deleted anywhere on the line, a function renamed, an argument added. */
function headerEdits(text: string, lines: number[], next: () => number): Change[][] {
  const out: Change[][] = [];
  const all = text.split('\n');
  const starts = computeLineStarts(text);
  for (const i of lines) {
    const line = all[i];
    const at = starts[i] + Math.floor(next() * (line.length + 1));
    out.push([{ start: at, end: at, text: 'x' }]);
    if (at < starts[i] + line.length) out.push([{ start: at, end: at + 1, text: '' }]);
    const def = /^(\s*(?:async\s+)?def\s+)(\w+)/.exec(line);
    if (def) out.push([{ start: starts[i] + def[0].length, end: starts[i] + def[0].length, text: '_v2' }]);
    const close = line.lastIndexOf(')');
    if (close > 0 && line[close - 1] !== '(') out.push([{ start: starts[i] + close, end: starts[i] + close, text: ', name="probe"' }]);
    else if (close > 0) out.push([{ start: starts[i] + close, end: starts[i] + close, text: 'description="probe"' }]);
  }
  return out;
}

/**
 * Applies `changes` to an open document linted once before, lints it again and compares with a full lint. With
 * `statementFirst`, the lint parses only the edited statement when it can (`lintEdited`), as the server does;
 * otherwise, and when it cannot, the tree is reparsed.
 */
function compareAfter(parser: ReturnType<typeof newParser>, input: { name: string; text: string }, opts: Parameters<typeof lintText>[1], changes: Change[], statementFirst = false): { mode: 'full' | 'segment'; rulesCarried: number; parsed: 'file' | 'statement' } {
  const linter = new DocumentLinter();
  let text = input.text;
  let tree = parser.parse(text)!;
  linter.lint(tree, text, opts);
  for (const ch of changes) {
    const starts = computeLineStarts(text);
    const edit = { startIndex: ch.start, oldEndIndex: ch.end, newEndIndex: ch.start + ch.text.length, startPosition: rowCol(starts, ch.start), oldEndPosition: rowCol(starts, ch.end), newEndPosition: { row: 0, column: 0 } };
    text = text.slice(0, ch.start) + ch.text + text.slice(ch.end);
    edit.newEndPosition = rowCol(computeLineStarts(text), edit.newEndIndex);
    tree.edit(edit);
    linter.noteEdit({ start: ch.start, oldEnd: ch.end, newEnd: ch.start + ch.text.length });
  }
  let inc = statementFirst ? linter.lintEdited(text, opts) : null;
  if (!inc) {
    const old = tree;
    tree = parser.parse(text, old)!;
    old.delete();
    inc = linter.lint(tree, text, opts);
  }
  tree.delete();
  const full = lintText(text, opts);
  assert.equal(diagnosticsKey(inc.diagnostics), diagnosticsKey(full.diagnostics), `${input.name}: after ${JSON.stringify(changes)} the incremental lint (${inc.parsed} parsed) differs from a full lint`);
  return { mode: inc.mode, rulesCarried: inc.rulesCarried ?? 0, parsed: inc.parsed ?? 'file' };
}

/**
 * Makes `editsOf` edits in every fixture and template, comparing each with a full lint; counts those linted
 * incrementally and those that parsed only the edited statement. Every other edit is linted from a reparse of
 * the file, so both ways are compared on the same kinds of edit.
 */
async function compareAll(seed: number, editsOf: (input: { text: string }, parser: ReturnType<typeof newParser>, next: () => number) => Change[][]): Promise<{ compared: number; segment: number; rulesCarried: number; statementOnly: number }> {
  await initParser();
  const parser = newParser();
  let segment = 0;
  let rulesCarried = 0;
  let compared = 0;
  let statementOnly = 0;
  const next = rng(seed);
  for (const input of inputs()) {
    const config = resolveConfig(input.path, { view: new MemoryView({}), codes: ALL_CODES, editor: input.target ? { targetVersion: input.target } : {} });
    const opts = { path: input.path, config, entrypoint: input.entry ? { isEntrypoint: true, object: null } : undefined };
    for (const changes of editsOf(input, parser, next)) {
      compared++;
      const r = compareAfter(parser, input, opts, changes, compared % 2 === 0);
      if (r.mode === 'segment') segment++;
      if (r.parsed === 'statement') statementOnly++;
      rulesCarried += r.rulesCarried;
    }
  }
  return { compared, segment, rulesCarried, statementOnly };
}

test('incremental lint equals a full lint after edits outside function bodies', async () => {
  const { compared, segment, rulesCarried, statementOnly } = await compareAll(20261125, (input, parser, next) => headerEdits(input.text, linesOutsideBodies(input.text, parser), next));
  assert.ok(compared > 1000, `only ${compared} edits compared`);
  // Of the half that may parse only the edited statement, most do (the others break the statement or the file).
  assert.ok(statementOnly > compared * 0.25, `only ${statementOnly} of ${compared} edits parsed only the edited statement`);
  // Imports, servers and run calls typed into lint the whole file; most other edits are linted incrementally.
  assert.ok(segment > compared * 0.6, `only ${segment} of ${compared} edits were linted incrementally`);
  // ... and most of those leave several file-scope rules alone (`anywhere` in FILE_SCOPE_TRIGGERS).
  assert.ok(rulesCarried > segment * 3, `file-scope rules were left alone ${rulesCarried} times in ${segment} incremental lints`);
});

/** Lints `text`, applies one edit replacing `from` by `to`, and returns the incremental lint's mode after comparing it with a full lint. */
function editOnce(text: string, from: string, to: string): { mode: 'full' | 'segment'; rulesCarried: number } {
  const parser = newParser();
  const config = resolveConfig('/project/server.py', { view: new MemoryView({}), codes: ALL_CODES, editor: { targetVersion: '3.0' } });
  const at = text.indexOf(from);
  assert.ok(at >= 0);
  const edit = [{ start: at, end: at + from.length, text: to }];
  // Both ways: from a parse of the edited statement alone where that can be done, and from a reparse of the file.
  compareAfter(parser, { name: 'case (edited statement parsed alone)', text }, { path: '/project/server.py', config }, edit, true);
  return compareAfter(parser, { name: 'case', text }, { path: '/project/server.py', config }, edit);
}

test('an edit that makes the first statement stop being a docstring moves where import fixes insert', async () => {
  await initParser();
  // FMCP304's fix imports Context after the imports while the file starts with a docstring, at the top when not.
  const text = ['"""Notes."""', 'from fastmcp import FastMCP', '', 'mcp = FastMCP("demo")', '', '@mcp.tool', 'async def probe(ctx) -> str:', '    await ctx.info("x")', '    return "ok"', ''].join('\n');
  editOnce(text, '"""Notes."""', '"""Notes.""".strip()');
  editOnce(text.replace('"""Notes."""', 'print("Notes.")'), 'print("Notes.")', '"""Notes."""');
});

test('renaming one of two same-named functions changes which one a lifespan names', async () => {
  await initParser();
  // `lifespan=boot` names the last `def boot`: renaming it makes the first one the lifespan (FMCP308 reads its body).
  const text = [
    'import time',
    'from contextlib import asynccontextmanager',
    'from fastmcp import FastMCP',
    '',
    'async def boot(app):',
    '    time.sleep(1)',
    '    yield',
    '',
    'async def boot(app):',
    '    yield',
    '',
    'mcp = FastMCP("demo", lifespan=boot)',
    '',
  ].join('\n');
  const second = text.indexOf('async def boot', text.indexOf('async def boot') + 1);
  editOnce(text.slice(0, second) + 'async def bootx' + text.slice(second + 'async def boot'.length), 'async def bootx', 'async def boot');
  editOnce(text, text.slice(second, second + 'async def boot'.length + 1), 'async def bootx(');
});

test('a file whose root does not parse as a module keeps comparing components after an edit', async () => {
  await initParser();
  // A run of unclosed calls makes tree-sitter's root an ERROR node; the statements before it still parse, and
  // FMCP212 must still see the two `search` tools after an edit in one of them.
  const text = ['from fastmcp import FastMCP', 'mcp = FastMCP("demo")', '', '@mcp.tool', 'def search(q: str) -> str:', '    return q', '', '@mcp.tool', 'def search(q: str, n: int = 1) -> str:', '    return q', '', 'f('.repeat(600), ''].join('\n');
  const tree = newParser().parse(text)!;
  assert.equal(tree.rootNode.type, 'ERROR');
  tree.delete();
  // Three lints: the second keeps the components it makes, the third must compare them with new ones.
  const parser = newParser();
  const config = resolveConfig('/project/server.py', { view: new MemoryView({}), codes: ALL_CODES, editor: { targetVersion: '3.0' } });
  const opts = { path: '/project/server.py', config };
  const linter = new DocumentLinter();
  let cur = text;
  let t = parser.parse(cur)!;
  linter.lint(t, cur, opts);
  for (const insert of [' + q', ' + q']) {
    ({ tree: t, text: cur } = typeInto(parser, linter, t, cur, cur.indexOf('return q') + 'return q'.length, insert));
    const inc = linter.lint(t, cur, opts);
    assert.equal(inc.mode, 'segment');
    assert.equal(diagnosticsKey(inc.diagnostics), diagnosticsKey(lintText(cur, opts).diagnostics));
    assert.ok(inc.diagnostics.some((d) => d.code === 'FMCP212'));
  }
  t.delete();
});

test('every body-local rule names a registered rule that is not file-scope', () => {
  const codes = new Set(ALL_RULES.map((r) => r.meta.code));
  for (const code of BODY_LOCAL_RULES.keys()) assert.ok(codes.has(code) && !FILE_SCOPE_RULES.has(code), `${code}`);
});

test('incremental lint equals a full lint after edits inside function bodies', async () => {
  const { compared, segment, rulesCarried, statementOnly } = await compareAll(20261124, (input, _parser, next) => bodyEdits(input.text, next));
  assert.ok(compared > 500, `only ${compared} edits compared`);
  assert.ok(statementOnly > compared * 0.25, `only ${statementOnly} of ${compared} edits parsed only the edited statement`);
  assert.ok(segment > compared * 0.75, `only ${segment} of ${compared} edits were linted incrementally`);
  // Most such lints leave several file-scope rules alone (FILE_SCOPE_TRIGGERS): the comparisons above cover them.
  assert.ok(rulesCarried > segment * 3, `file-scope rules were left alone ${rulesCarried} times in ${segment} incremental lints`);
});

/** Inserts `insert` at `at` in an open document: the tree is edited and reparsed, the linter told of the change. */
function typeInto(parser: ReturnType<typeof newParser>, linter: DocumentLinter, tree: NonNullable<ReturnType<ReturnType<typeof newParser>['parse']>>, text: string, at: number, insert: string) {
  const next = text.slice(0, at) + insert + text.slice(at);
  const starts = computeLineStarts(text);
  tree.edit({ startIndex: at, oldEndIndex: at, newEndIndex: at + insert.length, startPosition: rowCol(starts, at), oldEndPosition: rowCol(starts, at), newEndPosition: rowCol(computeLineStarts(next), at + insert.length) });
  linter.noteEdit({ start: at, oldEnd: at, newEnd: at + insert.length });
  const reparsed = parser.parse(next, tree)!;
  tree.delete();
  return { tree: reparsed, text: next };
}

function rowCol(starts: number[], offset: number) {
  const p = positionAt(starts, offset);
  return { row: p.line, column: p.character };
}

test('composed edits describe the same change as the edits one by one', () => {
  const next = rng(7);
  for (let n = 0; n < 2000; n++) {
    let text = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const original = text;
    let acc: EditSpan | null = null;
    for (let k = 0; k < 1 + Math.floor(next() * 4); k++) {
      const start = Math.floor(next() * text.length);
      const end = Math.min(text.length, start + Math.floor(next() * 4));
      const ins = 'XYZ'.slice(0, Math.floor(next() * 4));
      text = text.slice(0, start) + ins + text.slice(end);
      acc = composeEdits(acc, { start, oldEnd: end, newEnd: start + ins.length });
    }
    // Outside the composed span the texts agree.
    assert.equal(text.slice(0, acc!.start), original.slice(0, acc!.start));
    assert.equal(text.slice(acc!.newEnd), original.slice(acc!.oldEnd));
    assert.equal(text.length - original.length, acc!.newEnd - acc!.oldEnd);
  }
});

test('every file-scope rule names a registered rule', () => {
  const codes = new Set(ALL_RULES.map((r) => r.meta.code));
  for (const code of FILE_SCOPE_RULES.keys()) assert.ok(codes.has(code), `${code} is not a rule`);
});

/**
 * Edits inside a body that change a file-scope rule's findings only through what its trigger words spell
 * (`FILE_SCOPE_TRIGGERS`): each compared with a full lint. Each case fails when the rule's words are dropped.
 */
const lines = (...l: string[]) => `${l.join('\n')}\n`;
const TRIGGER_CASES: Array<{ rule: string; text: string; from: string; to: string }> = [
  // A `global` line in any body makes a module-level name count as bound (FMCP102).
  { rule: 'FMCP102', text: 'from fastmcp import FastMCP\n\nweather = FastMCP("w")\n\n\ndef helper():\n    pass  # helper\n\n\nif __name__ == "__main__":\n    weather.run()\n', from: '    pass  # helper', to: '    global mcp' },
  // A component nested in a body: its parameter annotations are no fact (FMCP206), with a plain class to name.
  { rule: 'FMCP206', text: 'from fastmcp import FastMCP\n\nmcp = FastMCP("x")\n\n\nclass Point:\n    def __init__(self, x):\n        self.x = x\n\n\ndef register():\n    @mcp.tool\n    def inner(x: int) -> str:\n        return "x"\n', from: 'def inner(x: int)', to: 'def inner(x: Point)' },
  // The same, indented with a zero-width space, which tree-sitter reads as a blank.
  { rule: 'FMCP206', text: 'from fastmcp import FastMCP\n\nmcp = FastMCP("x")\n\n\nclass Point:\n    def __init__(self, x):\n        self.x = x\n\n\ndef register():\n    \u200b@mcp.tool\n    \u200bdef inner(x: int) -> str:\n        return "x"\n', from: 'def inner(x: int)', to: 'def inner(x: Point)' },
  // An import_server awaited in a function that asyncio.run runs before later registrations (FMCP414).
  { rule: 'FMCP414', text: 'import asyncio\nfrom fastmcp import FastMCP\n\nmain = FastMCP("main")\nsub = FastMCP("sub")\n\n\nasync def setup():\n    pass  # setup\n\n\nasyncio.run(setup())\n\n\n@sub.tool\ndef late() -> str:\n    return "x"\n', from: '    pass  # setup', to: '    await main.import_server(sub)' },
  // A name `timezone` assigned anywhere withholds FMCP801's fix; a new utcnow() in a helper is reported.
  { rule: 'FMCP801', text: 'from datetime import datetime\nfrom fastmcp import FastMCP\n\nmcp = FastMCP("x")\n\n\ndef helper():\n    pass  # helper\n\n\n@mcp.tool\ndef now() -> str:\n    return datetime.utcnow().isoformat()\n', from: '    pass  # helper', to: '    timezone = 1' },
  { rule: 'FMCP801', text: 'from datetime import datetime\nfrom fastmcp import FastMCP\n\nmcp = FastMCP("x")\n\n\ndef helper():\n    pass  # helper\n\n\n@mcp.tool\ndef now() -> str:\n    return datetime.utcnow().isoformat()\n', from: '    pass  # helper', to: '    return datetime.utcnow()' },
  // FMCP107: run-like calls the model does not know, an ASGI factory, stdout reassigned.
  { rule: 'FMCP107', text: lines('from fastmcp import FastMCP', '', 'mcp = FastMCP("x")', '', '@mcp.tool', 'def a() -> str:', '    print("hi")', '    return "a"', '', 'async def main(factory):', '    return 1'), from: 'return 1', to: 'await factory().run_http_async()' },
  { rule: 'FMCP107', text: lines('from fastmcp import FastMCP', '', 'mcp = FastMCP("x")', '', '@mcp.tool', 'def a() -> str:', '    print("hi")', '    return "a"', '', 'def make(factory):', '    return 1'), from: 'return 1', to: 'return factory().http_app()' },
  { rule: 'FMCP107', text: lines('import sys', 'from fastmcp import FastMCP', '', 'mcp = FastMCP("x")', '', '@mcp.tool', 'def a() -> str:', '    print("hi")', '    return "a"', '', 'def quiet():', '    return 1'), from: 'return 1', to: 'sys.stdout = sys.stderr' },
  // FMCP305/306: a component nested in a body, its annotation naming a Context alias; a comment in the __future__ import.
  { rule: 'FMCP305', text: lines('from fastmcp import FastMCP', 'from mcp.server.fastmcp import Context as C', '', 'mcp = FastMCP("x")', '', 'def setup():', '    @mcp.tool', '    def ping(x: int) -> str:', '        return "p"', '    return ping'), from: 'x: int', to: 'x: C' },
  { rule: 'FMCP306', text: lines('from __future__ import annotations', 'from typing import TYPE_CHECKING', 'from fastmcp import FastMCP', '', 'if TYPE_CHECKING:', '    from fastmcp import Context as C', '', 'mcp = FastMCP("x")', '', 'def setup():', '    @mcp.tool', '    async def ping(x: int) -> str:', '        return "p"', '    return ping'), from: 'x: int', to: 'x: C' },
  { rule: 'FMCP306', text: lines('from __future__ import (  # x', '    division,', ')', 'from typing import TYPE_CHECKING', 'from fastmcp import FastMCP', '', 'if TYPE_CHECKING:', '    from fastmcp import Context', '', 'mcp = FastMCP("x")', '', '@mcp.tool', 'async def ping(ctx: Context) -> str:', '    return "p"'), from: '# x', to: '# annotations' },
  // FMCP402: a name taken anywhere changes the fix; a second mount site, or one under routes=, withholds it.
  { rule: 'FMCP402', text: lines('from fastapi import FastAPI', 'from fastmcp import FastMCP', '', 'mcp = FastMCP("x")', 'app = FastAPI(lifespan=mcp.lifespan)', 'app.mount("/mcp", mcp.http_app(path="/"))', '', 'def helper():', '    x = 1'), from: '    x = 1', to: '    mcp_app = 1' },
  { rule: 'FMCP402', text: lines('from fastapi import FastAPI', 'from fastmcp import FastMCP', '', 'mcp = FastMCP("x")', 'app = FastAPI(lifespan=mcp.lifespan)', 'app.mount("/mcp", mcp.http_app(path="/"))', '', 'def helper():', '    g(mcp.http_app(path="/"))'), from: '    g(', to: '    app.mount("/b", ' },
  { rule: 'FMCP402', text: lines('from fastapi import FastAPI as F', 'from starlette.routing import Mount as M', 'from fastmcp import FastMCP', '', 'mcp = FastMCP("x")', 'app = F(lifespan=mcp.lifespan)', 'app.mount("/mcp", mcp.http_app(path="/"))', '', 'def helper():', '    app = F(x=[M("/b", mcp.http_app(path="/"))])'), from: 'F(x=[', to: 'F(routes=[' },
  // FMCP404: the function a `lifespan=` names (follows), and one nested in the statement that names it.
  { rule: 'FMCP404', text: lines('from fastmcp import FastMCP', '', 'def setup(server):', '    return None', '', 'mcp = FastMCP("x", lifespan=setup)'), from: '    return None', to: '    yield {}' },
  { rule: 'FMCP404', text: lines('from fastmcp import FastMCP', '', 'def build():', '    def setup(server):', '        return None', '    return FastMCP("x", lifespan=setup)'), from: '        return None', to: '        yield {}' },
  // FMCP406: a class nested in a body with an aliased base; a BaseMiddleware the fix renames.
  { rule: 'FMCP406', text: lines('from fastmcp.middleware import BaseMiddleware as Base', '', 'def make():', '    class A(object):', '        pass', '    return A'), from: '(object)', to: '(Base)' },
  { rule: 'FMCP406', text: lines('from fastmcp.middleware import BaseMiddleware', '', 'def make():', '    return 1'), from: 'return 1', to: 'return BaseMiddleware' },
  // FMCP407/408/409: a class nested in a body shadows a base class by name; hook bodies; `next` defined by an ancestor.
  { rule: 'FMCP407', text: lines('from fastmcp.server.middleware import Middleware', '', 'class Base(Middleware):', '    pass', '', 'class Audit(Base):', '    async def on_message(self, context):', '        return 1', '', 'def helper():', '    pass  # helper'), from: 'pass  # helper', to: 'class Base: pass' },
  { rule: 'FMCP407', text: lines('from fastmcp.server.middleware import Middleware', '', 'class Audit(Middleware):', '    def on_message(self, context, call_next):', '        return call_next(context)'), from: 'return call_next(context)', to: 'return None' },
  { rule: 'FMCP408', text: lines('from fastmcp.server.middleware import Middleware', '', 'class Base(Middleware):', '    def setup(self):', '        pass', '', 'class Audit(Base):', '    async def on_message(self, context, call_next):', '        return await self.next(context)'), from: '        pass', to: '        self.next = None' },
  { rule: 'FMCP408', text: lines('from fastmcp.server.middleware import Middleware', '', 'class Base(Middleware):', '    pass', '', 'class Audit(Base):', '    async def on_message(self, context, call_next):', '        return await self.next(context)', '', 'def helper():', '    pass  # helper'), from: 'pass  # helper', to: 'class Base: pass' },
  { rule: 'FMCP409', text: lines('from fastmcp.server.middleware import Middleware', '', 'class Base(Middleware):', '    pass', '', 'class Audit(Base):', '    async def on_message(self, context, call_next):', '        call_next(context)', '', 'def helper():', '    pass  # helper'), from: 'pass  # helper', to: 'class Base: pass' },
  { rule: 'FMCP409', text: lines('from fastmcp.server.middleware import Middleware', '', 'class Audit(Middleware):', '    async def on_message(self, context, call_next):', '        return await call_next(context)'), from: 'return await call_next(context)', to: 'call_next(context)' },
  // FMCP410: a chain built in a factory; an add_middleware in a body splits the chain.
  { rule: 'FMCP410', text: lines('from fastmcp import FastMCP', 'from fastmcp.server.middleware.logging import LoggingMiddleware', 'from fastmcp.server.middleware.error_handling import ErrorHandlingMiddleware', '', 'def create():', '    chain = [ErrorHandlingMiddleware(), LoggingMiddleware()]', '    mcp = FastMCP("x", middleware=chain)', '    return mcp'), from: '[ErrorHandlingMiddleware(), LoggingMiddleware()]', to: '[LoggingMiddleware(), ErrorHandlingMiddleware()]' },
  { rule: 'FMCP410', text: lines('from fastmcp import FastMCP', 'from fastmcp.server.middleware.logging import LoggingMiddleware', 'from fastmcp.server.middleware.error_handling import ErrorHandlingMiddleware', '', 'mcp = FastMCP("x", middleware=[LoggingMiddleware()])', '', 'def setup():', '    return 1', '', 'mcp.add_middleware(ErrorHandlingMiddleware())'), from: 'return 1', to: 'mcp.add_middleware(LoggingMiddleware())' },
  // FMCP512: a uvicorn.run with workers= (imported under another name) or stateless mode asked for in a body.
  { rule: 'FMCP512', text: lines('from uvicorn import run as serve', 'from fastmcp import FastMCP', '', 'mcp = FastMCP("x")', 'web = mcp.http_app()', '', 'def main():', '    pass  # main'), from: 'pass  # main', to: 'serve("server:web", workers=4)' },
  { rule: 'FMCP512', text: lines('import uvicorn', 'from fastmcp import FastMCP', '', 'mcp = FastMCP("x")', 'web = mcp.http_app()', '', 'def build():', '    return dict(a=True)', '', 'if __name__ == "__main__":', '    uvicorn.run("server:web", workers=4)'), from: 'dict(a=True)', to: 'dict(stateless_http=True)' },
  // FMCP510/511: a client_storage= value in a body, and a binding of it in the same function.
  { rule: 'FMCP510', text: lines('from key_value.aio.stores.redis import RedisStore', 'from key_value.aio.stores.memory import MemoryStore', 'from fastmcp.server.auth.providers.github import GitHubProvider', '', 'def make_auth():', '    return GitHubProvider(client_storage=MemoryStore())'), from: 'client_storage=MemoryStore()', to: 'client_storage=RedisStore()' },
  { rule: 'FMCP511', text: lines('from key_value.aio.stores.redis import RedisStore', 'from key_value.aio.stores.memory import MemoryStore', 'from fastmcp.server.auth.providers.github import GitHubProvider', '', 'def make_auth():', '    store = RedisStore()', '    return GitHubProvider(client_storage=store)'), from: 'store = RedisStore()', to: 'store = MemoryStore()' },
];

test('edits that reach a file-scope rule only through its trigger words lint like a full lint', async () => {
  await initParser();
  for (const c of TRIGGER_CASES) {
    assert.ok(FILE_SCOPE_TRIGGERS.has(c.rule), `${c.rule} has no trigger words`);
    const r = editOnce(c.text, c.from, c.to);
    assert.equal(r.mode, 'segment', `${c.rule}: the case should take the incremental path`);
  }
});

const B402 = lines('from fastapi import FastAPI', 'from fastmcp import FastMCP', '', 'mcp = FastMCP("demo")', '', 'api = FastAPI(lifespan=mcp.lifespan)', 'api.mount("/mcp", mcp.http_app(path="/"))').trimEnd();
const M410 = lines('from fastmcp import FastMCP', 'from fastmcp.server.middleware.error_handling import ErrorHandlingMiddleware', 'from fastmcp.server.middleware.timing import TimingMiddleware', '', 'mcp = FastMCP("demo")').trimEnd();
const H414 = lines('import asyncio', 'from fastmcp import FastMCP', '', 'main = FastMCP("main")', 'sub = FastMCP("sub")', '', '', 'async def setup():', '    await main.import_server(sub)', '', '', 'asyncio.run(setup())').trimEnd();
const S510 = lines('from fastmcp import FastMCP', 'from fastmcp.server.auth.providers.github import GitHubProvider', 'from key_value.aio.stores.disk import DiskStore', 'from key_value.aio.stores.memory import MemoryStore', '', 'store = DiskStore(directory="/tmp/x")', 'auth = GitHubProvider(client_id="x", client_secret="y", base_url="http://localhost:8000", client_storage=store)', 'mcp = FastMCP("demo", auth=auth)').trimEnd();
const T206 = lines('import numpy as np', 'from pydantic import BaseModel', 'from fastmcp import FastMCP', '', 'mcp = FastMCP("w")', '', 'class Foo(BaseModel):', '    x: int', '', 'Fo = dict', '', '@mcp.tool', 'def use(a: Foo) -> int:', '    return 1', '', '@mcp.tool', 'def other(a: int) -> int:', '    return 1', '', 'def helper(a: int = 1):', '    return a').trimEnd();
const T306 = lines('from __future__ import annotations', 'from typing import TYPE_CHECKING', 'from fastmcp import FastMCP', '', 'if TYPE_CHECKING:', '    from fastmcp import Context', '', 'mcp = FastMCP("w")', '', '@mcp.tool', 'async def ping(x: int) -> str:', '    return "pong"', '', '@mcp.tool', 'async def pong(ctx: Context) -> str:', '    return "pong"').trimEnd();
/** Edits outside bodies (statement mode) that change a file-scope rule's findings only through its `anywhere` words. */
const ANYWHERE_CASES: Array<{ rule: string; text: string; from: string; to: string }> = [
  // A top-level class gains a base that is an alias of the fake BaseMiddleware; a BaseMiddleware the fix renames.
  { rule: 'FMCP406', text: lines('from fastmcp import FastMCP', 'from fastmcp.server.middleware import Middleware', 'from fastmcp.middleware import BaseMiddleware as Base', '', 'mcp = FastMCP("x")', '', '', 'class Audit(Other):', '    pass', '', '', '@mcp.tool', 'def add(a: int, b: int) -> int:', '    return a + b'), from: 'class Audit(Other):', to: 'class Audit(Base):' },
  { rule: 'FMCP406', text: lines('from fastmcp import FastMCP', 'from fastmcp.server.middleware import BaseMiddleware', '', 'mcp = FastMCP("x")', '', 'x = 1', '', '', '@mcp.tool', 'def add(a: int, b: int) -> int:', '    return a + b'), from: 'x = 1', to: 'x = BaseMiddleware' },
  // A hook-less ancestor becomes middleware; a class renamed to a name already taken makes the lookup ambiguous.
  { rule: 'FMCP407', text: lines('from fastmcp import FastMCP', 'from fastmcp.server.middleware import Middleware', '', 'mcp = FastMCP("x", middleware=[])', '', '', 'class A(Foo):', '    pass', '', '', 'class B(A):', '    def on_message(self, context, call_next):', '        return 1'), from: 'class A(Foo):', to: 'class A(Middleware):' },
  { rule: 'FMCP407', text: lines('from fastmcp import FastMCP', 'from fastmcp.server.middleware import Middleware', '', 'mcp = FastMCP("x", middleware=[])', '', '', 'class A(Middleware):', '    pass', '', '', 'class X:', '    pass', '', '', 'class B(A):', '    def on_message(self, context, call_next):', '        return 1'), from: 'class X:', to: 'class A:' },
  { rule: 'FMCP408', text: lines('from fastmcp import FastMCP', 'from fastmcp.server.middleware import Middleware', '', 'mcp = FastMCP("x", middleware=[])', '', '', 'class A(Foo):', '    pass', '', '', 'class B(A):', '    async def on_message(self, context, call_next):', '        return await self.next(context)'), from: 'class A(Foo):', to: 'class A(Middleware):' },
  { rule: 'FMCP409', text: lines('from fastmcp import FastMCP', 'from fastmcp.server.middleware import Middleware', '', 'mcp = FastMCP("x", middleware=[])', '', '', 'class A(Foo):', '    pass', '', '', 'class B(A):', '    async def on_message(self, context, call_next):', '        call_next(context)'), from: 'class A(Foo):', to: 'class A(Middleware):' },
  // FMCP402: a module-level assignment (in a class body too) rebinds the app the fix mounts into; `Def` is no `def`.
  { rule: 'FMCP402', text: lines(B402, '', 'x = 1'), from: 'x = 1', to: 'api = 1' },
  { rule: 'FMCP402', text: lines('from dataclasses import dataclass', B402, '', '', '@dataclass', 'class Settings:', '    x = 1'), from: '    x = 1', to: '    api = 1' },
  { rule: 'FMCP402', text: lines(B402.replace(/api/g, 'Def'), 'Def.debug = 1'), from: 'Def.debug = 1', to: 'Def = 1' },
  // FMCP404: a class body binds the lifespan's name at module scope; renaming one of two same-named functions.
  { rule: 'FMCP404', text: lines('from fastmcp import FastMCP', '', '', 'async def startup(server):', '    return None', '', '', 'mcp = FastMCP("demo", lifespan=startup)', '', '', 'class Settings:', '    x = 1'), from: '    x = 1', to: '    startup = 1' },
  { rule: 'FMCP404', text: lines('from contextlib import asynccontextmanager', 'from fastmcp import FastMCP', '', '', 'async def startup(server):', '    return None', '', '', 'mcp = FastMCP("demo", lifespan=startup)', '', '', '@asynccontextmanager', 'async def startup(server):', '    yield'), from: 'async def startup(server):\n    yield', to: 'async def other(server):\n    yield' },
  // FMCP410: items bound at module level, a server's constructor given **opts, a class body binding an item's name.
  { rule: 'FMCP410', text: lines(M410, 'first = TimingMiddleware()', 'mcp.add_middleware(first)', 'mcp.add_middleware(ErrorHandlingMiddleware())'), from: 'first = TimingMiddleware()', to: 'first = ErrorHandlingMiddleware()' },
  { rule: 'FMCP410', text: lines(M410.replace('mcp = FastMCP', 'opts = {}\nmcp = FastMCP'), 'mcp.add_middleware(TimingMiddleware())', 'mcp.add_middleware(ErrorHandlingMiddleware())'), from: 'mcp = FastMCP("demo")', to: 'mcp = FastMCP("demo", **opts)' },
  { rule: 'FMCP410', text: lines('from dataclasses import dataclass', 'from fastmcp import FastMCP', 'from fastmcp.server.middleware.error_handling import ErrorHandlingMiddleware as EH', 'from fastmcp.server.middleware.timing import TimingMiddleware as TM', '', 'mcp = FastMCP("demo")', 'first = TM()', 'mcp.add_middleware(first)', 'mcp.add_middleware(EH())', '', '', '@dataclass', 'class Settings:', '    x = 1'), from: '    x = 1', to: '    first = 1' },
  // FMCP414: the imported server rebound, a decorator turned into a registration, asyncio.run under another name.
  { rule: 'FMCP414', text: lines(H414, 'x = 1', '', '', 'def extra() -> int:', '    return 1', '', '', 'sub.add_tool(extra)'), from: 'x = 1', to: 'sub = 1' },
  { rule: 'FMCP414', text: lines('import functools', H414, '', '', '@functools.cache', 'def extra() -> int:', '    return 1'), from: '@functools.cache', to: '@sub.tool' },
  { rule: 'FMCP414', text: lines('from asyncio import run as go', 'from fastmcp import FastMCP', '', 'main = FastMCP("main")', 'sub = FastMCP("sub")', '', '', 'async def setup():', '    await main.import_server(sub)', '', '', 'async def other():', '    return None', '', '', 'go(other())', '', '', '@sub.tool', 'def extra() -> int:', '    return 1'), from: 'go(other())', to: 'go(setup())' },
  // FMCP510/511: the client_storage= name rebound at module level or in a class body; its store changed.
  { rule: 'FMCP510', text: lines(S510, 'x = 1'), from: 'x = 1', to: 'store = 1' },
  { rule: 'FMCP511', text: lines(S510.replace('store = DiskStore(directory="/tmp/x")', 'store = MemoryStore()')), from: 'store = MemoryStore()', to: 'store = DiskStore(directory="/tmp/x")' },
  { rule: 'FMCP511', text: lines('from dataclasses import dataclass', S510.replace('store = DiskStore(directory="/tmp/x")', 'store = MemoryStore()'), '', '', '@dataclass', 'class Settings:', '    x = 1'), from: '    x = 1', to: '    store = 1' },
  // FMCP107: a function named print, an ASGI factory called at module level.
  { rule: 'FMCP107', text: lines('import sys', 'from fastmcp import FastMCP', '', 'mcp = FastMCP("w")', '', 'def prnt(*a):', '    pass', '', '@mcp.tool', 'def hello() -> str:', '    print("x")', '    return "hi"', '', 'if __name__ == "__main__":', '    mcp.run()'), from: 'def prnt(', to: 'def print(' },
  { rule: 'FMCP107', text: lines('import sys', 'from fastmcp import FastMCP', '', 'mcp = FastMCP("w")', '', 'app = factory().http_ap()', '', '@mcp.tool', 'def hello() -> str:', '    print("x")', '    return "hi"'), from: 'factory().http_ap()', to: 'factory().http_app()' },
  // FMCP206: a component's parameter, a parameter class's base, a module-level name rebinding the class.
  { rule: 'FMCP206', text: lines(T206), from: 'def other(a: int)', to: 'def other(a: np.ndarray)' },
  { rule: 'FMCP206', text: lines(T206), from: 'class Foo(BaseModel)', to: 'class Foo' },
  { rule: 'FMCP206', text: lines(T206.replace('class Foo(BaseModel):', 'class Foo:')), from: 'Fo = dict', to: 'Foo = dict' },
  // FMCP305/306: a component's parameter annotated with a Context import; the __future__ import changed.
  { rule: 'FMCP305', text: lines('from fastmcp import FastMCP', 'from mcp.server.fastmcp import Context', '', 'mcp = FastMCP("w")', '', '@mcp.tool', 'async def ping(x: int) -> str:', '    return "pong"', '', 'def helper(a: int = 1):', '    return a'), from: 'ping(x: int)', to: 'ping(x: Context)' },
  { rule: 'FMCP306', text: lines(T306), from: 'import annotations', to: 'import generator_stop' },
  { rule: 'FMCP306', text: lines(T306.replace('pong(ctx: Context)', 'pong(ctx: int)')), from: 'ping(x: int)', to: 'ping(x: Context)' },
  // FMCP801: a module-level name timezone withholds the fix.
  { rule: 'FMCP801', text: lines('from datetime import datetime', 'from fastmcp import FastMCP', '', 'mcp = FastMCP("w")', '', 'tz = None', '', '@mcp.tool', 'def now() -> str:', '    return datetime.utcnow().isoformat()', '', 'def helper(a: int = 1):', '    return a'), from: 'tz = None', to: 'timezone = None' },
];

test('edits outside bodies that reach a file-scope rule only through its `anywhere` words lint like a full lint', async () => {
  await initParser();
  for (const c of ANYWHERE_CASES) {
    assert.ok(FILE_SCOPE_TRIGGERS.get(c.rule)?.anywhere, `${c.rule} has no words for edits outside bodies`);
    const r = editOnce(c.text, c.from, c.to);
    assert.equal(r.mode, 'segment', `${c.rule}: the case should take the incremental path`);
  }
});

test('a statement elsewhere that does not parse may parse its unchanged text another way after a reparse: its findings are not carried', async () => {
  await initParser();
  // U+FFFD inside a name: the fresh parse and the reparse after an edit in another function split it differently.
  const text = 'from fastmcp import Context, FastMCP\rfrom fastmcp.dependencies import CurrentContext\r\rmcp = FastMCP("users")\n\n\r\n@mcp.resource("users://{user_id}/profile")\r\ndef profi\ufffdle(id: str) -> str:\r    return id\n\r\r\ndef search(index: str, query: str = "", limit: int = 10) -> str:\n    return index\r\n\n\n\n\n    return item_id\r\n\n\n\rBASE = "x://y"\n';
  const config = resolveConfig('/project/pkg/__main__.py', { view: new MemoryView({}), codes: ALL_CODES, editor: {} });
  const at = text.indexOf('   return index');
  compareAfter(newParser(), { name: 'split name', text }, { path: '/project/pkg/__main__.py', config }, [{ start: at, end: at + 10, text: ':=' }]);
});

test('a string statement that becomes a docstring moves where import fixes insert: the whole file is linted', async () => {
  await initParser();
  const text = '# A comment first.\n"Demo" " server."\nimport os\nfrom fastmcp import FastMCP\n\nmcp = FastMCP("x")\n\n\n@mcp.tool\nasync def search(query: str, ctx) -> list[str]:\n    await ctx.info(f"searching {query}")\n    return []\n';
  editOnce(text, '"Demo" " server."', '"Demo server."');
  editOnce(text.replace('"Demo" " server."', '"Demo server."'), '"Demo server."', '"Demo" " server."');
});

test('every rule with trigger words is file-scope, and its words are a plain test (no global flag)', () => {
  for (const [code, t] of FILE_SCOPE_TRIGGERS) {
    assert.ok(FILE_SCOPE_RULES.has(code), `${code} is not file-scope`);
    for (const words of [t.words, t.anywhere]) assert.ok(!words?.global && !words?.sticky, `${code}: a global or sticky regex keeps state between tests`);
  }
});

test('the first \\r\\n typed into a body lints the whole file: fixes elsewhere insert lines with the file\'s line ending', async () => {
  await initParser();
  const parser = newParser();
  const text = [
    'import time',
    'from fastmcp import FastMCP',
    '',
    'mcp = FastMCP("demo")',
    '',
    '@mcp.tool',
    'async def slow() -> str:',
    '    time.sleep(1)',
    '    return "done"',
    '',
    '@mcp.tool',
    'async def other() -> str:',
    '    return "ok"',
    '',
  ].join('\n');
  const config = resolveConfig('/project/server.py', { view: new MemoryView({}), codes: ALL_CODES, editor: {} });
  const opts = { path: '/project/server.py', config };
  const linter = new DocumentLinter();
  let tree = parser.parse(text)!;
  const before = linter.lint(tree, text, opts);
  const importFix = (r: { diagnostics: { code: string; fixes: { edits: { newText: string }[] }[] }[] }) => r.diagnostics.find((d) => d.code === 'FMCP308')?.fixes[0]?.edits.find((e) => e.newText.includes('import asyncio'))?.newText;
  assert.equal(importFix(before), '\nimport asyncio');
  let next: string;
  ({ tree, text: next } = typeInto(parser, linter, tree, text, text.indexOf('    return "ok"'), '    x = 1\r\n'));
  const after = linter.lint(tree, next, opts);
  tree.delete();
  assert.equal(after.mode, 'full');
  assert.equal(importFix(after), '\r\nimport asyncio');
  assert.equal(diagnosticsKey(after.diagnostics), diagnosticsKey(lintText(next, opts).diagnostics));
});
