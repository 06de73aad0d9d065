import type { Node } from '../parse';
import type { Flavor } from '../types';
import { contextClassFlavor, fastmcpClassFlavor } from '../model/names';
import { defineRule } from './api';

const CONTEXT_MODULE: Record<Flavor, string> = { fastmcp: 'fastmcp', sdk: 'mcp.server.fastmcp' };
const PACKAGE: Record<Flavor, string> = { fastmcp: '`fastmcp`', sdk: 'the MCP SDK (`mcp.server.fastmcp`)' };

export default defineRule({
  meta: {
    code: 'FMCP305',
    name: 'context-from-other-flavor',
    title: '`Context` imported from the other FastMCP package',
    severity: 'error',
    fix: { safety: 'safe', title: 'Import `Context` from the package the server uses' },
    docs: {
      what: 'Flags `Context` imported from `mcp.server.fastmcp` in a file whose `FastMCP` comes from `fastmcp` (or the reverse), when a tool, resource or prompt annotates a parameter with it.',
      why: 'The two packages have separate, unrelated `Context` classes, and each server injects only its own (FastMCP checks the annotation with `issubclass`). With the other one, the parameter is not injected: it becomes a required client argument and calls fail validation, exactly as if it had no annotation.',
      example: 'from fastmcp import FastMCP\nfrom mcp.server.fastmcp import Context\n\nmcp = FastMCP("demo")\n\n@mcp.tool\nasync def ping(ctx: Context) -> str:\n    await ctx.info("ping")\n    return "pong"',
      useInstead: 'from fastmcp import FastMCP\nfrom fastmcp import Context\n\nmcp = FastMCP("demo")\n\n@mcp.tool\nasync def ping(ctx: Context) -> str:\n    await ctx.info("ping")\n    return "pong"',
      guide: [3],
      notes: 'Files that import `FastMCP` from both packages (compatibility shims with `try`/`except ImportError`) and files that also import the matching `Context` are left alone. The fix rewrites the module of an import statement that imports only `Context`.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    const serverFlavors = new Set<Flavor>();
    for (const b of model.imports) {
      const f = fastmcpClassFlavor(b.qualified);
      if (f) serverFlavors.add(f);
    }
    if (serverFlavors.size !== 1) return;
    const right = [...serverFlavors][0];
    const wrong: Flavor = right === 'fastmcp' ? 'sdk' : 'fastmcp';
    if (model.imports.some((b) => b.name !== null && contextClassFlavor(b.qualified) === right)) return;

    const wrongBindings = model.imports.filter((b) => b.name !== null && contextClassFlavor(b.qualified) === wrong);
    const used = new Set<(typeof wrongBindings)[number]>();
    const annotations: Node[] = [];
    for (const comp of model.components) {
      if (comp.flavor !== right) continue;
      for (const p of comp.params) {
        if (!p.annotation || p.contextFlavor !== wrong) continue;
        const words = new Set(p.annotation.text.match(/[A-Za-z_][\w.]*/g) ?? []);
        const b = wrongBindings.find((w) => words.has(w.local));
        if (b) used.add(b);
        else annotations.push(p.annotation);
      }
    }
    const message = `This \`Context\` comes from ${PACKAGE[wrong]}, but the server's FastMCP comes from ${PACKAGE[right]}, which injects only its own Context: the parameter is not injected and becomes a required client argument. Import it with \`from ${CONTEXT_MODULE[right]} import Context\`.`;
    for (const b of used) {
      const stmt = b.statement;
      const modNode = stmt.type === 'import_from_statement' ? stmt.childForFieldName('module_name') : null;
      const onlyName = stmt.childrenForFieldName('name').length === 1;
      ctx.report({
        node: b.node,
        message,
        fixes: modNode && onlyName && !stmt.hasError ? [ctx.fix(`Import Context from ${CONTEXT_MODULE[right]}`, 'safe', [ctx.replace(modNode, CONTEXT_MODULE[right])])] : [],
      });
    }
    for (const a of annotations) ctx.report({ node: a, message });
  },
});
