/** FMCP710: an environment variable the server reads is missing from .env.example. */
import { defineCheck, type Finding } from '../check';

/** Set by every process environment or by the platform; documenting them helps nobody. */
const AMBIENT = new Set(['PATH', 'HOME', 'USER', 'PWD', 'SHELL', 'LANG', 'TZ', 'TMPDIR', 'PYTHONPATH', 'VIRTUAL_ENV']);

export default defineCheck({
  meta: {
    code: 'FMCP710',
    name: 'undocumented-env-var',
    severity: 'warning',
    title: 'An environment variable the server reads is not in .env.example',
    docs: {
      what: 'Collects the environment variables the entrypoint\'s closure reads — `os.getenv("X")`, `os.environ["X"]`, `os.environ.get("X")`, `from os import getenv/environ`, and the fields of pydantic-settings `BaseSettings` classes (with their `env_prefix`) — and reports each one missing from `.env.example`. Without a `.env.example` it lists them as info.',
      why: 'A deployment gets its configuration from environment variables set in the platform. A variable nobody documented is a variable nobody sets: `os.environ["API_KEY"]` raises "KeyError: \'API_KEY\'" at startup, `os.getenv` silently returns None.',
      example: '# server.py\nAPI_KEY = os.environ["WEATHER_API_KEY"]\n\n# .env.example\n# (empty)',
      useInstead: '# .env.example\n# API key for the weather service (https://example.com/keys)\nWEATHER_API_KEY=',
      notes: '"FastMCP: Generate .env.example" writes the file from the variables the server reads (names only, never values from `.env`). Variables every environment has (`PATH`, `HOME`, …) are not reported.',
    },
  },
  run({ project }) {
    if (!project.entrypoint) return { skip: project.entrypointProblem ?? 'no entrypoint', findings: [] };
    const example = project.envExample;
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const file of project.closure) {
      for (const r of project.facts(file)?.envReads ?? []) {
        if (AMBIENT.has(r.name) || example?.names.has(r.name)) continue;
        seen.add(r.name);
        findings.push({
          severity: example ? 'warning' : 'info',
          path: file,
          range: r.range,
          message: example
            ? `\`${r.name}\` is read here (${r.via}) but missing from ${project.rel(example.path)}: whoever deploys will not know to set it. Add \`${r.name}=\` with a comment saying what it is.`
            : `\`${r.name}\` is read here (${r.via}); there is no .env.example telling whoever deploys which variables to set. Run "FastMCP: Generate .env.example".`,
        });
      }
    }
    return { findings, passed: example ? `every variable the server reads is in ${project.rel(example.path)}` : 'the server reads no environment variables' };
  },
});
