/** What FMCP101/FMCP102 ask of an entrypoint file: which servers exist when the file is imported. */
import type { Node } from '../parse';
import { nodesIn, type FileModel, type ServerVar } from '../model/model';
import { fastmcpClassFlavor, isServerFactory, SERVER_CLASSMETHODS } from '../model/names';
import { inClassBody, insideLambda } from './util-run';

/** The names `fastmcp run file.py` (and the SDK's `mcp run`) look for. */
export const DISCOVERED_NAMES = ['mcp', 'server', 'app'];

/** Runs when the module is imported: not in a function, class body, lambda or the `__main__` block. */
export function runsAtImport(m: FileModel, node: Node): boolean {
  return m.enclosingFunction(node) === null && !inClassBody(node) && !insideLambda(node, null) && !m.inMainGuard(node);
}

/** A call that creates a server: `FastMCP(...)`, `FastMCP.from_openapi(...)`, `create_proxy(...)`. */
export function isServerCreation(m: FileModel, call: Node): boolean {
  const fn = call.childForFieldName('function');
  if (!fn) return false;
  const q = m.resolve(fn);
  if (fastmcpClassFlavor(q) || isServerFactory(q)) return true;
  if (fn.type !== 'attribute') return false;
  return SERVER_CLASSMETHODS.has(fn.childForFieldName('attribute')?.text ?? '') && !!fastmcpClassFlavor(m.resolve(fn.childForFieldName('object')));
}

/** Servers bound at module level when the file is imported. */
export function importTimeServers(m: FileModel): ServerVar[] {
  return m.servers.filter((s) => s.scope === null && s.node.type === 'assignment' && !!s.node.childForFieldName('right') && runsAtImport(m, s.node));
}

/** A same-file function that creates a server, directly or through another same-file function. */
export function createsServer(m: FileModel, fn: Node, depth = 0): boolean {
  if (depth > 3) return false;
  // The calls are in document order: those that start inside the function are found by search.
  for (const call of nodesIn(m.calls, fn.startIndex, fn.endIndex)) {
    if (call.endIndex > fn.endIndex) continue;
    if (isServerCreation(m, call)) return true;
    const callee = call.childForFieldName('function');
    if (callee?.type !== 'identifier') continue;
    const target = m.moduleFunctions.get(callee.text);
    if (target && target.id !== fn.id && createsServer(m, target, depth + 1)) return true;
  }
  return false;
}

/** A same-file class that may be a FastMCP subclass. */
function mayBeServerClass(m: FileModel, cls: Node): boolean {
  const bases = cls.childForFieldName('superclasses');
  return !!bases && bases.namedChildren.some((b) => !!b && (!!fastmcpClassFlavor(m.resolve(b)) || /FastMCP|Server|MCP/.test(b.text)));
}

/**
 * Whether the value bound by a module-level `X = f(...)` may be a server: a same-file factory, a
 * FastMCP subclass, or an imported callable that looks like one (or is bound to a discovered name).
 */
export function mayBindServer(m: FileModel, target: string, value: Node | null): boolean {
  if (value?.type === 'await') value = value.namedChild(0);
  if (!value || value.type !== 'call') return false;
  if (DISCOVERED_NAMES.includes(target)) return true;
  const callee = value.childForFieldName('function');
  if (!callee) return true;
  if (callee.type === 'identifier') {
    const fn = m.moduleFunctions.get(callee.text);
    if (fn) return createsServer(m, fn);
    const cls = m.moduleClasses.get(callee.text);
    if (cls) return mayBeServerClass(m, cls);
  }
  const last = callee.type === 'attribute' ? (callee.childForFieldName('attribute')?.text ?? '') : callee.text;
  return /server|mcp|factory|app/i.test(last);
}

