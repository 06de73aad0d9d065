/** The engine's public surface: what the language server, the CLI, tests and the benchmark use. */
export * from './types';
export { initParser, parsePython, newParser, computeLineStarts, positionAt, offsetAt, editFor } from './parse';
export { buildModel, type FileModel } from './model/model';
export { lintText, lintTree, lintModel, enabledCodes, isTestFile, type LintOptions, type LintResult } from './lint';
export { applyEdits, applyFixes } from './fix';
export { ALL_RULES, RULES_BY_CODE, ALL_CODES } from './rules/registry';
export type { Rule, RuleMeta } from './rules/api';
export { resolveConfig, validateSettings, type LintSettings, type ResolvedConfig, type ConfigProblem, type ConfigurationPreference } from './config/settings';
export { CachedDiskView, type FileView } from './config/fs';
export { TargetVersion } from './version/version';
export { FASTMCP_RELEASES, NEWEST_KNOWN } from './version/releases';
export { collectSuppressions, type Suppression } from './suppress';
export { hoverAt, loadReferences, ReferenceIndex, type HoverOptions, type HoverResult } from './hover';
export { generateRuleDocs, renderRuleDoc, renderRuleIndex } from './docs/rule-docs';
