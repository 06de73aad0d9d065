import type { Node } from '../parse';
import { ownCallsWhere, ownFunctionsWhere, type FileModel } from '../model/model';
import type { Fix } from '../types';
import { defineRule, type RuleContext } from './api';
import { exprParent } from './util-async';
import { lifespanArguments } from './util-asgi';

const HTTP_VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request'];
/** Blocking callables by qualified name, with what to use instead. */
const BLOCKING = new Map<string, string>([
  ['time.sleep', '`await asyncio.sleep(...)`'],
  ...HTTP_VERBS.map((v) => [`requests.${v}`, '`httpx.AsyncClient` or `await asyncio.to_thread(...)`'] as [string, string]),
  ['urllib.request.urlopen', '`httpx.AsyncClient` or `await asyncio.to_thread(...)`'],
  ...['run', 'call', 'check_call', 'check_output'].map((f) => [`subprocess.${f}`, '`asyncio.create_subprocess_exec(...)` or `await asyncio.to_thread(...)`'] as [string, string]),
  ...['get', 'post', 'put', 'patch', 'delete', 'request'].map((v) => [`httpx.${v}`, '`httpx.AsyncClient`'] as [string, string]),
  ['httpx.Client', '`httpx.AsyncClient`'],
  ['socket.create_connection', '`asyncio.open_connection(...)`'],
]);
const MIDDLEWARE_BASES = new Set(['fastmcp.server.middleware.Middleware', 'fastmcp.server.middleware.middleware.Middleware']);
const LIFESPAN_DECORATORS = new Set(['contextlib.asynccontextmanager', 'fastmcp.server.lifespan.lifespan']);

const LIFESPAN_FUNCTIONS = {};

function decorators(func: Node): Node[] {
  const dd = func.parent?.type === 'decorated_definition' ? func.parent : null;
  return dd ? dd.namedChildren.filter((d): d is Node => d?.type === 'decorator') : [];
}

/** The `async def` functions whose bodies run on the server's event loop, with what they are. */
function asyncRoots(model: FileModel): Map<number, { func: Node; what: string }> {
  const roots = new Map<number, { func: Node; what: string }>();
  const add = (func: Node, what: string) => {
    if (model.isAsyncFunction(func) && !roots.has(func.id)) roots.set(func.id, { func, what });
  };
  for (const c of model.components) add(c.func, `${c.kind} \`${c.funcName}\``);
  // A middleware base and a `lifespan=` argument are both spelled out in the file's text.
  const middleware = model.text.includes('Middleware');
  for (const cls of middleware ? model.classes : []) {
    const bases = cls.childForFieldName('superclasses');
    if (!bases || !bases.namedChildren.some((b) => b && MIDDLEWARE_BASES.has(model.resolve(b) ?? ''))) continue;
    const body = cls.childForFieldName('body');
    for (const stmt of body?.namedChildren ?? []) {
      const def = stmt?.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
      const name = def?.type === 'function_definition' ? def.childForFieldName('name')?.text : undefined;
      if (def && name?.startsWith('on_')) add(def, `middleware hook \`${name}\``);
    }
  }
  for (const func of ownFunctionsWhere(model, LIFESPAN_FUNCTIONS, (f) => decorators(f).some((d) => LIFESPAN_DECORATORS.has(model.resolve(d.namedChild(0)) ?? '')))) {
    add(func, `lifespan \`${func.childForFieldName('name')?.text}\``);
  }
  for (const value of lifespanArguments(model)) {
    if (value.type !== 'identifier') continue;
    const func = model.moduleFunctions.get(value.text);
    if (func) add(func, `lifespan \`${value.text}\``);
  }
  return roots;
}

/** The root an expression runs in: its nearest function must be a root, with no sync def or lambda in between. */
function runningIn(node: Node, roots: Map<number, { func: Node; what: string }>): { func: Node; what: string } | null {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'lambda') return null;
    if (p.type === 'function_definition') {
      const root = roots.get(p.id);
      if (root) return root;
      if (p.child(0)?.type !== 'async') return null;
    }
  }
  return null;
}

