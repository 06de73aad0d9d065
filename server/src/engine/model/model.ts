/**
 * The semantic model of one Python file: one pass over the tree records what FastMCP rules ask
 * about — imports and aliases, server variables, components, Context-typed names, run calls — so
 * that each rule is short and only this file knows how names resolve.
 */
import type { Node, Tree, SyntaxTree } from '../parse';
import { syntaxFor } from '../syntax';
import type { Flavor } from '../types';
import {
  contextClassFlavor,
  fastmcpClassFlavor,
  flavorOfModule,
  isInjectedDefaultCallee,
  isServerFactory,
  SERVER_CLASSMETHODS,
  STANDALONE_DECORATORS,
} from './names';

export interface ImportBinding {
  /** The name bound in this file. */
  local: string;
  /** What it refers to: `fastmcp.FastMCP`, `fastmcp` (a module), `mcp.server.fastmcp.Context`. */
  qualified: string;
  /** The module of the statement (`fastmcp` for `from fastmcp import X`, `fastmcp.x` for `import fastmcp.x`). */
  module: string;
  /** The imported name for `from` imports. */
  name: string | null;
  statement: Node;
  /** The node naming this binding (dotted_name or aliased_import). */
  node: Node;
  typeCheckingOnly: boolean;
  /** Inside a function body (not visible module-wide). */
  local_scope: boolean;
}

export interface ServerVar {
  name: string;
  flavor: Flavor;
  /** The assignment/parameter node that binds it. */
  node: Node;
  /** The call creating it, when bound by a call. */
  call: Node | null;
  /** `null` for module scope, else the function_definition that owns the name. */
  scope: Node | null;
  kind: 'constructor' | 'classmethod' | 'factory' | 'annotation';
}

export type ParamKind = 'positional' | 'keyword_only' | 'args' | 'kwargs';
export interface Param {
  name: string;
  node: Node;
  nameNode: Node;
  kind: ParamKind;
  annotation: Node | null;
  default: Node | null;
  contextFlavor: Flavor | null;
  injected: boolean;
}

export type ComponentKind = 'tool' | 'resource' | 'prompt';
export interface Component {
  kind: ComponentKind;
  /** The server variable's name, or null for the standalone `@tool` decorators. */
  server: string | null;
  serverVar: ServerVar | null;
  flavor: Flavor;
  decorator: Node;
  /** The decorator expression's call node (`@mcp.tool(...)`), null when bare. */
  call: Node | null;
  /** The callee (`mcp.tool` attribute or `tool` identifier). */
  callee: Node;
  func: Node;
  funcName: string;
  isAsync: boolean;
  params: Param[];
  positional: Node[];
  keywords: Map<string, Node>;
  hasSplat: boolean;
  /** The class body the function is defined in, if any. */
  inClass: Node | null;
}

export type RunMethod =
  | 'run'
  | 'run_async'
  | 'http_app'
  | 'run_http_async'
  | 'run_stdio_async'
  | 'sse_app'
  | 'streamable_http_app'
  | 'run_sse_async'
  | 'run_streamable_http_async';
const RUN_METHODS = new Set<string>([
  'run',
  'run_async',
  'http_app',
  'run_http_async',
  'run_stdio_async',
  'sse_app',
  'streamable_http_app',
  'run_sse_async',
  'run_streamable_http_async',
]);

export interface RunCall {
  server: ServerVar;
  method: RunMethod;
  call: Node;
  args: CallArgs;
  awaited: boolean;
  enclosingFunction: Node | null;
  inAsyncFunction: boolean;
  inMainGuard: boolean;
}

export interface CallArgs {
  positional: Node[];
  keywords: Map<string, Node>;
  /** `*x` or `**x` present: the call's real arguments are unknown. */
  hasSplat: boolean;
}

export interface FileModel {
  tree: SyntaxTree;
  root: Node;
  text: string;
  /** The FastMCP flavor of the file, null when it imports neither. */
  flavor: Flavor | null;
  flavors: Set<Flavor>;
  imports: ImportBinding[];
  servers: ServerVar[];
  components: Component[];
  runCalls: RunCall[];
  /** Every node of the types the rules walk, in document order. */
  calls: Node[];
  functions: Node[];
  classes: Node[];
  awaits: Node[];
  attributes: Node[];
  comments: Node[];
  assignments: Node[];
  decorated: Node[];
  /** `import` and `from … import` statements (star imports included), in document order. */
  importStatements: Node[];
  /** String literals (each part of an implicit concatenation on its own). */
  strings: Node[];
  /** The module's top-level statements, in order. */
  statements: Node[];
  /**
   * The subtree the node lists cover: the module, or, in an incremental lint, the edited top-level
   * statement. Rules that walk the tree for what they report start here rather than at `root`.
   */
  scopeRoot: Node;
  /**
   * The model of the whole file: this model itself, except in an incremental lint's view, whose node
   * lists hold only the edited statement. For a rule that looks things up across the file.
   */
  whole: FileModel;
  /**
   * What the file-wide walks over top-level statements found at the document's last lint (`gatherKept`), when
   * the model is of an open document linted again; absent otherwise.
   */
  carry?: WalkCarry;
  /** `if __name__ == "__main__":` statements at module level. */
  mainGuards: Node[];
  hasErrors: boolean;
  /** Resolve a name or dotted attribute to a qualified name through the file's imports. */
  resolve(node: Node | null): string | null;
  /**
   * Stands for the module-scope imports `resolve` reads: two models with the same token resolve every node
   * the same way, so answers kept on nodes under it hold.
   */
  resolutionToken: object;
  /** The server variable an expression names, considering function scopes. */
  serverOf(node: Node | null): ServerVar | null;
  /** Context flavor of an annotation node, or null if it does not name Context. */
  contextFlavorOfAnnotation(annotation: Node | null): Flavor | null;
  /** Context-typed names visible inside a function (parameters and `x = get_context()`). */
  contextNamesIn(func: Node): Set<string>;
  /** Whether `node` is within a module-level `if __name__ == "__main__":` block. */
  inMainGuard(node: Node): boolean;
  enclosingFunction(node: Node): Node | null;
  isAsyncFunction(func: Node): boolean;
  callArgs(call: Node): CallArgs;
  /** Function definitions by name at module level (last one wins, as in Python). */
  moduleFunctions: Map<string, Node>;
  moduleClasses: Map<string, Node>;
}

const COLLECT = new Set([
  'call',
  'function_definition',
  'class_definition',
  'await',
  'attribute',
  'comment',
  'assignment',
  'decorated_definition',
  'import_statement',
  'import_from_statement',
  'future_import_statement',
  'string',
]);

export const COLLECT_TYPES = [...COLLECT];

