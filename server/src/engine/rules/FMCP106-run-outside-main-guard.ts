import * as path from 'node:path';
import type { Node } from '../parse';
import { defineRule } from './api';
import { hasMultilineString, inClassBody, indentUnit, insideLambda, topLevelStatementOf } from './util-run';

/** Statements that bind names: wrapping them in the guard would hide those names from importers. */
const BINDING = new Set([
  'import_statement',
  'import_from_statement',
  'future_import_statement',
  'function_definition',
  'class_definition',
  'decorated_definition',
  'assignment',
  'augmented_assignment',
  'global_statement',
  'named_expression',
]);
const WRAPPABLE = new Set(['expression_statement', 'try_statement', 'with_statement']);

function bindsNames(node: Node): boolean {
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (BINDING.has(n.type)) return true;
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return false;
}

/** Inside any `if` whose condition tests `__name__` (the main guard and its variants). */
function underNameCheck(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'if_statement' && /\b__name__\b/.test(p.childForFieldName('condition')?.text ?? '')) return true;
  }
  return false;
}

export default defineRule({
  meta: {
    code: 'FMCP106',
    name: 'run-outside-main-guard',
    title: 'Server started at import time',
    severity: 'warning',
    fix: { safety: 'safe', title: 'Wrap in `if __name__ == "__main__":`' },
    docs: {
      what: 'Flags a module-level `S.run(...)` (or `asyncio.run(S.run_async(...))`) that is not under `if __name__ == "__main__":`.',
      why: '`fastmcp run`, `fastmcp dev`, `fastmcp inspect` and FastMCP Cloud import the file to find the server and then start it themselves. An unguarded `run()` starts a server during that import: the command hangs on it, or the second server fails with "address already in use". Tests and other modules that import the file start a server too.',
      example: 'mcp = FastMCP("demo")\n\nmcp.run()',
      useInstead: 'mcp = FastMCP("demo")\n\nif __name__ == "__main__":\n    mcp.run()',
      guide: [10],
      notes: 'Not reported in `__main__.py` (it only ever runs as a script) nor under any `if` that tests `__name__`. The fix wraps the statement only when it binds no names the rest of the file could need.',
    },
  },
  check(ctx) {
    if (path.basename(ctx.path) === '__main__.py') return;
    const unit = indentUnit(ctx.text);
    for (const rc of ctx.model.runCalls) {
      let flagged: Node | null = null;
      if (rc.method === 'run') flagged = rc.call;
      else if (rc.method === 'run_async' && !rc.awaited) {
        // asyncio.run(mcp.run_async(...))
        const outer = rc.call.parent?.type === 'argument_list' ? rc.call.parent.parent : null;
        if (outer?.type === 'call' && ctx.model.resolve(outer.childForFieldName('function')) === 'asyncio.run') flagged = outer;
      }
      if (!flagged || flagged.hasError) continue;
      if (rc.enclosingFunction || insideLambda(flagged, null) || inClassBody(flagged)) continue;
      if (rc.inMainGuard || underNameCheck(flagged)) continue;

      const stmt = topLevelStatementOf(flagged);
      const fixes = [];
      if (WRAPPABLE.has(stmt.type) && !hasMultilineString(stmt) && !bindsNames(stmt)) {
        const lines = stmt.text.split(/\r?\n/);
        const body = lines.map((l) => (l.trim() ? unit + l : l)).join(ctx.eol);
        fixes.push(ctx.fix('Wrap in `if __name__ == "__main__":`', 'safe', [ctx.replace(stmt, `if __name__ == "__main__":${ctx.eol}${body}`)]));
      }
      const what = flagged === rc.call ? `\`${rc.server.name}.run()\`` : `\`asyncio.run(${rc.server.name}.run_async())\``;
      ctx.report({
        node: flagged,
        message: `${what} runs at import time: \`fastmcp run\`, \`fastmcp dev\` and FastMCP Cloud import this file and start the server themselves, so a second server starts (or the import never returns). Put it under \`if __name__ == "__main__":\`.`,
        fixes,
      });
    }
  },
});
