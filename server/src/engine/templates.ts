/**
 * The project's templates: the catalog behind the snippets (scripts/gen-snippets.ts) and the
 * "FastMCP: New Server from Template…" command. The template files in `templates/` are the source
 * of truth; this module only describes them and turns one into the files of a new project.
 *
 * Template file conventions (read here and by the snippet generator):
 *   # FastMCP template: <title>              first line; not copied into snippets or projects
 *   # snippet: $N <name> = <default text>    a placeholder: every occurrence of <default text>
 *                                            (whole words) becomes tab stop N in the snippet;
 *                                            <name> lets projectFiles() substitute a value
 *
 * Pure: no file system access. The caller passes a reader for the template files.
 */

export type TemplateLanguage = 'python' | 'dotenv' | 'pip-requirements' | 'toml';

export interface TemplateInfo {
  /** Stable id; the snippet prefix is `fastmcp-<name>`. */
  name: string;
  /** File name under `templates/`. */
  file: string;
  language: TemplateLanguage;
  /** Shown in the snippet list and the template picker. */
  description: string;
  /** Can start a new project ("New Server from Template…"): a server file. */
  server: boolean;
  /** Third-party distributions the template imports beyond fastmcp (declared in the manifest). */
  requirements: readonly string[];
  /** How the server is meant to be served when deployed. */
  transport?: 'stdio' | 'http';
}

/** The FastMCP requirement every generated project declares: the newest major, bounded. */
export const FASTMCP_REQUIREMENT = 'fastmcp>=3.0,<4';

const py = (name: string, description: string, extra: Partial<TemplateInfo> = {}): TemplateInfo => ({
  name,
  file: `${name}.py`,
  language: 'python',
  description,
  server: true,
  requirements: [],
  transport: 'stdio',
  ...extra,
});

export const TEMPLATES: readonly TemplateInfo[] = [
  py('basic-server', 'A minimal FastMCP server: one tool, one resource, one prompt, run over stdio'),
  py('tools-examples', 'Tools: typed and described parameters, structured output, Context logging and progress, ToolError, timeouts', {
    requirements: ['pydantic>=2'],
  }),
  py('resources-examples', 'Resources: static URIs, {param} and {path*} templates, {?query} parameters, MIME types, ResourceResult'),
  py('prompts-examples', 'Prompts: string prompts, multi-message conversations with Message, typed arguments', {
    requirements: ['pydantic>=2'],
  }),
  py('storage-backends-example', 'Storage backends (py-key-value-aio): response caching, session state, encrypted OAuth token storage', {
    requirements: ['cryptography>=42', 'py-key-value-aio[redis]>=0.4,<0.5'],
    transport: 'http',
  }),
  py('server-lifespan-example', 'Server lifespan: shared resources opened once at startup and closed on shutdown, composed with |', {
    requirements: ['httpx>=0.27'],
  }),
  py('middleware-examples', 'Middleware: error handling, rate limiting, timing and logging built-ins plus custom Middleware hooks'),
  py('server-composition-example', 'Composition: sub-servers mounted under namespaces, a remote server mounted through a proxy'),
  py('oauth-proxy-example', 'OAuthProxy in front of an OAuth provider, with a JWT verifier and encrypted token storage', {
    requirements: ['cryptography>=42', 'py-key-value-aio>=0.4,<0.5'],
    transport: 'http',
  }),
  py('authentication-patterns', 'Authentication: JWT verification, a remote authorization server, GitHub OAuth, per-tool scope checks', {
    transport: 'http',
  }),
  py('icons-example', 'Icons (2.13+) for the server, tools, resources and prompts, from URLs and data URIs', { requirements: ['mcp'] }),
  py('openapi-integration', 'A server generated from an OpenAPI spec, with route maps choosing tools, resources and templates', {
    requirements: ['httpx>=0.27'],
  }),
  py('api-client-pattern', 'Wrapping a REST API: one shared async HTTP client from the lifespan, API errors mapped to ToolError', {
    requirements: ['httpx>=0.27'],
  }),
  py('client-example', 'fastmcp.Client: connect over stdio, HTTP or in memory; list and call tools, read resources, list prompts', {
    server: false,
  }),
  py('error-handling', 'Error handling: ToolError/ResourceError/PromptError, masked internal errors, validation, retries', {
    requirements: ['pydantic>=2'],
  }),
  py('self-contained-server', 'A deployable single-file server: environment config, lifespan, tools, resources, prompts, middleware, HTTP', {
    transport: 'http',
  }),
  { name: 'env-example', file: '.env.example', language: 'dotenv', description: '.env.example documenting the environment variables a FastMCP server reads', server: false, requirements: [] },
  { name: 'requirements', file: 'requirements.txt', language: 'pip-requirements', description: 'requirements.txt for a FastMCP 3.x server', server: false, requirements: [] },
  { name: 'pyproject', file: 'pyproject.toml', language: 'toml', description: 'pyproject.toml for a FastMCP 3.x server, with fastmcp-lint settings', server: false, requirements: [] },
];

