import { defineRule } from './api';
import { pySet, resourceUri, signatureIntact, signatureParams } from './util-resource';

export default defineRule({
  meta: {
    code: 'FMCP204',
    name: 'static-uri-with-parameters',
    title: 'Resource function takes parameters but its URI has none',
    severity: 'error',
    docs: {
      what: 'Flags `@mcp.resource(uri)` whose URI has no `{…}` while the function takes parameters a client would have to supply (injected ones such as Context do not count).',
      why: 'A function with parameters makes the resource a template, and a template must take its values from the URI: FastMCP raises `ValueError("URI template must contain at least one parameter")` when the decorator runs, so the server fails to import. The MCP SDK\'s FastMCP raises "Mismatch between URI parameters set() and function parameters {…}".',
      example: '@mcp.resource("docs://readme")\ndef readme(section: str) -> str:\n    return load(section)',
      useInstead: '@mcp.resource("docs://readme/{section}")\ndef readme(section: str) -> str:\n    return load(section)',
      guide: [5],
      notes: 'A resource that needs request data should take a `Context` (injected) rather than a parameter. With FastMCP before 2.13 a URI whose only expression is a `{?…}` query group fails the same way; FMCP205 reports that case.',
    },
  },
  check(ctx) {
    for (const c of ctx.model.components) {
      const uri = resourceUri(c);
      if (!uri || !signatureIntact(c) || uri.template.hasExpressions) continue;
      const params = signatureParams(c);
      if (!params.length) continue;
      const names = params.map((p) => p.name);
      const named = params.filter((p) => p.kind === 'positional' || p.kind === 'keyword_only').map((p) => p.name);
      const list = names.map((n) => `\`${n}\``).join(', ');
      const real =
        c.flavor === 'sdk'
          ? `the MCP SDK's FastMCP raises ValueError when the decorator runs ("Mismatch between URI parameters set() and function parameters ${pySet(names)}")`
          : 'FastMCP treats it as a template and raises ValueError when the decorator runs ("URI template must contain at least one parameter")';
      ctx.report({
        node: uri.node,
        message: `Resource URI "${uri.value}" has no {…} parameter but \`${c.funcName}\` takes ${list}: ${real}. ${named.length ? `Add ${named.map((n) => `{${n}}`).join(', ')} to the URI, or drop the parameters.` : 'Drop the parameters.'}`,
      });
    }
  },
});
