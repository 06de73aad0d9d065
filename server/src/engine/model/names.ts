/** Qualified names FastMCP code refers to, in both flavors. */
import type { Flavor } from '../types';

const FASTMCP_CLASS: Record<string, Flavor> = {
  'fastmcp.FastMCP': 'fastmcp',
  'fastmcp.server.FastMCP': 'fastmcp',
  'fastmcp.server.server.FastMCP': 'fastmcp',
  'mcp.server.fastmcp.FastMCP': 'sdk',
  'mcp.server.fastmcp.server.FastMCP': 'sdk',
};
const CONTEXT_CLASS: Record<string, Flavor> = {
  'fastmcp.Context': 'fastmcp',
  'fastmcp.server.Context': 'fastmcp',
  'fastmcp.server.context.Context': 'fastmcp',
  'mcp.server.fastmcp.Context': 'sdk',
  'mcp.server.fastmcp.server.Context': 'sdk',
};

export function fastmcpClassFlavor(qualified: string | null): Flavor | null {
  return qualified ? (FASTMCP_CLASS[qualified] ?? null) : null;
}
export function contextClassFlavor(qualified: string | null): Flavor | null {
  return qualified ? (CONTEXT_CLASS[qualified] ?? null) : null;
}

/** Module-level functions that return a server: `create_proxy(...)`. */
export function isServerFactory(qualified: string | null): boolean {
  return (
    qualified === 'fastmcp.server.create_proxy' ||
    qualified === 'fastmcp.server.proxy.create_proxy' ||
    qualified === 'fastmcp.server.providers.proxy.create_proxy'
  );
}

/** Class constructors on FastMCP that return a server. */
export const SERVER_CLASSMETHODS = new Set(['from_openapi', 'from_fastapi', 'as_proxy', 'from_client']);

export const STANDALONE_DECORATORS: Record<string, 'tool' | 'resource' | 'prompt'> = {
  'fastmcp.tools.tool': 'tool',
  'fastmcp.tools.function_tool.tool': 'tool',
  'fastmcp.resources.resource': 'resource',
  'fastmcp.prompts.prompt': 'prompt',
};

export function flavorOfModule(module: string): Flavor | null {
  if (module === 'fastmcp' || module.startsWith('fastmcp.')) return 'fastmcp';
  if (module === 'mcp.server.fastmcp' || module.startsWith('mcp.server.fastmcp.')) return 'sdk';
  return null;
}

/** Parameter defaults that FastMCP injects (dependency injection): invisible to clients. */
export function isInjectedDefaultCallee(name: string | null): boolean {
  if (!name) return false;
  const last = name.slice(name.lastIndexOf('.') + 1);
  return last === 'Depends' || last === 'Progress' || last === 'TokenClaim' || /^Current[A-Z]\w*$/.test(last);
}
