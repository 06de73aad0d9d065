/**
 * The syntax tree the rules read: a JavaScript copy of a tree-sitter tree, made with one cursor walk.
 *
 * Every read of a web-tree-sitter node (its type, its end, a field, its parent) crosses into wasm and builds
 * a new object; rules ask the same nodes many questions, so a lint spent most of its time crossing. Here
 * every node is a plain object whose answers are fields. The copy also lets an open document keep what did
 * not change: after an edit, a top-level statement whose text is unchanged keeps its nodes (moved by the
 * edit's length, in one write: see `Segment`) instead of being copied again (`syntaxOf(tree, text, previous)`).
 *
 * The nodes answer the part of web-tree-sitter's `Node` interface the engine uses, with the same results:
 * `test/unit/syntax.test.ts` compares them with tree-sitter's own answers, node by node, on every fixture
 * and template and on broken variants of them. One difference: tree-sitter answers some fields from inside
 * a child (fields a grammar rule inherits from a hidden one: an ERROR node's fields are parts of what it
 * swallowed, `match_statement`'s `alternative` is a `case_clause` inside its block), while here a field is
 * always a child that fills it. The engine asks neither; the CLI's JSON output on 3,000 fuzzed files, mostly
 * broken, was byte-identical either way.
 */
import type { Tree } from 'web-tree-sitter';
import { parsePython, wasmRuntime } from './parse';

let nextId = 1;

const typeSets = new WeakMap<readonly string[], Set<string>>();
/** The set of a list of types, made once per list (the model asks with the same lists, statement by statement). */
function typeSet(types: string | readonly string[]): Set<string> {
  if (typeof types === 'string') return new Set([types]);
  let s = typeSets.get(types);
  if (!s) typeSets.set(types, (s = new Set(types)));
  return s;
}
const NO_CHILDREN: SyntaxNode[] = Object.freeze([]) as unknown as SyntaxNode[];

/**
 * A top-level statement's nodes keep their offsets relative to the statement (the module's own nodes,
 * relative to the text), so a statement that moves after an edit moves by one write to its segment.
 */
export class Segment {
  constructor(
    public tree: SyntaxTree,
    public base: number,
  ) {}
}

/** What a node keeps besides its place in the tree and its cached answers, made when first needed (few nodes need it). */
class Extra {
  id = 0;
  kept: Map<object, unknown> | null = null;
}

// `bits`: the flags below, and the id of the parent's field the node fills above them.
const NAMED = 1;
const MISSING = 2;
const ERROR = 4;
const FIELD_SHIFT = 3;
/** The grammar's field names by id (`fieldNames[0]` is null: no field). Set from the one language the engine parses. */
let fieldNames: readonly (string | null)[] = [null];
let fieldIds = new Map<string, number>();
// Rules ask for the same field many times in a row (`function` of every call): the last answer is kept.
let lastField = '';
let lastFieldId = -1;
/** The grammar's id of a field name, -1 for a name the grammar has not (which no child fills). */
function fieldIdOf(field: string): number {
  if (field === lastField) return lastFieldId;
  lastField = field;
  return (lastFieldId = fieldIds.get(field) ?? -1);
}

/**
 * A node of the copy: its type, flags and field id (packed in one number), place, parent and children, and
 * the answers rules ask for again and again (text, named children, name resolution), about 150 bytes of heap
 * with its share of its parent's list of children: a large file has hundreds of thousands of nodes. What few
 * nodes need (an id, results kept by `keep`) is in an `Extra`, made when first needed.
 */
export class SyntaxNode {
  /** Index of this node among its parent's children. */
  index = 0;
  /** Leaves share one empty list (most nodes are leaves). */
  children: SyntaxNode[] = NO_CHILDREN;
  private more: Extra | null = null;
  private cachedText: string | null = null;
  private named: SyntaxNode[] | null = null;
  /** The model's name resolution, kept on the node (`model.ts`): what it was worked out under, and the answer. */
  resolvedIn: object | null = null;
  resolved: string | null = null;
  private readonly rs: number;
  private readonly re: number;