/** The nodes a model is built from, in document order, with the index in `COLLECT_TYPES` of each one's type. */
export interface CollectedNodes {
  nodes: Node[];
  kinds: Uint8Array;
}

const COLLECT_INDEX = new Map(COLLECT_TYPES.map((t, i) => [t, i]));
/** Where the model's lists keep import statements of both kinds, after one list per type. */
const IMPORT_LIST = COLLECT_TYPES.length;
const IMPORT_KINDS = new Set([COLLECT_INDEX.get('import_statement')!, COLLECT_INDEX.get('import_from_statement')!]);

/** The model's nodes among `nodes` (in document order; others are skipped). */
export function collectNodes(nodes: Iterable<Node | null>): CollectedNodes {
  const own: Node[] = [];
  const kinds: number[] = [];
  for (const n of nodes) {
    if (!n) continue;
    const i = COLLECT_INDEX.get(n.type);
    if (i === undefined) continue;
    own.push(n);
    kinds.push(i);
  }
  return { nodes: own, kinds: Uint8Array.from(kinds) };
}

const LISTS_KEY = {};
const LIST_COUNT = IMPORT_LIST + 1;

interface ListsWalk {
  statements: readonly Node[];
  /** Where the first statement started. */
  first: number;
  /** After each statement, how many nodes each list holds: `ends[i * LIST_COUNT + k]`. */
  ends: Int32Array;
  lists: Node[][];
}

/**
 * The model's lists (one per type of `COLLECT_TYPES`, then the import statements) from each top-level
 * statement's nodes (`own`, or why the file is not linted), in document order. As the tree's own search from
 * the module, an empty node at the very start of the text is left out. With a document's `carry`, the
 * statements an edit left alone before and after the changed ones keep their part of the last lint's lists.
 */
export function modelLists(statements: readonly Node[], own: (statement: Node) => CollectedNodes | string, carry?: WalkCarry): Node[][] | string {
  const n = statements.length;
  const prev = carry?.get(LISTS_KEY) as ListsWalk | undefined;
  const m = prev?.statements.length ?? 0;
  let p = 0;
  let s = 0;
  // A statement that moves to or from the start of the text may gain or lose an empty node there: then
  // every statement is looked at.
  if (prev && n && prev.first === statements[0].startIndex) {
    const span = changedSpan(prev.statements, statements);
    p = span.same;
    s = span.sameAtEnd === n || span.sameAtEnd === m ? 0 : span.sameAtEnd;
  }
  const ends = new Int32Array(n * LIST_COUNT);
  const counts = new Int32Array(LIST_COUNT);
  if (prev && p) {
    ends.set(prev.ends.subarray(0, p * LIST_COUNT));
    counts.set(prev.ends.subarray((p - 1) * LIST_COUNT, p * LIST_COUNT));
  }
  const kept = Int32Array.from(counts);
  // The nodes of the statements looked at, per list; the kept parts before and after are copied in one piece each.
  const fresh: Node[][] = [];
  for (let k = 0; k < LIST_COUNT; k++) fresh.push([]);
  for (let i = p; i < n - s; i++) {
    const stmt = statements[i];
    const c = own(stmt);
    if (typeof c === 'string') return c;
    const { nodes, kinds } = c;
    const atStart = stmt.startIndex === 0;
    for (let j = 0; j < nodes.length; j++) {
      const node = nodes[j];
      if (atStart && node.endIndex === 0) continue;
      const k = kinds[j];
      fresh[k].push(node);
      counts[k]++;
      if (IMPORT_KINDS.has(k)) {
        fresh[IMPORT_LIST].push(node);
        counts[IMPORT_LIST]++;
      }
    }
    ends.set(counts, i * LIST_COUNT);
  }
  const lists: Node[][] = [];
  const from = m - s;
  for (let k = 0; k < LIST_COUNT; k++) {
    if (!prev || (!p && !s)) {
      lists.push(fresh[k]);
      continue;
    }
    const old = prev.lists[k];
    // Where the statements kept at the end start in the last lint's list.
    const before = !s ? old.length : from ? prev.ends[(from - 1) * LIST_COUNT + k] : 0;
    const head = p ? old.slice(0, kept[k]) : [];
    lists.push(s ? head.concat(fresh[k], old.slice(before)) : fresh[k].length ? head.concat(fresh[k]) : head);
    if (s) {
      const shift = counts[k] - before;
      for (let t = 0; t < s; t++) ends[(n - s + t) * LIST_COUNT + k] = prev.ends[(from + t) * LIST_COUNT + k] + shift;
    }
  }
  carry?.set(LISTS_KEY, { statements, first: n ? statements[0].startIndex : -1, ends, lists } satisfies ListsWalk);
  return lists;
}

const IMPORTS_KEY = {};
const PLAIN_IMPORTS_KEY = {};
const FROM_IMPORTS_KEY = {};
const ASSIGNED_SERVERS_KEY = {};
const PARAMETER_SERVERS_KEY = {};
const PARAMS_KEY = {};

/** The import bindings of one top-level statement's import statements: `import x` ones and `from x import y` ones. */
function statementImports(statements: Node[]): { plain: ImportBinding[]; from: ImportBinding[] } {
  const plain: ImportBinding[] = [];
  const from: ImportBinding[] = [];
  for (const imp of statements) {
    const typeCheckingOnly = underTypeChecking(imp);
    const localScope = enclosingFunction(imp) !== null;
    if (imp.type === 'import_statement') {
      for (const n of imp.namedChildren) {
        if (!n) continue;
        if (n.type === 'dotted_name') {
          const mod = n.text;
          const top = mod.split('.')[0];
          plain.push({ local: top, qualified: top, module: mod, name: null, statement: imp, node: n, typeCheckingOnly, local_scope: localScope });
        } else if (n.type === 'aliased_import') {
          const nameNode = n.childForFieldName('name');
          const alias = n.childForFieldName('alias');
          if (nameNode && alias) plain.push({ local: alias.text, qualified: nameNode.text, module: nameNode.text, name: null, statement: imp, node: n, typeCheckingOnly, local_scope: localScope });
        }
      }
    } else {
      const modNode = imp.childForFieldName('module_name');
      if (!modNode || modNode.type === 'relative_import') continue;
      const mod = modNode.text;
      for (const n of imp.childrenForFieldName('name')) {
        if (!n) continue;
        if (n.type === 'dotted_name') {
          from.push({ local: n.text, qualified: `${mod}.${n.text}`, module: mod, name: n.text, statement: imp, node: n, typeCheckingOnly, local_scope: localScope });
        } else if (n.type === 'aliased_import') {
          const nameNode = n.childForFieldName('name');
          const alias = n.childForFieldName('alias');
          if (nameNode && alias) from.push({ local: alias.text, qualified: `${mod}.${nameNode.text}`, module: mod, name: nameNode.text, statement: imp, node: n, typeCheckingOnly, local_scope: localScope });
        }
      }
    }
  }
  return { plain, from };
}

