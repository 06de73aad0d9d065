/**
 * `npm run bench`: the linter side by side with its floor (web-tree-sitter parsing the same files) and a
 * peer (Ruff's wasm build), in one run on the same inputs. Writes bench/results/bench-<stamp>.json and
 * .md and prints the table. Ratios between figures of the same run are the targets; absolute times vary
 * with the machine.
 *
 *   node --import tsx bench/run.ts [--corpus DIR] [--runs N] [--edits N] [--no-vsix]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { buildCorpus, pythonFiles, type Corpus } from './corpus';
import { initParser, newParser, editFor, computeLineStarts } from '../server/src/engine/parse';
import { LspClient } from '../test/protocol/lsp-client';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createRuff } = require('./ruff.cjs') as { createRuff: () => { check: (t: string) => unknown[]; version: string } };

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const RESULTS = path.join(ROOT, 'bench', 'results');

// ------------------------------------------------------------------ options

interface Options {
  corpus: string | null;
  runs: number;
  edits: number;
  vsix: boolean;
}
function parseOptions(argv: string[]): Options {
  const o: Options = { corpus: null, runs: 5, edits: 200, vsix: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--corpus') o.corpus = path.resolve(argv[++i]);
    else if (a === '--runs') o.runs = Math.max(1, Number(argv[++i]));
    else if (a === '--edits') o.edits = Math.max(20, Number(argv[++i]));
    else if (a === '--no-vsix') o.vsix = false;
    else throw new Error(`unknown option ${a}`);
  }
  if (o.corpus && !fs.existsSync(o.corpus)) throw new Error(`--corpus: no such directory ${o.corpus}`);
  return o;
}

// ------------------------------------------------------------------ statistics

interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}
function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { n: s.length, median: s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2, p95: q(0.95), min: s[0], max: s[s.length - 1] };
}

/** A small deterministic generator, so every run edits the same places. */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

// ------------------------------------------------------------------ fresh processes

interface ProcRun {
  ms: number;
  rssMb: number | null;
  /** CPU time of the whole process (every thread), from the hook. */
  cpuMs: number | null;
  stdout: string;
  status: number | null;
}
/** Runs node with a hook that reports the process's peak RSS and CPU time on exit. */
function runNode(args: string[], env: NodeJS.ProcessEnv = {}): ProcRun {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', path.join(__dirname, 'rss-hook.cjs'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const m = /BENCH_MAXRSS_KB=(\d+)/.exec(r.stderr ?? '');
  const cpu = /BENCH_CPU_US=(\d+)/.exec(r.stderr ?? '');
  if (r.status === 2 || r.error) throw new Error(`node ${args.join(' ')} failed: ${r.error ?? r.stderr}`);
  return { ms, rssMb: m ? Number(m[1]) / 1024 : null, cpuMs: cpu ? Number(cpu[1]) / 1000 : null, stdout: r.stdout, status: r.status };
}
function repeat(runs: number, fn: () => ProcRun): { time: Stats; rss: Stats | null; cpu: Stats | null; last: ProcRun } {
  fn(); // warm-up: file cache, wasm code cache
  const all: ProcRun[] = [];
  for (let i = 0; i < runs; i++) all.push(fn());
  const rss = all.map((r) => r.rssMb).filter((x): x is number => x !== null);
  const cpu = all.map((r) => r.cpuMs).filter((x): x is number => x !== null);
  return { time: stats(all.map((r) => r.ms)), rss: rss.length ? stats(rss) : null, cpu: cpu.length ? stats(cpu) : null, last: all[all.length - 1] };
}

// ------------------------------------------------------------------ the floor and the peer, in process

interface Edit {
  line: number;
  character: number;
  insert: boolean;
}
/** One-character edits: insert `x` at a random place, then delete it, so the file returns to its text. */
function editScript(text: string, count: number, seed: number): Edit[] {
  const lines = text.split('\n');
  const next = rng(seed);
  const out: Edit[] = [];
  while (out.length < count) {
    const line = Math.floor(next() * lines.length);
    if (!lines[line].trim()) continue;
    const character = Math.floor(next() * (lines[line].length + 1));
    out.push({ line, character, insert: true }, { line, character, insert: false });
  }
  return out;
}
function lspChange(e: Edit) {
  return e.insert
    ? { range: { start: { line: e.line, character: e.character }, end: { line: e.line, character: e.character } }, text: 'x' }
    : { range: { start: { line: e.line, character: e.character }, end: { line: e.line, character: e.character + 1 } }, text: '' };
}

