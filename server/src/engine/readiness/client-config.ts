/**
 * Client configuration and `.env.example` text from the project facts the language server computes:
 * pure functions with no parser behind them, so the VS Code client can use them without the engine.
 */
import * as path from 'node:path';

export interface EnvVarUse {
  name: string;
  /** A default is given at every read: the server starts without it. */
  optional: boolean;
  /** Where it is read (relative path:line, 1-based). */
  where: string[];
}

export interface ProjectInfo {
  root: string;
  /** `server.py:mcp` relative to the root. */
  entrypoint: string | null;
  /** Absolute `…/server.py:mcp`, for client configs that run from any directory. */
  entrypointAbs: string | null;
  candidates: string[];
  envVars: EnvVarUse[];
  envExamplePath: string;
  envExampleExists: boolean;
  /** The declared fastmcp requirement and what it admits. */
  fastmcp: { spec: string | null; declaredIn: string | null; lowest: string | null; highest: string | null; newestKnown: string };
  /** A local virtual environment with fastmcp installed (its `fastmcp` executable). */
  venvFastmcp: string | null;
  requirementsPath: string | null;
  pyprojectWithDeps: string | null;
  serverName: string;
}

/**
 * A `.env.example` for the variables the server reads. An existing file is kept as it is and the
 * missing names are appended; values are always empty (a value in `.env` is a secret).
 */
export function renderEnvExample(info: Pick<ProjectInfo, 'envVars'>, existing?: string): string {
  const present = new Set<string>();
  for (const l of (existing ?? '').split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?#?\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(l);
    if (m) present.add(m[1]);
  }
  const missing = info.envVars.filter((v) => !present.has(v.name));
  const block = missing.map((v) => `# ${v.optional ? 'Optional (the server has a default)' : 'Required'}; read at ${v.where.slice(0, 3).join(', ')}${v.where.length > 3 ? ', …' : ''}.\n${v.name}=`).join('\n\n');
  if (existing !== undefined && existing.trim()) {
    if (!missing.length) return existing;
    return existing.replace(/\s*$/, '\n\n') + '# Added by "FastMCP: Generate .env.example".\n' + block + '\n';
  }
  const head = '# Copy this file to .env and fill it in. Never commit .env.\n# FastMCP Cloud / Prefect Horizon: set the same names in the deployment\'s environment settings.\n';
  return head + (block ? '\n' + block + '\n' : '# This server reads no environment variables.\n');
}

export interface LaunchCommand {
  command: string;
  args: string[];
  /** The same as one shell line (for display). */
  line: string;
}

const shellQuote = (s: string) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/**
 * How a client starts the server: the project's own environment (`.venv/bin/fastmcp run …`) when it has
 * one with FastMCP, else `uv run --with fastmcp … fastmcp run …`, which builds an environment from
 * the declared dependencies on the fly.
 */
export function launchCommand(info: ProjectInfo): LaunchCommand | null {
  if (!info.entrypointAbs) return null;
  let command: string;
  let args: string[];
  if (info.venvFastmcp) {
    command = info.venvFastmcp;
    args = ['run', info.entrypointAbs];
  } else {
    command = 'uv';
    args = ['run', '--with', `fastmcp${info.fastmcp.spec ?? ''}`];
    if (info.requirementsPath) args.push('--with-requirements', info.requirementsPath);
    else if (info.pyprojectWithDeps) args.push('--project', path.dirname(info.pyprojectWithDeps));
    args.push('fastmcp', 'run', info.entrypointAbs);
  }
  return { command, args, line: [command, ...args].map(shellQuote).join(' ') };
}

/** Where Claude Desktop keeps its configuration on each OS. */
export function claudeDesktopConfigPath(platform: NodeJS.Platform, home: string, env: Record<string, string | undefined>): string {
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Claude', 'claude_desktop_config.json');
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), 'Claude', 'claude_desktop_config.json');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Claude', 'claude_desktop_config.json');
}

export class ConfigFileError extends Error {}

