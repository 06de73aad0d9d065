import { defineRule } from './api';
import { addNoneDefault, hasKwargs, namedParams, resourceUri, signatureIntact, uriRange } from './util-resource';

export default defineRule({
  meta: {
    code: 'FMCP205',
    name: 'query-param-without-default',
    title: 'URI query parameter that is not optional',
    severity: 'error',
    flavors: 'fastmcp',
    fix: { safety: 'safe', title: 'Give the parameter the default None' },
    docs: {
      what: 'Flags a `{?name}` query parameter of a resource template whose function parameter has no default. When the target FastMCP is older than 2.13, flags every `{?…}` group instead: those versions do not understand query parameters.',
      why: 'Clients may leave query parameters out, so FastMCP (2.13+) requires each one to be an optional function parameter and raises `ValueError("Query parameters {…} must be optional function parameters with default values")` when the decorator runs. Before 2.13 `{?…}` is not parsed at all: a URI whose only expression is the query group fails with "URI template must contain at least one parameter", and otherwise the group breaks matching.',
      example: '@mcp.resource("items://{item_id}{?fields}")\ndef item(item_id: str, fields: str) -> str:\n    return load(item_id, fields)',
      useInstead: '@mcp.resource("items://{item_id}{?fields}")\ndef item(item_id: str, fields: str | None = None) -> str:\n    return load(item_id, fields)',
      guide: [5],
      notes: 'FastMCP only: the MCP SDK\'s FastMCP does not support `{?…}` (FMCP203 explains that there). `**kwargs` does not make a query parameter optional. The fix adds `= None`; it is not offered when a later positional parameter has no default (that would be a syntax error).',
    },
  },
  check(ctx) {
    const old = ctx.target.below('2.13') === true;
    for (const c of ctx.model.components) {
      if (c.flavor !== 'fastmcp') continue;
      const uri = resourceUri(c);
      if (!uri || !signatureIntact(c)) continue;
      const query = uri.template.params.filter((p) => p.kind === 'query');
      if (!query.length) continue;
      if (old) {
        const seen = new Set<number>();
        for (const p of query) {
          if (seen.has(p.exprStart)) continue;
          seen.add(p.exprStart);
          ctx.report({
            range: uriRange(ctx, uri, p.exprStart, p.exprEnd),
            message: `Query parameters (\`{?…}\`) need FastMCP 2.13 or later; the target is ${ctx.target.version}, which does not parse them: the template fails to register, or raises when a client reads it. Upgrade FastMCP or use path parameters.`,
          });
        }
        continue;
      }
      const byName = new Map(namedParams(c).map((p) => [p.name, p]));
      const seen = new Set<string>();
      for (const q of query) {
        if (q.group !== 0 || seen.has(q.name)) continue;
        seen.add(q.name);
        const fp = byName.get(q.name);
        if (fp) {
          if (fp.default) continue;
          const edit = addNoneDefault(ctx, c, fp);
          ctx.report({
            node: fp.nameNode,
            message: `\`${q.name}\` is a query parameter ({?${q.name}}) but has no default: clients may omit it, so FastMCP raises ValueError when the decorator runs ("Query parameters {'${q.name}'} must be optional function parameters with default values"). Give it a default, e.g. \`${q.name}: … = None\`.`,
            fixes: edit ? [ctx.fix(`Give \`${q.name}\` the default None`, 'safe', [edit])] : [],
          });
        } else if (hasKwargs(c)) {
          ctx.report({
            range: uriRange(ctx, uri, q.start, q.end),
            message: `Query parameter {?${q.name}} is not a parameter of \`${c.funcName}\`: \`**kwargs\` does not count, FastMCP raises ValueError when the decorator runs ("Query parameters {'${q.name}'} must be optional function parameters with default values"). Add \`${q.name}=None\` to the signature.`,
          });
        }
      }
    }
  },
});