function fullParseFloor(files: string[]): { total: number; perFile: Map<string, Stats> } {
  const parser = newParser();
  const perFile = new Map<string, Stats>();
  let total = 0;
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  for (const t of texts) parser.parse(t)?.delete(); // warm-up
  const rounds = 3;
  const samples = new Map<string, number[]>();
  for (let r = 0; r < rounds; r++) {
    files.forEach((f, i) => {
      const t0 = performance.now();
      const tree = parser.parse(texts[i]);
      const dt = performance.now() - t0;
      tree?.delete();
      total += dt;
      (samples.get(f) ?? samples.set(f, []).get(f)!).push(dt);
    });
  }
  for (const [f, s] of samples) perFile.set(f, stats(s));
  parser.delete();
  return { total: total / rounds, perFile };
}

/** tree.edit + parse(text, oldTree) for each edit of the script: the least any keystroke can cost. */
/** The incremental reparse floor in a warm loop: every edit of the script reparsed one after another. */
function warmFloor(text: string, script: Edit[], warm: number): Stats {
  const floor = incrementalFloor(text);
  const samples: number[] = [];
  script.forEach((e, i) => {
    const dt = floor.step(e);
    if (i >= warm) samples.push(dt);
  });
  floor.done();
  return stats(samples);
}

/**
 * The incremental reparse floor, one edit at a time: `step` applies the next edit to its own tree and returns
 * the time of `tree.edit` + `parse(text, oldTree)`. The keystroke runs call it just before they send the same
 * edit to the server, so the floor and the server are timed under the same load of a noisy machine.
 */
function incrementalFloor(text: string): { step(e: Edit): number; done(): void } {
  const parser = newParser();
  let tree = parser.parse(text)!;
  let lineStarts = computeLineStarts(text);
  return {
    step(e: Edit): number {
      const ch = lspChange(e);
      const t0 = performance.now();
      const edit = editFor(text, lineStarts, ch.range, ch.text);
      const next = text.slice(0, edit.startIndex) + ch.text + text.slice(edit.oldEndIndex);
      tree.edit(edit);
      const nt = parser.parse(next, tree)!;
      const dt = performance.now() - t0;
      tree.delete();
      tree = nt;
      text = next;
      lineStarts = computeLineStarts(text);
      return dt;
    },
    done() {
      tree.delete();
      parser.delete();
    },
  };
}

function ruffPerFile(ruff: { check: (t: string) => unknown[] }, file: string, runs: number): Stats {
  const text = fs.readFileSync(file, 'utf8');
  for (let i = 0; i < 3; i++) ruff.check(text);
  const s: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    ruff.check(text);
    s.push(performance.now() - t0);
  }
  return stats(s);
}

// ------------------------------------------------------------------ the language server

function rssOf(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function startServer(): Promise<LspClient> {
  const c = new LspClient(['--stdio'], [process.execPath, path.join(DIST, 'server.js')]);
  // No workspace/configuration capability: the server takes its settings from initializationOptions.
  await c.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { timing: true, settings: { lint: { debounceMs: 0 } } }, workspaceFolders: null });
  c.notify('initialized', {});
  return c;
}