  constructor(
    public segment: Segment,
    public readonly type: string,
    public parent: SyntaxNode | null,
    /** NAMED | MISSING | ERROR, and the field id shifted by FIELD_SHIFT. */
    private readonly bits: number,
    start: number,
    end: number,
  ) {
    this.rs = start - segment.base;
    this.re = end - segment.base;
  }

  private extra(): Extra {
    return (this.more ??= new Extra());
  }

  /** A number that names this node for as long as it lives. */
  get id(): number {
    const x = this.extra();
    return x.id || (x.id = nextId++);
  }

  get isNamed(): boolean {
    return (this.bits & NAMED) !== 0;
  }

  get isMissing(): boolean {
    return (this.bits & MISSING) !== 0;
  }

  /** tree-sitter's own answer: hidden tokens (a missing newline) count too, so it cannot be derived from the copy. */
  get hasError(): boolean {
    return (this.bits & ERROR) !== 0;
  }

  /** The field of the parent this node fills, if any. */
  get field(): string | null {
    return fieldNames[this.bits >>> FIELD_SHIFT] ?? null;
  }

  get startIndex(): number {
    return this.segment.base + this.rs;
  }

  get endIndex(): number {
    return this.segment.base + this.re;
  }

  get tree(): SyntaxTree {
    return this.segment.tree;
  }

  /**
   * What `make` works out from this node's subtree alone, kept on the node under `key`. A top-level statement
   * an edit left alone keeps its nodes, and with them what was kept: nothing kept may depend on offsets or on
   * anything outside the subtree.
   */
  keep<T>(key: object, make: (node: SyntaxNode) => T): T {
    const kept = (this.extra().kept ??= new Map());
    if (kept.has(key)) return kept.get(key) as T;
    const v = make(this);
    kept.set(key, v);
    return v;
  }

  /** What `keep` kept under `key`, if anything: for a caller that works it out without keeping it. */
  kept<T>(key: object): T | undefined {
    return this.more?.kept?.get(key) as T | undefined;
  }

  /** What `keepFor` kept under `key` for `token`, if anything. */
  keptFor<T>(key: object, token: object): T | undefined {
    const hit = this.more?.kept?.get(key) as { token: object; value: T } | undefined;
    return hit && hit.token === token ? hit.value : undefined;
  }

  /** Appends a child copied or kept for this node. */
  adopt(child: SyntaxNode): void {
    if (this.children === NO_CHILDREN) this.children = [];
    child.index = this.children.length;
    this.children.push(child);
  }

  /**
   * `keep` for what also depends on something outside the subtree, summed up by `token` (an object that
   * stands for one state of it): kept while the token is the same, worked out again when it changes.
   */
  keepFor<T>(key: object, token: object, make: (node: SyntaxNode) => T): T {
    const kept = (this.extra().kept ??= new Map());
    const hit = kept.get(key) as { token: object; value: T } | undefined;
    if (hit && hit.token === token) return hit.value;
    const value = make(this);
    kept.set(key, { token, value });
    return value;
  }

  get isError(): boolean {
    return this.type === 'ERROR';
  }

  get text(): string {
    return (this.cachedText ??= this.tree.text.slice(this.startIndex, this.endIndex));
  }

  get childCount(): number {
    return this.children.length;
  }

