import type { Node } from '../parse';
import type { FileModel } from '../model/model';
import { enclosingFunction } from '../model/model';
import { defineRule } from './api';
import { bindingOf, httpAppOf, identifiersIn, isCombineLifespans, localFunction, mountSites, type HttpApp, type MountSite } from './util-asgi';

type Verdict = 'enters' | 'not' | 'unknown';
const LIFESPAN_ATTRS = new Set(['lifespan', 'lifespan_context', 'session_manager', '_lifespan_manager']);

/** Does the `lifespan=` expression enter this http app's lifespan? `unknown` whenever the file cannot tell. */
function verdict(model: FileModel, expr: Node, app: HttpApp, seen: Set<number>): Verdict {
  if (seen.has(expr.id) || seen.size > 20) return 'unknown';
  seen.add(expr.id);
  if (app.name && identifiersIn(expr).some((i) => i.text === app.name)) return 'enters';
  if (expr.type === 'attribute') {
    const attr = expr.childForFieldName('attribute')?.text ?? '';
    let base = expr.childForFieldName('object');
    if (attr === 'lifespan_context' && base?.type === 'attribute' && base.childForFieldName('attribute')?.text === 'router') base = base.childForFieldName('object');
    else if (attr !== 'lifespan') return 'unknown';
    const other = httpAppOf(model, base);
    return other && other.call.id !== app.call.id ? 'not' : 'unknown';
  }
  if (expr.type === 'call') {
    if (!isCombineLifespans(model, expr)) return 'unknown';
    const args = model.callArgs(expr);
    if (args.hasSplat || args.keywords.size) return 'unknown';
    const vs = args.positional.map((a) => verdict(model, a, app, seen));
    if (vs.includes('enters')) return 'enters';
    return vs.length && vs.every((v) => v === 'not') ? 'not' : 'unknown';
  }
  if (expr.type === 'none') return 'not';
  if (expr.type !== 'identifier') return 'unknown';
  const func = localFunction(model, expr);
  if (!func) {
    const b = bindingOf(model, expr);
    return b ? verdict(model, b.value, app, seen) : 'unknown';
  }
  const body = func.childForFieldName('body');
  if (!body || body.hasError) return 'unknown';
  if (app.name && identifiersIn(body).some((i) => i.text === app.name)) return 'enters';
  let result: Verdict = 'not';
  const visit = (n: Node) => {
    if (result === 'unknown') return;
    if (n.type === 'attribute') {
      const attr = n.childForFieldName('attribute')?.text ?? '';
      if (LIFESPAN_ATTRS.has(attr)) {
        const v = verdict(model, n, app, seen);
        if (v !== 'not') result = 'unknown';
      }
    }
    if (n.type === 'with_item' || (n.type === 'call' && n.childForFieldName('function')?.text.endsWith('enter_async_context'))) {
      // A nested lifespan entered here may enter the app's lifespan: follow functions of the file.
      const inner = n.type === 'with_item' ? n.childForFieldName('value') : n.childForFieldName('arguments')?.namedChild(0);
      const target = inner?.type === 'as_pattern' ? inner.namedChild(0) : inner;
      const callee = target?.type === 'call' ? target.childForFieldName('function') : null;
      if (callee?.type === 'identifier') {
        if (verdict(model, callee, app, seen) !== 'not') result = 'unknown';
      }
    }
    if (n.type === 'identifier' && !seen.has(n.id) && /lifespan/i.test(n.text) && n.text !== func.childForFieldName('name')?.text) {
      const f = localFunction(model, n);
      if (!f) result = 'unknown';
      else if (f.id !== func.id && verdict(model, n, app, seen) !== 'not') result = 'unknown';
    }
    for (const c of n.namedChildren) if (c) visit(c);
  };
  visit(body);
  return result;
}

/** The assignments that can install an app's lifespan (`X.router.lifespan_context = `, `X.router = `, `X.lifespan = `), by `X`. */
function lifespanInstalls(model: FileModel): Map<string, Node[]> {
  const out = new Map<string, Node[]>();
  for (const a of model.assignments) {
    // Each of the three targets is an attribute.
    const target = a.childForFieldName('left');
    if (target?.type !== 'attribute') continue;
    const m = /^(.*)\.(?:router\.lifespan_context|router|lifespan)$/s.exec(target.text.replace(/\s+/g, ''));
    if (!m) continue;
    const list = out.get(m[1]);
    if (list) list.push(a);
    else out.set(m[1], [a]);
  }
  return out;
}

function installsLifespanLater(model: FileModel, parent: Node, parentName: string | null, installs: () => Map<string, Node[]>): boolean {
  if (!parentName) return false;
  const candidates = installs().get(parentName);
  if (!candidates) return false;
  const scope = enclosingFunction(parent)?.id ?? null;
  // The functions that bind an app of that name of their own: found once, on first need (one pass over the
  // assignments, rather than one pass per assignment in a function).
  let ownApp: Set<number> | null = null;
  const bindsOwnApp = (func: Node): boolean => {
    if (!ownApp) {
      ownApp = new Set();
      for (const b of model.assignments) {
        if (b.childForFieldName('left')?.text !== parentName) continue;
        const f = enclosingFunction(b);
        if (f) ownApp.add(f.id);
      }
    }
    return ownApp.has(func.id);
  };
  return candidates.some((a) => {
    const where = enclosingFunction(a);
    if ((where?.id ?? null) === scope) return true;
    // A module-level app may get its lifespan installed from a function, unless that function has its own app of the same name.
    return scope === null && where !== null && !bindsOwnApp(where);
  });
}

