import { defineRule } from './api';

export default defineRule({
  meta: {
    code: 'FMCP221',
    name: 'bare-decorator-unsupported',
    title: 'Bare @tool/@prompt where that form does not exist',
    severity: 'error',
    fix: { safety: 'safe', title: 'Add ()' },
    docs: {
      what: 'Flags `@mcp.tool` and `@mcp.prompt` without parentheses on a server of the MCP SDK\'s bundled FastMCP (`mcp.server.fastmcp`), and on standalone FastMCP older than 2.7.',
      why: 'The bare form was introduced in FastMCP 2.7; the MCP SDK\'s FastMCP never had it. There the decorator receives the function as its name argument and raises `TypeError("The @tool decorator was used incorrectly. Did you forget to call it? Use @tool() instead of @tool")` (likewise for `@prompt`), so the server fails to import.',
      example: 'from mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP("demo")\n\n@mcp.tool\ndef ping() -> str:\n    return "pong"',
      useInstead: 'from mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP("demo")\n\n@mcp.tool()\ndef ping() -> str:\n    return "pong"',
      notes: 'For standalone FastMCP the rule fires only when the target version is known to be below 2.7. `@mcp.resource` always needs a URI (FMCP209).',
    },
  },
  check(ctx) {
    for (const c of ctx.model.components) {
      if (c.call || !c.serverVar || (c.kind !== 'tool' && c.kind !== 'prompt') || c.decorator.hasError) continue;
      const sdk = c.flavor === 'sdk';
      if (!sdk && ctx.target.below('2.7') !== true) continue;
      const where = sdk ? "the MCP SDK's FastMCP has no bare form" : `the bare form needs FastMCP 2.7, the target is ${ctx.target.version}`;
      ctx.report({
        node: c.callee,
        message: `\`@${c.callee.text}\` without parentheses: ${where}, so it raises TypeError when the module loads ("Did you forget to call it? Use @${c.kind}() instead of @${c.kind}"). Write \`@${c.callee.text}()\`.`,
        fixes: [ctx.fix('Add ()', 'safe', [ctx.insertAt(c.callee.endIndex, '()')])],
      });
    }
  },
});
