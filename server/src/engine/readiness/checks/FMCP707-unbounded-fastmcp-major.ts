/** FMCP707: the fastmcp requirement admits several majors and the code behaves differently on the newest. */
import { defineCheck, lineRange } from '../check';
import { highestSatisfying, lowestSatisfying, parseVersion } from '../../version/version';

export default defineCheck({
  meta: {
    code: 'FMCP707',
    name: 'unbounded-fastmcp-major',
    severity: 'info',
    title: 'The fastmcp requirement admits a major version the code is not ready for',
    docs: {
      what: 'When the `fastmcp` requirement admits more than one major version (`fastmcp`, `fastmcp>=2.10`), lints the entrypoint\'s closure at the lowest and at the newest admitted release and lists the diagnostics that appear only at the newest.',
      why: 'A deploy installs the newest release the requirement admits. Code written against 2.x meets 3.x\'s removals on the next deploy: removed constructor keywords raise "TypeError", `get_tools()` is gone, resources may no longer return dicts — with no change on your side.',
      example: '# requirements.txt\nfastmcp>=2.10\n\n# server.py\nmcp = FastMCP("Demo", host="0.0.0.0")  # removed in 3.0',
      useInstead: '# requirements.txt\nfastmcp>=2.10,<3',
      notes: 'Info only (a note in the readiness report): the requirement is not wrong by itself, the combination with this code is. Bound the major (`<3`) or fix what the newest version reports.',
    },
  },
  run({ project, closureLint }) {
    let req: { spec: string; line: number; manifest: (typeof project.manifests)[number] } | null = null;
    for (const m of project.manifests) {
      const r = m.deploy.find((x) => x.normalized === 'fastmcp');
      if (r) {
        req = { spec: r.direct ? '' : r.spec, line: r.line, manifest: m };
        if (r.direct) return { skip: 'fastmcp comes from a direct reference', findings: [] };
        break;
      }
    }
    if (!req) return { skip: 'no manifest declares fastmcp', findings: [] };
    const low = lowestSatisfying(req.spec);
    const high = highestSatisfying(req.spec);
    if (!low || !high) return { skip: `\`fastmcp${req.spec}\` matches no known release`, findings: [] };
    const major = (v: string) => parseVersion(v)?.release[0];
    if (major(low) === major(high)) return { findings: [], passed: `fastmcp${req.spec} stays within ${major(low)}.x` };
    if (!project.entrypoint) return { skip: project.entrypointProblem ?? 'no entrypoint', findings: [] };
    const before = closureLint.at(low);
    const after = closureLint.at(high);
    const key = (f: string, d: { code: string; severity: string; range: { start: { line: number } } }) => `${f}\0${d.code}\0${d.range.start.line}\0${d.severity}`;
    const old = new Set<string>();
    for (const [f, ds] of before) for (const d of ds) old.add(key(f, d));
    const added: string[] = [];
    for (const [f, ds] of after) for (const d of ds) if (!old.has(key(f, d))) added.push(`${d.code} at ${project.rel(f)}:${d.range.start.line + 1}`);
    if (!added.length) return { findings: [], passed: `fastmcp${req.spec || ' (unpinned)'} admits ${low}–${high}; the code draws no new diagnostics at ${high}` };
    const shown = added.slice(0, 8).join(', ') + (added.length > 8 ? `, and ${added.length - 8} more` : '');
    return {
      findings: [
        {
          severity: 'info',
          path: req.manifest.path,
          range: lineRange(req.manifest.text, req.line),
          message: `\`fastmcp${req.spec || ''}\`${req.spec ? '' : ' (unpinned)'} admits ${low} to ${high}; a deploy installs ${high}, where the code draws ${added.length} diagnostic${added.length === 1 ? '' : 's'} it does not draw at ${low}: ${shown}. Bound the major (\`<${major(low)! + 1}\`) or fix them.`,
        },
      ],
    };
  },
});

