/**
 * Whether a fix may be offered: applied to the text, it must leave a document that parses at least as
 * well as before. Rules write fixes for well-formed code; on a half-typed file an edit can land inside a
 * construct the parser has misread and make things worse, so the server checks before offering one.
 */
import { parsePython, type Tree } from './parse';
import { applyFixes } from './fix';
import type { Fix } from './types';

/** Error and missing nodes in the tree: how broken a parse is (0 for a file that parses). */
export function brokenness(tree: Tree): number {
  if (!tree.rootNode.hasError) return 0;
  let n = 0;
  const cursor = tree.rootNode.walk();
  try {
    for (;;) {
      const node = cursor.currentNode;
      if (node.isError || node.isMissing) n++;
      // Only subtrees that contain an error are entered: a walk of the whole file would cost far more.
      if (node.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return n;
    }
  } finally {
    cursor.delete();
  }
}

/** True when applying `fixes` to `text` parses no worse than `before` (the brokenness of `text`). */
export function fixKeepsParse(text: string, before: number, fixes: Fix[]): boolean {
  const next = applyFixes(text, fixes).text;
  if (next === text) return true;
  const tree = parsePython(next);
  try {
    return brokenness(tree) <= before;
  } finally {
    tree.delete();
  }
}
