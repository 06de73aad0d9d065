/** `fastmcp-lint readiness` and the FMCP7xx diagnostics of `fastmcp-lint <dir>`, through the bundled dist/cli.js. */
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

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fastmcp-cli-ready-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const SERVER = 'from fastmcp import FastMCP\n\nmcp = FastMCP("Demo")\n\n\n@mcp.tool\ndef add(a: int, b: int) -> int:\n    """Add two numbers."""\n    return a + b\n';

test('readiness --format json: the documented shape, exit 0 when nothing fails', () => {
  const dir = project({ 'server.py': SERVER, 'requirements.txt': 'fastmcp>=3.0,<4\n' });
  const r = run(['readiness', dir, '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  const rep = JSON.parse(r.out);
  assert.deepEqual(Object.keys(rep).sort(), ['checks', 'entrypoint', 'root', 'verdict']);
  assert.equal(rep.verdict, 'ready');
  assert.equal(rep.entrypoint, 'server.py:mcp');
  const codes = rep.checks.map((c: { code: string }) => c.code);
  for (let n = 701; n <= 715; n++) assert.ok(codes.includes(`FMCP${n}`), `FMCP${n}`);
  for (const c of rep.checks) assert.ok(['pass', 'warn', 'fail', 'skip'].includes(c.status));
});

test('readiness exits 1 on a failing check and prints its row', () => {
  const dir = project({ 'server.py': 'import yaml\n' + SERVER, 'requirements.txt': 'httpx\n' });
  const json = run(['readiness', '--format=json', dir]);
  assert.equal(json.code, 1);
  const rep = JSON.parse(json.out);
  assert.equal(rep.verdict, 'not-ready');
  const by = (c: string) => rep.checks.find((x: { code: string }) => x.code === c);
  assert.equal(by('FMCP704').status, 'fail');
  assert.equal(by('FMCP705').status, 'warn');
  assert.deepEqual(by('FMCP705').locations, [{ path: 'server.py', line: 1 }]);
  const text = run(['readiness', dir]);
  assert.equal(text.code, 1);
  assert.match(text.out, /✗ fail FMCP704/);
  assert.match(text.out, /Not ready to deploy/);
  const md = run(['readiness', dir, '--format', 'markdown']);
  assert.match(md.out, /^# FastMCP Cloud readiness — Not ready to deploy/);
  assert.match(md.out, /\| ❌ fail \| \[FMCP704\]/);
  assert.match(md.out, /## What to fix/);
});

test('readiness: --untrusted skips git status; bad usage exits 2', () => {
  const dir = project({ 'server.py': SERVER, 'requirements.txt': 'fastmcp\n' });
  const rep = JSON.parse(run(['readiness', dir, '--format', 'json', '--untrusted']).out);
  assert.equal(rep.checks.find((c: { code: string }) => c.code === 'FMCP713').status, 'skip');
  assert.equal(run(['readiness', dir, '--format', 'yaml']).code, 2);
  assert.equal(run(['readiness', path.join(dir, 'nope')]).code, 2);
  assert.equal(run(['readiness', dir, '--select', 'FMCP999']).code, 2);
});

test('fastmcp-lint <dir> reports FMCP7xx on the files and lines concerned, only for project roots', () => {
  const dir = project({ 'server.py': 'import yaml\n' + SERVER, 'requirements.txt': 'httpx\n' });
  const r = run(['--format', 'json', dir]);
  const items = JSON.parse(r.out) as Array<{ path: string; line: number; code: string }>;
  assert.ok(items.some((i) => i.code === 'FMCP705' && i.path.endsWith('server.py') && i.line === 1), r.out);
  assert.ok(items.some((i) => i.code === 'FMCP704' && i.path.endsWith('requirements.txt') && i.line === 1), r.out);
  assert.equal(r.code, 1);
  assert.equal(run(['--format', 'json', '--ignore', 'FMCP7', dir]).out.includes('FMCP70'), false);
  // A directory of Python files without a manifest is not a project: no project diagnostics.
  const loose = project({ 'good.py': SERVER });
  assert.equal(run([loose]).code, 0);
});
