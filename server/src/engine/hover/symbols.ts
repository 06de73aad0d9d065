/**
 * Everything hover knows about FastMCP symbols, in one table: qualified name → signature, versions,
 * and the reference section that explains it. Facts follow FASTMCP-FACTS.md; versions are those of
 * the standalone `fastmcp` package. Keys are canonical names; ALIASES maps the other import paths.
 */

export interface Versioned {
  since?: string;
  deprecated?: string;
  removed?: string;
  /** What to use instead (markdown, short). */
  use?: string;
}

export interface RefPointer {
  file: string;
  /** Anchor of the section (see references.ts slugify). */
  section: string;
}

export interface KeywordDoc extends Versioned {
  /** One or two sentences (markdown). */
  text: string;
  /** Never a parameter: hover says so instead of documenting it. */
  invalid?: boolean;
  ref?: RefPointer;
}

export interface Variant {
  /** Applies to target versions in [min, max). */
  min?: string;
  max?: string;
  signature?: string;
  async?: boolean;
  note: string;
}

export interface SymbolDoc extends Versioned {
  /** Shown in a python code block. */
  signature: string;
  /** One line (markdown). */
  summary: string;
  /** Async method: must be awaited. */
  async?: boolean;
  variants?: Variant[];
  ref?: RefPointer;
  keywords?: Record<string, KeywordDoc>;
  /** Extra note for the MCP SDK's bundled FastMCP, or false when the SDK has no such thing. */
  sdk?: string | false;
}

const CTX = 'context-features.md';
const MW = 'middleware-guide.md';
const AUTH = 'oauth-security.md';
const STORE = 'storage-backends.md';
const LIFE = 'server-lifespans.md';
const INTEG = 'integration-patterns.md';
const PROD = 'production-patterns.md';
const PERF = 'performance-optimization.md';
const ref = (file: string, section: string): RefPointer => ({ file, section });

const RUN_HTTP_KEYWORDS: Record<string, KeywordDoc> = {
  transport: { text: 'Transport name: `"stdio"` (default), `"http"` (2.9.0+), `"streamable-http"` (2.3.0+) or `"sse"` (legacy). Anything else raises `ValueError("Unknown transport: …")`.', ref: ref(PROD, 'transports') },
  show_banner: { text: 'Print the startup banner; `None` follows the `FASTMCP_SHOW_SERVER_BANNER` setting (`FASTMCP_SHOW_CLI_BANNER` in 2.x).' },
  host: { text: 'HTTP transports only (default `127.0.0.1`); with stdio it is a `TypeError`.', ref: ref(PROD, 'transports') },
  port: { text: 'HTTP transports only (default `8000`); with stdio it is a `TypeError`.', ref: ref(PROD, 'transports') },
  path: { text: 'HTTP endpoint path (default `/mcp`; SSE `/sse`). HTTP transports only.', ref: ref(PROD, 'transports') },
  log_level: { text: 'Log level for the server (and uvicorn over HTTP).' },
  uvicorn_config: { text: 'Extra uvicorn settings (dict). HTTP transports only.' },
  middleware: { text: 'Starlette (ASGI) middleware for the HTTP app — not MCP middleware.' },
  json_response: { text: 'Answer streamable HTTP requests with plain JSON instead of SSE streams. HTTP only.' },
  stateless_http: { text: 'Run streamable HTTP without server-side sessions: required behind a load balancer or with several workers ("Session not found" otherwise). 3.x also accepts `stateless`. With `transport="sse"` 3.x raises `ValueError("SSE transport does not support stateless mode")`.', ref: ref(PROD, 'scaling-out') },
  stateless: { text: 'Alias of `stateless_http` (3.x); also accepted by stdio in 3.x.', since: '3.0.0b1' },
};

const SERVER_KEYWORDS: Record<string, KeywordDoc> = {
  name: { text: 'Server name shown to clients.' },
  instructions: { text: 'Text telling clients how to use this server (sent at initialization).' },
  version: { text: 'Server version string reported to clients.' },
  website_url: { text: 'Server website shown by clients.', since: '2.13.0', ref: ref(INTEG, 'icons') },
  icons: { text: 'List of `mcp.types.Icon(src=…, mimeType=…, sizes=[…])`.', since: '2.13.0', ref: ref(INTEG, 'icons') },
  auth: { text: 'An auth provider (`JWTVerifier`, `OAuthProxy`, `GitHubProvider`, …). HTTP transports only.', ref: ref(AUTH, 'choosing-an-auth-provider') },
  middleware: { text: 'MCP middleware list; the first one is the outermost.', since: '2.9.0', ref: ref(MW, 'order') },
  providers: { text: 'Component providers (e.g. `OpenAPIProvider`).', since: '3.0.0b1' },
  lifespan: { text: 'Function taking the server and returning an async context manager; its yielded value is the lifespan context. Runs once per server since 2.13.0 (per session before).', ref: ref(LIFE, 'defining-a-lifespan') },
  tools: { text: 'Tools (functions or `Tool` objects) to register at construction.' },
  on_duplicate: { text: '`"warn"` (default), `"error"`, `"replace"` or `"ignore"` when a component name is registered twice. Replaces `on_duplicate_tools/resources/prompts`.', since: '3.0.0b1' },
  mask_error_details: { text: 'Hide the details of unexpected exceptions from clients (raise `ToolError` for messages they should see).', ref: ref(PROD, 'error-handling') },
  dereference_schemas: { text: 'Inline `$ref`s in schemas sent to clients (adds `DereferenceRefsMiddleware`).', since: '3.0.0rc1' },
  strict_input_validation: { text: 'Validate tool input strictly instead of coercing (`"10"` is no longer `10`).', since: '2.13.0' },
  list_page_size: { text: 'Paginate list results with this page size.', since: '3.0.0b1' },
  tasks: { text: 'Default for background-task support of components (`task=`).', since: '3.0.0b1' },
  session_state_store: { text: 'Key-value store for `ctx.set_state`/`get_state` (default `MemoryStore`).', since: '3.0.0b1', ref: ref(STORE, 'session-state-store') },
  sampling_handler: { text: 'Fallback used for `ctx.sample` when the client cannot sample.', since: '2.12.0', ref: ref(CTX, 'sampling') },
  sampling_handler_behavior: { text: '`"fallback"` (only when the client cannot sample) or `"always"`.', since: '2.12.0' },
  include_tags: { text: 'Only expose components with these tags.', since: '2.8.0', deprecated: '3.0.0b1', removed: '3.0.0rc1', use: '`mcp.enable(tags=..., only=True)`' },
  exclude_tags: { text: 'Hide components with these tags.', since: '2.8.0', deprecated: '3.0.0b1', removed: '3.0.0rc1', use: '`mcp.disable(tags=...)`' },
  on_duplicate_tools: { text: 'Duplicate policy for tools.', deprecated: '3.0.0b1', removed: '3.0.0rc1', use: '`on_duplicate=`' },
  on_duplicate_resources: { text: 'Duplicate policy for resources.', deprecated: '3.0.0b1', removed: '3.0.0rc1', use: '`on_duplicate=`' },
  on_duplicate_prompts: { text: 'Duplicate policy for prompts.', deprecated: '3.0.0b1', removed: '3.0.0rc1', use: '`on_duplicate=`' },
  tool_serializer: { text: 'Custom serializer for tool results.', deprecated: '3.0.0b1', removed: '3.0.0rc1', use: 'return a `ToolResult`' },
  tool_transformations: { text: 'Tool transformation configs.', deprecated: '3.0.0b1', removed: '3.0.0rc1', use: '`mcp.add_transform(ToolTransform({...}))`' },
  include_fastmcp_meta: { text: 'Include FastMCP metadata in component meta.', removed: '3.0.0b1' },
  dependencies: { text: 'Packages for `fastmcp install`/`dev` environments.', deprecated: '2.12.0', removed: '2.14.0', use: '`environment.dependencies` in `fastmcp.json`' },
  resource_prefix_format: { text: '`"protocol"` or `"path"` naming of mounted resources (never a `mount()` argument).', deprecated: '2.4.0', removed: '2.14.0', use: 'nothing: names are always `scheme://namespace/path`' },
  host: { text: 'HTTP bind host.', deprecated: '2.8.0', removed: '3.0.0rc1', use: '`run(host=...)` or `FASTMCP_HOST`' },
  port: { text: 'HTTP port.', deprecated: '2.8.0', removed: '3.0.0rc1', use: '`run(port=...)` / `run_http_async()` or `FASTMCP_PORT`' },
  log_level: { text: 'Log level.', deprecated: '2.8.0', removed: '3.0.0rc1', use: '`run(log_level=...)` or `FASTMCP_LOG_LEVEL`' },
  debug: { text: 'Debug mode.', deprecated: '2.8.0', removed: '3.0.0rc1', use: '`FASTMCP_DEBUG`' },
  sse_path: { text: 'SSE endpoint path.', deprecated: '2.8.0', removed: '3.0.0rc1', use: '`run(path=...)`' },
  message_path: { text: 'SSE message path.', deprecated: '2.8.0', removed: '3.0.0rc1', use: '`FASTMCP_MESSAGE_PATH`' },
  streamable_http_path: { text: 'Streamable HTTP path.', deprecated: '2.8.0', removed: '3.0.0rc1', use: '`run(path=...)`' },
  json_response: { text: 'JSON responses over HTTP.', deprecated: '2.8.0', removed: '3.0.0rc1', use: '`run(json_response=...)`' },
  stateless_http: { text: 'Stateless streamable HTTP.', deprecated: '2.8.0', removed: '3.0.0rc1', use: '`run(stateless_http=True)` or `FASTMCP_STATELESS_HTTP`' },
  storage: { text: '`FastMCP()` has no `storage=` parameter in any version. Stores go to `client_storage=` (OAuth), `cache_storage=` (caching middleware) or `session_state_store=` (3.x).', invalid: true, ref: ref(STORE, 'where-stores-are-accepted') },
};

