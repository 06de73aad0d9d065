import { defineRule } from './api';
import { componentIsClean, keywordArgument } from './util-components';

const STRINGS = new Set(['string', 'concatenated_string']);

export default defineRule({
  meta: {
    code: 'FMCP213',
    name: 'name-given-twice',
    title: 'Decorator given a positional name and name=',
    severity: 'error',
    docs: {
      what: 'Flags `@mcp.tool("a", name="b")` and `@mcp.prompt("a", name="b")`: a tool or prompt decorator that receives its name both as the first positional argument and as `name=`.',
      why: 'FastMCP raises `TypeError: Cannot specify both a name as first argument and as keyword argument. Use either @tool(\'…\') or @tool(name=\'…\'), not both.` when the module is imported (before 2.7 and in the MCP SDK, Python itself raises "got multiple values for argument \'name\'"), so the server never starts.',
      example: '@mcp.tool("lookup", name="lookup_user")\ndef lookup_user(user_id: str) -> dict: ...',
      useInstead: '@mcp.tool(name="lookup_user")\ndef lookup_user(user_id: str) -> dict: ...',
      notes: '`@mcp.resource("uri", name="…")` is fine: a resource\'s first argument is its URI.',
    },
  },
  check(ctx) {
    for (const c of ctx.model.components) {
      if (c.kind === 'resource' || !c.call || !componentIsClean(c)) continue;
      const kw = c.keywords.get('name');
      const first = c.positional[0];
      if (!kw || !first || !STRINGS.has(first.type)) continue;
      ctx.report({
        node: keywordArgument(kw),
        message: `\`@${c.callee.text}\` gets its name twice, as the first argument and as \`name=\`: this raises TypeError when the module is imported. Keep one of them.`,
      });
    }
  },
});
