/**
 * The fuzz harness shared by test/unit/fuzz.test.ts (fixed seed, bounded, in CI) and scripts/fuzz.ts
 * (`npm run fuzz`, any seed and count, writes a minimal reproducer on failure).
 *
 * Inputs are derived from the rule fixtures, the templates and the example: truncated, with bytes and
 * tokens deleted and inserted, brackets and quotes unbalanced, indentation mixed, line endings changed,
 * a BOM, replacement characters and lone surrogates (what non-UTF-8 bytes become in an editor buffer),
 * NUL bytes, very long lines and deep nesting. Every rule, the model, the fixes, hover and the
 * "ignore for this line" action run on each; any violated property is a failure.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  initParser,
  parsePython,
  newParser,
  lintTree,
  buildModel,
  applyFixes,
  applyEdits,
  computeLineStarts,
  editFor,
  hoverAt,
  loadReferences,
  resolveConfig,
  ALL_CODES,
  type Diagnostic,
  type ReferenceIndex,
  type Range,
  type ResolvedConfig,
  type LintOptions,
} from '../../server/src/engine';
import type { Tree } from '../../server/src/engine/parse';
import { DocumentLinter } from '../../server/src/engine/incremental';
import { ignoreForLineEdit } from '../../server/src/engine/noqa-edit';
import { brokenness, fixKeepsParse } from '../../server/src/engine/fix-check';
import { updateLineStarts } from '../../server/src/engine/text-sync';
import { skipReason, treeSkipReason } from '../../server/src/engine/limits';
import { diagnosticsKey, MemoryView, ROOT } from '../helpers';

/** mulberry32: small, fast and the same on every platform. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedCorpus(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  const add = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.py')) out.push({ name: path.relative(ROOT, path.join(dir, f)), text: fs.readFileSync(path.join(dir, f), 'utf8') });
  };
  add(path.join(ROOT, 'test/fixtures/rules'));
  add(path.join(ROOT, 'templates'));
  add(path.join(ROOT, 'examples/weather-server'));
  return out;
}

const TOKENS = [
  '(', ')', '[', ']', '{', '}', '"', "'", '"""', "'''", 'f"', 'rb"', ':', ',', '.', '=', '@', '\\', '#', '*', '**', '->', ':=',
  '\t', '    ', ' \t ', '\n', '\r\n', '\r', '\u000b', '\u000c', '\ufeff', '\u0000', '\ufffd', '\ud800', '\udfff', '\u{1F600}', 'é', '\u2028',
  'def ', 'async def ', 'class ', 'lambda: ', 'await ', 'yield ', 'return ', 'if __name__ == "__main__":\n    mcp.run()\n',
  '@mcp.tool', '@mcp.tool()', '@mcp.resource("x://{id}")', '@mcp.prompt', 'mcp = FastMCP("x")', 'FastMCP(', 'from fastmcp import FastMCP\n',
  'import fastmcp\n', 'from mcp.server.fastmcp import FastMCP\n', 'Context', 'ctx: Context', 'mcp.run(transport="', '# noqa: FMCP', '# noqa: FMCP103, FMCP2',
  '# fastmcp-lint: ignore-file', 'Annotated[', 'Field(', 'None', '...', 'global x', 'del ', 'with ', 'try:\n', 'except:\n', 'match x:\n  case ', '{id}', '://',
];

type Mutator = (text: string, r: () => number) => string;
const pick = <T,>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const at = (r: () => number, n: number) => Math.floor(r() * (n + 1));

const MUTATORS: Array<[string, Mutator]> = [
  ['truncate-line', (t, r) => {
    const starts = computeLineStarts(t);
    return t.slice(0, starts[at(r, starts.length - 1)] ?? t.length);
  }],
  ['truncate-char', (t, r) => t.slice(0, at(r, t.length))],
  ['delete-char', (t, r) => {
    const i = at(r, t.length - 1);
    return t.slice(0, i) + t.slice(i + 1);
  }],
  ['delete-span', (t, r) => {
    const i = at(r, t.length);
    return t.slice(0, i) + t.slice(Math.min(t.length, i + 1 + Math.floor(r() * 40)));
  }],
  ['delete-line', (t, r) => {
    const lines = t.split('\n');
    lines.splice(Math.floor(r() * lines.length), 1);
    return lines.join('\n');
  }],
  ['insert-token', (t, r) => {
    const i = at(r, t.length);
    return t.slice(0, i) + pick(r, TOKENS) + t.slice(i);
  }],
  ['insert-tokens', (t, r) => {
    let out = t;
    for (let k = 0; k < 1 + Math.floor(r() * 6); k++) {
      const i = at(r, out.length);
      out = out.slice(0, i) + pick(r, TOKENS) + out.slice(i);
    }
    return out;
  }],
  ['duplicate-span', (t, r) => {
    const i = at(r, t.length);
    const j = Math.min(t.length, i + Math.floor(r() * 200));
    return t.slice(0, j) + t.slice(i, j) + t.slice(j);
  }],
  ['swap-lines', (t, r) => {
    const lines = t.split('\n');
    const a = Math.floor(r() * lines.length);
    const b = Math.floor(r() * lines.length);
    [lines[a], lines[b]] = [lines[b], lines[a]];
    return lines.join('\n');
  }],
  ['unbalance', (t, r) => {
    const opens = [...t.matchAll(/[()[\]{}"']/g)];
    if (!opens.length) return t + '(';
    const m = pick(r, opens);
    return t.slice(0, m.index) + t.slice(m.index! + 1);
  }],
  ['tabs', (t, r) => t.replace(/^( {4})+/gm, (m) => (r() < 0.5 ? m.replace(/ {4}/g, '\t') : m.replace(/ {4}/, '\t'))) ],
  ['dedent', (t, r) => t.replace(/^ {1,4}/gm, () => (r() < 0.2 ? '' : '    '))],
  ['crlf', (t) => t.replace(/\r?\n/g, '\r\n')],
  ['lone-cr', (t) => t.replace(/\r?\n/g, '\r')],
  ['mixed-eol', (t, r) => t.replace(/\n/g, () => pick(r, ['\n', '\r\n', '\r']))],
  ['bom', (t) => '\ufeff' + t],
  ['non-utf8', (t, r) => {
    // An editor shows undecodable bytes as U+FFFD; a lone surrogate is the other thing a JS string can hold.
    let out = t;
    for (let k = 0; k < 1 + Math.floor(r() * 4); k++) {
      const i = at(r, out.length);
      out = out.slice(0, i) + pick(r, ['\ufffd', '\ud83d', '\ude00', '\u00ff\u00fe']) + out.slice(i);
    }
    return out;
  }],
  ['nul', (t, r) => {
    const i = at(r, t.length);
    return t.slice(0, i) + '\u0000' + t.slice(i);
  }],
  ['long-line', (t, r) => {
    const starts = computeLineStarts(t);
    const i = starts[Math.floor(r() * starts.length)];
    const unit = pick(r, ['x', 'a + ', '"s" ', '# ', 'f(', '[1, ', '\\\n']);
    return t.slice(0, i) + unit.repeat(Math.floor((2000 + r() * 8000) / unit.length)) + t.slice(i);
  }],
  ['deep-nesting', (t, r) => {
    const depth = 50 + Math.floor(r() * 400);
    const kind = Math.floor(r() * 4);
    const i = at(r, t.length);
    const deep =
      kind === 0 ? 'x = ' + '('.repeat(depth) + '1' + ')'.repeat(depth) + '\n'
      : kind === 1 ? 'x = ' + '['.repeat(depth) + '\n'
      : kind === 2 ? Array.from({ length: Math.min(depth, 100) }, (_, k) => ' '.repeat(k) + 'def f():').join('\n') + '\n'
      : 'x = ' + 'f('.repeat(depth) + '\n';
    return t.slice(0, i) + deep + t.slice(i);
  }],
  ['splice-other', (t, r) => t], // replaced in mutate(): needs the corpus
];

export interface Case {
  seed: string;
  mutations: string[];
  text: string;
  target: string;
  path: string;
}

const TARGETS = ['', '2.10', '2.13', '2.14', '3.0'];
const PATHS = ['/project/server.py', '/project/tests/test_server.py', '/project/pkg/__main__.py'];

/** The i-th case for a seed: deterministic, so a failure is reproducible from (seed, i). */
export function makeCase(corpus: Array<{ name: string; text: string }>, seed: number, i: number): Case {
  const r = prng((seed * 2654435761 + i * 40503) >>> 0);
  const base = pick(r, corpus);
  let text = base.text;
  const mutations: string[] = [];
  const n = 1 + Math.floor(r() * 4);
  for (let k = 0; k < n; k++) {
    const [name, fn] = pick(r, MUTATORS);
    if (name === 'splice-other') {
      const other = pick(r, corpus).text;
      const a = at(r, other.length);
      const i2 = at(r, text.length);
      text = text.slice(0, i2) + other.slice(a, a + Math.floor(r() * 400)) + text.slice(i2);
    } else text = fn(text, r);
    mutations.push(name);
  }
  return { seed: base.name, mutations, text, target: pick(r, TARGETS), path: pick(r, PATHS) };
}

