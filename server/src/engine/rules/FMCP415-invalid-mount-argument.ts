import { stringValue } from '../model/model';
import { defineRule } from './api';
import { composeCalls } from './util-compose';

const NEVER = new Set(['mode', 'include_tags', 'exclude_tags']);
const SEPARATORS = new Set(['tool_separator', 'resource_separator', 'prompt_separator']);

export default defineRule({
  meta: {
    code: 'FMCP415',
    name: 'invalid-mount-argument',
    title: '`mount`/`import_server` argument that does not exist (or no longer)',
    severity: 'error',
    flavors: 'fastmcp',
    deprecation: true,
    fix: { safety: 'safe', title: 'Put the server first' },
    docs: {
      what: 'Flags `S.mount(...)`/`S.import_server(...)` with `mode=`, `include_tags=` or `exclude_tags=` (never parameters), with `tool_separator=`/`resource_separator=`/`prompt_separator=` (deprecated 2.4, removed 2.14), or with the prefix first, `mount("api", sub)` (the order flipped in 2.9; the old order is deprecated until 2.14 and fails from 2.14).',
      why: 'Unknown keywords raise TypeError when the line runs. With the old argument order on 2.14+, the prefix string is taken as the server and composition fails. Before removal FastMCP warns: "Mount prefixes are now optional and the first positional argument should be the server you want to mount." / "The tool_separator parameter is deprecated and will be removed in a future version. …".',
      example: 'main.mount("weather", weather, mode="proxy", include_tags={"public"})',
      useInstead: 'weather.enable(tags={"public"}, only=True)  # v3; v2: FastMCP(include_tags=...) on the child\nmain.mount(weather, namespace="weather")',
      guide: [20, 21],
      notes: 'Tag filtering belongs on the child server; proxy mode is `create_proxy(...)` then mount. `resource_prefix_format=` is reported by FMCP417. Separators and the argument order are checked only when the target version is known (they were valid before 2.4 / 2.9).',
    },
  },
  check(ctx) {
    const t = ctx.target;
    for (const c of composeCalls(ctx.model)) {
      if (!c.server || c.args.hasSplat || c.call.hasError) continue;
      const m = c.method;
      for (const [kw, value] of c.args.keywords) {
        const nameNode = value.parent?.childForFieldName('name') ?? value;
        if (NEVER.has(kw)) {
          const advice = kw === 'mode'
            ? 'For a proxy, build it with create_proxy(...) and mount that (v2: as_proxy=True).'
            : 'Filter tags on the child server itself (v3: child.enable(tags=..., only=True) / child.disable(tags=...); v2.8+: FastMCP(include_tags=..., exclude_tags=...)).';
          ctx.report({ node: nameNode, message: `${m}() has no \`${kw}=\` parameter in any FastMCP version: TypeError. ${advice}` });
        } else if (SEPARATORS.has(kw)) {
          if (t.atLeast('2.14.0')) {
            ctx.report({ node: nameNode, message: `\`${kw}=\` was removed from ${m}() in FastMCP 2.14: TypeError. Names are always prefixed as "prefix_name" (resources "proto://prefix/path"); drop the argument.` });
          } else if (t.inRange('2.4.0', '2.14.0')) {
            ctx.report({ node: nameNode, severity: 'warning', deprecated: true, message: `\`${kw}=\` is deprecated since FastMCP 2.4 and removed in 2.14 (TypeError there). Names are prefixed as "prefix_name"; drop the argument.` });
          }
        }
      }
      const first = c.args.positional[0];
      const second = c.args.positional[1];
      if (first && stringValue(first) !== null && second && stringValue(second) === null) {
        const fix = ctx.fix('Put the server first', 'safe', [ctx.replace(first, second.text), ctx.replace(second, first.text)]);
        if (t.atLeast('2.14.0')) {
          ctx.report({ node: first, message: `${m}(${first.text}, ${second.text}) passes the prefix first: since FastMCP 2.9 the server comes first, and from 2.14 the string is taken as the server and composition fails. Use ${m}(${second.text}, ${first.text}).`, fixes: [fix] });
        } else if (t.inRange('2.9.0', '2.14.0')) {
          ctx.report({ node: first, severity: 'warning', deprecated: true, message: `${m}(${first.text}, ${second.text}) uses the old argument order, deprecated since FastMCP 2.9 ("Mount prefixes are now optional and the first positional argument should be the server …") and broken from 2.14. Use ${m}(${second.text}, ${first.text}).`, fixes: [fix] });
        }
      }
    }
  },
});
