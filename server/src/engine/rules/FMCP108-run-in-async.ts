import { ownRunCalls } from '../model/model';
import { defineRule } from './api';
import { asyncRunCallText, insideLambda } from './util-run';

export default defineRule({
  meta: {
    code: 'FMCP108',
    name: 'run-in-async',
    title: 'Sync run() inside async code',
    severity: 'error',
    fix: { safety: 'unsafe', title: 'Await the async runner' },
    docs: {
      what: 'Flags `S.run(...)` called inside an `async def`.',
      why: '`run()` is the synchronous entry point: it starts its own event loop with `anyio.run(...)`. Inside an `async def` an event loop is already running, so the call fails with `RuntimeError` (asyncio refuses to start a loop from a running one) and the server never starts.',
      example: 'async def main() -> None:\n    await setup()\n    mcp.run(transport="http")\n\nasyncio.run(main())',
      useInstead: 'async def main() -> None:\n    await setup()\n    await mcp.run_async(transport="http")\n\nasyncio.run(main())',
      notes: 'A `run()` inside a lambda or a nested plain `def` (handed to a thread, for example) is not reported. `await S.run(...)` is FMCP109. The MCP SDK\'s bundled FastMCP has no `run_async`; the fix there uses `run_stdio_async()`, `run_sse_async()` or `run_streamable_http_async()`.',
    },
  },
  check(ctx) {
    for (const rc of ownRunCalls(ctx.model)) {
      if (rc.method !== 'run' || rc.awaited || !rc.inAsyncFunction || rc.call.hasError) continue;
      if (insideLambda(rc.call, rc.enclosingFunction)) continue;
      const replacement = asyncRunCallText(rc);
      const fixes = replacement ? [ctx.fix(`Use \`await ${replacement.slice(0, replacement.indexOf('('))}(...)\``, 'unsafe', [ctx.replace(rc.call, `await ${replacement}`)])] : [];
      const runner = rc.server.flavor === 'fastmcp' ? 'run_async' : 'run_stdio_async/run_sse_async/run_streamable_http_async';
      ctx.report({
        node: rc.call,
        message: `\`${rc.server.name}.run()\` starts its own event loop, but this \`async def\` already runs in one: it fails with RuntimeError and the server never starts. Use \`await ${rc.server.name}.${runner}(...)\`.`,
        fixes,
      });
    }
  },
});