export class FuzzFailure extends Error {
  constructor(
    message: string,
    readonly property: string,
  ) {
    super(message);
  }
}

let references: ReferenceIndex | undefined;
let incrementalParser: ReturnType<typeof newParser> | undefined;
const configs = new Map<string, ResolvedConfig>();

export async function setup(): Promise<void> {
  // Rule exceptions are swallowed in production so one bug cannot stop the others; here they must surface.
  process.env.FASTMCP_LINT_DEBUG = '1';
  await initParser();
  references ??= loadReferences(path.join(ROOT, 'docs/references'));
  incrementalParser ??= newParser();
}

function configFor(c: Case): ResolvedConfig {
  const key = `${c.path}|${c.target}`;
  let cfg = configs.get(key);
  if (!cfg) {
    const view = new MemoryView();
    cfg = resolveConfig(c.path, { view, codes: ALL_CODES, editor: c.target ? { targetVersion: c.target } : {} });
    configs.set(key, cfg);
  }
  return cfg;
}

function checkRange(what: string, range: Range, lineStarts: number[], text: string) {
  const inside = (p: { line: number; character: number }) => {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0 || p.line >= lineStarts.length) return false;
    const next = p.line + 1 < lineStarts.length ? lineStarts[p.line + 1] : text.length;
    let eol = next;
    if (text.charCodeAt(eol - 1) === 10) eol--;
    if (text.charCodeAt(eol - 1) === 13) eol--;
    return lineStarts[p.line] + p.character <= eol;
  };
  if (!inside(range.start) || !inside(range.end)) throw new FuzzFailure(`${what}: range ${JSON.stringify(range)} lies outside the document (${lineStarts.length} lines)`, 'range');
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) throw new FuzzFailure(`${what}: range ${JSON.stringify(range)} ends before it starts`, 'range');
}

