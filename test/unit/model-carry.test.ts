/**
 * An open document's model is built with what its file-wide walks found at the last lint (`gatherKept`,
 * `modelLists`): the statements an edit left alone keep their part. After edits of every kind, anywhere in
 * the file (statements added and removed, imports, decorators, the start of the text, half-typed code), and
 * with one document edited many times in a row, that model must equal a model built from scratch, and the
 * document's lint must equal a full lint.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { initParser, newParser, lintText, resolveConfig, ALL_CODES, computeLineStarts, positionAt } from '../../server/src/engine';
import { DocumentLinter } from '../../server/src/engine/incremental';
import { modelOrSkip } from '../../server/src/engine/lint';
import { callsWhere, type FileModel, type WalkCarry } from '../../server/src/engine/model/model';
import { keywordArguments, assignmentsTo } from '../../server/src/engine/rules/util-asgi';
import { syntaxOf, type SyntaxTree } from '../../server/src/engine/syntax';
import type { Node } from '../../server/src/engine/parse';
import { diagnosticsKey, MemoryView, ROOT } from '../helpers';

const FIXTURES = path.join(ROOT, 'test/fixtures/rules');
const TEMPLATES = path.join(ROOT, 'templates');

function inputs(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const f of fs.readdirSync(FIXTURES).sort()) if (f.endsWith('.py') && !f.endsWith('.fixed.py')) out.push({ name: f, text: fs.readFileSync(path.join(FIXTURES, f), 'utf8') });
  for (const f of fs.readdirSync(TEMPLATES).sort()) if (f.endsWith('.py')) out.push({ name: `templates/${f}`, text: fs.readFileSync(path.join(TEMPLATES, f), 'utf8') });
  return out;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const LINES = [
  'import os\n',
  'from fastmcp import FastMCP, Context\n',
  'from mcp.server.fastmcp import FastMCP as SdkServer\n',
  'mcp = FastMCP("other")\n',
  'other = FastMCP("x", lifespan=boot)\n',
  '@mcp.tool\ndef added(ctx: Context) -> str:\n    print("hi")\n    return "x"\n',
  '@mcp.resource("data://{name}")\nasync def res(name: str) -> str:\n    return name\n',
  'class Point:\n    x: int\n',
  'app = mcp.http_app(path="/")\n',
  'if __name__ == "__main__":\n    mcp.run(transport="stdio")\n',
  '# a comment\n',
  '\n',
  'x = (\n',
];

/** One random edit of the text, anywhere: a character typed or deleted, a line added or removed. */
function randomEdit(text: string, next: () => number): { start: number; end: number; text: string } {
  const starts = computeLineStarts(text);
  const line = Math.floor(next() * starts.length);
  const at = starts[line];
  const lineEnd = line + 1 < starts.length ? starts[line + 1] : text.length;
  const r = next();
  if (r < 0.3) {
    const p = Math.floor(next() * (text.length + 1));
    return { start: p, end: p, text: 'xy'[Math.floor(next() * 2)] };
  }
  if (r < 0.5) {
    const p = Math.floor(next() * text.length);
    return { start: p, end: Math.min(text.length, p + 1 + Math.floor(next() * 3)), text: '' };
  }
  if (r < 0.75) return { start: at, end: at, text: LINES[Math.floor(next() * LINES.length)] };
  if (r < 0.9) return { start: at, end: lineEnd, text: '' };
  return { start: 0, end: 0, text: next() < 0.5 ? '\n' : '# top\n' };
}

function rowCol(starts: number[], offset: number) {
  const p = positionAt(starts, offset);
  return { row: p.line, column: p.character };
}

const span = (n: Node | null | undefined) => (n ? `${n.type}@${n.startIndex}-${n.endIndex}` : '-');

/** What the model says about the file, as text: node lists, imports, servers, components, run calls, walks. */
function summary(m: FileModel): string {
  const out: string[] = [];
  for (const [name, list] of Object.entries({ calls: m.calls, functions: m.functions, classes: m.classes, awaits: m.awaits, attributes: m.attributes, comments: m.comments, assignments: m.assignments, decorated: m.decorated, imports: m.importStatements, strings: m.strings })) out.push(`${name}: ${list.map(span).join(' ')}`);
  out.push(`bindings: ${m.imports.map((b) => `${b.local}=${b.qualified}/${b.typeCheckingOnly}/${b.local_scope}/${span(b.node)}`).join(' ')}`);
  out.push(`servers: ${m.servers.map((s) => `${s.name}/${s.flavor}/${s.kind}/${span(s.node)}/${span(s.scope)}`).join(' ')}`);
  out.push(`components: ${m.components.map((c) => `${c.kind}/${c.server}/${c.funcName}/${span(c.decorator)}/${c.params.map((p) => p.name).join(',')}/${[...c.keywords.keys()].join(',')}`).join(' ')}`);
  out.push(`runs: ${m.runCalls.map((r) => `${r.method}/${r.server.name}/${span(r.call)}/${r.inMainGuard}`).join(' ')}`);
  out.push(`defs: ${[...m.moduleFunctions].map(([k, v]) => `${k}=${span(v)}`).join(' ')} | ${[...m.moduleClasses].map(([k, v]) => `${k}=${span(v)}`).join(' ')}`);
  out.push(`lifespan=: ${keywordArguments(m, 'lifespan').map((a) => `${span(a.call)}>${span(a.value)}`).join(' ')}`);
  out.push(`mcp assigned: ${assignmentsTo(m, 'mcp').map((a) => span(a.asg)).join(' ')}`);
  out.push(`print calls: ${callsWhere(m, PRINTS, (c) => c.childForFieldName('function')?.text === 'print').map(span).join(' ')}`);
  return out.join('\n');
}
const PRINTS = {};

