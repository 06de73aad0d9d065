/**
 * fastmcp-lint: the same engine as the language server, for the terminal and CI.
 * Exit codes: 0 clean, 1 findings at error severity (or over --max-warnings), 2 usage or internal error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import * as v8 from 'node:v8';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  initParser,
  lintModel,
  computeLineStarts,
  lintText,
  parsePython,
  applyFixes,
  enabledCodes,
  CachedDiskView,
  ALL_CODES,
  ALL_RULES,
  RULES_BY_CODE,
  type Diagnostic,
  type LintSettings,
  type ResolvedConfig,
} from './engine';
import { globMatch } from './engine/glob';
import { modelOrSkip } from './engine/lint';
import { skipReason, treeSkipReason, DEFAULT_MAX_FILE_BYTES } from './engine/limits';
import { looksLikeFastmcp } from './engine/readiness/workspace';
import { pythonFactsOf, type PythonFacts } from './engine/readiness/python-facts';
import type { FactsCache } from './readiness-cli';
import { ruleDocUrl } from './engine/docs-link';
import { configByDirectory, isValidSelector } from './engine/config/settings';

const VERSION = '0.1.0';
const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

export class UsageError extends Error {}

interface Options {
  paths: string[];
  format: Format;
  fix: boolean;
  select?: string[];
  extendSelect?: string[];
  ignore?: string[];
  targetVersion?: string;
  showSettings: boolean;
  statistics: boolean;
  maxWarnings: number | null;
  maxFileSize: number;
  quiet: boolean;
}

const HELP = `fastmcp-lint ${VERSION} — find FastMCP mistakes in Python MCP servers

Usage:
  fastmcp-lint [paths...] [options]      lint files and directories (default: .)
  fastmcp-lint server --stdio            run the language server for any LSP editor
  fastmcp-lint rules                     list every rule
  fastmcp-lint readiness [dir]           FastMCP Cloud readiness report (see readiness --help)

Options:
  --format text|json|sarif|github   output format (default text)
  --fix                             apply safe fixes in place
  --select CODES                    only these rules (comma-separated codes or prefixes: FMCP2,FMCP301)
  --extend-select CODES             add rules to the selection
  --ignore CODES                    turn rules off
  --target-version VERSION          FastMCP version to check against (e.g. 2.13, 3.0)
  --show-settings                   print the resolved settings for the first path and exit
  --statistics                      print counts per rule instead of each finding
  --max-warnings N                  exit 1 when more than N warnings are found
  --max-file-size BYTES             skip larger files (default ${DEFAULT_MAX_FILE_BYTES})
  -q, --quiet                       print findings only, no summary
  -h, --help                        show this help
  --version                         print the version

Exit status: 0 no errors, 1 errors found (or warnings over --max-warnings), 2 usage or internal error.`;

export function parseArgs(argv: string[]): Options {
  const o: Options = { paths: [], format: 'text', fix: false, showSettings: false, statistics: false, maxWarnings: null, maxFileSize: DEFAULT_MAX_FILE_BYTES, quiet: false };
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || (v.startsWith('--') && v.length > 2)) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  const codes = (v: string, flag: string) => {
    const list = v.split(',').map((s) => s.trim()).filter(Boolean);
    for (const c of list) if (!isValidSelector(c, ALL_CODES)) throw new UsageError(`${flag}: unknown rule code ${c}`);
    return list.map((c) => c.toUpperCase());
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let inline: string | undefined;
    if (a.startsWith('--') && a.includes('=')) {
      inline = a.slice(a.indexOf('=') + 1);
      a = a.slice(0, a.indexOf('='));
      argv = [...argv.slice(0, i), a, inline, ...argv.slice(i + 1)];
    }
    switch (a) {
      case '--format': {
        const v = value(i++, a);
        if (!(FORMATS as readonly string[]).includes(v)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got ${v})`);
        o.format = v as Format;
        break;
      }
      case '--fix':
        o.fix = true;
        break;
      case '--select':
        o.select = codes(value(i++, a), a);
        break;
      case '--extend-select':
        o.extendSelect = codes(value(i++, a), a);
        break;
      case '--ignore':
        o.ignore = codes(value(i++, a), a);
        break;
      case '--target-version': {
        const v = value(i++, a);
        if (!/^\d+(\.\d+){0,2}$/.test(v)) throw new UsageError(`--target-version must look like 2.13 or 3.0 (got ${v})`);
        o.targetVersion = v;
        break;
      }
      case '--show-settings':
        o.showSettings = true;
        break;
      case '--statistics':
        o.statistics = true;
        break;
      case '--max-warnings': {
        const v = value(i++, a);
        if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings needs a whole number (got ${v})`);
        o.maxWarnings = Number(v);
        break;
      }
      case '--max-file-size': {
        const v = value(i++, a);
        if (!/^\d+$/.test(v)) throw new UsageError(`--max-file-size needs a number of bytes (got ${v})`);
        o.maxFileSize = Number(v);
        break;
      }
      case '-q':
      case '--quiet':
        o.quiet = true;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a} (see --help)`);
        o.paths.push(a);
    }
  }
  if (!o.paths.length) o.paths.push('.');
  return o;
}

const DEFAULT_EXCLUDES = new Set(['.git', '.hg', '.svn', '.venv', 'venv', '.tox', '.nox', '.mypy_cache', '.ruff_cache', '.pytest_cache', '__pycache__', '__pypackages__', 'node_modules', 'site-packages', 'build', 'dist', '.eggs', '.direnv', '_build', 'buck-out']);

interface FileEntry {
  abs: string;
  display: string;
  explicit: boolean;
}

export function collectFiles(paths: string[], excludesFor: (abs: string) => { baseDir: string; exclude: string[] }): FileEntry[] {
  const out: FileEntry[] = [];
  const seen = new Set<string>();
  const excluded = (abs: string) => {
    const { baseDir, exclude } = excludesFor(abs);
    if (!exclude.length) return false;
    const rel = path.relative(baseDir, abs).split(path.sep).join('/');
    return !rel.startsWith('..') && exclude.some((g) => globMatch(g, rel));
  };
  const walk = (dir: string, display: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      const disp = display === '.' ? e.name : path.join(display, e.name);
      if (e.isDirectory()) {
        if (DEFAULT_EXCLUDES.has(e.name) || e.name.endsWith('.egg-info') || excluded(abs)) continue;
        walk(abs, disp);
      } else if (e.isFile() && (e.name.endsWith('.py') || e.name.endsWith('.pyi')) && !seen.has(abs) && !excluded(abs)) {
        seen.add(abs);
        out.push({ abs, display: disp, explicit: false });
      }
    }
  };
  for (const p of paths) {
    const abs = path.resolve(p);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      throw new UsageError(`path not found: ${p}`);
    }
    if (st.isDirectory()) walk(abs, p);
    else if (!seen.has(abs)) {
      seen.add(abs);
      out.push({ abs, display: p, explicit: true });
    }
  }
  return out;
}

interface FileResult {
  file: FileEntry;
  diagnostics: Diagnostic[];
  fixedCount: number;
}

function readText(abs: string): { text: string; bom: boolean } | { error: string } {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? 'error'})` };
  }
  try {
    let text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
    const bom = text.charCodeAt(0) === 0xfeff;
    if (bom) text = text.slice(1);
    return { text, bom };
  } catch {
    return { error: 'not valid UTF-8' };
  }
}

/**
 * Writes through a temporary file in the same directory and renames it over the original, so a crash
 * or a full disk never leaves a half-written file. A symbolic link is not followed: renaming over it
 * would replace the link, and writing through it would touch a file outside the paths given.
 */
