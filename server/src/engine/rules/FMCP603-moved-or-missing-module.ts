import type { Node } from '../parse';
import type { Fix } from '../types';
import { defineRule, type RuleContext } from './api';
import { apiStatus, changesFor, historyOf, messageAt, reportShape, type ApiChange, type ApiStatus } from './data-api-changes';
import { importStatements, inImportGuard } from './util-api';

const MODULES = changesFor('FMCP603', 'module').sort((a, b) => b.old.length - a.old.length);
const NAMES = changesFor('FMCP603', 'name');

/** What `fastmcp.server.providers.openapi` exports (3.0): imports of anything else have no 1:1 new home. */
const PROVIDERS_OPENAPI = new Set(['ComponentFn', 'MCPType', 'OpenAPIProvider', 'OpenAPIResource', 'OpenAPIResourceTemplate', 'OpenAPITool', 'RouteMap', 'RouteMapFn']);

interface ImportedName {
  /** The dotted_name or aliased_import node. */
  node: Node;
  name: string;
  alias: string | null;
}

function importedNames(stmt: Node): ImportedName[] {
  const out: ImportedName[] = [];
  for (const n of stmt.childrenForFieldName('name')) {
    if (!n) continue;
    if (n.type === 'dotted_name') out.push({ node: n, name: n.text, alias: null });
    else if (n.type === 'aliased_import') {
      const name = n.childForFieldName('name')?.text;
      const alias = n.childForFieldName('alias')?.text;
      if (name) out.push({ node: n, name, alias: alias ?? null });
    }
  }
  return out;
}

function matchesModule(mod: string, change: ApiChange): boolean {
  return mod === change.old || mod.startsWith(change.old + '.');
}

function describe(change: ApiChange, status: ApiStatus, subject: string, ctx: RuleContext, isModule: boolean): string {
  const failure = isModule ? 'ModuleNotFoundError' : 'ImportError';
  const moved = isModule && change.never && change.rename ? change.rename + subject.slice(change.old.length) : change.new;
  const instead = moved.includes('`') ? moved : `\`${moved}\``;
  if (change.never) return `\`${subject}\` does not exist in any FastMCP release: the import fails with ${failure}. Use ${instead}.`;
  if (status === 'removed') return `\`${subject}\` is gone in FastMCP ${ctx.target.version} (${historyOf(change)}): the import fails with ${failure}. Use ${instead}.`;
  return `\`${subject}\` is deprecated (${historyOf(change)}); FastMCP warns: "${messageAt(change, ctx.target)}"`;
}

/** The new module path for a 1:1 move, or null when some imported name has no counterpart there. */
function movedModule(ctx: RuleContext, change: ApiChange, mod: string, names: ImportedName[], star: boolean): string | null {
  if (!change.rename || star) return null;
  if (change.never) return names.some((n) => n.name === 'BaseMiddleware') ? null : change.rename + mod.slice(change.old.length);
  if (mod !== change.old) return null;
  const openapiNamesOk = names.every((n) => PROVIDERS_OPENAPI.has(n.name));
  switch (change.old) {
    case 'fastmcp.server.openapi':
      return openapiNamesOk ? change.rename : null;
    case 'fastmcp.experimental.server.openapi':
      if (ctx.target.below('3.0.0b1')) return change.rename;
      return openapiNamesOk ? 'fastmcp.server.providers.openapi' : null;
    default:
      return change.rename;
  }
}

function aliasText(name: string, alias: string | null): string {
  return alias && alias !== name ? `${name} as ${alias}` : name;
}

