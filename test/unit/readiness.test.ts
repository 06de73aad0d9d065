/**
 * The FMCP7xx workspace checks on small projects written to temp dirs: one broken in each way, near
 * misses that must pass, and every template project, which must come out "ready".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { initParser } from '../../server/src/engine';
import { TEMPLATES, projectFiles } from '../../server/src/engine/templates';
import { runReadiness, Project, type ReadinessResult, type WorkspaceFs } from '../../server/src/engine/readiness';
import { memoFs } from '../../server/src/engine/readiness/workspace';
import { ROOT } from '../helpers';

const SERVER = 'from fastmcp import FastMCP\n\nmcp = FastMCP("Demo")\n\n\n@mcp.tool\ndef add(a: int, b: int) -> int:\n    """Add two numbers."""\n    return a + b\n';
const REQS = 'fastmcp>=3.0,<4\n';

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fastmcp-ready-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function git(dir: string, ...args: string[]) {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

async function ready(files: Record<string, string>, opts: { trusted?: boolean; setup?: (dir: string) => void; entrypoint?: string } = {}): Promise<ReadinessResult & { status: (code: string) => string; row: (code: string) => ReadinessResult['report']['checks'][number] }> {
  await initParser();
  const dir = project(files);
  opts.setup?.(dir);
  const r = runReadiness(dir, { trusted: opts.trusted ?? true, closureErrors: true, entrypoint: opts.entrypoint });
  const row = (code: string) => r.report.checks.find((c) => c.code === code)!;
  return { ...r, row, status: (code: string) => row(code).status };
}

test('a clean project is ready; git-dependent checks skip outside a repository', async () => {
  const r = await ready({ 'server.py': SERVER, 'requirements.txt': REQS, '.gitignore': '.env\n' });
  assert.equal(r.report.verdict, 'ready', JSON.stringify(r.report.checks.filter((c) => c.status !== 'pass'), null, 1));
  assert.equal(r.report.entrypoint, 'server.py:mcp');
  for (const code of ['FMCP709', 'FMCP712', 'FMCP713']) assert.equal(r.status(code), 'skip', code);
  assert.deepEqual(Object.keys(r.report).sort(), ['checks', 'entrypoint', 'root', 'verdict']);
  for (const c of r.report.checks) assert.deepEqual(Object.keys(c).sort(), ['code', 'locations', 'message', 'status', 'title']);
});

test('every template project comes out ready', async () => {
  for (const t of TEMPLATES.filter((x) => x.server)) {
    for (const manifest of ['requirements', 'pyproject'] as const) {
      const files = Object.fromEntries(projectFiles(t.name, { readTemplate: (f) => fs.readFileSync(path.join(ROOT, 'templates', f), 'utf8'), manifest }).map((f) => [f.path, f.content]));
      const r = await ready(files);
      assert.equal(r.report.verdict, 'ready', `${t.name} (${manifest}): ${JSON.stringify(r.report.checks.filter((c) => c.status === 'fail' || c.status === 'warn'))}`);
    }
  }
});

test('FMCP701 relative import in the entrypoint fails at its line', async () => {
  const r = await ready({ 'server.py': 'from .tools import helper\n' + SERVER, 'tools.py': 'def helper():\n    return 1\n', 'requirements.txt': REQS });
  assert.equal(r.status('FMCP701'), 'fail');
  assert.deepEqual(r.row('FMCP701').locations, [{ path: 'server.py', line: 1 }]);
  assert.equal(r.report.verdict, 'not-ready');
  const near = await ready({ 'server.py': 'from tools import helper\n' + SERVER, 'tools.py': 'from .x import y\n', 'requirements.txt': REQS });
  assert.equal(near.status('FMCP701'), 'pass', 'relative imports in other modules are not the entrypoint\'s');
});

test('FMCP702 module-level cycle warns once with its path; an import inside a function does not', async () => {
  const r = await ready({ 'server.py': 'import tools\n' + SERVER, 'tools.py': 'from server import mcp\n', 'requirements.txt': REQS });
  assert.equal(r.status('FMCP702'), 'warn');
  assert.equal(r.row('FMCP702').locations.length, 1);
  assert.match(r.row('FMCP702').message, /server\.py → tools\.py → server\.py|tools\.py → server\.py → tools\.py/);
  const near = await ready({ 'server.py': 'import tools\n' + SERVER, 'tools.py': 'def register():\n    from server import mcp\n    return mcp\n', 'requirements.txt': REQS });
  assert.equal(near.status('FMCP702'), 'pass');
});

test('FMCP703 no manifest fails and the manifest checks skip', async () => {
  const r = await ready({ 'server.py': SERVER });
  assert.equal(r.status('FMCP703'), 'fail');
  assert.deepEqual(r.row('FMCP703').locations, [{ path: 'server.py', line: 3 }]);
  assert.equal(r.status('FMCP704'), 'skip');
  assert.equal(r.status('FMCP705'), 'skip');
  const toolsOnly = await ready({ 'server.py': SERVER, 'pyproject.toml': '[tool.ruff]\nline-length = 100\n' });
  assert.equal(toolsOnly.status('FMCP703'), 'fail', 'a pyproject without dependencies is no manifest');
  const pyproject = await ready({ 'server.py': SERVER, 'pyproject.toml': '[project]\nname = "x"\nversion = "0.1.0"\nrequires-python = ">=3.10"\ndependencies = ["fastmcp>=3.0,<4"]\n' });
  assert.equal(pyproject.status('FMCP703'), 'pass');
});

test('FMCP704 fastmcp missing from the manifest; mcp is enough for the SDK flavor', async () => {
  const r = await ready({ 'server.py': SERVER, 'requirements.txt': 'httpx>=0.27\n' });
  assert.equal(r.status('FMCP704'), 'fail');
  assert.deepEqual(r.row('FMCP704').locations, [{ path: 'requirements.txt', line: 1 }]);
  const devOnly = await ready({ 'server.py': SERVER, 'pyproject.toml': '[project]\nname = "x"\nversion = "0"\ndependencies = []\n\n[dependency-groups]\ndev = ["fastmcp"]\n' });
  assert.equal(devOnly.status('FMCP704'), 'fail', 'a dev group is not installed by a deploy');
  const sdk = await ready({ 'server.py': 'from mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP("x")\n', 'requirements.txt': 'mcp>=1.2\n' });
  assert.equal(sdk.status('FMCP704'), 'pass');
});

test('FMCP705 undeclared third-party import warns at the import; stdlib, local, mapped and optional imports pass', async () => {
  const r = await ready({ 'server.py': 'import yaml\nimport requests\n' + SERVER, 'requirements.txt': REQS });
  assert.equal(r.status('FMCP705'), 'warn');
  assert.deepEqual(r.row('FMCP705').locations, [{ path: 'server.py', line: 1 }, { path: 'server.py', line: 2 }]);
  assert.match(r.details.find((d) => d.code === 'FMCP705')!.findings[0].message, /PyYAML/);
  const near = await ready({
    'server.py': 'import os, json, tomllib\nimport yaml\nfrom dotenv import load_dotenv\nfrom PIL import Image\nimport helpers\nfrom pkg.sub import thing\nfrom mcp.types import TextContent\ntry:\n    import orjson\nexcept ImportError:\n    orjson = None\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pandas\n' + SERVER,
    'helpers.py': 'import bs4\n',
    'pkg/__init__.py': '',
    'pkg/sub.py': 'thing = 1\n',
    'requirements.txt': REQS + 'PyYAML>=6\npython-dotenv\nPillow\nbeautifulsoup4\n',
  });
  assert.equal(near.status('FMCP705'), 'pass', near.row('FMCP705').message);
  const closure = await ready({ 'server.py': 'import helpers\n' + SERVER, 'helpers.py': 'import numpy\n', 'requirements.txt': REQS });
  assert.deepEqual(closure.row('FMCP705').locations, [{ path: 'helpers.py', line: 1 }], 'modules the entrypoint imports are checked too');
});

test('FMCP706 editable, VCS, path and wheel requirements warn at their lines', async () => {
  const r = await ready({ 'server.py': SERVER, 'requirements.txt': REQS + '-e ../shared\ngit+https://github.com/x/y.git\n./wheels/lib-1.0-py3-none-any.whl\nmylib @ file:///tmp/mylib\nhttpx>=0.27\n' });
  assert.equal(r.status('FMCP706'), 'warn');
  assert.deepEqual(r.row('FMCP706').locations.map((l) => l.line), [2, 3, 4, 5]);
  const uv = await ready({ 'server.py': SERVER, 'pyproject.toml': '[project]\nname = "x"\nversion = "0"\ndependencies = ["fastmcp>=3,<4", "lib"]\n\n[tool.uv.sources]\nlib = { path = "../lib" }\n' });
  assert.equal(uv.status('FMCP706'), 'warn');
});

test('FMCP707 lists what the newest admitted major reports (a note: status pass)', async () => {
  const code = 'from fastmcp import FastMCP\n\nmcp = FastMCP("Demo", host="0.0.0.0")\n';
  const r = await ready({ 'server.py': code, 'requirements.txt': 'fastmcp>=2.10\n' });
  assert.equal(r.status('FMCP707'), 'pass');
  assert.match(r.row('FMCP707').message, /note: .*admits 2\.10\.0 to 3\.\d+\.\d+.*FMCP601/);
  assert.deepEqual(r.row('FMCP707').locations, [{ path: 'requirements.txt', line: 1 }]);
  const bounded = await ready({ 'server.py': code, 'requirements.txt': 'fastmcp>=2.10,<3\n' });
  assert.doesNotMatch(bounded.row('FMCP707').message, /note:/);
});

test('FMCP708 .env not ignored fails; ignored (also by a glob) passes; a negation fails at its line', async () => {
  assert.equal((await ready({ 'server.py': SERVER, 'requirements.txt': REQS, '.env': 'KEY=1\n' })).status('FMCP708'), 'fail');
  assert.equal((await ready({ 'server.py': SERVER, 'requirements.txt': REQS, '.env': 'KEY=1\n', '.gitignore': '__pycache__/\n' })).status('FMCP708'), 'fail');
  assert.equal((await ready({ 'server.py': SERVER, 'requirements.txt': REQS, '.env': 'KEY=1\n', '.gitignore': '*.env\n' })).status('FMCP708'), 'pass');
  assert.equal((await ready({ 'server.py': SERVER, 'requirements.txt': REQS, '.env': 'KEY=1\n', '.gitignore': '.env*\n!.env.example\n' })).status('FMCP708'), 'pass');
  const neg = await ready({ 'server.py': SERVER, 'requirements.txt': REQS, '.env': 'KEY=1\n', '.gitignore': '.env\n# keep it\n!.env\n' });
  assert.equal(neg.status('FMCP708'), 'fail');
  assert.deepEqual(neg.row('FMCP708').locations, [{ path: '.gitignore', line: 3 }]);
});

test('FMCP709 a tracked .env fails (index read without git); .env.example does not', async () => {
  const r = await ready({ 'server.py': SERVER, 'requirements.txt': REQS, '.env': 'KEY=1\n', '.env.example': 'KEY=\n', '.gitignore': '.env\n' }, { setup: (d) => (git(d, 'init', '-q'), git(d, 'add', '-f', '.env', '.env.example')) });
  assert.equal(r.status('FMCP709'), 'fail');
  assert.deepEqual(r.row('FMCP709').locations, [{ path: '.env', line: 1 }]);
  const clean = await ready({ 'server.py': SERVER, 'requirements.txt': REQS, '.env.example': 'KEY=\n' }, { setup: (d) => (git(d, 'init', '-q'), git(d, 'add', '.')) });
  assert.equal(clean.status('FMCP709'), 'pass');
  const v4 = await ready({ 'server.py': SERVER, 'requirements.txt': REQS, 'a/b/.env': 'K=1\n' }, { setup: (d) => (git(d, 'init', '-q'), git(d, 'add', '.'), git(d, 'update-index', '--index-version', '4')) });
  assert.deepEqual(v4.row('FMCP709').locations, [{ path: 'a/b/.env', line: 1 }], 'index version 4 (prefix-compressed paths)');
});

test('FMCP710 variables missing from .env.example warn at the read; without the file they are notes', async () => {
  const code = 'import os\nfrom os import getenv\n' + SERVER + 'KEY = os.environ["API_KEY"]\nURL = os.getenv("API_URL", "x")\nDB = getenv("DB_URL")\nos.environ["SET_ONLY"] = "1"\n';
  const r = await ready({ 'server.py': code, 'requirements.txt': REQS, '.env.example': 'API_KEY=\n' });
  assert.equal(r.status('FMCP710'), 'warn');
  assert.deepEqual(r.row('FMCP710').locations.map((l) => l.line), [13, 14]);
  const none = await ready({ 'server.py': code, 'requirements.txt': REQS });
  assert.equal(none.status('FMCP710'), 'pass');
  assert.match(none.row('FMCP710').message, /note: `API_KEY`/);
  const settings = await ready({ 'server.py': 'from pydantic_settings import BaseSettings, SettingsConfigDict\n' + SERVER + 'class Settings(BaseSettings):\n    model_config = SettingsConfigDict(env_prefix="APP_")\n    token: str\n', 'requirements.txt': REQS + 'pydantic-settings\n', '.env.example': 'APP_OTHER=\n' });
  assert.match(settings.row('FMCP710').message, /APP_TOKEN/);
});

test('FMCP711 fastmcp.json: schema errors, a missing file, a missing object', async () => {
  const bad = await ready({ 'server.py': SERVER, 'requirements.txt': REQS, 'fastmcp.json': '{\n  "source": { "path": "server.py:mcp" },\n  "deployment": { "transport": "streamable_http", "port": "8000" }\n}\n' });
  assert.equal(bad.status('FMCP711'), 'fail');
  assert.deepEqual(bad.row('FMCP711').locations, [{ path: 'fastmcp.json', line: 3 }]);
  assert.equal(bad.details.find((d) => d.code === 'FMCP711')!.findings.length, 2);
  const missing = await ready({ 'server.py': SERVER, 'requirements.txt': REQS, 'fastmcp.json': '{"source": {"path": "main.py"}}' });
  assert.equal(missing.status('FMCP711'), 'fail');
  const noObject = await ready({ 'server.py': SERVER, 'requirements.txt': REQS, 'fastmcp.json': '{"source": {"path": "server.py:app"}}' });
  assert.equal(noObject.status('FMCP711'), 'fail');
  assert.match(noObject.row('FMCP711').message, /no module-level `app`/);
  const notJson = await ready({ 'server.py': SERVER, 'requirements.txt': REQS, 'fastmcp.json': '{"source": ' });
  assert.equal(notJson.status('FMCP711'), 'fail');
  const good = await ready({ 'server.py': SERVER, 'requirements.txt': REQS, 'fastmcp.json': '{"source": {"path": "server.py", "entrypoint": "mcp"}, "environment": {"requirements": "requirements.txt"}}' });
  assert.equal(good.status('FMCP711'), 'pass');
  assert.equal(good.report.entrypoint, 'server.py:mcp');
});

test('FMCP712 warns in a repository without a GitHub remote, passes with one', async () => {
  const none = await ready({ 'server.py': SERVER, 'requirements.txt': REQS }, { setup: (d) => git(d, 'init', '-q') });
  assert.equal(none.status('FMCP712'), 'warn');
  const gitlab = await ready({ 'server.py': SERVER, 'requirements.txt': REQS }, { setup: (d) => (git(d, 'init', '-q'), git(d, 'remote', 'add', 'origin', 'git@gitlab.com:x/y.git')) });
  assert.equal(gitlab.status('FMCP712'), 'warn');
  const gh = await ready({ 'server.py': SERVER, 'requirements.txt': REQS }, { setup: (d) => (git(d, 'init', '-q'), git(d, 'remote', 'add', 'origin', 'git@github.com:x/y.git')) });
  assert.equal(gh.status('FMCP712'), 'pass');
});

test('FMCP713 uncommitted changes are a note when trusted; skipped when the workspace is not trusted', async () => {
  const setup = (d: string) => (git(d, 'init', '-q'), git(d, 'add', 'requirements.txt'), git(d, 'commit', '-q', '-m', 'x'));
  const r = await ready({ 'server.py': SERVER, 'requirements.txt': REQS }, { setup });
  assert.equal(r.status('FMCP713'), 'pass');
  assert.match(r.row('FMCP713').message, /note: 1 uncommitted change \(\?\? server\.py\)/);
  const untrusted = await ready({ 'server.py': SERVER, 'requirements.txt': REQS }, { setup, trusted: false });
  assert.equal(untrusted.status('FMCP713'), 'skip');
  assert.equal(untrusted.row('FMCP713').message, 'skipped: workspace not trusted');
  assert.equal(untrusted.status('FMCP712'), 'warn', 'reading .git/config needs no trust');
});

test('FMCP714 a syntax error in an imported module fails at its line', async () => {
  const r = await ready({ 'server.py': 'import tools\n' + SERVER, 'tools.py': 'x = 1\n\ndef add(a, b)\n    return a + b\n', 'requirements.txt': REQS });
  assert.equal(r.status('FMCP714'), 'fail');
  assert.equal(r.row('FMCP714').locations[0].path, 'tools.py');
  assert.equal(r.row('FMCP714').locations[0].line, 3);
});

test('FMCP715 requires-python below 3.10 warns at its line', async () => {
  const py = (rp: string) => ({ 'server.py': SERVER, 'pyproject.toml': `[project]\nname = "x"\nversion = "0"\nrequires-python = "${rp}"\ndependencies = ["fastmcp>=3,<4"]\n` });
  const r = await ready(py('>=3.8'));
  assert.equal(r.status('FMCP715'), 'warn');
  assert.deepEqual(r.row('FMCP715').locations, [{ path: 'pyproject.toml', line: 4 }]);
  assert.equal((await ready(py('>=3.10'))).status('FMCP715'), 'pass');
  assert.equal((await ready(py('>=3.9.1,<4'))).status('FMCP715'), 'warn');
});

test('the closure\'s lint errors are a row of their own', async () => {
  const r = await ready({ 'server.py': SERVER + '\nif __name__ == "__main__":\n    mcp.run(transport="streamable_http")\n', 'requirements.txt': REQS });
  const row = r.row('lint');
  assert.equal(row.status, 'fail');
  assert.equal(row.locations[0].line, 12);
  assert.equal(r.report.verdict, 'not-ready');
});

test('entrypoint: fastmcp.json wins; several servers are ambiguous unless one is main/server/app', async () => {
  const amb = await ready({ 'a.py': SERVER, 'b.py': SERVER, 'requirements.txt': REQS });
  assert.equal(amb.report.entrypoint, null);
  assert.deepEqual(amb.candidates, ['a.py:mcp', 'b.py:mcp']);
  assert.equal(amb.status('FMCP701'), 'skip');
  assert.equal(amb.status('lint'), 'warn', 'a choice is needed');
  assert.equal(amb.report.verdict, 'warnings');
  const none = await ready({ 'server.py': 'from fastmcp import FastMCP\n\ndef make():\n    return FastMCP("x")\n', 'requirements.txt': REQS });
  assert.equal(none.status('lint'), 'fail', 'nothing to serve');
  const chosen = await ready({ 'a.py': SERVER, 'b.py': SERVER, 'requirements.txt': REQS }, { entrypoint: 'b.py' });
  assert.equal(chosen.report.entrypoint, 'b.py:mcp');
  const main = await ready({ 'server.py': SERVER, 'tools/extra.py': SERVER, 'requirements.txt': REQS });
  assert.equal(main.report.entrypoint, 'server.py:mcp');
  const other = await ready({ 'app_main.py': SERVER.replace(/\bmcp\b/g, 'weather'), 'requirements.txt': REQS });
  assert.equal(other.report.entrypoint, 'app_main.py:weather');
});

test('select/ignore turn checks off and severity overrides apply', async () => {
  await initParser();
  const dir = project({ 'server.py': SERVER, 'pyproject.toml': '[project]\nname = "x"\nversion = "0"\ndependencies = ["fastmcp>=3,<4"]\n\n[tool.fastmcp-lint]\nignore = ["FMCP715"]\nseverity = { FMCP702 = "error" }\n', 'tools.py': 'from server import mcp\n' });
  fs.writeFileSync(path.join(dir, 'server.py'), 'import tools\n' + SERVER);
  const r = runReadiness(dir, { trusted: true });
  assert.equal(r.report.checks.find((c) => c.code === 'FMCP715')!.message, 'skipped: turned off by select/ignore');
  assert.equal(r.report.checks.find((c) => c.code === 'FMCP702')!.status, 'fail');
});

test('memoFs: reads and lists each path once, and reads no name its directory does not list', () => {
  const reads: string[] = [];
  const lists: string[] = [];
  const dir = path.join(path.sep, 'proj');
  const base: WorkspaceFs = {
    read(abs) {
      reads.push(abs);
      return abs === path.join(dir, 'a.py') ? 'x = 1\n' : undefined;
    },
    list(abs) {
      lists.push(abs);
      return abs === dir ? [{ name: 'a.py', dir: false }, { name: 'pkg', dir: true }] : [];
    },
  };
  const m = memoFs(base);
  assert.equal(m.read(path.join(dir, 'a.py')), 'x = 1\n');
  assert.equal(m.read(path.join(dir, 'a.py')), 'x = 1\n');
  // Not listed, and a directory: answered from the listing, without a read.
  assert.equal(m.read(path.join(dir, 'b.py')), undefined);
  assert.equal(m.read(path.join(dir, 'pkg')), undefined);
  assert.equal(m.read(path.join(dir, 'pkg', '__init__.py')), undefined);
  assert.deepEqual(reads, [path.join(dir, 'a.py')]);
  assert.deepEqual(m.list(dir), [{ name: 'a.py', dir: false }, { name: 'pkg', dir: true }]);
  assert.deepEqual(lists, [dir, path.join(dir, 'pkg')]);
});

test('memoFs: texts the caller already read are answered without a read, except those the checks would not read', () => {
  const reads: string[] = [];
  const dir = path.join(path.sep, 'proj');
  const huge = 'x'.repeat(4 * 1024 * 1024 + 1);
  const base: WorkspaceFs = {
    read(abs) {
      reads.push(abs);
      return undefined;
    },
    list: () => [{ name: 'a.py', dir: false }, { name: 'big.py', dir: false }],
  };
  const m = memoFs(base, [
    [path.join(dir, 'a.py'), 'y = 2\n'],
    [path.join(dir, 'big.py'), huge],
  ]);
  assert.equal(m.read(path.join(dir, 'a.py')), 'y = 2\n');
  // Over the checks' size limit: read as usual (the disk's answer, here none).
  assert.equal(m.read(path.join(dir, 'big.py')), undefined);
  assert.deepEqual(reads, [path.join(dir, 'big.py')]);
});

test('memoFs over the disk resolves the same local imports as the disk itself', async () => {
  await initParser();
  const dir = project({
    'server.py': 'from fastmcp import FastMCP\nfrom helpers import util\nimport pkg.sub\nimport missing_mod\n\nmcp = FastMCP("Demo")\n',
    'helpers/__init__.py': '',
    'helpers/util.py': 'X = 1\n',
    'pkg/sub.py': 'Y = 2\n',
    'requirements.txt': REQS,
  });
  const plain = new Project(dir, { trusted: true, gitStatus: false });
  const memo = new Project(dir, { trusted: true, gitStatus: false, fs: memoFs() });
  assert.deepEqual(memo.closure, plain.closure);
  assert.deepEqual(memo.localImports, plain.localImports);
  assert.ok(plain.closure.some((f) => f.endsWith(path.join('pkg', 'sub.py'))), plain.closure.join(', '));
});
