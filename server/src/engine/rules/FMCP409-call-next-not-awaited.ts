import type { Node } from '../parse';
import { enclosingFunction, functionParams } from '../model/model';
import { defineRule } from './api';
import { hooks } from './util-middleware';

/** Whether the body mentions `name` (reads it) or raises, outside nested functions. */
function scan(body: Node, name: string): { mentions: boolean; raises: boolean; superCall: boolean } {
  const r = { mentions: false, raises: false, superCall: false };
  const visit = (n: Node, nested: boolean) => {
    if (n.type === 'identifier' && n.text === name) r.mentions = true;
    if (!nested && n.type === 'raise_statement') r.raises = true;
    if (n.type === 'call' && /^super\(/.test(n.childForFieldName('function')?.text ?? '')) r.superCall = true;
    const isNested = nested || n.type === 'function_definition' || n.type === 'lambda';
    for (const c of n.namedChildren) if (c) visit(c, isNested);
  };
  visit(body, false);
  return r;
}

function onlyStub(body: Node): boolean {
  // `...`/`pass`/docstring-only bodies are abstract placeholders in base classes; still a swallow in a concrete class.
  return body.namedChildren.every((s) => !s || s.type === 'pass_statement' || s.type === 'comment' || (s.type === 'expression_statement' && (s.namedChild(0)?.type === 'ellipsis' || s.namedChild(0)?.type === 'string')));
}

export default defineRule({
  meta: {
    code: 'FMCP409',
    name: 'call-next-not-awaited',
    title: '`call_next(...)` not awaited in a middleware hook',
    severity: 'error',
    fix: { safety: 'safe', title: 'Insert `await`' },
    docs: {
      what: 'In a middleware hook, flags `call_next(...)` used as a bare statement, or returned from an `async def` hook, without `await`. A hook that never calls `call_next` (and never passes it on, calls `super()` or raises) is flagged as a warning: it answers every request itself.',
      why: 'Without `await` the rest of the chain never runs (Python only warns "coroutine … was never awaited"); the tool, resource or prompt is silently skipped. Returning the un-awaited coroutine from an `async def` hook hands a coroutine object back to FastMCP instead of the result, which then fails to serialize.',
      example: 'async def on_call_tool(self, context, call_next):\n    call_next(context)',
      useInstead: 'async def on_call_tool(self, context, call_next):\n    return await call_next(context)',
      guide: [19],
      notes: 'A sync `def` hook may `return call_next(context)`: FastMCP awaits what the hook returns. Passing the coroutine on (`asyncio.wait_for(call_next(context), 5)`, assigning it) is left alone.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const h of hooks(model)) {
      if (h.decorated || h.func.hasError) continue;
      const body = h.func.childForFieldName('body');
      if (!body) continue;
      const params = functionParams(h.func, model);
      const cn = params.find((p) => p.name === 'call_next') ?? (params.length >= 3 && params[2].kind === 'positional' ? params[2] : undefined);
      if (!cn) continue;
      let called = false;
      for (const call of model.calls) {
        if (call.startIndex < body.startIndex || call.endIndex > body.endIndex) continue;
        const fn = call.childForFieldName('function');
        if (fn?.type !== 'identifier' || fn.text !== cn.name) continue;
        called = true;
        if (enclosingFunction(call)?.id !== h.func.id) continue;
        const parent = call.parent;
        const bare = parent?.type === 'expression_statement';
        const returned = parent?.type === 'return_statement' && h.isAsync;
        if (!bare && !returned) continue;
        ctx.report({
          node: call,
          message: bare
            ? `\`${call.text}\` is not awaited: the rest of the middleware chain (and the ${h.name === 'on_call_tool' ? 'tool' : 'handler'} itself) never runs. Use \`return await ${call.text}\`.`
            : `Returning \`${call.text}\` from an async hook hands FastMCP an un-awaited coroutine instead of the result. Use \`return await ${call.text}\`.`,
          fixes: h.isAsync ? [ctx.fix('Insert `await`', 'safe', [ctx.insertAt(call.startIndex, 'await ')])] : [],
        });
      }
      if (called) continue;
      const s = scan(body, cn.name);
      if (s.mentions || s.raises || s.superCall) continue;
      if (onlyStub(body) && h.mw.cls.childForFieldName('name')?.text?.match(/^(Base|Abstract)/)) continue;
      ctx.report({
        node: h.func.childForFieldName('name')!,
        severity: 'warning',
        message: `Hook \`${h.name}\` never calls \`${cn.name}\`: every ${h.name === 'on_message' || h.name === '__call__' ? 'message' : 'matching request'} stops here and the ${h.name === 'on_call_tool' ? 'tool' : 'handler'} never runs. End with \`return await ${cn.name}(context)\`, or raise an error to reject.`,
      });
    }
  },
});
