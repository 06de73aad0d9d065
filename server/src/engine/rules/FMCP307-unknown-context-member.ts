import type { Node } from '../parse';
import type { Fix } from '../types';
import { ownAttributesWhere } from '../model/model';
import { defineRule, type RuleContext } from './api';
import { isContextName } from './util-async';

const LIST_CHANGED = new Set(['send_tool_list_changed', 'send_resource_list_changed', 'send_prompt_list_changed']);
const SAMPLE_KEYWORDS = new Set(['messages', 'system_prompt', 'temperature', 'max_tokens', 'model_preferences']);

/** The call whose callee is `attr` (`ctx.member(...)`), if any. */
function callOf(attr: Node): Node | null {
  const p = attr.parent;
  return p?.type === 'call' && p.childForFieldName('function')?.id === attr.id ? p : null;
}

function rename(ctx: RuleContext, name: Node, to: string): Fix {
  return ctx.fix(`Use \`${to}\``, 'safe', [ctx.replace(name, to)]);
}

export default defineRule({
  meta: {
    code: 'FMCP307',
    name: 'unknown-context-member',
    title: 'Context member that does not exist in the target version',
    severity: 'error',
    fix: { safety: 'safe', title: 'Use the real member' },
    docs: {
      what: 'Flags members used on a Context that do not exist: names that never existed (`request_elicitation`, `request_sampling`, `fastmcp_context`, `get_state(..., default=...)`), members removed in the target version (`get_http_request()` from FastMCP 2.14, `send_tool_list_changed()` and friends from 3.0), and `lifespan_context` before 3.0. The message names the real member.',
      why: 'Each raises `AttributeError` (or `TypeError` for the `default=` keyword) when the tool runs, so the call fails for the client. These names circulate in guides and generated code: elicitation is `await ctx.elicit(message, response_type)`, sampling is `await ctx.sample(messages, ...)`, `fastmcp_context` belongs to the middleware context, and the lifespan value lives at `ctx.request_context.lifespan_context` in FastMCP 2 and the MCP SDK.',
      example: '@mcp.tool\nasync def confirm(ctx: Context) -> str:\n    answer = await ctx.request_elicitation("Proceed?", response_type=bool)\n    db = ctx.lifespan_context["db"]  # FastMCP 2\n    return str(answer)',
      useInstead: '@mcp.tool\nasync def confirm(ctx: Context) -> str:\n    answer = await ctx.elicit("Proceed?", response_type=bool)\n    db = ctx.request_context.lifespan_context["db"]\n    return str(answer)',
      notes: 'Only names known to be Context (annotated parameters, `get_context()`) are checked. Removed members are flagged only when the target version is known; names that never existed are flagged for any version. Fixes are offered where the replacement takes the same arguments.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    const sdk = ctx.flavor === 'sdk';
    for (const attr of ownAttributesWhere(model, KNOWN_MEMBER_ATTRIBUTES, isKnownMemberOfName)) {
      const obj = attr.childForFieldName('object')!;
      const name = attr.childForFieldName('attribute')!;
      const member = name.text;
      if (!isContextName(model, obj)) continue;
      const c = obj.text;
      const call = callOf(attr);
      const args = call ? model.callArgs(call) : null;
      const at = (msg: string, fixes: Fix[] = [], node: Node = name) => ctx.report({ node, message: msg, fixes });

      switch (member) {
        case 'request_elicitation': {
          const allowed = sdk ? new Set<string>() : new Set(['message', 'response_type']);
          const ok = !args || (!args.hasSplat && [...args.keywords.keys()].every((k) => allowed.has(k)));
          at(`Context has no \`request_elicitation\` (AttributeError when the tool runs). Ask the user with \`await ${c}.elicit(message, ${sdk ? 'schema' : 'response_type'})\`.`, ok ? [rename(ctx, name, 'elicit')] : []);
          break;
        }
        case 'request_sampling': {
          if (sdk) {
            at(`Context has no \`request_sampling\` (AttributeError when the tool runs). The MCP SDK samples through the session: \`await ${c}.session.create_message(messages, max_tokens=...)\`.`);
            break;
          }
          const ok = !args || (!args.hasSplat && args.positional.length <= 1 && [...args.keywords.keys()].every((k) => SAMPLE_KEYWORDS.has(k)));
          at(`Context has no \`request_sampling\` (AttributeError when the tool runs). Ask the client's model with \`await ${c}.sample(messages, ...)\`.`, ok ? [rename(ctx, name, 'sample')] : []);
          break;
        }
        case 'fastmcp_context': {
          at(`\`fastmcp_context\` is an attribute of the middleware's MiddlewareContext, not of Context (AttributeError when the tool runs): \`${c}\` is already the Context, use it directly.`, [
            ctx.fix(`Use \`${c}\` directly`, 'unsafe', [ctx.replace(attr, c)]),
          ]);
          break;
        }
        case 'get_state': {
          if (sdk || !args) break;
          const def = call!.childForFieldName('arguments')?.namedChildren.find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'default');
          if (!def) break;
          at(`\`get_state\` takes no \`default=\` (TypeError: unexpected keyword argument); it returns None for a missing key. Write \`${c}.get_state(key)\` and apply the default yourself, e.g. \`... or default\` or an \`is None\` check.`, [], def);
          break;
        }
        case 'get_http_request': {
          if (!sdk && ctx.target.atLeast('2.14.0') !== true) break;
          if (sdk) {
            at(`The MCP SDK's Context has no \`get_http_request\` (AttributeError when the tool runs). The Starlette request is \`${c}.request_context.request\`.`);
            break;
          }
          const fixes: Fix[] = [];
          const bound = model.imports.find((b) => b.local === 'get_http_request' && !b.local_scope);
          const clash = (bound && bound.qualified !== 'fastmcp.server.dependencies.get_http_request') || model.moduleFunctions.has('get_http_request');
          if (call && args && args.positional.length === 0 && args.keywords.size === 0 && !args.hasSplat && !clash) {
            fixes.push(
              ctx.fix('Use `get_http_request()` from fastmcp.server.dependencies', 'safe', [
                ctx.replace(attr, 'get_http_request'),
                ...ctx.addImport('from fastmcp.server.dependencies import get_http_request', 'get_http_request'),
              ]),
            );
          }
          at(`\`Context.get_http_request()\` was removed in FastMCP 2.14 (AttributeError when the tool runs). Call \`get_http_request()\` from \`fastmcp.server.dependencies\` instead.`, fixes);
          break;
        }
        case 'lifespan_context': {
          if (!sdk && ctx.target.below('3.0.0b1') !== true) break;
          const where = sdk ? "The MCP SDK's Context has no `lifespan_context` (AttributeError when the tool runs)" : `Context in FastMCP ${ctx.target.version} has no \`lifespan_context\` (AttributeError; it was added in FastMCP 3)`;
          at(`${where}. The lifespan's value is \`${c}.request_context.lifespan_context\`.`, [
            ctx.fix('Use `request_context.lifespan_context`', 'safe', [ctx.replace(name, 'request_context.lifespan_context')]),
          ]);
          break;
        }
        default: {
          // send_*_list_changed: removed from FastMCP's Context in 3.0; never on the SDK's Context.
          if (!sdk && ctx.target.atLeast('3.0.0b1') !== true) break;
          const where = sdk ? `The MCP SDK's Context has no \`${member}()\`` : `FastMCP 3 removed \`Context.${member}()\``;
          at(`${where} (AttributeError when the tool runs). The session still has it: \`await ${c}.session.${member}()\`${sdk ? '' : '; FastMCP 3 also sends list-changed notifications by itself when components change'}.`, [
            ctx.fix(`Use \`${c}.session.${member}\``, 'safe', [ctx.replace(name, `session.${member}`)]),
          ]);
        }
      }
    }
  },
});

const KNOWN_MEMBER_ATTRIBUTES = {};

/** `name.member` for a member this rule knows something about, without syntax errors. */
function isKnownMemberOfName(attr: Node): boolean {
  const obj = attr.childForFieldName('object');
  const name = attr.childForFieldName('attribute');
  if (obj?.type !== 'identifier' || !name || attr.hasError) return false;
  const member = name.text;
  return (
    member === 'request_elicitation' ||
    member === 'request_sampling' ||
    member === 'fastmcp_context' ||
    member === 'get_state' ||
    member === 'get_http_request' ||
    member === 'lifespan_context' ||
    LIST_CHANGED.has(member)
  );
}
