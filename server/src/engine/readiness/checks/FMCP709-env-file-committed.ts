/** FMCP709: `.env` (or a file holding hard-coded secrets) is tracked by git. */
import * as path from 'node:path';
import { defineCheck, rangeAt, type Finding } from '../check';

const TEMPLATE_SUFFIX = /\.(example|sample|template|dist|defaults?|tmpl)$/i;

export default defineCheck({
  meta: {
    code: 'FMCP709',
    name: 'env-file-committed',
    severity: 'error',
    title: '.env or a file with hard-coded secrets is committed',
    docs: {
      what: 'Reads the git index (`.git/index`, without running git) and reports `.env` files (`.env`, `.env.local`, `.env.production`, … but not `.env.example`) that are tracked, and tracked Python files of the entrypoint\'s closure that hold hard-coded secrets (what FMCP504 flags).',
      why: 'A tracked file is pushed with every commit; a deploy from GitHub means the repository — and anyone who can read it, and its whole history — has the secrets. Ignoring the file afterwards does not untrack it.',
      example: '$ git ls-files\n.env\nserver.py',
      useInstead: '$ git rm --cached .env\n$ echo .env >> .gitignore\n# then rotate every secret that was in it: the history still has them',
      notes: 'Skipped when the project is not in a git repository. Reading the index executes nothing, so this check also runs in untrusted workspaces.',
    },
  },
  run({ project, closureLint }) {
    const git = project.git;
    if (!git) return { skip: 'not a git repository', findings: [] };
    if (!git.tracked) return { skip: `the git index could not be read (${git.indexProblem})`, findings: [] };
    const prefix = project.repoRel(project.root);
    const inProject = (p: string) => !prefix || prefix === '' || p === prefix || p.startsWith(prefix + '/');
    const findings: Finding[] = [];
    for (const p of git.tracked) {
      if (!inProject(p)) continue;
      const base = p.slice(p.lastIndexOf('/') + 1);
      if (!/^\.env(\..+)?$/.test(base) || TEMPLATE_SUFFIX.test(base)) continue;
      const abs = path.join(git.root, ...p.split('/'));
      findings.push({ severity: 'error', path: abs, range: rangeAt(0), message: `${project.rel(abs)} is tracked by git: its secrets are in every push and in the history. Run \`git rm --cached ${project.rel(abs)}\`, ignore it, and rotate the secrets.` });
    }
    for (const [file, diags] of closureLint.at()) {
      const secrets = diags.filter((d) => d.code === 'FMCP504');
      if (!secrets.length || !git.tracked.has(path.relative(git.root, file).split(path.sep).join('/'))) continue;
      for (const d of secrets) findings.push({ severity: 'error', path: file, range: d.range, message: `${project.rel(file)} is tracked by git and holds a hard-coded secret here: it is pushed with every commit. Read it from an environment variable and rotate it.` });
    }
    return { findings, passed: 'no .env file or hard-coded secret is tracked' };
  },
});
