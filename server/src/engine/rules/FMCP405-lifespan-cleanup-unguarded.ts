import type { Node } from '../parse';
import { defineRule } from './api';
import { lifespanUses, ownYields } from './util-asgi';

const LOG_CALL = /^(print|(\w+\.)*(debug|info|warning|warn|error|exception|critical|log|echo|secho)|(\w+\.)*print)$/;

/** Statements that are harmless to skip: pass, docstrings, return, logging and prints. */
function trivial(stmt: Node): boolean {
  if (stmt.type === 'pass_statement' || stmt.type === 'comment' || stmt.type === 'return_statement') return true;
  if (stmt.type !== 'expression_statement') return false;
  const e = stmt.namedChild(0);
  if (!e) return true;
  if (e.type === 'string') return true;
  const call = e.type === 'await' ? e.namedChild(0) : e;
  if (call?.type !== 'call') return false;
  return LOG_CALL.test(call.childForFieldName('function')?.text ?? '');
}

export default defineRule({
  meta: {
    code: 'FMCP405',
    name: 'lifespan-cleanup-unguarded',
    title: 'Lifespan cleanup after `yield` outside `finally:`',
    severity: 'warning',
    docs: {
      what: 'Flags a lifespan of the file (`FastMCP(lifespan=...)`, `FastAPI/Starlette(lifespan=...)`, `combine_lifespans(...)` arguments, v3 `@lifespan`) that runs cleanup code after its `yield` without a `try:`/`finally:` around the `yield`.',
      why: 'When the server stops because of an error, or is cancelled (Ctrl+C, a failed startup, a crashed task group), the exception is raised at the `yield` and the lines after it never run: connections, pools and temporary files are leaked. A `finally:` runs in every case.',
      example: '@asynccontextmanager\nasync def lifespan(server):\n    pool = await create_pool()\n    yield {"pool": pool}\n    await pool.close()',
      useInstead: '@asynccontextmanager\nasync def lifespan(server):\n    pool = await create_pool()\n    try:\n        yield {"pool": pool}\n    finally:\n        await pool.close()',
      guide: [25],
      notes: 'Not flagged: a `yield` inside any `try` that has `except` or `finally` clauses (the author handles errors), inside loops, or followed only by logging, prints or `return`. Cleanup by `async with` blocks around the `yield` is already guarded.',
    },
  },
  check(ctx) {
    const seen = new Set<number>();
    for (const use of lifespanUses(ctx.model)) {
      const func = use.func;
      if (seen.has(func.id) || func.hasError) continue;
      seen.add(func.id);
      const body = func.childForFieldName('body');
      const yields = ownYields(func);
      if (!body || yields.length !== 1) continue;
      let stmt: Node | null = yields[0];
      while (stmt && stmt.parent && stmt.parent.type !== 'block') stmt = stmt.parent;
      if (!stmt) continue;
      let guarded = false;
      const after: Node[] = [];
      for (let n: Node = stmt; n.id !== body.id && n.parent; n = n.parent) {
        const parent: Node = n.parent;
        if (parent.type === 'try_statement' || parent.type === 'for_statement' || parent.type === 'while_statement' || parent.type === 'except_clause' || parent.type === 'finally_clause') {
          guarded = true;
          break;
        }
        if (parent.type === 'block') {
          let past = false;
          for (const s of parent.namedChildren) {
            if (!s) continue;
            if (past) after.push(s);
            if (s.id === n.id) past = true;
          }
        }
      }
      if (guarded) continue;
      const first = after.find((s) => !trivial(s));
      if (!first) continue;
      const name = func.childForFieldName('name')?.text ?? 'lifespan';
      ctx.report({
        node: first,
        message: `Cleanup after \`yield\` in lifespan \`${name}\` is skipped when the server stops on an error or is cancelled (the exception is raised at the yield). Put the yield in \`try:\` and this cleanup in \`finally:\`.`,
      });
    }
  },
});
