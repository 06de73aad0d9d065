import type { Node } from '../parse';
import type { Fix } from '../types';
import { gatherKept, type FileModel } from '../model/model';
import { defineRule, type RuleContext } from './api';
import { BUILTIN_MIDDLEWARE, MIDDLEWARE_PACKAGE, PACKAGE_EXPORTS } from './data-middleware';
import { isFakeBase } from './util-middleware';

const WRONG_PACKAGE = /^fastmcp\.middleware(\.|$)/;

interface ImportProblem {
  stmt: Node;
  /** The node to report on. */
  at: Node;
  message: string;
  fix: Fix | null;
}

/** Where each imported name really lives, when the whole statement can move to one module. */
function targetModule(module: string, names: string[]): string | null {
  if (module !== 'fastmcp.middleware') return module.replace(/^fastmcp\.middleware/, MIDDLEWARE_PACKAGE);
  const targets = new Set<string>();
  for (const n of names) {
    if (n === 'BaseMiddleware' || PACKAGE_EXPORTS.has(n)) targets.add(MIDDLEWARE_PACKAGE);
    else if (BUILTIN_MIDDLEWARE[n]) targets.add(`${MIDDLEWARE_PACKAGE}.${BUILTIN_MIDDLEWARE[n].module}`);
    else return null;
  }
  return targets.size === 1 ? [...targets][0] : null;
}

function importProblems(ctx: RuleContext): ImportProblem[] {
  const { model } = ctx;
  const out: ImportProblem[] = [];
  const middlewareBound = model.imports.some((b) => b.local === 'Middleware' && !b.local_scope);
  const statements = new Map<number, Node>();
  for (const b of model.imports) statements.set(b.statement.id, b.statement);
  for (const stmt of statements.values()) {
    // Each problem below is an import that spells `middleware` (the package, the module or `BaseMiddleware`).
    if (stmt.hasError || !/middleware/i.test(stmt.text)) continue;
    if (stmt.type === 'import_statement') {
      for (const n of stmt.namedChildren) {
        const mod = n?.type === 'aliased_import' ? n.childForFieldName('name') : n;
        if (mod && WRONG_PACKAGE.test(mod.text))
          out.push({ stmt, at: mod, fix: null, message: `There is no \`fastmcp.middleware\` package: this import raises ModuleNotFoundError. Middleware lives in \`fastmcp.server.middleware\`.` });
      }
      continue;
    }
    const modNode = stmt.childForFieldName('module_name');
    if (!modNode) continue;
    const module = modNode.text;
    const nameNodes = stmt.childrenForFieldName('name').filter((n): n is Node => !!n);
    const importedName = (n: Node) => (n.type === 'aliased_import' ? n.childForFieldName('name')?.text ?? '' : n.text);
    const names = nameNodes.map(importedName);
    if (module === 'fastmcp' && names.includes('middleware')) {
      const at = nameNodes[names.indexOf('middleware')];
      const fix = names.length === 1 ? ctx.fix('Import from fastmcp.server', 'safe', [ctx.replace(modNode, 'fastmcp.server')]) : null;
      out.push({ stmt, at, fix, message: '`fastmcp` has no `middleware` module: this import raises ImportError. Use `from fastmcp.server import middleware` (or import the classes from `fastmcp.server.middleware`).' });
      continue;
    }
    const wrongModule = WRONG_PACKAGE.test(module);
    const fakeIdx = module.startsWith('fastmcp') ? names.indexOf('BaseMiddleware') : -1;
    if (!wrongModule && fakeIdx < 0) continue;
    const target = wrongModule ? targetModule(module, names) : module;
    let fix: Fix | null = null;
    if (target && !(fakeIdx >= 0 && middlewareBound)) {
      const edits = [];
      if (wrongModule) edits.push(ctx.replace(modNode, target));
      if (fakeIdx >= 0) {
        const n = nameNodes[fakeIdx];
        const nameNode = n.type === 'aliased_import' ? n.childForFieldName('name')! : n;
        edits.push(ctx.replace(nameNode, 'Middleware'));
        if (n.type !== 'aliased_import') {
          // Unaliased: every use of the name changes with it.
          for (const id of baseMiddlewareNames(model)) {
            if (id.startIndex >= stmt.startIndex && id.endIndex <= stmt.endIndex) continue;
            if (id.parent?.type === 'attribute' && id.parent.childForFieldName('attribute')?.id === id.id) continue;
            if (id.parent?.type === 'keyword_argument' && id.parent.childForFieldName('name')?.id === id.id) continue;
            edits.push(ctx.replace(id, 'Middleware'));
          }
        }
      }
      fix = ctx.fix(fakeIdx >= 0 ? `Use Middleware from ${target}` : `Import from ${target}`, 'safe', edits);
    }
    const message = wrongModule
      ? `There is no \`fastmcp.middleware\` package: this import raises ModuleNotFoundError. Middleware lives in \`${target ?? MIDDLEWARE_PACKAGE}\`${fakeIdx >= 0 ? ', and its base class is `Middleware` (there is no `BaseMiddleware`)' : ''}.`
      : '`BaseMiddleware` does not exist in FastMCP: this import raises ImportError. The base class is `Middleware` from `fastmcp.server.middleware`.';
    out.push({ stmt, at: wrongModule ? modNode : nameNodes[fakeIdx], fix, message });
  }
  return out;
}