export default defineRule({
  meta: {
    code: 'FMCP603',
    name: 'moved-or-missing-module',
    title: 'Import of a FastMCP module or name that never existed or has moved',
    severity: 'error',
    deprecation: true,
    fix: { safety: 'safe', title: 'Import from the new location' },
    docs: {
      what: 'Flags imports of FastMCP modules and names that never existed — `fastmcp.middleware`, `fastmcp.auth`, `fastmcp.testing`, `from fastmcp import Icon`, `BaseMiddleware` — and of ones that moved, per the target version: `from fastmcp import Image` (deprecated 2.8.1, removed 2.14), `from fastmcp.settings import settings` (deprecated 2.10.2, removed 2.14), `fastmcp.server.auth.providers.bearer` / `BearerAuthProvider` (deprecated 2.11, removed 2.14), `fastmcp.experimental.server.openapi` and `fastmcp.experimental.utilities.openapi` (deprecated 2.14), `fastmcp.server.openapi` and `fastmcp.server.proxy` (deprecated 3.0).',
      why: 'A name that does not exist makes the module fail at import with ModuleNotFoundError/ImportError, so the server never starts. A moved name works with a DeprecationWarning (e.g. "fastmcp.server.proxy is deprecated. Use fastmcp.server.providers.proxy instead.") until the release that removes it.',
      example: 'from fastmcp import Image\nfrom fastmcp.middleware import Middleware\nfrom fastmcp.server.proxy import ProxyClient',
      useInstead: 'from fastmcp.utilities.types import Image\nfrom fastmcp.server.middleware import Middleware\nfrom fastmcp.server.providers.proxy import ProxyClient',
      guide: [19, 24],
      notes:
        'Names that never existed are errors in every version, also when the target version is unknown. Moved names follow the version table in `data-api-changes.ts`: nothing before the deprecating release, a Deprecated warning while deprecated, an error from the removing release; silent when the version is unknown. Imports inside a `try:` that catches ImportError are compatibility code and are left alone. The fix rewrites the import when the new location offers the same names (renaming `BearerAuthProvider` to `JWTVerifier as BearerAuthProvider`); `import a.b` statements are reported without a fix because the dotted name is used elsewhere.',
    },
  },
  check(ctx) {
    for (const stmt of importStatements(ctx)) {
      if (stmt.hasError || inImportGuard(stmt)) continue;
      if (stmt.type === 'import_statement') {
        for (const n of stmt.namedChildren) {
          if (!n) continue;
          const dotted = n.type === 'aliased_import' ? n.childForFieldName('name') : n.type === 'dotted_name' ? n : null;
          if (!dotted) continue;
          const change = MODULES.find((c) => matchesModule(dotted.text, c));
          if (!change || (change.ownedBy && ctx.isEnabled(change.ownedBy))) continue;
          const status = apiStatus(change, ctx.target);
          if (status === undefined || status === 'current') continue;
          const shape = reportShape(status);
          ctx.report({ node: dotted, message: describe(change, status, dotted.text, ctx, true), severity: shape.severity, deprecated: shape.deprecated });
        }
        continue;
      }

      const modNode = stmt.childForFieldName('module_name');
      if (!modNode || modNode.type !== 'dotted_name') continue;
      const mod = modNode.text;
      const names = importedNames(stmt);
      const star = stmt.namedChildren.some((c) => c?.type === 'wildcard_import');

      const found = MODULES.find((c) => matchesModule(mod, c));
      const modChange = found?.ownedBy && ctx.isEnabled(found.ownedBy) ? undefined : found;
      const modStatus = modChange ? apiStatus(modChange, ctx.target) : undefined;
      if (modChange && modStatus && modStatus !== 'current') {
        const shape = reportShape(modStatus);
        const fixes: Fix[] = [];
        const target = movedModule(ctx, modChange, mod, names, star);
        if (target) {
          const edits = [ctx.replace(modNode, target)];
          if (modChange.old === 'fastmcp.server.auth.providers.bearer') {
            for (const n of names) if (n.name === 'BearerAuthProvider') edits.push(ctx.replace(n.node, `JWTVerifier as ${n.alias ?? 'BearerAuthProvider'}`));
          }
          fixes.push(ctx.fix(`Import from \`${target}\``, modChange.never ? 'unsafe' : 'safe', edits));
        }
        ctx.report({ node: modNode, message: describe(modChange, modStatus, mod, ctx, true), severity: shape.severity, deprecated: shape.deprecated, fixes });
        if (modChange.never) continue;
      }

      for (const n of names) {
        const qualified = `${mod}.${n.name}`;
        const change = NAMES.find((c) => c.old === qualified);
        if (!change || (change.ownedBy && ctx.isEnabled(change.ownedBy))) continue;
        const status = apiStatus(change, ctx.target);
        if (status === undefined || status === 'current') continue;
        const shape = reportShape(status);
        const fixes: Fix[] = [];
        if (change.rename) {
          const newName = change.rename.slice(change.rename.lastIndexOf('.') + 1);
          const newModule = change.rename.slice(0, change.rename.lastIndexOf('.'));
          const local = n.alias ?? n.name;
          if (newModule === mod) {
            fixes.push(ctx.fix(`Import \`${newName}\``, 'safe', [ctx.replace(n.node, aliasText(newName, local))]));
          } else if (names.length === 1 && !star) {
            fixes.push(ctx.fix(`Import from \`${newModule}\``, 'safe', [ctx.replace(stmt, `from ${newModule} import ${aliasText(newName, local)}`)]));
          }
        }
        ctx.report({ node: n.node, message: describe(change, status, qualified, ctx, false), severity: shape.severity, deprecated: shape.deprecated, fixes });
      }
    }
  },
});
