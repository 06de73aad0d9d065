/** Helpers shared by the Context/async rules (FMCP3xx) and the import-time rules (FMCP8xx). */
import type { Node } from '../parse';
import type { FileModel } from '../model/model';
import { contextClassFlavor } from '../model/names';
import type { Flavor } from '../types';
import type { RuleContext } from './api';

/** The nearest function or lambda around `node`: the scope an `await` or a `return` belongs to. */
export function nearestScope(node: Node): Node | null {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition' || p.type === 'lambda') return p;
  return null;
}

/** The parent of an expression, looking through parentheses. */
export function exprParent(node: Node): Node | null {
  let p = node.parent;
  while (p && p.type === 'parenthesized_expression') p = p.parent;
  return p;
}

/** The `def` keyword of a function definition: where `async ` goes. */
export function defKeyword(func: Node): Node | null {
  for (const c of func.children) if (c?.type === 'def') return c;
  return null;
}

/** The method name and receiver of a call `recv.method(...)` whose receiver is a plain name. */
export function methodCall(call: Node): { receiver: Node; method: string; callee: Node } | null {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute') return null;
  const obj = fn.childForFieldName('object');
  const attr = fn.childForFieldName('attribute');
  if (!obj || !attr || obj.type !== 'identifier') return null;
  return { receiver: obj, method: attr.text, callee: fn };
}

/** Whether `name` (an identifier) refers to a Context in the function that holds it. */
export function isContextName(model: FileModel, name: Node): boolean {
  if (name.type !== 'identifier') return false;
  const func = model.enclosingFunction(name);
  if (!func) return false;
  if (!model.contextNamesIn(func).has(name.text)) return false;
  // A lambda between the name and its function may rebind it as a lambda parameter.
  for (let p = name.parent; p && p.id !== func.id; p = p.parent) {
    if (p.type === 'lambda') {
      const params = p.childForFieldName('parameters');
      if (params && params.namedChildren.some((c) => c && (c.text === name.text || c.childForFieldName('name')?.text === name.text))) return false;
    }
  }
  return true;
}

/** Dunder methods and properties cannot simply become coroutines. */
export function canBecomeAsync(func: Node): boolean {
  const name = func.childForFieldName('name')?.text ?? '';
  if (/^__\w+__$/.test(name)) return false;
  const dd = func.parent?.type === 'decorated_definition' ? func.parent : null;
  if (dd) {
    for (const d of dd.namedChildren) {
      if (d?.type !== 'decorator') continue;
      const t = d.namedChild(0)?.text ?? '';
      if (/(^|\.)(property|setter|getter|deleter|cached_property)$/.test(t)) return false;
    }
  }
  return true;
}

/**
 * The local name under which this file can write `Context` of `flavor` in an annotation, adding an
 * import when needed. null when the name `Context` is taken by something else.
 */
export function contextNameFor(ctx: RuleContext, flavor: Flavor): { name: string; edits: ReturnType<RuleContext['addImport']> } | null {
  const model = ctx.model;
  const wanted = flavor === 'sdk' ? 'mcp.server.fastmcp.Context' : 'fastmcp.Context';
  const usable = model.imports.find(
    (b) => !b.local_scope && !b.typeCheckingOnly && b.name !== null && contextClassFlavor(b.qualified) === flavor,
  );
  if (usable) return { name: usable.local, edits: [] };
  if (model.imports.some((b) => b.local === 'Context' && !b.local_scope)) return null;
  if (model.moduleClasses.has('Context') || model.moduleFunctions.has('Context')) return null;
  const module = wanted.slice(0, wanted.lastIndexOf('.'));
  return { name: 'Context', edits: ctx.addImport(`from ${module} import Context`, 'Context') };
}

/** Is `node` inside any function or lambda (i.e. not executed at import time)? */
export function inFunctionOrLambda(node: Node): boolean {
  return nearestScope(node) !== null;
}