  get namedChildren(): SyntaxNode[] {
    if (this.named) return this.named;
    const ch = this.children;
    if (ch === NO_CHILDREN) return NO_CHILDREN;
    const out: SyntaxNode[] = [];
    for (const c of ch) if (c.isNamed) out.push(c);
    return (this.named = out);
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  child(i: number): SyntaxNode | null {
    return this.children[i] ?? null;
  }

  namedChild(i: number): SyntaxNode | null {
    return this.namedChildren[i] ?? null;
  }

  get firstChild(): SyntaxNode | null {
    return this.children[0] ?? null;
  }

  get lastChild(): SyntaxNode | null {
    return this.children[this.children.length - 1] ?? null;
  }

  get firstNamedChild(): SyntaxNode | null {
    return this.namedChildren[0] ?? null;
  }

  get lastNamedChild(): SyntaxNode | null {
    const n = this.namedChildren;
    return n[n.length - 1] ?? null;
  }

  get nextSibling(): SyntaxNode | null {
    return this.following(false);
  }

  get previousSibling(): SyntaxNode | null {
    return this.index > 0 ? (this.parent?.children[this.index - 1] ?? null) : null;
  }

  get nextNamedSibling(): SyntaxNode | null {
    return this.following(true);
  }

  /** As tree-sitter: an empty node right at this one's end (a missing token, an empty block) is passed over. */
  private following(namedOnly: boolean): SyntaxNode | null {
    const sibs = this.parent?.children;
    if (!sibs) return null;
    const end = this.endIndex;
    for (let i = this.index + 1; i < sibs.length; i++) {
      const c = sibs[i];
      if ((namedOnly && !c.isNamed) || (c.startIndex === end && c.endIndex === end)) continue;
      return c;
    }
    return null;
  }

  get previousNamedSibling(): SyntaxNode | null {
    const sibs = this.parent?.children;
    if (!sibs) return null;
    for (let i = this.index - 1; i >= 0; i--) if (sibs[i].isNamed) return sibs[i];
    return null;
  }

  childForFieldName(field: string): SyntaxNode | null {
    const ch = this.children;
    if (ch.length === 0) return null;
    const id = fieldIdOf(field);
    for (let i = 0; i < ch.length; i++) if (ch[i].bits >>> FIELD_SHIFT === id) return ch[i];
    return null;
  }

  childrenForFieldName(field: string): SyntaxNode[] {
    const id = fieldIdOf(field);
    const out: SyntaxNode[] = [];
    if (id < 0) return out;
    for (const c of this.children) if (c.bits >>> FIELD_SHIFT === id) out.push(c);
    return out;
  }

  /**
   * This node and every node under it whose type is one of `types` (named or not, as tree-sitter matches
   * type names), in document order.
   */
  descendantsOfType(types: string | readonly string[]): SyntaxNode[] {
    return this.ofTypes(types, true);
  }

  /**
   * `descendantsOfType`, except that with `asTreeSitter` false an empty node at the start of the text is
   * kept (tree-sitter leaves out a node that ends at offset 0, other than the one asked).
   */
  ofTypes(types: string | readonly string[], asTreeSitter: boolean): SyntaxNode[] {
    const wanted = typeSet(types);
    const out: SyntaxNode[] = [];
    const stack: SyntaxNode[] = [this];
    while (stack.length) {
      const n = stack.pop()!;
      if (asTreeSitter && n.endIndex === 0 && n !== this) continue;
      if (wanted.has(n.type)) out.push(n);
      const ch = n.children;
      for (let i = ch.length - 1; i >= 0; i--) stack.push(ch[i]);
    }
    return out;
  }

  /** The smallest node (named or not) that spans `[start, end]`, as tree-sitter's `descendantForIndex`. */
  descendantForIndex(start: number, end = start): SyntaxNode {
    return this.descend(start, end, false);
  }

  /** The smallest named node that spans `[start, end]`. */
  namedDescendantForIndex(start: number, end = start): SyntaxNode {
    return this.descend(start, end, true);
  }

  private descend(start: number, end: number, namedOnly: boolean): SyntaxNode {
    let node: SyntaxNode = this;
    let last: SyntaxNode = this;
    for (;;) {
      let next: SyntaxNode | null = null;
      const ch = node.children;
      // The first child that reaches past the range, or an empty one at its start (children are in order, so
      // those before it are exactly the ones that fall short; the module may have thousands).
      let lo = 0;
      let hi = ch.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const c = ch[mid];
        const e = c.endIndex;
        if (e < end || (c.startIndex === e ? e < start : e <= start)) lo = mid + 1;
        else hi = mid;
      }
      if (lo < ch.length && !(start < ch[lo].startIndex)) next = ch[lo];
      if (!next) return last;
      node = next;
      if (!namedOnly || node.isNamed) last = node;
    }
  }

  /** A node of this one's kind and flags over `[start, end)`, with no parent: the module's node of a copy made from the one this node is the module of. */
  remadeAsRoot(segment: Segment, start: number, end: number): SyntaxNode {
    return new SyntaxNode(segment, this.type, null, this.bits, start, end);
  }