export const TEMPLATES_BY_NAME: ReadonlyMap<string, TemplateInfo> = new Map(TEMPLATES.map((t) => [t.name, t]));

export interface Placeholder {
  index: number;
  name: string | null;
  text: string;
}

export interface ParsedTemplate {
  title: string | null;
  placeholders: Placeholder[];
  /** The template without its title line and `# snippet:` lines. */
  body: string;
}

const TITLE = /^#\s*FastMCP template:\s*(.*)$/;
const PLACEHOLDER = /^#\s*snippet:\s*\$(\d+)(?:\s+([\w-]+))?\s*=\s*(.*?)\s*$/;

/** Splits a template file into its header directives and its body. */
export function parseTemplate(text: string): ParsedTemplate {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let title: string | null = null;
  const placeholders: Placeholder[] = [];
  const body: string[] = [];
  lines.forEach((line, i) => {
    const t = i === 0 ? TITLE.exec(line) : null;
    if (t) {
      title = t[1];
      return;
    }
    const p = PLACEHOLDER.exec(line);
    if (p) {
      placeholders.push({ index: Number(p[1]), name: p[2] ?? null, text: p[3] });
      return;
    }
    body.push(line);
  });
  placeholders.sort((a, b) => a.index - b.index);
  return { title, placeholders, body: body.join('\n') };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex finding a placeholder's default text as a whole word (where its ends are word characters). */
export function placeholderPattern(text: string): string {
  const start = /^\w/.test(text) ? '(?<!\\w)' : '';
  const end = /\w$/.test(text) ? '(?!\\w)' : '';
  return start + escapeRegex(text) + end;
}

/** Replaces named placeholders' default text with the given values. */
export function fillPlaceholders(parsed: ParsedTemplate, values: Record<string, string | undefined>): string {
  let out = parsed.body;
  for (const p of parsed.placeholders) {
    const v = p.name ? values[p.name] : undefined;
    if (v === undefined || v === '') continue;
    out = out.replace(new RegExp(placeholderPattern(p.text), 'g'), () => v);
  }
  return out;
}

/** Environment variables a Python file reads: os.environ[...], os.environ.get(...), os.getenv(...). */
export function envVarsRead(source: string): string[] {
  const found = new Set<string>();
  const re = /os\.(?:environ\s*\[\s*|environ\.get\(\s*|getenv\(\s*)(["'])([A-Za-z_][A-Za-z0-9_]*)\1/g;
  for (const m of source.matchAll(re)) found.add(m[2]);
  return [...found];
}

/**
 * Keeps only the variables in `keep` from a .env.example text. The leading comment block stays;
 * a section (`# --- name ---`) stays when one of its variables does, and each kept variable keeps
 * the comment lines directly above its group.
 */
export function filterEnvExample(text: string, keep: readonly string[]): string {
  const blocks = text.replace(/\r\n/g, '\n').replace(/\n+$/, '').split(/\n\s*\n/);
  const out: string[] = [blocks[0]];
  for (const block of blocks.slice(1)) {
    const kept: string[] = [];
    let comments: string[] = [];
    let groupComments: string[] = [];
    let groupEmitted = false;
    let header: string | null = null;
    for (const line of block.split('\n')) {
      const v = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(line);
      if (/^#\s*---/.test(line)) header = line;
      else if (v) {
        if (comments.length) {
          // The first variable after a comment run opens a group sharing that comment.
          groupComments = comments;
          groupEmitted = false;
          comments = [];
        }
        if (keep.includes(v[1])) {
          if (!groupEmitted) kept.push(...groupComments);
          groupEmitted = true;
          kept.push(line);
        }
      } else if (line.startsWith('#')) comments.push(line);
    }
    if (kept.length) out.push([...(header ? [header] : []), ...kept].join('\n'));
  }
  return out.join('\n\n') + '\n';
}

export interface ProjectOptions {
  /** Reads a file of `templates/` by name (e.g. `basic-server.py`). */
  readTemplate: (file: string) => string;
  /** Name of the server file in the new project (default `server.py`). */
  serverFile?: string;
  /** The server's display name (replaces the template's `server-name` placeholder). */
  serverName?: string;
  /** Distribution name for pyproject.toml (default: derived from the server name). */
  projectName?: string;
  /** Dependency manifest to write (default `requirements`). */
  manifest?: 'requirements' | 'pyproject';
}

export interface ProjectFile {
  path: string;
  content: string;
}

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'fastmcp-server'
  );
}

/** The files a "New Server from Template…" project gets, in a stable order. */
export function projectFiles(templateName: string, options: ProjectOptions): ProjectFile[] {
  const info = TEMPLATES_BY_NAME.get(templateName);
  if (!info) throw new Error(`unknown template: ${templateName}`);
  if (!info.server) throw new Error(`template ${templateName} is not a server template`);
  const serverFile = options.serverFile ?? 'server.py';
  if (!/^[A-Za-z_][\w-]*\.py$/.test(serverFile)) throw new Error(`server file must be a .py file name: ${serverFile}`);
  const parsed = parseTemplate(options.readTemplate(info.file));
  const defaultName = parsed.placeholders.find((p) => p.name === 'server-name')?.text ?? 'FastMCP Server';
  const serverName = options.serverName?.trim() || defaultName;
  const server = fillPlaceholders(parsed, { 'server-name': JSON.stringify(serverName).slice(1, -1) })
    .replace(/\bserver\.py(?=:mcp\b|\s)/g, serverFile)
    .replace(/^\n+/, '');
  const requirements = [FASTMCP_REQUIREMENT, ...info.requirements];
  const files: ProjectFile[] = [{ path: serverFile, content: server }];

  if ((options.manifest ?? 'requirements') === 'pyproject') {
    const pyproject = parseTemplate(options.readTemplate('pyproject.toml'));
    const projectName = slug(options.projectName ?? serverName);
    let text = fillPlaceholders(pyproject, { 'project-name': projectName, 'project-description': JSON.stringify(`${serverName}: an MCP server built with FastMCP`).slice(1, -1) });
    const extra = info.requirements.map((r) => `    ${JSON.stringify(r)},\n`).join('');
    text = text.replace(`    "${FASTMCP_REQUIREMENT}",\n`, (m) => m + extra);
    files.push({ path: 'pyproject.toml', content: text.replace(/^\n+/, '') });
  } else {
    files.push({
      path: 'requirements.txt',
      content: ['# Installed by FastMCP Cloud / Prefect Horizon and `pip install -r requirements.txt`.', ...requirements, ''].join('\n'),
    });
  }

  const envVars = envVarsRead(server);
  const envTemplate = parseTemplate(options.readTemplate('.env.example')).body;
  files.push({
    path: '.env.example',
    content: envVars.length
      ? filterEnvExample(envTemplate, envVars)
      : '# Copy this file to .env and fill it in. Never commit .env (it is in .gitignore).\n# This server reads no environment variables yet.\n',
  });

  const ignores = ['# Secrets: keep them out of git', '.env', '', '# Python', '__pycache__/', '*.py[cod]', '.venv/', ''];
  if (/\.fastmcp-storage|\.oauth-proxy/.test(server)) ignores.push('# Local token and cache storage', '.fastmcp-storage/', '.oauth-proxy/', '');
  files.push({ path: '.gitignore', content: ignores.join('\n') });

  const config: Record<string, unknown> = {
    $schema: 'https://gofastmcp.com/public/schemas/fastmcp.json/v1.json',
    source: { path: `${serverFile}:mcp` },
    environment: (options.manifest ?? 'requirements') === 'pyproject' ? { type: 'uv', project: '.' } : { type: 'uv', requirements: 'requirements.txt' },
  };
  if (info.transport === 'http') config.deployment = { transport: 'http' };
  files.push({ path: 'fastmcp.json', content: JSON.stringify(config, null, 2) + '\n' });
  return files;
}
