import { defineRule } from './api';
import { isContextName, methodCall } from './util-async';

const SYNC_STATE = new Set(['get_state', 'set_state']);

export default defineRule({
  meta: {
    code: 'FMCP303',
    name: 'sync-state-awaited',
    title: '`await` on the synchronous `get_state`/`set_state` of FastMCP 2',
    severity: 'error',
    flavors: 'fastmcp',
    versions: { min: '2.11', max: '3.0.0b1' },
    fix: { safety: 'safe', title: 'Remove `await`' },
    docs: {
      what: 'Flags `await ctx.get_state(...)` and `await ctx.set_state(...)` when the target is FastMCP 2.11–2.14, where both are plain synchronous methods.',
      why: "In FastMCP 2.11–2.14 `set_state` returns `None` and `get_state` returns the stored value, so awaiting them raises `TypeError: object NoneType can't be used in 'await' expression` (or the same for the stored value's type) and the tool call fails. FastMCP 3 made both methods async, which is why code written for 3.x breaks on 2.x.",
      example: '@mcp.tool\nasync def remember(note: str, ctx: Context) -> str:\n    await ctx.set_state("note", note)\n    return "ok"',
      useInstead: '@mcp.tool\nasync def remember(note: str, ctx: Context) -> str:\n    ctx.set_state("note", note)\n    return "ok"',
      notes: 'FastMCP 3 requires the `await` (FMCP302 flags it when missing). If the project should run on 3.x, raise the `fastmcp` requirement instead of removing the `await`.',
    },
  },
  check(ctx) {
    for (const aw of ctx.model.awaits) {
      const call = aw.namedChild(0);
      const kw = aw.child(0);
      if (call?.type !== 'call' || kw?.type !== 'await' || aw.hasError) continue;
      const mc = methodCall(call);
      if (!mc || !SYNC_STATE.has(mc.method) || !isContextName(ctx.model, mc.receiver)) continue;
      ctx.report({
        node: kw,
        message: `\`${mc.receiver.text}.${mc.method}(...)\` is synchronous in FastMCP ${ctx.target.version ?? '2.11–2.14'}: awaiting its result raises "TypeError: object ... can't be used in 'await' expression". Remove \`await\` (it becomes async only in FastMCP 3).`,
        fixes: [ctx.fix('Remove `await`', 'safe', [ctx.replaceSpan(kw.startIndex, call.startIndex, '')])],
      });
    }
  },
});
