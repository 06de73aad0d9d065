import type { Fix } from '../types';
import { defineRule } from './api';
import { addNoneDefault, namedParams, pySet, resourceUri, signatureIntact, type ResourceUri } from './util-resource';
import { pathParamNames, uriParamNames } from './util-uri';
import type { RuleContext } from './api';

export default defineRule({
  meta: {
    code: 'FMCP203',
    name: 'required-param-not-in-template',
    title: 'Required function parameter missing from the URI template',
    severity: 'error',
    fix: { safety: 'unsafe', title: 'Add the parameter to the URI template' },
    docs: {
      what: 'Flags a parameter of a resource template function that has no default and is not a path parameter (`{name}` or `{name*}`) of the URI. Injected parameters (Context, `Depends(...)`) are ignored; a parameter named in `{?…}` is FMCP205\'s concern.',
      why: 'FastMCP fills template functions only from the URI, so it refuses the function when the decorator runs: `ValueError("Required function arguments {…} must be a subset of the URI path parameters {…}")`, and the server fails to import. The MCP SDK\'s FastMCP is stricter: every parameter, with a default or not, must appear as `{name}` ("Mismatch between URI parameters … and function parameters …").',
      example: '@mcp.resource("weather://{city}/current")\ndef current(city: str, units: str) -> str:\n    return fetch(city, units)',
      useInstead: '@mcp.resource("weather://{city}/current/{units}")\ndef current(city: str, units: str) -> str:\n    return fetch(city, units)\n\n# or give it a default (FastMCP 2.13+: expose it as a query parameter)\n@mcp.resource("weather://{city}/current{?units}")\ndef current(city: str, units: str = "metric") -> str:\n    return fetch(city, units)',
      guide: [5],
      notes: 'Only literal URIs are checked. Not reported when the URI names no parameter at all (FMCP204 covers that), nor for `self`/`cls` of methods (FMCP210). The first fix appends `/{name}` to the URI path; the second gives the parameter the default `None`.',
    },
  },
  check(ctx) {
    for (const c of ctx.model.components) {
      const uri = resourceUri(c);
      if (!uri || !signatureIntact(c)) continue;
      const t = uri.template;
      if (c.flavor === 'sdk') {
        if (!t.params.length) continue;
        const funcNames = namedParams(c).map((p) => p.name);
        for (const p of namedParams(c)) {
          if (t.path.includes(p.name)) continue;
          const other = t.params.find((q) => q.name === p.name);
          const why = other
            ? ` The MCP SDK's FastMCP reads only \`{name}\`: \`${other.kind === 'wildcard' ? `{${p.name}*}` : `{?…}`}\` is not a parameter there.`
            : '';
          ctx.report({
            node: p.nameNode,
            message: `\`${p.name}\` is not a \`{${p.name}}\` parameter of the URI "${uri.value}": the MCP SDK's FastMCP requires every function parameter in the template and raises ValueError when the decorator runs ("Mismatch between URI parameters ${pySet(t.path)} and function parameters ${pySet(funcNames)}").${why}`,
            fixes: other ? [] : addToTemplate(ctx, uri, p.name),
          });
        }
        continue;
      }
      const all = uriParamNames(t);
      if (!all.length) continue;
      const path = pathParamNames(t);
      for (const p of namedParams(c)) {
        if (p.default || path.includes(p.name)) continue;
        const inQuery = t.params.filter((q) => q.kind === 'query' && q.name === p.name);
        if (inQuery.some((q) => q.group === 0)) continue;
        const note = inQuery.length ? ' FastMCP reads only the first `{?…}` group, so it does not see this one.' : '';
        const fixes = inQuery.length ? [] : addToTemplate(ctx, uri, p.name);
        const dflt = addNoneDefault(ctx, c, p);
        if (dflt) fixes.push(ctx.fix(`Give \`${p.name}\` the default None`, 'unsafe', [dflt]));
        ctx.report({
          node: p.nameNode,
          message: `\`${p.name}\` has no default but is not a path parameter of the URI "${uri.value}": FastMCP raises ValueError when the decorator runs ("Required function arguments {'${p.name}'} must be a subset of the URI path parameters ${pySet(path)}").${note} Add \`{${p.name}}\` to the URI or give \`${p.name}\` a default.`,
          fixes,
        });
      }
    }
  },
});

/** Append `/{name}` to the path part of the URI (before a `{?…}` group). */
function addToTemplate(ctx: RuleContext, uri: ResourceUri, name: string): Fix[] {
  if (uri.contentStart === null) return [];
  const text = uri.value;
  const q = uri.template.params.find((p) => p.kind === 'query');
  const at = q ? q.exprStart : text.length;
  const before = text.slice(0, at);
  const sep = before.endsWith('/') ? '' : '/';
  return [ctx.fix(`Add {${name}} to the URI`, 'unsafe', [ctx.insertAt(uri.contentStart + at, `${sep}{${name}}`)])];
}
