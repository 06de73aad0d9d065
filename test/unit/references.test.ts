/**
 * The reference documents: all eleven exist, common-errors covers E1–E25, every fenced ```python
 * block parses and draws no diagnostic at target 3.0, and the section index reads them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { initParser, parsePython } from '../../server/src/engine';
import { loadReferences, parseReference, slugify, excerpt } from '../../server/src/engine/hover';
import { lintSnippet, ROOT } from '../helpers';

const DIR = path.join(ROOT, 'docs/references');
const EXPECTED = [
  'common-errors.md',
  'cloud-deployment.md',
  'cli-commands.md',
  'storage-backends.md',
  'server-lifespans.md',
  'middleware-guide.md',
  'oauth-security.md',
  'performance-optimization.md',
  'integration-patterns.md',
  'production-patterns.md',
  'context-features.md',
];
/** Every code of the rule catalogue (RULES.md); a reference citing another code has a typo. */
const CATALOGUE = new Set(
  [
    '000',
    ...range(101, 110),
    ...range(201, 221),
    ...range(301, 308),
    ...range(401, 417),
    ...range(501, 512),
    ...range(601, 605),
    ...range(701, 715),
    '801',
    '802',
  ].map((n) => `FMCP${n}`),
);
function range(a: number, b: number): string[] {
  const out: string[] = [];
  for (let i = a; i <= b; i++) out.push(String(i));
  return out;
}

function pythonBlocks(text: string): Array<{ line: number; code: string }> {
  const out: Array<{ line: number; code: string }> = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!/^```python\s*$/.test(lines[i])) continue;
    const start = i + 1;
    let j = start;
    while (j < lines.length && !/^```\s*$/.test(lines[j])) j++;
    out.push({ line: start + 1, code: lines.slice(start, j).join('\n') + '\n' });
    i = j;
  }
  return out;
}

test('all eleven references exist and have a title', () => {
  for (const name of EXPECTED) {
    const file = path.join(DIR, name);
    assert.ok(fs.existsSync(file), `missing ${name}`);
    assert.match(fs.readFileSync(file, 'utf8'), /^# \S/, `${name} has no title heading`);
  }
});

test('common-errors covers all 25 guide errors, each with a rule or a reason', () => {
  const ref = parseReference('common-errors.md', fs.readFileSync(path.join(DIR, 'common-errors.md'), 'utf8'), null);
  for (let n = 1; n <= 25; n++) {
    const s = ref.sections.find((x) => new RegExp(`^E${n}\\b`).test(x.heading));
    assert.ok(s, `no section for E${n}`);
    assert.ok(/FMCP\d{3}|not statically|cannot|not (a )?FastMCP|Generic/i.test(s.body), `E${n} names no rule and no reason`);
  }
});

test('every FMCP code cited by the references exists in the catalogue', () => {
  for (const name of EXPECTED) {
    const text = fs.readFileSync(path.join(DIR, name), 'utf8');
    for (const m of text.matchAll(/FMCP\d{3}/g)) assert.ok(CATALOGUE.has(m[0]), `${name} cites unknown ${m[0]}`);
  }
});

test('relative links between references point at existing files and headings', () => {
  const idx = loadReferences(DIR);
  for (const name of EXPECTED) {
    const text = fs.readFileSync(path.join(DIR, name), 'utf8');
    for (const m of text.matchAll(/\]\(([\w-]+\.md)(?:#([\w-]+))?\)/g)) {
      assert.ok(idx.files.has(m[1]), `${name} links to missing ${m[1]}`);
      if (m[2]) assert.ok(idx.section(m[1], m[2]), `${name} links to missing anchor ${m[1]}#${m[2]}`);
    }
  }
});

for (const name of EXPECTED) {
  const file = path.join(DIR, name);
  if (!fs.existsSync(file)) continue;
  for (const block of pythonBlocks(fs.readFileSync(file, 'utf8'))) {
    test(`${name}:${block.line} python example parses and lints clean at 3.0`, async () => {
      await initParser();
      const tree = parsePython(block.code);
      try {
        assert.equal(tree.rootNode.hasError, false, 'example does not parse');
      } finally {
        tree.delete();
      }
      const diags = await lintSnippet(block.code, { path: '/project/server.py', targetVersion: '3.0' });
      assert.deepEqual(
        diags.map((d) => `${d.code} line ${d.range.start.line + 1}: ${d.message}`),
        [],
      );
    });
  }
}

test('sections: headings, anchors, lines, bodies; fences are not headings', () => {
  const ref = parseReference('x.md', '# Title\n\nintro\n\n## Session state\n\ntext one\n\n```python\n# not a heading\n```\n\n## Session state\n\nagain\n', null);
  assert.equal(ref.title, 'Title');
  assert.deepEqual(
    ref.sections.map((s) => [s.heading, s.anchor, s.line]),
    [
      ['Title', 'title', 1],
      ['Session state', 'session-state', 5],
      ['Session state', 'session-state-1', 13],
    ],
  );
  assert.match(ref.sections[1].body, /# not a heading/);
  assert.equal(excerpt(ref.sections[1]), 'text one');
  assert.equal(slugify('E17 Lifespan not passed to the ASGI app'), 'e17-lifespan-not-passed-to-the-asgi-app');
  assert.equal(slugify('`fastmcp run`'), 'fastmcp-run');
});

test('loadReferences tolerates a missing directory', () => {
  const idx = loadReferences(path.join(ROOT, 'no-such-dir'));
  assert.equal(idx.files.size, 0);
  assert.equal(idx.section('context-features.md', 'logging'), null);
});
