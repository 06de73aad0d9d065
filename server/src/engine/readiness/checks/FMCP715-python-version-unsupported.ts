/** FMCP715: requires-python admits versions below 3.10. */
import { defineCheck, lineRange } from '../check';
import { satisfies } from '../../version/version';

const BELOW_310 = ['2.7.18', '3.0.1', '3.5.10', '3.6.15', '3.7.17', '3.8.20', '3.9.0', '3.9.25'];

export default defineCheck({
  meta: {
    code: 'FMCP715',
    name: 'python-version-unsupported',
    severity: 'warning',
    title: 'requires-python admits Python older than 3.10',
    docs: {
      what: 'Reports a `requires-python` in `pyproject.toml` (or `environment.python` in fastmcp.json) that admits a Python version below 3.10.',
      why: 'FastMCP requires Python 3.10 or newer. A project that claims to run on 3.9 resolves to no installable FastMCP there ("No matching distribution found for fastmcp"), and tools such as uv pick the oldest admitted Python when they resolve.',
      example: '[project]\nrequires-python = ">=3.8"',
      useInstead: '[project]\nrequires-python = ">=3.10"',
    },
  },
  run({ project }) {
    const findings = [];
    for (const m of project.manifests) {
      const rp = m.requiresPython;
      if (!rp) continue;
      const spec = rp.spec.replace(/\s+/g, '');
      const low = BELOW_310.find((v) => satisfies(v, spec));
      if (low) findings.push({ severity: 'warning' as const, path: m.path, range: lineRange(m.text, rp.line), message: `requires-python \`${rp.spec}\` admits Python ${low.split('.').slice(0, 2).join('.')}; FastMCP needs 3.10 or newer. Use \`>=3.10\`.` });
    }
    const py = (project.fastmcpJson?.data as { environment?: { python?: unknown } } | null)?.environment?.python;
    if (typeof py === 'string' && /^\d+(\.\d+)?/.test(py.trim())) {
      const [maj, min] = py.trim().split('.').map(Number);
      if (maj < 3 || (maj === 3 && (min ?? 10) < 10)) {
        const fj = project.fastmcpJson!;
        const line = fj.text.split(/\r?\n/).findIndex((l) => /"python"\s*:/.test(l));
        findings.push({ severity: 'warning' as const, path: fj.path, range: lineRange(fj.text, Math.max(0, line)), message: `fastmcp.json \`environment.python\` is ${py}; FastMCP needs Python 3.10 or newer.` });
      }
    }
    const declaredAny = project.manifests.some((m) => m.requiresPython);
    return { findings, passed: declaredAny ? 'requires-python starts at 3.10 or later' : 'no requires-python declared (the platform\'s default Python is used)' };
  },
});
