/**
 * What the workspace checks need to know about one Python file: its imports (relative level, whether
 * they run at import time, whether a missing module is tolerated), the names bound at module level,
 * its module-level servers, the environment variables it reads and where it does not parse.
 * The file's FastMCP flavor and servers come from the semantic model, and so do the nodes read here:
 * the model's document-ordered lists (imports, definitions, assignments, calls) merged into the order
 * of a walk of the tree, each node's context (inside a function, an optional import block, at module
 * scope) read from its ancestors. No walk over every node of the tree.
 */
import { computeLineStarts, parsePython, positionAt, type Node, type Tree, type SyntaxTree } from '../parse';
import { syntaxFor } from '../syntax';
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

/** Where a walk of the tree from the module meets a node: what its parent passes down to it. */
interface Context {
  /** Inside a function definition. */
  inFunction: boolean;
  /** Inside the block of a `try:` that tolerates a failed import, or of `if TYPE_CHECKING:`. */
  optional: boolean;
  /** Runs as part of the module: each ancestor is the module, a block, a statement or a clause. */
  moduleScope: boolean;
  /** Not looked into: inside an import statement, or under an unnamed child of a definition, `try` or `if`. */
  hidden: boolean;
}

/** The eight visible contexts by `inFunction * 4 + optional * 2 + moduleScope`, then the hidden one. */
const CONTEXTS: Context[] = [];
for (let i = 0; i < 8; i++) CONTEXTS.push({ inFunction: (i & 4) !== 0, optional: (i & 2) !== 0, moduleScope: (i & 1) !== 0, hidden: false });
const HIDDEN: Context = { inFunction: false, optional: false, moduleScope: false, hidden: true };
const contextOfFlags = (inFunction: boolean, optional: boolean, moduleScope: boolean): Context => CONTEXTS[(inFunction ? 4 : 0) + (optional ? 2 : 0) + (moduleScope ? 1 : 0)];
const MODULE_CONTEXT = contextOfFlags(false, false, true);

/** A node of one of these types passes module scope on to its children. */
const passesModuleScope = (type: string): boolean => type === 'module' || type === 'block' || type.endsWith('_statement') || type.endsWith('_clause');

/** What the facts read, by kind, in the order of the lists merged (the model's lists, in document order). */
const IMPORT = 0;
const FUNCTION = 1;
const CLASS = 2;
const ASSIGNMENT = 3;
const CALL = 4;
const SUBSCRIPT = 5;

/**
 * `environ` followed by `[` or `as` with only what tree-sitter skips between two tokens in between: whitespace
 * (JavaScript's `\s` lacks U+0085), line continuations, comments (to the end of the line). A file without
 * it can neither subscript `os.environ` nor import `environ` under another name.
 */
