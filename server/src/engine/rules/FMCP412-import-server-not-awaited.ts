import { defineRule } from './api';
import { composeCalls } from './util-compose';

export default defineRule({
  meta: {
    code: 'FMCP412',
    name: 'import-server-not-awaited',
    title: '`import_server(...)` called without `await`',
    severity: 'error',
    flavors: 'fastmcp',
    fix: { safety: 'safe', title: 'Insert `await`' },
    docs: {
      what: 'Flags `S.import_server(...)` used as a statement without `await`.',
      why: '`import_server` is a coroutine function in every FastMCP version. Calling it without `await` only creates a coroutine: nothing is imported, the parent server exposes none of the child\'s tools, and Python merely warns "coroutine \'FastMCP.import_server\' was never awaited".',
      example: 'async def setup():\n    main.import_server(weather, prefix="weather")',
      useInstead: 'async def setup():\n    await main.import_server(weather, prefix="weather")',
      guide: [20],
      notes: 'Outside an `async def` the fix is not offered: run it with `asyncio.run(...)`, or use `main.mount(weather, ...)`, which is synchronous. Handing the coroutine to `asyncio.run`/`gather`/`create_task` is fine.',
    },
  },
  check(ctx) {
    for (const c of composeCalls(ctx.model)) {
      if (c.method !== 'import_server' || c.call.parent?.type !== 'expression_statement') continue;
      const func = ctx.model.enclosingFunction(c.call);
      const inAsync = !!func && ctx.model.isAsyncFunction(func);
      ctx.report({
        node: c.call,
        message: `\`${c.receiver.text}.import_server(...)\` is a coroutine and is not awaited: nothing is imported.${inAsync ? ' Add `await`.' : ' Await it inside an async function (asyncio.run), or use the synchronous mount().'}`,
        fixes: inAsync ? [ctx.fix('Insert `await`', 'safe', [ctx.insertAt(c.call.startIndex, 'await ')])] : [],
      });
    }
  },
});
