/**
 * Incremental linting for an open document. When the changes since the last lint lie inside one top-level
 * statement, that statement has its lines to itself (a trailing comment aside), the statements around it kept
 * their boundaries and kinds, and the file-level facts (imports, the servers' names, kinds and scopes, run
 * calls, `lifespan=` arguments, main guards, entrypoint, line ending) are what they were at the previous lint,
 * only that statement is linted again by the segment-local rules, and their reports elsewhere are carried
 * over, moved by the change in line count. Which rules count as segment-local depends on where the edit is
 * (`rules/locality.ts`): inside a function body, a comment or a docstring, with the component headers, the
 * servers' constructor calls and the module-level names unchanged, all but the file-scope rules; anywhere
 * else in the statement, also not those of `BODY_LOCAL_RULES`. The others run on the whole file, but when the
 * edited statement spells none of a file-scope rule's trigger words (`FILE_SCOPE_TRIGGERS`, with wider words for
 * an edit outside a body), that rule is not run again and its reports are carried over too. Anything
 * else (a new import, a server renamed, a parse that moved statement boundaries, other settings) lints the
 * whole file. The result equals a full lint of the same text: `test/unit/incremental.test.ts` checks that
 * over every fixture and template, and the fuzzer over random edits. Either way, the syntax tree the rules
 * read keeps the statements the edits left alone (`syntax.ts`), so only what changed is copied from
 * tree-sitter; and when the file has no syntax error and the edited statement parses alone, the file is not
 * reparsed at all (`lintEdited`, `reparseStatement`).
 */
import type { Node, Tree, SyntaxTree } from './parse';
import { reparseStatement, syntaxOf } from './syntax';
import { computeLineStarts } from './parse';
import { gatherKept, nodesIn, type FileModel, type WalkCarry } from './model/model';
import { inferEntrypoint, lintModel, modelOrSkip, type LintOptions, type LintResult, type RawReport, type SegmentPlan } from './lint';
import { BODY_LOCAL_RULES, FILE_SCOPE_RULES, FILE_SCOPE_TRIGGERS } from './rules/locality';
import { lifespanArguments } from './rules/util-asgi';
import type { Diagnostic, Range, TextEdit } from './types';

/** One text change in the offsets of the text before it: `[start, oldEnd)` became `[start, newEnd)`. */
export interface EditSpan {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** Two consecutive edits as one: the span of the original text that changed, and what it became. */
export function composeEdits(a: EditSpan | null, b: EditSpan): EditSpan {
  if (!a) return { ...b };
  const d1 = a.newEnd - a.oldEnd;
  // b is in the offsets after a; map its old end back into the original text, a's new end forward.
  const bOldEndInOriginal = b.oldEnd >= a.newEnd ? b.oldEnd - d1 : a.oldEnd;
  const aNewEndAfterB = a.newEnd >= b.oldEnd ? a.newEnd + (b.newEnd - b.oldEnd) : b.newEnd;
  const start = Math.min(a.start, b.start);
  return { start, oldEnd: Math.max(a.oldEnd, bOldEndInOriginal, start), newEnd: Math.max(b.newEnd, aNewEndAfterB, start) };
}

interface StatementSpan {
  type: string;
  start: number;
  end: number;
  startLine: number;
  endLine: number;
  /** The statement holds a syntax error. */
  error: boolean;
}

interface Previous {
  key: string;
  text: string;
  /** The top-level statements the last lint read. */
  nodes: readonly Node[];
  facts: string[];
  headers: string[];
  statements: StatementSpan[];
  lineCount: number;
  raw: RawReport[];
}

export interface IncrementalResult extends LintResult {
  /** `segment` when only the edited statement was linted again. */
  mode: 'full' | 'segment';
  /** What was parsed for this lint: the file (reparsed, incrementally after an edit) or only the edited statement (`lintEdited`). */
  parsed?: 'file' | 'statement';
  /** Why a lint after an edit was a full one. */
  reason?: string;
  /** For a `segment` lint, how many file-scope rules were not run again (their reports carried over). */
  rulesCarried?: number;
}

export class DocumentLinter {
  private prev: Previous | null = null;
  private pending: EditSpan | null = null;
  /** The copy of the tree at the last lint: its unchanged statements are reused by the next. */
  private syntax: SyntaxTree | null = null;
  /** What the model's file-wide walks found at the last lint (`gatherKept`). */
  private carry: WalkCarry = new Map();

  /** Record a change to the text (in the offsets of the text before it). */
  noteEdit(edit: EditSpan): void {
    this.pending = composeEdits(this.pending, edit);
  }

