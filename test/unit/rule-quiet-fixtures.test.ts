/**
 * Fixtures that must produce NO diagnostic of their rule: the quiet side of a version boundary
 * (e.g. a v3-only deprecation linted for 2.14 or an unknown version). They live in
 * `test/fixtures/rules/quiet/FMCPxxx[.variant].py` because the annotated-fixture test requires at
 * least one expected diagnostic per file. Header directives as in rule-fixtures.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES_BY_CODE } from '../../server/src/engine';
import { lintSnippet, ROOT } from '../helpers';

const DIR = path.join(ROOT, 'test/fixtures/rules/quiet');
const files = fs.existsSync(DIR) ? fs.readdirSync(DIR).filter((f) => f.endsWith('.py')).sort() : [];

for (const file of files) {
  const code = file.slice(0, 7);
  test(`quiet fixture ${file}`, async () => {
    const rule = RULES_BY_CODE.get(code);
    assert.ok(rule, `no rule registered for ${code}`);
    const text = fs.readFileSync(path.join(DIR, file), 'utf8');
    const version = /^#\s*fixture:\s*target-version=(\S+)/m.exec(text)?.[1];
    const filePath = /^#\s*fixture:\s*path=(\S+)/m.exec(text)?.[1];
    const diags = await lintSnippet(text, { path: filePath ? path.join('/project', filePath) : '/project/server.py', targetVersion: version, rules: [rule] });
    assert.deepEqual(diags.filter((d) => d.code === code).map((d) => `${d.range.start.line + 1}: ${d.message}`), []);
  });
}
