import { defineRule } from './api';
import { composeCalls } from './util-compose';

export default defineRule({
  meta: {
    code: 'FMCP416',
    name: 'mount-prefix-renamed',
    title: '`mount(prefix=)` is `namespace=` in FastMCP 3',
    severity: 'warning',
    deprecation: true,
    flavors: 'fastmcp',
    versions: { min: '3.0.0b1' },
    fix: { safety: 'safe', title: 'Rename prefix= to namespace=' },
    docs: {
      what: 'On FastMCP 3, flags `S.mount(sub, prefix=...)` (deprecated; renamed `namespace=`), and as an error a `mount` given both `prefix=` and `namespace=`.',
      why: 'FastMCP 3 warns "The \'prefix\' parameter is deprecated, use \'namespace\' instead"; with both it raises ValueError("Cannot specify both \'prefix\' and \'namespace\'").',
      example: 'main.mount(weather, prefix="weather")',
      useInstead: 'main.mount(weather, namespace="weather")',
      notes: 'A positional second argument is already the namespace in v3 and is not flagged. `import_server(sub, prefix=...)` keeps `prefix` (the whole method is deprecated, FMCP413).',
    },
  },
  check(ctx) {
    for (const c of composeCalls(ctx.model)) {
      if (c.method !== 'mount' || !c.server || c.args.hasSplat) continue;
      const prefix = c.args.keywords.get('prefix');
      if (!prefix) continue;
      const nameNode = prefix.parent?.childForFieldName('name') ?? prefix;
      if (c.args.keywords.has('namespace') || c.args.positional.length >= 2) {
        ctx.report({ node: nameNode, severity: 'error', message: 'mount() is given both a namespace and `prefix=`: FastMCP 3 raises ValueError("Cannot specify both \'prefix\' and \'namespace\'"). Keep only namespace=.' });
        continue;
      }
      ctx.report({
        node: nameNode,
        deprecated: true,
        message: 'mount(prefix=) is deprecated in FastMCP 3 ("The \'prefix\' parameter is deprecated, use \'namespace\' instead"). Use namespace=.',
        fixes: [ctx.fix('Rename to namespace=', 'safe', [ctx.replace(nameNode, 'namespace')])],
      });
    }
  },
});