const TOOL_KEYWORDS: Record<string, KeywordDoc> = {
  name: { text: 'Tool name (default: the function name). Keep it to `[A-Za-z0-9._-]`, at most 128 characters (SEP-986).' },
  version: { text: 'Component version.', since: '3.0.0b1' },
  title: { text: 'Human-readable title.' },
  description: { text: 'Description the model reads (default: the docstring).' },
  icons: { text: 'List of `mcp.types.Icon`.', since: '2.13.0', ref: ref(INTEG, 'icons') },
  tags: { text: 'A `set[str]` of tags, used by `mcp.enable/disable(tags=...)`.' },
  output_schema: { text: 'Custom JSON schema for the structured result; must have `"type": "object"`. `None` disables it (`False` was deprecated in 2.12 and removed in 2.14).' },
  annotations: { text: '`ToolAnnotations` (or a dict in 3.x): `readOnlyHint`, `destructiveHint`, `idempotentHint`, `openWorldHint`.' },
  exclude_args: { text: 'Parameters hidden from clients (must have defaults).', deprecated: '2.14.0', use: 'dependency injection with `Depends()`' },
  meta: { text: 'Extra metadata sent with the component.', since: '2.13.0' },
  app: { text: 'MCP Apps UI configuration (`AppConfig`).', since: '3.0.0rc1' },
  ui: { text: 'MCP Apps UI configuration.', since: '3.0.0b2', removed: '3.0.0rc1', use: '`app=AppConfig(...)`' },
  task: { text: 'Run as a background task clients can poll; requires an `async def` (and the `fastmcp[tasks]` extra in 3.x).', since: '2.14.0', ref: ref(PERF, 'timeouts-and-background-work') },
  timeout: { text: 'Seconds before the call is cancelled.', since: '3.0.0b1' },
  auth: { text: 'Authorization check(s) for this component, e.g. `require_scopes("admin")`.', since: '3.0.0b1', ref: ref(AUTH, 'authorization-checks') },
  enabled: { text: 'Whether the component is enabled.', removed: '3.0.0b1', use: '`mcp.enable(...)` / `mcp.disable(names=..., components=...)`' },
  serializer: { text: 'Custom result serializer.', deprecated: '3.0.0b1', use: 'return a `ToolResult`' },
};

const RESOURCE_KEYWORDS: Record<string, KeywordDoc> = {
  uri: { text: 'Resource URI (required, the first argument). A static URI needs a scheme; `{name}`, `{name*}` and `{?a,b}` make a template.', ref: ref(PROD, 'resources-and-templates') },
  name: { text: 'Resource name (default: the function name).' },
  version: TOOL_KEYWORDS.version,
  title: TOOL_KEYWORDS.title,
  description: { text: 'Description (default: the docstring).' },
  icons: TOOL_KEYWORDS.icons,
  mime_type: { text: 'MIME type of the content (default `text/plain`).' },
  tags: TOOL_KEYWORDS.tags,
  annotations: { text: 'Resource annotations (`audience`, `priority`).', since: '2.13.0' },
  meta: TOOL_KEYWORDS.meta,
  app: TOOL_KEYWORDS.app,
  task: TOOL_KEYWORDS.task,
  auth: TOOL_KEYWORDS.auth,
  enabled: TOOL_KEYWORDS.enabled,
};

const PROMPT_KEYWORDS: Record<string, KeywordDoc> = {
  name: { text: 'Prompt name (default: the function name).' },
  version: TOOL_KEYWORDS.version,
  title: TOOL_KEYWORDS.title,
  description: { text: 'Description (default: the docstring).' },
  icons: TOOL_KEYWORDS.icons,
  tags: TOOL_KEYWORDS.tags,
  meta: TOOL_KEYWORDS.meta,
  task: TOOL_KEYWORDS.task,
  auth: TOOL_KEYWORDS.auth,
  enabled: TOOL_KEYWORDS.enabled,
};

const OAUTH_PROXY_KEYWORDS: Record<string, KeywordDoc> = {
  upstream_authorization_endpoint: { text: '**Required.** The provider\'s authorization URL.' },
  upstream_token_endpoint: { text: '**Required.** The provider\'s token URL.' },
  upstream_client_id: { text: '**Required.** Client ID of the app registered with the provider.' },
  upstream_client_secret: { text: '**Required.** Its secret — read it from the environment, never a literal.', ref: ref(AUTH, 'secrets-in-code') },
  token_verifier: { text: '**Required.** Verifies the upstream tokens (e.g. `JWTVerifier`); its `required_scopes` are the scopes requested.' },
  base_url: { text: '**Required.** Public URL of this server; use `https://` in production.' },
  upstream_revocation_endpoint: { text: 'Optional revocation URL.' },
  redirect_path: { text: 'Callback path (default `/auth/callback`); the upstream app must allow `{base_url}{redirect_path}`.' },
  issuer_url: { text: 'Issuer URL (defaults to `base_url`).' },
  service_documentation_url: { text: 'Documentation URL advertised in metadata.' },
  allowed_client_redirect_uris: { text: 'Patterns of client redirect URIs to accept; `None` accepts all, `[]` blocks every client.', ref: ref(AUTH, 'redirect-uris') },
  valid_scopes: { text: 'Scopes clients may request.' },
  forward_pkce: { text: 'Forward PKCE to the upstream provider (default `True`).' },
  token_endpoint_auth_method: { text: 'How to authenticate to the upstream token endpoint.' },
  extra_authorize_params: { text: 'Extra query parameters for the upstream authorization request.' },
  extra_token_params: { text: 'Extra parameters for the upstream token request.' },
  client_storage: { text: 'Key-value store for client registrations and tokens (default: Fernet-encrypted `DiskStore`). Wrap persistent stores in `FernetEncryptionWrapper`.', since: '2.13.0', ref: ref(STORE, 'encrypting-stored-tokens') },
  jwt_signing_key: { text: 'Key for the JWTs the proxy issues; optional (derived from the upstream client secret). Read it from the environment.', since: '2.13.0', ref: ref(AUTH, 'signing-keys-and-token-storage') },
  require_authorization_consent: { text: 'Show the consent screen (default `True`); `False` removes confused-deputy protection.', since: '2.13.0', ref: ref(AUTH, 'consent-screen') },
  consent_csp_policy: { text: 'Content-Security-Policy of the consent page.', since: '3.0.0b1' },
  fallback_access_token_expiry_seconds: { text: 'Token lifetime when the upstream gives none.', since: '3.0.0b1' },
  enable_cimd: { text: 'Accept client ID metadata documents (default `True`).', since: '3.0.0b2' },
  enable_consent_screen: { text: 'No such parameter (`TypeError`). The real one is `require_authorization_consent`, on by default.', invalid: true, ref: ref(AUTH, 'consent-screen') },
  upstream_scope: { text: 'No such parameter. Scopes come from `token_verifier.required_scopes` or `valid_scopes`.', invalid: true },
};

const PROVIDER_KEYWORDS: Record<string, KeywordDoc> = {
  client_id: { text: 'OAuth app client ID (required in 3.x; 2.x could read it from `FASTMCP_SERVER_AUTH_<PROVIDER>_CLIENT_ID`).', ref: ref(AUTH, 'provider-configuration-from-the-environment') },
  client_secret: { text: 'OAuth app secret — from the environment, never a literal (required in 3.x).', ref: ref(AUTH, 'secrets-in-code') },
  base_url: { text: 'Public URL of this server (required in 3.x); `https://` in production.' },
  redirect_path: OAUTH_PROXY_KEYWORDS.redirect_path,
  required_scopes: { text: 'Scopes to request and require.' },
  allowed_client_redirect_uris: OAUTH_PROXY_KEYWORDS.allowed_client_redirect_uris,
  client_storage: OAUTH_PROXY_KEYWORDS.client_storage,
  jwt_signing_key: OAUTH_PROXY_KEYWORDS.jwt_signing_key,
  require_authorization_consent: OAUTH_PROXY_KEYWORDS.require_authorization_consent,
  enable_consent_screen: OAUTH_PROXY_KEYWORDS.enable_consent_screen,
  issuer_url: OAUTH_PROXY_KEYWORDS.issuer_url,
  timeout_seconds: { text: 'Timeout for calls to the provider.' },
  tenant_id: { text: 'Azure tenant (required for `AzureProvider`).' },
  config_url: { text: 'OIDC discovery URL (Auth0, OCI, Descope).' },
  audience: { text: 'Expected token audience.' },
  user_pool_id: { text: 'Cognito user pool (required for `AWSCognitoProvider`).' },
  aws_region: { text: 'Cognito region (default `eu-central-1`).' },
  authkit_domain: { text: 'Your AuthKit domain (WorkOS / AuthKit).' },
};

