import * as path from 'node:path';
import type { Node } from '../parse';
import type { FileModel, ServerVar } from '../model/model';
import { defineRule } from './api';
import { DISCOVERED_NAMES, createsServer, importTimeServers, isServerCreation, mayBindServer, runsAtImport } from './util-entry';
import { hasStarImport, importsName, lineEndAt, moduleBinds } from './util-run';

function targetName(asg: Node): string | null {
  const left = asg.childForFieldName('left');
  return left?.type === 'identifier' ? left.text : null;
}

/** Something bound or created at import time may be the server `fastmcp run` finds. */
function mayHaveImportTimeServer(m: FileModel): boolean {
  if (importTimeServers(m).length || hasStarImport(m)) return true;
  if (DISCOVERED_NAMES.some((n) => importsName(m, n))) return true;
  for (const call of m.calls) {
    if (!runsAtImport(m, call)) continue;
    if (isServerCreation(m, call)) return true;
    // A same-file function called at import time may bind the server through `global`.
    const callee = call.childForFieldName('function');
    const fn = callee?.type === 'identifier' ? m.moduleFunctions.get(callee.text) : undefined;
    if (fn && createsServer(m, fn)) return true;
  }
  for (const asg of m.assignments) {
    if (!runsAtImport(m, asg)) continue;
    const left = asg.childForFieldName('left');
    if (left && left.type !== 'identifier' && asg.childForFieldName('right')?.type === 'call') return true;
    const name = targetName(asg);
    if (name && mayBindServer(m, name, asg.childForFieldName('right'))) return true;
  }
  return false;
}

/** A module-level, argument-free, non-running function that returns the server: usable as `mcp = f()`. */
function factoryOf(m: FileModel, s: ServerVar): Node | null {
  const fn = s.scope;
  if (!fn || fn.parent?.type !== 'module' || m.isAsyncFunction(fn)) return null;
  const name = fn.childForFieldName('name')?.text;
  if (!name || m.moduleFunctions.get(name)?.id !== fn.id) return null;
  const params = fn.childForFieldName('parameters');
  for (const p of params?.namedChildren ?? []) {
    if (!p) continue;
    if (p.type === 'identifier' || p.type === 'typed_parameter') {
      const inner = p.type === 'typed_parameter' ? p.namedChild(0) : p;
      if (inner?.type !== 'list_splat_pattern' && inner?.type !== 'dictionary_splat_pattern') return null;
    }
  }
  if (m.runCalls.some((rc) => rc.call.startIndex >= fn.startIndex && rc.call.endIndex <= fn.endIndex)) return null;
  const body = fn.childForFieldName('body');
  const returnsIt = (body?.descendantsOfType('return_statement') ?? []).some(
    (r) => !!r && m.enclosingFunction(r)?.id === fn.id && r.namedChild(0)?.type === 'identifier' && r.namedChild(0)!.text === s.name,
  );
  return returnsIt ? fn : null;
}

export default defineRule({
  meta: {
    code: 'FMCP101',
    name: 'server-not-module-level',
    title: 'Server exists only when run as a script',
    severity: 'error',
    fix: { safety: 'unsafe', title: 'Bind the server at module level' },
    docs: {
      what: 'Flags a file that is run as a server (its `if __name__ == "__main__":` block runs the server, directly or through a function of the file, or it is the configured entrypoint) but creates its FastMCP only inside functions or inside the `__main__` block, so that importing the file binds no server.',
      why: '`fastmcp run`, `fastmcp dev`, `fastmcp inspect` and FastMCP Cloud import the file and never run its `__main__` block; they look for a module-level server named `mcp`, `server` or `app`. Here there is none, and they stop with "No server object found in server.py". The file works with `python server.py` and fails everywhere else.',
      example: 'def main() -> None:\n    mcp = FastMCP("demo")\n    mcp.run()\n\nif __name__ == "__main__":\n    main()',
      useInstead: 'mcp = FastMCP("demo")\n\nif __name__ == "__main__":\n    mcp.run()',
      guide: [1],
      notes: 'Not reported for modules other files import (no `__main__` that runs the server), when a module-level name is bound to a factory call (`mcp = create_server()`), or when fastmcp.json names the object (`server.py:create_server` may name a factory function). The fix is offered when the server is built by an argument-free function that returns it.',
    },
  },
  check(ctx) {
    const m = ctx.model;
    if (!ctx.isEntrypoint || ctx.entrypointObject || m.hasErrors) return;
    const deferred = m.servers.filter((s) => s.call && s.kind !== 'annotation' && !runsAtImport(m, s.node));
    if (!deferred.length || mayHaveImportTimeServer(m)) return;
    const s = deferred[0];
    const fn = s.scope;
    const where = fn ? `inside \`${fn.childForFieldName('name')?.text ?? 'a function'}()\`` : 'inside the `__main__` block';
    const factory = deferred.map((d) => factoryOf(m, d)).find((f) => f) ?? null;
    const fname = factory?.childForFieldName('name')?.text;
    const varName = DISCOVERED_NAMES.find((n) => !moduleBinds(m, n));
    const fixes = [];
    if (factory && fname && varName)
      fixes.push(ctx.fix(`Add \`${varName} = ${fname}()\` at module level`, 'unsafe', [ctx.insertAt(lineEndAt(ctx.text, factory.endIndex), `${ctx.eol}${ctx.eol}${ctx.eol}${varName} = ${fname}()`)]));
    const tools = s.flavor === 'sdk' ? '`mcp run`, `mcp dev` and `fastmcp run`' : '`fastmcp run`, `fastmcp dev` and FastMCP Cloud';
    const hint = fname
      ? `Bind it at module level (\`${varName ?? 'mcp'} = ${fname}()\`), or name the factory as the entrypoint (\`${path.basename(ctx.path)}:${fname}\`).`
      : 'Create it at module level (`mcp = FastMCP(...)`), register the components there, and only run it from `__main__`.';
    ctx.report({
      node: s.call!.childForFieldName('function') ?? s.call!,
      message: `The server is created only ${where}: ${tools} import this file without running \`__main__\` and stop with "No server object found". ${hint}`,
      fixes,
    });
  },
});
