/**
 * The FastMCP API changes the FMCP6xx rules know, as one table (FASTMCP-FACTS §1.3). A new FastMCP
 * release that deprecates or removes something is a row here, not a change to a rule.
 *
 * Versions are the first release that carries the change (pre-release tags count: a target of
 * `3.0.0rc1` already lacks what rc1 removed). `deprecated: null` means the old form broke without a
 * warning period; `never: true` marks forms that did not exist in any release, which are errors even
 * when the target version is unknown.
 */
import type { TargetVersion } from '../version/version';

export type ApiChangeKind =
  /** A keyword of the `FastMCP(...)` constructor. `old` is the keyword. */
  | 'server-kwarg'
  /** An attribute read on a server variable. `old` is the attribute. */
  | 'server-attribute'
  /** A method called on a server variable (or on the FastMCP class). `old` is the method. */
  | 'server-method'
  /** A module, with everything below it. `old` is the dotted module path. */
  | 'module'
  /** A name imported from a module. `old` is the qualified name. */
  | 'name';

export interface ApiChange {
  rule: 'FMCP601' | 'FMCP602' | 'FMCP603' | 'FMCP604';
  kind: ApiChangeKind;
  old: string;
  /** The form to use instead, as the user writes it. */
  new: string;
  deprecated: string | null;
  removed: string | null;
  never?: boolean;
  /** FastMCP's own warning (while deprecated) or error (once removed), verbatim where one exists. */
  message: string;
  /** Where the replacement is 1:1, the text that replaces `old` (module path, method or keyword). */
  rename?: string;
  /** Methods called on the FastMCP class rather than on a server variable. */
  onClass?: boolean;
  /** A later release that words the warning differently (it names a newer location). */
  laterMessage?: { from: string; message: string };
  /** A more specific rule reports this construct; FMCP6xx stays quiet while that rule is enabled. */
  ownedBy?: string;
}

const CTOR_HINTS: Record<string, string> = {
  host: 'Pass `host` to `run_http_async()`, or set FASTMCP_HOST.',
  port: 'Pass `port` to `run_http_async()`, or set FASTMCP_PORT.',
  sse_path: 'Pass `path` to `run_http_async()` or `http_app()`, or set FASTMCP_SSE_PATH.',
  message_path: 'Set FASTMCP_MESSAGE_PATH.',
  streamable_http_path: 'Pass `path` to `run_http_async()` or `http_app()`, or set FASTMCP_STREAMABLE_HTTP_PATH.',
  json_response: 'Pass `json_response` to `run_http_async()` or `http_app()`, or set FASTMCP_JSON_RESPONSE.',
  stateless_http: 'Pass `stateless_http` to `run_http_async()` or `http_app()`, or set FASTMCP_STATELESS_HTTP.',
  debug: 'Set FASTMCP_DEBUG.',
  log_level: 'Pass `log_level` to `run_http_async()`, or set FASTMCP_LOG_LEVEL.',
};

const transportSettings: ApiChange[] = Object.entries(CTOR_HINTS).map(([name, hint]) => ({
  rule: 'FMCP601',
  kind: 'server-kwarg',
  old: name,
  new: hint,
  deprecated: '2.8.0',
  removed: '3.0.0rc1',
  message: `Providing \`${name}\` when creating a server is deprecated. Provide it when calling \`run\` or as a global setting instead.`,
}));

const v3CtorRemovals: ApiChange[] = [
  ['include_tags', 'Use `server.enable(tags=..., only=True)` after creating the server.', 'include_tags is deprecated. Use server.enable(tags=..., only=True) instead.'],
  ['exclude_tags', 'Use `server.disable(tags=...)` after creating the server.', 'exclude_tags is deprecated. Use server.disable(tags=...) instead.'],
  ['on_duplicate_tools', 'Use `on_duplicate=` instead.', 'on_duplicate_tools is deprecated, use on_duplicate instead'],
  ['on_duplicate_resources', 'Use `on_duplicate=` instead.', 'on_duplicate_resources is deprecated, use on_duplicate instead'],
  ['on_duplicate_prompts', 'Use `on_duplicate=` instead.', 'on_duplicate_prompts is deprecated, use on_duplicate instead'],
  [
    'tool_serializer',
    'Return ToolResult from your tools instead. See https://gofastmcp.com/servers/tools#custom-serialization',
    'The `serializer` parameter is deprecated. Return ToolResult from your tools for full control over serialization.',
  ],
  ['tool_transformations', 'Use `server.add_transform(ToolTransform(...))` after creating the server.', 'tool_transformations is deprecated. Use server.add_transform(ToolTransform(...)) instead.'],
].map(([old, hint, warning]) => ({
  rule: 'FMCP601' as const,
  kind: 'server-kwarg' as const,
  old,
  new: hint,
  deprecated: '3.0.0b1',
  removed: '3.0.0rc1',
  message: warning,
  ...(old.startsWith('on_duplicate_') ? { rename: 'on_duplicate' } : {}),
}));