interface Keystrokes {
  /** The incremental reparse floor of the same edits, each timed just before the server got it. */
  floor: Stats;
  server: Stats;
  reparse: Stats;
  lint: Stats;
  roundTrip: Stats;
  diagnostics: number;
  /** Lints that took the incremental path (only the edited statement linted again), of all timed. */
  incremental: number;
  timed: number;
  /** Server time of the incremental lints and of the whole-file ones, apart. */
  byMode: { incremental: Stats | null; whole: Stats | null };
  /** Lints that parsed only the edited statement (the others reparsed the file), and their server time and the others'. */
  statementOnly: number;
  byParse: { statement: Stats | null; file: Stats | null };
}
async function keystrokes(file: string, script: Edit[], warm: number): Promise<Keystrokes> {
  const c = await startServer();
  const text = fs.readFileSync(file, 'utf8');
  const floorOf = incrementalFloor(text);
  try {
    const uri = pathToFileURL(file).href;
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    const first = await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1, 60000);
    const floor: number[] = [];
    const server: number[] = [];
    const reparse: number[] = [];
    const lint: number[] = [];
    const round: number[] = [];
    let incremental = 0;
    const inc: number[] = [];
    const whole: number[] = [];
    let statementOnly = 0;
    const byStatement: number[] = [];
    const byFile: number[] = [];
    let version = 1;
    for (let i = 0; i < script.length; i++) {
      version++;
      const v = version;
      // The floor of this edit first, while the server waits for it.
      const f = floorOf.step(script[i]);
      const t0 = performance.now();
      const timing = c.waitFor('fastmcp/timing', (p) => p.uri === uri && p.version === v, 60000);
      c.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [lspChange(script[i])] });
      const t = await timing;
      const dt = performance.now() - t0;
      c.log.length = 0; // keep waitFor's scan short
      if (i < warm) continue;
      floor.push(f);
      server.push(t.ms);
      reparse.push(t.reparseMs ?? 0);
      lint.push(t.lintMs ?? t.ms);
      round.push(dt);
      if (t.incremental) incremental++;
      (t.incremental ? inc : whole).push(t.ms);
      if (t.statementOnly) statementOnly++;
      (t.statementOnly ? byStatement : byFile).push(t.ms);
    }
    const byMode = { incremental: inc.length ? stats(inc) : null, whole: whole.length ? stats(whole) : null };
    const byParse = { statement: byStatement.length ? stats(byStatement) : null, file: byFile.length ? stats(byFile) : null };
    return { floor: stats(floor), server: stats(server), reparse: stats(reparse), lint: stats(lint), roundTrip: stats(round), diagnostics: first.diagnostics.length, incremental, timed: server.length, byMode, statementOnly, byParse };
  } finally {
    floorOf.done();
    await c.shutdown();
  }
}

async function serverColdStart(file: string, runs: number): Promise<Stats> {
  const once = async () => {
    const t0 = performance.now();
    const c = await startServer();
    const uri = pathToFileURL(file).href;
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: fs.readFileSync(file, 'utf8') } });
    await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, 30000);
    const dt = performance.now() - t0;
    await c.shutdown();
    return dt;
  };
  await once();
  const s: number[] = [];
  for (let i = 0; i < runs; i++) s.push(await once());
  return stats(s);
}

async function serverMemory(files: string[]): Promise<{ before: number; open: number; after: number; docs: number }> {
  const c = await startServer();
  try {
    const pid = c.proc.pid!;
    const rss = async () => rssOf(pid) ?? ((await c.request('fastmcp/debugInfo', {})) as { memory: { rss: number } }).memory.rss / 1048576;
    // Warm the server (grammar, rules, config) with one document so "before" is the server at rest.
    const warmUri = pathToFileURL(files[0]).href + '?warm';
    c.notify('textDocument/didOpen', { textDocument: { uri: warmUri, languageId: 'python', version: 1, text: fs.readFileSync(files[0], 'utf8') } });
    await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === warmUri, 30000);
    c.notify('textDocument/didClose', { textDocument: { uri: warmUri } });
    await new Promise((r) => setTimeout(r, 300));
    const before = await rss();
    const uris: string[] = [];
    const waits: Promise<unknown>[] = [];
    for (let i = 0; i < 200; i++) {
      const f = files[i % files.length];
      const uri = `${pathToFileURL(f).href}?doc=${i}`;
      uris.push(uri);
      waits.push(c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1, 60000));
      c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: fs.readFileSync(f, 'utf8') } });
    }
    await Promise.all(waits);
    const open = await rss();
    for (const uri of uris) c.notify('textDocument/didClose', { textDocument: { uri } });
    await c.request('fastmcp/debugInfo', {}); // every close handled
    await new Promise((r) => setTimeout(r, 1000));
    const after = await rss();
    return { before, open, after, docs: uris.length };
  } finally {
    await c.shutdown();
  }
}

// ------------------------------------------------------------------ whole corpus

