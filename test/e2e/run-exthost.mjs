// Runs the mocha suites in test/e2e/suite inside a real VS Code extension host, through
// @vscode/test-electron pointed at harness/code-shim.js (code-server's VS Code server + headless Chromium)
// instead of a downloaded desktop VS Code. Exit code: the tests' exit code.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const out = process.env.E2E_OUT ?? path.join(root, '.e2e');
const workspace = process.env.E2E_WORKSPACE;
if (!workspace) throw new Error('set E2E_WORKSPACE (a copy of test/e2e/fixtures/ws)');
const tag = process.env.E2E_TAG ?? 'vscode';

try {
  await runTests({
    vscodeExecutablePath: path.join(here, 'harness/code-shim.js'),
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(out, 'suite/index.js'),
    launchArgs: [workspace, `--user-data-dir=${path.join(out, tag, 'exthost-user-data')}`, `--extensions-dir=${path.join(out, tag, 'exthost-extensions')}`],
    extensionTestsEnv: { E2E_RESULTS_FILE: path.join(out, tag, 'exthost-results.json'), E2E_ROOT: root },
  });
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(typeof e?.code === 'number' && e.code !== 0 ? e.code : 1);
}
