/** FMCP706: dependencies that are not installed from the package index. */
import { defineCheck, lineRange, type Finding } from '../check';

export default defineCheck({
  meta: {
    code: 'FMCP706',
    name: 'non-index-dependency',
    severity: 'warning',
    title: 'A dependency is not installed from the package index',
    docs: {
      what: 'Flags manifest entries that do not come from PyPI: `git+…` URLs, `-e …` editable installs, local paths, `file:` URLs, wheel and sdist files, `name @ url` direct references, and `[tool.uv.sources]` git/path/url sources.',
      why: 'A deploy builds from the repository in a fresh environment: a local path or a wheel on your disk does not exist there, an editable install needs the source tree beside it, and a private git URL needs credentials the build does not have. The install fails before the server starts.',
      example: '# requirements.txt\nfastmcp>=3.0,<4\n-e ../shared-tools\nmylib @ file:///home/me/mylib-0.1-py3-none-any.whl',
      useInstead: '# requirements.txt\nfastmcp>=3.0,<4\nshared-tools==0.3.1   # published to PyPI (or vendored into the repository)\nmylib==0.1',
      notes: 'A public `git+https://github.com/…` URL may install; it is still reported because builds from it are not reproducible and private ones fail.',
    },
  },
  run({ project }) {
    if (!project.manifests.length) return { skip: 'no dependency manifest (see FMCP703)', findings: [] };
    const findings: Finding[] = [];
    for (const m of project.manifests) {
      for (const n of m.nonIndex) {
        findings.push({
          severity: 'warning',
          path: m.path,
          range: lineRange(m.text, n.line),
          message: `\`${n.text}\` is ${n.why}, not a package from the index: the deploy builds in a fresh environment where it may not exist or be reachable. Publish it, vendor it into the repository, or depend on a released version.`,
        });
      }
    }
    return { findings, passed: 'every dependency comes from the package index' };
  },
});
