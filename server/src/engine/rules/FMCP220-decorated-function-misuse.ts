import type { Node } from '../parse';
import type { Component } from '../model/model';
import { defineRule } from './api';
import { bindingsIn, componentIsClean, decoratedDefinition, isOutermostDecorator, parameterNames } from './util-components';

const OBJECT_MODE = { min: '2.7.0', max: '3.0.0b1' };
const V3_ATTRIBUTES = new Set(['fn', 'name', 'run']);

interface Binding {
  c: Component;
  name: string;
  /** The function whose body binds the name, or null for module level. */
  scope: Node | null;
  /** The block the name is bound in. */
  block: Node;
  def: Node;
}

/** The name the component's function is bound to, when it is bound exactly once in its scope. */
function bindingOf(c: Component): Binding | null {
  const dd = decoratedDefinition(c);
  const block = dd?.parent;
  if (!dd || !block || !c.funcName) return null;
  let scope: Node | null = null;
  if (block.type === 'module') scope = null;
  else if (block.type === 'block' && block.parent?.type === 'function_definition') scope = block.parent;
  else return null; // class bodies and nested statements: the name is not a plain variable there
  if (bindingsIn(block, c.funcName).length !== 1) return null;
  if (scope && parameterNames(scope).has(c.funcName)) return null;
  return { c, name: c.funcName, scope, block, def: dd };
}

/** Does the identifier `use` refer to the binding (inside its scope, not shadowed by an inner function)? */
function refersTo(use: Node, b: Binding): boolean {
  if (use.startIndex < b.block.startIndex || use.endIndex > b.block.endIndex) return false;
  for (let p = use.parent; p && p !== b.scope; p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'lambda') {
      if (b.scope && p.id === b.scope.id) break;
      if (parameterNames(p).has(b.name)) return false;
      const body = p.childForFieldName('body');
      if (body && bindingsIn(body, b.name).length) return false;
    }
    if (p.type === 'class_definition') {
      const body = p.childForFieldName('body');
      if (body && bindingsIn(body, b.name).length) return false;
    }
    if (/comprehension|generator_expression/.test(p.type) && new RegExp(`\\bfor\\s+(?:[\\w,\\s(]*\\b)?${b.name}\\b`).test(p.text)) return false;
  }
  // At the binding's own level, a use before the definition runs never sees the component.
  const ownLevel = nearestFunction(use)?.id === b.scope?.id;
  return !(ownLevel && use.startIndex < b.def.startIndex);
}

/** A resource with URI parameters or function parameters is registered as a template. */
function isTemplate(c: Component): boolean {
  const uri = c.keywords.get('uri') ?? c.positional[0];
  return (uri?.text.includes('{') ?? false) || c.params.some((p) => !p.injected);
}

function nearestFunction(node: Node): Node | null {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition' || p.type === 'lambda') return p;
  return null;
}

export default defineRule({
  meta: {
    code: 'FMCP220',
    name: 'decorated-function-misuse',
    title: 'Decorated component used as the wrong kind of object',
    severity: 'error',
    flavors: 'fastmcp',
    docs: {
      what: 'On FastMCP 2.7–2.14, flags a direct call of a function decorated with `@mcp.tool`/`@mcp.resource`/`@mcp.prompt` (`my_tool(...)`). On FastMCP ≥ 3.0, flags `.fn`, `.name` or `.run` on such a function.',
      why: 'From 2.7 to 2.14 the decorators return a `FunctionTool`/`FunctionResource`/`FunctionResourceTemplate`/`FunctionPrompt` object, so `my_tool(...)` fails with `TypeError: \'FunctionTool\' object is not callable`; the function is `my_tool.fn`. FastMCP 3 turned this around: the decorators return the original function, so the v2 idiom `my_tool.fn(...)` now fails with `AttributeError: \'function\' object has no attribute \'fn\'` (the same for `.name` and `.run`).',
      example: '@mcp.tool\ndef add(a: int, b: int) -> int:\n    return a + b\n\n# FastMCP 2.7–2.14\ntotal = add(1, 2)\n# FastMCP 3\ntotal = add.fn(1, 2)',
      useInstead: '# FastMCP 2.7–2.14\ntotal = add.fn(1, 2)\n# FastMCP 3\ntotal = add(1, 2)',
      notes: 'Version-specific: silent when the FastMCP version is unknown, and on versions before 2.7 (decorators returned the function). Only uses in the same file where the name is bound once and not shadowed are flagged. The MCP SDK\'s FastMCP always returns the function and is not checked. `FASTMCP_DECORATOR_MODE=object` (which brings back v2 objects in 3.x) is not detected.',
    },
  },
  check(ctx) {
    const objectMode = ctx.target.inRange(OBJECT_MODE.min, OBJECT_MODE.max);
    const functionMode = ctx.target.atLeast(OBJECT_MODE.max);
    if (!objectMode && !functionMode) return;
    const bindings = new Map<string, Binding[]>();
    for (const c of ctx.model.components) {
      if (c.flavor !== 'fastmcp' || !componentIsClean(c) || !isOutermostDecorator(c)) continue;
      if (objectMode && !c.serverVar) continue;
      const b = bindingOf(c);
      if (!b) continue;
      const list = bindings.get(b.name) ?? [];
      list.push(b);
      bindings.set(b.name, list);
    }
    if (!bindings.size) return;
    const find = (use: Node): Binding | null => {
      for (const b of bindings.get(use.text) ?? []) if (refersTo(use, b)) return b;
      return null;
    };
    if (objectMode) {
      for (const call of ctx.model.calls) {
        const fn = call.childForFieldName('function');
        if (fn?.type !== 'identifier' || call.hasError) continue;
        const b = find(fn);
        if (!b) continue;
        const kind = b.c.kind === 'tool' ? 'FunctionTool' : b.c.kind === 'prompt' ? 'FunctionPrompt' : isTemplate(b.c) ? 'FunctionResourceTemplate' : 'FunctionResource';
        ctx.report({
          node: call,
          message: `\`${b.name}\` is a ${kind} object on FastMCP ${ctx.target.version} (the decorator replaced the function), so calling it raises TypeError: '${kind}' object is not callable. Call \`${b.name}.fn(...)\`, or move the logic into a plain helper that the ${b.c.kind} calls.`,
        });
      }
    } else {
      for (const attr of ctx.model.attributes) {
        const obj = attr.childForFieldName('object');
        const name = attr.childForFieldName('attribute')?.text;
        if (obj?.type !== 'identifier' || !name || !V3_ATTRIBUTES.has(name) || attr.hasError) continue;
        const b = find(obj);
        if (!b) continue;
        const hint = name === 'fn' ? `call \`${b.name}(...)\` directly` : name === 'name' ? `use \`${b.name}.__name__\`, or the component from \`await ${b.c.server ?? 'mcp'}.get_${b.c.kind}(...)\`` : `call \`${b.name}(...)\` directly, or go through a Client`;
        ctx.report({
          node: attr,
          message: `On FastMCP ${ctx.target.version} the decorator returns the plain function, so \`${b.name}.${name}\` raises AttributeError. ${hint[0].toUpperCase()}${hint.slice(1)}.`,
        });
      }
    }
  },
});
