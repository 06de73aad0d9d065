import type { Fix } from '../types';
import type { Node } from '../parse';
import { ownCallsWhere } from '../model/model';
import { fastmcpClassFlavor } from '../model/names';
import { defineRule } from './api';
import { apiStatus, changesFor, historyOf, messageAt, reportShape } from './data-api-changes';
import { insertFirstArgumentEdit } from './util-api';

const CHANGES = new Map(changesFor('FMCP604', 'server-method').map((c) => [c.old, c]));

export default defineRule({
  meta: {
    code: 'FMCP604',
    name: 'removed-server-method',
    title: 'Server method that is deprecated or removed in the target version',
    severity: 'warning',
    deprecation: true,
    flavors: 'fastmcp',
    fix: { safety: 'safe', title: 'Call the replacement method' },
    docs: {
      what: 'Flags calls of FastMCP server methods that the target version deprecates or no longer has: `sse_app`, `streamable_http_app`, `run_sse_async`, `run_streamable_http_async`, `FastMCP.from_client`, `add_resource_fn` (removed 2.14); `get_tools`, `get_resources`, `get_prompts`, `get_resource_templates` (removed 3.0, now `list_*`); `FastMCP.as_proxy`, `add_tool_transformation` (deprecated 3.0.0b1) and `remove_tool` (deprecated 3.0.0rc1).',
      why: 'A removed method raises AttributeError when the line runs — for `streamable_http_app()` or `sse_app()` that is at import, so the ASGI app never exists. Deprecated ones work with a DeprecationWarning such as "The sse_app method is deprecated (as of 2.3.2). Use http_app as a modern (non-SSE) alternative …" until the release that removes them.',
      example: 'app = mcp.streamable_http_app()\ntools = await mcp.get_tools()\nproxy = FastMCP.as_proxy("http://upstream/mcp")',
      useInstead: 'from fastmcp.server import create_proxy\n\napp = mcp.http_app()\ntools = await mcp.list_tools()\nproxy = create_proxy("http://upstream/mcp")',
      notes:
        'Version-aware through the table in `data-api-changes.ts`: nothing before the deprecating release, a Deprecated warning while deprecated, an error from the removing release, silent when the version is unknown. Only the standalone package is checked: the MCP SDK\'s FastMCP really has `sse_app` and `streamable_http_app`. Fixes are safe where the call maps 1:1 (`streamable_http_app()` → `http_app()`, `sse_app()` → `http_app(transport="sse")`, `remove_tool(x)` → `local_provider.remove_tool(x)`); `get_tools()` → `list_tools()` is offered only (it returns a list, not a dict), as is `FastMCP.as_proxy` → `create_proxy`.',
    },
  },
  check(ctx) {
    for (const call of ownCallsWhere(ctx.model, CHANGED_METHOD_CALLS, isChangedMethodCall)) {
      const fn = call.childForFieldName('function')!;
      const method = fn.childForFieldName('attribute')!;
      const change = CHANGES.get(method.text)!;
      const obj = fn.childForFieldName('object');
      const server = ctx.model.serverOf(obj);
      const onClass = fastmcpClassFlavor(ctx.model.resolve(obj)) === 'fastmcp';
      if (!(server?.flavor === 'fastmcp' || (change.onClass && onClass))) continue;
      const status = apiStatus(change, ctx.target);
      if (status === undefined || status === 'current') continue;
      const shape = reportShape(status);
      const shown = `${obj?.text ?? ''}.${change.old}()`;
      const message =
        status === 'removed'
          ? `\`${shown}\` does not exist in FastMCP ${ctx.target.version} (${historyOf(change)}): AttributeError when this runs. Use ${change.new}.`
          : `\`${shown}\` is deprecated (${historyOf(change)}); FastMCP warns: "${messageAt(change, ctx.target)}"`;

      const args = ctx.model.callArgs(call);
      const fixes: Fix[] = [];
      const bare = args.positional.length === 0 && !args.hasSplat;
      switch (change.old) {
        case 'streamable_http_app':
          fixes.push(ctx.fix('Call `http_app()`', 'safe', [ctx.replace(method, 'http_app')]));
          break;
        case 'run_streamable_http_async':
          if (bare) fixes.push(ctx.fix('Call `run_http_async()`', 'safe', [ctx.replace(method, 'run_http_async')]));
          break;
        case 'sse_app':
        case 'run_sse_async': {
          if (!bare || args.keywords.has('message_path') || args.keywords.has('transport')) break;
          const insert = insertFirstArgumentEdit(ctx, call, 'transport="sse"');
          if (insert) fixes.push(ctx.fix(`Call \`${change.rename}(transport="sse")\``, 'safe', [ctx.replace(method, change.rename!), insert]));
          break;
        }
        case 'from_client':
          if (ctx.target.below('3.0.0b1')) fixes.push(ctx.fix('Call `FastMCP.as_proxy()`', 'safe', [ctx.replace(method, 'as_proxy')]));
          break;
        case 'get_tools':
        case 'get_resources':
        case 'get_prompts':
        case 'get_resource_templates':
          fixes.push(ctx.fix(`Call \`${change.rename}()\` (returns a list)`, 'unsafe', [ctx.replace(method, change.rename!)]));
          break;
        case 'remove_tool':
          if (obj) fixes.push(ctx.fix('Call `local_provider.remove_tool()`', 'safe', [ctx.replace(fn, `${obj.text}.local_provider.remove_tool`)]));
          break;
        case 'as_proxy':
          fixes.push(ctx.fix('Call `create_proxy()`', 'unsafe', [ctx.replace(fn, 'create_proxy'), ...ctx.addImport('from fastmcp.server import create_proxy', 'create_proxy')]));
          break;
      }
      ctx.report({ node: method, message, severity: shape.severity, deprecated: shape.deprecated, fixes });
    }
  },
});

const CHANGED_METHOD_CALLS = {};

/** `x.method(...)` for a method this rule knows a change of, without syntax errors. */
function isChangedMethodCall(call: Node): boolean {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute' || call.hasError) return false;
  const method = fn.childForFieldName('attribute');
  return !!method && CHANGES.has(method.text);
}
