/** FMCP705: a third-party module imported by the entrypoint's closure is not declared. */
import { defineCheck, type Finding } from '../check';
import { isProvidedBy, suggestedDistribution } from '../import-map';
import { isStdlib } from '../stdlib';

export default defineCheck({
  meta: {
    code: 'FMCP705',
    name: 'undeclared-import',
    severity: 'warning',
    title: 'An imported package is not declared as a dependency',
    docs: {
      what: 'Checks every import in the entrypoint\'s local import closure: a module that is not in the standard library (3.10–3.14), not a file or package of the workspace, and not provided by a declared dependency is reported at the import. Import names are mapped to distribution names (`yaml` → PyYAML, `dotenv` → python-dotenv, `PIL` → Pillow, `bs4` → beautifulsoup4, `jwt` → PyJWT, `sklearn` → scikit-learn, `cv2` → opencv-python, `google.cloud.x` → google-cloud-x, `key_value` → py-key-value-aio, …).',
      why: 'What works locally works because the package happens to be installed in your environment. The deploy installs only the manifest: "ModuleNotFoundError: No module named \'yaml\'" at startup, or at the first call of a tool that imports it.',
      example: '# requirements.txt\nfastmcp>=3.0,<4\n\n# server.py\nimport yaml\nfrom fastmcp import FastMCP',
      useInstead: '# requirements.txt\nfastmcp>=3.0,<4\nPyYAML>=6\n\n# server.py\nimport yaml\nfrom fastmcp import FastMCP',
      notes: 'Imports guarded by `try: … except ImportError:` and imports under `if TYPE_CHECKING:` are optional and not reported. A package installed only as a dependency of another (httpx through fastmcp) is reported: the deploy would then depend on another package\'s choices. `mcp` counts as declared by `fastmcp`, which is built on it. Skipped when there is no manifest.',
    },
  },
  run({ project }) {
    if (!project.manifests.length && !project.fastmcpJsonDependencies().length) return { skip: 'no dependency manifest (see FMCP703)', findings: [] };
    if (!project.entrypoint) return { skip: project.entrypointProblem ?? 'no entrypoint', findings: [] };
    const declared = project.declared();
    const findings: Finding[] = [];
    for (const file of project.closure) {
      const facts = project.facts(file);
      if (!facts) continue;
      for (const imp of facts.imports) {
        if (imp.level > 0 || imp.optional || !imp.module) continue;
        const top = imp.module.split('.')[0];
        // fastmcp itself (and mcp for the SDK flavor) is FMCP704's finding, not repeated here.
        if (top === 'fastmcp' || (top === 'mcp' && project.flavor === 'sdk')) continue;
        if (isStdlib(top) || project.isLocalModule(top, file)) continue;
        if (isProvidedBy(imp.module, declared)) continue;
        const dist = suggestedDistribution(imp.module);
        findings.push({
          severity: 'warning',
          path: file,
          range: imp.moduleRange,
          message: `\`${imp.module}\` is imported but not declared: a deploy installs only the manifest and fails with "No module named '${top}'". Add \`${dist}\` to ${project.manifests[0] ? project.rel(project.manifests[0].path) : 'the manifest'}.`,
        });
      }
    }
    return { findings, passed: `every import of ${project.closure.length} module${project.closure.length === 1 ? '' : 's'} is stdlib, local or declared` };
  },
});
