import { stringValue } from '../model/model';
import { defineRule } from './api';
import { httpAppOf, mountSites } from './util-asgi';

const norm = (p: string) => p.replace(/\/+$/, '');

export default defineRule({
  meta: {
    code: 'FMCP403',
    name: 'doubled-mount-path',
    title: 'MCP http app mounted at its own endpoint path (`/mcp/mcp`)',
    severity: 'warning',
    flavors: 'fastmcp',
    fix: { safety: 'safe', title: 'Serve the MCP endpoint at the mount point (path="/")' },
    docs: {
      what: 'Flags a FastMCP http app mounted into FastAPI/Starlette at the same path as its own endpoint: `app.mount("/mcp", mcp.http_app())` (the endpoint path defaults to `/mcp`) or `Mount("/mcp", app=mcp.http_app(path="/mcp"))`.',
      why: 'A mount strips its prefix and hands the rest to the mounted app, which serves MCP at its own `path`. The endpoint therefore ends up at `/mcp/mcp`; clients configured with `/mcp` get 404 (or a redirect they do not follow).',
      example: 'app.mount("/mcp", mcp.http_app())',
      useInstead: 'app.mount("/mcp", mcp.http_app(path="/"))',
      notes: 'An http app served directly (uvicorn.run(mcp.http_app())) is not affected. Paths that are not literals are left alone.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const site of mountSites(model)) {
      const mountPath = stringValue(site.pathArg);
      if (mountPath === null || !norm(mountPath)) continue;
      const app = httpAppOf(model, site.appArg);
      if (!app || app.path === null || norm(app.path) !== norm(mountPath)) continue;
      const endpoint = `${norm(mountPath)}${app.path.startsWith('/') ? '' : '/'}${app.path}`;
      const argList = app.call.childForFieldName('arguments');
      const quote = site.pathArg!.text.startsWith("'") ? "'" : '"';
      let fixes = [] as ReturnType<typeof ctx.fix>[];
      if (app.pathArg) fixes = [ctx.fix('Use path="/"', 'safe', [ctx.replace(app.pathArg, `${quote}/${quote}`)])];
      else if (argList && !argList.hasError) {
        const hasArgs = argList.namedChildren.some((n) => n && n.type !== 'comment');
        fixes = [ctx.fix('Add path="/"', 'safe', [ctx.insertAt(argList.startIndex + 1, `path=${quote}/${quote}${hasArgs ? ', ' : ''}`)])];
      }
      ctx.report({
        node: site.pathArg!,
        message: `The MCP app ${app.name ? `\`${app.name}\` ` : ''}serves its endpoint at "${app.path}"${app.pathArg ? '' : ' (the default)'} and is mounted at "${mountPath}": clients must call "${endpoint}". Create it with http_app(path="/") to serve MCP at "${mountPath}".`,
        fixes,
      });
    }
  },
});
