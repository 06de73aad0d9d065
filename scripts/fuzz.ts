/**
 * `npm run fuzz -- [--seed N] [--count N] [--stop-on-first]`: the CI fuzz test's properties over any number
 * of mutated inputs. Each failure is shrunk and written to .tmp/fuzz/ with the command that replays it;
 * `--replay FILE` runs one reproducer again. Exit 1 when any input fails.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FuzzFailure, makeCase, minimize, runCase, seedCorpus, setup, type Case } from '../test/fuzz/harness';

const ROOT = path.resolve(__dirname, '..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  await setup();
  const replay = arg('--replay');
  if (replay) {
    const meta = fs.existsSync(replay + '.json') ? (JSON.parse(fs.readFileSync(replay + '.json', 'utf8')) as Partial<Case>) : {};
    const c: Case = { seed: replay, mutations: [], target: meta.target ?? '', path: meta.path ?? '/project/server.py', text: fs.readFileSync(replay, 'utf8') };
    try {
      runCase(c);
      console.log(`${replay}: passes`);
      return 0;
    } catch (e) {
      console.log(`${replay}: ${e instanceof Error ? e.message : e}`);
      return 1;
    }
  }
  const seed = Number(arg('--seed') ?? Date.now() % 1_000_000);
  const count = Number(arg('--count') ?? 20_000);
  const stopOnFirst = process.argv.includes('--stop-on-first');
  const corpus = seedCorpus();
  const outDir = path.join(ROOT, '.tmp', 'fuzz');
  const seen = new Set<string>();
  let failures = 0;
  const started = Date.now();
  console.log(`fuzz: seed ${seed}, ${count} inputs from ${corpus.length} seed files`);
  for (let i = 0; i < count; i++) {
    const c = makeCase(corpus, seed, i);
    try {
      runCase(c);
    } catch (e) {
      const property = e instanceof FuzzFailure ? e.property : 'exception';
      const message = (e instanceof Error ? e.message : String(e)).split('\n')[0];
      const key = `${property}|${message.replace(/\d+/g, 'N')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      failures++;
      const small = minimize(c, property);
      fs.mkdirSync(outDir, { recursive: true });
      const file = path.join(outDir, `repro-${seed}-${i}.py`);
      fs.writeFileSync(file, small.text);
      fs.writeFileSync(file + '.json', JSON.stringify({ seed, index: i, from: c.seed, mutations: c.mutations, target: c.target, path: c.path, property, message }, null, 2));
      console.log(`\nFAIL #${i} (${property}) from ${c.seed} after ${c.mutations.join(' + ')}, target ${c.target || 'unknown'}, path ${c.path}`);
      console.log(`  ${message}`);
      console.log(`  reproducer (${small.text.length} chars): ${path.relative(process.cwd(), file)}`);
      console.log(`  replay: npx tsx scripts/fuzz.ts --replay ${path.relative(process.cwd(), file)}`);
      if (stopOnFirst) break;
    }
    if ((i + 1) % 1000 === 0) console.log(`  ${i + 1} inputs, ${failures} distinct failures, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(`fuzz: ${count} inputs in ${((Date.now() - started) / 1000).toFixed(1)} s, ${failures} distinct failure${failures === 1 ? '' : 's'}`);
  return failures ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(e);
    process.exitCode = 2;
  },
);
