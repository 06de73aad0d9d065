/**
 * Shared reading for the lifespan and ASGI rules (FMCP401–405): what a name is bound to in its
 * scope, which calls build a FastAPI/Starlette app or a FastMCP http app, where an http app is
 * mounted, and which functions of the file serve as lifespans.
 */
import type { Node } from '../parse';
import type { FileModel, ServerVar } from '../model/model';
import { callsWhere, enclosingFunction, functionsWhere, gatherKept, oncePerModel, stringValue } from '../model/model';
import { fastmcpClassFlavor } from '../model/names';
import { ownNodesOfType } from './util-components';

const ASGI_APP_CLASSES = new Set(['fastapi.FastAPI', 'fastapi.applications.FastAPI', 'starlette.applications.Starlette']);
const MOUNT_CLASSES = new Set(['starlette.routing.Mount', 'fastapi.routing.Mount']);
const ASYNC_CM_DECORATORS = new Set(['contextlib.asynccontextmanager']);
const V3_LIFESPAN_DECORATORS = new Set(['fastmcp.server.lifespan.lifespan', 'fastmcp.server.lifespan']);
const COMBINE_LIFESPANS = new Set(['fastmcp.utilities.lifespan.combine_lifespans']);

/** Assignments `name = value` that bind `name` in exactly the scope `scope` (null = module). */
function bindingsIn(model: FileModel, name: string, scope: Node | null): Node[] {
  return (assignmentIndex(model).get(name) ?? []).filter((b) => b.scope === (scope?.id ?? null)).map((b) => b.asg);
}

/** The model's assignments to the plain name `name`, in document order, each with the id of its enclosing function (null: module level). */
export function assignmentsTo(model: FileModel, name: string): ReadonlyArray<{ asg: Node; scope: number | null }> {
  return assignmentIndex(model).get(name) ?? [];
}

/** Plain-name assignments of the file by name, with their scope: built once per model, read by every rule. */
const ASSIGNMENTS = new WeakMap<FileModel, Map<string, Array<{ asg: Node; scope: number | null }>>>();
function assignmentIndex(model: FileModel): Map<string, Array<{ asg: Node; scope: number | null }>> {
  return oncePerModel(ASSIGNMENTS, model, () => indexAssignments(model));
}

function indexAssignments(model: FileModel): Map<string, Array<{ asg: Node; scope: number | null }>> {
  const index = new Map<string, Array<{ asg: Node; scope: number | null }>>();
  // A whole model gathers each top-level statement's entries, kept on the statement (they depend on its
  // subtree alone); an incremental lint's view has only its statement's assignments.
  const entries = model === model.whole ? gatherKept(model, ASSIGNMENT_ENTRIES, model.statements, null, (_, own) => assignmentEntries(own), model.assignments) : assignmentEntries(model.assignments);
  for (const e of entries) {
    const list = index.get(e.name);
    if (list) list.push(e);
    else index.set(e.name, [e]);
  }
  return index;
}

const ASSIGNMENT_ENTRIES = {};
function assignmentEntries(assignments: Node[]): Array<{ name: string; asg: Node; scope: number | null }> {
  const out: Array<{ name: string; asg: Node; scope: number | null }> = [];
  for (const asg of assignments) {
    const left = asg.childForFieldName('left');
    if (left?.type === 'identifier') out.push({ name: left.text, asg, scope: enclosingFunction(asg)?.id ?? null });
  }
  return out;
}

function isParamOf(func: Node, name: string): boolean {
  const params = func.childForFieldName('parameters');
  for (const p of params?.namedChildren ?? []) {
    if (!p) continue;
    const n = p.type === 'identifier' ? p : p.type === 'typed_parameter' ? p.namedChild(0) : p.childForFieldName('name');
    if (n?.text === name) return true;
  }
  return false;
}

/**
 * The value an identifier is bound to, when one plain assignment in its scope (or an enclosing
 * one) binds it. Null when the name is a parameter, assigned more than once, or not assigned.
 */
export function bindingOf(model: FileModel, ident: Node | null): { value: Node; assignment: Node } | null {
  if (!ident || ident.type !== 'identifier') return null;
  const name = ident.text;
  let scope = enclosingFunction(ident);
  for (;;) {
    if (scope && isParamOf(scope, name)) return null;
    const found = bindingsIn(model, name, scope);
    if (found.length > 1) return null;
    if (found.length === 1) {
      const value = found[0].childForFieldName('right');
      return value ? { value, assignment: found[0] } : null;
    }
    if (!scope) return null;
    scope = enclosingFunction(scope);
  }
}

