import * as path from 'node:path';
import type { Node } from '../parse';
import { callsWhere, enclosingFunction, stringValue } from '../model/model';
import { defineRule, type RuleContext } from './api';
import { keywordNode } from './util-api';

const APP_METHODS = new Set(['http_app', 'streamable_http_app']);
const PARENT_APPS = /(^|\.)(FastAPI|Starlette)$/;

function intValue(node: Node | null | undefined): number | null {
  return node?.type === 'integer' && /^\d+$/.test(node.text) ? Number(node.text) : null;
}

/** Whether the file asks for stateless HTTP anywhere (argument, setting or environment variable). */
function mentionsStateless(ctx: RuleContext): boolean {
  if (!/stateless/i.test(ctx.text)) return false;
  // Only blank space lies between top-level statements, and no statement starts with `=` or `:`: a mention
  // never spans two of them, and each one's answer is kept on it.
  for (const stmt of ctx.model.root.children) if (stmt.keep(STATELESS_KEY, statementMentionsStateless)) return true;
  return false;
}

const STATELESS_KEY = {};

function statementMentionsStateless(stmt: Node): boolean {
  if (stmt.type === 'comment') return false;
  const text = stmt.text;
  if (!/stateless/i.test(text)) return false;
  // Blank out its comments in one pass (splicing per comment is quadratic in big statements).
  const parts: string[] = [];
  let at = 0;
  for (const c of stmt.ofTypes('comment', false)) {
    const from = c.startIndex - stmt.startIndex;
    parts.push(text.slice(at, from), ' '.repeat(c.endIndex - c.startIndex));
    at = c.endIndex - stmt.startIndex;
  }
  parts.push(text.slice(at));
  for (const m of parts.join('').matchAll(/stateless\w*(\s*[=:]\s*[\w."']+)?/gi)) {
    if (!/=\s*False\b|:\s*False\b/.test(m[0])) return true;
  }
  return false;
}

/**
 * The server's http app calls, and the names the module binds to them or to a parent app that mounts one (an
 * import string names a module attribute: a name bound inside a function is none).
 */
function mcpApps(ctx: RuleContext): { calls: Set<number>; names: Set<string> } {
  const calls = new Set<number>();
  for (const rc of ctx.model.runCalls) {
    // SSE sessions are per worker too, but stateless mode is no remedy there: a different problem.
    if (APP_METHODS.has(rc.method) && stringValue(rc.args.keywords.get('transport') ?? null) !== 'sse') calls.add(rc.call.id);
  }
  const names = new Set<string>();
  if (!calls.size) return { calls, names };
  for (const asg of ctx.model.assignments) {
    const left = asg.childForFieldName('left');
    const right = asg.childForFieldName('right');
    if (left?.type !== 'identifier' || right?.type !== 'call' || enclosingFunction(asg)) continue;
    if (calls.has(right.id)) names.add(left.text);
    else if (PARENT_APPS.test(ctx.model.resolve(right.childForFieldName('function')) ?? '')) names.add(left.text);
  }
  return { calls, names };
}

/** uvicorn starts several workers only for an import string (`"module:app"`); an app object with workers>1 is refused. */
function isMcpApp(ctx: RuleContext, app: Node, apps: { calls: Set<number>; names: Set<string> }): boolean {
  const spec = stringValue(app);
  if (!spec) return false;
  const m = /^([\w.]+):(\w+)$/.exec(spec);
  if (!m) return false;
  const stem = path.basename(ctx.path, '.py');
  const mod = m[1].split('.').pop();
  return mod === stem && apps.names.has(m[2]);
}

const UVICORN_RUNS = {};

export default defineRule({
  meta: {
    code: 'FMCP512',
    name: 'stateful-http-multi-worker',
    title: 'Stateful MCP HTTP app run with several workers',
    severity: 'warning',
    docs: {
      what: 'Flags `uvicorn.run("module:app", workers=N)` with a literal N above 1 when `module` is this file and `app` is bound at its module level to the server\'s http app (`http_app()` over Streamable HTTP, `streamable_http_app()`) or to a FastAPI/Starlette app of a file that builds one, and nothing in the file turns on stateless HTTP.',
      why: 'Streamable HTTP sessions live in the memory of the worker that created them. With several workers the next request of a session usually lands on another worker, which answers "Bad Request: No valid session ID provided" / "Session not found", and clients fail after initialize.',
      example: 'app = mcp.http_app()\n\nif __name__ == "__main__":\n    uvicorn.run("server:app", host="0.0.0.0", port=8000, workers=4)',
      useInstead: 'app = mcp.http_app(stateless_http=True)\n\nif __name__ == "__main__":\n    uvicorn.run("server:app", host="0.0.0.0", port=8000, workers=4)',
      notes: 'uvicorn runs several workers only when given an import string, so an app object is not flagged (uvicorn refuses to start that). `uvicorn_config={"workers": …}` of `run_http_async` is ignored by uvicorn\'s single-process server and is not flagged either. Silent when the file mentions stateless mode anywhere (`stateless_http=True`, `stateless=True`, `FASTMCP_STATELESS_HTTP`) and when the worker count is not a literal. Stateless mode set only outside the file (an environment variable in the deployment) cannot be seen: suppress the line then.',
    },
  },
  check(ctx) {
    if (mentionsStateless(ctx)) return;
    const apps = mcpApps(ctx);
    if (!apps.calls.size) return;
    const report = (workersValue: Node, count: number) =>
      ctx.report({
        node: keywordNode(workersValue) ?? workersValue,
        message: `${count} workers serve a stateful MCP HTTP app: each session lives in one worker, so requests routed to another fail with "Session not found". Create the app with \`stateless_http=True\` (or set FASTMCP_STATELESS_HTTP=true), or run one worker.`,
      });

    for (const call of callsWhere(ctx.model, UVICORN_RUNS, (c) => ctx.model.resolve(c.childForFieldName('function')) === 'uvicorn.run')) {
      const args = ctx.model.callArgs(call);
      const workers = args.keywords.get('workers');
      const count = intValue(workers);
      const app = args.positional[0] ?? args.keywords.get('app');
      if (!workers || count === null || count < 2 || !app || !isMcpApp(ctx, app, apps)) continue;
      report(workers, count);
    }
  },
});