export interface RunStats {
  diagnostics: number;
  fixes: number;
  hovers: number;
  skipped: boolean;
}

/** Runs every property on one input; throws FuzzFailure (or the engine's own exception) on a violation. */
export function runCase(c: Case, r: () => number = prng(c.text.length)): RunStats {
  const stats: RunStats = { diagnostics: 0, fixes: 0, hovers: 0, skipped: false };
  const { text } = c;
  const config = configFor(c);
  const lineStarts = computeLineStarts(text);
  // What the server and the CLI skip (binary, too large, pathological for the parser) is never parsed.
  stats.skipped = skipReason(text) !== null;
  if (stats.skipped) return stats;
  const tree = parsePython(text);
  try {
    const before = brokenness(tree);
    const result = guard('lint', () => lintTree(tree, text, { path: c.path, config }, lineStarts));
    stats.diagnostics = result.diagnostics.length;
    for (const d of result.diagnostics) {
      checkRange(`${d.code} diagnostic`, d.range, lineStarts, text);
      if (typeof d.message !== 'string' || !d.message) throw new FuzzFailure(`${d.code}: empty message`, 'message');
      for (const f of d.fixes) {
        stats.fixes++;
        for (const e of f.edits) checkRange(`${d.code} fix "${f.title}" edit`, e.range, lineStarts, text);
        checkFix(`${d.code} fix "${f.title}"`, text, before, [f]);
      }
      if (d.code !== 'FMCP000') {
        const edit = ignoreForLineEdit(text, lineStarts, d.range.start.line, d.code);
        checkRange(`${d.code} ignore-for-line edit`, edit.range, lineStarts, text);
        checkFix(`${d.code} ignore-for-line`, text, before, [{ title: 'ignore', safety: 'safe', edits: [edit] }]);
      }
    }
    // Fix all: every first safe fix together, as `--fix` and source.fixAll do in one pass.
    const safe = result.diagnostics.flatMap((d) => d.fixes.filter((f) => f.safety === 'safe').slice(0, 1));
    if (safe.length > 1) checkFix('fix all', text, before, safe);

    // Too deep to lint: the server neither lints nor hovers such a file, and says so.
    if (result.skipped) {
      if (!treeSkipReason(tree)) throw new FuzzFailure(`lint skipped without a reason: ${result.skipped}`, 'skip');
      checkIncremental(text, tree, r, { path: c.path, config });
      return stats;
    }
    // Hover: on every diagnostic and at random offsets.
    const model = guard('model', () => buildModel(tree, text));
    const offsets = new Set<number>(result.diagnostics.slice(0, 20).map((d) => lineStarts[d.range.start.line] + d.range.start.character));
    for (let k = 0; k < 8; k++) offsets.add(Math.floor(r() * (text.length + 1)));
    for (const off of offsets) {
      const h = guard('hover', () => hoverAt(model, off, { target: config.target, references: references! }));
      if (h) {
        stats.hovers++;
        if (typeof h.markdown !== 'string' || h.start < 0 || h.end > text.length || h.start > h.end) throw new FuzzFailure(`hover at ${off}: bad result ${JSON.stringify({ start: h.start, end: h.end })}`, 'hover');
      }
    }
    checkIncremental(text, tree, r, { path: c.path, config });
  } finally {
    tree.delete();
  }
  return stats;
}

