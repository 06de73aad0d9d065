import { ownRunCalls } from '../model/model';
import { defineRule } from './api';
import { asyncRunCallText } from './util-run';

/** Server methods that return a value, not a coroutine. */
const APP_FACTORIES = new Set(['http_app', 'sse_app', 'streamable_http_app']);

export default defineRule({
  meta: {
    code: 'FMCP109',
    name: 'await-sync-server-method',
    title: 'Awaiting a synchronous server method',
    severity: 'error',
    fix: { safety: 'safe', title: 'Use the async runner / drop `await`' },
    docs: {
      what: 'Flags `await S.run(...)` and `await S.http_app(...)` (also `sse_app`/`streamable_http_app`): these server methods are synchronous.',
      why: '`run()` starts its own event loop, which fails inside the running one (RuntimeError); even where it returned, `None` cannot be awaited. `http_app()` returns a Starlette application right away, and awaiting it raises `TypeError: object StarletteWithLifespan can\'t be used in \'await\' expression`.',
      example: 'async def main() -> None:\n    await mcp.run(transport="http")\n\napp = await mcp.http_app()',
      useInstead: 'async def main() -> None:\n    await mcp.run_async(transport="http")\n\napp = mcp.http_app()',
      notes: 'In the MCP SDK\'s bundled FastMCP (no `run_async`) the fix uses `run_stdio_async()`, `run_sse_async()` or `run_streamable_http_async()` when the arguments carry over.',
    },
  },
  check(ctx) {
    for (const rc of ownRunCalls(ctx.model)) {
      if (!rc.awaited || rc.call.hasError) continue;
      const awaitNode = rc.call.parent!;
      const name = `${rc.server.name}.${rc.method}()`;
      if (rc.method === 'run') {
        const replacement = asyncRunCallText(rc);
        ctx.report({
          node: awaitNode,
          message: `\`${name}\` is synchronous: it starts its own event loop, which fails inside this running one (RuntimeError). Await the coroutine runner instead: \`await ${replacement ? replacement.slice(0, replacement.indexOf('(')) : `${rc.server.name}.run_async`}(...)\`.`,
          fixes: replacement ? [ctx.fix(`Use \`${replacement.slice(0, replacement.indexOf('('))}(...)\``, 'safe', [ctx.replace(rc.call, replacement)])] : [],
        });
      } else if (APP_FACTORIES.has(rc.method)) {
        ctx.report({
          node: awaitNode,
          message: `\`${name}\` returns the ASGI app directly, not a coroutine: awaiting it raises TypeError. Drop the \`await\`.`,
          fixes: [ctx.fix('Drop `await`', 'safe', [ctx.replace(awaitNode, rc.call.text)])],
        });
      }
    }
  },
});