export const API_CHANGES: readonly ApiChange[] = [
  // ---- FMCP601: FastMCP() constructor keywords
  ...transportSettings,
  ...v3CtorRemovals,
  {
    rule: 'FMCP601',
    kind: 'server-kwarg',
    old: 'include_fastmcp_meta',
    new: 'Drop it: FastMCP metadata is always included, under the `fastmcp` meta key.',
    deprecated: null,
    removed: '3.0.0b1',
    message: "FastMCP() got unexpected keyword argument(s): 'include_fastmcp_meta'",
  },
  {
    rule: 'FMCP601',
    kind: 'server-kwarg',
    old: 'dependencies',
    new: 'List dependencies in fastmcp.json under `environment.dependencies`.',
    deprecated: '2.12.0',
    removed: '2.14.0',
    message: "The 'dependencies' parameter is deprecated as of FastMCP 2.11.4 and will be removed in a future version. Please specify dependencies in a fastmcp.json configuration file instead.",
  },

  // ---- FMCP602: attributes of a server
  {
    rule: 'FMCP602',
    kind: 'server-attribute',
    old: 'settings',
    new: 'the global `fastmcp.settings` (or `os.environ` for your own configuration)',
    deprecated: '2.8.0',
    removed: '3.0.0rc1',
    message: 'Accessing `.settings` on a FastMCP instance is deprecated. Use the global `fastmcp.settings` instead.',
  },

  // ---- FMCP603: modules and names that never existed
  {
    rule: 'FMCP603',
    kind: 'module',
    old: 'fastmcp.middleware',
    new: 'fastmcp.server.middleware',
    deprecated: null,
    removed: null,
    never: true,
    message: "No module named 'fastmcp.middleware'",
    rename: 'fastmcp.server.middleware',
    ownedBy: 'FMCP406',
  },
  {
    rule: 'FMCP603',
    kind: 'module',
    old: 'fastmcp.auth',
    new: 'fastmcp.server.auth',
    deprecated: null,
    removed: null,
    never: true,
    message: "No module named 'fastmcp.auth'",
    rename: 'fastmcp.server.auth',
  },
  {
    rule: 'FMCP603',
    kind: 'module',
    old: 'fastmcp.testing',
    new: 'an in-memory client: `async with Client(mcp) as client:` (`from fastmcp import Client`)',
    deprecated: null,
    removed: null,
    never: true,
    message: "No module named 'fastmcp.testing'",
  },
  {
    rule: 'FMCP603',
    kind: 'name',
    old: 'fastmcp.Icon',
    new: '`from mcp.types import Icon`',
    deprecated: null,
    removed: null,
    never: true,
    message: "cannot import name 'Icon' from 'fastmcp'",
    rename: 'mcp.types.Icon',
    ownedBy: 'FMCP218',
  },
  ...['fastmcp.server.middleware.BaseMiddleware', 'fastmcp.server.middleware.middleware.BaseMiddleware', 'fastmcp.middleware.BaseMiddleware'].map(
    (old): ApiChange => ({
      rule: 'FMCP603',
      kind: 'name',
      old,
      new: '`Middleware` from `fastmcp.server.middleware`',
      deprecated: null,
      removed: null,
      never: true,
      message: "cannot import name 'BaseMiddleware'",
      ownedBy: 'FMCP406',
    }),
  ),

  // ---- FMCP603: modules and names that moved
  {
    rule: 'FMCP603',
    kind: 'name',
    old: 'fastmcp.Image',
    new: '`from fastmcp.utilities.types import Image`',
    deprecated: '2.8.1',
    removed: '2.14.0',
    message: 'The top-level `fastmcp.Image` import is deprecated and will be removed in a future version. Please use `fastmcp.utilities.types.Image` instead.',
    rename: 'fastmcp.utilities.types.Image',
  },
  {
    rule: 'FMCP603',
    kind: 'name',
    old: 'fastmcp.settings.settings',
    new: '`from fastmcp import settings`',
    deprecated: '2.10.2',
    removed: '2.14.0',
    message: '`from fastmcp.settings import settings` is deprecated. use `fastmcp.settings` instead.',
    rename: 'fastmcp.settings',
  },
  {
    rule: 'FMCP603',
    kind: 'module',
    old: 'fastmcp.server.auth.providers.bearer',
    new: '`JWTVerifier` from `fastmcp.server.auth.providers.jwt`',
    deprecated: '2.11.0',
    removed: '2.14.0',
    message:
      "The `fastmcp.server.auth.providers.bearer` module is deprecated and will be removed in a future version. Please use `fastmcp.server.auth.providers.jwt.JWTVerifier` instead of this module's BearerAuthProvider.",
    rename: 'fastmcp.server.auth.providers.jwt',
  },
  {
    rule: 'FMCP603',
    kind: 'name',
    old: 'fastmcp.server.auth.BearerAuthProvider',
    new: '`JWTVerifier` from `fastmcp.server.auth`',
    deprecated: '2.11.0',
    removed: '2.14.0',
    message:
      "The `fastmcp.server.auth.providers.bearer` module is deprecated and will be removed in a future version. Please use `fastmcp.server.auth.providers.jwt.JWTVerifier` instead of this module's BearerAuthProvider.",
    rename: 'fastmcp.server.auth.JWTVerifier',
  },
  {
    rule: 'FMCP603',
    kind: 'module',
    old: 'fastmcp.server.openapi',
    new: 'fastmcp.server.providers.openapi',
    deprecated: '3.0.0b1',
    removed: null,
    message: 'fastmcp.server.openapi is deprecated. Import from fastmcp.server.providers.openapi instead.',
    rename: 'fastmcp.server.providers.openapi',
  },
  {
    rule: 'FMCP603',
    kind: 'module',
    old: 'fastmcp.server.proxy',
    new: 'fastmcp.server.providers.proxy',
    deprecated: '3.0.0b1',
    removed: null,
    message: 'fastmcp.server.proxy is deprecated. Use fastmcp.server.providers.proxy instead.',
    rename: 'fastmcp.server.providers.proxy',
  },
  {
    rule: 'FMCP603',
    kind: 'module',
    old: 'fastmcp.experimental.server.openapi',
    new: 'fastmcp.server.openapi (2.14) / fastmcp.server.providers.openapi (3.0)',
    deprecated: '2.14.0',
    removed: null,
    message: 'Importing from fastmcp.experimental.server.openapi is deprecated. Import from fastmcp.server.openapi instead.',
    laterMessage: { from: '3.0.0b1', message: 'Importing from fastmcp.experimental.server.openapi is deprecated. Import from fastmcp.server.providers.openapi instead.' },
    rename: 'fastmcp.server.openapi',
  },
  {
    rule: 'FMCP603',
    kind: 'module',
    old: 'fastmcp.experimental.utilities.openapi',
    new: 'fastmcp.utilities.openapi',
    deprecated: '2.14.0',
    removed: null,
    message: 'Importing from fastmcp.experimental.utilities.openapi is deprecated. Import from fastmcp.utilities.openapi instead.',
    rename: 'fastmcp.utilities.openapi',
  },

  // ---- FMCP604: server methods
  {
    rule: 'FMCP604',
    kind: 'server-method',
    old: 'sse_app',
    new: '`http_app(transport="sse")`',
    deprecated: '2.3.2',
    removed: '2.14.0',
    message: 'The sse_app method is deprecated (as of 2.3.2). Use http_app as a modern (non-SSE) alternative, or call `fastmcp.server.http.create_sse_app` directly.',
    rename: 'http_app',
  },
  {
    rule: 'FMCP604',
    kind: 'server-method',
    old: 'streamable_http_app',
    new: '`http_app()`',
    deprecated: '2.3.2',
    removed: '2.14.0',
    message: 'The streamable_http_app method is deprecated (as of 2.3.2). Use http_app() instead.',
    rename: 'http_app',
  },
  {
    rule: 'FMCP604',
    kind: 'server-method',
    old: 'run_sse_async',
    new: '`run_http_async(transport="sse")`',
    deprecated: '2.3.2',
    removed: '2.14.0',
    message:
      'The run_sse_async method is deprecated (as of 2.3.2). Use run_http_async for a modern (non-SSE) alternative, or create an SSE app with `fastmcp.server.http.create_sse_app` and run it directly.',
    rename: 'run_http_async',
  },
  {
    rule: 'FMCP604',
    kind: 'server-method',
    old: 'run_streamable_http_async',
    new: '`run_http_async()`',
    deprecated: '2.3.2',
    removed: '2.14.0',
    message: 'The run_streamable_http_async method is deprecated (as of 2.3.2). Use run_http_async instead.',
    rename: 'run_http_async',
  },
  {
    rule: 'FMCP604',
    kind: 'server-method',
    old: 'from_client',
    new: '`FastMCP.as_proxy(...)` (2.x) or `create_proxy(...)` from `fastmcp.server` (3.x)',
    deprecated: '2.8.0',
    removed: '2.14.0',
    message: 'FastMCP.from_client() is deprecated; use FastMCP.as_proxy() instead.',
    rename: 'as_proxy',
    onClass: true,
  },
  {
    rule: 'FMCP604',
    kind: 'server-method',
    old: 'add_resource_fn',
    new: 'the `@mcp.resource(uri)` decorator, or `add_resource(Resource.from_function(...))`',
    deprecated: '2.7.0',
    removed: '2.14.0',
    message: 'The add_resource_fn method is deprecated. Use the resource decorator instead.',
  },
  ...(['tools', 'resources', 'prompts', 'resource_templates'] as const).map(
    (what): ApiChange => ({
      rule: 'FMCP604',
      kind: 'server-method',
      old: `get_${what}`,
      new: `\`await list_${what}()\` (it returns a list, not a dict keyed by name)`,
      deprecated: null,
      removed: '3.0.0b1',
      message: `'FastMCP' object has no attribute 'get_${what}'`,
      rename: `list_${what}`,
    }),
  ),
  {
    rule: 'FMCP604',
    kind: 'server-method',
    old: 'as_proxy',
    new: '`create_proxy(...)` from `fastmcp.server`',
    deprecated: '3.0.0b1',
    removed: null,
    message: 'FastMCP.as_proxy() is deprecated. Use create_proxy() from fastmcp.server instead: `from fastmcp.server import create_proxy`',
    onClass: true,
  },
  {
    rule: 'FMCP604',
    kind: 'server-method',
    old: 'remove_tool',
    new: '`mcp.local_provider.remove_tool(name)`',
    deprecated: '3.0.0rc1',
    removed: null,
    message: 'remove_tool() is deprecated. Use mcp.local_provider.remove_tool(name) instead.',
  },
  {
    rule: 'FMCP604',
    kind: 'server-method',
    old: 'add_tool_transformation',
    new: '`add_transform(ToolTransform({tool_name: config}))`',
    deprecated: '3.0.0b1',
    removed: null,
    message: 'add_tool_transformation is deprecated. Use server.add_transform(ToolTransform({tool_name: config})) instead.',
  },
];

