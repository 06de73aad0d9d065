/**
 * Linting one file: parse (or reuse a tree), build the model, run the enabled rules, apply
 * suppressions and severity overrides. Editor-agnostic: the server and the CLI both call this.
 */
import type { Node, Tree, SyntaxTree } from './parse';
import { syntaxFor } from './syntax';
import { computeLineStarts, parsePython, positionAt } from './parse';
import { buildModel, collectNodes, modelLists, COLLECT_TYPES, type CollectedNodes, type FileModel, type WalkCarry } from './model/model';
import type { ResolvedConfig } from './config/settings';
import { selectorMatches } from './config/settings';
import type { Diagnostic, Fix, FixSafety, Range, Severity, TextEdit } from './types';
import type { Report, Rule, RuleContext } from './rules/api';
import { ALL_RULES, RULES_BY_CODE } from './rules/registry';
import { collectSuppressions, type Suppression } from './suppress';
import { TargetVersion } from './version/version';
import { globMatch } from './glob';
import { isTestFile } from './test-files';
import { collectedSkipReason, NESTING_TYPES } from './limits';
import * as path from 'node:path';

export interface LintOptions {
  /** Absolute or workspace path of the file; used for per-file ignores and test-file detection. */
  path: string;
  config: ResolvedConfig;
  /** Entrypoint facts from fastmcp.json or a readiness run; otherwise inferred from `__main__`. */
  entrypoint?: { isEntrypoint: boolean; object: string | null };
  /** Restrict to these rules (tests). */
  rules?: readonly Rule[];
}

export interface LintResult {
  diagnostics: Diagnostic[];
  suppressions: Suppression[];
  /** null for a file that imports neither fastmcp nor mcp.server.fastmcp. */
  flavor: FileModel['flavor'];
  /** Why the file was not linted (nested too deeply for the rules to walk safely); no diagnostics then. */
  skipped?: string;
  /** Every report before suppressions, with the rule that made it: what an incremental lint carries over. */
  raw?: RawReport[];
}

export interface RawReport {
  /** The rule whose check made the report (a rule may report under another code). */
  producer: string;
  diagnostic: Diagnostic;
}

/**
 * Linting after an edit inside one top-level statement (`incremental.ts`): segment-local rules run on
 * `view`, a model whose node lists hold only that statement, and keep their reports on its lines; their
 * reports elsewhere are `carried` from the previous lint. File-scope rules run on the whole model as usual.
 */
export interface SegmentPlan {
  view: FileModel;
  /** First and last line of the edited top-level statement. */
  startLine: number;
  endLine: number;
  isLocal(code: string): boolean;
  /** Rules not run at all: the edit cannot change what they report, and all their reports are in `carried`. */
  isCarried(code: string): boolean;
  /** How many rules `isCarried` accepts. */
  carriedCount: number;
  carried: RawReport[];
}

export function lintText(text: string, opts: LintOptions): LintResult {
  const tree = parsePython(text);
  try {
    return lintTree(tree, text, opts);
  } finally {
    tree.delete();
  }
}

export function lintTree(tree: Tree | SyntaxTree, text: string, opts: LintOptions, lineStarts = computeLineStarts(text)): LintResult {
  const m = modelOrSkip(tree, text);
  if (m.skipped !== undefined) return { diagnostics: [], suppressions: [], flavor: null, skipped: m.skipped };
  return lintModel(m.model, opts, lineStarts);
}

const MODEL_AND_NESTING_TYPES = [...new Set([...COLLECT_TYPES, ...NESTING_TYPES])];

/**
 * The file's model, or why it is not linted (nested too deeply): one walk of the tree collects the nodes
 * the model needs and those the nesting limit measures.
 */
export function modelOrSkip(source: Tree | SyntaxTree, text: string, carry?: WalkCarry): { model: FileModel; skipped?: undefined } | { skipped: string; model?: undefined } {
  const tree = syntaxFor(source, text);
  // Top-level statements do not nest in each other: each one's model nodes and depth are its own, and are
  // kept on it, so a statement an edit left alone is not walked again.
  // (Kept for an open document's next lint; a one-off model uses what a lint of the same tree kept.)
  const lists = modelLists(tree.rootNode.children, (stmt) => {
    const own = carry ? stmt.keep(MODEL_AND_NESTING_TYPES, statementNodes) : (stmt.kept<ReturnType<typeof statementNodes>>(MODEL_AND_NESTING_TYPES) ?? statementNodes(stmt));
    return own.skipped ?? own.nodes;
  }, carry);
  if (typeof lists === 'string') return { skipped: lists };
  return { model: buildModel(tree, text, lists, carry) };
}

