import { isAsyncFunction } from '../model/model';
import { defineRule } from './api';
import { decoratorNames, isAsyncCmDecorator, isV3LifespanDecorator, lifespanUses, ownYields } from './util-asgi';

export default defineRule({
  meta: {
    code: 'FMCP404',
    name: 'lifespan-not-context-manager',
    title: 'Server lifespan that is not an async context manager',
    severity: 'error',
    fix: { safety: 'safe', title: 'Decorate with @asynccontextmanager' },
    docs: {
      what: 'Flags the function passed as `FastMCP(lifespan=...)` (defined in the same file) when calling it does not give an async context manager: an `async def` with `yield` but without `@asynccontextmanager` (or v3\'s `@lifespan`), an `async def` without `yield`, a plain generator, or a `@contextmanager` (sync) function.',
      why: 'FastMCP enters the lifespan with `async with lifespan(server) as context:`. An async generator, a coroutine or a sync context manager has no `__aenter__`, so the server fails at startup with TypeError ("… object does not support the asynchronous context manager protocol").',
      example: 'async def lifespan(server):\n    db = await connect()\n    yield {"db": db}\n\nmcp = FastMCP("app", lifespan=lifespan)',
      useInstead: 'from contextlib import asynccontextmanager\n\n@asynccontextmanager\nasync def lifespan(server):\n    db = await connect()\n    yield {"db": db}\n\nmcp = FastMCP("app", lifespan=lifespan)',
      notes: 'Only lifespans given to `FastMCP(...)`: FastAPI/Starlette wrap a bare async generator themselves (with a deprecation warning). Functions with other decorators, and plain functions that return a context manager, are left alone.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const seen = new Set<number>();
    for (const use of lifespanUses(model)) {
      if (use.owner !== 'fastmcp' || seen.has(use.func.id)) continue;
      seen.add(use.func.id);
      const func = use.func;
      if (func.hasError) continue;
      const name = func.childForFieldName('name');
      if (!name) continue;
      const decorators = decoratorNames(model, func);
      const isAsync = isAsyncFunction(func);
      const yields = ownYields(func).length > 0;
      if (decorators.some((d) => isAsyncCmDecorator(d) || isV3LifespanDecorator(d))) continue;
      if (decorators.length) {
        if (decorators.length === 1 && decorators[0] === 'contextlib.contextmanager' && !isAsync) {
          ctx.report({ node: name, message: `\`${name.text}\` is a sync context manager (@contextmanager): FastMCP enters the lifespan with \`async with\`, so startup fails with TypeError. Make it an \`async def\` decorated with @asynccontextmanager.` });
        }
        continue;
      }
      if (isAsync && yields) {
        const contextlibModule = model.imports.find((b) => b.qualified === 'contextlib' && b.name === null && !b.local_scope);
        const bound = model.imports.find((b) => b.local === 'asynccontextmanager' && !b.local_scope);
        const decorator = bound?.qualified === 'contextlib.asynccontextmanager' ? 'asynccontextmanager' : !bound && contextlibModule ? `${contextlibModule.local}.asynccontextmanager` : 'asynccontextmanager';
        const edits = [ctx.insertAt(func.startIndex, `@${decorator}${ctx.eol}${ctx.indentAt(func.startIndex)}`)];
        if (decorator === 'asynccontextmanager' && !bound) edits.push(...ctx.addImport('from contextlib import asynccontextmanager', 'asynccontextmanager'));
        if (bound && bound.qualified !== 'contextlib.asynccontextmanager') {
          ctx.report({ node: name, message: `\`${name.text}\` is an async generator, not an async context manager: FastMCP's \`async with ${name.text}(server)\` fails at startup with TypeError. Decorate it with contextlib's @asynccontextmanager.` });
          continue;
        }
        ctx.report({
          node: name,
          message: `\`${name.text}\` is an async generator, not an async context manager: FastMCP's \`async with ${name.text}(server)\` fails at startup with TypeError. Decorate it with @asynccontextmanager.`,
          fixes: [ctx.fix('Decorate with @asynccontextmanager', 'safe', edits)],
        });
      } else if (isAsync) {
        ctx.report({ node: name, message: `\`${name.text}\` has no \`yield\`: calling it gives a coroutine, which FastMCP cannot enter with \`async with\` (TypeError at startup). Write it as an @asynccontextmanager that yields the lifespan context.` });
      } else if (yields) {
        ctx.report({ node: name, message: `\`${name.text}\` is a sync generator: FastMCP enters the lifespan with \`async with\`, so startup fails with TypeError. Make it an \`async def\` decorated with @asynccontextmanager.` });
      }
    }
  },
});
