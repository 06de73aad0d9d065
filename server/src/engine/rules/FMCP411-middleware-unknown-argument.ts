import { closest } from '../config/settings';
import { compareVersions } from '../version/version';
import { ownCallsWhere } from '../model/model';
import { defineRule } from './api';
import { BUILTIN_MIDDLEWARE, builtinMiddlewareOf, KEYWORD_RENAMES } from './data-middleware';

export default defineRule({
  meta: {
    code: 'FMCP411',
    name: 'middleware-unknown-argument',
    title: 'Built-in middleware given a keyword it does not take',
    severity: 'error',
    fix: { safety: 'safe', title: 'Rename the keyword' },
    docs: {
      what: 'Flags a keyword passed to a built-in FastMCP middleware constructor (`ErrorHandlingMiddleware`, `RetryMiddleware`, `LoggingMiddleware`, `StructuredLoggingMiddleware`, `TimingMiddleware`, `DetailedTimingMiddleware`, `RateLimitingMiddleware`, `SlidingWindowRateLimitingMiddleware`, `ResponseCachingMiddleware`, `PingMiddleware`, `ResponseLimitingMiddleware`, …) that the constructor does not accept — never, or not yet in the target version.',
      why: 'The constructor raises TypeError ("__init__() got an unexpected keyword argument …") when the module is imported, so the server does not start. Widely copied examples use keywords that never existed, e.g. `RateLimitingMiddleware(max_requests=..., window_seconds=...)`, `ResponseCachingMiddleware(ttl_seconds=...)`, `LoggingMiddleware(level=...)`.',
      example: 'RateLimitingMiddleware(max_requests=100, window_seconds=60)\nLoggingMiddleware(level="INFO")',
      useInstead: 'RateLimitingMiddleware(max_requests_per_second=2.0, burst_capacity=10)\nLoggingMiddleware(log_level=logging.INFO)',
      guide: [18],
      notes: 'Keywords added later (e.g. `LoggingMiddleware(payload_serializer=)` in 2.12.0) are flagged only when the target version is known and older. Caching TTLs go in the per-operation settings: `ResponseCachingMiddleware(call_tool_settings={"ttl": 60})`.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const call of ownCallsWhere(model, MIDDLEWARE_CALLS, (c) => builtinMiddlewareOf(model.resolve(c.childForFieldName('function'))) !== null)) {
      const cls = builtinMiddlewareOf(model.resolve(call.childForFieldName('function')))!;
      const info = BUILTIN_MIDDLEWARE[cls];
      const argList = call.childForFieldName('arguments');
      for (const kw of argList?.namedChildren ?? []) {
        if (kw?.type !== 'keyword_argument') continue;
        const nameNode = kw.childForFieldName('name');
        if (!nameNode) continue;
        const name = nameNode.text;
        const since = info.keywords[name];
        const valid = Object.keys(info.keywords);
        if (since) {
          if (compareVersions(since, info.since) > 0 && ctx.target.below(since) === true) {
            ctx.report({ node: nameNode, message: `${cls} accepts \`${name}=\` only from FastMCP ${since} (target ${ctx.target.version}): TypeError at construction. Upgrade FastMCP or drop the argument.` });
          }
          continue;
        }
        const rename = KEYWORD_RENAMES[cls]?.[name];
        const taken = !!rename && argList!.namedChildren.some((k) => k?.type === 'keyword_argument' && k.childForFieldName('name')?.text === rename);
        const suggestion = rename ?? closest(name, valid, 3);
        const known = valid.length ? `Valid: ${valid.join(', ')}.` : `${cls}() takes no keyword arguments.`;
        const hint = name === 'ttl_seconds' || name === 'ttl' ? ' TTLs go in the per-operation settings, e.g. call_tool_settings={"ttl": 60}.' : name === 'window_seconds' && cls === 'RateLimitingMiddleware' ? ' For a window-based limit use SlidingWindowRateLimitingMiddleware(max_requests=..., window_minutes=...).' : '';
        ctx.report({
          node: nameNode,
          message: `${cls}() has no \`${name}=\` parameter: TypeError when it is constructed.${suggestion ? ` Did you mean \`${suggestion}=\`?` : ''}${hint} ${known}`,
          fixes: rename && !taken ? [ctx.fix(`Rename to ${rename}=`, 'safe', [ctx.replace(nameNode, rename)])] : [],
        });
      }
    }
  },
});

const MIDDLEWARE_CALLS = {};