  toString(): string {
    return `(${this.type})`;
  }
}

export class SyntaxTree {
  rootNode!: SyntaxNode;
  constructor(public text: string) {}
}

/** The tree-sitter cursor, as `copy` reads it. */
interface Walk {
  /** tree-sitter's `hasError` of the node at the cursor. */
  hasError(): boolean;
  typeId(): number;
  start(): number;
  end(): number;
  fieldId(): number;
  missing(): boolean;
  firstChild(): boolean;
  nextSibling(): boolean;
  parent(): boolean;
}

interface LanguageTables {
  types: string[];
  fields: (string | null)[];
  named: Map<number, boolean>;
  isNamed(typeId: number): boolean;
}

/** web-tree-sitter's cursor, through its public interface: one transfer of the cursor's state per read. */
interface PublicCursor {
  nodeTypeId: number;
  startIndex: number;
  endIndex: number;
  currentFieldId: number;
  nodeIsMissing: boolean;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  delete(): void;
  [slot: number]: number;
  tree: { [slot: number]: number };
}

function publicWalk(c: PublicCursor): Walk {
  return {
    hasError: () => (c as unknown as { currentNode: { hasError: boolean } }).currentNode.hasError,
    typeId: () => c.nodeTypeId,
    start: () => c.startIndex,
    end: () => c.endIndex,
    fieldId: () => c.currentFieldId,
    missing: () => c.nodeIsMissing,
    firstChild: () => c.gotoFirstChild(),
    nextSibling: () => c.gotoNextSibling(),
    parent: () => c.gotoParent(),
  };
}

/** The wasm module's cursor functions (web-tree-sitter 0.25 exports them on the module object). */
interface CursorExports {
  HEAP32: Int32Array;
  _ts_init(): number;
  _ts_tree_cursor_current_node_wasm(tree: number): void;
  _ts_node_has_error_wasm(tree: number): number;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
  _ts_tree_cursor_current_field_id_wasm(tree: number): number;
  _ts_tree_cursor_current_node_is_missing_wasm(tree: number): number;
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
}

/** For tests: `directWalk: false` reads every tree through web-tree-sitter's public cursor. */
export const syntaxInternals = { directWalk: true };

let exportsChecked: CursorExports | null | undefined;
function cursorExports(): CursorExports | null {
  if (exportsChecked !== undefined) return exportsChecked;
  const m = wasmRuntime() as Partial<CursorExports> | undefined;
  const names = ['_ts_init', '_ts_tree_cursor_current_node_wasm', '_ts_node_has_error_wasm', '_ts_tree_cursor_current_node_type_id_wasm', '_ts_tree_cursor_start_index_wasm', '_ts_tree_cursor_end_index_wasm', '_ts_tree_cursor_current_field_id_wasm', '_ts_tree_cursor_current_node_is_missing_wasm', '_ts_tree_cursor_goto_first_child_wasm', '_ts_tree_cursor_goto_next_sibling_wasm', '_ts_tree_cursor_goto_parent_wasm'] as const;
  exportsChecked = m && names.every((n) => typeof m[n] === 'function') && m.HEAP32 ? (m as CursorExports) : null;
  return exportsChecked;
}

/**
 * The same cursor, read through the module's functions directly. Each function takes the cursor's state
 * from the module's transfer buffer and a move writes the new state back, so the state is written there
 * once at the start and read back once at the end instead of around every read, which is most of the
 * cost of a walk. Nothing else may call into the module while the walk runs.
 */
