// Runs every test suite: build, type-check, then unit + protocol + CLI tests in one node:test run.
// `--e2e` also runs the VS Code suites (test/e2e/run.sh). Prints `N passed, N failed` for CI.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const withE2e = process.argv.includes('--e2e');
const step = (name, cmd, args, opts = {}) => {
  console.log(`\n== ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  return r.status ?? 1;
};

function files(dir) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else if (e.name.endsWith('.test.ts')) out.push(path.relative(root, p));
  }
  return out.sort();
}

let failed = 0;
if (step('build', process.execPath, ['scripts/build.mjs']) !== 0) process.exit(1);
if (step('type-check', process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.']) !== 0) failed++;

const tests = [...files(path.join(root, 'test/unit')), ...files(path.join(root, 'test/protocol')), ...files(path.join(root, 'test/cli'))];
fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
const tap = path.join(root, '.tmp/unit.tap');
const status = step('unit, protocol and CLI tests', process.execPath, [
  '--import', 'tsx', '--test', '--test-concurrency=2',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tap}`,
  ...tests,
]);
const summary = fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '';
const pass = Number(/^# pass (\d+)/m.exec(summary)?.[1] ?? 0);
const fail = Number(/^# fail (\d+)/m.exec(summary)?.[1] ?? (status === 0 ? 0 : 1));
if (status !== 0 && fail === 0) failed++;
let e2ePass = 0;
let e2eFail = 0;
if (withE2e) {
  const e2eStatus = step('VS Code e2e suites', 'bash', ['test/e2e/run.sh']);
  const res = path.join(root, '.e2e/results.json');
  if (fs.existsSync(res)) ({ passed: e2ePass, failed: e2eFail } = JSON.parse(fs.readFileSync(res, 'utf8')));
  if (e2eStatus !== 0 && e2eFail === 0) e2eFail = 1;
}
console.log(`\n# pass ${pass}\n# fail ${fail}`);
if (withE2e) console.log(`e2e: ${e2ePass} passed, ${e2eFail} failed`);
console.log(`${pass + e2ePass} passed, ${fail + e2eFail + failed} failed`);
process.exit(fail + e2eFail + failed > 0 ? 1 : 0);
