/**
 * Python parsing with web-tree-sitter. The wasm runtime, the grammar and one parser load once per process;
 * the language server keeps a tree for a bounded number of recently used documents so edits reparse
 * incrementally, and parses the others again on demand.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Parser, Language, Node as NodeClass, Tree as TreeClass, type Tree, type Node as TSNode, type Edit } from 'web-tree-sitter';

/** `Tree` and `TSNode` are tree-sitter's own; `Node` is the JavaScript copy the rules read (`syntax.ts`). */
export type { Tree, TSNode };
export type { SyntaxNode as Node, SyntaxTree } from './syntax';

let language: Language | undefined;
let initializing: Promise<Language> | undefined;
let sharedParser: Parser | undefined;

function candidates(file: string): string[] {
  const out = [path.join(__dirname, file), path.join(__dirname, '..', file)];
  for (const spec of ['web-tree-sitter/' + file, 'tree-sitter-python/' + file]) {
    try {
      out.push(require.resolve(spec));
    } catch {
      /* not resolvable from here: fine, other candidates remain */
    }
  }
  return out;
}

/** Where a bundled wasm file lives: beside the bundle in dist/, else in node_modules during development. */
export function locateWasm(file: string): string {
  for (const c of candidates(file)) if (fs.existsSync(c)) return c;
  throw new Error(`cannot find ${file} (looked beside the bundle and in node_modules)`);
}

/** The emscripten module options object: the runtime stores its heap views on it. */
let wasmModule: { locateFile: () => string; HEAPU8?: Uint8Array } | undefined;

/**
 * Bytes of wasm linear memory (trees, parsers, cursors). It only ever grows, so a leak of trees shows
 * as growth that does not stop; the protocol load test watches it.
 */
export function wasmHeapBytes(): number {
  return wasmModule?.HEAPU8?.buffer.byteLength ?? 0;
}

/** The emscripten module behind web-tree-sitter, once loaded (`syntax.ts` reads trees through it). */
export function wasmRuntime(): object | undefined {
  return language ? wasmModule : undefined;
}

export function initParser(): Promise<Language> {
  if (language) return Promise.resolve(language);
  initializing ??= (async () => {
    const runtime = locateWasm('tree-sitter.wasm');
    await Parser.init(wasmModule = { locateFile: () => runtime });
    language = await Language.load(fs.readFileSync(locateWasm('tree-sitter-python.wasm')));
    memoizeNodeReads();
    return language;
  })();
  return initializing;
}

/**
 * Every read of a web-tree-sitter node (`type`, `endIndex`, `parent`, `childForFieldName`) crosses into
 * wasm and builds a new JavaScript object; rules ask the same nodes the same questions many times (each
 * rule resolves every call's callee). A tree is never changed under a node a lint holds (the server
 * builds a fresh model after each reparse), so the answers are kept on the node the first time.
 */
const MEMO = Symbol('fastmcp.memo');
/**
 * One JavaScript object per syntax node and tree: tree-sitter gives every node of a tree a distinct id, and
 * web-tree-sitter builds a new object on every read. Handing back the first object seen for an id lets every
 * later read of that node (from a parent, a field, a list of descendants) share its memo.
 */
const CANON = Symbol('fastmcp.canon');
type Canonical = TSNode & { tree: Tree & { [CANON]?: Map<number, TSNode> } };
function canon(n: TSNode | null): TSNode | null {
  if (!n) return n;
  const tree = (n as Canonical).tree;
  const byId = (tree[CANON] ??= new Map());
  const hit = byId.get(n.id);
  if (hit) return hit;
  byId.set(n.id, n);
  return n;
}
/**
 * Lets go of the node objects read from `tree` so far (and everything their memos hold). The server calls
 * this after each lint and hover of a tree it keeps: a kept tree must not keep a whole file's node objects.
 */
