import { ownRunCalls } from '../model/model';
import { defineRule } from './api';
import { transportOf } from './util-run';

const CHECKED = new Set(['run', 'run_async', 'run_http_async']);

export default defineRule({
  meta: {
    code: 'FMCP110',
    name: 'sse-stateless',
    title: 'Stateless mode with the SSE transport',
    severity: 'error',
    flavors: 'fastmcp',
    versions: { min: '3.0.0' },
    docs: {
      what: 'Flags `run`, `run_async` or `run_http_async` with `transport="sse"` and `stateless_http=True` (or its alias `stateless=True`).',
      why: 'SSE keeps a session per connection and cannot run stateless. From FastMCP 3.0 the HTTP runner refuses the combination at start: `ValueError("SSE transport does not support stateless mode")`.',
      example: 'mcp.run(transport="sse", stateless_http=True)',
      useInstead: 'mcp.run(transport="http", stateless_http=True)',
      notes: '`http_app(transport="sse", stateless_http=True)` is not reported: it does not raise. Only FastMCP 3.0 and later check this; `FASTMCP_STATELESS_HTTP` set in the environment cannot be seen statically.',
    },
  },
  check(ctx) {
    for (const rc of ownRunCalls(ctx.model)) {
      if (!CHECKED.has(rc.method) || rc.call.hasError) continue;
      if (transportOf(rc).value !== 'sse') continue;
      // `stateless` is an alias used only when `stateless_http` is not given.
      const explicit = rc.args.keywords.get('stateless_http');
      const flag = explicit ?? rc.args.keywords.get('stateless');
      if (flag?.type !== 'true' || !flag.parent) continue;
      const key = flag.parent.childForFieldName('name')?.text ?? 'stateless_http';
      ctx.report({
        node: flag.parent,
        message: `\`${key}=True\` with \`transport="sse"\`: FastMCP 3 refuses this at start with ValueError("SSE transport does not support stateless mode"). Use \`transport="http"\` for a stateless server, or drop \`${key}\`.`,
      });
    }
  },
});
