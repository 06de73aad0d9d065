/**
 * The annotated rule fixtures, one table-driven test. A fixture `test/fixtures/rules/FMCPxxx[.variant].py`
 * marks each line that must be flagged with a trailing `# <severity>: FMCPxxx` comment (several
 * separated by commas); every other line must stay clean for that rule. Header directives:
 *   # fixture: target-version=2.13     the FastMCP version to lint for (default: unknown)
 *   # fixture: path=tests/test_app.py  the path the file is linted as
 *   # fixture: entrypoint              treat the file as the deploy entrypoint
 * A golden `FMCPxxx[.variant].fixed.py` holds the text after applying every fix of the fixture's rule.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, ALL_RULES, RULES_BY_CODE } from '../../server/src/engine';
import { lintSnippet, ROOT } from '../helpers';

const DIR = path.join(ROOT, 'test/fixtures/rules');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.py') && !f.endsWith('.fixed.py')).sort();

interface Expect {
  line: number;
  code: string;
  severity: string;
}

function parseFixture(text: string) {
  const expects: Expect[] = [];
  const directives: Record<string, string | true> = {};
  text.split(/\r?\n/).forEach((line, i) => {
    const dir = /^#\s*fixture:\s*([\w-]+)(?:=(\S+))?/.exec(line);
    if (dir) directives[dir[1]] = dir[2] ?? true;
    const m = /#\s*((?:(?:error|warning|info|hint):\s*FMCP\d{3}(?:\s*,\s*)?)+)\s*$/.exec(line);
    if (!m) return;
    for (const part of m[1].matchAll(/(error|warning|info|hint):\s*(FMCP\d{3})/g)) expects.push({ line: i + 1, severity: part[1], code: part[2] });
  });
  return { expects, directives };
}

for (const file of files) {
  const code = file.slice(0, 7);
  test(`fixture ${file}`, async () => {
    const rule = RULES_BY_CODE.get(code);
    assert.ok(rule, `no rule registered for ${code}`);
    const text = fs.readFileSync(path.join(DIR, file), 'utf8');
    const { expects, directives } = parseFixture(text);
    assert.ok(expects.length > 0, `${file} has no expected diagnostics`);
    const diags = await lintSnippet(text, {
      path: typeof directives.path === 'string' ? path.join('/project', directives.path) : '/project/server.py',
      targetVersion: typeof directives['target-version'] === 'string' ? directives['target-version'] : undefined,
      rules: [rule],
      entrypoint: directives.entrypoint ? { isEntrypoint: true, object: null } : undefined,
    });
    const got = diags.filter((d) => d.code === code).map((d) => `${d.range.start.line + 1} ${d.severity}: ${d.code}`).sort();
    const want = expects.filter((e) => e.code === code).map((e) => `${e.line} ${e.severity}: ${e.code}`).sort();
    assert.deepEqual(got, want);

    const goldenPath = path.join(DIR, file.replace(/\.py$/, '.fixed.py'));
    if (fs.existsSync(goldenPath)) {
      const fixes = diags.filter((d) => d.code === code).flatMap((d) => d.fixes.slice(0, 1));
      assert.ok(fixes.length > 0, `${file} has a golden but its diagnostics offer no fix`);
      const fixed = applyFixes(text, fixes).text;
      assert.equal(fixed, fs.readFileSync(goldenPath, 'utf8'));
    }
  });
}

test('every rule has a fixture, docs and a golden when it has a fix', () => {
  const fixtureCodes = new Set(files.map((f) => f.slice(0, 7)));
  const goldens = new Set(fs.readdirSync(DIR).filter((f) => f.endsWith('.fixed.py')).map((f) => f.slice(0, 7)));
  for (const r of ALL_RULES) {
    const m = r.meta;
    assert.match(m.name, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${m.code} name`);
    for (const k of ['what', 'why', 'example', 'useInstead'] as const) assert.ok(m.docs[k]?.trim(), `${m.code} docs.${k}`);
    // Workspace checks (FMCP7xx) are tested on generated projects in test/unit/readiness.test.ts.
    if (m.code === 'FMCP000' || m.scope === 'workspace') continue;
    assert.ok(fixtureCodes.has(m.code), `${m.code} has no fixture in test/fixtures/rules`);
    if (m.fix) assert.ok(goldens.has(m.code), `${m.code} offers a fix but has no .fixed.py golden`);
  }
});
