import type { Node } from '../parse';
import type { FileModel, RunCall } from '../model/model';
import type { TextEdit } from '../types';
import { assignmentsWhere, callsWhere, stringValue } from '../model/model';
import { defineRule } from './api';
import { assignmentsTo } from './util-asgi';
import { runsAtImport } from './util-entry';
import { statementOf, transportOf } from './util-run';

const ASGI_FACTORIES = new Set(['http_app', 'sse_app', 'streamable_http_app']);
const ASGI_SERVERS = ['uvicorn', 'hypercorn', 'granian', 'gunicorn'];
const HTTP_RUNNERS = new Set(['run_http_async', 'run_sse_async', 'run_streamable_http_async']);
const LOOPS = new Set(['for_statement', 'while_statement']);

/** Run calls that serve over stdio, or null when the file does not run over stdio. */
function stdioRuns(m: FileModel): RunCall[] | null {
  const runs = m.runCalls.filter((rc) => rc.method.startsWith('run'));
  const stdio = runs.filter((rc) => transportOf(rc).value === 'stdio');
  if (stdio.length) return stdio;
  if (runs.length || runsOtherwise(m)) return null;
  // No run call: `fastmcp run` serves it over stdio by default, unless the file builds an ASGI app.
  for (const a of m.attributes) if (ASGI_FACTORIES.has(a.childForFieldName('attribute')?.text ?? '') && a.parent?.type === 'call') return null;
  if (m.imports.some((b) => ASGI_SERVERS.some((s) => b.module === s || b.module.startsWith(`${s}.`)))) return null;
  return [];
}

/**
 * A server the model cannot see (returned by a factory, held in an attribute) started over HTTP:
 * `server.run(transport="http")`, `app.run_http_async()`.
 */
function runsOtherwise(m: FileModel): boolean {
  const known = new Set(m.runCalls.map((rc) => rc.call.id));
  for (const call of m.calls) {
    if (known.has(call.id)) continue;
    const fn = call.childForFieldName('function');
    if (fn?.type !== 'attribute') continue;
    const method = fn.childForFieldName('attribute')?.text ?? '';
    if (HTTP_RUNNERS.has(method)) return true;
    if (method !== 'run' && method !== 'run_async') continue;
    if (m.resolve(fn.childForFieldName('object'))) continue; // asyncio.run, anyio.run, uvicorn.run
    const args = m.callArgs(call);
    const t = args.keywords.get('transport') ?? (args.positional[0]?.type === 'string' ? args.positional[0] : undefined);
    if (t && stringValue(t) !== 'stdio') return true;
  }
  return false;
}

function inComponent(m: FileModel, call: Node): boolean {
  return m.components.some((c) => call.startIndex >= c.func.startIndex && call.endIndex <= c.func.endIndex);
}

/** `print` means something else here (but rich's print still writes to stdout). */
function printRebound(m: FileModel): boolean {
  if (m.imports.some((b) => b.local === 'print' && b.qualified !== 'rich.print')) return true;
  if (m.moduleFunctions.has('print')) return true;
  return assignmentsTo(m, 'print').length > 0;
}

const PRINT_CALLS = {};
function isPrintCall(call: Node): boolean {
  const fn = call.childForFieldName('function');
  return fn?.type === 'identifier' && fn.text === 'print' && !call.hasError;
}

/**
 * The file points stdout elsewhere (`sys.stdout = sys.stderr`, `s.stdout = ...` with `import sys as s`). Binding a
 * name imported from sys (`from sys import stdout as out; out = None`) rebinds that name only, not `sys.stdout`.
 */
function stdoutReassigned(m: FileModel): boolean {
  return (
    assignmentsWhere(m, STDOUT_BOUND, (a) => {
      const left = a.childForFieldName('left');
      return !!left && left.text.includes('stdout') && (m.resolve(left) === 'sys.stdout' || left.text === 'sys.stdout');
    }).length > 0
  );
}
const STDOUT_BOUND = {};

function insideRedirect(call: Node): boolean {
  for (let p = call.parent; p; p = p.parent) {
    if (p.type === 'with_statement' && /\bredirect_stdout\b/.test(p.namedChildren.find((c) => c?.type === 'with_clause')?.text ?? '')) return true;
  }
  return false;
}

function sameFunction(m: FileModel, a: Node, b: Node): boolean {
  const fa = m.enclosingFunction(a);
  const fb = m.enclosingFunction(b);
  return fa === fb || (!!fa && !!fb && fa.id === fb.id);
}

