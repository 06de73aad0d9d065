/**
 * Helpers shared by the FMCP5xx and FMCP6xx rules: recognising FastMCP calls, editing argument
 * lists, and telling guarded compatibility imports from plain ones.
 */
import type { Node } from '../parse';
import type { RuleContext } from './api';
import type { TextEdit } from '../types';
import { fastmcpClassFlavor } from '../model/names';

/** The callee's qualified name, through the file's imports. */
export function calleeName(ctx: RuleContext, call: Node): string | null {
  return ctx.model.resolve(call.childForFieldName('function'));
}

/** The last segment of a dotted name. */
export function lastSegment(q: string | null): string {
  return q ? q.slice(q.lastIndexOf('.') + 1) : '';
}

/** `FastMCP(...)` of the standalone package, or one of its classmethods whose `**settings` reach the constructor. */
export function isFastmcpServerConstruction(ctx: RuleContext, call: Node): boolean {
  const fn = call.childForFieldName('function');
  if (!fn) return false;
  if (fastmcpClassFlavor(ctx.model.resolve(fn)) === 'fastmcp') return true;
  if (fn.type !== 'attribute') return false;
  const attr = fn.childForFieldName('attribute')?.text;
  return (attr === 'from_openapi' || attr === 'from_fastapi') && fastmcpClassFlavor(ctx.model.resolve(fn.childForFieldName('object'))) === 'fastmcp';
}

/** The `keyword_argument` node holding a keyword value returned by `callArgs`. */
export function keywordNode(value: Node): Node | null {
  const p = value.parent;
  return p?.type === 'keyword_argument' ? p : null;
}

/** An edit that deletes one argument of a call with its comma, and its line when it stood alone. */
export function removeArgumentEdit(ctx: RuleContext, arg: Node): TextEdit {
  const text = ctx.text;
  const next = arg.nextSibling;
  let start = arg.startIndex;
  let end = arg.endIndex;
  if (next?.type === ',') {
    const after = next.nextSibling;
    end = after && after.type !== ')' && after.type !== 'comment' ? after.startIndex : next.endIndex;
  } else {
    const prev = arg.previousSibling;
    if (prev?.type === ',') start = prev.startIndex;
  }
  const lineStart = text.lastIndexOf('\n', arg.startIndex - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  if (/^[ \t]*$/.test(text.slice(lineStart, arg.startIndex)) && /^[ \t]*,?[ \t]*$/.test(text.slice(end, lineEnd)) && start === arg.startIndex) {
    return ctx.replaceSpan(lineStart, Math.min(lineEnd + 1, text.length), '');
  }
  return ctx.replaceSpan(start, end, '');
}

/** An edit inserting `argText` as the first argument of a call (before any existing one). */
export function insertFirstArgumentEdit(ctx: RuleContext, call: Node, argText: string): TextEdit | null {
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'argument_list') return null;
  const first = args.namedChildren.find((c) => c && c.type !== 'comment');
  if (!first) return ctx.insertAt(args.startIndex + 1, argText);
  return ctx.insertAt(first.startIndex, `${argText}, `);
}

const IMPORT_ERRORS = new Set(['ImportError', 'ModuleNotFoundError', 'Exception', 'BaseException']);

/**
 * Whether `node` sits in a `try:` (body or handler) whose handlers catch import failures:
 * version-compat code that already copes with the name being absent, or the fallback branch of it.
 */
export function inImportGuard(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'class_definition') return false;
    if (p.type !== 'try_statement') continue;
    const handlers = p.namedChildren.filter((h): h is Node => !!h && h.type === 'except_clause');
    const inBody = (() => {
      const body = p.childForFieldName('body');
      return !!body && node.startIndex >= body.startIndex && node.endIndex <= body.endIndex;
    })();
    const inHandler = handlers.some((h) => node.startIndex >= h.startIndex && node.endIndex <= h.endIndex);
    if (!inBody && !inHandler) continue;
    for (const h of handlers) {
      const caught = h.namedChildren.find((c) => c && c.type !== 'block' && c.type !== 'comment');
      if (!caught) return true; // bare except
      const names = caught.text.replace(/\bas\s+\w+$/, '').match(/[A-Za-z_]\w*/g) ?? [];
      if (names.some((n) => IMPORT_ERRORS.has(n))) return true;
    }
  }
  return false;
}

/** Every import statement of the file (including star imports, which the model's bindings omit). */
export function importStatements(ctx: RuleContext): Node[] {
  return ctx.model.importStatements;
}