export type ApiStatus = 'current' | 'deprecated' | 'removed';

/**
 * Where the target version stands for a change. `undefined` when the version is unknown and the
 * change depends on it (the rule then stays silent); forms that never existed are `removed` always.
 */
export function apiStatus(change: ApiChange, target: TargetVersion): ApiStatus | undefined {
  if (change.never) return 'removed';
  if (change.removed) {
    const gone = target.atLeast(change.removed);
    if (gone === undefined) return undefined;
    if (gone) return 'removed';
  }
  if (change.deprecated) {
    const dep = target.atLeast(change.deprecated);
    if (dep === undefined) return undefined;
    if (dep) return 'deprecated';
  }
  return target.known ? 'current' : undefined;
}

/** FastMCP's own message for a change, as the target version words it. */
export function messageAt(change: ApiChange, target: TargetVersion): string {
  return change.laterMessage && target.atLeast(change.laterMessage.from) === true ? change.laterMessage.message : change.message;
}

export function changesFor(rule: ApiChange['rule'], kind?: ApiChangeKind): ApiChange[] {
  return API_CHANGES.filter((c) => c.rule === rule && (!kind || c.kind === kind));
}

/** A short phrase for the version history, e.g. "deprecated in 2.8.0, removed in 3.0.0rc1". */
export function historyOf(change: ApiChange): string {
  if (change.never) return 'never part of FastMCP';
  const parts: string[] = [];
  if (change.deprecated) parts.push(`deprecated in ${change.deprecated}`);
  parts.push(change.removed ? `removed in ${change.removed}` : 'not yet removed');
  return parts.join(', ');
}

/** Severity and tag for a status: deprecated forms warn (struck through), removed ones are errors. */
export function reportShape(status: ApiStatus): { severity: 'warning' | 'error'; deprecated: boolean } {
  return status === 'deprecated' ? { severity: 'warning', deprecated: true } : { severity: 'error', deprecated: false };
}
