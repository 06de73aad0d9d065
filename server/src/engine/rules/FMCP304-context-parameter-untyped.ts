import type { Node } from '../parse';
import { defineRule } from './api';
import { contextNameFor } from './util-async';

/** Members only a Context has: using one shows that an unannotated `context` parameter was meant to be one. */
const CONTEXT_MEMBERS = new Set([
  'report_progress', 'log', 'debug', 'info', 'warning', 'error', 'read_resource', 'list_resources', 'list_prompts',
  'get_prompt', 'list_roots', 'sample', 'sample_step', 'elicit', 'send_notification', 'close_sse_stream', 'get_state',
  'set_state', 'delete_state', 'request_context', 'lifespan_context', 'session_id', 'client_id', 'request_id', 'fastmcp',
  'session', 'get_http_request', 'send_tool_list_changed', 'send_resource_list_changed', 'send_prompt_list_changed',
]);

function usedAsContext(body: Node | null, name: string): boolean {
  if (!body) return false;
  const stack: Node[] = [body];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'attribute') {
      const obj = n.childForFieldName('object');
      const attr = n.childForFieldName('attribute');
      if (obj?.type === 'identifier' && obj.text === name && attr && CONTEXT_MEMBERS.has(attr.text)) return true;
    }
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return false;
}

export default defineRule({
  meta: {
    code: 'FMCP304',
    name: 'context-parameter-untyped',
    title: 'Component parameter `ctx`/`context` without a `Context` annotation',
    severity: 'error',
    fix: { safety: 'safe', title: 'Annotate the parameter as `Context`' },
    docs: {
      what: 'Flags a parameter named `ctx` (or `context`, when the function uses it like a Context) of a tool, resource or prompt that has no type annotation.',
      why: 'FastMCP finds the Context parameter by its type annotation only; the name means nothing. An unannotated `ctx` is an ordinary argument: it appears in the tool\'s input schema as a required field the client must fill, calls without it fail input validation, and inside the function `ctx` is whatever the client sent, so `ctx.info(...)` fails.',
      example: '@mcp.tool\nasync def search(query: str, ctx) -> list[str]:\n    await ctx.info(f"searching {query}")\n    return []',
      useInstead: 'from fastmcp import Context\n\n@mcp.tool\nasync def search(query: str, ctx: Context) -> list[str]:\n    await ctx.info(f"searching {query}")\n    return []',
      guide: [3],
      notes: 'A parameter named `context` is flagged only when the function uses a Context member on it (`context.info`, `context.request_context`, …): tools often take a plain `context` string from the client. The fix imports `Context` from the flavor the server uses, or reuses an existing import.',
    },
  },
  check(ctx) {
    for (const comp of ctx.model.components) {
      for (const p of comp.params) {
        if (p.annotation || p.injected || (p.kind !== 'positional' && p.kind !== 'keyword_only')) continue;
        if (p.name !== 'ctx' && p.name !== 'context') continue;
        if (p.node.hasError) continue;
        if (p.name === 'context' && !usedAsContext(comp.func.childForFieldName('body'), 'context')) continue;
        const target = contextNameFor(ctx, comp.flavor);
        const fixes = [];
        if (target) {
          let edit;
          if (p.default) {
            const type = p.default.type === 'none' ? `${target.name} | None` : target.name;
            edit = ctx.replace(p.node, `${p.name}: ${type} = ${p.default.text}`);
          } else edit = ctx.insertAt(p.nameNode.endIndex, `: ${target.name}`);
          fixes.push(ctx.fix(`Annotate \`${p.name}: ${target.name}\``, 'safe', [edit, ...target.edits]));
        }
        ctx.report({
          node: p.nameNode,
          message: p.default
            ? `\`${p.name}\` has no type annotation, so FastMCP does not inject the Context: it is an ordinary argument clients may fill, and otherwise it stays \`${p.default.text}\`. Annotate it \`${p.name}: Context\`.`
            : `\`${p.name}\` has no type annotation, so FastMCP does not inject the Context: clients see it as a required argument named "${p.name}" and calls without it fail validation. Annotate it \`${p.name}: Context\`.`,
          fixes,
        });
      }
    }
  },
});
