/** The readiness engine's public surface (the CLI, the language server and the tests use this). */
export { runReadiness, formatText, formatMarkdown, CLOSURE_ROW, type ReadinessReport, type ReadinessResult, type ReportCheck, type ReportDetail, type CheckStatus, type Verdict } from './report';
export { Project, findProjectRoots, scanTree, diskFs, looksLikeFastmcp, splitSpec, type WorkspaceFs, type ProjectOptions } from './workspace';
export { READINESS_CHECKS } from './checks';
export { GitIgnore, parseGitignore } from './gitignore';
export { readGitFacts, readIndexPaths, parseGitConfig, isGithubUrl } from './git';
export { isStdlib } from './stdlib';
export { distributionsFor, isProvidedBy, suggestedDistribution } from './import-map';
export { pythonFacts } from './python-facts';
export { validateSchema } from './json-schema';
export { projectInfo, renderEnvExample, launchCommand, claudeDesktopConfigPath, mergeClaudeDesktopConfig, mergeVSCodeMcpJson, mergeCursorMcpJson, claudeCodeCommand, clientServerName, versionsReport, formatVersionsMarkdown, ConfigFileError, type ProjectInfo, type LaunchCommand, type VersionsReport } from './deploy';