export function releaseNodes(tree: Tree): void {
  delete (tree as Canonical['tree'])[CANON];
}
function canonAll<T extends TSNode | null>(list: T[]): T[] {
  for (let i = 0; i < list.length; i++) list[i] = canon(list[i]) as T;
  return list;
}
/** Every field is there from the start, so all memos share one object shape. */
class Memo {
  typeId: number | undefined = undefined;
  endIndex: number | undefined = undefined;
  parent: TSNode | null | undefined = undefined;
  text: string | undefined = undefined;
  fields: Map<string, TSNode | null> | undefined = undefined;
}
let memoized = false;
function memoizeNodeReads(): void {
  if (memoized) return;
  memoized = true;
  const proto = (NodeClass as unknown as { prototype: object }).prototype;
  type Getter = (this: TSNode) => unknown;
  for (const name of ['typeId', 'endIndex', 'parent', 'text'] as const) {
    const get = Object.getOwnPropertyDescriptor(proto, name)?.get as Getter | undefined;
    if (!get) continue;
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: TSNode & { [MEMO]?: Memo }) {
        const m = (this[MEMO] ??= new Memo());
        if (m[name] !== undefined) return m[name];
        const v = get.call(this);
        return ((m as unknown as Record<string, unknown>)[name] = name === 'parent' ? canon(v as TSNode | null) : v);
      },
    });
  }
  // Every other way to reach a node hands back the canonical object.
  for (const name of ['firstChild', 'firstNamedChild', 'lastChild', 'lastNamedChild', 'nextSibling', 'previousSibling', 'nextNamedSibling', 'previousNamedSibling'] as const) {
    const get = Object.getOwnPropertyDescriptor(proto, name)?.get as Getter | undefined;
    if (!get) continue;
    Object.defineProperty(proto, name, { configurable: true, get(this: TSNode) { return canon(get.call(this) as TSNode | null); } });
  }
  const CANONED = Symbol('fastmcp.canoned');
  for (const name of ['children', 'namedChildren'] as const) {
    const get = Object.getOwnPropertyDescriptor(proto, name)?.get as Getter | undefined;
    if (!get) continue;
    // web-tree-sitter keeps these arrays on the node: make their entries canonical once.
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: TSNode) {
        const list = get.call(this) as (TSNode | null)[] & { [CANONED]?: true };
        if (!list[CANONED]) {
          canonAll(list);
          list[CANONED] = true;
        }
        return list;
      },
    });
  }
  type Method = (this: TSNode, ...args: unknown[]) => unknown;
  for (const name of ['child', 'namedChild', 'descendantForIndex', 'namedDescendantForIndex'] as const) {
    const fn = (proto as Record<string, Method>)[name];
    if (typeof fn !== 'function') continue;
    Object.defineProperty(proto, name, { configurable: true, writable: true, value(this: TSNode, ...args: unknown[]) { return canon(fn.apply(this, args) as TSNode | null); } });
  }
  for (const name of ['childrenForFieldName', 'descendantsOfType'] as const) {
    const fn = (proto as Record<string, Method>)[name];
    if (typeof fn !== 'function') continue;
    Object.defineProperty(proto, name, { configurable: true, writable: true, value(this: TSNode, ...args: unknown[]) { return canonAll(fn.apply(this, args) as (TSNode | null)[]); } });
  }
  const treeProto = (TreeClass as unknown as { prototype: object }).prototype;
  const rootGet = Object.getOwnPropertyDescriptor(treeProto, 'rootNode')?.get as ((this: Tree) => TSNode) | undefined;
  if (rootGet) Object.defineProperty(treeProto, 'rootNode', { configurable: true, get(this: Tree) { return canon(rootGet.call(this)); } });
  const del = (treeProto as { delete: (this: Tree) => void }).delete;
  Object.defineProperty(treeProto, 'delete', {
    configurable: true,
    writable: true,
    value(this: Tree) {
      releaseNodes(this);
      del.call(this);
    },
  });
  const byName = (proto as { childForFieldName: (this: TSNode, n: string) => TSNode | null }).childForFieldName;
  Object.defineProperty(proto, 'childForFieldName', {
    configurable: true,
    writable: true,
    value(this: TSNode & { [MEMO]?: Memo }, fieldName: string) {
      const m = (this[MEMO] ??= new Memo());
      const fields = (m.fields ??= new Map());
      let v = fields.get(fieldName);
      if (v === undefined) fields.set(fieldName, (v = canon(byName.call(this, fieldName))));
      return v;
    },
  });
}

export function isParserReady(): boolean {
  return language !== undefined;
}

function requireLanguage(): Language {
  if (!language) throw new Error('initParser() must complete before parsing');
  return language;
}

export function newParser(): Parser {
  const p = new Parser();
  p.setLanguage(requireLanguage());
  return p;
}

/**
 * The process's one parser. Parsing is synchronous, so one-shot parses and the server's incremental
 * reparses of every document share it: a parser keeps wasm buffers sized for the largest file it has seen,
 * and wasm memory never shrinks, so one per document (or a second one) only adds to what is never returned.
 */
export function getSharedParser(): Parser {
  return (sharedParser ??= newParser());
}

/** A one-shot parse with the shared parser; the caller owns the tree and must `delete()` it. */
export function parsePython(text: string): Tree {
  const tree = getSharedParser().parse(text);
  if (!tree) throw new Error('parser returned no tree');
  return tree;
}

/** Converts an LSP-style incremental change into a tree-sitter edit on the given old text. */
export function editFor(
  oldText: string,
  lineStarts: number[],
  range: { start: { line: number; character: number }; end: { line: number; character: number } },
  newText: string,
): Edit {
  const startIndex = offsetAt(lineStarts, oldText.length, range.start);
  const oldEndIndex = offsetAt(lineStarts, oldText.length, range.end);
  const newEndIndex = startIndex + newText.length;
  // tree-sitter counts rows by `\n` only, while LSP lines also end at a lone `\r`: derive its points
  // from the offsets, or an incremental reparse disagrees with a fresh one.
  const startPosition = pointAt(oldText, lineStarts, startIndex);
  const oldEndPosition = pointAt(oldText, lineStarts, oldEndIndex);
  const lastNl = newText.lastIndexOf('\n');
  const newEndPosition =
    lastNl < 0
      ? { row: startPosition.row, column: startPosition.column + newText.length }
      : { row: startPosition.row + countNewlines(newText, 0, newText.length), column: newText.length - lastNl - 1 };
  return { startIndex, oldEndIndex, newEndIndex, startPosition, oldEndPosition, newEndPosition } as Edit;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** tree-sitter's point (row by `\n`, UTF-16 column) for an offset; the LSP position when the text has no `\r`. */
function pointAt(text: string, lineStarts: number[], offset: number): { row: number; column: number } {
  if (text.indexOf('\r') < 0) {
    const p = positionAt(lineStarts, offset);
    return { row: p.line, column: p.character };
  }
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return { row: countNewlines(text, 0, offset), column: offset - lineStart };
}

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

export function offsetAt(lineStarts: number[], length: number, pos: { line: number; character: number }): number {
  if (pos.line < 0) return 0;
  if (pos.line >= lineStarts.length) return length;
  const lineStart = lineStarts[pos.line];
  const next = pos.line + 1 < lineStarts.length ? lineStarts[pos.line + 1] : length;
  return Math.max(lineStart, Math.min(lineStart + pos.character, next));
}

export function positionAt(lineStarts: number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo] };
}
