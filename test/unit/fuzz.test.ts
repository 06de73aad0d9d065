/**
 * Fuzz test (fixed seed, bounded count): every rule, the model, the fixes, hover, "ignore for this line"
 * and incremental reparsing over mutated fixtures and templates. `npm run fuzz` runs the same properties
 * with any seed and count and shrinks failures to a reproducer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FuzzFailure, makeCase, runCase, seedCorpus, setup } from '../fuzz/harness';
import { ROOT, lintSnippet } from '../helpers';
import { applyEdits } from '../../server/src/engine/fix';

const SEED = Number(process.env.FUZZ_SEED ?? 20250101);
const COUNT = Number(process.env.FUZZ_COUNT ?? 3000);

test(`fuzz: ${COUNT} mutated inputs (seed ${SEED}) break no property`, async () => {
  await setup();
  const corpus = seedCorpus();
  assert.ok(corpus.length > 50, 'the fixtures and templates seed the fuzzer');
  const failures: string[] = [];
  const mutations = new Map<string, number>();
  let diagnostics = 0;
  let fixes = 0;
  let hovers = 0;
  for (let i = 0; i < COUNT; i++) {
    const c = makeCase(corpus, SEED, i);
    for (const m of c.mutations) mutations.set(m, (mutations.get(m) ?? 0) + 1);
    try {
      const s = runCase(c);
      diagnostics += s.diagnostics;
      fixes += s.fixes;
      hovers += s.hovers;
    } catch (e) {
      const file = path.join(ROOT, '.tmp', 'fuzz', `ci-${SEED}-${i}.py`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, c.text);
      fs.writeFileSync(file + '.json', JSON.stringify({ seed: SEED, index: i, from: c.seed, mutations: c.mutations, target: c.target, path: c.path }, null, 2));
      const msg = (e instanceof Error ? e.message : String(e)).split('\n').slice(0, 4).join(' | ');
      failures.push(`#${i} ${e instanceof FuzzFailure ? e.property : 'exception'} from ${c.seed} (${c.mutations.join(' + ')}): ${msg}\n    input: ${path.relative(process.cwd(), file)}; shrink with: npm run fuzz -- --seed ${SEED} --count ${i + 1}`);
      if (failures.length >= 10) break;
    }
  }
  assert.deepEqual(failures, []);
  // The run exercised what it claims to: every mutation, and rules that report, fix and hover.
  assert.ok(mutations.size >= 20, `mutations used: ${[...mutations.keys()].join(', ')}`);
  assert.ok(diagnostics > COUNT, `diagnostics: ${diagnostics}`);
  assert.ok(fixes > COUNT / 10, `fixes: ${fixes}`);
  assert.ok(hovers > COUNT / 10, `hovers: ${hovers}`);
});

test('removing an unused suppression keeps a lone \r line break and the lines after it (the fuzzer\'s seed 9393)', async () => {
  // tree-sitter ends a comment at `\n` only: after a lone `\r` it runs on into the next lines.
  const text = 'from fastmcp import FastMCP\rmcp = FastMCP("x")  # noqa: FMCP103\r# noqa: FMCP101\rx = 1\r';
  const unused = (await lintSnippet(text)).filter((d) => d.code === 'FMCP000');
  assert.deepEqual(unused.map((d) => d.range.start.line), [1]);
  assert.equal(applyEdits(text, unused[0].fixes[0].edits), 'from fastmcp import FastMCP\rmcp = FastMCP("x")\r# noqa: FMCP101\rx = 1\r');
  await setup();
  runCase({ seed: 'lone-cr', mutations: [], target: '', path: '/project/server.py', text });
});