  /** The text was replaced or is unknown: the next lint is a full one. */
  reset(): void {
    this.prev = null;
    this.pending = null;
    this.syntax = null;
    this.carry = new Map();
  }

  /** Lets go of the copy of the tree kept between lints (the next lint copies the whole tree again). */
  forgetSyntax(): void {
    this.syntax = null;
    // What the walks found refers to the copy's nodes.
    this.carry = new Map();
  }

  /** The copy of the tree the last lint read, when it was of `text`. */
  syntaxFor(text: string): SyntaxTree | null {
    return this.syntax?.text === text ? this.syntax : null;
  }

  lint(source: Tree, text: string, opts: LintOptions, lineStarts = computeLineStarts(text)): IncrementalResult {
    const edit = this.pending;
    this.pending = null;
    const previous = this.syntax;
    // The previous copy is handed over: its reused statements now belong to the new one.
    this.syntax = null;
    const tree = syntaxOf(source, text, previous, edit);
    this.syntax = tree;
    return this.lintCopy(tree, text, edit, opts, lineStarts, 'file');
  }

  /**
   * The lint of `text` when the edits since the last lint stayed inside one top-level statement of a file
   * without syntax errors: only that statement is parsed again, alone (`reparseStatement`), and the lint reads
   * the last copy with it in place, as `lint` would after a reparse of the file. null when that cannot be done,
   * nothing changed: the caller reparses the file and calls `lint`. The tree-sitter tree of the document is not
   * brought up to date here; the edits stay recorded on it until something needs it.
   */
  lintEdited(text: string, opts: LintOptions, lineStarts = computeLineStarts(text)): IncrementalResult | null {
    const edit = this.pending;
    const previous = this.syntax;
    if (!edit || !previous || !this.prev) return null;
    const tree = reparseStatement(previous, text, edit);
    if (!tree) return null;
    this.pending = null;
    this.syntax = tree;
    return this.lintCopy(tree, text, edit, opts, lineStarts, 'statement');
  }

  private lintCopy(tree: SyntaxTree, text: string, edit: EditSpan | null, opts: LintOptions, lineStarts: number[], parsed: 'file' | 'statement'): IncrementalResult {
    // The nesting limit guards every walk of the tree; statements the edit left alone kept their nodes and
    // their measure (`modelOrSkip`). Per-statement work is kept only once the document is edited: most
    // documents are only opened, and their first lint is also their last until they change.
    const m = modelOrSkip(tree, text, edit ? this.carry : undefined);
    if (m.skipped !== undefined) return this.skip(m.skipped);
    const model = m.model;
    const key = optionsKey(opts);
    const entry = opts.entrypoint ?? inferEntrypoint(model);
    const facts = factsOf(model, entry);
    const headers = headerFacts(model);
    const statements = spansOf(model.statements, lineStarts);
    let reason = 'first lint';
    let plan: SegmentPlan | string | null = null;
    if (edit && this.prev) {
      if (this.prev.key !== key) reason = 'settings changed';
      else if (!sameLines(this.prev.facts, facts)) reason = 'file-level facts changed';
      else {
        try {
          plan = this.planFor(model, statements, edit, lineStarts, sameLines(this.prev.headers, headers));
        } catch (e) {
          // Planning is only a shortcut: whatever goes wrong there, the whole file is linted.
          if (process.env.FASTMCP_LINT_DEBUG) throw e;
          plan = 'incremental planning failed';
        }
      }
      if (typeof plan === 'string') reason = plan;
    } else if (this.prev) reason = 'no edit recorded';
    const segment = plan && typeof plan !== 'string' ? plan : undefined;
    const result = lintModel(model, { ...opts, entrypoint: entry }, lineStarts, segment);
    this.prev = model.flavor ? { key, text, nodes: model.statements, facts, headers, statements, lineCount: lineStarts.length, raw: result.raw ?? [] } : null;
    return segment ? { ...result, mode: 'segment', parsed, rulesCarried: segment.carriedCount } : { ...result, mode: 'full', parsed, reason };
  }

  private skip(reason: string): IncrementalResult {
    this.prev = null;
    return { diagnostics: [], suppressions: [], flavor: null, skipped: reason, mode: 'full' };
  }