function directWalk(x: CursorExports, c: PublicCursor, transfer: number): { walk: Walk; done(): void } {
  const t = c.tree[0];
  const heapAt = () => x.HEAP32;
  for (let i = 0; i < 4; i++) heapAt()[(transfer >> 2) + i] = c[i];
  const slot = transfer >> 2;
  return {
    walk: {
      hasError() {
        // The node is written over the cursor's state in the transfer buffer: keep the state and put it back.
        const h = heapAt();
        const s0 = h[slot];
        const s1 = h[slot + 1];
        const s2 = h[slot + 2];
        const s3 = h[slot + 3];
        x._ts_tree_cursor_current_node_wasm(t);
        const v = x._ts_node_has_error_wasm(t) === 1;
        const h2 = heapAt();
        h2[slot] = s0;
        h2[slot + 1] = s1;
        h2[slot + 2] = s2;
        h2[slot + 3] = s3;
        return v;
      },
      typeId: () => x._ts_tree_cursor_current_node_type_id_wasm(t),
      start: () => x._ts_tree_cursor_start_index_wasm(t),
      end: () => x._ts_tree_cursor_end_index_wasm(t),
      fieldId: () => x._ts_tree_cursor_current_field_id_wasm(t),
      missing: () => x._ts_tree_cursor_current_node_is_missing_wasm(t) === 1,
      firstChild: () => x._ts_tree_cursor_goto_first_child_wasm(t) === 1,
      nextSibling: () => x._ts_tree_cursor_goto_next_sibling_wasm(t) === 1,
      parent: () => x._ts_tree_cursor_goto_parent_wasm(t) === 1,
    },
    done() {
      for (let i = 0; i < 4; i++) c[i] = heapAt()[(transfer >> 2) + i];
    },
  };
}

/** A walk of `tree` from its root (through the module's functions when it can), and what ends it. */
function walkOf(tree: Tree): { walk: Walk; done(): void } {
  const c = tree.walk() as unknown as PublicCursor;
  const x = syntaxInternals.directWalk ? cursorExports() : null;
  const direct = x ? directWalk(x, c, (transferAddress ??= x._ts_init())) : null;
  return {
    walk: direct?.walk ?? publicWalk(c),
    done() {
      direct?.done();
      c.delete();
    },
  };
}

function newNode(w: Walk, lang: LanguageTables, tree: SyntaxTree, parent: SyntaxNode | null, withField: boolean, errors: boolean): SyntaxNode {
  const typeId = w.typeId();
  const start = w.start();
  const end = w.end();
  // The module's node and its children start segments; every other node shares its parent's.
  const segment = parent && parent.parent ? parent.segment : new Segment(tree, parent ? start : 0);
  let bits = lang.isNamed(typeId) ? NAMED : 0;
  if (start === end && w.missing()) bits |= MISSING;
  if (errors && w.hasError()) bits |= ERROR;
  if (withField) bits |= w.fieldId() << FIELD_SHIFT;
  return new SyntaxNode(segment, lang.types[typeId] || 'ERROR', parent, bits, start, end);
}

/**
 * Copies the subtree at the cursor (which it leaves where it found it) under `parent`. A node's children
 * are gathered on a stack and given to it as one list of their exact number when the walk leaves it.
 */
function copy(w: Walk, lang: LanguageTables, tree: SyntaxTree, parent: SyntaxNode | null, withField: boolean, errors: boolean): SyntaxNode {
  const top = newNode(w, lang, tree, parent, withField, errors);
  // Only a node with an error can hold one.
  if (!top.hasError && errors) errors = false;
  if (!w.firstChild()) return top;
  const stack: SyntaxNode[] = [];
  const bases: number[] = [];
  let sp = 0;
  let base = 0;
  let up = top;
  for (;;) {
    const node = newNode(w, lang, tree, up, true, errors && up.hasError);
    node.index = sp - base;
    stack[sp++] = node;
    if (w.firstChild()) {
      bases.push(base);
      base = sp;
      up = node;
      continue;
    }
    for (;;) {
      if (w.nextSibling()) break;
      w.parent();
      up.children = stack.slice(base, sp);
      sp = base;
      if (up === top) return top;
      base = bases.pop()!;
      up = up.parent!;
    }
  }
}

/**
 * The JavaScript copy of `tree` (parsed from `text`). With `previous`, the copy of an earlier version of
 * the same document, each top-level statement of the same text, kind and place keeps its nodes (moved by the
 * edit); only the others are copied from the tree. `edit` is the change from `previous`'s text to `text`
 * (in the offsets of the old text): statements before it keep their offsets and those after it move by its
 * length. Without it, statements are matched by their text. `previous` must not be used afterwards.
 */
