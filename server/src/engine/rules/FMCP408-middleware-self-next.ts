import type { Node } from '../parse';
import { callsWhere } from '../model/model';
import { defineRule } from './api';
import { definesMember, enclosingMiddleware } from './util-middleware';

export default defineRule({
  meta: {
    code: 'FMCP408',
    name: 'middleware-self-next',
    title: '`self.next(...)` in middleware',
    severity: 'error',
    docs: {
      what: 'Flags `self.next(...)` inside a method of a `Middleware` subclass whose class hierarchy (visible in the file) defines no `next`.',
      why: 'FastMCP middleware has no `next` method: the call raises AttributeError on every request that reaches the hook. The next handler is the `call_next` argument FastMCP passes to each hook.',
      example: 'class Audit(Middleware):\n    async def on_message(self, context, call_next):\n        return await self.next(context)',
      useInstead: 'class Audit(Middleware):\n    async def on_message(self, context, call_next):\n        return await call_next(context)',
      guide: [19],
      notes: 'Silent when the class or a base defined in the file has a `next` member, or inherits from a class the file cannot see.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const call of callsWhere(model, SELF_NEXT_CALLS, isSelfNext)) {
      const fn = call.childForFieldName('function')!;
      const where = enclosingMiddleware(model, call);
      if (!where || !where.mw.closed || definesMember(where.mw, 'next')) continue;
      const hasCallNext = /\bcall_next\b/.test(where.method.childForFieldName('parameters')?.text ?? '');
      ctx.report({
        node: fn,
        message: `Middleware has no \`self.next\`: this raises AttributeError on every request. Call the handler FastMCP passes in: \`await call_next(context)\`${hasCallNext ? '' : ' (hooks take `(self, context, call_next)`)'}.`,
      });
    }
  },
});

const SELF_NEXT_CALLS = {};

/** `self.next(...)`. */
function isSelfNext(call: Node): boolean {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'next') return false;
  const obj = fn.childForFieldName('object');
  return obj?.type === 'identifier' && obj.text === 'self';
}