interface CorpusResult {
  name: string;
  files: number;
  lines: number;
  parseInProcessMs: number;
  floor: { time: Stats; rss: Stats | null; cpu: Stats | null };
  cli: { time: Stats; rss: Stats | null; cpu: Stats | null; findings: number };
  /** The CLI on one thread (`FASTMCP_LINT_THREADS=1`): whether the second thread pays. */
  cliOneThread: { time: Stats; rss: Stats | null; cpu: Stats | null };
  ruff: { time: Stats; rss: Stats | null; cpu: Stats | null };
}
function wholeCorpus(name: string, dir: string, runs: number): CorpusResult {
  const files = pythonFiles(dir);
  const lines = files.reduce((n, f) => n + fs.readFileSync(f, 'utf8').split('\n').length, 0);
  const parse = fullParseFloor(files);
  const floor = repeat(runs, () => runNode([path.join(__dirname, 'floor.cjs'), dir]));
  const cli = repeat(runs, () => runNode([path.join(DIST, 'cli.js'), dir, '-q']));
  const cliOneThread = repeat(runs, () => runNode([path.join(DIST, 'cli.js'), dir, '-q'], { FASTMCP_LINT_THREADS: '1' }));
  const ruff = repeat(runs, () => runNode([path.join(__dirname, 'ruff.cjs'), dir]));
  return { name, files: files.length, lines, parseInProcessMs: parse.total, floor, cli: { ...cli, findings: cli.last.stdout.split('\n').filter(Boolean).length }, cliOneThread, ruff };
}

// ------------------------------------------------------------------ vsix

function vsixSize(): number | null {
  const out = path.join(RESULTS, 'fastmcp-vscode.vsix');
  const build = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), ...args], { cwd: ROOT, stdio: 'ignore' });
  try {
    build(['--minify']);
    const vsce = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
    const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', out], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) return null;
    return fs.statSync(out).size;
  } finally {
    build([]); // back to the development build the rest of the project uses
  }
}

// ------------------------------------------------------------------ report

const f1 = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const row = (label: string, s: Stats, unit = 'ms') => `| ${label} | ${f1(s.median)} ${unit} | ${f1(s.p95)} ${unit} | ${f1(s.min)}–${f1(s.max)} ${unit} | ${s.n} |`;

interface Target {
  name: string;
  measured: number;
  limit: number;
  detail: string;
}

