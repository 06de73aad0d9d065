/**
 * Python parsing with web-tree-sitter. The wasm runtime, the grammar and one parser load once per process;
 * the language server keeps a tree for a bounded number of recently used documents so edits reparse
 * incrementally, and parses the others again on demand.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Parser, Language, type Tree, type Node as TSNode, type Edit } from 'web-tree-sitter';

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
    return language;
  })();
  return initializing;
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
