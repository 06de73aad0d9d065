import { defineRule } from './api';
import { composeCalls } from './util-compose';

export default defineRule({
  meta: {
    code: 'FMCP413',
    name: 'import-server-deprecated',
    title: '`import_server` is deprecated in FastMCP 3',
    severity: 'warning',
    deprecation: true,
    flavors: 'fastmcp',
    versions: { min: '3.0.0b1' },
    fix: { safety: 'unsafe', title: 'Use mount(..., namespace=...)' },
    docs: {
      what: 'On FastMCP 3, flags `S.import_server(...)`.',
      why: 'FastMCP 3 deprecates static importing: it emits DeprecationWarning "import_server is deprecated, use mount() instead". `mount()` composes the child live (later changes to it are visible) and runs its lifespan and middleware.',
      example: 'await main.import_server(weather, prefix="weather")',
      useInstead: 'main.mount(weather, namespace="weather")',
      guide: [20],
      notes: 'The fix is unsafe: mounting is live where importing copied once, and `mount` is synchronous (the `await` goes away).',
    },
  },
  check(ctx) {
    for (const c of composeCalls(ctx.model)) {
      if (c.method !== 'import_server') continue;
      const fnAttr = c.call.childForFieldName('function')!.childForFieldName('attribute')!;
      const awaited = c.call.parent?.type === 'await' ? c.call.parent : null;
      const whole = awaited ?? c.call;
      const simple = !c.args.hasSplat && c.args.positional.length >= 1 && c.args.positional.length <= 2 && [...c.args.keywords.keys()].every((k) => k === 'prefix') && !(c.args.positional.length === 2 && c.args.keywords.has('prefix'));
      const statement = whole.parent?.type === 'expression_statement';
      let fixes: ReturnType<typeof ctx.fix>[] = [];
      if (simple && statement && !c.call.hasError) {
        const parts = [c.args.positional[0].text];
        const prefix = c.args.positional[1] ?? c.args.keywords.get('prefix');
        if (prefix) parts.push(`namespace=${prefix.text}`);
        fixes = [ctx.fix('Use mount(..., namespace=...)', 'unsafe', [ctx.replace(whole, `${c.receiver.text}.mount(${parts.join(', ')})`)])];
      }
      ctx.report({
        node: fnAttr,
        deprecated: true,
        message: 'import_server is deprecated in FastMCP 3 ("import_server is deprecated, use mount() instead"). Use mount(server, namespace=...), which composes the child live.',
        fixes,
      });
    }
  },
});