function statementNodes(stmt: Node): { nodes: CollectedNodes; skipped: string | null } {
  const nodes = stmt.ofTypes(MODEL_AND_NESTING_TYPES, false);
  return { nodes: collectNodes(nodes), skipped: collectedSkipReason(nodes) };
}

export { isTestFile } from './test-files';

/** Which codes are on for this file: select/extend-select/ignore (most specific selector wins) and per-file ignores. */
export function enabledCodes(config: ResolvedConfig, filePath: string, rules: readonly Rule[] = ALL_RULES): ReadonlySet<string> {
  const s = config.settings;
  let negative = [...(s.ignore ?? [])];
  if (s.perFileIgnores) {
    const rel = path.relative(config.baseDir, path.resolve(filePath)).split(path.sep).join('/');
    for (const [glob, codes] of Object.entries(s.perFileIgnores)) if (globMatch(glob, rel)) negative = negative.concat(codes);
  }
  // The same settings give the same answer for every file their per-file ignores treat alike: worked out once.
  let byRules = enabledBySettings.get(s);
  if (!byRules) enabledBySettings.set(s, (byRules = new WeakMap()));
  let byIgnores = byRules.get(rules);
  if (!byIgnores) byRules.set(rules, (byIgnores = new Map()));
  const key = negative.join(' ');
  let out = byIgnores.get(key);
  if (!out) byIgnores.set(key, (out = enabledFor(s, rules, negative)));
  return out;
}
const enabledBySettings = new WeakMap<object, WeakMap<readonly Rule[], Map<string, ReadonlySet<string>>>>();

function enabledFor(s: ResolvedConfig['settings'], rules: readonly Rule[], negative: string[]): ReadonlySet<string> {
  const select = s.select ?? ['FMCP'];
  const positive = [...select, ...(s.extendSelect ?? [])];
  const out = new Set<string>();
  for (const r of rules) {
    const code = r.meta.code;
    const pos = longest(positive, code);
    const neg = longest(negative, code);
    if (pos >= 0 && pos > neg) out.add(code);
    const sev = s.severity?.[code];
    if (sev === 'off') out.delete(code);
  }
  return out;
}

function longest(selectors: string[], code: string): number {
  let best = -1;
  for (const sel of selectors) if (selectorMatches(sel, code)) best = Math.max(best, sel.toUpperCase() === 'ALL' ? 0 : sel.length);
  return best;
}

function severityFor(config: ResolvedConfig, code: string, fallback: Severity): Severity {
  const sev = config.settings.severity;
  if (!sev) return fallback;
  if (sev[code] && sev[code] !== 'off') return sev[code] as Severity;
  // A prefix entry (`FMCP5 = "warning"`) applies when no exact entry does; the longest prefix wins.
  let best: { len: number; sev: Severity } | null = null;
  for (const [k, v] of Object.entries(sev)) if (v !== 'off' && code.startsWith(k) && (!best || k.length > best.len)) best = { len: k.length, sev: v as Severity };
  return best?.sev ?? fallback;
}