function provider(cls: string, module: string, since: string, base: string, required: string): SymbolDoc {
  return {
    signature: `class ${cls}(*, ${required}, ...)  # ${base}`,
    summary: `${cls} from \`fastmcp.server.auth.providers.${module}\`. Required in 3.x: ${required.split(', ').map((r) => `\`${r}\``).join(', ')} (2.x could read them from \`FASTMCP_SERVER_AUTH_*\` variables; 3.0 removed that).`,
    since,
    ref: ref(AUTH, 'choosing-an-auth-provider'),
    keywords: PROVIDER_KEYWORDS,
    sdk: false,
  };
}

function middleware(cls: string, module: string, since: string, ctor: string, keywords: Record<string, KeywordDoc>): SymbolDoc {
  return {
    signature: `class ${cls}${ctor}`,
    summary: `Built-in middleware from \`${module}\`.`,
    since,
    ref: ref(MW, 'built-in-middleware'),
    keywords,
    sdk: false,
  };
}

const kw = (names: string, text = 'See the constructor signature.'): Record<string, KeywordDoc> => Object.fromEntries(names.split(/\s*,\s*/).map((n) => [n, { text }]));

function ctxMethod(name: string, signature: string, summary: string, section: string, extra: Partial<SymbolDoc> = {}): [string, SymbolDoc] {
  return [`fastmcp.Context.${name}`, { signature: `async def ${signature}`, summary, async: true, ref: ref(CTX, section), ...extra }];
}

function hook(name: string, summary: string, since = '2.9.0'): [string, SymbolDoc] {
  return [
    `fastmcp.server.middleware.Middleware.${name}`,
    {
      signature: `async def ${name}(self, context: MiddlewareContext, call_next) -> ...`,
      summary: `${summary} Continue with \`return await call_next(context)\`; raise \`ToolError\`/\`McpError\` to reject.`,
      since,
      async: true,
      ref: ref(MW, 'hooks'),
      sdk: false,
    },
  ];
}

export const TRANSPORTS: Record<string, SymbolDoc> = {
  stdio: { signature: 'transport="stdio"', summary: 'Standard input/output: the client starts the server as a subprocess. The default. stdout carries the protocol, so never `print()` to it; HTTP options (`host`, `port`, …) are a `TypeError`.', ref: ref(PROD, 'transports') },
  http: { signature: 'transport="http"', summary: 'Streamable HTTP, the recommended network transport (alias of `"streamable-http"`). Endpoint `http://127.0.0.1:8000/mcp` by default.', since: '2.9.0', ref: ref(PROD, 'transports'), sdk: 'The MCP SDK\'s bundled FastMCP has no `"http"` alias: use `"streamable-http"`.' },
  'streamable-http': { signature: 'transport="streamable-http"', summary: 'Streamable HTTP (same as `"http"`). Endpoint path `/mcp` by default.', since: '2.3.0', ref: ref(PROD, 'transports') },
  sse: { signature: 'transport="sse"', summary: 'Server-Sent Events: the legacy HTTP transport, replaced by streamable HTTP. Paths `/sse` and `/messages/`. Not stateless-capable.', ref: ref(PROD, 'transports') },
};

