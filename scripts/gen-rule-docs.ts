/**
 * Writes docs/rules/FMCPxxx.md for every rule and docs/rules/README.md from the rule metadata.
 *   node --import tsx scripts/gen-rule-docs.ts          regenerate (removes pages of codes no rule has)
 *   node --import tsx scripts/gen-rule-docs.ts --check  exit 1 when a page is stale, missing or extra,
 *                                                       or a rule's documentation is incomplete
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../server/src/engine';
import { generateRuleDocs, guideAnchorsFrom, ruleDocProblems } from '../server/src/engine/docs/rule-docs';
import { parseReference } from '../server/src/engine/hover/references';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'docs/rules');
const check = process.argv.includes('--check');

function guideAnchors(): Map<number, string> {
  const file = path.join(ROOT, 'docs/references/common-errors.md');
  try {
    return guideAnchorsFrom(parseReference('common-errors.md', fs.readFileSync(file, 'utf8'), file).sections);
  } catch {
    return new Map();
  }
}

function main(): number {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of ALL_RULES) {
    const code = r?.meta?.code ?? '(no code)';
    if (seen.has(code)) problems.push(`${code}: registered twice`);
    seen.add(code);
    for (const p of r?.meta ? ruleDocProblems(r.meta) : ['no metadata']) problems.push(`${code}: ${p}`);
  }
  const wanted = generateRuleDocs(ALL_RULES.filter((r) => r?.meta?.code), { guideAnchors: guideAnchors() });
  const existing = fs.existsSync(OUT) ? fs.readdirSync(OUT).filter((f) => /^FMCP\d{3}\.md$/.test(f) || f === 'README.md') : [];
  const stale: string[] = [];
  for (const [name, text] of wanted) {
    const file = path.join(OUT, name);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    if (current === text) continue;
    stale.push(current === null ? `${name} (missing)` : name);
    if (!check) {
      fs.mkdirSync(OUT, { recursive: true });
      fs.writeFileSync(file, text);
    }
  }
  for (const name of existing) {
    if (wanted.has(name)) continue;
    stale.push(`${name} (no such rule)`);
    if (!check) fs.unlinkSync(path.join(OUT, name));
  }
  // The README's rule list, between its markers.
  const readmePath = path.join(ROOT, 'README.md');
  const readme = fs.readFileSync(readmePath, 'utf8');
  const start = '<!-- rules:start -->';
  const end = '<!-- rules:end -->';
  const i = readme.indexOf(start);
  const j = readme.indexOf(end);
  if (i >= 0 && j > i) {
    const rows = ALL_RULES.filter((r) => r?.meta?.code).map((r) => `| [${r.meta.code}](docs/rules/${r.meta.code}.md) | \`${r.meta.name}\` | ${r.meta.deprecation ? 'D' : r.meta.severity} | ${(r.meta.title ?? '').replace(/\|/g, '\\|')} |`);
    const table = ['', `${rows.length} rules. Severity D: a deprecation (hint or warning while deprecated, error once removed).`, '', '| Code | Name | Severity | What it flags |', '|---|---|---|---|', ...rows, ''].join('\n');
    const next = readme.slice(0, i + start.length) + '\n' + table + '\n' + readme.slice(j);
    if (next !== readme) {
      stale.push('../../README.md (rule list)');
      if (!check) fs.writeFileSync(readmePath, next);
    }
  }
  for (const p of problems) console.error(`incomplete docs: ${p}`);
  if (check) {
    for (const s of stale) console.error(`stale: docs/rules/${s}`);
    if (stale.length) console.error('run: node --import tsx scripts/gen-rule-docs.ts');
    return stale.length || problems.length ? 1 : 0;
  }
  console.log(`docs/rules: ${wanted.size} files, ${stale.length} written or removed`);
  return problems.length ? 1 : 0;
}

process.exitCode = main();
