/**
 * Generated rule documentation: every rule has complete docs, and docs/rules/ matches what
 * scripts/gen-rule-docs.ts would write now (regenerate with `node --import tsx scripts/gen-rule-docs.ts`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../server/src/engine';
import { generateRuleDocs, guideAnchorsFrom, renderRuleDoc, ruleDocProblems, GENERATED_MARKER } from '../../server/src/engine/docs/rule-docs';
import { parseReference } from '../../server/src/engine/hover/references';
import { ROOT } from '../helpers';

const OUT = path.join(ROOT, 'docs/rules');

function anchors() {
  const file = path.join(ROOT, 'docs/references/common-errors.md');
  return guideAnchorsFrom(parseReference('common-errors.md', fs.readFileSync(file, 'utf8'), file).sections);
}

test('every rule has complete documentation', () => {
  const problems = ALL_RULES.flatMap((r) => ruleDocProblems(r.meta).map((p) => `${r.meta.code}: ${p}`));
  assert.deepEqual(problems, []);
});

test('docs/rules is up to date with the rule metadata', () => {
  const wanted = generateRuleDocs(ALL_RULES, { guideAnchors: anchors() });
  const stale: string[] = [];
  for (const [name, text] of wanted) {
    const file = path.join(OUT, name);
    if (!fs.existsSync(file)) stale.push(`${name} missing`);
    else if (fs.readFileSync(file, 'utf8') !== text) stale.push(`${name} stale`);
  }
  const extra = fs.existsSync(OUT) ? fs.readdirSync(OUT).filter((f) => f.endsWith('.md') && !wanted.has(f)) : [];
  for (const f of extra) stale.push(`${f} has no rule`);
  assert.deepEqual(stale, [], 'run: node --import tsx scripts/gen-rule-docs.ts');
});

test('the index lists every rule with a link to its page', () => {
  const index = generateRuleDocs(ALL_RULES).get('README.md')!;
  for (const r of ALL_RULES) assert.ok(index.includes(`[${r.meta.code}](${r.meta.code}.md)`), `${r.meta.code} not in index`);
});

test('a page has the fixed headings, the metadata table and guide links', () => {
  const page = renderRuleDoc(
    {
      code: 'FMCP999',
      name: 'demo-rule',
      title: 'A demo',
      severity: 'warning',
      flavors: 'fastmcp',
      versions: { min: '3.0' },
      fix: { safety: 'safe', title: 'Fix | it' },
      docs: { what: 'What.', why: 'Why.', example: 'x = 1', useInstead: 'x = 2', guide: [4, 99], notes: 'Notes.' },
    },
    { guideAnchors: new Map([[4, 'e4-resource-uri-without-a-scheme']]) },
  );
  for (const h of ['# FMCP999: demo-rule', '## What it does', '## Why is this bad?', '## Example', '## Use instead', '## Notes', '## Suppressing', GENERATED_MARKER]) assert.ok(page.includes(h), h);
  assert.match(page, /\| Fix \| safe — Fix \\\| it \|/);
  assert.match(page, /\[#4\]\(\.\.\/references\/common-errors\.md#e4-resource-uri-without-a-scheme\), #99/);
  assert.match(page, /≥ 3\.0/);
  assert.match(page, /standalone `fastmcp` only/);
});

test('incomplete metadata is reported, not thrown', () => {
  const meta = { code: 'FMCP998', name: 'x', title: '', severity: 'info', docs: { what: '', why: 'w', example: '', useInstead: 'u' } } as never;
  assert.deepEqual(ruleDocProblems(meta), ['title is missing', 'docs.what is missing', 'docs.example is missing']);
  assert.doesNotThrow(() => renderRuleDoc(meta));
  assert.doesNotThrow(() => renderRuleDoc({ code: 'FMCP997', name: 'y', title: 't', severity: 'info' } as never));
});
