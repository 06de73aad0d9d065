/**
 * What a rule is: one module with its metadata, its documentation and its check. Rules read the
 * semantic model (and the tree where they must) and report through the context.
 */
import type { Node } from '../parse';
import type { FileModel } from '../model/model';
import type { Diagnostic, Fix, FixSafety, Flavor, Range, Severity, TextEdit } from '../types';
import type { TargetVersion } from '../version/version';

export interface RuleDocs {
  /** One paragraph: what the rule flags. */
  what: string;
  /** What goes wrong at run time, with FastMCP's real message where there is one. */
  why: string;
  /** Python that the rule flags. */
  example: string;
  /** The corrected Python. */
  useInstead: string;
  /** Numbers of the widely circulated guide's errors this rule covers. */
  guide?: number[];
  /** Extra notes: version behaviour, what the rule deliberately does not flag. */
  notes?: string;
}

export interface RuleMeta {
  code: string;
  /** Kebab-case name of the flagged pattern. */
  name: string;
  /** Default severity; `D` rules compute theirs from the version table. */
  severity: Severity;
  deprecation?: boolean;
  /** Short title for lists (the RULES.md "when it fires" in a few words). */
  title: string;
  /** Which FastMCP flavors the rule applies to (default both). */
  flavors?: 'both' | 'fastmcp' | 'sdk';
  /** `workspace`: an FMCP7xx project check run over the whole workspace (server/src/engine/readiness), not per file. */
  scope?: 'file' | 'workspace';
  /** The rule fires only for target versions in [min, max); silent when the version is unknown. */
  versions?: { min?: string; max?: string };
  fix?: { safety: FixSafety; title: string };
  docs: RuleDocs;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export interface Report {
  node?: Node;
  range?: Range;
  message: string;
  severity?: Severity;
  deprecated?: boolean;
  fixes?: Fix[];
  /** Report under another code of the same module (rare: one check, two codes). */
  code?: string;
}

export interface RuleContext {
  readonly model: FileModel;
  readonly text: string;
  readonly path: string;
  readonly target: TargetVersion;
  /** The file's flavor (never null inside a rule: non-FastMCP files are not checked). */
  readonly flavor: Flavor;
  readonly isTestFile: boolean;
  /** The file is run as a server: named as entrypoint, or it runs its server from `__main__`. */
  readonly isEntrypoint: boolean;
  /** A fastmcp.json or readiness run named the object to serve (`file.py:obj`). */
  readonly entrypointObject: string | null;
  report(r: Report): void;
  range(node: Node): Range;
  rangeOf(start: number, end: number): Range;
  replace(node: Node, text: string): TextEdit;
  replaceSpan(start: number, end: number, text: string): TextEdit;
  insertAt(offset: number, text: string): TextEdit;
  /** An edit that adds an import line (after existing imports), or none if the name is bound already. */
  addImport(statement: string, binds: string): TextEdit[];
  fix(title: string, safety: FixSafety, edits: TextEdit[]): Fix;
  /** The indentation (leading whitespace) of the line holding `offset`. */
  indentAt(offset: number): string;
  /** The line ending the file uses. */
  readonly eol: string;
  /** Whether another rule is on for this file (a general rule defers to a more specific one). */
  isEnabled(code: string): boolean;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export type { Diagnostic, Node, FileModel };
