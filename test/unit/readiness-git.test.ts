/** .gitignore semantics and the .git readers (config remotes, index paths) the workspace checks use instead of running git. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GitIgnore, parseGitConfig, isGithubUrl } from '../../server/src/engine/readiness';

const ig = (rules: string, base = '') => {
  const g = new GitIgnore();
  g.add(rules, base, '.gitignore');
  return (p: string, dir = false) => g.ignores(p, dir).ignored;
};

test('gitignore: basename patterns, anchoring, directories, negation, **', () => {
  const a = ig('.env\n*.pyc\n/build\nlogs/\n!keep.pyc\ndocs/**/*.tmp\n\\#hash\n');
  assert.equal(a('.env'), true);
  assert.equal(a('sub/.env'), true, 'a pattern without a slash matches at any depth');
  assert.equal(a('.env.example'), false);
  assert.equal(a('x/y.pyc'), true);
  assert.equal(a('keep.pyc'), false, 'the last matching rule wins');
  assert.equal(a('build'), true);
  assert.equal(a('src/build'), false, 'a leading slash anchors');
  assert.equal(a('logs', true), true);
  assert.equal(a('logs'), false, 'a trailing slash matches directories only');
  assert.equal(a('logs/today.txt'), true, 'inside an ignored directory');
  assert.equal(a('docs/a/b/c.tmp'), true);
  assert.equal(a('docs/c.tmp'), true);
  assert.equal(a('#hash'), true);
  const b = ig('secrets/\n!secrets/.env\n');
  assert.equal(b('secrets/.env'), true, 'a file in an excluded directory cannot be re-included');
  const nested = ig('.env\n', 'app');
  assert.equal(nested('app/.env'), true);
  assert.equal(nested('.env'), false, 'a nested .gitignore applies below its directory only');
});

test('git config: remotes with quoted subsections; GitHub URL forms', () => {
  const c = parseGitConfig('[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:me/x.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n[remote "gl"]\n  url = "https://gitlab.com/me/x.git" ; comment\n');
  const remotes = c.filter((s) => s.section === 'remote').map((s) => [s.sub, s.values.get('url')?.[0]]);
  assert.deepEqual(remotes, [['origin', 'git@github.com:me/x.git'], ['gl', 'https://gitlab.com/me/x.git']]);
  for (const u of ['git@github.com:me/x.git', 'https://github.com/me/x', 'https://token@github.com/me/x.git', 'ssh://git@github.com/me/x.git']) assert.ok(isGithubUrl(u), u);
  for (const u of ['https://gitlab.com/me/x', 'https://github.company.com/me/x', 'git@bitbucket.org:me/x.git']) assert.ok(!isGithubUrl(u), u);
});