/** The nodes of a list in document order that start in `[start, end)`. */
export function nodesIn(list: Node[], start: number, end: number): Node[] {
  return list.slice(firstAtOrAfter(list, start), firstAtOrAfter(list, end));
}

/**
 * The file's calls that `pick` accepts, in document order. `pick` may read the call's own subtree, its
 * ancestors within its top-level statement and name resolution (`model.resolve`), nothing else: for an open
 * document its answers are kept per top-level statement under `key` while the module's imports are the same,
 * so after an edit only the statements that changed are looked at again (`gatherKept`). The list is made
 * once per model and key: callers must not change it.
 */
export function callsWhere(model: FileModel, key: object, pick: (call: Node) => boolean): Node[] {
  return nodesWhere(model.whole, model.whole.calls, key, pick);
}

/** `callsWhere` for the file's assignments. */
export function assignmentsWhere(model: FileModel, key: object, pick: (assignment: Node) => boolean): Node[] {
  return nodesWhere(model.whole, model.whole.assignments, key, pick);
}

/**
 * The model's own calls that `pick` accepts, in document order: the file's (`callsWhere`, kept per
 * statement) for a whole model, the edited statement's for an incremental lint's view. `pick` as for
 * `callsWhere`.
 */
export function ownCallsWhere(model: FileModel, key: object, pick: (call: Node) => boolean): Node[] {
  return model === model.whole ? callsWhere(model, key, pick) : model.calls.filter(pick);
}

/** `ownCallsWhere` for the model's attribute accesses. */
export function ownAttributesWhere(model: FileModel, key: object, pick: (attribute: Node) => boolean): Node[] {
  return model === model.whole ? attributesWhere(model, key, pick) : model.attributes.filter(pick);
}

/**
 * The run calls of the model's own statements: all of them for a whole model, the edited statement's for an
 * incremental lint's view (whose `runCalls` stay the file's). For a rule that reports on a run call's own nodes.
 */
export function ownRunCalls(model: FileModel): RunCall[] {
  if (model === model.whole) return model.runCalls;
  const scope = model.scopeRoot;
  return model.runCalls.filter((rc) => rc.call.startIndex >= scope.startIndex && rc.call.endIndex <= scope.endIndex);
}

/** `ownCallsWhere` for the model's function definitions. */
export function ownFunctionsWhere(model: FileModel, key: object, pick: (func: Node) => boolean): Node[] {
  return model === model.whole ? functionsWhere(model, key, pick) : model.functions.filter(pick);
}

/** `ownCallsWhere` for the model's string literals. */
export function ownStringsWhere(model: FileModel, key: object, pick: (string: Node) => boolean): Node[] {
  return model === model.whole ? nodesWhere(model, model.strings, key, pick) : model.strings.filter(pick);
}

/** `callsWhere` for the file's attribute accesses. */
export function attributesWhere(model: FileModel, key: object, pick: (attribute: Node) => boolean): Node[] {
  return nodesWhere(model.whole, model.whole.attributes, key, pick);
}

/** `callsWhere` for the file's decorated definitions. */
export function decoratedWhere(model: FileModel, key: object, pick: (decorated: Node) => boolean): Node[] {
  return nodesWhere(model.whole, model.whole.decorated, key, pick);
}

/** `callsWhere` for the file's function definitions. */
export function functionsWhere(model: FileModel, key: object, pick: (func: Node) => boolean): Node[] {
  return nodesWhere(model.whole, model.whole.functions, key, pick);
}

/** What `make` works out for `model`, once per model: kept in `cache` (a WeakMap, so it goes with the model). */
export function oncePerModel<T>(cache: WeakMap<FileModel, T>, model: FileModel, make: () => T): T {
  let v = cache.get(model);
  if (v === undefined) cache.set(model, (v = make()));
  return v;
}

const picked = new WeakMap<FileModel, Map<object, Node[]>>();
function nodesWhere(whole: FileModel, list: Node[], key: object, pick: (node: Node) => boolean): Node[] {
  const byKey = oncePerModel(picked, whole, () => new Map<object, Node[]>());
  let found = byKey.get(key);
  if (!found) byKey.set(key, (found = gatherKept(whole, key, whole.statements, whole.resolutionToken, (_, own) => own.filter(pick), list)));
  return found;
}

/** What a document's file-wide walks found at its last lint, by walk (`gatherKept`). */
export type WalkCarry = Map<object, unknown>;

interface Walk<T> {
  statements: readonly Node[];
  token: object | null;
  /** Each statement's finds, and where they end in `out`. */
  parts: Array<readonly T[]>;
  ends: Int32Array;
  out: T[];
}

const NONE: readonly never[] = [];
/**
 * How far ahead in the last walk's statements a changed statement's successor is looked for; also how many
 * statements between a kept start and a kept end are looked at again rather than merged.
 */
const LOOKAHEAD = 8;

/**
 * For each of `statements` (top-level statements in document order), what `make` finds in it, joined in
 * document order. `make` may read the statement's subtree and what `token` stands for (null: nothing
 * else). For an open document's model (one with a `carry`) its answer is kept on the statement (`keepFor`,
 * `keep`); other models use an answer kept there already. With `list` (nodes in document order), `make`
 * also gets the statement's own nodes of it, and statements holding none find nothing.
 *
 * With the model's `carry` (the same document linted before), the statements the edits since left alone are
 * not visited again: their part of the last answer is reused. The answer is shared: callers must not change it.
 */