/** Every identifier `BaseMiddleware` in the file, found statement by statement (kept on each for an open document). */
function baseMiddlewareNames(model: FileModel): Node[] {
  const whole = model.whole;
  return gatherKept(whole, BASE_MIDDLEWARE_NAMES, whole.statements, null, (stmt) => stmt.descendantsOfType('identifier').filter((n) => n.text === 'BaseMiddleware'));
}
const BASE_MIDDLEWARE_NAMES = {};

export default defineRule({
  meta: {
    code: 'FMCP406',
    name: 'middleware-wrong-base',
    title: 'Middleware based on `BaseMiddleware` or imported from `fastmcp.middleware`',
    severity: 'error',
    fix: { safety: 'safe', title: 'Use fastmcp.server.middleware.Middleware' },
    docs: {
      what: 'Flags imports from the nonexistent `fastmcp.middleware` package, imports of the nonexistent `BaseMiddleware` from FastMCP, and classes based on that `BaseMiddleware`.',
      why: 'The import raises ModuleNotFoundError/ImportError, so the server never starts. FastMCP\'s middleware base class is `Middleware`, imported from `fastmcp.server.middleware` (built-ins from its submodules, e.g. `fastmcp.server.middleware.error_handling`).',
      example: 'from fastmcp.middleware import BaseMiddleware\n\nclass Audit(BaseMiddleware):\n    ...',
      useInstead: 'from fastmcp.server.middleware import Middleware\n\nclass Audit(Middleware):\n    ...',
      guide: [19],
      notes: 'A `BaseMiddleware` defined in the file or imported from another library is left alone. The fix rewrites the import and the uses of the name in one step.',
    },
  },
  check(ctx) {
    // Every report is about an import or a base class that spells `middleware` or `BaseMiddleware`.
    if (!/middleware/i.test(ctx.model.text)) return;
    const problems = importProblems(ctx);
    for (const p of problems) ctx.report({ node: p.at, message: p.message, fixes: p.fix ? [p.fix] : [] });
    const { model } = ctx;
    for (const cls of model.classes) {
      const sup = cls.childForFieldName('superclasses');
      for (const base of sup?.namedChildren ?? []) {
        if (!base || (base.type !== 'identifier' && base.type !== 'attribute')) continue;
        if (!isFakeBase(model.resolve(base))) continue;
        let root: Node = base;
        while (root.type === 'attribute') root = root.childForFieldName('object')!;
        const binding = model.imports.find((b) => b.local === root.text && !b.local_scope);
        const fix = binding ? problems.find((p) => p.stmt.id === binding.statement.id)?.fix : null;
        ctx.report({
          node: base,
          message: `\`${cls.childForFieldName('name')?.text ?? 'This class'}\` is based on \`BaseMiddleware\`, which FastMCP does not have: the import fails and the class never registers. Subclass \`Middleware\` from \`fastmcp.server.middleware\`.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});
