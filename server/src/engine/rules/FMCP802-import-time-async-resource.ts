import type { Node } from '../parse';
import { ownCallsWhere, type FileModel } from '../model/model';
import { defineRule } from './api';
import { exprParent, inFunctionOrLambda } from './util-async';

/** Coroutine functions of async drivers: calling one at import time creates a coroutine nobody awaits. */
const ASYNC_FACTORIES = new Set(['asyncpg.connect', 'asyncpg.create_pool', 'aiosqlite.connect']);

/** A coroutine is lost when its call stands alone or is bound to a name, not when it is handed to something. */
function isDropped(call: Node): boolean {
  const p = exprParent(call);
  if (!p) return false;
  if (p.type === 'expression_statement') return true;
  return p.type === 'assignment' && p.childForFieldName('right')?.id === call.id;
}

function reboundAtModuleLevel(model: FileModel, name: string): boolean {
  return model.whole.assignments.some((a) => a.childForFieldName('left')?.text === name && !inFunctionOrLambda(a));
}

export default defineRule({
  meta: {
    code: 'FMCP802',
    name: 'import-time-async-resource',
    title: 'Async resource created at import time',
    severity: 'warning',
    docs: {
      what: 'Flags, at module level of a FastMCP file: a call to an async driver (`asyncpg.connect`, `asyncpg.create_pool`, `aiosqlite.connect`) or to an `async def` of the same file whose coroutine is never awaited; `asyncio.run(...)` outside `if __name__ == "__main__":`; and `aiohttp.ClientSession()`.',
      why: 'Module-level code runs when the server file is imported, before FastMCP starts its event loop. An unawaited coroutine does nothing (the connection is never opened; Python warns "coroutine was never awaited") and the name holds a coroutine, not a pool. `asyncio.run` at import starts and closes a loop of its own, so anything it creates is bound to a dead loop, and it fails outright when the importer already runs a loop. An `aiohttp.ClientSession` created outside a running loop is tied to the wrong loop. Open such resources in a lifespan and close them there.',
      example: 'pool = asyncpg.create_pool(DSN)\n\nmcp = FastMCP("db")',
      useInstead: '@asynccontextmanager\nasync def lifespan(server):\n    pool = await asyncpg.create_pool(DSN)\n    try:\n        yield {"pool": pool}\n    finally:\n        await pool.close()\n\nmcp = FastMCP("db", lifespan=lifespan)',
      guide: [15],
      notes: 'Calls handed to another function (e.g. `loop.run_until_complete(...)`) are not flagged as unawaited coroutines; `asyncio.run(main())` inside the `__main__` guard is the normal way to start a script and is not flagged.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const call of ownCallsWhere(model, IMPORT_TIME_CALLS, (c) => isImportTimeCandidate(model, c))) {
      const fn = call.childForFieldName('function')!;
      const q = model.resolve(fn);
      if (q === null && !model.moduleFunctions.has(fn.text)) continue;
      if (q === 'asyncio.run') {
        if (model.inMainGuard(call)) continue;
        ctx.report({
          node: fn,
          message: '`asyncio.run(...)` at import time: `fastmcp run` and FastMCP Cloud import this file, so it runs on every import, and fails ("cannot be called from a running event loop") when the importer already runs a loop; what it creates is tied to a loop that is then closed. Move it under `if __name__ == "__main__":` or into a lifespan.',
        });
        continue;
      }
      if (q === 'aiohttp.ClientSession') {
        ctx.report({
          node: fn,
          message: '`aiohttp.ClientSession()` created at import time, outside any running event loop: it is bound to the wrong loop and never closed. Create it in a lifespan (and close it there), or per request with `async with`.',
        });
        continue;
      }
      if (!isDropped(call)) continue;
      if (q && ASYNC_FACTORIES.has(q)) {
        ctx.report({
          node: fn,
          message: `\`${fn.text}(...)\` must be awaited inside the running event loop: at module level it opens nothing, and the name holds an un-awaited awaitable instead of a connection (Python warns "never awaited"). Open it with \`await\` in a lifespan and close it there.`,
        });
      } else if (fn.type === 'identifier' && !q) {
        const def = model.moduleFunctions.get(fn.text);
        // A decorator or a later rebinding may turn it into something callable without `await`.
        if (!def || !model.isAsyncFunction(def) || def.parent?.type === 'decorated_definition' || reboundAtModuleLevel(model, fn.text)) continue;
        const advice = model.inMainGuard(call) ? `Run it with \`asyncio.run(${call.text})\`.` : 'Await it in a lifespan, or run it with `asyncio.run(...)` under `if __name__ == "__main__":`.';
        ctx.report({
          node: fn,
          message: `\`${fn.text}\` is an \`async def\`: calling it at module level only creates a coroutine that is never awaited, so none of its code runs (Python warns "coroutine was never awaited"). ${advice}`,
        });
      }
    }
  },
});

const IMPORT_TIME_CALLS = {};

/**
 * A call outside any function or lambda, without syntax errors, to a callee this rule can report: one of
 * those it knows, or a plain name no import binds (a module function, checked by the caller).
 */
function isImportTimeCandidate(model: FileModel, call: Node): boolean {
  const fn = call.childForFieldName('function');
  if (!fn || call.hasError) return false;
  const q = model.resolve(fn);
  // Only these callees can be reported; the walk up to the nearest scope comes after that test.
  const candidate = q === 'asyncio.run' || q === 'aiohttp.ClientSession' || (q !== null && ASYNC_FACTORIES.has(q)) || (q === null && fn.type === 'identifier');
  return candidate && !inFunctionOrLambda(call);
}