export function gatherKept<T>(model: FileModel, key: object, statements: readonly Node[], token: object | null, make: (statement: Node, own: Node[]) => readonly T[], list?: Node[]): T[] {
  // Kept on the statements for an open document's next lint; a one-off model (the CLI's) only reads what is
  // kept already (a lint's answers, for a hover on the same tree).
  const keeps = model.carry !== undefined;
  const find = (stmt: Node, own: () => Node[]): readonly T[] => {
    let v: readonly T[] | undefined;
    if (keeps) v = token ? stmt.keepFor(key, token, () => make(stmt, own())) : stmt.keep(key, () => make(stmt, own()));
    else v = (token ? stmt.keptFor<readonly T[]>(key, token) : stmt.kept<readonly T[]>(key)) ?? make(stmt, own());
    return v.length ? v : NONE;
  };
  const n = statements.length;
  let parts: Array<readonly T[]>;
  let ends: Int32Array;
  let out: T[] = [];
  const carry = model.carry;
  const prev = carry?.get(key) as Walk<T> | undefined;
  if (prev && prev.token === token) {
    const ps = prev.statements;
    const m = ps.length;
    const prevOut = prev.out;
    const prevEnds = prev.ends;
    const prevParts = prev.parts;
    const span = changedSpan(ps, statements);
    // The statements at the start that are the same as before (all of them: the last answer holds as it is).
    const p = span.same;
    if (p === n && n === m) return prevOut;
    if (n - span.sameAtEnd - p <= LOOKAHEAD) {
      // Only statements [p, n - q) differ, in place of [p, m - q): a few, as after the edits since the last lint.
      const q = span.sameAtEnd;
      const oldFrom = p ? prevEnds[p - 1] : 0;
      const oldTo = m - q ? prevEnds[m - q - 1] : 0;
      const mid: Array<readonly T[]> = [];
      const fresh: T[] = [];
      for (let i = p; i < n - q; i++) {
        const stmt = statements[i];
        const v = find(stmt, () => (list ? nodesIn(list, stmt.startIndex, stmt.endIndex) : []));
        mid.push(v);
        for (let t = 0; t < v.length; t++) fresh.push(v[t]);
      }
      // The last walk's parts and ends are its own (its answer, `out`, is shared): with as many statements as
      // before they are brought up to date in place, with nothing left that can throw.
      const same = n === m;
      const keptParts = same ? (prevParts as Array<readonly T[]>) : prevParts.slice(0, p).concat(mid, prevParts.slice(m - q));
      const keptEnds = same ? prevEnds : new Int32Array(n);
      if (!same) keptEnds.set(prevEnds.subarray(0, p));
      let count = oldFrom;
      for (let i = 0; i < mid.length; i++) {
        keptParts[p + i] = mid[i];
        keptEnds[p + i] = count += mid[i].length;
      }
      const shift = count - oldTo;
      if (shift === 0) {
        if (!same) keptEnds.set(prevEnds.subarray(m - q), n - q);
      } else if (same) for (let t = n - q; t < n; t++) keptEnds[t] += shift;
      else for (let t = 0; t < q; t++) keptEnds[n - q + t] = prevEnds[m - q + t] + shift;
      const keptOut = oldFrom === oldTo && !fresh.length ? prevOut : prevOut.slice(0, oldFrom).concat(fresh, prevOut.slice(oldTo));
      carry!.set(key, { statements, token, parts: keptParts, ends: keptEnds, out: keptOut } satisfies Walk<T>);
      return keptOut;
    }
    parts = new Array(n);
    ends = new Int32Array(n);
    for (let i = 0; i < p; i++) parts[i] = prevParts[i];
    if (p) ends.set(prevEnds.subarray(0, p));
    // A statement left alone since the walk was last made is the same object, in the same order: its part is
    // reused. The walk may be several lints old (a key a rule asks for only in some lints), so the statements
    // changed since are matched by a merge of the two lists rather than as one span between a kept start and end.
    // Runs of reused parts are copied from the last answer in one piece each.
    const chunks: T[][] = [];
    // The run of reused parts being copied: statements [runFrom, runTo) of the last walk.
    let runFrom = p ? 0 : -1;
    let runTo = p ? p : -1;
    let fresh: T[] | null = null;
    let count = p ? prevEnds[p - 1] : 0;
    let j = p;
    for (let i = p; i < n; i++) {
      const stmt = statements[i];
      let k = -1;
      if (j < m && ps[j] === stmt) k = j;
      else {
        // A few statements of the last walk removed or replaced here.
        const limit = Math.min(m, j + LOOKAHEAD);
        for (let t = j + 1; t < limit; t++) {
          if (ps[t] === stmt) {
            k = t;
            break;
          }
        }
      }
      let v: readonly T[];
      if (k >= 0) {
        v = prevParts[k];
        count += prevEnds[k] - (k ? prevEnds[k - 1] : 0);
        if (k !== runTo) {
          if (runFrom >= 0 && runTo > runFrom) chunks.push(prevOut.slice(runFrom ? prevEnds[runFrom - 1] : 0, prevEnds[runTo - 1]));
          runFrom = k;
        }
        runTo = k + 1;
        j = k + 1;
        fresh = null;
      } else {
        v = find(stmt, () => (list ? nodesIn(list, stmt.startIndex, stmt.endIndex) : []));
        if (v.length) {
          if (runFrom >= 0 && runTo > runFrom) chunks.push(prevOut.slice(runFrom ? prevEnds[runFrom - 1] : 0, prevEnds[runTo - 1]));
          runFrom = -1;
          runTo = -1;
          if (!fresh) chunks.push((fresh = []));
          for (let t = 0; t < v.length; t++) fresh.push(v[t]);
        }
        count += v.length;
      }
      parts[i] = v;
      ends[i] = count;
    }
    if (runFrom >= 0 && runTo > runFrom) chunks.push(prevOut.slice(runFrom ? prevEnds[runFrom - 1] : 0, prevEnds[runTo - 1]));
    out = joinChunks(chunks);
  } else {
    parts = new Array(n);
    ends = new Int32Array(n);
    // One walk of the list beside the statements.
    const size = list?.length ?? 0;
    let at = 0;
    for (let i = 0; i < n; i++) {
      const stmt = statements[i];
      let v: readonly T[] = NONE;
      if (!list) v = find(stmt, () => []);
      else if (at < size) {
        while (at < size && list[at].startIndex < stmt.startIndex) at++;
        let to = at;
        while (to < size && list[to].startIndex < stmt.endIndex) to++;
        const from = at;
        if (to > from) v = find(stmt, () => list.slice(from, to));
        at = to;
      }
      parts[i] = v;
      for (let k = 0; k < v.length; k++) out.push(v[k]);
      ends[i] = out.length;
    }
  }
  carry?.set(key, { statements, token, parts, ends, out } satisfies Walk<T>);
  return out;
}

/**
 * How two lists of top-level statements compare: how many statements (the same objects) they share at the
 * start, and after those at the end. Worked out once per pair of lists: every walk of the last lint asks the same.
 */
function changedSpan(prev: readonly Node[], now: readonly Node[]): { same: number; sameAtEnd: number } {
  let byPrev = spansFrom.get(now);
  if (!byPrev) spansFrom.set(now, (byPrev = new WeakMap()));
  let span = byPrev.get(prev);
  if (!span) {
    const n = now.length;
    const m = prev.length;
    let p = 0;
    while (p < n && p < m && now[p] === prev[p]) p++;
    let q = 0;
    while (q < n - p && q < m - p && now[n - 1 - q] === prev[m - 1 - q]) q++;
    byPrev.set(prev, (span = { same: p, sameAtEnd: q }));
  }
  return span;
}
const spansFrom = new WeakMap<readonly Node[], WeakMap<readonly Node[], { same: number; sameAtEnd: number }>>();