export function lintModel(model: FileModel, opts: LintOptions, lineStarts = computeLineStarts(model.text), plan?: SegmentPlan): LintResult {
  const lineOf = (offset: number) => positionAt(lineStarts, offset).line;
  const suppressions = collectSuppressions(model.comments, model.root, lineOf);
  if (!model.flavor) return { diagnostics: [], suppressions, flavor: null };
  const config = opts.config;
  const target = config.target ?? TargetVersion.unknown();
  const rules = opts.rules ?? ALL_RULES;
  const enabled = enabledCodes(config, opts.path, rules);
  const text = model.text;
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';

  const entry = opts.entrypoint ?? inferEntrypoint(model);
  const raw: RawReport[] = [];
  const ran = new Set<string>();
  let current: Rule | null = null;

  // tree-sitter ends a comment after the `\r` of a `\r\n`; an LSP position cannot point between the two.
  const inLine = (o: number) => (o > 0 && text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10 ? o - 1 : o);
  const range = (start: number, end: number): Range => ({ start: positionAt(lineStarts, inLine(start)), end: positionAt(lineStarts, inLine(end)) });
  const ctx: { -readonly [K in keyof RuleContext]: RuleContext[K] } = {
    model,
    text,
    path: opts.path,
    target,
    flavor: model.flavor,
    isTestFile: isTestFile(opts.path),
    isEntrypoint: entry.isEntrypoint,
    entrypointObject: entry.object,
    eol,
    isEnabled: (code: string) => enabled.has(code),
    report(r: Report) {
      const rule = r.code ? RULES_BY_CODE.get(r.code) : current;
      if (!rule || !enabled.has(rule.meta.code)) return;
      const rg = r.range ?? (r.node ? range(r.node.startIndex, r.node.endIndex) : null);
      if (!rg) return;
      const d: Diagnostic = {
        code: rule.meta.code,
        message: r.message,
        severity: severityFor(config, rule.meta.code, r.severity ?? rule.meta.severity),
        range: rg,
        fixes: r.fixes ?? [],
      };
      if (r.deprecated) d.tags = ['deprecated'];
      raw.push({ producer: current?.meta.code ?? rule.meta.code, diagnostic: d });
    },
    range: (node: Node) => range(node.startIndex, node.endIndex),
    rangeOf: range,
    replace: (node: Node, newText: string): TextEdit => ({ range: range(node.startIndex, node.endIndex), newText }),
    replaceSpan: (start: number, end: number, newText: string): TextEdit => ({ range: range(start, end), newText }),
    insertAt: (offset: number, newText: string): TextEdit => ({ range: range(offset, offset), newText }),
    addImport: (statement: string, binds: string) => addImportEdits(model, statement, binds, range, eol),
    fix: (title: string, safety: FixSafety, edits: TextEdit[]): Fix => ({ title, safety, edits }),
    indentAt: (offset: number) => {
      const ls = lineStarts[lineOf(offset)];
      return /^[ \t]*/.exec(text.slice(ls, ls + 200))![0];
    },
  };

  for (const rule of rules) {
    const m = rule.meta;
    if (m.code === 'FMCP000' || m.scope === 'workspace' || !enabled.has(m.code)) continue;
    if (m.flavors === 'fastmcp' && model.flavor !== 'fastmcp') continue;
    if (m.flavors === 'sdk' && model.flavor !== 'sdk') continue;
    if (m.versions) {
      const inRange = target.inRange(m.versions.min, m.versions.max);
      if (inRange !== true) continue;
    }
    ran.add(m.code);
    if (plan?.isCarried(m.code)) continue;
    current = rule;
    const local = plan?.isLocal(m.code) ?? false;
    const first = raw.length;
    if (local) ctx.model = plan!.view;
    try {
      rule.check(ctx);
    } catch (e) {
      // A rule bug must never take down linting of the rest of the file.
      if (process.env.FASTMCP_LINT_DEBUG) throw e;
    } finally {
      ctx.model = model;
    }
    if (local) {
      // Keep what this run found on the edited statement; the rest of the file is carried over.
      const found = raw.splice(first);
      for (const r of found) if (r.diagnostic.range.start.line >= plan!.startLine && r.diagnostic.range.end.line <= plan!.endLine) raw.push(r);
    }
  }
  current = null;
  if (plan) for (const c of plan.carried) if (ran.has(c.producer)) raw.push(c);

  // Suppressions: a diagnostic is silenced by a code on its first or last line, or file-wide.
  const used = new Set<Suppression>();
  const byLine = new Map<number, Suppression[]>();
  const fileLevel: Suppression[] = [];
  for (const s of suppressions) {
    if (s.kind === 'file') fileLevel.push(s);
    else (byLine.get(s.line) ?? byLine.set(s.line, []).get(s.line)!).push(s);
  }
  const usedCodes = new Map<Suppression, Set<string>>();
  const markUsed = (s: Suppression, code: string) => {
    used.add(s);
    (usedCodes.get(s) ?? usedCodes.set(s, new Set()).get(s)!).add(code);
  };
  const diagnostics: Diagnostic[] = [];
  for (const { diagnostic: d } of raw) {
    let hidden = false;
    for (const line of new Set([d.range.start.line, d.range.end.line])) {
      for (const s of byLine.get(line) ?? []) {
        if (s.codes.includes(d.code)) {
          markUsed(s, d.code);
          hidden = true;
        }
      }
    }
    for (const s of fileLevel) {
      if (s.codes.includes(d.code)) {
        markUsed(s, d.code);
        hidden = true;
      }
    }
    if (!hidden) diagnostics.push(d);
  }

  // FMCP000: suppressions naming a rule that ran and found nothing there.
  if (enabled.has('FMCP000') && !(opts.rules && !opts.rules.some((r) => r.meta.code === 'FMCP000'))) {
    for (const s of suppressions) {
      const usedHere = usedCodes.get(s) ?? new Set<string>();
      const unused = s.spans.filter((sp) => !usedHere.has(sp.code) && ran.has(sp.code));
      if (!unused.length) continue;
      const all = unused.length === s.spans.length;
      const fixText = all ? null : s.spans.filter((sp) => usedHere.has(sp.code) || !ran.has(sp.code)).map((sp) => sp.code).join(', ');
      const first = unused[0];
      const last = unused[unused.length - 1];
      const edits: TextEdit[] = all
        ? [removeCommentEdit(text, s, range)]
        : [{ range: range(s.spans[0].start, s.spans[s.spans.length - 1].end), newText: fixText! }];
      diagnostics.push({
        code: 'FMCP000',
        message: `Unused suppression: ${unused.map((u) => u.code).join(', ')} ${unused.length === 1 ? 'finds' : 'find'} nothing on this line`,
        severity: severityFor(config, 'FMCP000', 'info'),
        range: range(first.start, last.end),
        tags: ['unnecessary'],
        fixes: [{ title: 'Remove unused suppression', safety: 'safe', edits }],
      });
    }
  }
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
  return { diagnostics, suppressions, flavor: model.flavor, raw };
}

