// The parse floor as a fresh process: load the tree-sitter runtime and the Python grammar, then read and
// parse every file given (a directory is walked like the CLI walks it, or `--files LIST` names them).
// With `--one FILE`, the bare cold-start floor: load the grammar and parse that one file.
const fs = require('node:fs');
const path = require('node:path');
const { Parser, Language } = require('web-tree-sitter');

const DIST = path.resolve(__dirname, '..', 'dist');
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

async function main() {
  const args = process.argv.slice(2);
  await Parser.init({ locateFile: () => path.join(DIST, 'tree-sitter.wasm') });
  const lang = await Language.load(fs.readFileSync(path.join(DIST, 'tree-sitter-python.wasm')));
  const parser = new Parser();
  parser.setLanguage(lang);
  const files = args[0] === '--one' ? [args[1]] : walk(path.resolve(args[0]), []);
  let nodes = 0;
  for (const f of files) {
    const tree = parser.parse(fs.readFileSync(f, 'utf8'));
    nodes += tree.rootNode.descendantCount;
    tree.delete();
  }
  process.stdout.write(`${files.length} files, ${nodes} nodes\n`);
}
main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exitCode = 2;
});
