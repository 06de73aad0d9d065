import { ownRunCalls } from '../model/model';
import type { Node } from '../parse';
import { defineRule } from './api';
import { httpTransportName, transportOf } from './util-run';

/** Keywords only the HTTP runner accepts; the stdio runner takes `show_banner`, `log_level` (and v3 `stateless`). */
const HTTP_ONLY = ['host', 'port', 'path', 'uvicorn_config', 'json_response', 'middleware', 'stateless_http'];

export default defineRule({
  meta: {
    code: 'FMCP104',
    name: 'http-options-with-stdio',
    title: 'HTTP options passed to a stdio run',
    severity: 'error',
    flavors: 'fastmcp',
    fix: { safety: 'unsafe', title: 'Run over HTTP' },
    docs: {
      what: 'Flags `run(...)`/`run_async(...)` calls that pass HTTP server options (`host`, `port`, `path`, `uvicorn_config`, `json_response`, `middleware`, `stateless_http`) while the transport is stdio: no `transport=` at all, `transport=None` or `transport="stdio"`.',
      why: 'Without a transport FastMCP runs over stdio and forwards the extra keywords to the stdio runner, which does not accept them: the server dies at start with `TypeError: ... got an unexpected keyword argument \'port\'`. The options only mean something for an HTTP transport.',
      example: 'mcp.run(host="0.0.0.0", port=8000)',
      useInstead: 'mcp.run(transport="http", host="0.0.0.0", port=8000)',
      guide: [7],
      notes: 'A transport read from a variable or the environment is left alone, as are calls with `**kwargs`. The fix picks `"http"` (FastMCP 2.9+) or `"streamable-http"` on older targets; if the server really is meant for stdio, delete the HTTP options instead.',
    },
  },
  check(ctx) {
    for (const rc of ownRunCalls(ctx.model)) {
      if (rc.method !== 'run' && rc.method !== 'run_async') continue;
      if (rc.args.hasSplat || rc.call.hasError) continue;
      const t = transportOf(rc);
      if (t.value !== 'stdio') continue;
      const offending: Node[] = [];
      for (const key of HTTP_ONLY) {
        const v = rc.args.keywords.get(key);
        if (v?.parent) offending.push(v.parent);
      }
      if (!offending.length) continue;
      offending.sort((a, b) => a.startIndex - b.startIndex);
      const names = offending.map((k) => `\`${k.childForFieldName('name')?.text}\``).join(', ');
      const how = t.node ? 'the call selects stdio' : 'the call passes no transport, so the server runs over stdio';
      const http = httpTransportName('fastmcp', ctx.target);
      const fixes = [];
      if (http) {
        let edit;
        if (t.node) edit = ctx.replace(t.node, `"${http}"`);
        else {
          // Before the first argument, keeping a one-argument-per-line layout.
          const argList = rc.call.childForFieldName('arguments')!;
          const first = argList.namedChildren.find((c) => c && c.type !== 'comment')!;
          const sameLine = !ctx.text.slice(argList.startIndex, first.startIndex).includes('\n');
          edit = ctx.insertAt(first.startIndex, sameLine ? `transport="${http}", ` : `transport="${http}",${ctx.eol}${ctx.indentAt(first.startIndex)}`);
        }
        fixes.push(ctx.fix(`Run over HTTP (transport="${http}")`, 'unsafe', [edit]));
      }
      ctx.report({
        node: offending[0],
        message: `${names} ${offending.length === 1 ? 'is an HTTP option' : 'are HTTP options'}, but ${how}: the stdio runner rejects ${offending.length === 1 ? 'it' : 'them'} with TypeError at start. Pass \`transport="${http ?? 'http'}"\` or drop the HTTP options.`,
        fixes,
      });
    }
  },
});
