import { closest } from '../config/settings';
import { defineRule } from './api';
import { hasKwargs, namedParams, pySet, resourceUri, signatureIntact, uriRange } from './util-resource';
import { pathParamNames, uriParamNames } from './util-uri';

export default defineRule({
  meta: {
    code: 'FMCP202',
    name: 'template-param-not-in-function',
    title: 'URI template parameter the function does not take',
    severity: 'error',
    fix: { safety: 'unsafe', title: 'Rename the URI parameter to the only unused function parameter' },
    docs: {
      what: 'Flags a `{name}`, `{name*}` or `{?name}` in a resource URI template that names no parameter of the decorated function. Injected parameters (Context, `Depends(...)`) do not count: clients cannot fill them.',
      why: 'FastMCP checks the template against the function when the decorator runs and raises `ValueError("URI parameters {…} must be a subset of the function arguments: {…}")`, so the server fails to import. The MCP SDK\'s FastMCP raises "Mismatch between URI parameters … and function parameters …".',
      example: '@mcp.resource("users://{user_id}/profile")\ndef profile(id: str) -> str:\n    return load(id)',
      useInstead: '@mcp.resource("users://{user_id}/profile")\ndef profile(user_id: str) -> str:\n    return load(user_id)',
      guide: [5],
      notes: 'Silent when the function takes `**kwargs` (FastMCP then accepts any URI parameter). Query parameters are checked from FastMCP 2.13 on, where `{?…}` is supported; only the first `{?…}` group counts, as in FastMCP. The MCP SDK\'s FastMCP reads only `{name}`. The fix renames the URI parameter when exactly one function parameter is left unused by the template.',
    },
  },
  check(ctx) {
    for (const c of ctx.model.components) {
      const uri = resourceUri(c);
      if (!uri || !signatureIntact(c) || hasKwargs(c)) continue;
      const t = uri.template;
      const sdk = c.flavor === 'sdk';
      const queryParsed = ctx.target.below('2.13') !== true;
      const checked = t.params.filter((p) => (sdk ? p.kind === 'path' : p.kind !== 'query' || (p.group === 0 && queryParsed)));
      if (!checked.length) continue;
      const params = namedParams(c);
      const names = new Set(params.map((p) => p.name));
      const uriNames = sdk ? t.path : queryParsed ? uriParamNames(t) : pathParamNames(t);
      const inUri = new Set(uriNames);
      const injected = new Set(c.params.filter((p) => p.injected).map((p) => p.name));
      const unused = params.map((p) => p.name).filter((n) => !inUri.has(n));
      for (const p of checked) {
        if (names.has(p.name)) continue;
        const shown = p.kind === 'query' ? `{?${p.name}}` : p.kind === 'wildcard' ? `{${p.name}*}` : `{${p.name}}`;
        const near = unused.length === 1 ? unused[0] : closest(p.name, unused, 3);
        const real = sdk
          ? `the MCP SDK's FastMCP raises ValueError when the decorator runs ("Mismatch between URI parameters ${pySet(t.path)} and function parameters ${pySet([...names])}")`
          : `FastMCP raises ValueError when the decorator runs ("URI parameters ${pySet(uriNames)} must be a subset of the function arguments: ${pySet([...names])}")`;
        const fixes =
          unused.length === 1 && uri.contentStart !== null
            ? [ctx.fix(`Rename ${shown} to "${unused[0]}"`, 'unsafe', [ctx.replaceSpan(uri.contentStart + p.start, uri.contentStart + p.end, unused[0])])]
            : [];
        const advice = injected.has(p.name)
          ? `\`${p.name}\` is injected by FastMCP, so the URI cannot fill it; remove ${shown} from the URI.`
          : `${near ? `Did you mean "${near}"? ` : ''}Rename it to match a parameter, or add a \`${p.name}\` parameter.`;
        ctx.report({
          range: uriRange(ctx, uri, p.start, p.end),
          message: `URI parameter ${shown} names no parameter of \`${c.funcName}\`: ${real}. ${advice}`,
          fixes,
        });
      }
    }
  },
});
