/**
 * The rules read `syntax.ts`'s copy of the tree instead of tree-sitter's nodes. The copy must answer every
 * question the engine asks exactly as tree-sitter does: here both are walked side by side, node by node,
 * over the fixtures, templates and examples, each cut short at several places, and over the fuzzer's broken
 * variants of them. A copy that reuses the statements of an earlier version of the text (after random
 * edits, with the edit known or not) must equal a fresh copy and tree-sitter's tree, and so must a copy made
 * from a parse of the edited statement alone (`reparseStatement`).
 * SYNTAX_DIRS=dir1:dir2 adds every .py file under those directories; SYNTAX_FUZZ=N sets how many fuzzed
 * inputs (200).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { initParser, newParser, parsePython, type Tree, type TSNode } from '../../server/src/engine/parse';
import { reparseStatement, syntaxInternals, syntaxOf, type SyntaxNode, type SyntaxTree } from '../../server/src/engine/syntax';
import { COLLECT_TYPES } from '../../server/src/engine/model/model';
import { composeEdits, type EditSpan } from '../../server/src/engine/incremental';
import { makeCase, prng, seedCorpus } from '../fuzz/harness';
import { pyFiles } from '../helpers';

const FIELDS = ['name', 'body', 'parameters', 'return_type', 'function', 'arguments', 'left', 'right', 'type', 'value', 'object', 'attribute', 'condition', 'consequence', 'alternative', 'module_name', 'alias', 'definition', 'key', 'subscript', 'operator', 'argument', 'superclasses', 'operators', 'body', 'cause'];
// Not 'ERROR': web-tree-sitter 0.25 then returns only the ERROR nodes (the engine never asks for them).
const TYPES = [...COLLECT_TYPES, 'identifier', 'keyword_argument', 'block', 'async', 'yield', 'return_statement', 'lambda'];

/**
 * Fields tree-sitter answers from inside a child (a field the grammar rule inherits from a hidden rule): an
 * ERROR node answers with parts of what it swallowed, `match_statement` answers `alternative` with a
 * `case_clause` inside its block. The copy answers a field only with a child that fills it; the engine asks
 * neither (`syntax.ts`).
 */
function inherited(type: string, field: string): boolean {
  return type === 'ERROR' || (type === 'match_statement' && field === 'alternative');
}

/** Every difference between tree-sitter's subtree and the copy's, as text (empty when they agree). */
function differences(ts: TSNode, js: SyntaxNode, out: string[], limit = 5): void {
  const stack: Array<[TSNode, SyntaxNode]> = [[ts, js]];
  while (stack.length && out.length < limit) {
    const [a, b] = stack.pop()!;
    const where = `${a.type}@${a.startIndex}`;
    const same = (what: string, x: unknown, y: unknown) => {
      if (x !== y && out.length < limit) out.push(`${where}: ${what} ${JSON.stringify(x)} != ${JSON.stringify(y)}`);
    };
    same('type', a.type, b.type);
    same('start', a.startIndex, b.startIndex);
    same('end', a.endIndex, b.endIndex);
    same('text', a.text, b.text);
    same('isNamed', a.isNamed, b.isNamed);
    same('isMissing', a.isMissing, b.isMissing);
    same('isError', a.isError, b.isError);
    same('hasError', a.hasError, b.hasError);
    same('childCount', a.childCount, b.childCount);
    same('namedChildCount', a.namedChildCount, b.namedChildCount);
    same('parent', a.parent ? `${a.parent.type}@${a.parent.startIndex}` : null, b.parent ? `${b.parent.type}@${b.parent.startIndex}` : null);
    for (const f of FIELDS) {
      if (inherited(a.type, f)) continue;
      const x = a.childForFieldName(f);
      const y = b.childForFieldName(f);
      same(`field ${f}`, x ? `${x.type}@${x.startIndex}-${x.endIndex}` : null, y ? `${y.type}@${y.startIndex}-${y.endIndex}` : null);
      same(`fields ${f}`, a.childrenForFieldName(f).length, b.childrenForFieldName(f).length);
    }
    const kids = a.children;
    for (let i = 0; i < kids.length; i++) {
      same(`field of child ${i}`, a.fieldNameForChild(i), b.children[i]?.field ?? null);
      const next = a.child(i);
      same(`next sibling of ${i}`, next?.nextSibling ? next.nextSibling.startIndex : null, b.child(i)?.nextSibling?.startIndex ?? null);
      same(`previous sibling of ${i}`, next?.previousSibling ? next.previousSibling.startIndex : null, b.child(i)?.previousSibling?.startIndex ?? null);
      if (kids[i] && b.children[i]) stack.push([kids[i]!, b.children[i]]);
    }
    for (let i = 0; i < a.namedChildCount; i++) same(`named child ${i}`, a.namedChild(i)?.startIndex, b.namedChild(i)?.startIndex);
  }
}

