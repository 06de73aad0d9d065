/**
 * Development aid: lint every .py file under a directory with all rules and print each diagnostic
 * plus counts per code. `node --import tsx scripts/dev-lint.ts DIR [--code FMCP2] [--target 3.0]`
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { initParser, lintText, resolveConfig, CachedDiskView, ALL_CODES } from '../server/src/engine';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? '.';
const codeFilter = args.includes('--code') ? args[args.indexOf('--code') + 1] : '';
const target = args.includes('--target') ? args[args.indexOf('--target') + 1] : undefined;

function* walk(d: string): Generator<string> {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    if (['.git', 'node_modules', '.venv', '__pycache__'].includes(e.name)) continue;
    const p = path.join(d, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.name.endsWith('.py')) yield p;
  }
}

(async () => {
  await initParser();
  const view = new CachedDiskView();
  const counts = new Map<string, number>();
  for (const file of walk(dir)) {
    const text = fs.readFileSync(file, 'utf8');
    const config = resolveConfig(file, { view, codes: ALL_CODES, editor: target ? { targetVersion: target } : {} });
    const { diagnostics } = lintText(text, { path: file, config });
    for (const d of diagnostics) {
      if (codeFilter && !d.code.startsWith(codeFilter)) continue;
      counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
      console.log(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message} [target ${config.target.version ?? 'unknown'}]`);
    }
  }
  console.log('\ncounts:', Object.fromEntries([...counts].sort()));
})();