export const SYMBOLS: Record<string, SymbolDoc> = {
  // ---------------------------------------------------------------- server
  'fastmcp.FastMCP': {
    signature: 'class FastMCP(name=None, instructions=None, *, version=None, website_url=None, icons=None, auth=None, middleware=None, providers=None, lifespan=None, tools=None, on_duplicate=None, mask_error_details=None, strict_input_validation=None, session_state_store=None, ...)',
    summary: 'The MCP server. Keep one module-level instance named `mcp`, `server` or `app` so `fastmcp run` and FastMCP Cloud find it.',
    variants: [
      { max: '3.0.0rc1', note: '2.x also accepts transport settings (`host`, `port`, `log_level`, …; deprecated since 2.8), `include_tags`/`exclude_tags`, `on_duplicate_tools/…`, `tool_serializer`, `tool_transformations`.' },
      { min: '3.0.0rc1', note: 'Transport settings (`host`, `port`, …) and the other 2.x deprecations are gone: passing one raises `TypeError` "FastMCP() no longer accepts …".' },
    ],
    ref: ref(PROD, 'the-server-object'),
    keywords: SERVER_KEYWORDS,
    sdk: 'This is the MCP SDK\'s bundled FastMCP (1.x API): it takes transport settings (`host`, `port`, …) in its constructor. The standalone `fastmcp` package (`from fastmcp import FastMCP`) is the maintained successor.',
  },
  'fastmcp.FastMCP.tool': {
    signature: '@mcp.tool  |  @mcp.tool(name=None, *, title=None, description=None, icons=None, tags=None, output_schema=None, annotations=None, meta=None, task=None, timeout=None, auth=None, ...)',
    summary: 'Registers a function as a tool. The docstring is the description the model reads; parameters need type annotations.',
    variants: [
      { max: '2.7.0', note: 'Before 2.7.0 only the called form `@mcp.tool()` exists.' },
      { min: '2.7.0', max: '3.0.0b1', note: 'Returns a `FunctionTool` object: calling the decorated name raises `TypeError`; use `.fn`.' },
      { min: '3.0.0b1', note: 'Returns your function unchanged (`.fn`/`.name` no longer exist); `enabled=` was removed.' },
    ],
    ref: ref(PROD, 'tools'),
    keywords: TOOL_KEYWORDS,
    sdk: 'The SDK\'s decorator must be called: `@mcp.tool()`.',
  },
  'fastmcp.FastMCP.resource': {
    signature: '@mcp.resource(uri, *, name=None, title=None, description=None, icons=None, mime_type=None, tags=None, annotations=None, meta=None, task=None, auth=None, ...)',
    summary: 'Registers a resource (static URI) or resource template (`{param}` in the URI). The URI is required: bare `@mcp.resource` is a `TypeError`.',
    variants: [
      { max: '2.13.0', note: 'No `{?query}` parameters before 2.13.0. Non-string returns are serialized to JSON.' },
      { min: '2.13.0', max: '3.0.0b1', note: 'Query parameters `{?a,b}` (each needing a default). Non-string returns are serialized to JSON.' },
      { min: '3.0.0b1', note: 'Must return `str`, `bytes` or `ResourceResult`: a `dict` raises `TypeError` when read.' },
    ],
    ref: ref(PROD, 'resources-and-templates'),
    keywords: RESOURCE_KEYWORDS,
  },
  'fastmcp.FastMCP.prompt': {
    signature: '@mcp.prompt  |  @mcp.prompt(name=None, *, title=None, description=None, icons=None, tags=None, meta=None, task=None, auth=None, ...)',
    summary: 'Registers a prompt template. Arguments arrive as strings and are converted to the annotated types.',
    variants: [
      { max: '3.0.0b1', note: 'May return `str`, `PromptMessage`, dicts or sequences of them.' },
      { min: '3.0.0b1', note: 'Must return `str`, `list[Message | str]` or `PromptResult`; dicts and `PromptMessage` raise `TypeError`.' },
    ],
    ref: ref(PROD, 'prompts'),
    keywords: PROMPT_KEYWORDS,
    sdk: 'The SDK\'s decorator must be called: `@mcp.prompt()`.',
  },
  'fastmcp.FastMCP.run': {
    signature: 'def run(transport=None, show_banner=None, **transport_kwargs) -> None',
    summary: 'Starts the server and blocks (sync; uses its own event loop — in async code use `await mcp.run_async()`). Keep it under `if __name__ == "__main__":`; `fastmcp run` and FastMCP Cloud never execute that block.',
    ref: ref(PROD, 'transports'),
    keywords: RUN_HTTP_KEYWORDS,
    sdk: 'SDK signature: `run(transport="stdio", mount_path=None)`; transports `stdio`, `sse`, `streamable-http` (no `http`); host/port come from the constructor.',
  },
  'fastmcp.FastMCP.run_async': {
    signature: 'async def run_async(transport=None, show_banner=None, **transport_kwargs) -> None',
    summary: 'Async version of `run()` for code that already has an event loop.',
    async: true,
    ref: ref(PROD, 'transports'),
    keywords: RUN_HTTP_KEYWORDS,
  },
  'fastmcp.FastMCP.run_http_async': {
    signature: 'async def run_http_async(transport="http", host=None, port=None, log_level=None, path=None, uvicorn_config=None, middleware=None, json_response=None, stateless_http=None, ...)',
    summary: 'Serves over HTTP from async code.',
    async: true,
    ref: ref(PROD, 'transports'),
    keywords: RUN_HTTP_KEYWORDS,
    sdk: false,
  },
  'fastmcp.FastMCP.http_app': {
    signature: 'def http_app(path=None, middleware=None, json_response=None, stateless_http=None, transport="http", event_store=None, retry_interval=None) -> StarletteWithLifespan',
    summary: 'Returns a Starlette app serving the MCP endpoint (sync — do not `await`). A parent FastAPI/Starlette app must pass `lifespan=mcp_app.lifespan`; mounted at `/mcp` use `path="/"` to avoid `/mcp/mcp`.',
    ref: ref(INTEG, 'mounting-into-fastapi'),
    keywords: {
      path: { text: 'Endpoint path inside the app (default `/mcp`). When you mount the app at `/mcp`, pass `"/"`.', ref: ref(INTEG, 'mounting-into-fastapi') },
      middleware: RUN_HTTP_KEYWORDS.middleware,
      json_response: RUN_HTTP_KEYWORDS.json_response,
      stateless_http: RUN_HTTP_KEYWORDS.stateless_http,
      transport: { text: '`"http"` (default, streamable HTTP), `"streamable-http"` or `"sse"`.', ref: ref(PROD, 'transports') },
      event_store: { text: 'An `EventStore` for resumable SSE streams.', since: '2.14.0', ref: ref(STORE, 'where-stores-are-accepted') },
      retry_interval: { text: 'SSE retry interval for clients (ms).', since: '2.14.0' },
    },
    sdk: 'The SDK uses `streamable_http_app()` / `sse_app()` instead.',
  },
  'fastmcp.FastMCP.sse_app': { signature: 'def sse_app(...)', summary: 'The SSE Starlette app.', deprecated: '2.3.2', removed: '2.14.0', use: '`http_app(transport="sse")`', ref: ref(INTEG, 'mounting-into-fastapi'), sdk: 'Exists in the MCP SDK\'s FastMCP.' },
  'fastmcp.FastMCP.streamable_http_app': { signature: 'def streamable_http_app(...)', summary: 'The streamable HTTP Starlette app.', deprecated: '2.3.2', removed: '2.14.0', use: '`http_app()`', ref: ref(INTEG, 'mounting-into-fastapi'), sdk: 'Exists in the MCP SDK\'s FastMCP.' },
  'fastmcp.FastMCP.run_sse_async': { signature: 'async def run_sse_async(...)', summary: 'Serve over SSE.', async: true, deprecated: '2.3.2', removed: '2.14.0', use: '`run_http_async(transport="sse")`' },
  'fastmcp.FastMCP.run_streamable_http_async': { signature: 'async def run_streamable_http_async(...)', summary: 'Serve over streamable HTTP.', async: true, deprecated: '2.3.2', removed: '2.14.0', use: '`run_http_async()`' },
  'fastmcp.FastMCP.lifespan': {
    signature: 'mcp.lifespan  # no such attribute',
    summary: 'A FastMCP server has no `.lifespan` attribute (`AttributeError`). The app from `mcp.http_app()` has it: `FastAPI(lifespan=mcp_app.lifespan)`.',
    ref: ref(INTEG, 'mounting-into-fastapi'),
  },
  'fastmcp.FastMCP.settings': {
    signature: 'mcp.settings',
    summary: 'Per-instance settings. `mcp.settings.get(...)` never worked (settings are a pydantic model).',
    deprecated: '2.8.0',
    removed: '3.0.0rc1',
    use: 'the global `fastmcp.settings`',
    ref: ref(PROD, 'configuration-and-secrets'),
  },
  'fastmcp.FastMCP.mount': {
    signature: 'def mount(server, namespace=None, as_proxy=None, tool_names=None, prefix=None) -> None',
    summary: 'Makes another server\'s components part of this one, live. Names become `{namespace}_{tool}` and `scheme://{namespace}/path`.',
    variants: [
      { max: '2.9.0', note: 'Before 2.9.0 the prefix came first: `mount("prefix", server)`.' },
      { min: '2.9.0', max: '3.0.0b1', signature: 'def mount(server, prefix=None, as_proxy=None, tool_names=None) -> None', note: 'Server first, then `prefix` (the old order is deprecated; removed in 2.14.0). `tool_names` since 2.14.1.' },
      { min: '3.0.0b1', note: '`namespace=` replaces `prefix=` (deprecated); `as_proxy=` is deprecated (use `create_proxy()`); the child\'s lifespan and middleware always run.' },
    ],
    ref: ref(INTEG, 'composing-servers'),
    keywords: {
      namespace: { text: 'Prefix for the child\'s component names.', since: '3.0.0b1' },
      prefix: { text: 'Prefix for the child\'s component names.', deprecated: '3.0.0b1', use: '`namespace=`' },
      as_proxy: { text: 'Mount through a proxy client.', deprecated: '3.0.0b1', use: '`create_proxy()` then `mount()`' },
      tool_names: { text: 'Rename tools: `{"original": "new"}` (applied before the namespace).', since: '2.14.1' },
      tool_separator: { text: 'Separator for prefixed tool names.', deprecated: '2.4.0', removed: '2.14.0', use: 'nothing: names are `prefix_name`' },
      resource_separator: { text: 'Separator for prefixed resources.', deprecated: '2.4.0', removed: '2.14.0', use: 'nothing: resources are `scheme://prefix/path`' },
      prompt_separator: { text: 'Separator for prefixed prompts.', deprecated: '2.4.0', removed: '2.14.0', use: 'nothing' },
      mode: { text: 'Never a `mount()` parameter (`TypeError`). v2 had `as_proxy=`; 3.x uses `create_proxy()`.', invalid: true },
      include_tags: { text: 'Never a `mount()` parameter. Filter on the child server (`enable`/`disable` in 3.x).', invalid: true },
      exclude_tags: { text: 'Never a `mount()` parameter. Filter on the child server (`disable(tags=...)` in 3.x).', invalid: true },
      resource_prefix_format: { text: 'Never a `mount()` parameter (it was a `FastMCP()` argument, removed in 2.14.0).', invalid: true },
    },
    sdk: false,
  },
  'fastmcp.FastMCP.import_server': {
    signature: 'async def import_server(server, prefix=None) -> None',
    summary: 'Copies another server\'s components once (later changes to it are not seen). Async in every version: without `await` nothing is imported.',
    async: true,
    deprecated: '3.0.0b1',
    use: '`mcp.mount(server, namespace=...)`',
    ref: ref(INTEG, 'composing-servers'),
    sdk: false,
  },
  'fastmcp.FastMCP.add_middleware': { signature: 'def add_middleware(middleware: Middleware) -> None', summary: 'Appends MCP middleware: it runs inside everything added before it.', since: '2.9.0', ref: ref(MW, 'order'), sdk: false },
  'fastmcp.FastMCP.custom_route': { signature: '@mcp.custom_route(path, methods, name=None, include_in_schema=True)', summary: 'Adds a plain HTTP route (e.g. a health check) to the HTTP app.', ref: ref(PROD, 'health-checks') },
  'fastmcp.FastMCP.from_openapi': {
    signature: 'FastMCP.from_openapi(openapi_spec, client=None, name="OpenAPI Server", route_maps=None, route_map_fn=None, mcp_component_fn=None, mcp_names=None, tags=None, validate_output=True, **settings)',
    summary: 'Builds a server whose tools call an HTTP API described by an OpenAPI document (every route becomes a tool by default).',
    variants: [
      { max: '3.0.0b1', note: '2.x: `client` is required.' },
      { min: '3.0.0b1', note: '`client` defaults to one for the spec\'s `servers` URL (30 s timeout).' },
    ],
    ref: ref(INTEG, 'wrapping-an-existing-api'),
    sdk: false,
  },
  'fastmcp.FastMCP.from_fastapi': { signature: 'FastMCP.from_fastapi(app, name=None, route_maps=None, route_map_fn=None, mcp_component_fn=None, mcp_names=None, httpx_client_kwargs=None, tags=None, **settings)', summary: 'Builds a server from a FastAPI app, called in process.', ref: ref(INTEG, 'wrapping-an-existing-api'), sdk: false },
  'fastmcp.FastMCP.as_proxy': { signature: 'FastMCP.as_proxy(backend, **settings)', summary: 'Creates a proxy server for another server or URL.', deprecated: '3.0.0b1', use: '`create_proxy()` from `fastmcp.server`', ref: ref(INTEG, 'proxying-another-server'), sdk: false },
  'fastmcp.FastMCP.from_client': { signature: 'FastMCP.from_client(client, **settings)', summary: 'Proxy from a client.', deprecated: '2.8.0', removed: '2.14.0', use: '`create_proxy()` (3.x) / `FastMCP.as_proxy()` (2.x)', sdk: false },
  'fastmcp.FastMCP.add_resource_fn': { signature: 'def add_resource_fn(fn, uri, ...)', summary: 'Register a resource function.', deprecated: '2.7.0', removed: '2.14.0', use: 'the `@mcp.resource(uri)` decorator', sdk: false },
  'fastmcp.FastMCP.get_tools': { signature: 'async def get_tools() -> dict[str, Tool]', summary: 'All tools by name.', async: true, removed: '3.0.0b1', use: '`await mcp.list_tools()` (a list)', sdk: false },
  'fastmcp.FastMCP.get_resources': { signature: 'async def get_resources() -> dict[str, Resource]', summary: 'All resources by URI.', async: true, removed: '3.0.0b1', use: '`await mcp.list_resources()`', sdk: false },
  'fastmcp.FastMCP.get_prompts': { signature: 'async def get_prompts() -> dict[str, Prompt]', summary: 'All prompts by name.', async: true, removed: '3.0.0b1', use: '`await mcp.list_prompts()`', sdk: false },
  'fastmcp.FastMCP.get_resource_templates': { signature: 'async def get_resource_templates() -> dict', summary: 'All resource templates.', async: true, removed: '3.0.0b1', use: '`await mcp.list_resource_templates()`', sdk: false },
  'fastmcp.FastMCP.list_tools': { signature: 'async def list_tools() -> list[Tool]', summary: 'The tools this server exposes.', async: true, since: '3.0.0b1', sdk: 'In the SDK\'s FastMCP `list_tools()` returns MCP `Tool` objects.' },
  'fastmcp.FastMCP.remove_tool': { signature: 'def remove_tool(name: str) -> None', summary: 'Removes a tool.', deprecated: '3.0.0rc1', use: '`mcp.local_provider.remove_tool(name)`', sdk: false },
  'fastmcp.FastMCP.add_tool_transformation': { signature: 'def add_tool_transformation(name, config)', summary: 'Transforms a tool.', deprecated: '3.0.0b1', use: '`mcp.add_transform(ToolTransform({name: config}))`', sdk: false },
  'fastmcp.FastMCP.enable': { signature: 'def enable(*, names=None, keys=None, version=None, tags=None, components=None, only=False)', summary: 'Makes components visible (with `only=True`: only those). Replaces `include_tags` and per-component `enabled=`.', since: '3.0.0b1', sdk: false },
  'fastmcp.FastMCP.disable': { signature: 'def disable(*, names=None, keys=None, version=None, tags=None, components=None)', summary: 'Hides components. Replaces `exclude_tags` and per-component `enabled=False`.', since: '3.0.0b1', sdk: false },
  'fastmcp.FastMCP.add_provider': { signature: 'def add_provider(provider, namespace="")', summary: 'Adds a component provider.', since: '3.0.0b1', sdk: false },
  'fastmcp.FastMCP.add_transform': { signature: 'def add_transform(transform)', summary: 'Adds a transform (e.g. `Namespace("x")`, `ToolTransform({...})`).', since: '3.0.0b1', sdk: false },
  'fastmcp.FastMCP.add_tool': {
    signature: 'def add_tool(tool) -> Tool',
    summary: 'Registers a tool object.',
    variants: [
      { max: '3.0.0b1', note: '2.x needs a `Tool` (`Tool.from_function(fn)`).' },
      { min: '3.0.0b1', note: 'Also accepts a plain function or one decorated with the standalone `@tool`.' },
    ],
  },
  'fastmcp.server.create_proxy': { signature: 'def create_proxy(target, **settings) -> FastMCPProxy', summary: 'Creates a server that proxies another server, URL or MCP config.', since: '3.0.0b1', ref: ref(INTEG, 'proxying-another-server') },

  // ---------------------------------------------------------------- context
  'fastmcp.Context': {
    signature: 'class Context',
    summary: 'Access to the MCP session inside a tool, resource or prompt. Injected into any parameter annotated `Context` (the name does not matter); invisible to clients.',
    ref: ref(CTX, 'getting-a-context'),
    sdk: 'This is the MCP SDK\'s Context. A server built with `from fastmcp import FastMCP` does not inject it — import `Context` from `fastmcp` there.',
  },
  ...Object.fromEntries([
    ctxMethod('log', 'log(message, level=None, logger_name=None, extra=None) -> None', 'Sends a log message to the client. Levels: debug, info, notice, warning, error, critical, alert, emergency.', 'logging'),
    ctxMethod('debug', 'debug(message, logger_name=None, extra=None) -> None', 'Sends a debug log message to the client.', 'logging'),
    ctxMethod('info', 'info(message, logger_name=None, extra=None) -> None', 'Sends an info log message to the client.', 'logging'),
    ctxMethod('warning', 'warning(message, logger_name=None, extra=None) -> None', 'Sends a warning log message to the client.', 'logging'),
    ctxMethod('error', 'error(message, logger_name=None, extra=None) -> None', 'Sends an error log message to the client.', 'logging'),
    ctxMethod('report_progress', 'report_progress(progress: float, total: float | None = None, message: str | None = None) -> None', 'Sends a progress notification (only when the client asked for progress).', 'progress'),
    ctxMethod('read_resource', 'read_resource(uri) -> ResourceResult', 'Reads a resource of this server.', 'reading-resources-and-prompts', {
      variants: [
        { max: '3.0.0b1', signature: 'async def read_resource(uri) -> list[ReadResourceContents]', note: '2.x returns a list of contents.' },
        { min: '3.0.0b1', note: 'Returns a `ResourceResult`.' },
      ],
    }),
    ctxMethod('list_resources', 'list_resources() -> list[Resource]', 'Lists this server\'s resources.', 'reading-resources-and-prompts', { since: '2.13.0' }),
    ctxMethod('list_prompts', 'list_prompts() -> list[Prompt]', 'Lists this server\'s prompts.', 'reading-resources-and-prompts', { since: '2.13.0' }),
    ctxMethod('get_prompt', 'get_prompt(name, arguments=None) -> GetPromptResult', 'Renders one of this server\'s prompts.', 'reading-resources-and-prompts', { since: '2.13.0' }),
    ctxMethod('list_roots', 'list_roots() -> list[Root]', 'Asks the client for its roots.', 'roots'),
    ctxMethod('sample', 'sample(messages, *, system_prompt=None, temperature=None, max_tokens=None, model_preferences=None, tools=None, result_type=None, ...) -> SamplingResult', 'Asks the client\'s model to generate a response.', 'sampling', {
      variants: [
        { max: '2.14.1', signature: 'async def sample(messages, system_prompt=None, include_context=None, temperature=None, max_tokens=None, model_preferences=None)', note: 'Arguments may be positional; returns a content block (`.text`).' },
        { min: '2.14.1', note: 'Keyword-only after `messages`; adds `tools=`, `result_type=`; returns `SamplingResult` (`.text`, `.result`, `.history`).' },
      ],
    }),
    ctxMethod('sample_step', 'sample_step(messages, *, ...) -> SampleStep', 'One step of a tool-using sampling loop.', 'sampling', { since: '2.14.1' }),
    ctxMethod('elicit', 'elicit(message: str, response_type=None) -> AcceptedElicitation | DeclinedElicitation | CancelledElicitation', 'Asks the user for input through the client; check `.action == "accept"` before using `.data`.', 'elicitation', { since: '2.10.0' }),
    ctxMethod('send_notification', 'send_notification(notification) -> None', 'Sends any MCP notification to the client.', 'notifications'),
    ctxMethod('close_sse_stream', 'close_sse_stream() -> None', 'Closes the SSE stream (no-op unless streamable HTTP with an event store).', 'notifications', { since: '2.14.0' }),
    ctxMethod('send_tool_list_changed', 'send_tool_list_changed() -> None', 'Tells the client the tool list changed.', 'notifications', { removed: '3.0.0b1', use: 'nothing (automatic) or `await ctx.send_notification(ToolListChangedNotification())`' }),
    ctxMethod('send_resource_list_changed', 'send_resource_list_changed() -> None', 'Tells the client the resource list changed.', 'notifications', { removed: '3.0.0b1', use: 'nothing (automatic) or `ctx.send_notification(...)`' }),
    ctxMethod('send_prompt_list_changed', 'send_prompt_list_changed() -> None', 'Tells the client the prompt list changed.', 'notifications', { removed: '3.0.0b1', use: 'nothing (automatic) or `ctx.send_notification(...)`' }),
    ctxMethod('enable_components', 'enable_components(...) -> None', 'Shows components to this session only.', 'component-visibility', { since: '3.0.0b1' }),
    ctxMethod('disable_components', 'disable_components(...) -> None', 'Hides components from this session only.', 'component-visibility', { since: '3.0.0b1' }),
    ctxMethod('reset_visibility', 'reset_visibility() -> None', 'Undoes this session\'s visibility changes.', 'component-visibility', { since: '3.0.0b1' }),
  ]),
  'fastmcp.Context.set_state': {
    signature: 'async def set_state(key: str, value, *, serializable: bool = True) -> None',
    summary: 'Stores a value in the session state.',
    async: true,
    since: '2.11.0',
    variants: [
      { max: '3.0.0b1', signature: 'def set_state(key: str, value) -> None', async: false, note: '**Sync** in 2.11–2.14 and scoped to one request; `await` on it raises `TypeError`.' },
      { min: '3.0.0b1', note: '**Async** and session-scoped (kept a day) in 3.x: without `await` nothing is stored. Values must be JSON-serializable unless `serializable=False`.' },
    ],
    ref: ref(CTX, 'session-state'),
    sdk: false,
  },
  'fastmcp.Context.get_state': {
    signature: 'async def get_state(key: str) -> Any',
    summary: 'Reads a value from the state; `None` when missing (there is no `default=` parameter).',
    async: true,
    since: '2.11.0',
    variants: [
      { max: '3.0.0b1', signature: 'def get_state(key: str) -> Any', async: false, note: '**Sync** in 2.11–2.14 and scoped to one request.' },
      { min: '3.0.0b1', note: '**Async** and session-scoped in 3.x.' },
    ],
    ref: ref(CTX, 'session-state'),
    sdk: false,
  },
  'fastmcp.Context.delete_state': { signature: 'async def delete_state(key: str) -> None', summary: 'Removes a key from the session state.', async: true, since: '3.0.0b1', ref: ref(CTX, 'session-state'), sdk: false },
  'fastmcp.Context.lifespan_context': {
    signature: 'ctx.lifespan_context: dict',
    summary: 'The value the server\'s lifespan yielded.',
    since: '3.0.0b1',
    use: '`ctx.request_context.lifespan_context` on 2.x',
    ref: ref(CTX, 'lifespan-context'),
  },
  'fastmcp.Context.request_context': { signature: 'ctx.request_context: RequestContext', summary: 'The low-level MCP request context (2.x: `.lifespan_context` lives here).', ref: ref(CTX, 'request-information') },
  'fastmcp.Context.request_id': { signature: 'ctx.request_id: str', summary: 'ID of the current request.', ref: ref(CTX, 'request-information') },
  'fastmcp.Context.client_id': { signature: 'ctx.client_id: str | None', summary: 'ID of the client, when it sent one.', ref: ref(CTX, 'request-information') },
  'fastmcp.Context.session_id': { signature: 'ctx.session_id: str', summary: 'ID of the MCP session.', ref: ref(CTX, 'request-information') },
  'fastmcp.Context.session': { signature: 'ctx.session: ServerSession', summary: 'The low-level MCP session.', ref: ref(CTX, 'request-information') },
  'fastmcp.Context.fastmcp': { signature: 'ctx.fastmcp: FastMCP', summary: 'The server handling the request.', ref: ref(CTX, 'request-information') },
  'fastmcp.Context.transport': { signature: 'ctx.transport: Literal["stdio", "sse", "streamable-http"] | None', summary: 'The transport of the current session.', since: '3.0.0b1', ref: ref(CTX, 'request-information') },
  'fastmcp.Context.client_supports_extension': { signature: 'def client_supports_extension(extension_id: str) -> bool', summary: 'Whether the client declared an extension (sync).', since: '3.0.0b2', ref: ref(CTX, 'request-information') },
  'fastmcp.Context.get_http_request': { signature: 'def get_http_request() -> Request', summary: 'The HTTP request.', deprecated: '2.2.11', removed: '2.14.0', use: '`get_http_request()` from `fastmcp.server.dependencies`', ref: ref(CTX, 'request-information') },
  'fastmcp.Context.request_elicitation': { signature: 'ctx.request_elicitation  # does not exist', summary: 'Never existed. Use `await ctx.elicit(message, response_type=...)`.', ref: ref(CTX, 'elicitation') },
  'fastmcp.Context.request_sampling': { signature: 'ctx.request_sampling  # does not exist', summary: 'Never existed. Use `await ctx.sample(messages, ...)`.', ref: ref(CTX, 'sampling') },
  'fastmcp.server.dependencies.get_context': { signature: 'def get_context() -> Context', summary: 'The active Context inside a request; `RuntimeError("No active context found.")` outside one.', ref: ref(CTX, 'getting-a-context') },
  'fastmcp.server.dependencies.get_http_request': { signature: 'def get_http_request() -> starlette.requests.Request', summary: 'The current HTTP request (HTTP transports only).', ref: ref(CTX, 'request-information') },
  'fastmcp.server.dependencies.get_http_headers': { signature: 'def get_http_headers(include_all=False) -> dict[str, str]', summary: 'Headers of the current HTTP request.', ref: ref(CTX, 'request-information') },
  'fastmcp.server.dependencies.get_access_token': { signature: 'def get_access_token() -> AccessToken | None', summary: 'The caller\'s access token when auth is configured.', ref: ref(AUTH, 'authorization-checks') },
  'fastmcp.dependencies.CurrentContext': { signature: 'ctx: Context = CurrentContext()', summary: 'Dependency-injection form of a Context parameter.', since: '2.14.0', ref: ref(CTX, 'getting-a-context') },

  // ---------------------------------------------------------------- middleware
  'fastmcp.server.middleware.Middleware': {
    signature: 'class Middleware',
    summary: 'Base class for MCP middleware (not `BaseMiddleware`, which never existed). Override `async def on_<hook>(self, context, call_next)`.',
    since: '2.9.0',
    ref: ref(MW, 'writing-middleware'),
    sdk: false,
  },
  'fastmcp.server.middleware.MiddlewareContext': {
    signature: 'class MiddlewareContext(message, fastmcp_context=None, source="client", type="request", method=None, timestamp=...)',
    summary: 'What a hook receives: the request `message`, the `fastmcp_context` (a `Context`, may be `None`), `method`, `source`, `type`, `timestamp`; `.copy(...)`.',
    since: '2.9.0',
    ref: ref(MW, 'the-middleware-context'),
    sdk: false,
  },
  ...Object.fromEntries([
    hook('on_message', 'Runs for every message, requests and notifications.'),
    hook('on_request', 'Runs for every request.'),
    hook('on_notification', 'Runs for every notification.'),
    hook('on_initialize', 'Runs for the client\'s `initialize` request; `call_next` returns the `InitializeResult` (2.14.0+, `None` in 2.13). Raising after `call_next` is only logged.', '2.13.0'),
    hook('on_call_tool', 'Runs for `tools/call` (`context.message.name`, `.arguments`); returns a `ToolResult`.'),
    hook('on_read_resource', 'Runs for `resources/read`.'),
    hook('on_get_prompt', 'Runs for `prompts/get`.'),
    hook('on_list_tools', 'Runs for `tools/list`; returns the FastMCP tool objects.'),
    hook('on_list_resources', 'Runs for `resources/list`.'),
    hook('on_list_resource_templates', 'Runs for `resources/templates/list`.'),
    hook('on_list_prompts', 'Runs for `prompts/list`.'),
    hook('__call__', 'Sees every message before any hook.'),
  ]),
  'fastmcp.server.middleware.error_handling.ErrorHandlingMiddleware': middleware('ErrorHandlingMiddleware', 'fastmcp.server.middleware.error_handling', '2.9.0', '(logger=None, include_traceback=False, error_callback=None, transform_errors=True)', kw('logger, include_traceback, error_callback, transform_errors')),
  'fastmcp.server.middleware.error_handling.RetryMiddleware': middleware('RetryMiddleware', 'fastmcp.server.middleware.error_handling', '2.9.0', '(max_retries=3, base_delay=1.0, max_delay=60.0, backoff_multiplier=2.0, retry_exceptions=(ConnectionError, TimeoutError), logger=None)', kw('max_retries, base_delay, max_delay, backoff_multiplier, retry_exceptions, logger')),
  'fastmcp.server.middleware.logging.LoggingMiddleware': middleware('LoggingMiddleware', 'fastmcp.server.middleware.logging', '2.9.0', '(*, logger=None, log_level=logging.INFO, include_payloads=False, include_payload_length=False, estimate_payload_tokens=False, max_payload_length=1000, methods=None, payload_serializer=None)', {
    ...kw('logger, log_level, include_payloads, include_payload_length, estimate_payload_tokens, max_payload_length, methods, payload_serializer'),
    level: { text: 'No such parameter: the level is `log_level=`.', invalid: true },
  }),
  'fastmcp.server.middleware.logging.StructuredLoggingMiddleware': middleware('StructuredLoggingMiddleware', 'fastmcp.server.middleware.logging', '2.9.0', '(*, logger=None, log_level=logging.INFO, include_payloads=False, include_payload_length=False, estimate_payload_tokens=False, methods=None, payload_serializer=None)', kw('logger, log_level, include_payloads, include_payload_length, estimate_payload_tokens, methods, payload_serializer')),
  'fastmcp.server.middleware.timing.TimingMiddleware': middleware('TimingMiddleware', 'fastmcp.server.middleware.timing', '2.9.0', '(logger=None, log_level=logging.INFO)', kw('logger, log_level')),
  'fastmcp.server.middleware.timing.DetailedTimingMiddleware': middleware('DetailedTimingMiddleware', 'fastmcp.server.middleware.timing', '2.9.0', '(logger=None, log_level=logging.INFO)', kw('logger, log_level')),
  'fastmcp.server.middleware.rate_limiting.RateLimitingMiddleware': middleware('RateLimitingMiddleware', 'fastmcp.server.middleware.rate_limiting', '2.9.0', '(max_requests_per_second=10.0, burst_capacity=None, get_client_id=None, global_limit=False)', {
    max_requests_per_second: { text: 'Token refill rate (default 10.0).' },
    burst_capacity: { text: 'Bucket size (default: twice the rate).' },
    get_client_id: { text: 'Function mapping a context to a client key.' },
    global_limit: { text: 'One bucket for all clients.' },
    max_requests: { text: 'Not a `RateLimitingMiddleware` parameter (that is `max_requests_per_second=`); `max_requests` belongs to `SlidingWindowRateLimitingMiddleware`.', invalid: true },
    window_seconds: { text: 'No such parameter (`SlidingWindowRateLimitingMiddleware` takes `window_minutes=`).', invalid: true },
  }),
  'fastmcp.server.middleware.rate_limiting.SlidingWindowRateLimitingMiddleware': middleware('SlidingWindowRateLimitingMiddleware', 'fastmcp.server.middleware.rate_limiting', '2.9.0', '(max_requests, window_minutes=1, get_client_id=None)', kw('max_requests, window_minutes, get_client_id')),
  'fastmcp.server.middleware.caching.ResponseCachingMiddleware': middleware('ResponseCachingMiddleware', 'fastmcp.server.middleware.caching', '2.13.0', '(cache_storage=None, list_tools_settings=None, list_resources_settings=None, list_prompts_settings=None, read_resource_settings=None, get_prompt_settings=None, call_tool_settings=None, max_item_size=1MB)', {
    ...kw('list_tools_settings, list_resources_settings, list_prompts_settings, read_resource_settings, get_prompt_settings, call_tool_settings', 'A settings dict with `ttl` and `enabled` (call_tool also `included_tools`/`excluded_tools`). Lists default to 5 minutes, calls and reads to 1 hour.'),
    cache_storage: { text: 'Key-value store for cached responses (default `MemoryStore`).', ref: ref(STORE, 'caching-responses') },
    max_item_size: { text: 'Largest response cached (default 1 MB).' },
    ttl_seconds: { text: 'No such parameter: set `ttl` inside the per-operation settings, e.g. `call_tool_settings={"ttl": 60}`.', invalid: true },
    storage: { text: 'No such parameter: the store is `cache_storage=`.', invalid: true },
  }),
  'fastmcp.server.middleware.tool_injection.ToolInjectionMiddleware': middleware('ToolInjectionMiddleware', 'fastmcp.server.middleware.tool_injection', '2.13.0', '(tools)', kw('tools')),
  'fastmcp.server.middleware.tool_injection.PromptToolMiddleware': middleware('PromptToolMiddleware', 'fastmcp.server.middleware.tool_injection', '2.13.0', '()', {}),
  'fastmcp.server.middleware.tool_injection.ResourceToolMiddleware': middleware('ResourceToolMiddleware', 'fastmcp.server.middleware.tool_injection', '2.13.0', '()', {}),
  'fastmcp.server.middleware.ping.PingMiddleware': middleware('PingMiddleware', 'fastmcp.server.middleware.ping', '3.0.0b1', '(interval_ms=30000)', kw('interval_ms')),
  'fastmcp.server.middleware.response_limiting.ResponseLimitingMiddleware': middleware('ResponseLimitingMiddleware', 'fastmcp.server.middleware.response_limiting', '3.0.0b2', '(*, max_size=1_000_000, truncation_suffix="\\n\\n[Response truncated due to size limit]", tools=None)', kw('max_size, truncation_suffix, tools')),
  'fastmcp.server.middleware.authorization.AuthMiddleware': middleware('AuthMiddleware', 'fastmcp.server.middleware.authorization', '3.0.0b1', '(auth: AuthCheck | list[AuthCheck])', kw('auth', 'One auth check or a list, e.g. `require_scopes("admin")`.')),

  // ---------------------------------------------------------------- auth
  'fastmcp.server.auth.OAuthProxy': {
    signature: 'class OAuthProxy(*, upstream_authorization_endpoint, upstream_token_endpoint, upstream_client_id, upstream_client_secret, token_verifier, base_url, redirect_path="/auth/callback", allowed_client_redirect_uris=None, client_storage=None, jwt_signing_key=None, require_authorization_consent=True, ...)',
    summary: 'Bridges MCP clients to an OAuth provider without dynamic client registration, using one pre-registered app. All six arguments before `redirect_path` are required.',
    since: '2.12.0',
    ref: ref(AUTH, 'oauthproxy'),
    keywords: OAUTH_PROXY_KEYWORDS,
    sdk: false,
  },
  'fastmcp.server.auth.providers.jwt.JWTVerifier': {
    signature: 'class JWTVerifier(*, public_key=None, jwks_uri=None, issuer=None, audience=None, algorithm=None, required_scopes=None, base_url=None, ssrf_safe=False)',
    summary: 'Verifies JWT bearer tokens. Exactly one of `public_key` or `jwks_uri`.',
    since: '2.11.0',
    ref: ref(AUTH, 'choosing-an-auth-provider'),
    keywords: kw('public_key, jwks_uri, issuer, audience, algorithm, required_scopes, base_url, ssrf_safe'),
    sdk: false,
  },
  'fastmcp.server.auth.providers.bearer.BearerAuthProvider': { signature: 'class BearerAuthProvider(...)', summary: 'Old name of `JWTVerifier`.', deprecated: '2.11.0', removed: '2.14.0', use: '`JWTVerifier` from `fastmcp.server.auth.providers.jwt`', ref: ref(AUTH, 'choosing-an-auth-provider'), sdk: false },
  'fastmcp.server.auth.RemoteAuthProvider': { signature: 'class RemoteAuthProvider(token_verifier, authorization_servers, base_url, scopes_supported=None, resource_name=None, resource_documentation=None)', summary: 'A token verifier plus the authorization servers to advertise (for providers with dynamic client registration). No `issuer=` parameter.', since: '2.11.1', ref: ref(AUTH, 'choosing-an-auth-provider'), sdk: false },
  'fastmcp.server.auth.OAuthProvider': { signature: 'class OAuthProvider(*, base_url, issuer_url=None, service_documentation_url=None, client_registration_options=None, revocation_options=None, required_scopes=None)', summary: 'Abstract base for a full authorization server (subclass it). No `issuer=`/`client_storage=` parameters.', ref: ref(AUTH, 'choosing-an-auth-provider'), sdk: false },
  'fastmcp.server.auth.AuthProvider': { signature: 'class AuthProvider', summary: 'Base interface of all server auth providers.', since: '2.11.0', ref: ref(AUTH, 'choosing-an-auth-provider'), sdk: false },
  'fastmcp.server.auth.TokenVerifier': { signature: 'class TokenVerifier', summary: 'Base class for token verifiers.', since: '2.11.0', ref: ref(AUTH, 'choosing-an-auth-provider'), sdk: false },
  'fastmcp.server.auth.require_scopes': { signature: 'def require_scopes(*scopes: str) -> AuthCheck', summary: 'Auth check for `@mcp.tool(auth=...)` / `AuthMiddleware`.', since: '3.0.0b1', ref: ref(AUTH, 'authorization-checks'), sdk: false },
  'fastmcp.server.auth.providers.introspection.IntrospectionTokenVerifier': { signature: 'class IntrospectionTokenVerifier(*, introspection_url, client_id, client_secret, client_auth_method="client_secret_basic", timeout_seconds=10, required_scopes=None, base_url=None)', summary: 'Verifies opaque tokens with RFC 7662 introspection.', since: '2.13.0', ref: ref(AUTH, 'choosing-an-auth-provider'), sdk: false },
  'fastmcp.server.auth.providers.github.GitHubProvider': provider('GitHubProvider', 'github', '2.12.0', 'OAuthProxy', 'client_id, client_secret, base_url'),
  'fastmcp.server.auth.providers.google.GoogleProvider': provider('GoogleProvider', 'google', '2.12.0', 'OAuthProxy', 'client_id, client_secret, base_url'),
  'fastmcp.server.auth.providers.azure.AzureProvider': provider('AzureProvider', 'azure', '2.12.0', 'OAuthProxy', 'client_id, client_secret, tenant_id, required_scopes, base_url'),
  'fastmcp.server.auth.providers.workos.WorkOSProvider': provider('WorkOSProvider', 'workos', '2.12.0', 'OAuthProxy', 'client_id, client_secret, authkit_domain, base_url'),
  'fastmcp.server.auth.providers.workos.AuthKitProvider': provider('AuthKitProvider', 'workos', '2.11.0', 'RemoteAuthProvider', 'authkit_domain, base_url'),
  'fastmcp.server.auth.providers.auth0.Auth0Provider': provider('Auth0Provider', 'auth0', '2.13.0', 'OIDCProxy', 'config_url, client_id, client_secret, audience, base_url'),
  'fastmcp.server.auth.providers.aws.AWSCognitoProvider': provider('AWSCognitoProvider', 'aws', '2.13.0', 'OIDCProxy', 'user_pool_id, client_id, client_secret, base_url'),
  'fastmcp.server.auth.providers.descope.DescopeProvider': provider('DescopeProvider', 'descope', '2.13.0', 'RemoteAuthProvider', 'base_url'),
  'fastmcp.server.auth.providers.scalekit.ScalekitProvider': provider('ScalekitProvider', 'scalekit', '2.13.0', 'RemoteAuthProvider', 'environment_url, resource_id'),
  'fastmcp.server.auth.providers.supabase.SupabaseProvider': provider('SupabaseProvider', 'supabase', '2.13.0', 'RemoteAuthProvider', 'project_url, base_url'),
  'fastmcp.server.auth.providers.oci.OCIProvider': provider('OCIProvider', 'oci', '2.13.1', 'OIDCProxy', 'config_url, client_id, client_secret, base_url'),
  'fastmcp.server.auth.providers.discord.DiscordProvider': provider('DiscordProvider', 'discord', '2.13.2', 'OAuthProxy', 'client_id, client_secret, base_url'),

  // ---------------------------------------------------------------- storage
  'key_value.aio.stores.memory.MemoryStore': { signature: 'class MemoryStore(...)', summary: 'In-process key-value store. Fine for caches; OAuth tokens in it are lost on every restart.', since: '2.13.0', ref: ref(STORE, 'memory-store') },
  'key_value.aio.stores.disk.DiskStore': {
    signature: 'class DiskStore(*, directory=..., max_size=None, default_collection=None)  # or disk_cache=',
    summary: 'Persists to a local directory (one machine only).',
    since: '2.13.0',
    ref: ref(STORE, 'disk-store'),
    keywords: {
      directory: { text: 'Directory holding the store.' },
      max_size: { text: 'Size limit.' },
      default_collection: { text: 'Collection used when none is given.' },
      disk_cache: { text: 'An existing `diskcache.Cache` instead of `directory=`.' },
      path: { text: 'No such parameter: use `directory=`.', invalid: true },
    },
  },
  'key_value.aio.stores.redis.RedisStore': { signature: 'class RedisStore(*, host="localhost", port=6379, db=0, password=None)  # or url= / client=', summary: 'Redis-backed store shared by replicas (`pip install \'py-key-value-aio[redis]\'`).', since: '2.13.0', ref: ref(STORE, 'redis-store'), keywords: kw('host, port, db, password, url, client') },
  'key_value.aio.stores.dynamodb.DynamoDBStore': { signature: 'class DynamoDBStore(*, table_name, region_name=None, endpoint_url=None, aws_access_key_id=None, aws_secret_access_key=None, aws_session_token=None, ...)', summary: 'DynamoDB-backed store.', since: '2.13.0', ref: ref(STORE, 'import-paths') },
  'key_value.aio.wrappers.encryption.FernetEncryptionWrapper': {
    signature: 'class FernetEncryptionWrapper(key_value, *, fernet=None)  # or source_material=, salt=',
    summary: 'Encrypts every value of the wrapped store. Use it around persistent OAuth token storage.',
    since: '2.13.0',
    ref: ref(STORE, 'encrypting-stored-tokens'),
    keywords: {
      key_value: { text: 'The store to wrap.' },
      fernet: { text: 'A `Fernet`/`MultiFernet` built from a key kept in the environment.' },
      source_material: { text: 'Key material to derive a key from (not together with `fernet`).' },
      salt: { text: 'Salt for `source_material`.' },
    },
  },
  'key_value.aio.wrappers.prefix_collections.PrefixCollectionsWrapper': { signature: 'class PrefixCollectionsWrapper(key_value, prefix)', summary: 'Prefixes collection names: several servers share one store.', since: '2.13.0', ref: ref(STORE, 'redis-store') },
  'fastmcp.server.event_store.EventStore': { signature: 'class EventStore(storage=None, max_events_per_stream=100, ttl=3600)', summary: 'Stores SSE events so streams can resume; pass to `http_app(event_store=...)`.', since: '2.14.0', ref: ref(STORE, 'where-stores-are-accepted') },

  // ---------------------------------------------------------------- lifespans
  'fastmcp.server.lifespan.lifespan': { signature: '@lifespan\nasync def my_lifespan(server): yield {...}', summary: 'Makes a composable lifespan; combine with `|` (entered left to right, exited in reverse, dicts merged).', since: '3.0.0b1', ref: ref(LIFE, 'composable-lifespans'), sdk: false },
  'fastmcp.server.lifespan.ContextManagerLifespan': { signature: 'class ContextManagerLifespan(cm_fn)', summary: 'Wraps an `@asynccontextmanager` lifespan so it can be composed with `|`.', since: '3.0.0b1', ref: ref(LIFE, 'composable-lifespans'), sdk: false },
  'fastmcp.utilities.lifespan.combine_lifespans': { signature: 'def combine_lifespans(*lifespans)', summary: 'Runs several ASGI lifespans as one, e.g. your FastAPI lifespan and `mcp_app.lifespan`.', since: '3.0.0b1', ref: ref(LIFE, 'lifespans-with-fastapi'), sdk: false },
  'contextlib.asynccontextmanager': { signature: '@asynccontextmanager\nasync def lifespan(server): ...', summary: 'Turns an async generator into an async context manager — the usual way to write a FastMCP `lifespan=`.', ref: ref(LIFE, 'defining-a-lifespan') },

  // ---------------------------------------------------------------- icons, images, client
  'mcp.types.Icon': {
    signature: 'class Icon(src: str, mimeType: str | None = None, sizes: list[str] | None = None)',
    summary: 'An icon for servers and components: `src` is a URL or a `data:` URI. No `url=`, no `size=` (silently ignored), no `Icon.from_file`.',
    since: '2.13.0',
    ref: ref(INTEG, 'icons'),
    keywords: {
      src: { text: '**Required.** URL or `data:<mime>;base64,...` URI.' },
      mimeType: { text: 'MIME type, e.g. `"image/png"`.' },
      sizes: { text: 'List of sizes, e.g. `["48x48"]` or `["any"]`.' },
      url: { text: 'No such field: `Icon(url=...)` fails with "src Field required". Use `src=`.', invalid: true },
      size: { text: 'No such field (silently ignored). Use `sizes=["48x48"]`.', invalid: true },
    },
  },
  'fastmcp.utilities.types.Image': { signature: 'class Image(path=None, data=None, format=None)', summary: 'Image content for tool results; `Image(path=...).to_data_uri()` (2.13.1+) builds an icon data URI.', ref: ref(INTEG, 'icons') },
  'fastmcp.Image': { signature: 'from fastmcp import Image', summary: 'Top-level alias of `fastmcp.utilities.types.Image`.', deprecated: '2.8.1', removed: '2.14.0', use: '`from fastmcp.utilities.types import Image`' },
  'fastmcp.Client': { signature: 'class Client(transport, ...)', summary: '`async with Client(mcp) as client:` talks to a server in memory (tests), or to a URL/script. There is no `fastmcp.testing`.', ref: ref(INTEG, 'testing-with-the-in-memory-client') },
  'fastmcp.settings': { signature: 'fastmcp.settings: Settings', summary: 'Global FastMCP settings, from `FASTMCP_*` environment variables.', ref: ref(PROD, 'configuration-and-secrets') },
};

