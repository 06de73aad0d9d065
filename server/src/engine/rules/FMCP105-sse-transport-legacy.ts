import { ownRunCalls } from '../model/model';
import { defineRule } from './api';
import { httpTransportName, transportOf } from './util-run';

const CHECKED = new Set(['run', 'run_async', 'run_http_async', 'http_app']);

export default defineRule({
  meta: {
    code: 'FMCP105',
    name: 'sse-transport-legacy',
    title: 'Legacy SSE transport',
    severity: 'info',
    fix: { safety: 'unsafe', title: 'Use Streamable HTTP' },
    docs: {
      what: 'Flags `transport="sse"` passed to `run`, `run_async`, `run_http_async` or `http_app`.',
      why: 'The HTTP+SSE transport is the legacy one: the MCP specification replaced it with Streamable HTTP (2025-03-26) and FastMCP documents it as "SSE Transport (Legacy)". New clients may not speak it, and it cannot run stateless behind a load balancer.',
      example: 'mcp.run(transport="sse", port=8000)',
      useInstead: 'mcp.run(transport="http", port=8000)',
      notes: 'Clients connect to a different URL after the switch (`/mcp` instead of `/sse`), so the fix is offered, never applied automatically. The MCP SDK\'s bundled FastMCP spells the new transport `"streamable-http"`; so does FastMCP before 2.9. Nothing is reported for FastMCP before 2.3, which had no alternative, nor when the same file also serves that server over Streamable HTTP (SSE kept for older clients).',
    },
  },
  check(ctx) {
    // A server that also offers Streamable HTTP keeps SSE on purpose, for older clients.
    const alsoHttp = new Set(
      ctx.model.runCalls.filter((rc) => CHECKED.has(rc.method) && ['http', 'streamable-http'].includes(transportOf(rc).value ?? '')).map((rc) => rc.server),
    );
    for (const rc of ownRunCalls(ctx.model)) {
      if (!CHECKED.has(rc.method) || alsoHttp.has(rc.server)) continue;
      const replacement = httpTransportName(rc.server.flavor, ctx.target);
      if (!replacement) continue;
      const t = transportOf(rc);
      if (t.value !== 'sse' || !t.node || t.node.type !== 'string') continue;
      const quote = t.node.text.startsWith("'") ? "'" : '"';
      ctx.report({
        node: t.node,
        message: `SSE is the legacy MCP transport, replaced by Streamable HTTP; clients increasingly expect \`transport="${replacement}"\` (endpoint \`/mcp\` instead of \`/sse\`).`,
        fixes: [ctx.fix(`Use transport ${quote}${replacement}${quote}`, 'unsafe', [ctx.replace(t.node, `${quote}${replacement}${quote}`)])],
      });
    }
  },
});
