import { stringValue, ownRunCalls } from '../model/model';
import { closest } from '../config/settings';
import { defineRule } from './api';

const FASTMCP_TRANSPORTS = ['stdio', 'http', 'sse', 'streamable-http'];
const SDK_TRANSPORTS = ['stdio', 'sse', 'streamable-http'];
const CHECKED = new Set(['run', 'run_async', 'http_app', 'run_http_async']);

export default defineRule({
  meta: {
    code: 'FMCP103',
    name: 'unknown-transport',
    title: 'Transport name FastMCP does not know',
    severity: 'error',
    fix: { safety: 'safe', title: 'Use the closest transport name' },
    docs: {
      what: 'Flags a `transport=` string literal passed to `run`, `run_async`, `run_http_async` or `http_app` that the server does not accept. The standalone package accepts `stdio`, `http`, `sse` and `streamable-http`; the MCP SDK\'s bundled FastMCP accepts `stdio`, `sse` and `streamable-http` (no `http` alias).',
      why: 'FastMCP raises `ValueError("Unknown transport: …")` when the server starts, so the server never comes up. Misspellings such as `streamable_http` or `HTTP` are common because other tools spell them that way.',
      example: 'mcp.run(transport="streamable_http", port=8000)',
      useInstead: 'mcp.run(transport="http", port=8000)',
      guide: [7],
      notes: 'Only literal strings are checked; a transport read from a variable or the environment is left alone.',
    },
  },
  check(ctx) {
    for (const rc of ownRunCalls(ctx.model)) {
      if (!CHECKED.has(rc.method)) continue;
      const arg = rc.args.keywords.get('transport') ?? (rc.method === 'run' || rc.method === 'run_async' ? rc.args.positional[0] : undefined);
      const value = stringValue(arg ?? null);
      if (value === null || !arg) continue;
      const valid = rc.server.flavor === 'sdk' ? SDK_TRANSPORTS : FASTMCP_TRANSPORTS;
      if (valid.includes(value)) continue;
      const normalized = value.toLowerCase().replace(/_/g, '-').trim();
      const suggestion = valid.includes(normalized) ? normalized : closest(normalized, valid, 3);
      const quote = arg.text.startsWith("'") ? "'" : '"';
      const flavorNote = rc.server.flavor === 'sdk' && value === 'http' ? ' (the MCP SDK\'s FastMCP has no `http` alias)' : '';
      ctx.report({
        node: arg,
        message: `Unknown transport "${value}"${flavorNote}: the server fails at start with ValueError. Valid: ${valid.map((v) => `"${v}"`).join(', ')}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        fixes: suggestion ? [ctx.fix(`Use "${suggestion}"`, 'safe', [ctx.replace(arg, `${quote}${suggestion}${quote}`)])] : [],
      });
    }
  },
});
