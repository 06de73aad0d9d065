import { contextClassFlavor } from '../model/names';
import { defineRule } from './api';

export default defineRule({
  meta: {
    code: 'FMCP306',
    name: 'context-only-for-type-checking',
    title: '`Context` imported only under `if TYPE_CHECKING:`',
    severity: 'warning',
    docs: {
      what: 'Flags a `Context` import that exists only inside `if TYPE_CHECKING:` when a tool, resource or prompt annotates a parameter with it as a postponed annotation (`from __future__ import annotations`, or a quoted `"Context"`).',
      why: 'FastMCP resolves a component\'s annotations at run time with `typing.get_type_hints`. The name `Context` does not exist at run time, so the resolution fails, FastMCP falls back to the raw string `"Context"`, and the parameter is not recognised as the Context: it is not injected and clients see it as a required argument.',
      example: 'from __future__ import annotations\nfrom typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from fastmcp import Context\n\n@mcp.tool\nasync def ping(ctx: Context) -> str:\n    return "pong"',
      useInstead: 'from __future__ import annotations\n\nfrom fastmcp import Context\n\n@mcp.tool\nasync def ping(ctx: Context) -> str:\n    return "pong"',
      guide: [3],
      notes: 'Without postponed annotations the same file fails at import with a NameError, which Python reports on its own. Type-checking-only imports used elsewhere (helpers, return types) are fine and not flagged.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    const postponed = model.root.namedChildren.some((s) => s?.type === 'future_import_statement' && /\bannotations\b/.test(s.text));
    const runtime = new Set(model.imports.filter((b) => !b.typeCheckingOnly && !b.local_scope).map((b) => b.local));
    const tcOnly = model.imports.filter((b) => b.typeCheckingOnly && !b.local_scope && !runtime.has(b.local) && contextClassFlavor(b.qualified));
    if (!tcOnly.length) return;
    const reported = new Set<number>();
    for (const comp of model.components) {
      for (const p of comp.params) {
        if (!p.annotation || !p.contextFlavor) continue;
        const quoted = p.annotation.namedChild(0)?.type === 'string';
        if (!postponed && !quoted) continue;
        const words = new Set(p.annotation.text.match(/[A-Za-z_][\w]*/g) ?? []);
        const b = tcOnly.find((t) => words.has(t.local));
        if (!b || reported.has(b.node.id)) continue;
        reported.add(b.node.id);
        ctx.report({
          node: b.node,
          message: `\`${b.local}\` is imported only for type checking, but \`${comp.funcName}\` needs it at run time: FastMCP cannot resolve the postponed annotation \`${p.annotation.text}\`, does not inject the Context, and clients see \`${p.name}\` as a required argument. Move this import out of \`if TYPE_CHECKING:\`.`,
        });
      }
    }
  },
});
