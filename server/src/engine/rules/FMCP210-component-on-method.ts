import { defineRule } from './api';
import { componentIsClean, decoratorsOf } from './util-components';

export default defineRule({
  meta: {
    code: 'FMCP210',
    name: 'component-on-method',
    title: 'Server decorator on a method with self/cls',
    severity: 'error',
    docs: {
      what: 'Flags `@mcp.tool`, `@mcp.resource` or `@mcp.prompt` (a decorator bound to a server variable) on a function defined in a class body whose first parameter is `self` or `cls`.',
      why: 'The decorator runs while the class body is executed, on the plain function, long before any instance exists. FastMCP 3 refuses it with `TypeError: The function \'…\' has \'self\' as its first parameter. Use the standalone @tool decorator and register the bound method: …`. FastMCP 2 and the MCP SDK register it anyway and publish `self` as a required argument that clients must send, so every call fails validation or receives a wrong `self`.',
      example: 'class Weather:\n    @mcp.tool\n    def forecast(self, city: str) -> str:\n        return self.client.get(city)',
      useInstead: 'from fastmcp.tools import tool\n\nclass Weather:\n    @tool\n    def forecast(self, city: str) -> str:\n        return self.client.get(city)\n\nweather = Weather()\nmcp.add_tool(weather.forecast)',
      notes: 'Error on FastMCP ≥ 3.0, warning on 2.x, the MCP SDK, and when the version is unknown (wrong in every version, fatal only in 3). The standalone `@tool`/`@resource`/`@prompt` of `fastmcp.tools`/`.resources`/`.prompts` on a method is the v3 way and is not flagged; neither is a `@staticmethod` placed under the server decorator. A `@classmethod` directly under the server decorator is an error from FastMCP 2.7 on (ValueError in 2.x, TypeError in 3: the decorator receives a classmethod object).',
    },
  },
  check(ctx) {
    for (const c of ctx.model.components) {
      if (!c.serverVar || !c.inClass || !componentIsClean(c)) continue;
      const first = c.params[0];
      if (!first || first.kind !== 'positional' || (first.name !== 'self' && first.name !== 'cls')) continue;
      const v3 = c.flavor === 'fastmcp' && ctx.target.atLeast('3.0.0b1') === true;
      const decs = decoratorsOf(c);
      const below = decs[decs.findIndex((d) => d.id === c.decorator.id) + 1];
      if (below && below.namedChild(0)?.text === 'classmethod' && c.flavor === 'fastmcp' && ctx.target.atLeast('2.7.0') === true) {
        ctx.report({
          node: below,
          message: `\`@${c.callee.text}\` applied to a classmethod: FastMCP raises ${v3 ? 'TypeError' : 'ValueError'} at import ("To decorate a classmethod, …"). Define the classmethod plainly and register it after the class with \`${c.server}.${c.kind}(${c.kind === 'resource' ? '"uri"' : ''})(${c.inClass.childForFieldName('name')?.text ?? 'Class'}.${c.funcName})\`${v3 ? ', or put @classmethod above the standalone decorator' : ''}.`,
          severity: 'error',
        });
        continue;
      }
      const what = c.kind === 'resource' ? 'resource' : c.kind;
      const message = v3
        ? `\`@${c.callee.text}\` on a method: FastMCP 3 raises TypeError at import because \`${c.funcName}\` takes \`${first.name}\` first. Decorate it with the standalone \`@${c.kind}\` from \`fastmcp.${c.kind}s\` and register the bound method (\`${c.server}.add_${c.kind}(instance.${c.funcName})\`), or make it a module-level function.`
        : `\`@${c.callee.text}\` on a method: the ${what} is registered on the plain function, so \`${first.name}\` becomes a required argument clients must send and no instance is bound. Register a bound method after creating the instance (\`${c.server}.${c.kind}(${c.kind === 'resource' ? '"uri"' : ''})(instance.${c.funcName})\`), or make it a module-level function.`;
      ctx.report({ node: first.nameNode, message, severity: v3 ? 'error' : 'warning' });
    }
  },
});
