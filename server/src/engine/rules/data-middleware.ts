/**
 * FastMCP's middleware facts as data: the hook methods FastMCP dispatches to, and the built-in
 * middleware classes with their modules and constructor keywords per version
 * (`src/fastmcp/server/middleware/*.py` at v2.9.0 … v3.0.0rc2). One table, read by FMCP406–411.
 */

/** Methods FastMCP calls as `hook(context, call_next=...)` on a Middleware. */
export const MIDDLEWARE_HOOKS = new Set([
  'on_message',
  'on_request',
  'on_notification',
  'on_initialize',
  'on_call_tool',
  'on_read_resource',
  'on_get_prompt',
  'on_list_tools',
  'on_list_resources',
  'on_list_resource_templates',
  'on_list_prompts',
  '__call__',
]);

/** The middleware package and the names it exports (v3 adds AuthMiddleware and PingMiddleware). */
export const MIDDLEWARE_PACKAGE = 'fastmcp.server.middleware';
export const MIDDLEWARE_BASES = new Set(['fastmcp.server.middleware.Middleware', 'fastmcp.server.middleware.middleware.Middleware']);
export const PACKAGE_EXPORTS = new Set(['Middleware', 'MiddlewareContext', 'CallNext', 'AuthMiddleware', 'PingMiddleware']);

export interface BuiltinMiddleware {
  /** Submodule of `fastmcp.server.middleware`. */
  module: string;
  since: string;
  /** Constructor keyword → first version that accepts it (the class's `since` when always there). */
  keywords: Record<string, string>;
}

const LOGGING_KEYWORDS = {
  logger: '2.9.0',
  log_level: '2.9.0',
  include_payloads: '2.9.0',
  methods: '2.10.0',
  payload_serializer: '2.12.0',
  include_payload_length: '2.12.4',
  estimate_payload_tokens: '2.12.4',
};

export const BUILTIN_MIDDLEWARE: Record<string, BuiltinMiddleware> = {
  ErrorHandlingMiddleware: { module: 'error_handling', since: '2.9.0', keywords: { logger: '2.9.0', include_traceback: '2.9.0', error_callback: '2.9.0', transform_errors: '2.9.0' } },
  RetryMiddleware: {
    module: 'error_handling',
    since: '2.9.0',
    keywords: { max_retries: '2.9.0', base_delay: '2.9.0', max_delay: '2.9.0', backoff_multiplier: '2.9.0', retry_exceptions: '2.9.0', logger: '2.9.0' },
  },
  LoggingMiddleware: { module: 'logging', since: '2.9.0', keywords: { ...LOGGING_KEYWORDS, max_payload_length: '2.9.0' } },
  StructuredLoggingMiddleware: { module: 'logging', since: '2.9.0', keywords: LOGGING_KEYWORDS },
  TimingMiddleware: { module: 'timing', since: '2.9.0', keywords: { logger: '2.9.0', log_level: '2.9.0' } },
  DetailedTimingMiddleware: { module: 'timing', since: '2.9.0', keywords: { logger: '2.9.0', log_level: '2.9.0' } },
  RateLimitingMiddleware: {
    module: 'rate_limiting',
    since: '2.9.0',
    keywords: { max_requests_per_second: '2.9.0', burst_capacity: '2.9.0', get_client_id: '2.9.0', global_limit: '2.9.0' },
  },
  SlidingWindowRateLimitingMiddleware: { module: 'rate_limiting', since: '2.9.0', keywords: { max_requests: '2.9.0', window_minutes: '2.9.0', get_client_id: '2.9.0' } },
  ResponseCachingMiddleware: {
    module: 'caching',
    since: '2.13.0',
    keywords: {
      cache_storage: '2.13.0',
      list_tools_settings: '2.13.0',
      list_resources_settings: '2.13.0',
      list_prompts_settings: '2.13.0',
      read_resource_settings: '2.13.0',
      get_prompt_settings: '2.13.0',
      call_tool_settings: '2.13.0',
      max_item_size: '2.13.0',
    },
  },
  ToolInjectionMiddleware: { module: 'tool_injection', since: '2.13.0', keywords: { tools: '2.13.0' } },
  PromptToolMiddleware: { module: 'tool_injection', since: '2.13.0', keywords: {} },
  ResourceToolMiddleware: { module: 'tool_injection', since: '2.13.0', keywords: {} },
  PingMiddleware: { module: 'ping', since: '3.0.0b1', keywords: { interval_ms: '3.0.0b1' } },
  ResponseLimitingMiddleware: { module: 'response_limiting', since: '3.0.0b2', keywords: { max_size: '3.0.0b2', truncation_suffix: '3.0.0b2', tools: '3.0.0b2' } },
  AuthMiddleware: { module: 'authorization', since: '3.0.0b1', keywords: { auth: '3.0.0b1' } },
};

/** Keywords people reach for that name a real one (the guide's wrong constructor arguments). */
export const KEYWORD_RENAMES: Record<string, Record<string, string>> = {
  RateLimitingMiddleware: { requests_per_second: 'max_requests_per_second', burst: 'burst_capacity', burst_size: 'burst_capacity' },
  ResponseCachingMiddleware: { storage: 'cache_storage' },
  LoggingMiddleware: { level: 'log_level', include_payload: 'include_payloads' },
  StructuredLoggingMiddleware: { level: 'log_level', include_payload: 'include_payloads' },
  TimingMiddleware: { level: 'log_level' },
  DetailedTimingMiddleware: { level: 'log_level' },
  ErrorHandlingMiddleware: { include_tracebacks: 'include_traceback' },
  RetryMiddleware: { retries: 'max_retries' },
};

/** The built-in class a qualified name refers to, if it is imported from where it lives (or from the package). */
export function builtinMiddlewareOf(qualified: string | null): string | null {
  if (!qualified || !qualified.startsWith(`${MIDDLEWARE_PACKAGE}.`)) return null;
  const rest = qualified.slice(MIDDLEWARE_PACKAGE.length + 1).split('.');
  const cls = rest[rest.length - 1];
  const info = BUILTIN_MIDDLEWARE[cls];
  if (!info) return null;
  if (rest.length === 1 || (rest.length === 2 && rest[0] === info.module)) return cls;
  return null;
}