export function syntaxOf(tree: Tree, text: string, previous?: SyntaxTree | null, edit?: { start: number; oldEnd: number; newEnd: number } | null): SyntaxTree {
  const out = new SyntaxTree(text);
  const lang = tablesOf(tree);
  // A tree without errors has none anywhere: tree-sitter is asked node by node only when it has some.
  // (Asked before the walk starts: the question goes through the buffer the walk keeps its state in.)
  const errors = tree.rootNode.hasError;
  const { walk: w, done } = walkOf(tree);
  try {
    if (!previous) {
      out.rootNode = copy(w, lang, out, null, false, errors);
      return out;
    }
    const candidate = edit ? byPlace(previous, edit) : byText(previous);
    const root = newNode(w, lang, out, null, false, errors);
    out.rootNode = root;
    if (w.firstChild()) {
      do {
        const start = w.start();
        const end = w.end();
        const was = start < end ? candidate(start, end, text) : null;
        let n: SyntaxNode | null = null;
        // A statement is reused only without errors, before and now: a statement that parsed cleanly parses
        // its unchanged text the same way, while error recovery may not.
        // (A statement fills no field of the module: the Python grammar gives the module none.)
        if (was && !was.hasError && was.field === null && was.type === (lang.types[w.typeId()] || 'ERROR') && !(errors && w.hasError())) n = was;
        if (n) {
          n.parent = root;
          n.segment.base = start;
          n.segment.tree = out;
        } else {
          n = copy(w, lang, out, root, true, errors);
        }
        root.adopt(n);
      } while (w.nextSibling());
      w.parent();
    }
    return out;
  } finally {
    done();
  }
}

/** A cursor walk whose offsets are moved by `by`: a tree of part of a text, read in the offsets of the whole. */
function shifted(w: Walk, by: number): Walk {
  return { ...w, start: () => w.start() + by, end: () => w.end() + by };
}

/** A line break: a top-level statement that starts and ends lines has them to itself. */
function isBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** Only blanks and line breaks: what may follow a statement's last token up to the next statement. */
const BLANK = /^[ \t\f\r\n]*$/;

/**
 * The copy of `text` after an edit that stayed inside one top-level statement of `previous` (`edit`, in the
 * offsets of `previous.text`), made without reparsing the file: the statement's new text, from its start to the
 * next statement's, is parsed alone, its copy takes the old one's place, and the other statements keep their
 * nodes, those after it moved by the edit's length. In a file without syntax errors, a statement that starts
 * and ends its lines and parses alone without error as one statement followed by blanks parses the same way in
 * its file: nothing of it is open (a bracket, a string, a line continuation) where the next statement starts, so
 * tree-sitter reads the statements around it as before. null when those conditions do not hold, with
 * `previous` left as it was: the caller reparses the file (`syntaxOf`). `test/unit/syntax.test.ts` compares the
 * result with a copy of the reparsed file, node by node. `previous` must not be used after a non-null answer.
 */
export function reparseStatement(previous: SyntaxTree, text: string, edit: { start: number; oldEnd: number; newEnd: number }): SyntaxTree | null {
  const old = previous.text;
  const delta = edit.newEnd - edit.oldEnd;
  if (text.length !== old.length + delta) return null;
  const root = previous.rootNode;
  if (root.hasError) return null;
  const kids = root.children;
  // The last statement that starts before the edit: the edit must end inside it, and leave its first character alone.
  let lo = 0;
  let hi = kids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (kids[mid].startIndex < edit.start) lo = mid + 1;
    else hi = mid;
  }
  const k = lo - 1;
  if (k < 0) return null;
  const statement = kids[k];
  const from = statement.startIndex;
  if (edit.oldEnd > statement.endIndex) return null;
  const oldTo = k + 1 < kids.length ? kids[k + 1].startIndex : old.length;
  if ((from > 0 && !isBreak(old.charCodeAt(from - 1))) || (oldTo < old.length && !isBreak(old.charCodeAt(oldTo - 1)))) return null;
  const to = oldTo + delta;
  const source = text.slice(from, to);
  const part = parsePython(source);
  try {
    const partRoot = part.rootNode;
    if (partRoot.hasError || partRoot.childCount !== 1) return null;
    const only = partRoot.firstChild!;
    if (only.startIndex !== 0 || only.endIndex === 0 || !BLANK.test(source.slice(only.endIndex))) return null;
    const out = new SyntaxTree(text);
    const top = root.remadeAsRoot(new Segment(out, 0), root.startIndex, root.endIndex + delta);
    out.rootNode = top;
    const { walk, done } = walkOf(part);
    let made: SyntaxNode;
    try {
      const w = shifted(walk, from);
      w.firstChild();
      made = copy(w, tablesOf(part), out, top, true, false);
    } finally {
      done();
    }
    for (let i = 0; i < kids.length; i++) {
      let n = kids[i];
      if (i === k) n = made;
      else {
        n.parent = top;
        n.segment.tree = out;
        if (i > k) n.segment.base += delta;
      }
      top.adopt(n);
    }
    return out;
  } finally {
    part.delete();
  }
}