/** The node itself when it is a call, or the call an identifier is bound to. */
export function callOrBoundCall(model: FileModel, node: Node | null): { call: Node; name: string | null; assignment: Node | null } | null {
  if (!node) return null;
  if (node.type === 'call') return { call: node, name: null, assignment: null };
  const b = bindingOf(model, node);
  if (b && b.value.type === 'call') return { call: b.value, name: node.text, assignment: b.assignment };
  return null;
}

export function isAsgiAppCall(model: FileModel, call: Node): boolean {
  return ASGI_APP_CLASSES.has(model.resolve(call.childForFieldName('function')) ?? '');
}

const ASGI_APP_CALLS = {};
/** The file's calls of an ASGI app class (`FastAPI(...)`, `Starlette(...)`), in document order. */
export function asgiAppCalls(model: FileModel): Node[] {
  return callsWhere(model, ASGI_APP_CALLS, (c) => isAsgiAppCall(model, c));
}

export function isMountClassCall(model: FileModel, call: Node): boolean {
  return MOUNT_CLASSES.has(model.resolve(call.childForFieldName('function')) ?? '');
}

export function isFastMCPConstructor(model: FileModel, call: Node): boolean {
  return fastmcpClassFlavor(model.resolve(call.childForFieldName('function'))) !== null;
}

export function isCombineLifespans(model: FileModel, call: Node): boolean {
  return COMBINE_LIFESPANS.has(model.resolve(call.childForFieldName('function')) ?? '');
}

export interface HttpApp {
  call: Node;
  server: ServerVar;
  /** The variable holding the app, when it is one. */
  name: string | null;
  assignment: Node | null;
  /** The endpoint path inside the app: the `path=` literal, `/mcp` by default, null when not a literal. */
  path: string | null;
  pathArg: Node | null;
}

/** An `S.http_app(...)` call for a Streamable HTTP app (given directly or through a variable). */
export function httpAppOf(model: FileModel, node: Node | null): HttpApp | null {
  const c = callOrBoundCall(model, node);
  if (!c) return null;
  const fn = c.call.childForFieldName('function');
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'http_app') return null;
  const server = model.serverOf(fn.childForFieldName('object'));
  if (!server || server.flavor !== 'fastmcp') return null;
  const args = model.callArgs(c.call);
  if (args.hasSplat) return null;
  const transport = args.keywords.get('transport') ?? args.positional[1];
  if (transport) {
    const t = stringValue(transport);
    if (t !== 'http' && t !== 'streamable-http') return null;
  }
  const pathArg = args.keywords.get('path') ?? args.positional[0] ?? null;
  const path = pathArg ? stringValue(pathArg) : '/mcp';
  return { call: c.call, server, name: c.name, assignment: c.assignment, path, pathArg };
}

export interface MountSite {
  /** The `app.mount(...)` or `Mount(...)` call. */
  call: Node;
  pathArg: Node | null;
  appArg: Node;
  /** The FastAPI/Starlette constructor the app is mounted into, when known. */
  parent: Node | null;
  /** The name of the parent app variable, when there is one. */
  parentName: string | null;
}

const mountSitesOf = new WeakMap<FileModel, MountSite[]>();
const MOUNT_CALLS = {};

/** `x.mount(...)`. */
function isMountCall(call: Node): boolean {
  const fn = call.childForFieldName('function');
  return fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'mount';
}

/** Every place the file mounts something into an ASGI app: `app.mount(path, x)` and `Mount(path, app=x)` (worked out once per model). */
export function mountSites(model: FileModel): MountSite[] {
  return oncePerModel(mountSitesOf, model, () => findMountSites(model));
}

function findMountSites(model: FileModel): MountSite[] {
  const out: MountSite[] = [];
  // Both spell the word: `.mount(` and the `Mount` class (however it is imported).
  if (!/mount/i.test(model.text)) return out;
  for (const call of callsWhere(model, MOUNT_CALLS, (c) => isMountCall(c) || isMountClassCall(model, c))) {
    const fn = call.childForFieldName('function');
    if (!fn) continue;
    if (isMountCall(call)) {
      const recv = fn.childForFieldName('object');
      if (!recv || model.serverOf(recv)) continue;
      const args = model.callArgs(call);
      if (args.hasSplat) continue;
      const appArg = args.keywords.get('app') ?? args.positional[1];
      if (!appArg) continue;
      const parentCall = recv.type === 'identifier' ? callOrBoundCall(model, recv) : null;
      const parent = parentCall && isAsgiAppCall(model, parentCall.call) ? parentCall.call : null;
      out.push({ call, pathArg: args.keywords.get('path') ?? args.positional[0] ?? null, appArg, parent, parentName: parent ? recv.text : null });
    } else if (isMountClassCall(model, call)) {
      const args = model.callArgs(call);
      if (args.hasSplat) continue;
      const appArg = args.keywords.get('app') ?? args.positional[1];
      if (!appArg) continue;
      const parent = routesOwner(model, call);
      out.push({ call, pathArg: args.keywords.get('path') ?? args.positional[0] ?? null, appArg, parent: parent?.call ?? null, parentName: parent?.name ?? null });
    }
  }
  return out;
}

