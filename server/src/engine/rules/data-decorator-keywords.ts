/**
 * Which keyword arguments the component decorators accept, by version. One table per decorator
 * family; each keyword maps to the half-open version range [since, until) in which the decorator
 * accepts it. Read from the signatures at every tag:
 * - `FastMCP.tool/resource/prompt` in `src/fastmcp/server/server.py` of jlowin/fastmcp v2.0.0 … v3.0.0rc2
 *   (versions after the snapshot's newest tag are taken as its);
 * - the standalone `tool`/`resource`/`prompt` of `fastmcp.tools`/`fastmcp.resources`/`fastmcp.prompts`
 *   (they exist from 3.0.0b1);
 * - `FastMCP.tool/resource/prompt` in `src/mcp/server/fastmcp/server.py` of the MCP Python SDK
 *   v1.2.0 … v1.29.0 (the module does not exist in SDK 2.x).
 */
import { compareVersions } from '../version/version';
import type { ComponentKind } from '../model/model';

export interface KeywordSpan {
  /** First version that accepts the keyword. */
  since: string;
  /** First version that no longer accepts it. */
  until?: string;
}

export type KeywordTable = Record<ComponentKind, Record<string, KeywordSpan>>;

/** `@mcp.tool(...)`, `@mcp.resource(...)`, `@mcp.prompt(...)` of the standalone `fastmcp` package. */
export const FASTMCP_SERVER_DECORATOR_KEYWORDS: KeywordTable = {
  tool: {
    name: { since: '2.0.0' },
    description: { since: '2.0.0' },
    tags: { since: '2.1.0' },
    annotations: { since: '2.2.7' },
    exclude_args: { since: '2.6.0' },
    name_or_fn: { since: '2.7.0' },
    enabled: { since: '2.8.0', until: '3.0.0b1' },
    title: { since: '2.10.0' },
    output_schema: { since: '2.10.0' },
    meta: { since: '2.11.0' },
    icons: { since: '2.13.0' },
    task: { since: '2.14.0' },
    version: { since: '3.0.0b1' },
    timeout: { since: '3.0.0b1' },
    auth: { since: '3.0.0b1' },
    ui: { since: '3.0.0b2', until: '3.0.0rc1' },
    app: { since: '3.0.0rc1' },
  },
  resource: {
    uri: { since: '2.0.0' },
    name: { since: '2.0.0' },
    description: { since: '2.0.0' },
    mime_type: { since: '2.0.0' },
    tags: { since: '2.1.0' },
    enabled: { since: '2.8.0', until: '3.0.0b1' },
    title: { since: '2.10.0' },
    annotations: { since: '2.11.0' },
    meta: { since: '2.11.0' },
    icons: { since: '2.13.0' },
    task: { since: '2.14.0' },
    version: { since: '3.0.0b1' },
    auth: { since: '3.0.0b1' },
    ui: { since: '3.0.0b2', until: '3.0.0rc1' },
    app: { since: '3.0.0rc1' },
  },
  prompt: {
    name: { since: '2.0.0' },
    description: { since: '2.0.0' },
    tags: { since: '2.1.0' },
    name_or_fn: { since: '2.7.0' },
    enabled: { since: '2.8.0', until: '3.0.0b1' },
    title: { since: '2.10.0' },
    meta: { since: '2.11.0' },
    icons: { since: '2.13.0' },
    task: { since: '2.14.0' },
    version: { since: '3.0.0b1' },
    auth: { since: '3.0.0b1' },
  },
};

/** The standalone `@tool`/`@resource`/`@prompt` of `fastmcp.tools`/`.resources`/`.prompts` (3.0.0b1+). */
export const FASTMCP_STANDALONE_DECORATOR_KEYWORDS: KeywordTable = {
  tool: Object.fromEntries(
    ['name_or_fn', 'name', 'version', 'title', 'description', 'icons', 'tags', 'output_schema', 'annotations', 'meta', 'task', 'exclude_args', 'serializer', 'timeout', 'auth'].map((k) => [k, { since: '3.0.0b1' }]),
  ),
  resource: Object.fromEntries(
    ['uri', 'name', 'version', 'title', 'description', 'icons', 'mime_type', 'tags', 'annotations', 'meta', 'task', 'auth'].map((k) => [k, { since: '3.0.0b1' }]),
  ),
  prompt: Object.fromEntries(['name_or_fn', 'name', 'version', 'title', 'description', 'icons', 'tags', 'meta', 'task', 'auth'].map((k) => [k, { since: '3.0.0b1' }])),
};

/** `@mcp.tool(...)` etc. of the MCP SDK's bundled FastMCP (`mcp.server.fastmcp`), by `mcp` version. */
export const SDK_DECORATOR_KEYWORDS: KeywordTable = {
  tool: {
    name: { since: '1.2.0' },
    description: { since: '1.2.0' },
    annotations: { since: '1.7.0' },
    title: { since: '1.10.0' },
    structured_output: { since: '1.10.0' },
    icons: { since: '1.15.0' },
    meta: { since: '1.19.0' },
  },
  resource: {
    uri: { since: '1.2.0' },
    name: { since: '1.2.0' },
    description: { since: '1.2.0' },
    mime_type: { since: '1.2.0' },
    title: { since: '1.10.0' },
    icons: { since: '1.15.0' },
    annotations: { since: '1.18.0' },
    meta: { since: '1.26.0' },
  },
  prompt: {
    name: { since: '1.2.0' },
    title: { since: '1.10.0' },
    description: { since: '1.2.0' },
    icons: { since: '1.15.0' },
  },
};

export type KeywordVerdict =
  /** Accepted at this version (or, with no version, by some version). */
  | { ok: true }
  /** Never accepted by any version of this decorator. */
  | { ok: false; never: true }
  /** Accepted by other versions only. */
  | { ok: false; never: false; span: KeywordSpan };

/**
 * Does the decorator accept `keyword` at `version`? With `version` null (unknown), a keyword
 * counts as accepted when any version accepts it.
 */
export function checkKeyword(table: KeywordTable, kind: ComponentKind, keyword: string, version: string | null): KeywordVerdict {
  const span = Object.prototype.hasOwnProperty.call(table[kind], keyword) ? table[kind][keyword] : undefined;
  if (!span) return { ok: false, never: true };
  if (version === null) return { ok: true };
  if (compareVersions(version, span.since) < 0) return { ok: false, never: false, span };
  if (span.until && compareVersions(version, span.until) >= 0) return { ok: false, never: false, span };
  return { ok: true };
}

/** The keywords the decorator accepts at `version` (every keyword ever, when unknown). */
export function acceptedKeywords(table: KeywordTable, kind: ComponentKind, version: string | null): string[] {
  return Object.keys(table[kind]).filter((k) => checkKeyword(table, kind, k, version).ok);
}
