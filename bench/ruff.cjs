// The peer as a fresh process: Ruff's wasm build, its default rule set, checking every file given
// (a directory is walked like the CLI walks it). Also loadable in process: `createRuff()`.
const fs = require('node:fs');
const path = require('node:path');

function createRuff() {
  const ruff = require('@astral-sh/ruff-wasm-nodejs');
  const ws = new ruff.Workspace(ruff.Workspace.defaultSettings(), ruff.PositionEncoding.Utf16);
  return { check: (text) => ws.check(text), version: ruff.Workspace.version() };
}

const SKIP = new Set(['.git', '.hg', '.svn', '.venv', 'venv', '.tox', '.nox', '.mypy_cache', '.ruff_cache', '.pytest_cache', '__pycache__', '__pypackages__', 'node_modules', 'site-packages', 'build', 'dist', '.eggs', '.direnv', '_build', 'buck-out']);
function walk(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP.has(e.name) && !e.name.endsWith('.egg-info')) walk(p, out);
    } else if (e.isFile() && (e.name.endsWith('.py') || e.name.endsWith('.pyi'))) out.push(p);
  }
  return out;
}

if (require.main === module) {
  const ruff = createRuff();
  const arg = process.argv[2];
  const files = fs.statSync(arg).isDirectory() ? walk(path.resolve(arg), []) : [arg];
  let n = 0;
  for (const f of files) n += ruff.check(fs.readFileSync(f, 'utf8')).length;
  process.stdout.write(`${files.length} files, ${n} findings\n`);
}
module.exports = { createRuff };
