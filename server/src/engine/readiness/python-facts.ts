/**
 * What the workspace checks need to know about one Python file: its imports (relative level, whether
 * they run at import time, whether a missing module is tolerated), the names bound at module level,
 * its module-level servers, the environment variables it reads and where it does not parse.
 * One pass over the tree; the file's FastMCP flavor and servers come from the semantic model.
 */
import { computeLineStarts, parsePython, positionAt, type Node, type Tree } from '../parse';
import { buildModel, stringValue, type FileModel } from '../model/model';
import type { Flavor, Range } from '../types';

export interface ImportFact {
  /** The dotted module as written (`x.y` in `from ..x.y import z`; '' in `from . import z`). */
  module: string;
  /** Leading dots of a relative import (0 for absolute). */
  level: number;
  /** Names of a `from` import (`*` for a wildcard); empty for `import x`. */
  names: string[];
  /** Runs when the module is imported: not inside a function body. */
  moduleLevel: boolean;
  /** Inside `try:` with an `except ImportError`/`ModuleNotFoundError`, or under `if TYPE_CHECKING:`. */
  optional: boolean;
  range: Range;
  /** The range of the module name (narrower than the statement). */
  moduleRange: Range;
}

export interface EnvRead {
  name: string;
  range: Range;
  /** How it is read: `os.getenv`, `os.environ[]`, `os.environ.get`, `BaseSettings field`. */
  via: string;
  /** A default is given (`os.getenv("X", "d")`, a settings field with a default). */
  hasDefault: boolean;
}

export interface PythonFacts {
  flavor: Flavor | null;
  imports: ImportFact[];
  /** Names bound at module level (assignments, defs, classes, imports). */
  moduleNames: Set<string>;
  /** Module-level server variables by name (FastMCP(...) and friends bound at module scope). */
  moduleServers: Map<string, Range>;
  /** Module-level functions (candidates for a `file.py:factory` entrypoint). */
  moduleFunctions: Set<string>;
  envReads: EnvRead[];
  /** The first place the file fails to parse, or null. */
  syntaxError: { range: Range; message: string } | null;
}

const OPTIONAL_EXCEPTIONS = /\b(ImportError|ModuleNotFoundError|Exception|BaseException)\b/;

export function pythonFacts(text: string): PythonFacts {
  const tree = parsePython(text);
  try {
    return pythonFactsOf(tree, text);
  } finally {
    tree.delete();
  }
}

/**
 * The facts from a tree already parsed (and its model, when built): `fastmcp-lint DIR` takes them from
 * the tree it lints, so the project checks parse no file a second time. The caller keeps the tree.
 */