function span(n: { type: string; startIndex: number; endIndex: number } | null): string {
  return n ? `${n.type}@${n.startIndex}-${n.endIndex}` : 'null';
}

/** Lookups that search the tree: descendants of types, and the node at offsets. */
function lookups(tree: Tree, copy: SyntaxTree, text: string, r: () => number, out: string[]): void {
  const a = tree.rootNode.descendantsOfType(TYPES).map(span).join(' ');
  const b = copy.rootNode.descendantsOfType(TYPES).map(span).join(' ');
  if (a !== b) out.push(`descendantsOfType differs:\n  ts ${a.slice(0, 400)}\n  js ${b.slice(0, 400)}`);
  const offsets = [0, text.length, Math.max(0, text.length - 1)];
  for (let i = 0; i < 40; i++) offsets.push(Math.floor(r() * (text.length + 1)));
  for (const o of offsets) {
    const e = Math.min(text.length, o + Math.floor(r() * 12));
    for (const [s, t] of [[o, o], [o, e]]) {
      const x = span(tree.rootNode.descendantForIndex(s, t));
      const y = span(copy.rootNode.descendantForIndex(s, t));
      if (x !== y) out.push(`descendantForIndex(${s}, ${t}): ${x} != ${y}`);
      const xn = span(tree.rootNode.namedDescendantForIndex(s, t));
      const yn = span(copy.rootNode.namedDescendantForIndex(s, t));
      if (xn !== yn) out.push(`namedDescendantForIndex(${s}, ${t}): ${xn} != ${yn}`);
    }
    // Below the top: the same search from a statement.
    const stmt = tree.rootNode.descendantForIndex(o, o);
    let top: TSNode | null = stmt;
    while (top?.parent && top.parent.parent) top = top.parent;
    if (top && top.parent) {
      const mine = copy.rootNode.children[top.parent.children.findIndex((c) => c?.id === top!.id)];
      if (mine) {
        const x = span(top.descendantForIndex(o, e));
        const y = span(mine.descendantForIndex(o, e));
        if (x !== y) out.push(`statement descendantForIndex(${o}, ${e}): ${x} != ${y}`);
        const xs = top.descendantsOfType(TYPES).map(span).join(' ');
        const ys = mine.descendantsOfType(TYPES).map(span).join(' ');
        if (xs !== ys) out.push(`statement descendantsOfType differs at ${o}`);
      }
    }
  }
}

function compareText(name: string, text: string, r: () => number, failures: string[]): void {
  const tree = parsePython(text);
  try {
    const out: string[] = [];
    const copy = syntaxOf(tree, text);
    differences(tree.rootNode, copy.rootNode, out);
    lookups(tree, copy, text, r, out);
    if (out.length && failures.length < 10) failures.push(`${name}:\n  ${out.slice(0, 5).join('\n  ')}`);
  } finally {
    tree.delete();
  }
}

function inputs(): Array<{ name: string; text: string }> {
  const seeds = seedCorpus();
  for (const d of (process.env.SYNTAX_DIRS ?? '').split(':').filter(Boolean)) for (const f of pyFiles(d)) seeds.push({ name: f, text: fs.readFileSync(f, 'utf8') });
  const out = [...seeds];
  for (const s of seeds) for (const f of [0.13, 0.5, 0.87]) out.push({ name: `${s.name} cut at ${f}`, text: s.text.slice(0, Math.floor(s.text.length * f)) });
  const fuzz = Number(process.env.SYNTAX_FUZZ ?? 200);
  for (let i = 0; i < fuzz; i++) {
    const c = makeCase(seeds, 7, i);
    out.push({ name: `fuzz 7/${i} (${c.seed}: ${c.mutations.join(', ')})`, text: c.text });
  }
  out.push(
    { name: 'empty', text: '' },
    { name: 'only newlines', text: '\n\n\n' },
    { name: 'missing close', text: 'def f(:\n  x = (1,\n' },
    { name: 'two on a line', text: 'a = 1; b = 2\nif x: pass\n' },
    { name: 'crlf and cr', text: 'import os\r\ndef f():\r    return os\r\n' },
    { name: 'non-ascii', text: 's = "é😀"\ndef g(ä):\n    return ä  # ü\n' },
    { name: 'bom', text: '\ufeffimport fastmcp\n' },
  );
  return out;
}