/** The chunks as one array (a few thousand at most are passed to `concat` at once). */
function joinChunks<T>(chunks: T[][]): T[] {
  if (chunks.length === 1) return chunks[0];
  let out: T[] = [];
  for (let i = 0; i < chunks.length; i += 4096) out = out.concat(...chunks.slice(i, i + 4096));
  return out;
}

const tokens = new Map<string, object>();
/** The token of a pair of kept import lists (`buildModel`). */
const tokenOf = new WeakMap<object, WeakMap<object, object>>();

/** One object per distinct set of module-scope import bindings (what `resolve` reads besides the node). */
function importsToken(moduleScope: Map<string, ImportBinding>): object {
  let key = '';
  for (const [local, b] of moduleScope) key += `${local}\u0000${b.qualified}\u0001`;
  let t = tokens.get(key);
  if (!t) {
    if (tokens.size >= 1000) tokens.clear();
    tokens.set(key, (t = {}));
  }
  return t;
}

/**
 * `collected`: the model's node lists (`modelLists`), when the caller walked the tree already (the lint
 * does, to measure nesting in the same walk, and keeps each statement's nodes on it). Without them, the
 * model's nodes are found by one search from the module. `carry`: the document's walks at its last lint
 * (`gatherKept`), for an open document linted again.
 */