export function pythonFactsOf(tree: Tree, text: string, model: FileModel = buildModel(tree, text), lineStarts = computeLineStarts(text)): PythonFacts {
  {
    const rangeOf = (n: Node): Range => ({ start: positionAt(lineStarts, n.startIndex), end: positionAt(lineStarts, n.endIndex) });
    const facts: PythonFacts = {
      flavor: model.flavor,
      imports: [],
      moduleNames: new Set(),
      moduleServers: new Map(),
      moduleFunctions: new Set(),
      envReads: [],
      syntaxError: null,
    };
    for (const s of model.servers) if (s.scope === null && s.kind !== 'annotation' && !facts.moduleServers.has(s.name)) facts.moduleServers.set(s.name, rangeOf(s.node));

    const osAliases = new Set<string>();
    const environNames = new Set<string>();
    const getenvNames = new Set<string>();

    const visit = (n: Node, inFunction: boolean, optional: boolean, moduleScope: boolean) => {
      switch (n.type) {
        case 'function_definition': {
          const name = n.childForFieldName('name')?.text;
          if (moduleScope && name) {
            facts.moduleNames.add(name);
            facts.moduleFunctions.add(name);
          }
          for (const c of n.namedChildren) if (c) visit(c, true, optional, false);
          return;
        }
        case 'class_definition': {
          const name = n.childForFieldName('name')?.text;
          if (moduleScope && name) facts.moduleNames.add(name);
          settingsClass(n);
          const body = n.childForFieldName('body');
          for (const c of n.namedChildren) if (c && c !== body) visit(c, inFunction, optional, false);
          if (body) for (const c of body.namedChildren) if (c) visit(c, inFunction, optional, false);
          return;
        }
        case 'try_statement': {
          const handlers = n.namedChildren.filter((c) => c?.type === 'except_clause' || c?.type === 'except_group_clause');
          const tolerates = handlers.some((h) => {
            const head = h!.namedChildren.find((c) => c && c.type !== 'block');
            return !head || OPTIONAL_EXCEPTIONS.test(head.text);
          });
          for (const c of n.namedChildren) {
            if (!c) continue;
            visit(c, inFunction, optional || (tolerates && c.type === 'block'), moduleScope);
          }
          return;
        }
        case 'if_statement': {
          const cond = n.childForFieldName('condition');
          const typeChecking = !!cond && /^(typing\.)?TYPE_CHECKING$/.test(cond.text);
          for (const c of n.namedChildren) if (c) visit(c, inFunction, optional || (typeChecking && c.type === 'block'), moduleScope);
          return;
        }
        case 'import_statement':
        case 'import_from_statement': {
          importFact(n, inFunction, optional, moduleScope);
          return;
        }
        case 'assignment': {
          if (moduleScope) bindTargets(n.childForFieldName('left'));
          break;
        }
        case 'call':
          envCall(n);
          break;
        case 'subscript':
          envSubscript(n);
          break;
        case 'ERROR':
        case 'MISSING':
          noteError(n);
          break;
      }
      if (n.isMissing) noteError(n);
      const childScope = moduleScope && (n.type === 'module' || n.type === 'block' || n.type === 'expression_statement' || /_statement$|_clause$/.test(n.type));
      for (const c of n.children) if (c) visit(c, inFunction, optional, childScope);
    };

    const noteError = (n: Node) => {
      if (facts.syntaxError) return;
      // tree-sitter wraps the statements before a mistake into the error node; the innermost one is where it is.
      for (let inner = n.children.find((c) => c?.type === 'ERROR'); inner; inner = inner.children.find((c) => c?.type === 'ERROR')) n = inner;
      const line = positionAt(lineStarts, n.startIndex).line + 1;
      facts.syntaxError = { range: rangeOf(n), message: n.isMissing ? `expected \`${n.type}\` on line ${line}` : `invalid syntax on line ${line}` };
    };

    const bindTargets = (left: Node | null) => {
      if (!left) return;
      if (left.type === 'identifier') facts.moduleNames.add(left.text);
      else if (left.type === 'pattern_list' || left.type === 'tuple_pattern' || left.type === 'list_pattern') for (const c of left.namedChildren) bindTargets(c);
    };

    const importFact = (n: Node, inFunction: boolean, optional: boolean, moduleScope: boolean) => {
      const base = { moduleLevel: !inFunction, optional, range: rangeOf(n) };
      if (n.type === 'import_statement') {
        for (const c of n.namedChildren) {
          if (!c) continue;
          const dotted = c.type === 'aliased_import' ? c.childForFieldName('name') : c;
          if (!dotted || dotted.type !== 'dotted_name') continue;
          const module = dotted.text.replace(/\s+/g, '');
          facts.imports.push({ ...base, module, level: 0, names: [], moduleRange: rangeOf(dotted) });
          const local = c.type === 'aliased_import' ? c.childForFieldName('alias')?.text : module.split('.')[0];
          if (moduleScope && local) facts.moduleNames.add(local);
          if (module === 'os') osAliases.add(local ?? 'os');
        }
        return;
      }
      const modNode = n.childForFieldName('module_name');
      if (!modNode) return;
      let level = 0;
      let module = modNode.text.replace(/\s+/g, '');
      if (modNode.type === 'relative_import') {
        const prefix = modNode.namedChildren.find((c) => c?.type === 'import_prefix');
        level = prefix ? prefix.text.replace(/\s+/g, '').length : 0;
        module = modNode.namedChildren.find((c) => c?.type === 'dotted_name')?.text.replace(/\s+/g, '') ?? '';
      }
      const names: string[] = [];
      for (const c of n.namedChildren) {
        if (!c || c === modNode) continue;
        if (c.type === 'wildcard_import') names.push('*');
        else if (c.type === 'dotted_name' || c.type === 'aliased_import') {
          const name = (c.type === 'aliased_import' ? c.childForFieldName('name') : c)?.text ?? '';
          const local = c.type === 'aliased_import' ? (c.childForFieldName('alias')?.text ?? name) : name;
          names.push(name);
          if (moduleScope) facts.moduleNames.add(local);
          if (module === 'os' && level === 0 && name === 'environ') environNames.add(local);
          if (module === 'os' && level === 0 && name === 'getenv') getenvNames.add(local);
        }
      }
      facts.imports.push({ ...base, module, level, names, moduleRange: rangeOf(modNode) });
    };

    const isEnviron = (n: Node | null): boolean => {
      if (!n) return false;
      if (n.type === 'identifier') return environNames.has(n.text);
      if (n.type === 'attribute') {
        const obj = n.childForFieldName('object');
        return n.childForFieldName('attribute')?.text === 'environ' && obj?.type === 'identifier' && (osAliases.has(obj.text) || obj.text === 'os');
      }
      return false;
    };

    const pushEnv = (arg: Node | null | undefined, via: string, hasDefault: boolean) => {
      const name = stringValue(arg ?? null);
      if (name && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) facts.envReads.push({ name, range: rangeOf(arg!), via, hasDefault });
    };

    const envCall = (call: Node) => {
      const fn = call.childForFieldName('function');
      const args = call.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => !!a && a.type !== 'comment') ?? [];
      if (!fn) return;
      const positional = args.filter((a) => a.type !== 'keyword_argument');
      const hasDefault = positional.length > 1 || args.some((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'default');
      if (fn.type === 'identifier' && getenvNames.has(fn.text)) return pushEnv(positional[0], 'os.getenv', hasDefault);
      if (fn.type !== 'attribute') return;
      const attr = fn.childForFieldName('attribute')?.text;
      const obj = fn.childForFieldName('object');
      if (attr === 'getenv' && obj?.type === 'identifier' && (osAliases.has(obj.text) || obj.text === 'os')) return pushEnv(positional[0], 'os.getenv', hasDefault);
      if ((attr === 'get' || attr === 'setdefault' || attr === 'pop') && isEnviron(obj)) return pushEnv(positional[0], `os.environ.${attr}`, hasDefault || attr === 'setdefault');
    };

    const envSubscript = (sub: Node) => {
      if (!isEnviron(sub.childForFieldName('value'))) return;
      // A store (`os.environ["X"] = ...`) sets the variable; it is not read from the deployment.
      const parent = sub.parent;
      if (parent?.type === 'assignment' && parent.childForFieldName('left')?.id === sub.id) return;
      pushEnv(sub.childForFieldName('subscript'), 'os.environ[]', false);
    };

    /** pydantic-settings: each annotated field of a `BaseSettings` subclass is read from `<prefix><FIELD>`. */
    const settingsClass = (cls: Node) => {
      const bases = cls.childForFieldName('superclasses')?.namedChildren ?? [];
      if (!bases.some((b) => b && /(^|\.)BaseSettings$/.test(b.text))) return;
      const body = cls.childForFieldName('body');
      if (!body) return;
      let prefix = '';
      for (const stmt of body.namedChildren) {
        const a = stmt?.type === 'expression_statement' ? stmt.namedChild(0) : null;
        if (a?.type !== 'assignment' || a.childForFieldName('left')?.text !== 'model_config') continue;
        const right = a.childForFieldName('right');
        if (right?.type !== 'call') continue;
        for (const kw of right.childForFieldName('arguments')?.namedChildren ?? []) {
          if (kw?.type === 'keyword_argument' && kw.childForFieldName('name')?.text === 'env_prefix') prefix = stringValue(kw.childForFieldName('value')) ?? '';
        }
      }
      for (const stmt of body.namedChildren) {
        if (stmt?.type === 'class_definition' && stmt.childForFieldName('name')?.text === 'Config') {
          for (const s of stmt.childForFieldName('body')?.namedChildren ?? []) {
            const a = s?.type === 'expression_statement' ? s.namedChild(0) : null;
            if (a?.type === 'assignment' && a.childForFieldName('left')?.text === 'env_prefix') prefix = stringValue(a.childForFieldName('right')) ?? prefix;
          }
        }
      }
      for (const stmt of body.namedChildren) {
        const a = stmt?.type === 'expression_statement' ? stmt.namedChild(0) : null;
        if (a?.type !== 'assignment') continue;
        const left = a.childForFieldName('left');
        if (left?.type !== 'identifier' || !a.childForFieldName('type') || left.text === 'model_config' || left.text.startsWith('_')) continue;
        const type = a.childForFieldName('type')?.text ?? '';
        if (/^ClassVar\b/.test(type)) continue;
        facts.envReads.push({ name: (prefix + left.text).toUpperCase(), range: rangeOf(left), via: 'BaseSettings field', hasDefault: !!a.childForFieldName('right') });
      }
    };

    visit(tree.rootNode, false, false, true);
    if (!facts.syntaxError && tree.rootNode.hasError) noteError(tree.rootNode);
    return facts;
  }
}
