import type { Node } from '../parse';
import { functionParams } from '../model/model';
import { defineRule } from './api';
import { hooks } from './util-middleware';

/** A sync hook that hands back `call_next(...)` (or `super()`'s hook) still returns an awaitable: it works. */
function returnsAwaitable(func: Node, callNext: string | null): boolean {
  const body = func.childForFieldName('body');
  let ok = false;
  const visit = (n: Node) => {
    if (n.type === 'function_definition' || n.type === 'lambda' || n.type === 'class_definition') return;
    if (n.type === 'return_statement') {
      const v = n.namedChild(0);
      const fn = v?.type === 'call' ? v.childForFieldName('function') : null;
      if (fn && ((callNext && fn.text === callNext) || /^super\(\)\./.test(fn.text))) ok = true;
    }
    for (const c of n.namedChildren) if (c) visit(c);
  };
  if (body) visit(body);
  return ok;
}

export default defineRule({
  meta: {
    code: 'FMCP407',
    name: 'middleware-hook-signature',
    title: 'Middleware hook that is not `async def hook(self, context, call_next)`',
    severity: 'error',
    docs: {
      what: 'In a `Middleware` subclass (directly, through built-in middleware, or through other classes of the file), flags a hook (`on_message`, `on_request`, `on_notification`, `on_initialize`, `on_call_tool`, `on_read_resource`, `on_get_prompt`, `on_list_tools`, `on_list_resources`, `on_list_resource_templates`, `on_list_prompts`, `__call__`) that is not `async def`, or whose parameters cannot take one context argument plus `call_next` by keyword.',
      why: 'FastMCP calls every hook as `await hook(context, call_next=next_handler)`. A parameter list such as `(self, tool_name, arguments, context)` or a renamed `next` raises TypeError on every request ("got an unexpected keyword argument \'call_next\'"), and a sync hook returns a value that cannot be awaited.',
      example: 'class Audit(Middleware):\n    async def on_call_tool(self, tool_name, arguments, context):\n        ...',
      useInstead: 'class Audit(Middleware):\n    async def on_call_tool(self, context: MiddlewareContext, call_next):\n        print(context.message.name)\n        return await call_next(context)',
      guide: [19],
      notes: 'The context parameter may have any name; `call_next` must have that name. Extra parameters with defaults, `*args`/`**kwargs`, decorated hooks, and sync hooks that only return `call_next(...)` are accepted.',
    },
  },
  check(ctx) {
    for (const h of hooks(ctx.model)) {
      if (h.decorated || h.func.hasError) continue;
      const nameNode = h.func.childForFieldName('name')!;
      const params = functionParams(h.func, ctx.model);
      if (params.length === 0) {
        ctx.report({ node: nameNode, message: `\`${h.name}\` takes no \`self\`: FastMCP calls it on the instance as \`${h.name}(context, call_next=...)\`, which raises TypeError on every request. Use \`async def ${h.name}(self, context, call_next)\`.` });
        continue;
      }
      const rest = params.slice(1);
      const hasArgs = rest.some((p) => p.kind === 'args');
      const hasKwargs = rest.some((p) => p.kind === 'kwargs');
      const positional = rest.filter((p) => p.kind === 'positional');
      const callNext = rest.find((p) => p.name === 'call_next' && (p.kind === 'positional' || p.kind === 'keyword_only'));
      const problems: string[] = [];
      const ctxParam = positional.find((p) => p !== callNext);
      if (!ctxParam && !hasArgs) problems.push('no parameter for the context');
      if (!callNext && !hasKwargs) problems.push('no `call_next` parameter (FastMCP passes it by that keyword)');
      const extra = rest.filter((p) => p !== callNext && p !== ctxParam && (p.kind === 'positional' || p.kind === 'keyword_only') && !p.default);
      if (extra.length) problems.push(`extra required parameter${extra.length > 1 ? 's' : ''} ${extra.map((p) => `\`${p.name}\``).join(', ')}`);
      if (callNext && ctxParam && positional.indexOf(callNext) >= 0 && positional.indexOf(callNext) < positional.indexOf(ctxParam)) problems.push('`call_next` before the context');
      if (problems.length) {
        ctx.report({
          node: h.func.childForFieldName('parameters') ?? nameNode,
          message: `Hook \`${h.name}\` has ${problems.join(', ')}: FastMCP calls it as \`${h.name}(context, call_next=...)\`, so every ${h.name === 'on_message' || h.name === '__call__' ? 'message' : 'matching request'} fails with TypeError. Use \`async def ${h.name}(self, context, call_next)\`.`,
        });
        continue;
      }
      if (!h.isAsync && !returnsAwaitable(h.func, callNext?.name ?? null)) {
        ctx.report({
          node: nameNode,
          message: `Hook \`${h.name}\` is not \`async def\`: FastMCP awaits its result, so every ${h.name === 'on_message' || h.name === '__call__' ? 'message' : 'matching request'} fails with TypeError. Declare it \`async def\` and \`return await call_next(context)\`.`,
        });
      }
    }
  },
});