function guard<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof FuzzFailure) throw e;
    const err = e instanceof Error ? e : new Error(String(e));
    throw new FuzzFailure(`${what} threw: ${err.stack ?? err.message}`, `${what}-exception`);
  }
}

/**
 * On a file that parses, every fix must leave a file that parses. On a broken file a rule's edit may
 * land inside a construct the parser misread; the server offers only fixes that pass fixKeepsParse, so
 * what must hold there is that the check itself agrees with a fresh parse.
 */
function checkFix(what: string, text: string, before: number, fixes: Parameters<typeof applyFixes>[1]) {
  const next = guard(what, () => applyFixes(text, fixes).text);
  const tree = parsePython(next);
  try {
    const after = brokenness(tree);
    if (before === 0 && after > 0) throw new FuzzFailure(`${what}: turns a file that parses into one that does not (${after} error nodes)`, 'fix-parse');
    if (fixKeepsParse(text, before, fixes) !== (after <= before)) throw new FuzzFailure(`${what}: fixKeepsParse disagrees with a fresh parse`, 'fix-check');
  } finally {
    tree.delete();
  }
}

/**
 * The server edits its tree and reparses incrementally, or parses only the edited statement; the reparse must
 * equal a fresh parse, the incrementally maintained line index must equal a fresh scan, and the incremental
 * lint (either way) must equal a full lint of the same text.
 */
