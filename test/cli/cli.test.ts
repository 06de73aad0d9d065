/** CLI tests: each output format, the exit codes and bad input, through the bundled dist/cli.js. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const run = (args: string[], cwd = process.cwd()) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

function project(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fastmcp-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const BAD = 'from fastmcp import FastMCP\n\nmcp = FastMCP("x")\n\nif __name__ == "__main__":\n    mcp.run(transport="streamable_http")\n';
const GOOD = 'from fastmcp import FastMCP\n\nmcp = FastMCP("x")\n\nif __name__ == "__main__":\n    mcp.run(transport="http")\n';

test('exit 0 on clean code, 1 on errors', () => {
  const dir = project({ 'good.py': GOOD });
  assert.equal(run([dir]).code, 0);
  const bad = project({ 'app/bad.py': BAD });
  const r = run([bad]);
  assert.equal(r.code, 1);
  assert.match(r.out, /bad\.py:6:23: FMCP103/);
});

test('--format json has exactly the documented fields, paths joined to the given path', () => {
  const dir = project({ 'app/bad.py': BAD });
  const r = run(['--format', 'json', 'proj'], path.dirname(dir) === dir ? dir : (fs.renameSync(dir, path.join(path.dirname(dir), 'proj-' + path.basename(dir))), path.dirname(dir)));
  // The rename above gives a stable relative name; find it.
  assert.equal(r.code, 2); // 'proj' does not exist relative to cwd
  const dir2 = project({ 'app/bad.py': BAD });
  const r2 = run(['--format', 'json', path.basename(dir2)], path.dirname(dir2));
  const arr = JSON.parse(r2.out);
  assert.equal(arr.length, 1);
  assert.deepEqual(Object.keys(arr[0]).sort(), ['code', 'column', 'endColumn', 'endLine', 'fixable', 'line', 'message', 'path', 'severity'].sort());
  assert.equal(arr[0].path, path.join(path.basename(dir2), 'app', 'bad.py'));
  assert.equal(arr[0].line, 6);
  assert.equal(arr[0].column, 23);
  assert.equal(arr[0].severity, 'error');
  assert.equal(arr[0].fixable, true);
});

test('--format sarif is SARIF 2.1.0 with rule metadata and help links', () => {
  const dir = project({ 'bad.py': BAD });
  const r = run(['--format', 'sarif', dir]);
  const s = JSON.parse(r.out);
  assert.equal(s.version, '2.1.0');
  const run0 = s.runs[0];
  assert.equal(run0.tool.driver.name, 'fastmcp-lint');
  const rule = run0.tool.driver.rules[run0.results[0].ruleIndex];
  assert.equal(rule.id, 'FMCP103');
  assert.match(rule.helpUri, /FMCP103\.md$/);
  assert.equal(run0.results[0].level, 'error');
  assert.equal(run0.results[0].locations[0].physicalLocation.region.startLine, 6);
});

test('--format github prints workflow commands', () => {
  const dir = project({ 'bad.py': BAD });
  const r = run(['--format', 'github', dir]);
  assert.match(r.out, /^::error title=FMCP103,file=.*bad\.py,line=6,col=23,endLine=6,endColumn=40::FMCP103 /m);
});

test('--fix applies safe fixes atomically and leaves a clean file', () => {
  const dir = project({ 'bad.py': BAD });
  const r = run(['--fix', dir]);
  assert.equal(r.code, 0, r.out + r.err);
  assert.equal(fs.readFileSync(path.join(dir, 'bad.py'), 'utf8'), BAD.replace('streamable_http', 'streamable-http'));
  assert.deepEqual(fs.readdirSync(dir), ['bad.py']);
});

test('--select / --ignore / --statistics / --max-warnings', () => {
  const dir = project({ 'bad.py': BAD });
  assert.equal(run(['--ignore', 'FMCP103', dir]).code, 0);
  assert.equal(run(['--select', 'FMCP2', dir]).code, 0);
  const s = run(['--statistics', dir]);
  assert.match(s.out, /1\s+FMCP103\s+unknown-transport/);
  assert.equal(run(['--select', 'FMCP999', dir]).code, 2);
});

test('per-file-ignores silence a rule in the files their glob matches, not in the others of the same directory', () => {
  const dir = project({ 'bad.py': BAD, 'also_bad.py': BAD, 'other.py': BAD, 'pyproject.toml': '[tool.fastmcp-lint]\nper-file-ignores = { "*bad.py" = ["FMCP103"], "other.py" = ["FMCP2"] }\n' });
  const r = run(['--format', 'json', dir]);
  const files = JSON.parse(r.out).map((d: { file?: string; path?: string; filename?: string }) => path.basename(d.file ?? d.path ?? d.filename ?? ''));
  assert.deepEqual([...new Set(files)], ['other.py'], r.out);
});

test('--show-settings reports target version and its source', () => {
  const dir = project({ 'server.py': GOOD, 'pyproject.toml': '[project]\nname="x"\ndependencies=["fastmcp>=2.12,<2.14"]\n\n[tool.fastmcp-lint]\nignore=["FMCP215"]\n' });
  const r = run(['--show-settings', dir]);
  const j = JSON.parse(r.out);
  assert.equal(j.targetVersion, '2.13.3');
  assert.match(j.targetVersionSource, /pyproject/);
  assert.ok(j.disabledRules.includes('FMCP215') || !j.enabledRules.includes('FMCP215'));
});

test('bad input: unknown option, missing path, broken config, non-UTF-8 and binary files', () => {
  let r = run(['--frobnicate']);
  assert.equal(r.code, 2);
  assert.equal(r.err.trim().split('\n').length, 1);
  r = run(['/definitely/not/here']);
  assert.equal(r.code, 2);
  assert.match(r.err, /path not found/);
  const broken = project({ 'server.py': GOOD, 'pyproject.toml': '[tool.fastmcp-lint\nselect = [' });
  r = run([broken]);
  assert.equal(r.code, 2);
  assert.match(r.err, /pyproject\.toml.*invalid TOML/);
  assert.equal(r.err.trim().split('\n').length, 1);
  const typo = project({ 'server.py': GOOD, 'pyproject.toml': '[tool.fastmcp-lint]\nselct = ["FMCP1"]\n' });
  r = run([typo]);
  assert.equal(r.code, 2);
  assert.match(r.err, /unknown key `selct`.*did you mean `select`/);
  const weird = project({ 'latin1.py': Buffer.from([0x66, 0x72, 0x6f, 0x6d, 0x20, 0xe9, 0x0a]), 'bin.py': Buffer.from([0, 1, 2, 3, 0xff]), 'good.py': GOOD });
  r = run([weird]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /latin1\.py: skipped: not valid UTF-8/);
  r = run([path.join(weird, 'latin1.py')]);
  assert.equal(r.code, 2);
  assert.doesNotMatch(r.err, /at .*\.js:\d+/);
});

test('directories like .venv and node_modules are skipped; exclude is honoured', () => {
  const dir = project({ '.venv/lib/bad.py': BAD, 'node_modules/x/bad.py': BAD, 'gen/bad.py': BAD, 'pyproject.toml': '[tool.fastmcp-lint]\nexclude = ["gen"]\n' });
  const r = run([dir]);
  assert.equal(r.code, 0, r.out);
});

test('two threads report what one thread reports, every file in file order', () => {
  const fixtures = path.resolve(__dirname, '../fixtures/rules');
  const names = fs.readdirSync(fixtures).filter((f) => f.endsWith('.py'));
  assert.ok(names.length >= 24, 'enough files for a second thread');
  const both = spawnSync(process.execPath, [CLI, '--format', 'json', fixtures], { encoding: 'utf8', env: { ...process.env, FASTMCP_LINT_THREADS: '' } });
  const one = spawnSync(process.execPath, [CLI, '--format', 'json', fixtures], { encoding: 'utf8', env: { ...process.env, FASTMCP_LINT_THREADS: '1' } });
  assert.equal(both.status, one.status);
  assert.equal(both.stdout, one.stdout);
  const files = (JSON.parse(both.stdout) as Array<{ path: string }>).map((d) => d.path);
  const order = [...new Set(files)];
  assert.deepEqual(order, [...order].sort((a, b) => a.localeCompare(b)), 'findings in file order');
  assert.ok(order.length > names.length / 2, `findings in ${order.length} of ${names.length} files`);
});
