import * as path from 'node:path';
import type { Node } from '../parse';
import type { FileModel } from '../model/model';
import { defineRule } from './api';
import { DISCOVERED_NAMES, importTimeServers, runsAtImport } from './util-entry';
import { hasStarImport, importsName, lineEndAt, moduleBinds, statementOf } from './util-run';

const ASGI_APP_METHODS = new Set(['http_app', 'sse_app', 'streamable_http_app']);
const ASGI_CLASSES = new Set(['fastapi.FastAPI', 'starlette.applications.Starlette', 'starlette.Starlette']);

/**
 * `name` is bound at module level to something that is certainly not a server (an ASGI app), so
 * discovery skips it. Any other binding might be a server: stay silent.
 */
function boundOnlyToNonServer(m: FileModel, name: string): boolean {
  let seen = false;
  for (const asg of m.assignments) {
    const left = asg.childForFieldName('left');
    if (left?.type !== 'identifier' || left.text !== name || !runsAtImport(m, asg)) continue;
    let right = asg.childForFieldName('right');
    if (right?.type === 'await') right = right.namedChild(0);
    if (right?.type !== 'call') return false;
    const fn = right.childForFieldName('function');
    const isApp =
      (fn?.type === 'attribute' && ASGI_APP_METHODS.has(fn.childForFieldName('attribute')?.text ?? '') && !!m.serverOf(fn.childForFieldName('object'))) ||
      ASGI_CLASSES.has(m.resolve(fn) ?? '');
    if (!isApp) return false;
    seen = true;
  }
  if (!seen) return false;
  // Bound another way as well (import, def, class, global): cannot tell.
  const assignedOnly = !importsName(m, name) && !m.moduleFunctions.has(name) && !m.moduleClasses.has(name);
  return assignedOnly && !new RegExp(`^[ \\t]*global\\b[^\\n]*\\b${name}\\b`, 'm').test(m.text);
}

export default defineRule({
  meta: {
    code: 'FMCP102',
    name: 'server-name-not-discoverable',
    title: 'Server not named mcp, server or app',
    severity: 'warning',
    fix: { safety: 'unsafe', title: 'Add `mcp = <server>`' },
    docs: {
      what: 'Flags an entrypoint file whose module-level servers are all named something other than `mcp`, `server` or `app`, when no fastmcp.json `entrypoint` or `file.py:object` names the server.',
      why: '`fastmcp run server.py`, `fastmcp dev`, `fastmcp inspect` and FastMCP Cloud look for a FastMCP instance under exactly these three names. Any other name fails with "No server object found in server.py. Please either: 1. Use a standard variable name (mcp, server, or app) 2. Specify the entrypoint name in fastmcp.json or use `file.py:object` syntax as your path."',
      example: 'weather = FastMCP("weather")\n\nif __name__ == "__main__":\n    weather.run()',
      useInstead: 'mcp = FastMCP("weather")\n\nif __name__ == "__main__":\n    mcp.run()',
      guide: [1],
      notes: 'Not reported for modules other files import, nor when any module-level binding of `mcp`, `server` or `app` might hold a server (an import, a factory call). A name bound to an ASGI app (`app = weather.http_app()`) does not count: discovery requires a FastMCP instance. Alternatively name the object in fastmcp.json (`"path": "server.py:weather"`).',
    },
  },
  check(ctx) {
    const m = ctx.model;
    if (!ctx.isEntrypoint || ctx.entrypointObject || m.hasErrors || hasStarImport(m)) return;
    const servers = importTimeServers(m);
    if (!servers.length) return;
    if (servers.some((s) => DISCOVERED_NAMES.includes(s.name))) return;
    if (DISCOVERED_NAMES.some((n) => moduleBinds(m, n) && !boundOnlyToNonServer(m, n))) return;
    // The one the file runs, else the first.
    const ran = m.runCalls.find((rc) => rc.method.startsWith('run') && servers.includes(rc.server));
    const s = ran?.server ?? servers[0];
    const nameNode = s.node.childForFieldName('left') as Node;
    const alias = DISCOVERED_NAMES.find((n) => !moduleBinds(m, n));
    const fixes = [];
    if (alias) {
      const stmt = statementOf(s.node);
      fixes.push(ctx.fix(`Add \`${alias} = ${s.name}\``, 'unsafe', [ctx.insertAt(lineEndAt(ctx.text, stmt.endIndex), `${ctx.eol}${ctx.indentAt(stmt.startIndex)}${alias} = ${s.name}`)]));
    }
    const file = path.basename(ctx.path);
    ctx.report({
      node: nameNode,
      message: `${s.flavor === 'sdk' ? `\`mcp run ${file}\` and \`fastmcp run ${file}\`` : `\`fastmcp run ${file}\` and FastMCP Cloud`} look for a server named \`mcp\`, \`server\` or \`app\`; \`${s.name}\` is none of them, so they stop with "No server object found". Rename it, add \`${alias ?? 'mcp'} = ${s.name}\`, or name it as the entrypoint (\`${file}:${s.name}\`).`,
      fixes,
    });
  },
});