/** A walk asked for only after every third edit: the answer it starts from is several edits old. */
function sometimes(m: FileModel): string {
  return `awaited calls: ${callsWhere(m, AWAITED, (c) => c.parent?.type === 'await').map(span).join(' ')}`;
}
const AWAITED = {};

test('a model built with what the last lint found equals a fresh one, after edits anywhere', async () => {
  await initParser();
  const parser = newParser();
  const next = rng(20261125);
  let compared = 0;
  for (const input of inputs()) {
    let text = input.text;
    let tree = parser.parse(text)!;
    const carry: WalkCarry = new Map();
    let syntax: SyntaxTree = syntaxOf(tree, text);
    modelOrSkip(syntax, text, carry);
    for (let step = 0; step < 12; step++) {
      const ch = randomEdit(text, next);
      const starts = computeLineStarts(text);
      const after = text.slice(0, ch.start) + ch.text + text.slice(ch.end);
      tree.edit({ startIndex: ch.start, oldEndIndex: ch.end, newEndIndex: ch.start + ch.text.length, startPosition: rowCol(starts, ch.start), oldEndPosition: rowCol(starts, ch.end), newEndPosition: rowCol(computeLineStarts(after), ch.start + ch.text.length) });
      text = after;
      const old = tree;
      tree = parser.parse(text, old)!;
      old.delete();
      syntax = syntaxOf(tree, text, syntax, { start: ch.start, oldEnd: ch.end, newEnd: ch.start + ch.text.length });
      const carried = modelOrSkip(syntax, text, carry);
      const fresh = parser.parse(text)!;
      const whole = modelOrSkip(fresh, text);
      fresh.delete();
      assert.equal(carried.skipped, whole.skipped, `${input.name}, edit ${step}: skipped differs`);
      if (carried.model && whole.model) assert.equal(summary(carried.model), summary(whole.model), `${input.name}, edit ${step} ${JSON.stringify(ch)}: the model differs from a fresh one`);
      if (carried.model && whole.model && step % 3 === 2) assert.equal(sometimes(carried.model), sometimes(whole.model), `${input.name}, edit ${step}: a walk made three edits ago was brought up to date wrongly`);
      compared++;
    }
    tree.delete();
  }
  assert.ok(compared > 1000, `only ${compared} models compared`);
});

test('a document edited many times in a row lints as a full lint after every edit', async () => {
  await initParser();
  const parser = newParser();
  const next = rng(7);
  const config = resolveConfig('/project/server.py', { view: new MemoryView({}), codes: ALL_CODES, editor: { targetVersion: '3.0' } });
  const opts = { path: '/project/server.py', config };
  for (const input of inputs().filter((_, i) => i % 4 === 0)) {
    let text = input.text;
    let tree = parser.parse(text)!;
    const linter = new DocumentLinter();
    linter.lint(tree, text, opts);
    for (let step = 0; step < 10; step++) {
      // Mostly one character typed or deleted, as when typing; now and then a line added or removed.
      const ch = randomEdit(text, next);
      const starts = computeLineStarts(text);
      const after = text.slice(0, ch.start) + ch.text + text.slice(ch.end);
      tree.edit({ startIndex: ch.start, oldEndIndex: ch.end, newEndIndex: ch.start + ch.text.length, startPosition: rowCol(starts, ch.start), oldEndPosition: rowCol(starts, ch.end), newEndPosition: rowCol(computeLineStarts(after), ch.start + ch.text.length) });
      linter.noteEdit({ start: ch.start, oldEnd: ch.end, newEnd: ch.start + ch.text.length });
      text = after;
      const old = tree;
      tree = parser.parse(text, old)!;
      old.delete();
      const inc = linter.lint(tree, text, opts);
      assert.equal(diagnosticsKey(inc.diagnostics), diagnosticsKey(lintText(text, opts).diagnostics), `${input.name}, edit ${step} ${JSON.stringify(ch)}: differs from a full lint`);
    }
    tree.delete();
  }
});