  /** `headersSame`: the component headers and module-level names are what they were at the last lint. */
  private planFor(model: FileModel, now: StatementSpan[], edit: EditSpan, lineStarts: number[], headersSame: boolean): SegmentPlan | string {
    const lineCount = lineStarts.length;
    const prev = this.prev!;
    const before = prev.statements;
    if (before.length !== now.length) return 'statements added or removed';
    const delta = edit.newEnd - edit.oldEnd;
    const lineDelta = lineCount - prev.lineCount;
    // The statement holding the edit, in the old and the new text.
    const k = statementAt(now, edit.start);
    if (k < 0) return 'edit between statements';
    const s = now[k];
    const o = before[k];
    if (edit.newEnd > s.end || edit.oldEnd > o.end) return 'edit spans statements';
    // Reports are told apart by line: the statement must have its lines to itself (no `a = 1; b = 2`); a
    // comment after it is no statement, and no rule reports on comments.
    if (!ownsLines(model.text, lineStarts, s)) return 'statement shares a line';
    // Everything before it is unchanged, everything after it moved by the edit; the statement kept its kind.
    // Statements elsewhere that hold a syntax error, before or now: error recovery may parse their unchanged text
    // another way after a reparse, so what was found on them cannot be carried.
    const broken: number[] = [];
    for (let i = 0; i < now.length; i++) {
      const a = before[i];
      const b = now[i];
      if ((a.error || b.error) && i !== k) broken.push(i);
      if (a.type !== b.type) return 'statement kinds changed';
      if (i < k && (a.start !== b.start || a.end !== b.end)) return 'statement boundaries moved';
      if (i === k && (a.start !== b.start || a.end + delta !== b.end || a.startLine !== b.startLine || a.endLine + lineDelta !== b.endLine)) return 'statement boundaries moved';
      if (i > k && (a.start + delta !== b.start || a.end + delta !== b.end || a.startLine + lineDelta !== b.startLine)) return 'statement boundaries moved';
    }
    // An edit inside the body of a function (in the new text and in the old), a comment or a docstring leaves
    // every segment-local rule local; an edit elsewhere in the statement, only the statement-local ones.
    const body = headersSame ? (enclosingBody(model.root, model.text, edit.start, edit.newEnd) ?? enclosingInert(model.root, edit.start, edit.newEnd)) : null;
    const inBody = body !== null && edit.oldEnd <= body.end - delta;
    const isLocal = inBody ? (code: string) => !FILE_SCOPE_RULES.has(code) : (code: string) => !FILE_SCOPE_RULES.has(code) && !BODY_LOCAL_RULES.has(code);
    const untouched = broken.length ? NO_CODES : untouchedRules(model, prev, k, o, s, inBody);
    const isCarried = (code: string) => untouched.has(code);
    const carried: RawReport[] = [];
    for (const r of prev.raw) {
      if (!isLocal(r.producer) && !untouched.has(r.producer)) continue;
      const d = r.diagnostic;
      if (d.range.end.line < o.startLine || d.range.start.line > o.endLine) {
        if (!editsAvoid(d, o.startLine, o.endLine)) return 'a fix elsewhere edits this statement';
        for (const i of broken) if (onLines(d, before[i].startLine, before[i].endLine)) return 'a report on a statement that does not parse';
        carried.push(lineDelta ? { producer: r.producer, diagnostic: moved(d, o.endLine, lineDelta) } : r);
      } else if (d.range.start.line < o.startLine || d.range.end.line > o.endLine) {
        return 'a report spans the statement'; // it cannot be split
      }
    }
    return {
      view: segmentView(model, model.statements[k], s.start, s.end),
      startLine: s.startLine,
      endLine: s.endLine,
      isLocal,
      isCarried,
      carriedCount: untouched.size,
      carried,
    };
  }
}

const NO_CODES: ReadonlySet<string> = new Set();

/**
 * The file-scope rules an edit of statement `k` (`o` before, `s` after) cannot change (`FILE_SCOPE_TRIGGERS`):
 * the statement spells none of the rule's words (`words` for an edit inside a body, a comment or a docstring,
 * `anywhere` for one elsewhere in it) before or after the edit, holds no syntax error, and none of the rule's
 * reports or fixes lies on it; for a rule that follows names to their definitions, no statement that spells
 * those words mentions the statement's name (old or new) either.
 */
function untouchedRules(model: FileModel, prev: Previous, k: number, o: StatementSpan, s: StatementSpan, inBody: boolean): ReadonlySet<string> {
  if (o.error || s.error) return NO_CODES;
  const on = new Set<string>();
  for (const r of prev.raw) {
    if (!FILE_SCOPE_TRIGGERS.has(r.producer) || on.has(r.producer)) continue;
    const d = r.diagnostic;
    if (onLines(d, o.startLine, o.endLine)) on.add(r.producer);
  }
  const before = prev.text.slice(o.start, o.end);
  const after = model.text.slice(s.start, s.end);
  const statement = model.statements[k];
  const name = definedName(statement);
  // Outside a body the statement's name may have changed: a rule that follows names needs neither name mentioned.
  const oldName = inBody ? name : definedName(prev.nodes[k]);
  const out = new Set<string>();
  for (const [code, t] of FILE_SCOPE_TRIGGERS) {
    const words = inBody ? t.words : t.anywhere;
    if (!words || on.has(code) || words.test(before) || words.test(after)) continue;
    if (t.follows && (name === null || oldName === null || mentioned(model, words, name, statement) || (oldName !== name && mentioned(model, words, oldName, statement)))) continue;
    out.add(code);
  }
  return out;
}

/** The name a function or class definition binds (decorated or not); null for any other statement. */
function definedName(statement: Node): string | null {
  const def = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
  if (def?.type !== 'function_definition' && def?.type !== 'class_definition') return null;
  return def.childForFieldName('name')?.text ?? null;
}

const spellsKeys = new Map<RegExp, object>();
/** Whether a top-level statement other than `statement` that spells `words` holds `name` anywhere in its text. */
function mentioned(model: FileModel, words: RegExp, name: string, statement: Node): boolean {
  let key = spellsKeys.get(words);
  if (!key) spellsKeys.set(words, (key = {}));
  // Kept per statement: after an edit only the changed statements are searched again.
  const spelling = gatherKept(model, key, model.statements, null, (stmt) => (words.test(stmt.text) ? [stmt] : []));
  for (const st of spelling) if (st !== statement && st.text.includes(name)) return true;
  return false;
}

function ownsLines(text: string, lineStarts: number[], s: StatementSpan): boolean {
  const before = text.slice(lineStarts[s.startLine], s.start);
  const after = text.slice(s.end, s.endLine + 1 < lineStarts.length ? lineStarts[s.endLine + 1] : text.length);
  return /^[ \t\f]*$/.test(before) && /^[ \t\f]*(#[^\r\n]*)?(\r\n|\r|\n)?$/.test(after);
}

/** The statements' spans and lines; the statements are in document order, so one pass over the lines finds them. */
function spansOf(statements: readonly Node[], lineStarts: number[]): StatementSpan[] {
  const out: StatementSpan[] = new Array(statements.length);
  let line = 0;
  const last = lineStarts.length - 1;
  for (let i = 0; i < statements.length; i++) {
    const n = statements[i];
    const start = n.startIndex;
    const end = n.endIndex;
    while (line < last && lineStarts[line + 1] <= start) line++;
    const startLine = line;
    while (line < last && lineStarts[line + 1] <= end) line++;
    out[i] = { type: kindOf(n), start, end, startLine, endLine: line, error: n.hasError };
  }
  return out;
}

/**
 * A statement's kind: its type, and for an expression statement the kind of its first expression too (a lone string
 * is a docstring where a concatenation of strings is not: import fixes insert after a leading docstring).
 */
function kindOf(n: Node): string {
  return n.type === 'expression_statement' ? `${n.type} ${n.namedChild(0)?.type ?? ''}` : n.type;
}

function statementAt(spans: StatementSpan[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end < offset) lo = mid + 1;
    else if (spans[mid].start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * The innermost function body around `[start, end]`: from the start of the body's first line (typing at
 * the start of an indented line is typing in the body) to the body's end.
 */
function enclosingBody(root: Node, text: string, start: number, end: number): { start: number; end: number } | null {
  for (let n: Node | null = root.descendantForIndex(start, Math.max(start, end)); n; n = n.parent) {
    if (n.type !== 'function_definition') continue;
    const body = n.childForFieldName('body');
    if (!body) continue;
    const lineStart = text.lastIndexOf('\n', body.startIndex - 1) + 1;
    const from = lineStart > n.startIndex && /^[ \t]*$/.test(text.slice(lineStart, body.startIndex)) ? lineStart : body.startIndex;
    if (from <= start && end <= body.endIndex) return { start: from, end: body.endIndex };
  }
  return null;
}

/** A comment or a lone string statement (a docstring) around `[start, end]`: text no rule reads across statements. */
function enclosingInert(root: Node, start: number, end: number): { start: number; end: number } | null {
  for (let n: Node | null = root.descendantForIndex(start, Math.max(start, end)); n; n = n.parent) {
    const inert = n.type === 'comment' || (n.type === 'string' && n.parent?.type === 'expression_statement' && n.parent.namedChildCount === 1);
    if (inert && n.startIndex <= start && end <= n.endIndex) return { start: n.startIndex, end: n.endIndex };
    if (n.type === 'block' || n.type === 'module') return null;
  }
  return null;
}

function optionsKey(opts: LintOptions): string {
  const c = opts.config;
  return JSON.stringify([opts.path, c.baseDir, c.configFile, c.settings, c.target.version, opts.entrypoint ?? null, opts.rules?.map((r) => r.meta.code) ?? null]);
}

/**
 * What rules may read about the file as a whole. A keystroke that changes any of it lints the whole file,
 * so a report carried over never rests on a fact that changed. (Component headers, server constructor calls and
 * module-level names are `headerFacts`: only the statement-local rules may carry reports across a change to them.)
 */
function factsOf(model: FileModel, entry: { isEntrypoint: boolean; object: string | null }): string[] {
  // The line ending fixes insert (`ctx.eol`) is the file's: the first `\r\n` typed anywhere changes it.
  const out: string[] = [model.flavor ?? '-', [...model.flavors].join(','), String(entry.isEntrypoint), entry.object ?? '', /\r\n/.test(model.text) ? 'crlf' : 'lf'];
  // Bindings, servers and components are kept from lint to lint with the statements that hold them: so is their line.
  for (const b of model.imports) out.push(factLine(b, () => `i ${b.local} ${b.qualified} ${b.module} ${b.typeCheckingOnly} ${b.local_scope}`));
  for (const s of model.servers) out.push(factLine(s, () => `s ${s.name} ${s.flavor} ${s.kind} ${nameOf(s.scope)}`));
  for (const r of model.runCalls) out.push(`r ${r.method} ${r.server.name} ${r.awaited} ${r.inMainGuard} ${nameOf(r.enclosingFunction)} ${r.call.text}`);
  // A `lifespan=` argument makes the function it names run on the event loop (FMCP308), wherever the call is.
  for (const v of lifespanArguments(model)) out.push(`l ${v.text}`);
  out.push(`g ${model.mainGuards.length}`);
  return out;
}

/** The component headers, the servers' constructor calls and the names of module-level functions and classes. */
function headerFacts(model: FileModel): string[] {
  const out: string[] = [];
  for (const s of model.servers) out.push(s.call?.text ?? '');
  for (const c of model.components) out.push(factLine(c, () => `c ${c.kind} ${c.server} ${c.funcName} ${c.isAsync} ${c.inClass ? nameOf(c.inClass) : ''} ${c.decorator.text}`));
  out.push(`f ${[...model.moduleFunctions.keys()].join(',')}`, `k ${[...model.moduleClasses.keys()].join(',')}`);
  return out;
}

/** A definition's name, '' for none. */
function nameOf(def: Node | null): string {
  return def?.childForFieldName('name')?.text ?? '';
}

/** Whether two lists of facts say the same (a line kept from lint to lint is the same string). */
function sameLines(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const factLines = new WeakMap<object, string>();
function factLine(of: object, make: () => string): string {
  let line = factLines.get(of);
  if (line === undefined) factLines.set(of, (line = make()));
  return line;
}

/** The model with its node lists cut to `[start, end)`; the file-level facts and lookups stay whole. */
function segmentView(model: FileModel, scopeNode: Node, start: number, end: number): FileModel {
  const view = Object.create(model) as FileModel;
  view.scopeRoot = scopeNode;
  const cut = (list: Node[]) => nodesIn(list, start, end);
  view.calls = cut(model.calls);
  view.functions = cut(model.functions);
  view.classes = cut(model.classes);
  view.awaits = cut(model.awaits);
  view.attributes = cut(model.attributes);
  view.comments = cut(model.comments);
  view.assignments = cut(model.assignments);
  view.decorated = cut(model.decorated);
  view.importStatements = cut(model.importStatements);
  view.strings = cut(model.strings);
  view.components = model.components.filter((c) => c.decorator.startIndex >= start && c.decorator.startIndex < end);
  return view;
}

/** Whether the report or one of its fix edits touches lines `[from, to]`. */
function onLines(d: Diagnostic, from: number, to: number): boolean {
  return !(d.range.end.line < from || d.range.start.line > to) || !editsAvoid(d, from, to);
}

/** Whether none of the report's fix edits touches lines `[from, to]`. */
function editsAvoid(d: Diagnostic, from: number, to: number): boolean {
  for (const f of d.fixes) for (const e of f.edits) if (!(e.range.end.line < from || e.range.start.line > to)) return false;
  return true;
}

function moved(d: Diagnostic, after: number, lines: number): Diagnostic {
  const shift = (r: Range): Range => (r.start.line > after ? { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } } : r);
  const edit = (e: TextEdit): TextEdit => ({ range: shift(e.range), newText: e.newText });
  return { ...d, range: shift(d.range), fixes: d.fixes.map((f) => ({ ...f, edits: f.edits.map(edit) })) };
}
