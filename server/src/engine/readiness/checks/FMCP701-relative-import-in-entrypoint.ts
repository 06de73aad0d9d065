/** FMCP701: the entrypoint uses a relative import, which fails when it is loaded as a top-level module. */
import { defineCheck, type Finding } from '../check';

export default defineCheck({
  meta: {
    code: 'FMCP701',
    name: 'relative-import-in-entrypoint',
    severity: 'error',
    title: 'The entrypoint uses a relative import',
    docs: {
      what: 'Flags `from . import x` and `from .x import y` in the deploy entrypoint (the file named by fastmcp.json `source.path`, or the file with a module-level server).',
      why: '`fastmcp run`, `fastmcp inspect` and FastMCP Cloud load the entrypoint by its file path as a top-level module, so it has no parent package: the import fails with "ImportError: attempted relative import with no known parent package" and the server never starts.',
      example: '# server.py (the entrypoint)\nfrom fastmcp import FastMCP\nfrom .tools import register_tools\n\nmcp = FastMCP("Demo")\nregister_tools(mcp)',
      useInstead: '# server.py (the entrypoint)\nfrom fastmcp import FastMCP\nfrom tools import register_tools  # the entrypoint\'s directory is on sys.path\n\nmcp = FastMCP("Demo")\nregister_tools(mcp)',
      guide: [8],
      notes: 'Relative imports inside the modules the entrypoint imports are fine when those modules live in a package. Only the entrypoint itself is checked.',
    },
  },
  run({ project }) {
    const ep = project.entrypoint;
    if (!ep) return { skip: project.entrypointProblem ?? 'no entrypoint', findings: [] };
    const facts = project.facts(ep.path);
    if (!facts) return { skip: `${project.rel(ep.path)} cannot be read`, findings: [] };
    const findings: Finding[] = facts.imports
      .filter((i) => i.level > 0)
      .map((i) => ({
        severity: 'error',
        path: ep.path,
        range: i.range,
        message: `Relative import \`${'.'.repeat(i.level)}${i.module}\` in the entrypoint: it is loaded as a top-level module, so this fails with "attempted relative import with no known parent package". Import ${i.module ? `\`${i.module}\`` : 'the module'} absolutely.`,
      }));
    return { findings, passed: `${project.rel(ep.path)} uses no relative imports` };
  },
});