function checkIncremental(text: string, tree: Tree, r: () => number, opts: LintOptions) {
  let cur = text;
  let starts = computeLineStarts(cur);
  let t = tree.copy();
  const linter = new DocumentLinter();
  guard('lint', () => linter.lint(t, cur, opts, starts));
  try {
    for (let k = 0; k < 3; k++) {
      const a = Math.floor(r() * (cur.length + 1));
      const b = Math.min(cur.length, a + Math.floor(r() * 12));
      const ins = r() < 0.5 ? '' : pick(r, TOKENS);
      // A range from offsets, as an editor would send it.
      const pos = (o: number) => {
        let line = 0;
        while (line + 1 < starts.length && starts[line + 1] <= o) line++;
        return { line, character: o - starts[line] };
      };
      const range = { start: pos(a), end: pos(b) };
      const edit = editFor(cur, starts, range, ins);
      const next = applyEdits(cur, [{ range, newText: ins }]);
      const nextStarts = updateLineStarts(starts, next, edit.startIndex, edit.oldEndIndex, ins.length);
      const fresh = computeLineStarts(next);
      if (nextStarts.join(',') !== fresh.join(',')) throw new FuzzFailure(`updateLineStarts after replacing [${a}, ${b}) with ${JSON.stringify(ins)} differs from a fresh scan`, 'line-index');
      t.edit(edit);
      linter.noteEdit({ start: edit.startIndex, oldEnd: edit.oldEndIndex, newEnd: edit.newEndIndex });
      const reparsed = incrementalParser!.parse(next, t)!;
      t.delete();
      t = reparsed;
      // Every other edit is linted as the server does when it can: from a parse of the edited statement alone.
      const inc = guard('lint', () => (k % 2 === 1 ? linter.lintEdited(next, opts, nextStarts) : null) ?? linter.lint(t, next, opts, nextStarts));
      const whole = guard('lint', () => lintTree(t, next, opts, nextStarts));
      if (diagnosticsKey(inc.diagnostics) !== diagnosticsKey(whole.diagnostics) || inc.skipped !== whole.skipped) {
        const only = (x: Diagnostic[], y: Diagnostic[]) => x.filter((d) => !y.some((e) => diagnosticsKey([e]) === diagnosticsKey([d]))).map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`);
        throw new FuzzFailure(`incremental lint after replacing [${a}, ${b}) with ${JSON.stringify(ins)} differs from a full lint (${inc.mode}): only incremental ${only(inc.diagnostics, whole.diagnostics).join(' ') || '-'}, only full ${only(whole.diagnostics, inc.diagnostics).join(' ') || '-'}`, 'incremental-lint');
      }
      const full = parsePython(next);
      try {
        // toString recurses inside wasm: compare deep trees by shape only.
        const shape = (x: Tree) => (treeSkipReason(x) ? `${x.rootNode.descendantCount} ${x.rootNode.hasError} ${x.rootNode.endIndex}` : x.rootNode.toString());
        // Error recovery may legitimately differ between an incremental and a fresh parse; a tree without errors may not.
        if (!full.rootNode.hasError && shape(full) !== shape(t)) throw new FuzzFailure(`incremental reparse after replacing [${a}, ${b}) with ${JSON.stringify(ins)} differs from a fresh parse`, 'incremental-parse');
      } finally {
        full.delete();
      }
      cur = next;
      starts = nextStarts;
    }
  } finally {
    t.delete();
  }
}

/** Shrinks a failing input while the same property still fails: whole lines first, then characters. */
export function minimize(c: Case, property: string, budgetMs = 60_000): Case {
  const deadline = Date.now() + budgetMs;
  const fails = (text: string) => {
    try {
      runCase({ ...c, text });
      return false;
    } catch (e) {
      return (e instanceof FuzzFailure ? e.property : 'exception') === property;
    }
  };
  let text = c.text;
  for (const unit of ['line', 'char'] as const) {
    let chunk = Math.max(1, Math.floor((unit === 'line' ? text.split('\n').length : text.length) / 2));
    while (chunk >= 1 && Date.now() < deadline) {
      let progress = false;
      const parts = unit === 'line' ? text.split('\n') : [...text];
      for (let i = 0; i < parts.length && Date.now() < deadline; ) {
        const candidate = [...parts.slice(0, i), ...parts.slice(i + chunk)].join(unit === 'line' ? '\n' : '');
        if (candidate !== text && fails(candidate)) {
          text = candidate;
          parts.splice(i, chunk);
          progress = true;
        } else i += chunk;
      }
      if (!progress) chunk = Math.floor(chunk / 2);
    }
  }
  return { ...c, text };
}

export function describeDiagnostics(ds: Diagnostic[]): string {
  return ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).join(' ');
}