export function buildModel(source: Tree | SyntaxTree, text: string, collected?: Node[][], carry?: WalkCarry): FileModel {
  const tree = syntaxFor(source, text);
  const root = tree.rootNode;
  const lists = collected ?? (modelLists([root], () => collectNodes(root.descendantsOfType(COLLECT_TYPES))) as Node[][]);
  const importNodes = lists[IMPORT_LIST];
  const get = (t: string) => lists[COLLECT_INDEX.get(t)!];

  const model = {} as FileModel;
  model.tree = tree;
  model.root = root;
  model.scopeRoot = root;
  model.whole = model;
  if (carry) model.carry = carry;
  model.text = text;
  model.hasErrors = root.hasError;
  model.calls = get('call');
  model.functions = get('function_definition');
  model.classes = get('class_definition');
  model.awaits = get('await');
  model.attributes = get('attribute');
  model.comments = get('comment');
  model.assignments = get('assignment');
  model.decorated = get('decorated_definition');
  model.importStatements = importNodes;
  model.strings = get('string');

  // ---- imports
  const imports: ImportBinding[] = [];
  const moduleScope = new Map<string, ImportBinding>();
  // Function-scoped imports by local name, in document order (the first whose function holds a use wins).
  const functionScoped = new Map<string, ImportBinding[]>();
  const addBinding = (b: ImportBinding) => {
    imports.push(b);
    if (b.local_scope) {
      const same = functionScoped.get(b.local);
      if (same) same.push(b);
      else functionScoped.set(b.local, [b]);
    } else moduleScope.set(b.local, b);
  };
  // Each top-level statement's bindings depend on its own text only: kept on it (`keep`). As before, every
  // `import x` comes first, then every `from x import y`, each in document order.
  const importsOf = (stmt: Node, own: Node[]) => stmt.keep(IMPORTS_KEY, () => statementImports(own));
  const plainImports = gatherKept(model, PLAIN_IMPORTS_KEY, root.children, null, (stmt, own) => importsOf(stmt, own).plain, importNodes);
  const fromImports = gatherKept(model, FROM_IMPORTS_KEY, root.children, null, (stmt, own) => importsOf(stmt, own).from, importNodes);
  for (const b of plainImports) addBinding(b);
  for (const b of fromImports) addBinding(b);
  model.imports = imports;
  const flavors = new Set<Flavor>();
  for (const b of imports) {
    const f = flavorOfModule(b.module) ?? flavorOfModule(b.qualified);
    if (f) flavors.add(f);
  }
  model.flavors = flavors;

  // Rules resolve the same callees over and over: each node keeps its answer. The answer depends on the
  // node's own text, the imports of the functions around it (in the same top-level statement, so kept or
  // copied with it) and the module's imports: it holds for as long as those are the same (`importsToken`), so
  // a statement an edit left alone keeps its answers from lint to lint.
  // The same two lists (kept from the last lint as they were) bind the same names: the token is found once.
  let token = tokenOf.get(plainImports)?.get(fromImports);
  if (!token) {
    token = importsToken(moduleScope);
    let byFrom = tokenOf.get(plainImports);
    if (!byFrom) tokenOf.set(plainImports, (byFrom = new WeakMap()));
    byFrom.set(fromImports, token);
  }
  const resolve = (node: Node | null): string | null => {
    if (!node) return null;
    if (node.resolvedIn === token) return node.resolved;
    let q: string | null = null;
    if (node.type === 'identifier') {
      const name = node.text;
      const scoped = functionScoped.get(name)?.find((b) => isWithin(node, enclosingFunction(b.statement)));
      q = (scoped ?? moduleScope.get(name))?.qualified ?? null;
    } else if (node.type === 'attribute') {
      const obj = node.childForFieldName('object');
      const attr = node.childForFieldName('attribute');
      const base = obj && attr ? resolve(obj) : null;
      q = base ? `${base}.${attr!.text}` : null;
    }
    node.resolvedIn = token;
    node.resolved = q;
    return q;
  };
  model.resolve = resolve;
  model.resolutionToken = token;

  const fastmcpImport = imports.find((b) => fastmcpClassFlavor(b.qualified));
  model.flavor = fastmcpImport ? fastmcpClassFlavor(fastmcpImport.qualified) : flavors.has('fastmcp') ? 'fastmcp' : flavors.has('sdk') ? 'sdk' : null;

  // ---- Context annotations
  const contextFlavorOfAnnotation = (annotation: Node | null): Flavor | null => {
    if (!annotation) return null;
    let found: Flavor | null = null;
    const visit = (n: Node, depth: number) => {
      if (found || depth > 6) return;
      switch (n.type) {
        case 'type':
        case 'parenthesized_expression':
          for (const c of n.namedChildren) if (c) visit(c, depth + 1);
          return;
        case 'identifier':
        case 'attribute':
          found = contextClassFlavor(resolve(n));
          return;
        case 'binary_operator': {
          // Context | None
          const l = n.childForFieldName('left');
          const r = n.childForFieldName('right');
          if (l) visit(l, depth + 1);
          if (r) visit(r, depth + 1);
          return;
        }
        case 'generic_type':
        case 'subscript': {
          // Optional[Context], Annotated[Context, ...], Union[Context, None]
          const head = n.type === 'subscript' ? n.childForFieldName('value') : n.namedChild(0);
          // Context[ServerSession, None]: the SDK's Context is generic.
          const own = head ? contextClassFlavor(resolve(head)) : null;
          if (own) {
            found = own;
            return;
          }
          const headName = head ? (resolve(head) ?? head.text) : '';
          const last = headName.slice(headName.lastIndexOf('.') + 1);
          if (last !== 'Optional' && last !== 'Annotated' && last !== 'Union') return;
          const args = n.type === 'subscript' ? n.childrenForFieldName('subscript') : (n.namedChild(1)?.namedChildren ?? []);
          const list = last === 'Annotated' ? args.slice(0, 1) : args;
          for (const a of list) if (a) visit(a, depth + 1);
          return;
        }
        case 'type_parameter':
          for (const c of n.namedChildren) if (c) visit(c, depth + 1);
          return;
        case 'string': {
          // A postponed annotation: "Context" or "Context | None".
          const content = n.text.replace(/^[rbuRBU]*["']+|["']+$/g, '');
          for (const word of content.match(/[A-Za-z_][\w.]*/g) ?? []) {
            const parts = word.split('.');
            const b = moduleScope.get(parts[0]);
            if (!b) continue;
            const q = parts.length > 1 ? `${b.qualified}.${parts.slice(1).join('.')}` : b.qualified;
            const f = contextClassFlavor(q);
            if (f) {
              found = f;
              return;
            }
          }
          return;
        }
        default:
          return;
      }
    };
    visit(annotation, 0);
    return found;
  };
  model.contextFlavorOfAnnotation = contextFlavorOfAnnotation;

  // ---- scopes and helpers
  model.enclosingFunction = enclosingFunction;
  model.isAsyncFunction = isAsyncFunction;
  model.callArgs = callArgs;

  const statements = root.namedChildren.filter((n): n is Node => n !== null);
  model.statements = statements;
  const mainGuards: Node[] = [];
  for (const stmt of statements) if (stmt && stmt.type === 'if_statement' && isMainCheck(stmt.childForFieldName('condition'))) mainGuards.push(stmt);
  model.mainGuards = mainGuards;
  // The guards are top-level statements, in document order: the only one that can hold a node is the last
  // that starts at or before it.
  model.inMainGuard = (node: Node) => {
    const i = firstAtOrAfter(mainGuards, node.startIndex + 1) - 1;
    return i >= 0 && node.endIndex <= mainGuards[i].endIndex;
  };

  const moduleFunctions = new Map<string, Node>();
  const moduleClasses = new Map<string, Node>();
  for (const { name, def } of gatherKept(model, DEFINED_KEY, statements, null, definedAt)) {
    if (def.type === 'function_definition') moduleFunctions.set(name, def);
    else moduleClasses.set(name, def);
  }
  model.moduleFunctions = moduleFunctions;
  model.moduleClasses = moduleClasses;

  // ---- server variables
  const servers: ServerVar[] = [];
  const serverCall = (value: Node | null): { flavor: Flavor; kind: ServerVar['kind'] } | null => {
    if (!value) return null;
    if (value.type === 'await') value = value.namedChild(0);
    if (!value || value.type !== 'call') return null;
    const fn = value.childForFieldName('function');
    if (!fn) return null;
    const q = resolve(fn);
    const f = fastmcpClassFlavor(q);
    if (f) return { flavor: f, kind: 'constructor' };
    if (fn.type === 'attribute') {
      const attr = fn.childForFieldName('attribute')?.text ?? '';
      const cls = fastmcpClassFlavor(resolve(fn.childForFieldName('object')));
      if (cls && SERVER_CLASSMETHODS.has(attr)) return { flavor: cls, kind: 'classmethod' };
    }
    if (isServerFactory(q)) return { flavor: 'fastmcp', kind: 'factory' };
    return null;
  };
  // A statement's server variables depend on its text and on name resolution (`token`): kept on it.
  const assignments = model.assignments;
  const functions = model.functions;
  const assignedServers = (own: Node[]): ServerVar[] => {
    const assigned: ServerVar[] = [];
    for (const asg of own) {
      const left = asg.childForFieldName('left');
      if (!left || left.type !== 'identifier') continue;
      const right = asg.childForFieldName('right');
      const typ = asg.childForFieldName('type');
      const made = serverCall(right);
      const annotated = typ ? fastmcpClassFlavor(resolve(typ.namedChild(0))) : null;
      if (made || annotated) {
        assigned.push({
          name: left.text,
          flavor: made?.flavor ?? annotated!,
          node: asg,
          call: made ? (right!.type === 'await' ? right!.namedChild(0) : right) : null,
          scope: enclosingFunction(asg),
          kind: made?.kind ?? 'annotation',
        });
      }
    }
    return assigned;
  };
  const parameterServers = (own: Node[]): ServerVar[] => {
    const params: ServerVar[] = [];
    for (const fn of own) {
      const ps = fn.childForFieldName('parameters');
      if (!ps) continue;
      for (const p of ps.namedChildren) {
        if (!p || (p.type !== 'typed_parameter' && p.type !== 'typed_default_parameter')) continue;
        const nameNode = p.type === 'typed_parameter' ? p.namedChild(0) : p.childForFieldName('name');
        if (!nameNode || nameNode.type !== 'identifier') continue;
        const f = annotationNamesServer(p.childForFieldName('type'), resolve);
        if (f) params.push({ name: nameNode.text, flavor: f, node: p, call: null, scope: fn, kind: 'annotation' });
      }
    }
    return params;
  };
  for (const v of gatherKept(model, ASSIGNED_SERVERS_KEY, statements, token, (_, own) => assignedServers(own), assignments)) servers.push(v);
  for (const v of gatherKept(model, PARAMETER_SERVERS_KEY, statements, token, (_, own) => parameterServers(own), functions)) servers.push(v);
  model.servers = servers;

  const serversByName = new Map<string, ServerVar[]>();
  for (const v of servers) (serversByName.get(v.name) ?? serversByName.set(v.name, []).get(v.name)!).push(v);
  const serverOf = (node: Node | null): ServerVar | null => {
    if (!node || node.type !== 'identifier' || servers.length === 0) return null;
    const name = node.text;
    const named = serversByName.get(name);
    if (!named) return null;
    let scope = enclosingFunction(node);
    while (scope) {
      const s = named.find((v) => v.scope && v.scope.id === scope!.id);
      if (s) return s;
      if (assignsName(scope, name)) return null;
      scope = enclosingFunction(scope);
    }
    return named.find((v) => v.scope === null) ?? null;
  };
  model.serverOf = serverOf;

  // ---- Context-typed names per function
  const ctxCache = new Map<number, Set<string>>();
  model.contextNamesIn = (func: Node) => {
    const hit = ctxCache.get(func.id);
    if (hit) return hit;
    const names = new Set<string>();
    for (const p of functionParams(func, model)) if (p.contextFlavor) names.add(p.name);
    const body = func.childForFieldName('body');
    if (body) {
      const all = model.assignments;
      for (let i = firstAtOrAfter(all, body.startIndex); i < all.length && all[i].startIndex < body.endIndex; i++) {
        const asg = all[i];
        if (asg.endIndex > body.endIndex) continue;
        if (enclosingFunction(asg)?.id !== func.id) continue;
        const left = asg.childForFieldName('left');
        const right = asg.childForFieldName('right');
        if (left?.type !== 'identifier' || right?.type !== 'call') continue;
        const q = resolve(right.childForFieldName('function'));
        if (q && /(^|\.)get_context$/.test(q) && q.startsWith('fastmcp')) names.add(left.text);
        const typ = asg.childForFieldName('type');
        if (typ && contextFlavorOfAnnotation(typ)) names.add(left.text);
      }
    }
    // Context names of enclosing functions are visible in closures unless rebound.
    const outer = enclosingFunction(func);
    if (outer) for (const n of model.contextNamesIn(outer)) if (!paramNames(func).has(n)) names.add(n);
    ctxCache.set(func.id, names);
    return names;
  };

  // ---- components
  // A statement's components depend on its text, name resolution and the servers (`serverOf`): kept on it
  // while the module's imports and the file's server variables are the same objects as when they were made.
  const componentsToken = serversToken(token, servers);
  const componentsOf = (decorated: Node[]): Component[] => {
    const own: Component[] = [];
    for (const dd of decorated) componentsOfDefinition(dd, own);
    return own;
  };
  const componentsOfDefinition = (dd: Node, out: Component[]): void => {
    const def = dd.childForFieldName('definition');
    if (!def || def.type !== 'function_definition') return;
    for (const dec of dd.namedChildren) {
      if (!dec || dec.type !== 'decorator') continue;
      const expr = dec.namedChild(0);
      if (!expr) continue;
      const call = expr.type === 'call' ? expr : null;
      const callee = call ? call.childForFieldName('function') : expr;
      if (!callee) continue;
      let kind: ComponentKind | null = null;
      let server: ServerVar | null = null;
      let flavor: Flavor | null = null;
      if (callee.type === 'attribute') {
        const attr = callee.childForFieldName('attribute')?.text;
        if (attr === 'tool' || attr === 'resource' || attr === 'prompt') {
          server = serverOf(callee.childForFieldName('object'));
          if (server) {
            kind = attr;
            flavor = server.flavor;
          }
        }
      }
      if (!kind) {
        const q = resolve(callee);
        if (q && STANDALONE_DECORATORS[q]) {
          kind = STANDALONE_DECORATORS[q];
          flavor = 'fastmcp';
        }
      }
      if (!kind || !flavor) continue;
      const args = call ? callArgs(call) : { positional: [], keywords: new Map<string, Node>(), hasSplat: false };
      const cls = enclosingClass(def);
      out.push({
        kind,
        server: server?.name ?? null,
        serverVar: server,
        flavor,
        decorator: dec,
        call,
        callee,
        func: def,
        funcName: def.childForFieldName('name')?.text ?? '',
        isAsync: isAsyncFunction(def),
        params: functionParams(def, model),
        positional: args.positional,
        keywords: args.keywords,
        hasSplat: args.hasSplat,
        inClass: cls,
      });
    }
  };
  model.components = gatherKept(model, COMPONENTS_KEY, statements, componentsToken, (_, own) => componentsOf(own), model.decorated);

  // ---- run calls
  const runCalls: RunCall[] = [];
  for (const call of callsWhere(model, RUN_CALLS_KEY, isRunMethodCall)) {
    const fn = call.childForFieldName('function')!;
    const method = fn.childForFieldName('attribute')!.text;
    const server = serverOf(fn.childForFieldName('object'));
    if (!server) continue;
    const encl = enclosingFunction(call);
    runCalls.push({
      server,
      method: method as RunMethod,
      call,
      args: callArgs(call),
      awaited: call.parent?.type === 'await',
      enclosingFunction: encl,
      inAsyncFunction: encl ? isAsyncFunction(encl) : false,
      inMainGuard: model.inMainGuard(call),
    });
  }
  model.runCalls = runCalls;
  return model;
}

// ---------------------------------------------------------------- helpers

const RUN_CALLS_KEY = {};
const DEFINED_KEY = {};

/** The function or class a top-level statement defines, by name. */
function definedAt(stmt: Node): Array<{ name: string; def: Node }> {
  const def = stmt.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
  if (!def || (def.type !== 'function_definition' && def.type !== 'class_definition')) return [];
  const name = def.childForFieldName('name')?.text;
  return name ? [{ name, def }] : [];
}

const COMPONENTS_KEY = {};

/** Each server variable's number: `serversToken` tells lists of the same objects apart from others. */
const serverSerials = new WeakMap<ServerVar, number>();
let nextServerSerial = 0;
const serverTokens = new Map<string, object>();

/** One object for name resolution `token` with exactly these server variables (the same objects, in order). */
function serversToken(token: object, servers: ServerVar[]): object {
  let key = `${tokenSerial(token)}`;
  for (const v of servers) {
    let n = serverSerials.get(v);
    if (n === undefined) serverSerials.set(v, (n = nextServerSerial++));
    key += `,${n}`;
  }
  let t = serverTokens.get(key);
  if (!t) {
    if (serverTokens.size >= 1000) serverTokens.clear();
    serverTokens.set(key, (t = {}));
  }
  return t;
}

const tokenSerials = new WeakMap<object, number>();
let nextTokenSerial = 0;
function tokenSerial(token: object): number {
  let n = tokenSerials.get(token);
  if (n === undefined) tokenSerials.set(token, (n = nextTokenSerial++));
  return n;
}

/** `x.run(...)` and the other run methods, on any object. */
function isRunMethodCall(call: Node): boolean {
  const fn = call.childForFieldName('function');
  return fn?.type === 'attribute' && RUN_METHODS.has(fn.childForFieldName('attribute')?.text ?? '');
}

/** In a list of nodes in document order, the index of the first that starts at or after `offset`. */
export function firstAtOrAfter(list: Node[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].startIndex < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function isWithin(node: Node, container: Node | null): boolean {
  if (!container) return true;
  return node.startIndex >= container.startIndex && node.endIndex <= container.endIndex;
}

export function enclosingFunction(node: Node): Node | null {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'lambda') return p.type === 'function_definition' ? p : enclosingFunction(p);
  }
  return null;
}

export function enclosingClass(def: Node): Node | null {
  // The class whose body directly holds this definition (possibly via a decorated_definition).
  let p = def.parent;
  if (p?.type === 'decorated_definition') p = p.parent;
  if (p?.type === 'block' && p.parent?.type === 'class_definition') return p.parent;
  return null;
}

export function isAsyncFunction(func: Node): boolean {
  const first = func.child(0);
  return first?.type === 'async';
}

/** Rules ask for the same calls' arguments many times: the answer is kept per (canonical) node. */
const callArgsCache = new WeakMap<Node, CallArgs>();

/** A call's arguments. The result is shared: read it, never change it. */
export function callArgs(call: Node): CallArgs {
  let hit = callArgsCache.get(call);
  if (!hit) callArgsCache.set(call, (hit = readCallArgs(call)));
  return hit;
}

function readCallArgs(call: Node): CallArgs {
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  let hasSplat = false;
  const args = call.childForFieldName('arguments');
  if (args && args.type === 'argument_list') {
    for (const a of args.namedChildren) {
      if (!a) continue;
      if (a.type === 'keyword_argument') {
        const n = a.childForFieldName('name');
        const v = a.childForFieldName('value');
        if (n && v) keywords.set(n.text, v);
      } else if (a.type === 'list_splat' || a.type === 'dictionary_splat') {
        hasSplat = true;
      } else if (a.type !== 'comment') {
        positional.push(a);
      }
    }
  } else if (args) {
    positional.push(args); // generator_expression argument
  }
  return { positional, keywords, hasSplat };
}

function underTypeChecking(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'if_statement') {
      const cond = p.childForFieldName('condition')?.text ?? '';
      if (/^(typing\.)?TYPE_CHECKING$/.test(cond)) {
        // Only the consequence branch, not an else.
        const cons = p.childForFieldName('consequence');
        if (cons && node.startIndex >= cons.startIndex && node.endIndex <= cons.endIndex) return true;
      }
    }
  }
  return false;
}