function removeCommentEdit(text: string, s: Suppression, range: (a: number, b: number) => Range): TextEdit {
  let start = s.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
  if (start === lineStart) {
    // The comment is alone on its line: keep the line, drop the comment only.
    return { range: range(s.start, s.end), newText: '' };
  }
  return { range: range(start, s.end), newText: '' };
}

/** A file is run as a server when `__main__` runs its server, directly or through a function of the file. */
export function inferEntrypoint(model: FileModel): { isEntrypoint: boolean; object: string | null } {
  if (!model.mainGuards.length) return { isEntrypoint: false, object: null };
  const runsServer = (fn: Node, seen: Set<number>): boolean => {
    if (seen.has(fn.id)) return false;
    seen.add(fn.id);
    for (const rc of model.runCalls) if (rc.method.startsWith('run') && rc.call.startIndex >= fn.startIndex && rc.call.endIndex <= fn.endIndex) return true;
    for (const call of model.calls) {
      if (call.startIndex < fn.startIndex || call.endIndex > fn.endIndex) continue;
      const callee = call.childForFieldName('function');
      if (callee?.type === 'attribute' && /^run(_async)?$/.test(callee.childForFieldName('attribute')?.text ?? '') && runsFactoryServer(model, callee.childForFieldName('object'), fn)) return true;
      if (callee?.type !== 'identifier') continue;
      const target = model.moduleFunctions.get(callee.text);
      if (target && runsServer(target, seen)) return true;
    }
    return false;
  };
  const seen = new Set<number>();
  for (const g of model.mainGuards) if (runsServer(g, seen)) return { isEntrypoint: true, object: null };
  return { isEntrypoint: false, object: null };
}

/**
 * `create_server().run()`, or `srv = create_server()` then `srv.run()` in the same block: the receiver is
 * made by a same-file function that constructs a FastMCP server.
 */
function runsFactoryServer(model: FileModel, receiver: Node | null, scope: Node): boolean {
  if (!receiver) return false;
  let value: Node | null = receiver;
  if (receiver.type === 'identifier') {
    value = null;
    for (const asg of model.assignments) {
      if (asg.startIndex < scope.startIndex || asg.endIndex > scope.endIndex || asg.startIndex > receiver.startIndex) continue;
      if (asg.childForFieldName('left')?.text === receiver.text) value = asg.childForFieldName('right');
    }
  }
  if (value?.type === 'await') value = value.namedChild(0);
  if (value?.type !== 'call') return false;
  const callee = value.childForFieldName('function');
  const factory = callee?.type === 'identifier' ? model.moduleFunctions.get(callee.text) : undefined;
  if (!factory || !model.servers.some((s) => s.scope?.id === factory.id && s.kind !== 'annotation')) return false;
  // A factory that needs arguments belongs to a CLI that builds the server from its options; `file.py`
  // alone could never serve it, and the author did not mean it to.
  const params = factory.childForFieldName('parameters')?.namedChildren ?? [];
  return params.every((p) => !p || p.type === 'default_parameter' || p.type === 'typed_default_parameter' || p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern' || p.type === 'keyword_separator' || p.type === 'positional_separator' || (p.type === 'typed_parameter' && /^(list_splat|dictionary_splat)_pattern$/.test(p.namedChild(0)?.type ?? '')));
}

/** Insert `statement` after the module's imports (or its docstring), unless `binds` is already imported. */
export function addImportEdits(model: FileModel, statement: string, binds: string, range: (a: number, b: number) => Range, eol: string): TextEdit[] {
  if (model.imports.some((b) => b.local === binds && !b.local_scope && !b.typeCheckingOnly)) return [];
  let offset = 0;
  let after = false;
  for (const stmt of model.root.namedChildren) {
    if (!stmt) continue;
    const isDoc = stmt.type === 'expression_statement' && stmt.namedChild(0)?.type === 'string' && offset === 0 && !after;
    if (stmt.type === 'import_statement' || stmt.type === 'import_from_statement' || stmt.type === 'future_import_statement' || isDoc) {
      offset = stmt.endIndex;
      after = true;
      continue;
    }
    if (stmt.type === 'comment' && !after) continue;
    break;
  }
  if (!after) return [{ range: range(0, 0), newText: statement + eol }];
  return [{ range: range(offset, offset), newText: eol + statement }];
}
