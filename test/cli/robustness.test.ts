/** The CLI on hostile input: bad arguments, unreadable and odd files, and what `--fix` may and may not write. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const run = (args: string[], cwd = process.cwd()) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const BAD = 'from fastmcp import FastMCP\n\nmcp = FastMCP("x")\n\nif __name__ == "__main__":\n    mcp.run(transport="streamable_http")\n';

function project(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fastmcp-cli-rb-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
const noTrace = (s: string) => assert.doesNotMatch(s, /^\s+at .*:\d+:\d+\)?$/m, s);

test('bad arguments: exit 2, one line, no stack trace', () => {
  for (const args of [['--format'], ['--format', 'xml'], ['--max-warnings', 'lots'], ['--select', 'NOPE1'], ['--max-file-size', '-1'], ['--target-version', 'latest'], ['--bogus'], ['server']]) {
    const r = run(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.equal(r.err.trim().split('\n').length, 1, `${args.join(' ')}: ${r.err}`);
    noTrace(r.err);
  }
});

test('a missing path, a directory named like a file, a deeply nested and a binary file', () => {
  const dir = project({ 'deep.py': 'from fastmcp import FastMCP\nx = ' + 'f('.repeat(300) + ')'.repeat(300) + '\n', 'nul.py': 'from fastmcp import FastMCP\n\u0000', 'good.py': BAD.replace('streamable_http', 'http') });
  fs.mkdirSync(path.join(dir, 'pkg.py'));
  let r = run([path.join(dir, 'missing.py')]);
  assert.equal(r.code, 2);
  assert.equal(r.err.trim().split('\n').length, 1);
  r = run([dir]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /deep\.py: skipped: code nested more than \d+ levels deep/);
  assert.match(r.err, /nul\.py: skipped: file contains NUL bytes/);
  noTrace(r.err);
});

test('an unreadable file is reported in one line; given explicitly it makes the exit status 2', { skip: process.getuid?.() === 0 ? 'root reads any file' : false }, () => {
  const dir = project({ 'secret.py': BAD });
  fs.chmodSync(path.join(dir, 'secret.py'), 0);
  const r = run([path.join(dir, 'secret.py')]);
  assert.equal(r.code, 2);
  assert.match(r.err, /secret\.py: skipped: permission denied/);
  noTrace(r.err);
});

test('--fix keeps a BOM and CRLF line endings, and leaves no temporary file', () => {
  const crlf = BAD.replace(/\n/g, '\r\n');
  const dir = project({ 'bom.py': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]) });
  const r = run(['--fix', dir]);
  assert.equal(r.code, 0, r.out + r.err);
  const out = fs.readFileSync(path.join(dir, 'bom.py'));
  assert.deepEqual([...out.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(out.subarray(3).toString('utf8'), crlf.replace('streamable_http', 'streamable-http'));
  assert.deepEqual(fs.readdirSync(dir), ['bom.py']);
});

test('--fix writes only inside the paths given, never through a symbolic link, and never a file it cannot parse back', () => {
  const dir = project({ 'app/server.py': BAD, 'other/server.py': BAD, 'broken.py': BAD + 'def oops(:\n' });
  assert.equal(run(['--fix', path.join(dir, 'app')]).code, 0);
  assert.match(fs.readFileSync(path.join(dir, 'app/server.py'), 'utf8'), /streamable-http/);
  assert.equal(fs.readFileSync(path.join(dir, 'other/server.py'), 'utf8'), BAD);
  // A file that does not parse is never rewritten.
  run(['--fix', path.join(dir, 'broken.py')]);
  assert.equal(fs.readFileSync(path.join(dir, 'broken.py'), 'utf8'), BAD + 'def oops(:\n');
  // A link given explicitly points outside: the target stays as it was, the link stays a link.
  const outside = project({ 'target.py': BAD });
  const link = path.join(dir, 'link.py');
  fs.symlinkSync(path.join(outside, 'target.py'), link);
  const r = run(['--fix', link]);
  assert.equal(r.code, 2, r.out + r.err);
  assert.match(r.err, /link\.py: could not write fixes \(symbolic link, not fixed\)/);
  assert.equal(fs.readFileSync(path.join(outside, 'target.py'), 'utf8'), BAD);
  assert.ok(fs.lstatSync(link).isSymbolicLink());
  // Links inside a directory are not followed at all.
  fs.rmSync(link);
  fs.mkdirSync(path.join(dir, 'linked'));
  fs.symlinkSync(path.join(outside, 'target.py'), path.join(dir, 'linked', 'server.py'));
  run(['--fix', path.join(dir, 'linked')]);
  assert.equal(fs.readFileSync(path.join(outside, 'target.py'), 'utf8'), BAD);
});
