/** FMCP713: changes not committed (what is deployed is what is pushed). */
import * as path from 'node:path';
import { defineCheck } from '../check';

export default defineCheck({
  meta: {
    code: 'FMCP713',
    name: 'uncommitted-changes',
    severity: 'info',
    title: 'Uncommitted changes',
    docs: {
      what: 'Lists files with changes that are not committed (modified, staged, deleted or untracked and not ignored) in the project\'s directory.',
      why: 'A deploy builds what is pushed to GitHub, not what is on your disk: a fix that works locally and is not committed is not in the deployed server.',
      example: '$ git status --short\n M server.py\n?? tools.py',
      useInstead: '$ git add server.py tools.py\n$ git commit -m "Add tools"\n$ git push',
      notes: 'This is the one check that runs git (`git status`). It runs only in trusted workspaces, with `core.fsmonitor=false`, `core.hooksPath=/dev/null`, every configured filter driver emptied, no system config, no pager and no optional locks; a repository config that includes other config files is not run at all. In an untrusted workspace the check is skipped ("workspace not trusted").',
    },
  },
  run({ project }) {
    const st = project.status();
    if ('skipped' in st) return { skip: st.skipped, findings: [] };
    const prefix = project.repoRel(project.root);
    const mine = st.changes.filter((c) => !prefix || c.path === prefix || c.path.startsWith(prefix + '/'));
    if (!mine.length) return { findings: [], passed: 'everything is committed' };
    const shown = mine.slice(0, 6).map((c) => `${c.state.trim() || '?'} ${path.posix.relative(prefix || '.', c.path) || c.path}`).join(', ');
    return { findings: [{ severity: 'info', message: `${mine.length} uncommitted change${mine.length === 1 ? '' : 's'} (${shown}${mine.length > 6 ? ', …' : ''}): a deploy builds what is pushed. Commit and push them first.` }] };
  },
});
