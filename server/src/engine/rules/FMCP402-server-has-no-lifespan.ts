import type { Node } from '../parse';
import { attributesWhere, enclosingFunction } from '../model/model';
import { defineRule } from './api';
import { isAsgiAppCall, mountSites } from './util-asgi';

function statementOf(node: Node): Node | null {
  for (let p: Node | null = node; p; p = p.parent) if (p.parent && (p.parent.type === 'module' || p.parent.type === 'block')) return p;
  return null;
}

export default defineRule({
  meta: {
    code: 'FMCP402',
    name: 'server-has-no-lifespan',
    title: '`.lifespan` read on a FastMCP server',
    severity: 'error',
    flavors: 'fastmcp',
    fix: { safety: 'unsafe', title: 'Use the http app\'s lifespan' },
    docs: {
      what: 'Flags `S.lifespan` where `S` is a FastMCP server, typically `FastAPI(lifespan=mcp.lifespan)`.',
      why: 'A FastMCP server has no `lifespan` attribute: the line raises AttributeError at import. The lifespan a parent ASGI app must run belongs to the http app: `mcp_app = mcp.http_app(...)`, then `lifespan=mcp_app.lifespan`.',
      example: 'app = FastAPI(lifespan=mcp.lifespan)\napp.mount("/mcp", mcp.http_app(path="/"))',
      useInstead: 'mcp_app = mcp.http_app(path="/")\napp = FastAPI(lifespan=mcp_app.lifespan)\napp.mount("/mcp", mcp_app)',
      guide: [17],
      notes: 'The server\'s own lifespan function is passed as `FastMCP(lifespan=...)`; it is entered by the http app\'s lifespan. Assigning `mcp.lifespan = ...` is not flagged.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    // Read once per lint, on the first fix that needs them (a file may report many lifespans).
    let httpApps: Array<{ assignment: Node; server: string; scope: number | null }> | null = null;
    let takenNames: Set<string | undefined> | null = null;
    for (const attr of attributesWhere(model, LIFESPAN_ATTRIBUTES, isLifespanAttribute)) {
      const obj = attr.childForFieldName('object');
      const server = model.serverOf(obj);
      if (!server || server.flavor !== 'fastmcp') continue;
      const parent = attr.parent;
      if (parent?.type === 'assignment' && parent.childForFieldName('left')?.id === attr.id) continue;
      if (parent?.type === 'augmented_assignment' && parent.childForFieldName('left')?.id === attr.id) continue;
      if (parent?.type === 'call' && parent.childForFieldName('function')?.id === attr.id && parent.parent?.type === 'decorator') continue;
      ctx.report({
        node: attr,
        message: `FastMCP servers have no \`lifespan\` attribute: \`${attr.text}\` raises AttributeError. The lifespan to pass to FastAPI/Starlette is the http app's: mcp_app = ${obj!.text}.http_app(...), then lifespan=mcp_app.lifespan.`,
        fixes: fixFor(ctx, attr, obj!.text),
      });
    }

    function fixFor(c: typeof ctx, attr: Node, serverName: string) {
      const scope = enclosingFunction(attr);
      // An http app of this server already bound before this line: use it.
      httpApps ??= model.assignments.flatMap((a) => {
        const right = a.childForFieldName('right');
        const fn = right?.type === 'call' ? right.childForFieldName('function') : null;
        const server = fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'http_app' ? fn.childForFieldName('object')?.text : undefined;
        return a.childForFieldName('left')?.type === 'identifier' && server !== undefined ? [{ assignment: a, server, scope: enclosingFunction(a)?.id ?? null }] : [];
      });
      const bound = httpApps.filter((h) => h.server === serverName && h.assignment.endIndex <= attr.startIndex && h.scope === (scope?.id ?? null)).map((h) => h.assignment);
      if (bound.length === 1) {
        const name = bound[0].childForFieldName('left')!.text;
        return [c.fix(`Use ${name}.lifespan`, 'unsafe', [c.replace(attr, `${name}.lifespan`)])];
      }
      if (bound.length) return [];
      // `app = FastAPI(lifespan=mcp.lifespan)` then `app.mount(..., mcp.http_app(...))`: hoist the http app into a variable.
      const kw = attr.parent?.type === 'keyword_argument' ? attr.parent : null;
      const ctor = kw?.parent?.parent;
      if (!kw || ctor?.type !== 'call' || !isAsgiAppCall(model, ctor)) return [];
      const asg = ctor.parent?.type === 'assignment' ? ctor.parent : null;
      const appName = asg?.childForFieldName('left')?.type === 'identifier' ? asg.childForFieldName('left')!.text : null;
      if (!appName) return [];
      const sites = mountSites(model).filter((s) => s.parentName === appName && s.appArg.type === 'call');
      const direct = sites.filter((s) => {
        const fn = s.appArg.childForFieldName('function');
        return fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'http_app' && fn.childForFieldName('object')?.text === serverName;
      });
      if (direct.length !== 1) return [];
      const stmt = statementOf(ctor);
      if (!stmt) return [];
      const taken = (takenNames ??= new Set(model.assignments.map((a) => a.childForFieldName('left')?.text)));
      const name = taken.has('mcp_app') ? 'mcp_http_app' : 'mcp_app';
      if (taken.has(name)) return [];
      const lineStart = c.text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
      const indent = c.indentAt(stmt.startIndex);
      return [
        c.fix(`Bind ${direct[0].appArg.text} to ${name} and use ${name}.lifespan`, 'unsafe', [
          c.insertAt(lineStart, `${indent}${name} = ${direct[0].appArg.text}${c.eol}`),
          c.replace(attr, `${name}.lifespan`),
          c.replace(direct[0].appArg, name),
        ]),
      ];
    }
  },
});

const LIFESPAN_ATTRIBUTES = {};

/** `x.lifespan`. */
function isLifespanAttribute(attr: Node): boolean {
  return attr.childForFieldName('attribute')?.text === 'lifespan';
}
