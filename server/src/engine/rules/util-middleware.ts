/**
 * Middleware classes of one file (FMCP406–410): which classes are FastMCP middleware — directly,
 * through built-in middleware, or through other classes of the file — and their hook methods.
 */
import type { Node } from '../parse';
import type { FileModel } from '../model/model';
import { enclosingFunction, isAsyncFunction } from '../model/model';
import { builtinMiddlewareOf, MIDDLEWARE_BASES, MIDDLEWARE_HOOKS } from './data-middleware';

export interface MiddlewareClass {
  cls: Node;
  name: string;
  /** Every base is known (FastMCP middleware or a class of the file): the whole hierarchy is visible. */
  closed: boolean;
  /** In-file classes it inherits from (transitively), nearest first. */
  ancestors: Node[];
}

/** A `BaseMiddleware` imported from any fastmcp module (no such class exists). */
export function isFakeBase(qualified: string | null): boolean {
  return !!qualified && /^fastmcp(\.[\w]+)*\.BaseMiddleware$/.test(qualified);
}

function baseNodes(cls: Node): Node[] {
  const sup = cls.childForFieldName('superclasses');
  return (sup?.namedChildren ?? []).filter((n): n is Node => !!n && n.type !== 'keyword_argument' && n.type !== 'comment');
}

const cache = new WeakMap<FileModel, Map<number, MiddlewareClass>>();

export function middlewareClasses(model: FileModel): Map<number, MiddlewareClass> {
  const hit = cache.get(model);
  if (hit) return hit;
  const byName = new Map<string, Node[]>();
  for (const c of model.classes) {
    const n = c.childForFieldName('name')?.text;
    if (n) (byName.get(n) ?? byName.set(n, []).get(n)!).push(c);
  }
  const inFile = (base: Node): Node | null => {
    if (base.type !== 'identifier') return null;
    const found = byName.get(base.text);
    return found && found.length === 1 && !model.imports.some((b) => b.local === base.text && !b.local_scope) ? found[0] : null;
  };
  const isFastmcpBase = (base: Node) => {
    const q = model.resolve(base);
    return MIDDLEWARE_BASES.has(q ?? '') || builtinMiddlewareOf(q) !== null || isFakeBase(q);
  };
  const result = new Map<number, MiddlewareClass>();
  const memo = new Map<number, boolean>();
  const isMw = (cls: Node, depth: number): boolean => {
    if (memo.has(cls.id)) return memo.get(cls.id)!;
    if (depth > 20) return false;
    memo.set(cls.id, false);
    let yes = false;
    for (const b of baseNodes(cls)) {
      if (isFastmcpBase(b)) yes = true;
      else {
        const c = inFile(b);
        if (c && c.id !== cls.id && isMw(c, depth + 1)) yes = true;
      }
    }
    memo.set(cls.id, yes);
    return yes;
  };
  for (const cls of model.classes) {
    if (!isMw(cls, 0)) continue;
    const ancestors: Node[] = [];
    let closed = true;
    const walk = (c: Node, depth: number) => {
      if (depth > 20) {
        closed = false;
        return;
      }
      for (const b of baseNodes(c)) {
        if (isFastmcpBase(b)) continue;
        const p = inFile(b);
        if (!p) {
          closed = false;
          continue;
        }
        if (!ancestors.some((a) => a.id === p.id)) {
          ancestors.push(p);
          walk(p, depth + 1);
        }
      }
    };
    walk(cls, 0);
    result.set(cls.id, { cls, name: cls.childForFieldName('name')?.text ?? '', closed, ancestors });
  }
  cache.set(model, result);
  return result;
}

/** Function definitions directly in a class body (through decorators too). */
export function methodsOf(cls: Node): Node[] {
  const body = cls.childForFieldName('body');
  const out: Node[] = [];
  for (const s of body?.namedChildren ?? []) {
    const def = s?.type === 'decorated_definition' ? s.childForFieldName('definition') : s;
    if (def?.type === 'function_definition') out.push(def);
  }
  return out;
}

/** Does the class (or an in-file ancestor) define `name` as a method, class attribute or `self.name = …`? */
export function definesMember(mw: MiddlewareClass, name: string): boolean {
  for (const c of [mw.cls, ...mw.ancestors]) {
    if (methodsOf(c).some((m) => m.childForFieldName('name')?.text === name)) return true;
    const re = new RegExp(`(^|[^\\w.])(self\\.)?${name}\\s*(:[^=\\n]*)?=[^=]`, 'm');
    if (re.test(c.text)) return true;
  }
  return false;
}

export interface Hook {
  mw: MiddlewareClass;
  func: Node;
  name: string;
  isAsync: boolean;
  decorated: boolean;
}

export function hooks(model: FileModel): Hook[] {
  const out: Hook[] = [];
  for (const mw of middlewareClasses(model).values()) {
    for (const func of methodsOf(mw.cls)) {
      const name = func.childForFieldName('name')?.text ?? '';
      if (!MIDDLEWARE_HOOKS.has(name)) continue;
      out.push({ mw, func, name, isAsync: isAsyncFunction(func), decorated: func.parent?.type === 'decorated_definition' });
    }
  }
  return out;
}

/** The middleware class a node is inside (via a method of that class), if any. */
export function enclosingMiddleware(model: FileModel, node: Node): { mw: MiddlewareClass; method: Node } | null {
  const classes = middlewareClasses(model);
  for (let f = enclosingFunction(node); f; f = enclosingFunction(f)) {
    let p = f.parent;
    if (p?.type === 'decorated_definition') p = p.parent;
    if (p?.type === 'block' && p.parent?.type === 'class_definition') {
      const mw = classes.get(p.parent.id);
      return mw ? { mw, method: f } : null;
    }
  }
  return null;
}