/** The print runs after the stdio server has returned (same function, later, not in a loop around both). */
function afterServer(m: FileModel, call: Node, runs: RunCall[]): boolean {
  return runs.some((rc) => {
    if (rc.call.endIndex > call.startIndex || !sameFunction(m, rc.call, call)) return false;
    for (let p = rc.call.parent; p && p.type !== 'function_definition'; p = p.parent) {
      if (LOOPS.has(p.type) && call.startIndex >= p.startIndex && call.endIndex <= p.endIndex) return false;
    }
    return true;
  });
}

/** The print sits in a block whose only runs serve HTTP (the HTTP branch of a transport switch). */
function inHttpBranch(m: FileModel, call: Node): boolean {
  const block = statementOf(call).parent;
  if (!block) return false;
  let http = false;
  for (const rc of m.runCalls) {
    if (rc.call.startIndex < block.startIndex || rc.call.endIndex > block.endIndex || !sameFunction(m, rc.call, call)) continue;
    const t = transportOf(rc).value;
    if (t === 'stdio' || t === null) return false;
    http = true;
  }
  return http;
}

export default defineRule({
  meta: {
    code: 'FMCP107',
    name: 'print-to-stdout',
    title: 'print() in a stdio server',
    severity: 'warning',
    fix: { safety: 'safe', title: 'Print to stderr' },
    docs: {
      what: 'Flags `print(...)` without `file=` (or with `file=sys.stdout`) in a file whose server runs over stdio: it calls `run()`/`run_async()` with no transport or `"stdio"`, or it has no run call and builds no ASGI app (so `fastmcp run` serves it over stdio, the default). In a file without a run call only the prints that run inside the server are reported: at import time and inside tools, resources and prompts.',
      why: 'Over stdio, stdout is the JSON-RPC channel between the client and the server. Anything printed there reaches the client as a malformed message: clients log parse errors, drop the message they were waiting for, or close the connection. The MCP specification forbids servers to write anything but protocol messages to stdout; FastMCP\'s own logging goes to stderr.',
      example: 'import sys\n\n@mcp.tool\ndef search(q: str) -> list[str]:\n    print(f"searching {q}")\n    return find(q)',
      useInstead: 'import sys\n\n@mcp.tool\ndef search(q: str) -> list[str]:\n    print(f"searching {q}", file=sys.stderr)\n    return find(q)',
      notes: 'Not reported in test files, after the server has returned (a goodbye message after `mcp.run()`), inside `redirect_stdout(...)`, in the HTTP branch of a transport switch, or when the file rebinds `print` or `sys.stdout` (`sys.stdout = sys.stderr`; binding a name imported from sys, as in `from sys import stdout as out; out = None`, rebinds that name only and does not count). `logging` or `await ctx.info(...)` are better homes for diagnostics than stderr prints.',
    },
  },
  check(ctx) {
    if (ctx.isTestFile) return;
    const m = ctx.model;
    // Every report is on a call of `print`, which the text then spells.
    if (!m.text.includes('print')) return;
    if (!m.servers.some((s) => s.kind !== 'annotation')) return;
    const runs = stdioRuns(m);
    if (!runs || printRebound(m) || stdoutReassigned(m)) return;
    for (const call of callsWhere(m, PRINT_CALLS, isPrintCall)) {
      const args = m.callArgs(call);
      if (args.hasSplat) continue;
      const file = args.keywords.get('file');
      if (file && m.resolve(file) !== 'sys.stdout') continue;
      if (insideRedirect(call) || afterServer(m, call, runs) || inHttpBranch(m, call)) continue;
      // Served by `fastmcp run` (no run call): only what runs on import or inside a component runs in the server.
      if (!runs.length && !runsAtImport(m, call) && !inComponent(m, call)) continue;

      const fixes = [];
      const argList = call.childForFieldName('arguments');
      let edit: TextEdit | null = null;
      if (file) edit = ctx.replace(file, 'sys.stderr');
      else if (argList?.type === 'argument_list') {
        const last = [...argList.namedChildren].reverse().find((c) => c && c.type !== 'comment');
        edit = last ? ctx.insertAt(last.endIndex, ', file=sys.stderr') : ctx.insertAt(argList.startIndex + 1, 'file=sys.stderr');
      }
      if (edit) fixes.push(ctx.fix('Print to stderr (file=sys.stderr)', 'safe', [edit, ...ctx.addImport('import sys', 'sys')]));
      ctx.report({
        node: call.childForFieldName('function')!,
        message: `print() writes to stdout, and this server runs over stdio, where stdout carries the JSON-RPC stream: the client receives a line that is not a protocol message and may fail or disconnect. Print to stderr (\`file=sys.stderr\`), or use logging or \`ctx.info()\`.`,
        fixes,
      });
    }
  },
});
