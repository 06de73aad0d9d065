import type { TargetVersion } from '../version/version';
import type { Node } from '../parse';
import type { Flavor } from '../types';
import { ownCallsWhere } from '../model/model';
import { defineRule } from './api';
import { canBecomeAsync, defKeyword, exprParent, isContextName, methodCall } from './util-async';

/** Async Context methods of the standalone package, with the release that added each. */
const FASTMCP_ASYNC: Record<string, string> = {
  report_progress: '2.0.0',
  log: '2.0.0',
  debug: '2.0.0',
  info: '2.0.0',
  warning: '2.0.0',
  error: '2.0.0',
  read_resource: '2.0.0',
  list_roots: '2.0.0',
  sample: '2.0.0',
  elicit: '2.10.0',
  list_resources: '2.13.0',
  list_prompts: '2.13.0',
  get_prompt: '2.13.0',
  close_sse_stream: '2.14.0',
  sample_step: '2.14.1',
  send_notification: '3.0.0b1',
};
/** Sync in 2.11–2.14, coroutines from 3.0: only flagged when the target is known to be 3.x. */
const FASTMCP_ASYNC_V3 = new Set(['get_state', 'set_state', 'delete_state', 'enable_components', 'disable_components', 'reset_visibility']);
/** Async methods of the MCP SDK's Context (async since SDK 1.3). */
const SDK_ASYNC = new Set(['report_progress', 'log', 'debug', 'info', 'warning', 'error', 'read_resource', 'elicit', 'close_sse_stream']);

function isAsyncMethod(method: string, flavor: Flavor, target: TargetVersion): boolean {
  if (flavor === 'sdk') return SDK_ASYNC.has(method);
  if (FASTMCP_ASYNC_V3.has(method)) return target.atLeast('3.0.0b1') === true;
  const since = FASTMCP_ASYNC[method];
  if (!since) return false;
  // A method the target version lacks fails with AttributeError: a different problem.
  return target.atLeast(since) !== false;
}

export default defineRule({
  meta: {
    code: 'FMCP302',
    name: 'context-call-not-awaited',
    title: 'Async Context method called without `await`',
    severity: 'error',
    fix: { safety: 'safe', title: 'Insert `await`' },
    docs: {
      what: 'Flags a call to a coroutine method of the Context (`ctx.info(...)`, `ctx.report_progress(...)`, `ctx.read_resource(...)`, `ctx.elicit(...)`, `ctx.sample(...)`, and on FastMCP 3 also `ctx.get_state`/`set_state`/`delete_state` and the visibility methods) used as a statement on its own, without `await`.',
      why: 'Calling a coroutine method only creates a coroutine object: nothing is logged, no progress is sent, no state is stored. Python prints `RuntimeWarning: coroutine \'Context.info\' was never awaited` to stderr at some later point and the tool carries on as if it had worked. On FastMCP 3 an unawaited `ctx.set_state(...)` silently stores nothing.',
      example: '@mcp.tool\nasync def process(path: str, ctx: Context) -> str:\n    ctx.info(f"processing {path}")\n    ctx.report_progress(50, 100)\n    return path',
      useInstead: '@mcp.tool\nasync def process(path: str, ctx: Context) -> str:\n    await ctx.info(f"processing {path}")\n    await ctx.report_progress(50, 100)\n    return path',
      guide: [2],
      notes: 'Only calls that stand alone as a statement are flagged: a call that is returned, assigned, or handed to `asyncio.gather`, `create_task`, `ensure_future` or a task group is being awaited elsewhere. `get_state`/`set_state` are synchronous in 2.11–2.14 (see FMCP303), so they are flagged only when the target version is known to be 3.x. When the call sits in a plain `def`, the fix also makes that function `async`; that part is safe for a tool, resource or prompt (FastMCP awaits it) and only offered for other functions, whose callers would then need `await`.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const call of ownCallsWhere(model, STATEMENT_METHOD_CALLS, isStatementMethodCall)) {
      const mc = methodCall(call)!;
      if (!isAsyncMethod(mc.method, ctx.flavor, ctx.target)) continue;
      if (!isContextName(model, mc.receiver)) continue;
      const func = model.enclosingFunction(call)!;
      const edits = [ctx.insertAt(call.startIndex, 'await ')];
      let note = '';
      let safety: 'safe' | 'unsafe' = 'safe';
      if (!model.isAsyncFunction(func)) {
        const def = defKeyword(func);
        if (def && canBecomeAsync(func)) {
          edits.push(ctx.insertAt(def.startIndex, 'async '));
          note = ' (and make the function `async def`)';
          // FastMCP awaits an async component itself; any other function's callers would now get a coroutine.
          if (!model.components.some((c) => c.func.id === func.id)) safety = 'unsafe';
        } else edits.length = 0;
      }
      const what = `${mc.receiver.text}.${mc.method}(...)`;
      ctx.report({
        node: mc.callee,
        message: `\`${what}\` is a coroutine and is never awaited: it does nothing (Python only warns "coroutine was never awaited"). Write \`await ${what}\`${note}.`,
        fixes: edits.length ? [ctx.fix(`Insert \`await\`${note}`, safety, edits)] : [],
      });
    }
  },
});

const STATEMENT_METHOD_CALLS = {};

/** `name.method(...)` standing alone as a statement, without syntax errors. */
function isStatementMethodCall(call: Node): boolean {
  return methodCall(call) !== null && exprParent(call)?.type === 'expression_statement' && !call.hasError;
}
