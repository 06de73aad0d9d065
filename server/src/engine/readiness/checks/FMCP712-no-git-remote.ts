/** FMCP712: the project is in git but has no GitHub remote (Cloud deploys from GitHub). */
import { defineCheck } from '../check';

export default defineCheck({
  meta: {
    code: 'FMCP712',
    name: 'no-git-remote',
    severity: 'warning',
    title: 'No GitHub remote to deploy from',
    docs: {
      what: 'Reads `.git/config` (without running git) and reports a repository with no remote on github.com. A project that is not in a git repository at all is reported as *skipped* with the next step, not as a failure of the project.',
      why: 'FastMCP Cloud (Prefect Horizon) deploys from a GitHub repository, public or private, and redeploys on every push to `main`. A repository without a GitHub remote cannot be selected there.',
      example: '$ git remote -v\n(nothing)',
      useInstead: '$ git remote add origin git@github.com:you/my-server.git\n$ git push -u origin main',
      notes: 'A project generated from a template is not a repository yet: the check says so (skip) and the walkthrough\'s next step creates one. Only this check and FMCP709/FMCP713 depend on git.',
    },
  },
  run({ project }) {
    const git = project.git;
    if (!git) return { skip: 'not a git repository yet — create one and push it to GitHub to deploy (Cloud deploys from GitHub)', findings: [] };
    const gh = git.remotes.find((r) => r.github);
    if (gh) return { findings: [], passed: `GitHub remote \`${gh.name}\` (${gh.url})` };
    return {
      findings: [
        {
          severity: 'warning',
          message: git.remotes.length
            ? `No GitHub remote (remotes: ${git.remotes.map((r) => `${r.name} → ${r.url}`).join(', ')}): FastMCP Cloud deploys from GitHub. Add one: \`git remote add github git@github.com:<you>/<repo>.git\`.`
            : 'The repository has no remote: FastMCP Cloud deploys from GitHub. Create a GitHub repository and `git remote add origin …`, then push.',
        },
      ],
    };
  },
});