function asyncioFix(ctx: RuleContext, call: Node, qualified: string): Fix | null {
  const bound = ctx.model.imports.find((b) => b.local === 'asyncio' && !b.local_scope);
  if (bound && bound.qualified !== 'asyncio') return null;
  const parent = exprParent(call);
  if (parent?.type === 'await' || qualified === 'httpx.Client') return null;
  const imp = ctx.addImport('import asyncio', 'asyncio');
  const fn = call.childForFieldName('function');
  const args = call.childForFieldName('arguments');
  if (!fn || args?.type !== 'argument_list') return null;
  const inner = ctx.text.slice(args.startIndex + 1, args.endIndex - 1).trim();
  const wrap = (t: string) => (call.parent?.type === 'attribute' || call.parent?.type === 'subscript' ? `(${t})` : t);
  if (qualified === 'time.sleep') return ctx.fix('Use `await asyncio.sleep(...)`', 'unsafe', [ctx.replace(call, wrap(`await asyncio.sleep(${inner})`)), ...imp]);
  const text = wrap(`await asyncio.to_thread(${fn.text}${inner ? `, ${inner}` : ''})`);
  return ctx.fix('Run it in a worker thread with `await asyncio.to_thread(...)`', 'unsafe', [ctx.replace(call, text), ...imp]);
}

export default defineRule({
  meta: {
    code: 'FMCP308',
    name: 'blocking-call-in-async',
    title: 'Blocking call inside an async tool, middleware hook or lifespan',
    severity: 'warning',
    fix: { safety: 'unsafe', title: 'Use the asyncio equivalent' },
    docs: {
      what: 'Flags calls that block the thread — `time.sleep`, `requests.*`, `urllib.request.urlopen`, `subprocess.run/call/check_call/check_output`, `httpx.get/post/...`, a synchronous `httpx.Client`, `socket.create_connection` — inside an `async def` tool, resource or prompt, an `on_*` hook of a FastMCP middleware, or a lifespan.',
      why: 'An `async def` runs on the server\'s single event loop. A blocking call inside it stops the loop for its whole duration: every other request, progress notification and keep-alive of every connected client waits, and slow calls surface as client timeouts. FastMCP cannot move async functions to a thread for you.',
      example: '@mcp.tool\nasync def weather(city: str) -> str:\n    return requests.get(f"https://wttr.in/{city}", timeout=10).text',
      useInstead: '@mcp.tool\nasync def weather(city: str) -> str:\n    async with httpx.AsyncClient() as client:\n        return (await client.get(f"https://wttr.in/{city}", timeout=10)).text',
      notes: 'Names are resolved through imports (`from time import sleep` counts). Code in a nested plain `def` or in a `lambda` (typically handed to `asyncio.to_thread` or `run_in_executor`) is not flagged. Synchronous `def` tools are not flagged: FastMCP 3 runs them in a worker thread. The fixes are offered, not applied automatically: `asyncio.to_thread` changes where the code runs.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    const roots = asyncRoots(model);
    if (!roots.size) return;
    for (const call of ownCallsWhere(model, BLOCKING_CALLS, (c) => !c.hasError && BLOCKING.has(model.resolve(c.childForFieldName('function')) ?? ''))) {
      const fn = call.childForFieldName('function')!;
      const q = model.resolve(fn)!;
      const instead = BLOCKING.get(q)!;
      const root = runningIn(call, roots);
      if (!root) continue;
      const fix = asyncioFix(ctx, call, q);
      const message =
        q === 'httpx.Client'
          ? `A synchronous \`httpx.Client\` inside the async ${root.what}: each of its requests blocks the event loop, and every other request waits. Use ${instead}.`
          : `\`${fn.text}(...)\` blocks the event loop inside the async ${root.what}: every other request waits until it returns. Use ${instead}.`;
      ctx.report({
        node: fn,
        message,
        fixes: fix ? [fix] : [],
      });
    }
  },
});

const BLOCKING_CALLS = {};