/** Other import paths of the same symbols → canonical key (prefix match on whole segments). */
export const ALIASES: Record<string, string> = {
  'fastmcp.server.FastMCP': 'fastmcp.FastMCP',
  'fastmcp.server.server.FastMCP': 'fastmcp.FastMCP',
  'fastmcp.server.Context': 'fastmcp.Context',
  'fastmcp.server.context.Context': 'fastmcp.Context',
  'fastmcp.server.proxy.create_proxy': 'fastmcp.server.create_proxy',
  'fastmcp.server.providers.proxy.create_proxy': 'fastmcp.server.create_proxy',
  'fastmcp.server.middleware.middleware.Middleware': 'fastmcp.server.middleware.Middleware',
  'fastmcp.server.middleware.middleware.MiddlewareContext': 'fastmcp.server.middleware.MiddlewareContext',
  'fastmcp.server.middleware.PingMiddleware': 'fastmcp.server.middleware.ping.PingMiddleware',
  'fastmcp.server.middleware.AuthMiddleware': 'fastmcp.server.middleware.authorization.AuthMiddleware',
  'fastmcp.server.auth.JWTVerifier': 'fastmcp.server.auth.providers.jwt.JWTVerifier',
  'fastmcp.server.auth.oauth_proxy.OAuthProxy': 'fastmcp.server.auth.OAuthProxy',
  'fastmcp.server.auth.oauth_proxy.proxy.OAuthProxy': 'fastmcp.server.auth.OAuthProxy',
  'fastmcp.server.auth.auth.RemoteAuthProvider': 'fastmcp.server.auth.RemoteAuthProvider',
  'fastmcp.server.auth.auth.OAuthProvider': 'fastmcp.server.auth.OAuthProvider',
  'fastmcp.server.auth.auth.AuthProvider': 'fastmcp.server.auth.AuthProvider',
  'fastmcp.server.auth.auth.TokenVerifier': 'fastmcp.server.auth.TokenVerifier',
  'fastmcp.server.auth.BearerAuthProvider': 'fastmcp.server.auth.providers.bearer.BearerAuthProvider',
  'mcp.types.Icon': 'mcp.types.Icon',
  'fastmcp.settings.settings': 'fastmcp.settings',
};

/** The canonical key for a qualified name (and whether it came from the SDK flavor), or null. */
export function canonicalSymbol(qualified: string | null): { key: string; sdk: boolean } | null {
  if (!qualified) return null;
  let q = qualified;
  let sdk = false;
  if (q === 'mcp.server.fastmcp' || q.startsWith('mcp.server.fastmcp.')) {
    sdk = true;
    // mcp.server.fastmcp.server.FastMCP / mcp.server.fastmcp.FastMCP → fastmcp.FastMCP
    q = q.replace(/^mcp\.server\.fastmcp(\.server)?(\.(FastMCP|Context))/, 'fastmcp$2');
  }
  for (const [from, to] of Object.entries(ALIASES)) {
    if (q === from || q.startsWith(from + '.')) {
      q = to + q.slice(from.length);
      break;
    }
  }
  return SYMBOLS[q] ? { key: q, sdk } : null;
}
