/**
 * The generated benchmark corpus: FastMCP files built from the project's templates and rule fixtures,
 * varied (renamed functions, shifted offsets) so that no two files are identical, plus one ~1,000-line
 * and one ~14,000-line file assembled from renamed copies. Deterministic: the same inputs give the same
 * corpus, so runs compare.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/** Names that rules look for by spelling (`run`, `tool`, dunders): renaming them would change what the file means. */
const KEEP = new Set(['run', 'run_async', 'main', 'tool', 'resource', 'prompt', 'lifespan', 'app', 'get_context', 'setup', 'create_server', 'self', 'cls']);

function sources(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  const add = (dir: string, filter: (f: string) => boolean) => {
    for (const f of fs.readdirSync(dir).sort()) {
      if (!f.endsWith('.py') || !filter(f)) continue;
      out.push({ name: f.replace(/\.py$/, ''), text: fs.readFileSync(path.join(dir, f), 'utf8') });
    }
  };
  add(path.join(ROOT, 'templates'), () => true);
  // The "after fix" fixtures repeat their source; the originals carry the findings worth measuring.
  add(path.join(ROOT, 'test/fixtures/rules'), (f) => !f.includes('.fixed.'));
  return out;
}

/** Renames every function and class the file defines (not attribute uses), so copies differ in names and lengths. */
function vary(text: string, suffix: string, shift: number): string {
  const names = new Set<string>();
  for (const m of text.matchAll(/^[ \t]*(?:async[ \t]+)?(?:def|class)[ \t]+([A-Za-z_]\w*)/gm)) {
    if (!KEEP.has(m[1]) && !m[1].startsWith('__')) names.add(m[1]);
  }
  let out = text;
  for (const n of names) out = out.replace(new RegExp(`(?<![.\\w])${n}\\b`, 'g'), `${n}_${suffix}`);
  const header = Array.from({ length: shift }, (_, i) => `# variant ${suffix}, padding line ${i + 1}`).join('\n');
  return (header ? header + '\n' : '') + out;
}

/** Concatenates renamed copies until the file has at least `lines` lines; `from __future__` must lead a file, so it is dropped. */
function assemble(all: Array<{ name: string; text: string }>, lines: number, tag: string): string {
  const parts: string[] = ['"""Benchmark input assembled from the project templates and rule fixtures."""', 'from fastmcp import FastMCP, Context', '', 'mcp = FastMCP("bench")', ''];
  let count = parts.length;
  for (let i = 0; count < lines; i++) {
    const src = all[i % all.length];
    const chunk = vary(src.text, `${tag}${i}`, 0).replace(/^from __future__ import .*$/gm, '');
    parts.push(`# ---- ${src.name} (copy ${i})`, chunk);
    count += chunk.split('\n').length + 1;
  }
  parts.push('', 'if __name__ == "__main__":', '    mcp.run()', '');
  return parts.join('\n');
}

export interface Corpus {
  dir: string;
  files: string[];
  file1k: string;
  file14k: string;
  /** Small files (the templates and fixtures and their variants) for cold start and memory runs. */
  small: string[];
}

export function buildCorpus(dir: string, variants = 2): Corpus {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const all = sources();
  const small: string[] = [];
  for (const src of all) {
    for (let v = 0; v < variants; v++) {
      const sub = path.join(dir, `pkg${v}`);
      fs.mkdirSync(sub, { recursive: true });
      const file = path.join(sub, `${src.name.replace(/[^\w]/g, '_')}.py`);
      fs.writeFileSync(file, v === 0 ? src.text : vary(src.text, `v${v}`, v * 3));
      small.push(file);
    }
  }
  const file1k = path.join(dir, 'big_1k.py');
  const file14k = path.join(dir, 'big_14k.py');
  fs.writeFileSync(file1k, assemble(all.filter((s) => !s.name.startsWith('FMCP')), 1000, 'a'));
  fs.writeFileSync(file14k, assemble(all, 14000, 'b'));
  return { dir, files: [...small, file1k, file14k], file1k, file14k, small };
}

const EXCLUDED_DIRS = new Set(['.git', '.venv', 'venv', '__pycache__', 'node_modules', 'site-packages', 'build', 'dist', '.tox', '.nox']);

/** Every `.py` file under `dir`, in a stable order (the same directories the CLI skips are skipped). */
export function pythonFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!EXCLUDED_DIRS.has(e.name) && !e.name.endsWith('.egg-info')) walk(p);
      } else if (e.isFile() && (e.name.endsWith('.py') || e.name.endsWith('.pyi'))) out.push(p);
    }
  };
  walk(dir);
  return out;
}