function isMainCheck(cond: Node | null): boolean {
  if (!cond) return false;
  const t = cond.text.replace(/\s+/g, '').replace(/'/g, '"');
  return t === '__name__=="__main__"' || t === '"__main__"==__name__';
}

function annotationNamesServer(typ: Node | null, resolve: (n: Node | null) => string | null): Flavor | null {
  if (!typ) return null;
  const inner = typ.namedChild(0);
  if (!inner) return null;
  if (inner.type === 'identifier' || inner.type === 'attribute') return fastmcpClassFlavor(resolve(inner));
  if (inner.type === 'string') {
    const word = inner.text.replace(/^["']+|["']+$/g, '');
    const id = { type: 'identifier', text: word } as unknown as Node;
    return /^[A-Za-z_]\w*$/.test(word) ? fastmcpClassFlavor(resolve(id)) : null;
  }
  return null;
}

function assignsName(func: Node, name: string): boolean {
  const params = func.childForFieldName('parameters');
  return !!params && paramNames(func).has(name);
}

const paramNameCache = new WeakMap<Node, Set<string>>();
function paramNames(func: Node): Set<string> {
  let s = paramNameCache.get(func);
  if (s) return s;
  s = new Set<string>();
  const params = func.childForFieldName('parameters');
  for (const p of params?.namedChildren ?? []) {
    if (!p) continue;
    const n = paramNameNode(p);
    if (n) s.add(n.text);
  }
  paramNameCache.set(func, s);
  return s;
}

function paramNameNode(p: Node): Node | null {
  switch (p.type) {
    case 'identifier':
      return p;
    case 'typed_parameter': {
      const c = p.namedChild(0);
      if (!c) return null;
      if (c.type === 'identifier') return c;
      return c.namedChild(0); // list_splat_pattern / dictionary_splat_pattern
    }
    case 'default_parameter':
    case 'typed_default_parameter':
      return p.childForFieldName('name');
    case 'list_splat_pattern':
    case 'dictionary_splat_pattern':
      return p.namedChild(0);
    default:
      return null;
  }
}

export function functionParams(func: Node, model: Pick<FileModel, 'resolve' | 'contextFlavorOfAnnotation' | 'resolutionToken'>): Param[] {
  // What the parameters are depends on the definition's text and on name resolution: kept on the node.
  return func.keepFor(PARAMS_KEY, model.resolutionToken, () => readParams(func, model));
}

function readParams(func: Node, model: Pick<FileModel, 'resolve' | 'contextFlavorOfAnnotation'>): Param[] {
  const out: Param[] = [];
  const params = func.childForFieldName('parameters');
  if (!params) return out;
  let keywordOnly = false;
  for (const p of params.namedChildren) {
    if (!p) continue;
    if (p.type === 'keyword_separator') {
      keywordOnly = true;
      continue;
    }
    if (p.type === 'positional_separator' || p.type === 'comment') continue;
    const nameNode = paramNameNode(p);
    if (!nameNode) continue;
    let kind: ParamKind = keywordOnly ? 'keyword_only' : 'positional';
    const inner = p.type === 'typed_parameter' ? p.namedChild(0) : p;
    if (inner?.type === 'list_splat_pattern') {
      kind = 'args';
      keywordOnly = true;
    } else if (inner?.type === 'dictionary_splat_pattern') kind = 'kwargs';
    const annotation = p.type === 'typed_parameter' || p.type === 'typed_default_parameter' ? p.childForFieldName('type') : null;
    const def = p.type === 'default_parameter' || p.type === 'typed_default_parameter' ? p.childForFieldName('value') : null;
    const contextFlavor = model.contextFlavorOfAnnotation(annotation);
    let injected = contextFlavor !== null;
    if (!injected && def?.type === 'call') injected = isInjectedDefaultCallee(model.resolve(def.childForFieldName('function')) ?? def.childForFieldName('function')?.text ?? null);
    out.push({ name: nameNode.text, node: p, nameNode, kind, annotation, default: def, contextFlavor, injected });
  }
  return out;
}

/**
 * A string literal's prefix and the text between its quotes, read from its source text alone, when that
 * text is all literal: no backslash (escapes, continuations) and no brace (f-string fields). Otherwise null,
 * and the caller walks the string's children.
 */
export function plainStringParts(raw: string): { prefix: string; inner: string } | null {
  if (raw.includes('\\') || raw.includes('{')) return null;
  const open = /^([A-Za-z]*)("""|'''|"|')/.exec(raw);
  if (!open || raw.length < open[0].length + open[2].length || !raw.endsWith(open[2])) return null;
  return { prefix: open[1], inner: raw.slice(open[0].length, raw.length - open[2].length) };
}

/** The text of a plain string literal, or null for f-strings, concatenations and other expressions. */
export function stringValue(node: Node | null): string | null {
  if (!node || node.type !== 'string') return null;
  const plain = plainStringParts(node.text);
  if (plain) return /[fF]/.test(plain.prefix) ? null : plain.inner;
  let out = '';
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'string_content') out += c.text;
    else if (c.type === 'interpolation') return null;
    else if (c.type === 'escape_sequence') out += unescape(c.text);
  }
  const start = node.child(0)?.text ?? '';
  if (/[fF]/.test(start)) return null;
  return out;
}

function unescape(seq: string): string {
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };
  return map[seq.slice(1)] ?? seq;
}