/** The FastAPI/Starlette call whose `routes=` list holds this `Mount(...)`, directly or through a list variable. */
function routesOwner(model: FileModel, mount: Node): { call: Node; name: string | null } | null {
  const list = mount.parent;
  if (list?.type !== 'list') return null;
  const holder = list.parent;
  let ctor: Node | null = null;
  if (holder?.type === 'keyword_argument' && holder.childForFieldName('name')?.text === 'routes') {
    ctor = holder.parent?.parent ?? null;
  } else if (holder?.type === 'assignment' && holder.childForFieldName('left')?.type === 'identifier') {
    const listName = holder.childForFieldName('left')!.text;
    const scope = enclosingFunction(holder);
    const users: Node[] = [];
    for (const call of asgiAppCalls(model)) {
      const routes = model.callArgs(call).keywords.get('routes');
      if (routes?.type === 'identifier' && routes.text === listName && (enclosingFunction(call)?.id ?? null) === (scope?.id ?? null)) users.push(call);
    }
    if (users.length === 1) ctor = users[0];
  }
  if (!ctor || ctor.type !== 'call' || !isAsgiAppCall(model, ctor)) return null;
  const asg = ctor.parent;
  const name = asg?.type === 'assignment' && asg.childForFieldName('left')?.type === 'identifier' ? asg.childForFieldName('left')!.text : null;
  return { call: ctor, name };
}

/** Resolved decorator names of a function definition (unresolvable ones as their text). */
export function decoratorNames(model: FileModel, func: Node): string[] {
  const dd = func.parent?.type === 'decorated_definition' ? func.parent : null;
  if (!dd) return [];
  const out: string[] = [];
  for (const d of dd.namedChildren) {
    if (!d || d.type !== 'decorator') continue;
    const expr = d.namedChild(0);
    if (!expr) continue;
    const target = expr.type === 'call' ? expr.childForFieldName('function') : expr;
    out.push(model.resolve(target) ?? target?.text ?? '');
  }
  return out;
}

export function isAsyncCmDecorator(name: string): boolean {
  return ASYNC_CM_DECORATORS.has(name);
}
export function isV3LifespanDecorator(name: string): boolean {
  return V3_LIFESPAN_DECORATORS.has(name);
}

/** The function definition an identifier names: a function of the same scope, else of the module. */
export function localFunction(model: FileModel, ident: Node | null): Node | null {
  if (!ident || ident.type !== 'identifier') return null;
  const name = ident.text;
  for (let scope = enclosingFunction(ident); scope; scope = enclosingFunction(scope)) {
    if (isParamOf(scope, name)) return null;
    const body = scope.childForFieldName('body');
    let found: Node | null = null;
    for (const stmt of body?.namedChildren ?? []) {
      const def = stmt?.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
      if (def?.type === 'function_definition' && def.childForFieldName('name')?.text === name) found = def;
    }
    if (found) return found;
    if (bindingsIn(model, name, scope).length) return null;
  }
  if (bindingsIn(model, name, null).length) return null;
  return model.moduleFunctions.get(name) ?? null;
}

/** `yield` nodes that belong to this function (not to nested functions, lambdas or classes). */
export function ownYields(func: Node): Node[] {
  return ownNodesOfType(func, 'yield');
}

const keywordArgumentsOf = new WeakMap<FileModel, Map<string, Array<{ call: Node; value: Node }>>>();

/**
 * The `keyword=` arguments of every call in the file, found where the text spells the word rather than by
 * reading the arguments of every call, in the order of the calls (as `model.calls`). As for a call's
 * keywords, the last `keyword=` of a call is the one it takes. Worked out once per file and keyword.
 */
