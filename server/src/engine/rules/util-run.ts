/** Helpers the FMCP1xx rules share: which transport a run call selects, and where statements sit. */
import type { Node } from '../parse';
import type { FileModel, RunCall, RunMethod } from '../model/model';
import { stringValue } from '../model/model';
import type { TargetVersion } from '../version/version';

/** The transport each method uses when none is passed. */
const DEFAULT_TRANSPORT: Partial<Record<RunMethod, string>> = {
  run: 'stdio',
  run_async: 'stdio',
  run_stdio_async: 'stdio',
  run_http_async: 'http',
  http_app: 'http',
  sse_app: 'sse',
  run_sse_async: 'sse',
  streamable_http_app: 'streamable-http',
  run_streamable_http_async: 'streamable-http',
};

export interface TransportChoice {
  /** The transport name, or null when it cannot be known statically. */
  value: string | null;
  /** The argument that names it; null when the default applies. */
  node: Node | null;
}

/** Which transport a run call selects. Only `run`/`run_async` take it positionally. */
export function transportOf(rc: RunCall): TransportChoice {
  const takesTransport = rc.method === 'run' || rc.method === 'run_async' || rc.method === 'run_http_async' || rc.method === 'http_app';
  let node: Node | null = takesTransport ? (rc.args.keywords.get('transport') ?? null) : null;
  if (!node && (rc.method === 'run' || rc.method === 'run_async')) node = rc.args.positional[0] ?? null;
  if (node) {
    // `transport=None` means the default in every version.
    if (node.type === 'none') return { value: DEFAULT_TRANSPORT[rc.method] ?? null, node };
    return { value: stringValue(node), node };
  }
  if (rc.args.hasSplat && takesTransport) return { value: null, node: null };
  return { value: DEFAULT_TRANSPORT[rc.method] ?? null, node: null };
}

/** The transport name to recommend for HTTP on this flavor and version (`http` exists from 2.9). */
export function httpTransportName(flavor: 'fastmcp' | 'sdk', target: TargetVersion): string | null {
  if (flavor === 'sdk') return 'streamable-http';
  if (target.below('2.3.0') === true) return null;
  if (target.below('2.9.0') === true) return 'streamable-http';
  return 'http';
}

/** The statement (child of the module or of a block) that holds `node`. */
export function statementOf(node: Node): Node {
  let n = node;
  while (n.parent && n.parent.type !== 'module' && n.parent.type !== 'block') n = n.parent;
  return n;
}

/** The module-level statement that holds `node`. */
export function topLevelStatementOf(node: Node): Node {
  let n = node;
  while (n.parent && n.parent.type !== 'module') n = n.parent;
  return n;
}

/** Whether a lambda lies between `node` and `container` (the lambda body runs later, elsewhere). */
export function insideLambda(node: Node, container: Node | null): boolean {
  for (let p = node.parent; p && p !== container; p = p.parent) {
    if (container && p.id === container.id) return false;
    if (p.type === 'lambda') return true;
  }
  return false;
}

/** Whether `node` is inside a class body (not inside a method of it). */
export function inClassBody(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_definition') return false;
    if (p.type === 'class_definition') return true;
  }
  return false;
}

/** The unit of indentation the file uses (first indented line), four spaces by default. */
export function indentUnit(text: string): string {
  const m = /\n([ \t]+)\S/.exec(text);
  if (!m) return '    ';
  return m[1].startsWith('\t') ? '\t' : m[1];
}



/** Whether `node` holds a multi-line string (re-indenting it would change the string's value). */
export function hasMultilineString(node: Node): boolean {
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'string' && n.text.includes('\n')) return true;
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return false;
}

/** The name a file binds at module level: assignments, imports, definitions and `global` declarations. */
export function moduleBinds(model: FileModel, name: string): boolean {
  if (model.moduleFunctions.has(name) || model.moduleClasses.has(name)) return true;
  if (importsName(model, name)) return true;
  for (const asg of model.assignments) {
    const left = asg.childForFieldName('left');
    if (!left) continue;
    if (!targetNames(left).includes(name)) continue;
    if (model.enclosingFunction(asg) === null && !inClassBody(asg)) return true;
  }
  return new RegExp(`^[ \\t]*global\\b[^\\n]*\\b${name}\\b`, 'm').test(model.text);
}

function targetNames(left: Node): string[] {
  if (left.type === 'identifier') return [left.text];
  if (left.type === 'pattern_list' || left.type === 'tuple_pattern' || left.type === 'list_pattern')
    return left.namedChildren.flatMap((c) => (c ? targetNames(c) : []));
  return [];
}

/** A `from x import *` at module level: any name may be bound. */
export function hasStarImport(model: FileModel): boolean {
  return model.root.namedChildren.some((s) => s?.type === 'import_from_statement' && s.namedChildren.some((c) => c?.type === 'wildcard_import'));
}

/**
 * The text that replaces a sync `S.run(...)` call by its coroutine form: `S.run_async(...)` in
 * FastMCP; in the MCP SDK (no `run_async`) the transport's own runner, when the arguments map 1:1.
 */
export function asyncRunCallText(rc: RunCall): string | null {
  const fn = rc.call.childForFieldName('function');
  const obj = fn?.childForFieldName('object');
  const args = rc.call.childForFieldName('arguments');
  if (!fn || !obj || !args || rc.args.hasSplat) return null;
  if (rc.server.flavor === 'fastmcp') return `${obj.text}.run_async${args.text}`;
  const t = transportOf(rc);
  const others = [...rc.args.keywords.keys()].filter((k) => k !== 'transport');
  const positional = rc.args.positional.filter((p) => p !== t.node);
  if (positional.length) return null;
  if (t.value === 'stdio' && !others.length) return `${obj.text}.run_stdio_async()`;
  if (t.value === 'streamable-http' && !others.length) return `${obj.text}.run_streamable_http_async()`;
  if (t.value === 'sse' && others.every((k) => k === 'mount_path')) {
    const mp = rc.args.keywords.get('mount_path');
    return `${obj.text}.run_sse_async(${mp ? `mount_path=${mp.text}` : ''})`;
  }
  return null;
}

/** The offset where the line holding `offset` ends (before its line break). */
export function lineEndAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** A module-level import binds `name` (relative imports included, which the model does not record). */
export function importsName(m: FileModel, name: string): boolean {
  if (m.imports.some((b) => !b.local_scope && b.local === name)) return true;
  for (const stmt of m.whole.importStatements) {
    if (stmt.type !== 'import_from_statement' || m.enclosingFunction(stmt)) continue;
    for (const n of stmt.childrenForFieldName('name')) {
      const local = n?.type === 'aliased_import' ? n.childForFieldName('alias')?.text : n?.text;
      if (local === name) return true;
    }
  }
  return false;
}
