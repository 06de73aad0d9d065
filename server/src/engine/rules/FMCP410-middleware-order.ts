import type { Node } from '../parse';
import type { ServerVar } from '../model/model';
import { callsWhere, enclosingFunction } from '../model/model';
import { defineRule } from './api';
import { builtinMiddlewareOf } from './data-middleware';
import { bindingOf } from './util-asgi';

const RATE_LIMITERS = new Set(['RateLimitingMiddleware', 'SlidingWindowRateLimitingMiddleware']);

export default defineRule({
  meta: {
    code: 'FMCP410',
    name: 'middleware-order',
    title: 'Error handling not outermost / caching outside rate limiting',
    severity: 'warning',
    flavors: 'fastmcp',
    docs: {
      what: 'Reads the order in which middleware is registered on one server — `FastMCP(middleware=[...])` first, then `add_middleware(...)` calls in order — and flags `ErrorHandlingMiddleware` registered after other middleware (warning), and `ResponseCachingMiddleware` registered before a rate limiter (info).',
      why: 'The first middleware added is the outermost: it sees the request first and the response (or exception) last. Errors raised by middleware registered before `ErrorHandlingMiddleware` never reach it, so they are neither logged nor turned into MCP errors. A cache registered before the rate limiter answers cached calls without them counting against the limit.',
      example: 'mcp.add_middleware(LoggingMiddleware())\nmcp.add_middleware(ErrorHandlingMiddleware())',
      useInstead: 'mcp.add_middleware(ErrorHandlingMiddleware())\nmcp.add_middleware(LoggingMiddleware())',
      guide: [18],
      notes: 'Silent when the order is not visible in one place: registrations spread over several functions, or a `middleware=` value that is not a list.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const kindOf = (n: Node): string | null => {
      const call = n.type === 'call' ? n : bindingOf(model, n)?.value;
      if (call?.type !== 'call') return null;
      return builtinMiddlewareOf(model.resolve(call.childForFieldName('function')));
    };
    const chains = new Map<ServerVar, { items: Node[]; broken: boolean; scope: number | null | undefined }>();
    const chainFor = (s: ServerVar) => chains.get(s) ?? chains.set(s, { items: [], broken: false, scope: undefined }).get(s)!;
    for (const s of model.servers) {
      if (!s.call || s.flavor !== 'fastmcp') continue;
      const args = model.callArgs(s.call);
      const mw = args.keywords.get('middleware');
      if (args.hasSplat) {
        chainFor(s).broken = true;
        continue;
      }
      if (!mw) continue;
      const list = mw.type === 'list' ? mw : bindingOf(model, mw)?.value;
      if (list?.type !== 'list') {
        chainFor(s).broken = true;
        continue;
      }
      for (const el of list.namedChildren) {
        if (!el || el.type === 'comment') continue;
        if (el.type === 'list_splat') chainFor(s).broken = true;
        chainFor(s).items.push(el);
      }
    }
    const adds = callsWhere(model, ADD_MIDDLEWARE_CALLS, isAddMiddleware);
    for (const call of adds) {
      const fn = call.childForFieldName('function')!;
      const server = model.serverOf(fn.childForFieldName('object'));
      if (!server || server.flavor !== 'fastmcp') continue;
      const chain = chainFor(server);
      const scope = enclosingFunction(call)?.id ?? null;
      if (chain.scope !== undefined && chain.scope !== scope) chain.broken = true;
      chain.scope = scope;
      for (let p = call.parent; p; p = p.parent) if (p.type === 'for_statement' || p.type === 'while_statement') chain.broken = true;
      const args = model.callArgs(call);
      if (args.hasSplat || args.positional.length !== 1) {
        chain.broken = true;
        continue;
      }
      chain.items.push(args.positional[0]);
    }
    for (const chain of chains.values()) {
      if (chain.broken || chain.items.length < 2) continue;
      const kinds = chain.items.map(kindOf);
      const eh = kinds.indexOf('ErrorHandlingMiddleware');
      if (eh > 0) {
        const before = kinds.slice(0, eh).map((k, i) => k ?? chain.items[i].text.split('(')[0]);
        ctx.report({
          node: chain.items[eh],
          message: `ErrorHandlingMiddleware is registered after ${before.join(', ')}: the first middleware added is the outermost, so errors raised there bypass error handling. Register ErrorHandlingMiddleware first.`,
        });
      }
      const cache = kinds.indexOf('ResponseCachingMiddleware');
      const limiter = kinds.findIndex((k) => k !== null && RATE_LIMITERS.has(k));
      if (cache >= 0 && limiter > cache) {
        ctx.report({
          node: chain.items[cache],
          severity: 'info',
          message: `ResponseCachingMiddleware is registered before ${kinds[limiter]}: cached responses are served without passing the rate limiter. Register the rate limiter first if cached calls should count against the limit.`,
        });
      }
    }
  },
});

const ADD_MIDDLEWARE_CALLS = {};

/** `x.add_middleware(...)`. */
function isAddMiddleware(call: Node): boolean {
  const fn = call.childForFieldName('function');
  return fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'add_middleware';
}