test('the copy answers as tree-sitter does, node by node, on fixtures, templates, cut texts and fuzzed texts', async () => {
  await initParser();
  const failures: string[] = [];
  const all = inputs();
  const r = prng(11);
  for (const { name, text } of all) compareText(name, text, r, failures);
  assert.deepEqual(failures, [], failures.join('\n\n'));
  assert.ok(all.length > 300, `only ${all.length} inputs`);
});

test('the public cursor and the direct walk make the same copy', async () => {
  await initParser();
  const failures: string[] = [];
  try {
    syntaxInternals.directWalk = false;
    for (const { name, text } of seedCorpus().slice(0, 40)) compareText(`${name} (public cursor)`, text, prng(3), failures);
  } finally {
    syntaxInternals.directWalk = true;
  }
  assert.deepEqual(failures, [], failures.join('\n\n'));
});

/** Walks two copies side by side: same nodes, same answers. */
function sameCopy(a: SyntaxNode, b: SyntaxNode, out: string[]): void {
  const stack: Array<[SyntaxNode, SyntaxNode]> = [[a, b]];
  while (stack.length && out.length < 5) {
    const [x, y] = stack.pop()!;
    const fx = `${x.type} ${x.startIndex}-${x.endIndex} ${x.field} ${x.isNamed} ${x.isMissing} ${x.hasError} ${x.children.length} ${x.text.length} ${x.parent ? x.parent.startIndex : '-'} ${x.tree.text.length}`;
    const fy = `${y.type} ${y.startIndex}-${y.endIndex} ${y.field} ${y.isNamed} ${y.isMissing} ${y.hasError} ${y.children.length} ${y.text.length} ${y.parent ? y.parent.startIndex : '-'} ${y.tree.text.length}`;
    if (fx !== fy || x.text !== y.text) out.push(`${fx}\n    != ${fy}`);
    for (let i = 0; i < Math.min(x.children.length, y.children.length); i++) {
      if (x.children[i].index !== i || y.children[i].index !== i) out.push(`child ${i} of ${fx} has a wrong index`);
      stack.push([x.children[i], y.children[i]]);
    }
  }
}

test('a copy that reuses unchanged statements equals a fresh copy and tree-sitter, edit after edit', async () => {
  await initParser();
  const parser = newParser();
  const failures: string[] = [];
  const seeds = seedCorpus().filter((s) => s.text.length > 200);
  const r = prng(5);
  const INSERTS = ['x', '\n', ')', '(', '"', '"""', ':', '    ', '\ndef g():\n    pass\n', '#', '\\', '@', 'é', ''];
  let reusedAny = 0;
  for (let k = 0; k < 30 && failures.length < 5; k++) {
    let text = seeds[Math.floor(r() * seeds.length)].text;
    let tree = parser.parse(text)!;
    let copy = syntaxOf(tree, text);
    const byText = k % 3 === 2; // a third of the runs do not tell the edit
    for (let step = 0; step < 25 && failures.length < 5; step++) {
      const start = Math.floor(r() * (text.length + 1));
      const oldEnd = Math.min(text.length, start + (r() < 0.4 ? Math.floor(r() * 6) : 0));
      const insert = INSERTS[Math.floor(r() * INSERTS.length)];
      const next = text.slice(0, start) + insert + text.slice(oldEnd);
      const point = (t: string, o: number) => {
        const before = t.slice(0, o);
        const nl = before.lastIndexOf('\n');
        return { row: before.split('\n').length - 1, column: o - nl - 1 };
      };
      tree.edit({ startIndex: start, oldEndIndex: oldEnd, newEndIndex: start + insert.length, startPosition: point(text, start), oldEndPosition: point(text, oldEnd), newEndPosition: point(next, start + insert.length) });
      const nextTree = parser.parse(next, tree)!;
      tree.delete();
      tree = nextTree;
      const before = new Set(copy.rootNode.children);
      copy = syntaxOf(tree, next, copy, byText ? null : { start, oldEnd, newEnd: start + insert.length });
      reusedAny += copy.rootNode.children.filter((c) => before.has(c)).length;
      text = next;
      const out: string[] = [];
      sameCopy(syntaxOf(tree, text).rootNode, copy.rootNode, out);
      differences(tree.rootNode, copy.rootNode, out);
      if (out.length) failures.push(`run ${k} step ${step} (${byText ? 'by text' : 'by place'}), ${JSON.stringify(insert)} at ${start}-${oldEnd}:\n  ${out.join('\n  ')}`);
    }
    tree.delete();
  }
  parser.delete();
  assert.deepEqual(failures, [], failures.join('\n\n'));
  assert.ok(reusedAny > 1000, `statements were reused only ${reusedAny} times: the test would not see a reuse bug`);
});

