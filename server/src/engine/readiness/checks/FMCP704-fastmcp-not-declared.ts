/** FMCP704: the manifest does not declare fastmcp (or mcp for the SDK flavor). */
import { defineCheck, lineRange, rangeAt } from '../check';

export default defineCheck({
  meta: {
    code: 'FMCP704',
    name: 'fastmcp-not-declared',
    severity: 'error',
    title: 'The manifest does not declare fastmcp',
    docs: {
      what: 'Reports a `requirements.txt` or `pyproject.toml` that does not list `fastmcp` (or `mcp`, for servers written with the MCP SDK\'s `mcp.server.fastmcp`).',
      why: 'The deploy installs only what the manifest lists. Without `fastmcp` the server fails at its first line: "ModuleNotFoundError: No module named \'fastmcp\'".',
      example: '# requirements.txt\nhttpx>=0.27',
      useInstead: '# requirements.txt\nfastmcp>=3.0,<4\nhttpx>=0.27',
      notes: 'Skipped when there is no manifest (FMCP703 reports that). For `pyproject.toml` only `[project] dependencies` and poetry\'s main dependencies count: a development group is not installed by a deploy.',
    },
  },
  run({ project }) {
    const manifests = project.manifests.filter((m) => m.kind === 'requirements' || m.deploy.length > 0 || m.pyproject?.data.project);
    if (!manifests.length) return { skip: 'no dependency manifest (see FMCP703)', findings: [] };
    // Without a chosen entrypoint the flavor is unknown: either package counts as declared.
    const sdk = project.flavor !== 'fastmcp';
    const wanted = sdk ? ['fastmcp', 'mcp'] : ['fastmcp'];
    const ownName = (m: (typeof manifests)[number]) => {
      const name = (m.pyproject?.data.project as { name?: unknown } | undefined)?.name;
      return typeof name === 'string' ? name.toLowerCase().replace(/[-_.]+/g, '-') : null;
    };
    // The fastmcp (or mcp) distribution's own pyproject: its examples run against the package itself.
    const hit = manifests.find((m) => m.deploy.some((r) => wanted.includes(r.normalized)) || wanted.includes(ownName(m) ?? ''));
    if (hit) return { findings: [], passed: `${sdk ? 'mcp/fastmcp' : 'fastmcp'} declared in ${project.rel(hit.path)}` };
    const m = manifests[0];
    const lines = m.text.split(/\r?\n/);
    const depLine = m.kind === 'pyproject' ? lines.findIndex((l) => /^\s*dependencies\s*=/.test(l)) : -1;
    return {
      findings: [
        {
          severity: 'error',
          path: m.path,
          range: depLine >= 0 ? lineRange(m.text, depLine) : rangeAt(0),
          message: `${project.rel(m.path)} does not declare \`${project.flavor === 'sdk' ? 'mcp' : 'fastmcp'}\`: a deploy would not install it and the server fails with "No module named '${project.flavor === 'sdk' ? 'mcp' : 'fastmcp'}'". Add \`${project.flavor === 'sdk' ? 'mcp>=1.2' : 'fastmcp>=3.0,<4'}\`${m.kind === 'pyproject' ? ' to [project] dependencies' : ''}.`,
        },
      ],
    };
  },
});
