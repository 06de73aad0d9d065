import { defineRule } from './api';

export default defineRule({
  meta: {
    code: 'FMCP209',
    name: 'resource-without-uri',
    title: 'Resource decorator without a URI',
    severity: 'error',
    docs: {
      what: 'Flags `@mcp.resource` used bare (without parentheses) or called without a URI (`@mcp.resource()`, `@mcp.resource(name="x")`).',
      why: 'Unlike `@mcp.tool` and `@mcp.prompt`, the resource decorator has no default for its URI. Used bare, it receives the function as the URI and raises `TypeError("The @resource decorator was used incorrectly. Did you forget to call it? Use @resource(\'uri\') instead of @resource")` (FastMCP 3 words it "… requires a URI …"); called without one, Python raises TypeError for the missing `uri` argument. Either way the server fails to import.',
      example: '@mcp.resource\ndef settings() -> str:\n    return "{}"',
      useInstead: '@mcp.resource("config://settings")\ndef settings() -> str:\n    return "{}"',
      notes: 'Calls with `*args`/`**kwargs` splats are left alone.',
    },
  },
  check(ctx) {
    for (const c of ctx.model.components) {
      if (c.kind !== 'resource' || c.decorator.hasError) continue;
      if (!c.call) {
        ctx.report({
          node: c.callee,
          message: `\`@${c.callee.text}\` needs a URI: used bare it raises TypeError when the module loads ("Use @resource('uri') instead of @resource"). Write \`@${c.callee.text}("resource://${c.funcName || 'name'}")\`.`,
        });
        continue;
      }
      if (c.hasSplat || c.positional.length || c.keywords.has('uri')) continue;
      ctx.report({
        node: c.call,
        message: `\`${c.callee.text}(...)\` is called without a URI: it raises TypeError (missing argument 'uri') when the module loads. Pass the URI first, e.g. \`${c.callee.text}("resource://${c.funcName || 'name'}")\`.`,
      });
    }
  },
});