export function keywordArguments(model: FileModel, keyword: string): Array<{ call: Node; value: Node }> {
  const whole = model.whole;
  const perModel = oncePerModel(keywordArgumentsOf, whole, () => new Map<string, Array<{ call: Node; value: Node }>>());
  const hit = perModel.get(keyword);
  if (hit) return hit;
  // Found statement by statement, and kept on each: a statement an edit left alone is not searched again.
  const out = gatherKept(whole, keywordKey(keyword), whole.root.children, null, (s) => statementKeywordArguments(s, keyword));
  perModel.set(keyword, out);
  return out;
}

const keywordKeys = new Map<string, object>();
function keywordKey(keyword: string): object {
  let k = keywordKeys.get(keyword);
  if (!k) keywordKeys.set(keyword, (k = {}));
  return k;
}

function statementKeywordArguments(stmt: Node, keyword: string): Array<{ call: Node; value: Node }> {
  const text = stmt.text;
  if (!text.includes(keyword)) return [];
  const base = stmt.startIndex;
  const byCall = new Map<Node, Node>();
  for (const m of text.matchAll(new RegExp(`\\b${keyword}\\b`, 'g'))) {
    const name = stmt.descendantForIndex(base + m.index, base + m.index + keyword.length);
    if (name?.type !== 'identifier' || name.text !== keyword) continue;
    const kw = name.parent;
    if (kw?.type !== 'keyword_argument' || kw.childForFieldName('name')?.id !== name.id) continue;
    const call = kw.parent?.type === 'argument_list' ? kw.parent.parent : null;
    const value = kw.childForFieldName('value');
    if (call?.type === 'call' && value) byCall.set(call, value);
  }
  // Document order of the calls: an enclosing call before the calls in its arguments.
  return [...byCall].map(([call, value]) => ({ call, value })).sort((a, b) => a.call.startIndex - b.call.startIndex || b.call.endIndex - a.call.endIndex);
}

/** The values of `lifespan=` arguments (`keywordArguments`). */
export function lifespanArguments(model: FileModel): Node[] {
  return keywordArguments(model, 'lifespan').map((a) => a.value);
}

export interface LifespanUse {
  func: Node;
  /** The `lifespan=` value or `combine_lifespans` argument naming it. */
  ref: Node;
  /** What receives it. */
  owner: 'fastmcp' | 'asgi' | 'combine' | 'decorator';
}

const lifespanUsesOf = new WeakMap<FileModel, LifespanUse[]>();
const COMBINE_CALLS = {};
const LIFESPAN_DECORATED = {};

/** Functions of the file used as lifespans (worked out once per model): `FastMCP(lifespan=f)`, `FastAPI(lifespan=f)`, `combine_lifespans(f, …)`, v3 `@lifespan`. */
export function lifespanUses(model: FileModel): LifespanUse[] {
  return oncePerModel(lifespanUsesOf, model, () => findLifespanUses(model));
}

function findLifespanUses(model: FileModel): LifespanUse[] {
  const out: LifespanUse[] = [];
  // `lifespan=`, `combine_lifespans` and `@lifespan` all spell the word.
  if (!model.text.includes('lifespan')) return out;
  // The calls that can name one: those passing `lifespan=` and, when the text spells it, `combine_lifespans`
  // calls; in document order, as the calls are.
  const candidates = new Set(keywordArguments(model, 'lifespan').map((a) => a.call));
  if (model.text.includes('combine_lifespans')) for (const call of callsWhere(model, COMBINE_CALLS, (c) => isCombineLifespans(model, c))) candidates.add(call);
  const calls = [...candidates].sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
  for (const call of calls) {
    const fastmcp = isFastMCPConstructor(model, call);
    const asgi = !fastmcp && isAsgiAppCall(model, call);
    if (fastmcp || asgi) {
      const v = model.callArgs(call).keywords.get('lifespan');
      const func = localFunction(model, v ?? null);
      if (v && func) out.push({ func, ref: v, owner: fastmcp ? 'fastmcp' : 'asgi' });
    } else if (isCombineLifespans(model, call)) {
      for (const a of model.callArgs(call).positional) {
        const func = localFunction(model, a);
        if (func) out.push({ func, ref: a, owner: 'combine' });
      }
    }
  }
  for (const func of functionsWhere(model, LIFESPAN_DECORATED, (f) => decoratorNames(model, f).some(isV3LifespanDecorator))) {
    out.push({ func, ref: func.childForFieldName('name') ?? func, owner: 'decorator' });
  }
  return out;
}

/** Identifiers inside `node` (not descending into nested function or class definitions). */
export function identifiersIn(node: Node): Node[] {
  const out: Node[] = [];
  const visit = (n: Node) => {
    if (n.type === 'identifier') out.push(n);
    for (const c of n.namedChildren) if (c) visit(c);
  };
  visit(node);
  return out;
}