const ENVIRON_SUBSCRIPT_OR_ALIAS = /\benviron(?:[\s\u0085\u200B\u2060\\]|#[^\n]*\n)*(?:\[|as\b)/;
const OWN_LIST_TYPES = ['import_statement', 'import_from_statement', 'function_definition', 'class_definition', 'assignment', 'call'];

/**
 * The facts from a tree already parsed (and its model, when built): `fastmcp-lint DIR` takes them from
 * the tree it lints, so the project checks parse no file a second time. The caller keeps the tree.
 *
 * The facts are those of a walk from the module in document order that carries three flags down (inside a
 * function, optional, at module scope) and does not look inside import statements. Only imports,
 * definitions, assignments, calls and subscripts add facts, so those nodes are taken from the model's
 * lists and merged into the walk's order by their spans, and each one's flags are read from its ancestors
 * (kept per ancestor); a file with a syntax error is searched for it only along subtrees that hold one.
 * Where spans cannot give the walk's order (two nodes of one span; in a tree with errors, a node of zero
 * width or something after a class's body; no real file has been seen to have either), the facts come
 * from the walk itself.
 */
export function pythonFactsOf(tree: Tree | SyntaxTree, text: string, model: FileModel = buildModel(tree, text), lineStarts = computeLineStarts(text)): PythonFacts {
  const root = syntaxFor(tree, text).rootNode;
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

  // ---- the context of a node, from its ancestors

  const tolerant = new Map<Node, boolean>();
  /** A `try` with an `except` (of ImportError, ModuleNotFoundError, Exception or anything) tolerates a failed import. */
  const tolerates = (tryStmt: Node): boolean => {
    let t = tolerant.get(tryStmt);
    if (t === undefined) {
      const handlers = tryStmt.namedChildren.filter((c) => c?.type === 'except_clause' || c?.type === 'except_group_clause');
      t = handlers.some((h) => {
        const head = h!.namedChildren.find((c) => c && c.type !== 'block');
        return !head || OPTIONAL_EXCEPTIONS.test(head.text);
      });
      tolerant.set(tryStmt, t);
    }
    return t;
  };
  const isTypeChecking = (ifStmt: Node): boolean => {
    const cond = ifStmt.childForFieldName('condition');
    return !!cond && /^(typing\.)?TYPE_CHECKING$/.test(cond.text);
  };

  /** The context `parent` (met in context `c`) passes to its child `n`. */
  const childContext = (parent: Node, c: Context, n: Node): Context => {
    if (c.hidden) return c;
    const type = parent.type;
    switch (type) {
      case 'import_statement':
      case 'import_from_statement':
        return HIDDEN;
      case 'function_definition':
        return n.isNamed ? contextOfFlags(true, c.optional, false) : HIDDEN;
      case 'class_definition':
        return n.isNamed ? contextOfFlags(c.inFunction, c.optional, false) : HIDDEN;
      case 'try_statement':
        if (!n.isNamed) return HIDDEN;
        return !c.optional && n.type === 'block' && tolerates(parent) ? contextOfFlags(c.inFunction, true, c.moduleScope) : c;
      case 'if_statement':
        if (!n.isNamed) return HIDDEN;
        return !c.optional && n.type === 'block' && isTypeChecking(parent) ? contextOfFlags(c.inFunction, true, c.moduleScope) : c;
      case 'block': {
        // A class's body is not met itself: its named children are, as children of the class.
        const cls = parent.parent;
        if (cls?.type === 'class_definition' && cls.childForFieldName('body') === parent && !n.isNamed) return HIDDEN;
        return c;
      }
    }
    return c.moduleScope && !passesModuleScope(type) ? contextOfFlags(c.inFunction, c.optional, false) : c;
  };

  const contexts = new Map<Node, Context>([[root, MODULE_CONTEXT]]);
  const chain: Node[] = [];
  const contextOf = (n: Node): Context => {
    let ctx = contexts.get(n);
    if (ctx) return ctx;
    chain.length = 0;
    let top: Node | null = n;
    for (; top; top = top.parent) {
      ctx = contexts.get(top);
      if (ctx) break;
      chain.push(top);
    }
    if (!top) {
      // Not under the root: the walk would not meet it.
      for (const c of chain) contexts.set(c, HIDDEN);
      return HIDDEN;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      ctx = childContext(top, ctx!, chain[i]);
      contexts.set(chain[i], ctx);
      top = chain[i];
    }
    return ctx!;
  };

  // ---- what each kind of node adds

  const noteError = (n: Node) => {
    if (facts.syntaxError) return;
    // tree-sitter wraps the statements before a mistake into the error node; the innermost one is where it is.
    for (let inner = n.children.find((c) => c?.type === 'ERROR'); inner; inner = inner.children.find((c) => c?.type === 'ERROR')) n = inner;
    const line = positionAt(lineStarts, n.startIndex).line + 1;
    facts.syntaxError = { range: rangeOf(n), message: n.isMissing ? `expected \`${n.type}\` on line ${line}` : `invalid syntax on line ${line}` };
  };

  const functionFact = (n: Node, c: Context) => {
    if (!c.moduleScope) return;
    const name = n.childForFieldName('name')?.text;
    if (name) {
      facts.moduleNames.add(name);
      facts.moduleFunctions.add(name);
    }
  };

  const classFact = (n: Node, c: Context) => {
    const name = c.moduleScope ? n.childForFieldName('name')?.text : undefined;
    if (name) facts.moduleNames.add(name);
    settingsClass(n);
  };

  const bindTargets = (left: Node | null) => {
    if (!left) return;
    if (left.type === 'identifier') facts.moduleNames.add(left.text);
    else if (left.type === 'pattern_list' || left.type === 'tuple_pattern' || left.type === 'list_pattern') for (const c of left.namedChildren) bindTargets(c);
  };

  const importFact = (n: Node, { inFunction, optional, moduleScope }: Context) => {
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

  /** `at` (a call or subscript) reads the variable named by `arg`; the walk does not look inside import statements. */
  const pushEnv = (at: Node, arg: Node | null | undefined, via: string, hasDefault: boolean) => {
    const name = stringValue(arg ?? null);
    if (name && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !contextOf(at).hidden) facts.envReads.push({ name, range: rangeOf(arg!), via, hasDefault });
  };

  const envCall = (call: Node) => {
    const fn = call.childForFieldName('function');
    let via: string | undefined;
    if (fn?.type === 'identifier') {
      if (getenvNames.has(fn.text)) via = 'os.getenv';
    } else if (fn?.type === 'attribute') {
      const attr = fn.childForFieldName('attribute')?.text;
      const obj = fn.childForFieldName('object');
      if (attr === 'getenv' && obj?.type === 'identifier' && (osAliases.has(obj.text) || obj.text === 'os')) via = 'os.getenv';
      else if ((attr === 'get' || attr === 'setdefault' || attr === 'pop') && isEnviron(obj)) via = `os.environ.${attr}`;
    }
    if (!via) return;
    const args = call.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => !!a && a.type !== 'comment') ?? [];
    const positional = args.filter((a) => a.type !== 'keyword_argument');
    const hasDefault = positional.length > 1 || args.some((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'default');
    pushEnv(call, positional[0], via, hasDefault || via === 'os.environ.setdefault');
  };

  const envSubscript = (sub: Node) => {
    if (!isEnviron(sub.childForFieldName('value'))) return;
    // A store (`os.environ["X"] = ...`) sets the variable; it is not read from the deployment.
    const parent = sub.parent;
    if (parent?.type === 'assignment' && parent.childForFieldName('left')?.id === sub.id) return;
    pushEnv(sub, sub.childForFieldName('subscript'), 'os.environ[]', false);
  };

  /** pydantic-settings: each annotated field of a `BaseSettings` subclass is read from `<prefix><FIELD>`. */
  const isSettingsClass = (cls: Node): boolean => (cls.childForFieldName('superclasses')?.namedChildren ?? []).some((b) => b && /(^|\.)BaseSettings$/.test(b.text));
  const settingsClass = (cls: Node) => {
    if (!isSettingsClass(cls)) return;
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

  // ---- the nodes that add facts, in the order of the walk

  const hasError = root.hasError;
  // Only `os.getenv`, `os.environ` and names imported as them read the environment: a file that never
  // spells either word has no reads to find among its calls and subscripts.
  const readsEnv = (text.includes('getenv') || text.includes('environ')) && /\b(getenv|environ)\b/.test(text);
  const lists: Node[][] = [];
  if (model.whole === model && model.root === root) {
    lists[IMPORT] = model.importStatements;
    lists[FUNCTION] = model.functions;
    lists[CLASS] = model.classes;
    lists[ASSIGNMENT] = model.assignments;
    lists[CALL] = readsEnv ? model.calls : [];
  } else {
    // A model of part of the file (an incremental lint's view): one search of the tree instead.
    for (const k of [IMPORT, FUNCTION, CLASS, ASSIGNMENT, CALL]) lists[k] = [];
    const kindOf: Record<string, number> = { import_statement: IMPORT, import_from_statement: IMPORT, function_definition: FUNCTION, class_definition: CLASS, assignment: ASSIGNMENT, call: CALL };
    for (const n of root.descendantsOfType(readsEnv ? OWN_LIST_TYPES : OWN_LIST_TYPES.filter((t) => t !== 'call'))) if (n) lists[kindOf[n.type]].push(n);
  }
  // A read `X[...]` names `environ` (or what it is imported as) before the bracket. In a tree with errors
  // anything may lie between them, and the scanner ends a comment at a NUL too: there any mention counts.
  const subscriptsRead = text.includes('environ') && (hasError || text.includes('\0') ? /\benviron\b/.test(text) : ENVIRON_SUBSCRIPT_OR_ALIAS.test(text));
  lists[SUBSCRIPT] = subscriptsRead ? root.descendantsOfType('subscript').filter((n): n is Node => !!n) : [];

  const merged = mergeInWalkOrder(lists, hasError);
  if (merged && (!hasError || classBodiesLast(lists[CLASS]))) {
    const [nodes, kinds] = merged;
    // The definitions (functions, classes) the walk is inside: nothing in one is at module scope, so
    // definitions and assignments there add nothing and need no context.
    const open: Node[] = [];
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      while (open.length && open[open.length - 1].endIndex <= n.startIndex) open.pop();
      const inDefinition = open.length > 0;
      switch (kinds[i]) {
        case IMPORT: {
          const c = contextOf(n);
          if (!c.hidden) importFact(n, c);
          break;
        }
        case FUNCTION: {
          if (!inDefinition) {
            const c = contextOf(n);
            if (!c.hidden) functionFact(n, c);
          }
          open.push(n);
          break;
        }
        case CLASS: {
          if (!inDefinition || isSettingsClass(n)) {
            const c = contextOf(n);
            if (!c.hidden) classFact(n, c);
          }
          open.push(n);
          break;
        }
        case ASSIGNMENT: {
          if (!inDefinition) {
            const c = contextOf(n);
            if (!c.hidden && c.moduleScope) bindTargets(n.childForFieldName('left'));
          }
          break;
        }
        case CALL:
          envCall(n);
          break;
        case SUBSCRIPT:
          envSubscript(n);
          break;
      }
    }
    if (hasError) firstError(root);
  } else {
    walk(root, MODULE_CONTEXT);
  }
  if (!facts.syntaxError && hasError) noteError(root);
  return facts;

  /** The walk itself, over every node it meets: for the trees whose order the lists cannot give. */
  function walk(n: Node, c: Context): void {
    switch (n.type) {
      case 'function_definition': {
        functionFact(n, c);
        const inner = contextOfFlags(true, c.optional, false);
        for (const k of n.namedChildren) if (k) walk(k, inner);
        return;
      }
      case 'class_definition': {
        classFact(n, c);
        const inner = contextOfFlags(c.inFunction, c.optional, false);
        const body = n.childForFieldName('body');
        for (const k of n.namedChildren) if (k && k !== body) walk(k, inner);
        if (body) for (const k of body.namedChildren) if (k) walk(k, inner);
        return;
      }
      case 'try_statement':
      case 'if_statement': {
        const opt = n.type === 'try_statement' ? tolerates(n) : isTypeChecking(n);
        for (const k of n.namedChildren) if (k) walk(k, opt && k.type === 'block' ? contextOfFlags(c.inFunction, true, c.moduleScope) : c);
        return;
      }
      case 'import_statement':
      case 'import_from_statement':
        importFact(n, c);
        return;
      case 'assignment':
        if (c.moduleScope) bindTargets(n.childForFieldName('left'));
        break;
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
    const inner = c.moduleScope && !passesModuleScope(n.type) ? contextOfFlags(c.inFunction, c.optional, false) : c;
    for (const k of n.children) if (k) walk(k, inner);
  }

  /**
   * The first error node or missing token the walk meets, found by going down only into subtrees with an
   * error and choosing children as the walk does. True once noted.
   */
  function firstError(n: Node): boolean {
    switch (n.type) {
      case 'import_statement':
      case 'import_from_statement':
        return false;
      case 'function_definition':
      case 'try_statement':
      case 'if_statement':
        for (const k of n.namedChildren) if (k?.hasError && firstError(k)) return true;
        return false;
      case 'class_definition': {
        const body = n.childForFieldName('body');
        for (const k of n.namedChildren) if (k && k !== body && k.hasError && firstError(k)) return true;
        if (body) for (const k of body.namedChildren) if (k?.hasError && firstError(k)) return true;
        return false;
      }
      case 'ERROR':
      case 'MISSING':
        noteError(n);
        return true;
    }
    if (n.isMissing) {
      noteError(n);
      return true;
    }
    for (const k of n.children) if (k?.hasError && firstError(k)) return true;
    return false;
  }
}

/** `a` comes before `b` in a walk of the tree: it starts first, or at the same place and spans more (an ancestor). */
const before = (a: Node, b: Node): boolean => a.startIndex < b.startIndex || (a.startIndex === b.startIndex && a.endIndex > b.endIndex);

/**
 * The nodes of `lists` (each in document order) in the order a walk of the tree meets them, with the index
 * of the list each came from; null when their spans cannot tell that order: two nodes of different lists
 * with the same span, or (checked in a tree with syntax errors, where tree-sitter makes such nodes) a node
 * of zero width or a list out of order.
 */
function mergeInWalkOrder(lists: Node[][], check: boolean): [Node[], number[]] | null {
  if (check) {
    for (const list of lists) {
      for (let i = 0; i < list.length; i++) {
        const n = list[i];
        if (n.startIndex >= n.endIndex || (i > 0 && before(n, list[i - 1]))) return null;
      }
    }
  }
  const nodes: Node[] = [];
  const kinds: number[] = [];
  // The lists not yet used up, and how far each has been taken.
  const live = lists.map((_, k) => k).filter((k) => lists[k].length > 0);
  const at = lists.map(() => 0);
  while (live.length) {
    let best = 0;
    let first = lists[live[0]][at[live[0]]];
    for (let j = 1; j < live.length; j++) {
      const n = lists[live[j]][at[live[j]]];
      if (before(n, first)) {
        best = j;
        first = n;
      } else if (!before(first, n)) return null;
    }
    const k = live[best];
    nodes.push(first);
    kinds.push(k);
    if (++at[k] === lists[k].length) live.splice(best, 1);
  }
  return [nodes, kinds];
}

/**
 * The walk meets the named children of a class before the statements of its body: in document order unless
 * something other than a comment follows the body (which only a syntax error makes).
 */
function classBodiesLast(classes: Node[]): boolean {
  for (const cls of classes) {
    const body = cls.childForFieldName('body');
    if (!body) continue;
    const kids = cls.namedChildren;
    for (let i = kids.indexOf(body) + 1; i > 0 && i < kids.length; i++) if (kids[i] && kids[i]!.type !== 'comment') return false;
  }
  return true;
}
