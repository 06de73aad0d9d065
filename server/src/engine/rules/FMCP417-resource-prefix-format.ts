import { ownCallsWhere } from '../model/model';
import { defineRule } from './api';
import { isFastMCPConstructor } from './util-asgi';
import { composeCalls } from './util-compose';

export default defineRule({
  meta: {
    code: 'FMCP417',
    name: 'resource-prefix-format',
    title: '`resource_prefix_format=` where it does not exist',
    severity: 'error',
    deprecation: true,
    flavors: 'fastmcp',
    docs: {
      what: 'Flags `resource_prefix_format=` given to `mount()`/`import_server()` (never a parameter there) or to `FastMCP(...)` (a constructor parameter from 2.4 to 2.13, removed in 2.14).',
      why: 'On `mount`/`import_server` it raises TypeError in every version. On the constructor it is a TypeError from 2.14. The only format left is the path format: a mounted resource `data://config` becomes `data://<namespace>/config` (the namespace goes after the original scheme).',
      example: 'main.mount(sub, prefix="api", resource_prefix_format="path")',
      useInstead: 'main.mount(sub, prefix="api")  # resources become data://api/...',
      guide: [21],
      notes: 'On the constructor the argument is reported only when the target version is known: as an error from 2.14, as a deprecation hint on 2.4–2.13.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const c of composeCalls(model)) {
      if (!c.server) continue;
      const v = c.args.keywords.get('resource_prefix_format');
      if (!v) continue;
      ctx.report({
        node: v.parent?.childForFieldName('name') ?? v,
        message: `${c.method}() has no \`resource_prefix_format=\` parameter in any FastMCP version: TypeError. Resources of the child are always prefixed in path format ("proto://prefix/path"); drop the argument.`,
      });
    }
    for (const call of ownCallsWhere(model, PREFIX_FORMAT_SERVERS, (c) => isFastMCPConstructor(model, c) && model.callArgs(c).keywords.has('resource_prefix_format'))) {
      const v = model.callArgs(call).keywords.get('resource_prefix_format')!;
      const nameNode = v.parent?.childForFieldName('name') ?? v;
      if (ctx.target.atLeast('2.14.0')) {
        ctx.report({ node: nameNode, message: 'FastMCP(resource_prefix_format=) was removed in FastMCP 2.14: TypeError. Mounted resources always use the path format ("proto://prefix/path"); drop the argument.' });
      } else if (ctx.target.inRange('2.4.0', '2.14.0')) {
        ctx.report({ node: nameNode, severity: 'hint', deprecated: true, message: 'resource_prefix_format= is removed in FastMCP 2.14 (TypeError there); the path format ("proto://prefix/path") is the default and the only one left. Drop the argument.' });
      }
    }
  },
});

const PREFIX_FORMAT_SERVERS = {};