const point = (t: string, o: number) => {
  const before = t.slice(0, o);
  return { row: before.split('\n').length - 1, column: o - before.lastIndexOf('\n') - 1 };
};

/**
 * One step of an open document: `edits` (each in the offsets of the text before it) applied to the text and the
 * tree, the tree reparsed. The copy from the edited statement alone, when `reparseStatement` makes one, must equal
 * a fresh copy of the reparsed tree and tree-sitter's answers. Returns the next copy (either way) and text.
 */
function stepBoth(parser: ReturnType<typeof newParser>, state: { tree: Tree; text: string; copy: SyntaxTree }, edits: Array<{ start: number; oldEnd: number; insert: string }>, failures: string[], label: string): boolean {
  let text = state.text;
  let span: EditSpan | null = null;
  for (const e of edits) {
    const next = text.slice(0, e.start) + e.insert + text.slice(e.oldEnd);
    state.tree.edit({ startIndex: e.start, oldEndIndex: e.oldEnd, newEndIndex: e.start + e.insert.length, startPosition: point(text, e.start), oldEndPosition: point(text, e.oldEnd), newEndPosition: point(next, e.start + e.insert.length) });
    span = composeEdits(span, { start: e.start, oldEnd: e.oldEnd, newEnd: e.start + e.insert.length });
    text = next;
  }
  const fast = reparseStatement(state.copy, text, span!);
  const reparsed = parser.parse(text, state.tree)!;
  state.tree.delete();
  state.tree = reparsed;
  state.text = text;
  if (fast) {
    const out: string[] = [];
    sameCopy(syntaxOf(reparsed, text).rootNode, fast.rootNode, out);
    differences(reparsed.rootNode, fast.rootNode, out);
    if (out.length && failures.length < 5) failures.push(`${label}, ${JSON.stringify(edits)}:\n  ${out.join('\n  ')}`);
    state.copy = fast;
  } else state.copy = syntaxOf(reparsed, text, state.copy, span);
  return fast !== null;
}

test('a copy made from a parse of the edited statement alone equals a copy of the reparsed file, edit after edit', async () => {
  await initParser();
  const parser = newParser();
  const failures: string[] = [];
  const seeds = seedCorpus().filter((s) => s.text.length > 200 && !parsePython(s.text).rootNode.hasError);
  const r = prng(11);
  // Mostly edits that keep a statement parsing, some that break it or reach past it, some that join or split lines.
  const INSERTS = ['x', '_1', ' ', '  # note', '\n', '\n    y = 2', '\n    pass\n', ')', '(', '"', ':', '\\', '\n\n', '\r\n', '; z = 3', 'é', ''];
  const word = /[A-Za-z0-9_]/;
  let fast = 0;
  let steps = 0;
  for (let k = 0; k < Number(process.env.RUNS ?? 40) && failures.length < 5; k++) {
    const text = seeds[Math.floor(r() * seeds.length)].text;
    const tree = parser.parse(text)!;
    const state = { tree, text, copy: syntaxOf(tree, text) };
    for (let step = 0; step < 30 && failures.length < 5; step++) {
      // A file that stopped parsing is typed back into shape half the time (as its writer would), else edited further.
      if (state.copy.rootNode.hasError && r() < 0.5) {
        state.tree.delete();
        state.tree = parser.parse(text)!;
        state.text = text;
        state.copy = syntaxOf(state.tree, text);
      }
      const edits: Array<{ start: number; oldEnd: number; insert: string }> = [];
      // Up to three edits before the next lint, as keystrokes typed while a lint waits.
      let t = state.text;
      for (let e = 0, n = 1 + Math.floor(r() * 3); e < n; e++) {
        let start = Math.floor(r() * (t.length + 1));
        let oldEnd = Math.min(t.length, start + (r() < 0.3 ? Math.floor(r() * 4) : 0));
        let insert = INSERTS[Math.floor(r() * INSERTS.length)];
        // Half the edits lengthen or shorten a word, as most keystrokes do.
        if (r() < 0.5) {
          while (start < t.length && !word.test(t[start])) start++;
          oldEnd = start < t.length && r() < 0.5 ? start + 1 : start;
          insert = oldEnd > start ? '' : 'x';
        }
        edits.push({ start, oldEnd, insert });
        t = t.slice(0, start) + insert + t.slice(oldEnd);
      }
      steps++;
      if (stepBoth(parser, state, edits, failures, `run ${k} step ${step}`)) fast++;
    }
    state.tree.delete();
  }
  assert.deepEqual(failures, [], failures.join('\n\n'));
  assert.ok(fast > 60, `only ${fast} of ${steps} steps parsed the edited statement alone: the test would not see its bugs`);
});

