import { defineRule } from './api';
import { canBecomeAsync, defKeyword, nearestScope } from './util-async';

export default defineRule({
  meta: {
    code: 'FMCP301',
    name: 'await-in-sync-function',
    title: '`await` inside a function that is not `async`',
    severity: 'error',
    fix: { safety: 'safe', title: 'Make the function `async`' },
    docs: {
      what: 'Flags `await` used in the body of a plain `def` (including comprehensions in it). Module-level `await` (notebooks) and `await` inside a `lambda` are left alone.',
      why: "Python refuses to compile the module: `SyntaxError: 'await' outside async function`. The server file cannot even be imported, so `fastmcp run`, the Inspector and every client see a crash before any tool is registered. It usually happens when a tool starts calling Context methods (`await ctx.info(...)`) and the `def` was not changed to `async def`.",
      example: '@mcp.tool\ndef fetch(url: str, ctx: Context) -> str:\n    await ctx.info(f"fetching {url}")\n    return url',
      useInstead: '@mcp.tool\nasync def fetch(url: str, ctx: Context) -> str:\n    await ctx.info(f"fetching {url}")\n    return url',
      guide: [2],
      notes: 'Making a helper function `async` means its callers must now await it; the fix is safe for the file itself because the file does not compile as it is. Dunder methods and properties get no automatic fix.',
    },
  },
  check(ctx) {
    for (const aw of ctx.model.awaits) {
      if (aw.hasError) continue;
      const scope = nearestScope(aw);
      if (!scope || scope.type !== 'function_definition') continue;
      if (ctx.model.isAsyncFunction(scope)) continue;
      const kw = aw.child(0);
      if (!kw || kw.type !== 'await') continue;
      const def = defKeyword(scope);
      const name = scope.childForFieldName('name')?.text ?? 'function';
      const convertible = canBecomeAsync(scope);
      const advice = convertible ? `Declare it \`async def ${name}\`.` : `\`${name}\` cannot be a coroutine: move the awaited work into an \`async def\` method or factory.`;
      ctx.report({
        node: kw,
        message: `\`await\` inside \`def ${name}\`, which is not async: Python rejects the whole file with "SyntaxError: 'await' outside async function". ${advice}`,
        fixes: def && convertible ? [ctx.fix(`Make \`${name}\` async`, 'safe', [ctx.insertAt(def.startIndex, 'async ')])] : [],
      });
    }
  },
});
