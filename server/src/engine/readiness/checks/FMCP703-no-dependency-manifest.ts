/** FMCP703: no requirements.txt and no pyproject.toml with dependencies beside the entrypoint or at the root. */
import * as path from 'node:path';
import { defineCheck, rangeAt } from '../check';

export default defineCheck({
  meta: {
    code: 'FMCP703',
    name: 'no-dependency-manifest',
    severity: 'error',
    title: 'No requirements.txt or pyproject.toml dependencies',
    docs: {
      what: 'Reports a project whose entrypoint has no `requirements.txt` and no `pyproject.toml` with dependencies beside it or at the project root.',
      why: 'FastMCP Cloud (Prefect Horizon) installs what `requirements.txt` or `pyproject.toml` declares. Without either, the deploy installs nothing of yours and the server fails at its first import: "ModuleNotFoundError: No module named \'fastmcp\'".',
      example: '# my-server/\n#   server.py        (from fastmcp import FastMCP ...)\n#   (no requirements.txt, no pyproject.toml)',
      useInstead: '# my-server/requirements.txt\nfastmcp>=3.0,<4',
      notes: 'A `pyproject.toml` that only configures tools (no `[project] dependencies`, no poetry dependencies) does not count. `fastmcp.json` `environment.dependencies` serves `fastmcp run`, not the Cloud build. The diagnostic sits on the entrypoint\'s server line.',
    },
  },
  run({ project }) {
    const ep = project.entrypoint;
    const withDeps = project.manifests.filter((m) => m.kind === 'requirements' || m.deploy.length > 0);
    if (withDeps.length) return { findings: [], passed: `dependencies declared in ${withDeps.map((m) => project.rel(m.path)).join(', ')}` };
    const where = ep ? project.rel(path.dirname(ep.path)) : '.';
    const facts = ep ? project.facts(ep.path) : null;
    const serverRange = ep?.object ? facts?.moduleServers.get(ep.object) : undefined;
    return {
      findings: [
        {
          severity: 'error',
          path: ep?.path,
          range: ep ? (serverRange ?? rangeAt(0)) : undefined,
          message: `No requirements.txt and no pyproject.toml with dependencies ${where === '.' ? 'at the project root' : `beside the entrypoint (${where}) or at the project root`}: a deploy would install nothing and fail with "No module named 'fastmcp'". Add a requirements.txt listing fastmcp and every package the server imports.`,
        },
      ],
    };
  },
});
