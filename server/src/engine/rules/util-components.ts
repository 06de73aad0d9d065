/** Helpers shared by the component rules (FMCP210–FMCP220). */
import type { Node } from '../parse';
import type { Component, FileModel } from '../model/model';
import { stringValue } from '../model/model';

/** The `decorated_definition` that holds the component's decorator and function. */
export function decoratedDefinition(c: Component): Node | null {
  const p = c.decorator.parent;
  return p?.type === 'decorated_definition' ? p : null;
}

/** The decorators of the component's function, outermost first. */
export function decoratorsOf(c: Component): Node[] {
  const dd = decoratedDefinition(c);
  return dd ? dd.namedChildren.filter((n): n is Node => !!n && n.type === 'decorator') : [];
}

/** True when the component decorator is the outermost one: the function's name is bound to what it returns. */
export function isOutermostDecorator(c: Component): boolean {
  const decs = decoratorsOf(c);
  return decs.length > 0 && decs[0].id === c.decorator.id;
}

/** True when the component decorator is applied directly to the `def` (no decorator between them). */
export function isInnermostDecorator(c: Component): boolean {
  const decs = decoratorsOf(c);
  return decs.length > 0 && decs[decs.length - 1].id === c.decorator.id;
}

/** The part of the file the component lives in is well-formed. */
export function componentIsClean(c: Component): boolean {
  const dd = decoratedDefinition(c);
  return !!dd && !dd.hasError;
}

/** The `keyword_argument` node of a decorator keyword, for narrow ranges. */
export function keywordArgument(value: Node): Node {
  return value.parent?.type === 'keyword_argument' ? value.parent : value;
}

/** The docstring of a function: its first statement when that is a plain string literal. */
export function docstringOf(func: Node): Node | null {
  const body = func.childForFieldName('body');
  if (!body) return null;
  let first: Node | null = null;
  for (const c of body.namedChildren) {
    if (!c || c.type === 'comment') continue;
    first = c;
    break;
  }
  if (!first || first.type !== 'expression_statement' || first.namedChildCount !== 1) return null;
  let expr = first.namedChild(0);
  while (expr && expr.type === 'parenthesized_expression' && expr.namedChildCount === 1) expr = expr.namedChild(0);
  if (!expr) return null;
  const plain = (s: Node) => s.type === 'string' && !/^[A-Za-z]*[fFbB]/.test(s.child(0)?.text ?? '');
  if (plain(expr)) return expr;
  if (expr.type === 'concatenated_string' && expr.namedChildren.every((s) => !!s && plain(s))) return expr;
  return null;
}

/** The text of a docstring node (plain or implicitly concatenated strings). */
export function docstringText(node: Node): string | null {
  if (node.type === 'string') return stringValue(node);
  let out = '';
  for (const s of node.namedChildren) {
    const v = stringValue(s);
    if (v === null) return null;
    out += v;
  }
  return out;
}

/** Nodes of `type` that belong to `func` itself: nested functions, lambdas and classes are other scopes. */
export function ownNodesOfType(func: Node, type: string): Node[] {
  const out: Node[] = [];
  const body = func.childForFieldName('body');
  if (!body) return out;
  const visit = (n: Node) => {
    for (const c of n.namedChildren) {
      if (!c) continue;
      if (c.type === 'function_definition' || c.type === 'class_definition' || c.type === 'lambda' || c.type === 'decorated_definition') continue;
      if (c.type === type) out.push(c);
      visit(c);
    }
  };
  visit(body);
  return out;
}

/** `return` statements that belong to `func` itself (not to nested functions, lambdas or classes). */
export function ownReturns(func: Node): Node[] {
  return ownNodesOfType(func, 'return_statement');
}

/** The returned expression of a `return` statement, without parentheses. */
export function returnedValue(ret: Node): Node | null {
  let v = ret.namedChild(0);
  while (v && v.type === 'parenthesized_expression' && v.namedChildCount === 1) v = v.namedChild(0);
  return v;
}

/** The last dotted segment of what an expression names (`x.y.Z` → `Z`), resolved through imports when possible. */
export function lastName(model: FileModel, node: Node | null): string | null {
  if (!node) return null;
  if (node.type !== 'identifier' && node.type !== 'attribute') return null;
  const q = model.resolve(node) ?? node.text;
  return q.slice(q.lastIndexOf('.') + 1);
}