function writeAtomic(abs: string, text: string) {
  const st = fs.lstatSync(abs);
  if (st.isSymbolicLink()) throw Object.assign(new Error('is a symbolic link; not fixed'), { code: 'symbolic link, not fixed' });
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.fastmcp-lint-${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, text, { mode: st.mode, flag: 'wx' });
    fs.renameSync(tmp, abs);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

function fixText(text: string, diags: Diagnostic[], relint: (t: string) => Diagnostic[]): { text: string; count: number } {
  let current = text;
  let count = 0;
  let d = diags;
  for (let pass = 0; pass < 10; pass++) {
    const safe = d.flatMap((x) => x.fixes.filter((f) => f.safety === 'safe').slice(0, 1));
    if (!safe.length) break;
    const { text: next, applied } = applyFixes(current, safe);
    if (next === current) break;
    const tree = parsePython(next);
    const broken = tree.rootNode.hasError;
    tree.delete();
    if (broken) break; // never write a file we could not parse back
    current = next;
    count += applied;
    d = relint(current);
  }
  return { text: current, count };
}

/** What linting one file produced: the same whichever thread linted it. */
interface FileOutcome {
  /** null when the file was not linted (unreadable, too large, nested too deeply, an internal error). */
  diagnostics: Diagnostic[] | null;
  fixedCount: number;
  /** Lines for stderr, printed in file order once every file is done. */
  messages: string[];
  hardError: boolean;
  /** The Python facts of a file the project checks will read, taken from the tree just linted. */
  facts?: { text: string; facts: PythonFacts };
}

/** Parse once, lint, and take the project checks' facts from the same tree and model. */
function lintOnce(text: string, abs: string, config: ResolvedConfig, wantFacts: boolean): { diagnostics: Diagnostic[]; skipped?: string; facts?: PythonFacts } {
  const tree = parsePython(text);
  try {
    // Only an import of fastmcp or mcp.server.fastmcp gives a file a flavor, and a file without one has no
    // findings: such a file is parsed (the depth limit still applies) but never modelled.
    if (!text.includes('fastmcp')) {
      const skipped = treeSkipReason(tree);
      return skipped ? { diagnostics: [], skipped } : { diagnostics: [] };
    }
    const m = modelOrSkip(tree, text);
    if (m.skipped !== undefined) return { diagnostics: [], skipped: m.skipped };
    const model = m.model;
    const lineStarts = computeLineStarts(text);
    const { diagnostics } = lintModel(model, { path: abs, config }, lineStarts);
    let facts: PythonFacts | undefined;
    if (wantFacts && looksLikeFastmcp(text)) {
      try {
        facts = pythonFactsOf(tree, text, model, lineStarts);
      } catch {
        /* the project checks read the file themselves and meet the same problem there */
      }
    }
    return { diagnostics, facts };
  } finally {
    tree.delete();
  }
}

function lintFile(file: FileEntry, opts: Options, config: ResolvedConfig, wantFacts: boolean): FileOutcome {
  const o: FileOutcome = { diagnostics: null, fixedCount: 0, messages: [], hardError: false };
  const read = readText(file.abs);
  if ('error' in read) {
    o.messages.push(`${file.display}: skipped: ${read.error}\n`);
    if (file.explicit) o.hardError = true;
    return o;
  }
  const skip = skipReason(read.text, opts.maxFileSize);
  if (skip) {
    o.messages.push(`${file.display}: ${skip}\n`);
    return o;
  }
  let deepSkip: string | undefined;
  const lint = (t: string) => {
    const r = lintText(t, { path: file.abs, config });
    deepSkip = r.skipped;
    return r.diagnostics;
  };
  let diagnostics: Diagnostic[];
  let facts: PythonFacts | undefined;
  try {
    // The project checks read the file with its byte order mark; facts of the text without it would not match.
    ({ diagnostics, skipped: deepSkip, facts } = lintOnce(read.text, file.abs, config, wantFacts && !read.bom));
  } catch (e) {
    // One file the engine chokes on must not hide the results for the others.
    o.messages.push(`${file.display}: internal error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
    o.hardError = true;
    return o;
  }
  if (deepSkip) {
    o.messages.push(`${file.display}: ${deepSkip}\n`);
    return o;
  }
  if (opts.fix && diagnostics.some((d) => d.fixes.some((f) => f.safety === 'safe'))) {
    const fixed = fixText(read.text, diagnostics, lint);
    if (fixed.count > 0 && fixed.text !== read.text) {
      facts = undefined; // the file on disk changes
      try {
        writeAtomic(file.abs, read.bom ? '\ufeff' + fixed.text : fixed.text);
        o.fixedCount = fixed.count;
        diagnostics = lint(fixed.text);
      } catch (e) {
        o.messages.push(`${file.display}: could not write fixes (${(e as NodeJS.ErrnoException).code ?? 'error'})\n`);
        o.hardError = true;
      }
    }
  }
  o.diagnostics = diagnostics;
  if (facts) o.facts = { text: read.text, facts };
  return o;
}

/** The settings of each file, resolved once per directory (the lint and the project checks' plan share them). */
function settingsResolver(cli: LintSettings): (abs: string) => ResolvedConfig {
  return configByDirectory({ view: new CachedDiskView(), codes: ALL_CODES, editor: cli, preference: 'editorFirst' });
}

/** The settings of each file, resolved once per directory, and checked: a configuration problem stops the run. */
function configResolver(cli: LintSettings, configOf = settingsResolver(cli)): (abs: string) => ResolvedConfig {
  return (abs: string) => {
    const c = configOf(abs);
    if (c.problems.length) {
      const p = c.problems[0];
      throw new UsageError(`${path.relative(process.cwd(), p.file) || p.file}:${p.line + 1}: ${p.message}${c.problems.length > 1 ? ` (and ${c.problems.length - 1} more)` : ''}`);
    }
    return c;
  };
}

/** The bundle that runs the CLI, when it may start worker threads from it (set by runCli). */
let workerScript: string | null = null;
/** Below this many files a second thread costs more to start than it saves. */
const PARALLEL_MIN_FILES = 24;

interface WorkerJob {
  fastmcpLintWorker: true;
  files: FileEntry[];
  opts: Options;
  cli: LintSettings;
  wanted: string[];
  next: SharedArrayBuffer;
  /** The order the threads take the files in (indices into `files`). */
  order: number[];
}

/**
 * Lints every file: on worker threads (one per core, two at most) when there are enough files and cores, else
 * on this thread. Each worker takes the next file from a shared counter, so a large file does not hold up the
 * rest. The outcomes come back in file order whichever thread made them.
 */
async function lintFiles(files: FileEntry[], opts: Options, cli: LintSettings, wanted: Set<string>, configFor: (abs: string) => ResolvedConfig): Promise<FileOutcome[]> {
  const outcomes: Array<FileOutcome | undefined> = new Array(files.length);
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const threads = workerScript && files.length >= PARALLEL_MIN_FILES && process.env.FASTMCP_LINT_THREADS !== '1' ? Math.min(cores, 2) - 1 : 0;
  const order = threads ? largestFirst(files) : files.map((_, i) => i);
  const running: Array<Promise<void>> = [];
  // Workers started from here on can run a full collection between files (`HeapKeeper`); this thread only
  // hands out the files and gathers the outcomes.
  if (threads) v8.setFlagsFromString('--expose-gc');
  for (let t = 0; t < threads; t++) {
    const job: WorkerJob = { fastmcpLintWorker: true, files, opts, cli, wanted: [...wanted], next, order };
    // A young generation of 8 MB rather than V8's default (up to 48 MB): the worker's peak RSS is lower by about
    // that much, at no measured cost in time (`HeapKeeper` collects what outlives it).
    const w = new Worker(workerScript!, { workerData: job, stdout: false, stderr: false, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    w.on('message', (m: { index: number; outcome: FileOutcome }) => (outcomes[m.index] = m.outcome));
    // A worker that fails leaves its files without outcomes; this thread lints them below.
    running.push(new Promise((resolve) => w.once('exit', () => resolve()).once('error', () => undefined)));
  }
  // With a worker, this thread takes the smallest files (from the end of the order) and the worker the largest:
  // a small file's syntax tree dies young, while a large one's outlives the young generation, and only the
  // worker can run a full collection between files (`HeapKeeper`).
  forEachClaimed(counter, order, (i) => (outcomes[i] = lintFile(files[i], opts, configFor(files[i].abs), wanted.has(files[i].abs))), threads > 0);
  await Promise.all(running);
  return outcomes.map((o, i) => o ?? lintFile(files[i], opts, configFor(files[i].abs), wanted.has(files[i].abs)));
}

async function runLintWorker(job: WorkerJob): Promise<void> {
  await initParser();
  const configFor = configResolver(job.cli);
  const wanted = new Set(job.wanted);
  forEachClaimed(new Int32Array(job.next), job.order, (i) => {
    const f = job.files[i];
    parentPort!.postMessage({ index: i, outcome: lintFile(f, job.opts, configFor(f.abs), wanted.has(f.abs)) });
  });
}

/**
 * Runs `fn` for each file index this thread claims, until none are left. The counter the threads share counts
 * the files claimed; one thread takes them from the start of `order`, the other (`fromEnd`) from its end, so
 * the two never take the same file.
 */
function forEachClaimed(counter: Int32Array, order: number[], fn: (i: number) => void, fromEnd = false): void {
  const heap = new HeapKeeper();
  for (let taken = 0; Atomics.add(counter, 0, 1) < order.length; taken++) {
    fn(order[fromEnd ? order.length - 1 - taken : taken]);
    heap.afterFile();
  }
}

/**
 * Keeps a thread's heap near what it holds. Each file's syntax tree is copied into many small objects
 * (`engine/syntax.ts`) that die when the file is done, but they outlive the young generation and V8 lets the
 * old one grow far before it collects: on the real-world corpus, two threads peaked at 350-420 MB, against
 * about 300 MB before the copy. Once the heap holds HEAP_SLACK more than after the last full collection, the
 * worker runs one (a few milliseconds); with the small files left to this thread, the two peaked at 260-300 MB.
 * (32 MB measured best of 32, 48 and 64.)
 */
class HeapKeeper {
  /** A worker started after `--expose-gc` was set has V8's collection as a global; other threads do not. */
  private readonly collect = (globalThis as { gc?: () => void }).gc;
  private floor = v8.getHeapStatistics().used_heap_size;

  afterFile(): void {
    if (!this.collect || v8.getHeapStatistics().used_heap_size - this.floor < HEAP_SLACK) return;
    this.collect();
    this.floor = v8.getHeapStatistics().used_heap_size;
  }
}

const HEAP_SLACK = 32 * 1024 * 1024;
const WORKER_YOUNG_MB = 8;

/**
 * The files' indices, largest file first: a large file taken last would leave the other thread idle while
 * it is linted (one 600 KB file takes as long as a hundred small ones).
 */
function largestFirst(files: FileEntry[]): number[] {
  const size = files.map((f) => {
    try {
      return fs.statSync(f.abs).size;
    } catch {
      return 0;
    }
  });
  return files.map((_, i) => i).sort((a, b) => size[b] - size[a] || a - b);
}

const LEVEL: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  if (argv[0] === 'server') {
    if (!argv.includes('--stdio') && !argv.some((a) => a.startsWith('--node-ipc') || a.startsWith('--socket') || a.startsWith('--pipe'))) throw new UsageError('server needs a transport: --stdio');
    const { runServerProcess } = await import('./server');
    runServerProcess();
    return -1; // keep running
  }
  if (argv[0] === 'readiness') return (await import('./readiness-cli')).readinessMain(argv.slice(1), out);
  if (argv.includes('-h') || argv.includes('--help')) {
    out(HELP + '\n');
    return 0;
  }
  if (argv.includes('--version')) {
    out(`fastmcp-lint ${VERSION}\n`);
    return 0;
  }
  if (argv[0] === 'rules') {
    for (const r of ALL_RULES) out(`${r.meta.code}  ${r.meta.name.padEnd(34)} ${r.meta.severity.padEnd(8)} ${r.meta.title}\n`);
    return 0;
  }
  const opts = parseArgs(argv);
  await initParser();
  const cli: LintSettings = {};
  if (opts.select) cli.select = opts.select;
  if (opts.extendSelect) cli.extendSelect = opts.extendSelect;
  if (opts.ignore) cli.ignore = opts.ignore;
  if (opts.targetVersion) cli.targetVersion = opts.targetVersion;
  const settingsOf = settingsResolver(cli);
  const configFor = configResolver(cli, settingsOf);

  if (opts.showSettings) {
    const first = path.resolve(opts.paths[0]);
    const probe = fs.existsSync(first) && fs.statSync(first).isDirectory() ? path.join(first, '__probe__.py') : first;
    const c = configFor(probe);
    const enabled = [...enabledCodes(c, probe)];
    out(
      JSON.stringify(
        {
          path: opts.paths[0],
          configFile: c.configFile,
          targetVersion: c.target.version,
          targetVersionSource: c.target.source,
          settings: c.settings,
          enabledRules: enabled,
          disabledRules: ALL_CODES.filter((x) => !enabled.includes(x)),
        },
        null,
        2,
      ) + '\n',
    );
    return 0;
  }

  const files = collectFiles(opts.paths, (abs) => {
    const c = configFor(abs.endsWith('.py') || abs.endsWith('.pyi') ? abs : path.join(abs, '__probe__.py'));
    return { baseDir: c.baseDir, exclude: c.settings.exclude ?? [] };
  });
  // The project checks' roots first: the lint pass then keeps the Python facts those checks read from
  // the trees it parses anyway, instead of the checks parsing the files again.
  const readiness = await import('./readiness-cli');
  const plan = readiness.planWorkspace(opts.paths, cli, settingsOf);
  const wanted = readiness.factsWanted(plan);
  const outcomes = await lintFiles(files, opts, cli, wanted, configFor);
  const results: FileResult[] = [];
  const facts: FactsCache = new Map();
  let hardError = false;
  for (let i = 0; i < files.length; i++) {
    const o = outcomes[i];
    for (const m of o.messages) err(m);
    if (o.hardError) hardError = true;
    if (o.facts) facts.set(files[i].abs, o.facts);
    if (o.diagnostics) results.push({ file: files[i], diagnostics: o.diagnostics, fixedCount: o.fixedCount });
  }

  // FMCP7xx project checks for each project root under the directories given, on the files concerned.
  for (const w of readiness.workspaceDiagnostics(plan, cli, facts)) {
    const hit = results.find((r) => r.file.abs === w.abs);
    if (hit) hit.diagnostics = [...hit.diagnostics, ...w.diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    else results.push({ file: { abs: w.abs, display: w.display, explicit: false }, diagnostics: w.diagnostics, fixedCount: 0 });
  }
  const all = results.flatMap((r) => r.diagnostics.map((d) => ({ r, d })));
  const errors = all.filter((x) => x.d.severity === 'error').length;
  const warnings = all.filter((x) => x.d.severity === 'warning').length;
  const fixable = all.filter((x) => x.d.fixes.some((f) => f.safety === 'safe')).length;
  const fixed = results.reduce((n, r) => n + r.fixedCount, 0);

  if (opts.statistics) {
    const counts = new Map<string, { n: number; fixable: number }>();
    for (const { d } of all) {
      const c = counts.get(d.code) ?? { n: 0, fixable: 0 };
      c.n++;
      if (d.fixes.some((f) => f.safety === 'safe')) c.fixable++;
      counts.set(d.code, c);
    }
    const rows = [...counts].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]));
    if (opts.format === 'json') out(JSON.stringify(rows.map(([code, c]) => ({ code, name: RULES_BY_CODE.get(code)?.meta.name ?? '', count: c.n, fixable: c.fixable })), null, 2) + '\n');
    else for (const [code, c] of rows) out(`${String(c.n).padStart(5)}  ${code}  ${(RULES_BY_CODE.get(code)?.meta.name ?? '').padEnd(34)} ${c.fixable ? `[${c.fixable} fixable]` : ''}\n`);
  } else if (opts.format === 'json') {
    out(
      JSON.stringify(
        all.map(({ r, d }) => ({
          path: r.file.display,
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
          code: d.code,
          severity: d.severity,
          message: d.message,
          fixable: d.fixes.length > 0,
        })),
        null,
        2,
      ) + '\n',
    );
  } else if (opts.format === 'sarif') {
    out(JSON.stringify(toSarif(all.map((x) => ({ path: x.r.file.display, d: x.d }))), null, 2) + '\n');
  } else if (opts.format === 'github') {
    for (const { r, d } of all) {
      const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      out(`::${level} title=${d.code},file=${ghEscapeProp(r.file.display)},line=${d.range.start.line + 1},col=${d.range.start.character + 1},endLine=${d.range.end.line + 1},endColumn=${d.range.end.character + 1}::${ghEscape(`${d.code} ${d.message}`)}\n`);
    }
  } else {
    const isTty = process.stdout.isTTY && !process.env.NO_COLOR;
    const c = (code: string, s: string) => (isTty ? `\x1b[${code}m${s}\x1b[0m` : s);
    const sevColor: Record<string, string> = { error: '31', warning: '33', info: '36', hint: '2' };
    for (const { r, d } of all) {
      out(`${c('1', r.file.display)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${c(sevColor[d.severity], d.code)} ${d.message}${d.fixes.some((f) => f.safety === 'safe') ? c('2', ' [*]') : ''}\n`);
    }
    if (!opts.quiet) {
      if (all.length === 0) out(fixed ? `Fixed ${fixed} problem${fixed === 1 ? '' : 's'}; no problems left in ${results.length} file${results.length === 1 ? '' : 's'}.\n` : `All checks passed (${results.length} file${results.length === 1 ? '' : 's'}).\n`);
      else {
        out(`Found ${all.length} problem${all.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${all.length - errors - warnings} info) in ${results.length} file${results.length === 1 ? '' : 's'}.\n`);
        if (fixed) out(`Fixed ${fixed} problem${fixed === 1 ? '' : 's'}.\n`);
        if (fixable && !opts.fix) out(`[*] ${fixable} fixable with --fix.\n`);
      }
    }
  }
  if (hardError) return 2;
  if (errors > 0) return 1;
  if (opts.maxWarnings !== null && warnings > opts.maxWarnings) return 1;
  return 0;
}

function ghEscape(s: string) {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function ghEscapeProp(s: string) {
  return ghEscape(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function toSarif(items: Array<{ path: string; d: Diagnostic }>) {
  const rules = ALL_RULES.map((r) => ({
    id: r.meta.code,
    name: r.meta.name,
    shortDescription: { text: r.meta.title },
    fullDescription: { text: r.meta.docs.what },
    helpUri: ruleDocUrl(r.meta.code),
    help: { text: `${r.meta.docs.why}\n\nExample:\n${r.meta.docs.example}\n\nUse instead:\n${r.meta.docs.useInstead}`, markdown: `${r.meta.docs.why}\n\n**Example**\n\n\`\`\`python\n${r.meta.docs.example}\n\`\`\`\n\n**Use instead**\n\n\`\`\`python\n${r.meta.docs.useInstead}\n\`\`\`` },
    defaultConfiguration: { level: LEVEL[r.meta.severity] },
    properties: { tags: ['fastmcp', r.meta.code.slice(0, 5) + 'xx'] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'fastmcp-lint', version: VERSION, semanticVersion: VERSION, rules } },
        columnKind: 'utf16CodeUnits',
        results: items.map(({ path: p, d }) => ({
          ruleId: d.code,
          ruleIndex: index.get(d.code) ?? 0,
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: p.split(path.sep).join('/') },
                region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
              },
            },
          ],
        })),
      },
    ],
  };
}

export function runCli(): void {
  if (!isMainThread && (workerData as WorkerJob | undefined)?.fastmcpLintWorker) {
    runLintWorker(workerData as WorkerJob).catch(() => process.exit(1));
    return;
  }
  workerScript = __filename;
  // `fastmcp-lint . | head` closes the pipe early: stop quietly instead of crashing.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2))
    .then((code) => {
      if (code >= 0) process.exitCode = code;
    })
    .catch((e) => {
      const msg = e instanceof UsageError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
      process.stderr.write(`fastmcp-lint: ${msg}\n`);
      if (!(e instanceof UsageError) && process.env.FASTMCP_LINT_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
      process.exitCode = 2;
    });
}
