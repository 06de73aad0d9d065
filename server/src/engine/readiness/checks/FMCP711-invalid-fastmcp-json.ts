/** FMCP711: fastmcp.json fails its schema or names no file / no module-level object. */
import * as path from 'node:path';
import { defineCheck, lineRange, rangeAt, type Finding } from '../check';
import { lineOfPointer, validateSchema } from '../json-schema';
import { splitSpec } from '../workspace';

export default defineCheck({
  meta: {
    code: 'FMCP711',
    name: 'invalid-fastmcp-json',
    severity: 'error',
    title: 'fastmcp.json is invalid or names no server',
    docs: {
      what: 'Validates `fastmcp.json` against the schema bundled with the extension (the same one the editor validates the file with), then checks what it names: `source.path` must be an existing file, the object (`file.py:obj` or `source.entrypoint`) must be bound at the module level of that file, and `environment.requirements` / `environment.project` must exist.',
      why: '`fastmcp run` and `fastmcp inspect` read this file first. An invalid one stops them with a validation error; a missing file or object fails with "No server object found" or a file-not-found error before anything runs.',
      example: '{\n  "source": { "path": "main.py:server" },\n  "deployment": { "transport": "streamable_http", "port": "8000" }\n}',
      useInstead: '{\n  "$schema": "https://gofastmcp.com/public/schemas/fastmcp.json/v1.json",\n  "source": { "path": "server.py:mcp" },\n  "deployment": { "transport": "http", "port": 8000 }\n}',
      notes: 'The object may be a server instance or a no-argument factory function: any module-level name counts. A server created only inside a function is not a module-level object (see FMCP101).',
    },
  },
  run({ project }) {
    const fj = project.fastmcpJson;
    if (!fj) return { findings: [], passed: 'no fastmcp.json (the entrypoint is detected from the server files)' };
    const findings: Finding[] = [];
    const at = (line: number) => lineRange(fj.text, line);
    if (fj.parseError) return { findings: [{ severity: 'error', path: fj.path, range: rangeAt(fj.parseError.line), message: `fastmcp.json is not valid JSON (${fj.parseError.message}): \`fastmcp run\` cannot read it.` }] };
    for (const p of validateSchema(fj.data)) findings.push({ severity: 'error', path: fj.path, range: at(lineOfPointer(fj.text, p.at)), message: `fastmcp.json: ${p.message}.` });
    const data = fj.data as { source?: { path?: unknown; entrypoint?: unknown }; environment?: { requirements?: unknown; project?: unknown } };
    const base = path.dirname(fj.path);
    if (typeof data.source?.path === 'string' && data.source.path.trim()) {
      const [file, objectInPath] = splitSpec(data.source.path.trim());
      const object = typeof data.source.entrypoint === 'string' && data.source.entrypoint ? data.source.entrypoint : objectInPath;
      const abs = path.resolve(base, file);
      const line = lineOfPointer(fj.text, ['source', 'path']);
      const facts = project.text(abs) !== undefined && abs.endsWith('.py') ? project.facts(abs) : null;
      if (project.text(abs) === undefined) findings.push({ severity: 'error', path: fj.path, range: at(line), message: `\`source.path\` names ${file}, which does not exist: \`fastmcp run\` fails before starting.` });
      else if (facts && object && !facts.moduleNames.has(object)) {
        const servers = [...facts.moduleServers.keys()];
        findings.push({
          severity: 'error',
          path: fj.path,
          range: at(object === objectInPath ? line : lineOfPointer(fj.text, ['source', 'entrypoint'])),
          message: `${file} has no module-level \`${object}\`: FastMCP fails with "No server object found".${servers.length ? ` It defines ${servers.map((s) => `\`${s}\``).join(', ')}.` : ''}`,
        });
      } else if (facts && !object && !['mcp', 'server', 'app'].some((n) => facts.moduleServers.has(n))) {
        findings.push({ severity: 'error', path: fj.path, range: at(line), message: `${file} has no module-level server named \`mcp\`, \`server\` or \`app\` and \`source.path\` names no object: FastMCP fails with "No server object found". Use \`${file}:<object>\`.` });
      }
    }
    for (const key of ['requirements', 'project'] as const) {
      const v = data.environment?.[key];
      if (typeof v !== 'string' || !v) continue;
      const abs = path.resolve(base, v);
      const exists = key === 'project' ? project.text(path.join(abs, 'pyproject.toml')) !== undefined : project.text(abs) !== undefined;
      if (!exists) findings.push({ severity: 'error', path: fj.path, range: at(lineOfPointer(fj.text, ['environment', key])), message: `\`environment.${key}\` names ${v}, ${key === 'project' ? 'which has no pyproject.toml' : 'which does not exist'}: the environment cannot be built.` });
    }
    return { findings, passed: 'fastmcp.json is valid and names an existing server' };
  },
});
