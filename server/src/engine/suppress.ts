/**
 * Suppression comments: `# noqa: FMCP201, FMCP304` and `# fastmcp: ignore[FMCP201]` on a line;
 * `# fastmcp: noqa: FMCP201` in the file's first comment block. A bare `# noqa` belongs to other
 * linters and does not silence FMCP rules.
 */
import type { Node } from './parse';

export interface Suppression {
  line: number;
  codes: string[];
  /** Offsets of each code inside the document, for hover and for FMCP000's range. */
  spans: Array<{ code: string; start: number; end: number }>;
  kind: 'noqa' | 'ignore' | 'file';
  /** The comment node's start and end offsets. */
  start: number;
  end: number;
}

const CODE = /FMCP\d{1,3}/gi;
const LINE_NOQA = /#\s*noqa\s*:\s*((?:[A-Z]+\d+[\s,]*)+)/i;
const LINE_IGNORE = /#\s*fastmcp\s*:\s*ignore\s*\[([^\]]*)\]/i;
const FILE_NOQA = /#\s*fastmcp\s*:\s*noqa\s*:\s*((?:[A-Z]+\d+[\s,]*)+)/i;

/** Reads suppression comments from comment nodes; `headerEnd` bounds the first comment block. */
export function collectSuppressions(comments: Node[], root: Node, lineOf: (offset: number) => number): Suppression[] {
  const out: Suppression[] = [];
  const firstCode = root.namedChildren.find((c) => c && c.type !== 'comment' && !(c.type === 'expression_statement' && c.namedChild(0)?.type === 'string'));
  const headerEnd = firstCode ? firstCode.startIndex : Infinity;
  for (const c of comments) {
    // tree-sitter ends a comment at `\n` only: after a lone `\r` (a line break to Python) it runs on into the next lines.
    const whole = c.text;
    const cut = whole.search(/[\r\n]/);
    const text = cut < 0 ? whole : whole.slice(0, cut);
    if (!/fmcp/i.test(text)) continue;
    const file = c.startIndex < headerEnd ? FILE_NOQA.exec(text) : null;
    const m = file ?? LINE_NOQA.exec(text) ?? LINE_IGNORE.exec(text);
    if (!m) continue;
    const kind: Suppression['kind'] = file ? 'file' : m[0].toLowerCase().includes('ignore') ? 'ignore' : 'noqa';
    const groupStart = c.startIndex + m.index + m[0].indexOf(m[1]);
    const spans: Suppression['spans'] = [];
    for (const cm of m[1].matchAll(CODE)) spans.push({ code: cm[0].toUpperCase(), start: groupStart + cm.index!, end: groupStart + cm.index! + cm[0].length });
    if (!spans.length) continue;
    out.push({ line: lineOf(c.startIndex), codes: spans.map((s) => s.code), spans, kind, start: c.startIndex, end: c.startIndex + text.length });
  }
  return out;
}