async function main() {
  const o = parseOptions(process.argv.slice(2));
  fs.mkdirSync(RESULTS, { recursive: true });
  const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
  await initParser();

  log('building the generated corpus');
  const corpus: Corpus = buildCorpus(path.join(RESULTS, 'corpus'));
  const lines1k = fs.readFileSync(corpus.file1k, 'utf8').split('\n').length;
  const lines14k = fs.readFileSync(corpus.file14k, 'utf8').split('\n').length;

  log('floor: full parse of every file (the incremental reparse is timed beside the keystrokes)');
  const text1k = fs.readFileSync(corpus.file1k, 'utf8');
  const text14k = fs.readFileSync(corpus.file14k, 'utf8');
  const warm = 20;
  const script1k = editScript(text1k, o.edits + warm, 1);
  const script14k = editScript(text14k, o.edits + warm, 2);
  const warm1k = warmFloor(text1k, script1k, warm);
  const warm14k = warmFloor(text14k, script14k, warm);
  const full = fullParseFloor([corpus.file1k, corpus.file14k]);

  log('peer: ruff-wasm check per file');
  const ruff = createRuff();
  const ruff1k = ruffPerFile(ruff, corpus.file1k, 30);
  const ruff14k = ruffPerFile(ruff, corpus.file14k, 10);

  log(`keystrokes through the language server (${o.edits} edits per file)`);
  const ks1k = await keystrokes(corpus.file1k, script1k, warm);
  const ks14k = await keystrokes(corpus.file14k, script14k, warm);
  const inc1k = ks1k.floor;
  const inc14k = ks14k.floor;

  log('whole corpus: floor, fastmcp-lint, ruff-wasm as fresh processes');
  const corpora: CorpusResult[] = [wholeCorpus('generated', corpus.dir, o.runs)];
  if (o.corpus) corpora.push(wholeCorpus(path.basename(o.corpus), o.corpus, o.runs));

  log('cold start');
  const small = corpus.small.find((f) => f.endsWith('basic-server.py')) ?? corpus.small[0];
  const bare = repeat(10, () => runNode([path.join(__dirname, 'floor.cjs'), '--one', small]));
  const cliCold = repeat(10, () => runNode([path.join(DIST, 'cli.js'), small, '-q']));
  const serverCold = await serverColdStart(small, 5);

  log('server memory with 200 documents');
  const mem = await serverMemory(corpus.small);

  let vsix: number | null = null;
  if (o.vsix) {
    log('packaging the .vsix');
    vsix = vsixSize();
  }

  // ---- tables
  const md: string[] = [];
  md.push(`## fastmcp-lint benchmark — ${new Date().toISOString()}`, '');
  md.push(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ruff-wasm ${ruff.version}. Generated corpus: ${corpus.files.length} files; the ~1k file has ${lines1k} lines, the ~14k file ${lines14k}.`, '');
  md.push('| measure | median | p95 | min–max | n |', '|---|---|---|---|---|');
  md.push(row(`floor: full parse, ~1k file`, full.perFile.get(corpus.file1k)!));
  md.push(row(`floor: full parse, ~14k file`, full.perFile.get(corpus.file14k)!));
  md.push(row(`floor: incremental reparse (1 char), ~1k file, beside each keystroke`, inc1k));
  md.push(row(`floor: incremental reparse (1 char), ~14k file, beside each keystroke`, inc14k));
  md.push(row(`floor: incremental reparse (1 char), ~1k file, warm loop`, warm1k));
  md.push(row(`floor: incremental reparse (1 char), ~14k file, warm loop`, warm14k));
  md.push(`| keystroke p50 / warm-loop reparse floor, ~1k and ~14k | ${(ks1k.server.median / warm1k.median).toFixed(2)} and ${(ks14k.server.median / warm14k.median).toFixed(2)} | | | |`);
  for (const [label, ks] of [['~1k', ks1k], ['~14k', ks14k]] as const) {
    md.push(row(`keystroke, ${label} file: server (reparse + lint)`, ks.server));
    md.push(row(`  of which applying the change on didChange, ${label}`, ks.reparse));
    md.push(row(`  of which parse and lint, ${label}`, ks.lint));
    md.push(`|   parsed only the edited statement (no reparse of the file), ${label} | ${ks.statementOnly} of ${ks.timed} edits | | | |`);
    if (ks.byParse.statement) md.push(row(`  server time of those, ${label}`, ks.byParse.statement));
    if (ks.byParse.file) md.push(row(`  server time of the lints that reparsed the file, ${label}`, ks.byParse.file));
    md.push(`|   linted incrementally (edited statement only), ${label} | ${ks.incremental} of ${ks.timed} edits | | | |`);
    if (ks.byMode.incremental) md.push(row(`  server time of those incremental lints, ${label}`, ks.byMode.incremental));
    if (ks.byMode.whole) md.push(row(`  server time of the whole-file lints, ${label}`, ks.byMode.whole));
    md.push(row(`keystroke, ${label} file: client round trip (debounce 0)`, ks.roundTrip));
  }
  md.push(row('ruff-wasm check, ~1k file', ruff1k));
  md.push(row('ruff-wasm check, ~14k file', ruff14k));
  for (const c of corpora) {
    md.push(`| **${c.name} corpus** (${c.files} files, ${c.lines} lines): in-process parse of every file | ${f1(c.parseInProcessMs)} ms | | | |`);
    md.push(row(`  ${c.name}: read-and-parse floor, fresh process`, c.floor.time));
    if (c.floor.cpu) md.push(row(`  ${c.name}: read-and-parse floor, CPU time`, c.floor.cpu));
    md.push(row(`  ${c.name}: fastmcp-lint, fresh process (${c.cli.findings} findings)`, c.cli.time));
    if (c.cli.cpu) md.push(row(`  ${c.name}: fastmcp-lint, CPU time (every thread)`, c.cli.cpu));
    if (c.cli.rss) md.push(row(`  ${c.name}: fastmcp-lint peak RSS`, c.cli.rss, 'MB'));
    md.push(row(`  ${c.name}: fastmcp-lint on one thread, fresh process`, c.cliOneThread.time));
    if (c.cliOneThread.cpu) md.push(row(`  ${c.name}: fastmcp-lint on one thread, CPU time`, c.cliOneThread.cpu));
    if (c.cliOneThread.rss) md.push(row(`  ${c.name}: fastmcp-lint on one thread, peak RSS`, c.cliOneThread.rss, 'MB'));
    md.push(row(`  ${c.name}: ruff-wasm, fresh process`, c.ruff.time));
    if (c.ruff.rss) md.push(row(`  ${c.name}: ruff-wasm peak RSS`, c.ruff.rss, 'MB'));
  }
  md.push(row('cold start: bare process, load grammar + parse one small file', bare.time));
  md.push(row('cold start: fastmcp-lint on one small file', cliCold.time));
  md.push(row('cold start: server spawn to first publishDiagnostics', serverCold));
  md.push(`| server RSS: at rest / 200 documents open / all closed | ${f1(mem.before)} / ${f1(mem.open)} / ${f1(mem.after)} MB | | | 1 |`);
  md.push(`| .vsix size | ${vsix === null ? 'not built' : `${(vsix / 1024).toFixed(0)} KiB`} | | | 1 |`);

  const targets: Target[] = [
    { name: 'keystroke ~1k p50 / incremental reparse floor', measured: ks1k.server.median / inc1k.median, limit: 4, detail: `${f1(ks1k.server.median)} / ${f1(inc1k.median)} ms` },
    { name: 'keystroke ~1k p50 / ruff-wasm check', measured: ks1k.server.median / ruff1k.median, limit: 0.5, detail: `${f1(ks1k.server.median)} / ${f1(ruff1k.median)} ms` },
    { name: 'keystroke ~14k p50 / incremental reparse floor', measured: ks14k.server.median / inc14k.median, limit: 4, detail: `${f1(ks14k.server.median)} / ${f1(inc14k.median)} ms` },
    { name: 'keystroke ~14k p50 / ruff-wasm check', measured: ks14k.server.median / ruff14k.median, limit: 0.2, detail: `${f1(ks14k.server.median)} / ${f1(ruff14k.median)} ms` },
  ];
  for (const c of corpora) {
    targets.push({ name: `${c.name} corpus: CLI wall / read-and-parse floor`, measured: c.cli.time.median / c.floor.time.median, limit: 1.5, detail: `${f1(c.cli.time.median)} / ${f1(c.floor.time.median)} ms` });
    targets.push({ name: `${c.name} corpus (stretch): CLI wall / ruff-wasm wall`, measured: c.cli.time.median / c.ruff.time.median, limit: 1, detail: `${f1(c.cli.time.median)} / ${f1(c.ruff.time.median)} ms` });
    if (c.cli.rss) targets.push({ name: `${c.name} corpus: CLI peak RSS (MB)`, measured: c.cli.rss.max, limit: 150, detail: `max of ${c.cli.rss.n} runs` });
  }
  targets.push({ name: 'cold start: CLI / bare grammar+parse process', measured: cliCold.time.median / bare.time.median, limit: 1.5, detail: `${f1(cliCold.time.median)} / ${f1(bare.time.median)} ms` });
  targets.push({ name: 'cold start: server to first diagnostics / bare process', measured: serverCold.median / bare.time.median, limit: 1.5, detail: `${f1(serverCold.median)} / ${f1(bare.time.median)} ms` });
  targets.push({ name: 'server RSS after closing 200 docs / at rest', measured: mem.after / mem.before, limit: 1.1, detail: `${f1(mem.after)} / ${f1(mem.before)} MB` });

  md.push('', '| target | measured | limit | detail | |', '|---|---|---|---|---|');
  for (const t of targets) md.push(`| ${t.name} | ${t.measured.toFixed(2)} | ≤ ${t.limit} | ${t.detail} | ${t.measured <= t.limit ? 'pass' : 'FAIL'} |`);
  const table = md.join('\n') + '\n';

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const json = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, ruff: ruff.version, lines1k, lines14k, floor: { full: Object.fromEntries(full.perFile), inc1k, inc14k, warm1k, warm14k }, keystrokes: { '1k': ks1k, '14k': ks14k }, ruff1k, ruff14k, corpora, coldStart: { bare: bare.time, cli: cliCold.time, server: serverCold }, memory: mem, vsixBytes: vsix, targets };
  fs.writeFileSync(path.join(RESULTS, `bench-${stamp}.json`), JSON.stringify(json, null, 2));
  fs.writeFileSync(path.join(RESULTS, `bench-${stamp}.md`), table);
  fs.writeFileSync(path.join(RESULTS, 'latest.md'), table);
  process.stdout.write(table);
  log(`wrote bench/results/bench-${stamp}.{json,md}`);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : e}\n`);
  process.exitCode = 1;
});