export type ExplicitName = { node: Node; value: string | null } | null;

/**
 * The explicit name a tool or prompt decorator gives (`@mcp.tool("x")`, `@mcp.tool(name="x")`):
 * null when none is given; `value` null when it is not a plain literal.
 */
export function explicitName(c: Component): ExplicitName {
  if (c.kind === 'resource') {
    const n = c.keywords.get('name');
    return n ? { node: n, value: stringValue(n) } : null;
  }
  const kw = c.keywords.get('name');
  if (kw && kw.type !== 'none') return { node: kw, value: stringValue(kw) };
  const first = c.positional[0];
  if (first && first.type !== 'none') return { node: first, value: stringValue(first) };
  return null;
}

/** Names bound in a block's statements directly (defs, classes, assignments, imports, for targets). */
const bindingsCache = new WeakMap<object, Map<number, Map<string, Node[]>>>();

/**
 * Memoized per tree and block: several rules ask about every component's name. One scan of the block
 * collects every name it binds; a scan per name made a module of n components cost n full scans
 * (1,500 tools: minutes and gigabytes).
 */
export function bindingsIn(block: Node, name: string): Node[] {
  let perTree = bindingsCache.get(block.tree);
  if (!perTree) bindingsCache.set(block.tree, (perTree = new Map()));
  let all = perTree.get(block.id);
  if (!all) perTree.set(block.id, (all = scanBindings(block)));
  return all.get(name) ?? [];
}

function scanBindings(block: Node): Map<string, Node[]> {
  const out = new Map<string, Node[]>();
  const bind = (name: string | undefined, node: Node) => {
    if (!name) return;
    const list = out.get(name);
    // One entry per statement and name, as a scan per name found it.
    if (!list) out.set(name, [node]);
    else if (list[list.length - 1] !== node) list.push(node);
  };
  const visit = (n: Node) => {
    for (const c of n.namedChildren) {
      if (!c) continue;
      switch (c.type) {
        case 'function_definition':
        case 'class_definition':
          bind(c.childForFieldName('name')?.text, c);
          continue; // their bodies are other scopes
        case 'decorated_definition':
          visit(c);
          continue;
        case 'lambda':
          continue;
        case 'assignment':
        case 'augmented_assignment':
        case 'for_statement': {
          const left = c.childForFieldName('left');
          if (left) for (const t of targetNames(left)) bind(t, c);
          visit(c);
          continue;
        }
        case 'import_statement':
        case 'import_from_statement':
          for (const n2 of c.namedChildren) {
            if (!n2 || n2 === c.childForFieldName('module_name')) continue;
            bind(n2.type === 'aliased_import' ? n2.childForFieldName('alias')?.text : n2.type === 'dotted_name' ? n2.text.split('.')[0] : undefined, c);
          }
          continue;
        case 'named_expression':
          bind(c.childForFieldName('name')?.text, c);
          visit(c);
          continue;
        case 'global_statement':
        case 'nonlocal_statement':
          for (const x of c.namedChildren) if (x) bind(x.text, c);
          continue;
        default:
          visit(c);
      }
    }
  };
  visit(block);
  return out;
}

function targetNames(target: Node): string[] {
  if (target.type === 'identifier') return [target.text];
  if (target.type === 'pattern_list' || target.type === 'tuple_pattern' || target.type === 'list_pattern' || target.type === 'tuple' || target.type === 'list')
    return target.namedChildren.flatMap((c) => (c ? targetNames(c) : []));
  return [];
}

/** Parameter names of a function or lambda. */
export function parameterNames(func: Node): Set<string> {
  const out = new Set<string>();
  const params = func.childForFieldName('parameters');
  for (const p of params?.namedChildren ?? []) {
    if (!p) continue;
    let n: Node | null = p;
    if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') n = p.childForFieldName('name');
    else if (p.type === 'typed_parameter') n = p.namedChild(0);
    if (n && (n.type === 'list_splat_pattern' || n.type === 'dictionary_splat_pattern')) n = n.namedChild(0);
    if (n?.type === 'identifier') out.add(n.text);
  }
  return out;
}
