import type { Node } from '../parse';
import { callsWhere, decoratedWhere, enclosingFunction } from '../model/model';
import { defineRule } from './api';
import { assignmentsTo } from './util-asgi';
import { composeCalls } from './util-compose';

const REGISTER_METHODS = new Set(['tool', 'resource', 'prompt', 'add_tool', 'add_resource', 'add_prompt', 'add_template', 'add_resource_fn', 'mount']);
const DECORATOR_METHODS = new Set(['tool', 'resource', 'prompt']);

interface Registration {
  node: Node;
  what: string;
}

export default defineRule({
  meta: {
    code: 'FMCP414',
    name: 'registered-after-import',
    title: 'Components added to a server after it was imported',
    severity: 'warning',
    flavors: 'fastmcp',
    docs: {
      what: 'Flags components added to server `B` by code that runs after `await A.import_server(B)`: later statements of the same function, or module-level registrations that follow a module-level `asyncio.run(...)` of the importing function.',
      why: '`import_server` copies the components `B` has at that moment. Tools, resources and prompts added to `B` afterwards never appear on `A`, and nothing reports it: clients simply do not see them.',
      example: 'async def setup():\n    await main.import_server(sub, prefix="sub")\n    sub.add_tool(Tool.from_function(extra))',
      useInstead: 'async def setup():\n    sub.add_tool(Tool.from_function(extra))\n    await main.import_server(sub, prefix="sub")',
      guide: [20],
      notes: 'Module-level decorators run when the module is imported, before any async setup function is called, so `@sub.tool` at module level above or below `async def setup()` is fine. `mount()` is live and is not affected.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    // Every registration of the file by the name it is made on, in document order: calls first, then decorators
    // (made on first need, once per lint rather than once per import_server).
    let byName: Map<string, { calls: Node[]; decorators: Array<{ dd: Node; dec: Node; callee: Node }> }> | null = null;
    const registrations = () => {
      if (byName) return byName;
      const made = new Map<string, { calls: Node[]; decorators: Array<{ dd: Node; dec: Node; callee: Node }> }>();
      const entry = (name: string) => made.get(name) ?? made.set(name, { calls: [], decorators: [] }).get(name)!;
      for (const call of callsWhere(model, REGISTER_CALLS, isRegisterCall)) {
        const object = call.childForFieldName('function')!.childForFieldName('object');
        if (object) entry(object.text).calls.push(call);
      }
      for (const dd of decoratedWhere(model, REGISTER_DECORATED, hasRegisterDecorator)) {
        for (const dec of dd.namedChildren) {
          if (dec?.type !== 'decorator') continue;
          const expr = dec.namedChild(0);
          const callee = expr?.type === 'call' ? expr.childForFieldName('function') : expr;
          const object = callee?.type === 'attribute' ? callee.childForFieldName('object') : null;
          if (object && DECORATOR_METHODS.has(callee!.childForFieldName('attribute')?.text ?? '')) entry(object.text).decorators.push({ dd, dec, callee: callee! });
        }
      }
      return (byName = made);
    };
    const registrationsOn = (name: string, scopeId: number | null, after: number): Registration[] => {
      const out: Registration[] = [];
      const found = registrations().get(name);
      if (!found) return out;
      for (const call of found.calls) {
        if (call.startIndex <= after) continue;
        const m = call.childForFieldName('function')!.childForFieldName('attribute')!.text;
        if ((enclosingFunction(call)?.id ?? null) !== scopeId) continue;
        out.push({ node: call, what: `${name}.${m}(...)` });
      }
      for (const { dd, dec, callee } of found.decorators) {
        if (dd.startIndex <= after || (enclosingFunction(dd)?.id ?? null) !== scopeId) continue;
        out.push({ node: dec, what: `@${callee.text}` });
      }
      return out;
    };
    const reassigned = (name: string, scopeId: number | null, from: number, to: number) =>
      assignmentsTo(model, name).some((e) => e.asg.startIndex > from && e.asg.startIndex < to && e.scope === scopeId);

    const reported = new Set<number>();
    const report = (r: Registration, importer: string, sub: string) => {
      if (reported.has(r.node.id)) return;
      reported.add(r.node.id);
      ctx.report({
        node: r.node,
        message: `${r.what} runs after \`${importer}.import_server(${sub})\`, which already copied ${sub}'s components: this one never reaches ${importer}. Register it before the import, or use ${importer}.mount(${sub}) (live).`,
      });
    };

    for (const c of composeCalls(model)) {
      if (c.method !== 'import_server' || c.call.parent?.type !== 'await' || c.args.hasSplat) continue;
      const sub = c.args.keywords.get('server') ?? c.args.positional[0];
      if (sub?.type !== 'identifier') continue;
      const func = enclosingFunction(c.call);
      if (!func) continue;
      const name = sub.text;
      for (const r of registrationsOn(name, func.id, c.call.endIndex)) if (!reassigned(name, func.id, c.call.endIndex, r.node.startIndex)) report(r, c.receiver.text, name);

      // Module level: `asyncio.run(setup())` followed by module-level registrations on a global `sub`.
      if (enclosingFunction(func) !== null) continue;
      const params = func.childForFieldName('parameters')?.text ?? '';
      if (new RegExp(`\\b${name}\\b`).test(params) || assignmentsTo(model, name).some((e) => e.scope === func.id)) continue;
      const funcName = func.childForFieldName('name')?.text;
      for (const call of callsWhere(model, MODULE_ASYNCIO_RUNS, (c) => enclosingFunction(c) === null && model.resolve(c.childForFieldName('function')) === 'asyncio.run')) {
        const arg = model.callArgs(call).positional[0];
        if (arg?.type !== 'call' || arg.childForFieldName('function')?.text !== funcName) continue;
        for (const r of registrationsOn(name, null, call.endIndex)) if (!reassigned(name, null, call.endIndex, r.node.startIndex)) report(r, c.receiver.text, name);
      }
    }
  },
});

const REGISTER_CALLS = {};
const REGISTER_DECORATED = {};
const MODULE_ASYNCIO_RUNS = {};

/** `x.tool(...)`, `x.add_tool(...)` and the other registration methods, on any object, not as a decorator. */
function isRegisterCall(call: Node): boolean {
  const fn = call.childForFieldName('function');
  return fn?.type === 'attribute' && REGISTER_METHODS.has(fn.childForFieldName('attribute')?.text ?? '') && call.parent?.type !== 'decorator';
}

/** A definition decorated with `@x.tool`, `@x.resource(...)` or `@x.prompt`, on any object. */
function hasRegisterDecorator(dd: Node): boolean {
  for (const dec of dd.namedChildren) {
    if (dec?.type !== 'decorator') continue;
    const expr = dec.namedChild(0);
    const callee = expr?.type === 'call' ? expr.childForFieldName('function') : expr;
    if (callee?.type === 'attribute' && DECORATOR_METHODS.has(callee.childForFieldName('attribute')?.text ?? '')) return true;
  }
  return false;
}
