/** FMCP708: `.env` exists and no .gitignore rule ignores it. */
import * as path from 'node:path';
import { defineCheck, lineRange, rangeAt } from '../check';

export default defineCheck({
  meta: {
    code: 'FMCP708',
    name: 'env-file-not-ignored',
    severity: 'error',
    title: '.env is not ignored by git',
    docs: {
      what: 'Reports a `.env` file (beside the entrypoint or at the project root) that no `.gitignore` rule (nor `.git/info/exclude`) ignores, following git\'s rules: negations, directory patterns, anchoring, `**`.',
      why: 'Cloud deploys from a GitHub repository: one `git add .` and the secrets in `.env` are pushed, and they stay in the history after the file is deleted. Deployed servers read their settings from the platform\'s environment variables, not from a committed file.',
      example: '# .gitignore\n__pycache__/\n# (no rule for .env)',
      useInstead: '# .gitignore\n__pycache__/\n.env',
      notes: 'The diagnostic sits on the `.gitignore` (on the negation that re-includes `.env`, when one does), or on `.env` itself when there is no `.gitignore`.',
    },
  },
  run({ project }) {
    const env = project.envFile;
    if (!env) return { findings: [], passed: 'no .env file' };
    const answer = project.gitignore.ignores(project.repoRel(env));
    if (answer.ignored) return { findings: [], passed: `.env is ignored (${answer.rule?.source}:${(answer.rule?.line ?? 0) + 1} \`${answer.rule?.pattern}\`)` };
    const rootIgnore = path.join(project.root, '.gitignore');
    const ignoreText = project.text(rootIgnore);
    const negation = answer.rule?.negated ? answer.rule : null;
    const at = negation ? path.join(project.root, negation.source) : ignoreText !== undefined ? rootIgnore : env;
    const atText = project.text(at);
    return {
      findings: [
        {
          severity: 'error',
          path: at,
          range: negation ? lineRange(atText, negation.line) : rangeAt(0),
          message: negation
            ? `\`${negation.pattern}\` re-includes ${project.rel(env)}: its secrets would be committed and pushed. Remove the negation.`
            : `${project.rel(env)} is not ignored by git: one \`git add .\` pushes its secrets to GitHub, where they stay in the history. Add \`.env\` to ${ignoreText !== undefined ? '.gitignore' : 'a .gitignore file'}.`,
        },
      ],
    };
  },
});