type Candidate = (start: number, end: number, text: string) => SyntaxNode | null;

/** The previous statement that spanned the same text, when the edit is known: untouched text keeps its place or moves by the edit. */
function byPlace(previous: SyntaxTree, edit: { start: number; oldEnd: number; newEnd: number }): Candidate {
  const kids = previous.rootNode.children;
  // Read before the walk moves any of them: a reused statement takes its new place as soon as it is found.
  const starts = new Int32Array(kids.length);
  for (let k = 0; k < kids.length; k++) starts[k] = kids[k].startIndex;
  const delta = edit.newEnd - edit.oldEnd;
  // The walk asks in document order, so one pointer through the old statements finds each place.
  let i = 0;
  return (start, end) => {
    let at: number;
    if (end <= edit.start) at = start;
    else if (start >= edit.newEnd) {
      at = start - delta;
      end -= delta;
    } else return null;
    while (i < starts.length && starts[i] < at) i++;
    if (i >= starts.length || starts[i] !== at) return null;
    // Of several statements starting there (empty ones), the last.
    while (i + 1 < starts.length && starts[i + 1] === at) i++;
    const was = kids[i++];
    return was.endIndex === end ? was : null;
  };
}

/** The previous statement with the same text, each used once, in order. */
function byText(previous: SyntaxTree): Candidate {
  const old = new Map<string, SyntaxNode[]>();
  for (const s of previous.rootNode.children) {
    if (s.startIndex === s.endIndex) continue;
    const key = s.text;
    const list = old.get(key);
    if (list) list.push(s);
    else old.set(key, [s]);
  }
  return (start, end, text) => old.get(text.slice(start, end))?.shift() ?? null;
}

let transferAddress: number | undefined;

const tables = new WeakMap<object, LanguageTables>();
function tablesOf(tree: Tree): LanguageTables {
  const language = tree.language as unknown as { types: string[]; fields: (string | null)[]; nodeTypeIsNamed(id: number): boolean };
  let t = tables.get(language);
  if (!t) {
    const named = new Map<number, boolean>();
    t = {
      types: language.types,
      fields: language.fields,
      named,
      isNamed(typeId: number) {
        let v = named.get(typeId);
        if (v === undefined) named.set(typeId, (v = language.nodeTypeIsNamed(typeId)));
        return v;
      },
    };
    tables.set(language, t);
    fieldNames = language.fields;
    fieldIds = new Map();
    language.fields.forEach((f, i) => f && fieldIds.set(f, i));
    lastField = '';
  }
  return t;
}

const copies = new WeakMap<object, SyntaxTree>();

/**
 * The copy of `tree` for `text`, made once per tree and text (the CLI's model, readiness facts and hover
 * of one tree share it). A `SyntaxTree` is its own copy.
 */
export function syntaxFor(tree: Tree | SyntaxTree, text: string): SyntaxTree {
  if (tree instanceof SyntaxTree) return tree;
  const hit = copies.get(tree);
  if (hit && hit.text === text) return hit;
  const made = syntaxOf(tree, text);
  copies.set(tree, made);
  return made;
}

/** Lets go of the copy `syntaxFor` keeps for `tree` (the server keeps trees, not their copies). */
export function releaseSyntax(tree: Tree): void {
  copies.delete(tree);
}