test('a statement is parsed alone only where its file would parse it the same way', async () => {
  await initParser();
  const parser = newParser();
  const cases: Array<{ name: string; text: string; from: string; to: string; alone: boolean }> = [
    { name: 'a body line', text: 'import os\n\n\ndef f():\n    return os\n\n\ndef g():\n    pass\n', from: 'return os', to: 'return os.sep', alone: true },
    { name: 'the last statement, no final newline', text: 'import os\nx = os.sep', from: 'os.sep', to: 'os.name', alone: true },
    { name: 'a statement sharing its line', text: 'a = 1; b = 2\nc = 3\n', from: '= 2', to: '= 22', alone: false },
    { name: 'a compound statement after a semicolon', text: 'a = 1; ix = 2\nc = 3\n', from: 'x = 2', to: 'f x: 2', alone: false },
    { name: 'a line continuation into the next statement', text: 'a = 1\nb = 2\n', from: '= 1', to: '= 1 \\', alone: false },
    { name: 'an open bracket', text: 'a = 1\nb = 2\n', from: '= 1', to: '= (1', alone: false },
    { name: 'an open string', text: 'a = 1\nb = 2\n', from: '= 1', to: '= """1', alone: false },
    { name: 'a decorator left without its definition', text: '@d\ndef f():\n    pass\nx = 1\n', from: 'def f():\n    pass\n', to: '', alone: false },
    { name: 'a statement split in two', text: 'a = 1\nb = 2\n', from: '= 1', to: '= 1\nc = 3', alone: false },
    { name: 'a comment at the first column after a body', text: 'def f():\n    x = 1\n# note\ny = 2\n', from: 'x = 1', to: 'x = 12', alone: true },
    { name: 'a comment at the body\'s indent before the next statement', text: 'def f():\n    x = 1\n    # note\n\ny = 2\n', from: 'x = 1', to: 'x = 12', alone: true },
    { name: 'carriage returns', text: 'def f():\r\n    x = 1\r\n\r\ny = 2\r\n', from: 'x = 1', to: 'x = 12', alone: true },
    { name: 'a byte order mark', text: '\ufeffx = 1\ny = 2\n', from: '= 2', to: '= 22', alone: true },
    { name: 'an edit at the statement\'s first character', text: 'a = 1\nb = 2\n', from: 'b', to: 'bb', alone: false },
    { name: 'a line typed into a comment between a definition and its body', text: 'def f():\n# note\n    return 1\n\nx = 2\n', from: 'note', to: 'note\n    y()', alone: true },
    { name: 'an else clause', text: 'if a:\n    pass\nelse:\n    pass\nz = 1\n', from: 'else:\n    pass', to: 'else:\n    pass\n    pass', alone: true },
  ];
  const failures: string[] = [];
  for (const c of cases) {
    const tree = parser.parse(c.text)!;
    const at = c.text.indexOf(c.from);
    assert.ok(at >= 0, c.name);
    const state = { tree, text: c.text, copy: syntaxOf(tree, c.text) };
    const alone = stepBoth(parser, state, [{ start: at, oldEnd: at + c.from.length, insert: c.to }], failures, c.name);
    if (alone !== c.alone) failures.push(`${c.name}: parsed alone ${alone}, expected ${c.alone}`);
    state.tree.delete();
  }
  assert.deepEqual(failures, [], failures.join('\n'));
});