function parseObject(text: string | undefined, file: string): Record<string, unknown> {
  if (text === undefined || !text.trim()) return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ConfigFileError(`${file} is not valid JSON (${e instanceof Error ? e.message : e}); not changed`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ConfigFileError(`${file} does not hold a JSON object; not changed`);
  return data as Record<string, unknown>;
}

function requiredVars(info: ProjectInfo): string[] {
  return info.envVars.filter((v) => !v.optional).map((v) => v.name);
}

/** Claude Desktop: `mcpServers.<name>` set, every other key and server kept. */
export function mergeClaudeDesktopConfig(existing: string | undefined, name: string, info: ProjectInfo, launch: LaunchCommand): string {
  const data = parseObject(existing, 'claude_desktop_config.json');
  const servers = (data.mcpServers && typeof data.mcpServers === 'object' && !Array.isArray(data.mcpServers) ? data.mcpServers : {}) as Record<string, unknown>;
  const entry: Record<string, unknown> = { command: launch.command, args: launch.args };
  const vars = requiredVars(info);
  if (vars.length) entry.env = Object.fromEntries(vars.map((v) => [v, '']));
  data.mcpServers = { ...servers, [name]: entry };
  return JSON.stringify(data, null, 2) + '\n';
}

/** VS Code `.vscode/mcp.json`: a stdio server; secrets come from prompted inputs, never written. */
export function mergeVSCodeMcpJson(existing: string | undefined, name: string, info: ProjectInfo, launch: LaunchCommand): string {
  const data = parseObject(existing, '.vscode/mcp.json');
  const servers = (data.servers && typeof data.servers === 'object' && !Array.isArray(data.servers) ? data.servers : {}) as Record<string, unknown>;
  const inputs = Array.isArray(data.inputs) ? (data.inputs as Array<Record<string, unknown>>) : [];
  const entry: Record<string, unknown> = { type: 'stdio', command: launch.command, args: launch.args };
  const vars = requiredVars(info);
  if (vars.length) {
    entry.env = Object.fromEntries(vars.map((v) => [v, `\${input:${v.toLowerCase()}}`]));
    for (const v of vars) if (!inputs.some((i) => i.id === v.toLowerCase())) inputs.push({ type: 'promptString', id: v.toLowerCase(), description: `${v} for ${name}`, password: true });
  }
  data.servers = { ...servers, [name]: entry };
  if (inputs.length) data.inputs = inputs;
  return JSON.stringify(data, null, 2) + '\n';
}

/** Cursor `.cursor/mcp.json`: `mcpServers.<name>`, variables taken from the environment Cursor runs in. */
export function mergeCursorMcpJson(existing: string | undefined, name: string, info: ProjectInfo, launch: LaunchCommand): string {
  const data = parseObject(existing, '.cursor/mcp.json');
  const servers = (data.mcpServers && typeof data.mcpServers === 'object' && !Array.isArray(data.mcpServers) ? data.mcpServers : {}) as Record<string, unknown>;
  const entry: Record<string, unknown> = { command: launch.command, args: launch.args };
  const vars = requiredVars(info);
  if (vars.length) entry.env = Object.fromEntries(vars.map((v) => [v, `\${env:${v}}`]));
  data.mcpServers = { ...servers, [name]: entry };
  return JSON.stringify(data, null, 2) + '\n';
}

/** `claude mcp add …` for Claude Code; variables passed from the shell that runs it. */
export function claudeCodeCommand(name: string, info: ProjectInfo, launch: LaunchCommand): string {
  const env = requiredVars(info).flatMap((v) => ['-e', `${v}="$${v}"`]);
  return ['claude', 'mcp', 'add', shellQuote(name), ...env, '--', shellQuote(launch.command), ...launch.args.map(shellQuote)].join(' ');
}

/** A server name clients accept: letters, digits, `-` and `_`. */
export function clientServerName(info: Pick<ProjectInfo, 'serverName'>): string {
  return info.serverName.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'fastmcp-server';
}