export default defineRule({
  meta: {
    code: 'FMCP401',
    name: 'asgi-lifespan-missing',
    title: 'Mounted MCP http app whose lifespan the parent app never enters',
    severity: 'error',
    fix: { safety: 'unsafe', title: 'Pass the MCP app\'s lifespan to the parent app' },
    docs: {
      what: 'Flags a `FastAPI(...)` or `Starlette(...)` app that mounts a FastMCP http app (`app.mount("/mcp", mcp_app)` or `routes=[Mount("/mcp", app=mcp_app)]`) while its `lifespan=` is missing or provably never enters that app\'s lifespan. The http app is followed through variables; `lifespan=mcp_app.lifespan`, `combine_lifespans(...)` and a custom lifespan of the file that enters `mcp_app.lifespan(...)` or `mcp_app.router.lifespan_context(...)` are all accepted.',
      why: 'Starlette does not run the lifespans of mounted apps. The MCP app\'s lifespan starts the Streamable HTTP session manager (and, from 2.13, the server\'s own lifespan); without it the first request fails with RuntimeError "FastMCP\'s StreamableHTTPSessionManager task group was not initialized. This commonly occurs when the FastMCP application\'s lifespan is not passed to the parent ASGI application …".',
      example: 'mcp_app = mcp.http_app(path="/")\napp = FastAPI()\napp.mount("/mcp", mcp_app)',
      useInstead: 'mcp_app = mcp.http_app(path="/")\napp = FastAPI(lifespan=mcp_app.lifespan)\napp.mount("/mcp", mcp_app)',
      guide: [17],
      notes: '`lifespan=mcp.lifespan` (the server, not the http app) is FMCP402. Lifespans the file cannot see into (imported functions, lambdas, generic helpers) are trusted. SSE apps (`transport="sse"`) are not checked.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const byParent = new Map<number, { parent: Node; parentName: string | null; entries: Array<{ site: MountSite; app: HttpApp }> }>();
    let installs: Map<string, Node[]> | null = null;
    const installsOnce = () => (installs ??= lifespanInstalls(model));
    for (const site of mountSites(model)) {
      if (!site.parent || site.call.hasError) continue;
      const app = httpAppOf(model, site.appArg);
      if (!app) continue;
      const g = byParent.get(site.parent.id) ?? byParent.set(site.parent.id, { parent: site.parent, parentName: site.parentName, entries: [] }).get(site.parent.id)!;
      if (!g.entries.some((e) => e.app.call.id === app.call.id)) g.entries.push({ site, app });
    }
    for (const { parent, parentName, entries } of byParent.values()) {
      const args = model.callArgs(parent);
      if (args.hasSplat || parent.hasError) continue;
      const callee = parent.childForFieldName('function')!;
      const kind = callee.text.split('.').pop();
      const lifespan = args.keywords.get('lifespan');
      if (!lifespan) {
        if (installsLifespanLater(model, parent, parentName, installsOnce)) continue;
        const names = entries.map((e) => e.app.name ?? e.app.call.text);
        const first = entries[0].app;
        const fixable = entries.length === 1 && first.name && first.assignment && first.assignment.endIndex <= parent.startIndex &&
          (enclosingFunction(first.assignment) === null || enclosingFunction(first.assignment)?.id === enclosingFunction(parent)?.id);
        const argList = parent.childForFieldName('arguments');
        const lastArg = argList?.namedChildren.filter((n) => n && n.type !== 'comment').pop() ?? null;
        const fixes = fixable && argList
          ? [ctx.fix(`Add lifespan=${first.name}.lifespan`, 'unsafe', [lastArg ? ctx.insertAt(lastArg.endIndex, `, lifespan=${first.name}.lifespan`) : ctx.insertAt(argList.startIndex + 1, `lifespan=${first.name}.lifespan`)])]
          : [];
        ctx.report({
          node: callee,
          message: `${kind}(...) mounts the MCP http app ${names.map((n) => `\`${n}\``).join(', ')} but has no lifespan=: the first MCP request fails with RuntimeError "…StreamableHTTPSessionManager task group was not initialized". ${first.name ? '' : 'Bind the http app to a variable (mcp_app = ...http_app(...)), mount that, and '}${first.name ? 'Pass' : 'pass'} lifespan=${first.name ?? 'mcp_app'}.lifespan (or combine_lifespans(your_lifespan, ${first.name ?? 'mcp_app'}.lifespan)).`,
          fixes,
        });
        continue;
      }
      for (const { app } of entries) {
        if (verdict(model, lifespan, app, new Set()) !== 'not') continue;
        const name = app.name ?? 'the mounted MCP app';
        ctx.report({
          node: lifespan,
          message: `This lifespan never enters the lifespan of ${app.name ? `\`${name}\`` : name} mounted into this ${kind} app: the first MCP request fails with RuntimeError "…task group was not initialized". Enter it (\`async with ${app.name ?? 'mcp_app'}.lifespan(app):\`) or use combine_lifespans(..., ${app.name ?? 'mcp_app'}.lifespan).`,
        });
      }
    }
  },
});
