import { ownCallsWhere } from '../model/model';
import { defineRule } from './api';
import { apiStatus, changesFor, historyOf, messageAt, reportShape } from './data-api-changes';
import { isFastmcpServerConstruction, keywordNode, removeArgumentEdit } from './util-api';

const CHANGES = changesFor('FMCP601', 'server-kwarg');

export default defineRule({
  meta: {
    code: 'FMCP601',
    name: 'removed-server-argument',
    title: 'FastMCP() keyword that is deprecated or removed in the target version',
    severity: 'warning',
    deprecation: true,
    flavors: 'fastmcp',
    fix: { safety: 'unsafe', title: 'Remove the argument (or rename it where FastMCP has a 1:1 replacement)' },
    docs: {
      what: 'Flags keywords of `FastMCP(...)` (and of `FastMCP.from_openapi`/`from_fastapi`, whose extra keywords reach the constructor) that the target FastMCP version deprecates or no longer accepts: the transport settings `host`, `port`, `log_level`, `debug`, `sse_path`, `message_path`, `streamable_http_path`, `json_response`, `stateless_http` (deprecated 2.8, removed 3.0), `include_tags`/`exclude_tags`, `on_duplicate_tools/resources/prompts`, `tool_serializer`, `tool_transformations` (deprecated 3.0.0b1, removed 3.0.0rc1), `include_fastmcp_meta` (removed 3.0.0b1) and `dependencies` (deprecated 2.12, removed 2.14).',
      why: 'While deprecated, FastMCP logs a DeprecationWarning such as "Providing `port` when creating a server is deprecated. Provide it when calling `run` or as a global setting instead." Once removed, creating the server raises TypeError — in 3.x "FastMCP() no longer accepts `port`. Pass `port` to `run_http_async()`, or set FASTMCP_PORT." — so the module fails to import and nothing is served.',
      example: 'mcp = FastMCP("weather", host="0.0.0.0", port=8000)\n\nif __name__ == "__main__":\n    mcp.run(transport="http")',
      useInstead: 'mcp = FastMCP("weather")\n\nif __name__ == "__main__":\n    mcp.run(transport="http", host="0.0.0.0", port=8000)',
      guide: [9],
      notes:
        'Driven by the version table in `data-api-changes.ts`. Before the deprecating release nothing is reported; while deprecated it is a warning tagged Deprecated; from the removing release it is an error. With an unknown target version the rule stays silent, because every one of these keywords was valid in some release. The fix removes the keyword (re-adding it to `run()` is left to you, so the fix is offered, never applied automatically); `on_duplicate_*` is renamed to `on_duplicate` instead.',
    },
  },
  check(ctx) {
    for (const call of ownCallsWhere(ctx.model, SERVER_CONSTRUCTIONS, (c) => !c.hasError && isFastmcpServerConstruction(ctx, c))) {
      const args = ctx.model.callArgs(call);
      for (const change of CHANGES) {
        const value = args.keywords.get(change.old);
        if (!value) continue;
        const status = apiStatus(change, ctx.target);
        if (status === undefined || status === 'current') continue;
        const kw = keywordNode(value);
        const nameNode = kw?.childForFieldName('name');
        if (!kw || !nameNode) continue;
        const shape = reportShape(status);
        const message =
          status === 'removed'
            ? `FastMCP() does not accept \`${change.old}\` in FastMCP ${ctx.target.version} (${historyOf(change)}): creating the server raises TypeError and the module fails to import. ${change.new}`
            : `\`${change.old}=\` on FastMCP() is deprecated (${historyOf(change)}); FastMCP warns: "${messageAt(change, ctx.target)}" ${change.new}`;
        let fix;
        if (change.rename && !args.keywords.has(change.rename) && CHANGES.filter((c) => c.rename === change.rename && args.keywords.has(c.old)).length === 1) {
          fix = ctx.fix(`Rename to \`${change.rename}=\``, 'unsafe', [ctx.replace(nameNode, change.rename)]);
        } else {
          fix = ctx.fix(`Remove \`${change.old}=\``, 'unsafe', [removeArgumentEdit(ctx, kw)]);
        }
        ctx.report({ node: nameNode, message, severity: shape.severity, deprecated: shape.deprecated, fixes: [fix] });
      }
    }
  },
});

const SERVER_CONSTRUCTIONS = {};
