/** Inputs the engine refuses to parse, with the reason shown to the user. */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Lines holding only a backslash continuation beyond which a file is not parsed. */
export const MAX_BLANK_CONTINUATIONS = 200;

/** Why a file is skipped (too large, binary), or null when it can be linted. */
export function skipReason(text: string, maxBytes = DEFAULT_MAX_FILE_BYTES): string | null {
  // UTF-16 length is a close lower bound on UTF-8 size and avoids encoding a huge buffer just to measure it.
  if (text.length > maxBytes) return `skipped: file is ${(text.length / 1024 / 1024).toFixed(1)} MB, over the ${(maxBytes / 1024 / 1024).toFixed(1)} MB limit (fastmcp.lint.maxFileSize)`;
  const probe = text.length > 65536 ? text.slice(0, 65536) : text;
  if (probe.includes('\u0000')) return 'skipped: file contains NUL bytes (binary content)';
  // tree-sitter-python takes time quadratic in the number of lines holding only a `\` continuation
  // (4,000 of them: 1.5 s per parse). Real code has next to none.
  const n = blankContinuations(text);
  if (n > MAX_BLANK_CONTINUATIONS) return `skipped: ${n} lines hold only a \\ line continuation (more than ${MAX_BLANK_CONTINUATIONS})`;
  return null;
}

/** Lines holding only blanks and a `\` that continues them; the backslashes are found by search, not the lines. */
function blankContinuations(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\\'); i >= 0; i = text.indexOf('\\', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next !== 10 && next !== 13) continue;
    let j = i - 1;
    while (j >= 0 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j--;
    // A line starts after any of JavaScript's line terminators, as `^` reads them.
    const before = j < 0 ? -1 : text.charCodeAt(j);
    if (before === -1 || before === 10 || before === 13 || before === 0x2028 || before === 0x2029) n++;
  }
  return n;
}

/**
 * Syntax trees deeper than this are not linted. Rules walk up from nodes to their ancestors, and in
 * tree-sitter each parent step is itself a walk down from the root, so the cost grows with the cube
 * of the depth (800 nested calls took 17 s); recursive walks overflow the JavaScript stack inside the
 * wasm binding, which leaves the parser unusable for the rest of the process. The deepest file of the
 * real-world corpus nests 20 levels by this measure.
 */
export const MAX_TREE_DEPTH = 100;

/**
 * Node types whose nesting makes deep trees: blocks for statements, and every expression that can hold
 * itself. The nesting of their spans is the measure (common leaf-ish types such as strings or identifiers
 * are left out: each node returned costs time).
 */
export const NESTING_TYPES = [
  'block', 'argument_list', 'subscript', 'binary_operator', 'boolean_operator', 'comparison_operator', 'unary_operator',
  'not_operator', 'conditional_expression', 'lambda', 'await', 'parenthesized_expression', 'list', 'tuple', 'set', 'dictionary',
  'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression', 'interpolation',
];

interface SpanNode {
  startIndex: number;
  endIndex: number;
}

/**
 * How deeply the tree nests, measured on the spans of the node types that can nest without bound: one
 * call into wasm and a stack in JavaScript, where a cursor walk would cross into wasm several times per
 * node. Stops counting past `limit`.
 */
export function nestingDepth(root: { descendantsOfType(types: string[]): Array<SpanNode | null> }, limit = MAX_TREE_DEPTH): number {
  return spanDepth(root.descendantsOfType(NESTING_TYPES), limit);
}

const NESTING = new Set(NESTING_TYPES);

/**
 * The same measure over nodes already collected in document order (a walk that also gathered other
 * types: those are passed over).
 */
export function collectedDepth(nodes: Array<(SpanNode & { type: string }) | null>, limit = MAX_TREE_DEPTH): number {
  return spanDepth(nodes.filter((n) => n !== null && NESTING.has(n.type)), limit);
}

/** Why a file whose nodes were collected is not linted, or null. */
export function collectedSkipReason(nodes: Array<(SpanNode & { type: string }) | null>, limit = MAX_TREE_DEPTH): string | null {
  return collectedDepth(nodes, limit) > limit ? `skipped: code nested more than ${limit} levels deep` : null;
}

function spanDepth(nodes: Array<SpanNode | null>, limit: number): number {
  const stack: number[] = [];
  let max = 0;
  for (const n of nodes) {
    if (!n) continue;
    // Document order puts a parent before its children: close every span that ends before this one starts.
    while (stack.length && stack[stack.length - 1] <= n.startIndex) stack.pop();
    stack.push(n.endIndex);
    if (stack.length > max) {
      max = stack.length;
      if (max > limit) return max;
    }
  }
  return max;
}

/** Why a parsed file is not linted (nested too deeply), or null. */
export function treeSkipReason(tree: { rootNode: { descendantsOfType(types: string[]): Array<SpanNode | null> } }, limit = MAX_TREE_DEPTH): string | null {
  return nestingDepth(tree.rootNode, limit) > limit ? `skipped: code nested more than ${limit} levels deep` : null;
}
