/** The SARIF output validates against the SARIF 2.1.0 JSON schema (draft-04, shipped in an npm package). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));

test('fastmcp-lint --format sarif on the example project is valid SARIF 2.1.0', () => {
  const r = spawnSync(process.execPath, [CLI, '--format', 'sarif', 'examples/weather-server'], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const log: { runs: Array<{ results: unknown[] } & Record<string, unknown>> } & Record<string, unknown> = JSON.parse(r.stdout);
  assert.ok(log.runs[0].results.length >= 5);
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, logger: false, validateFormats: false });
  const validate = ajv.compile(schema);
  const ok = validate(structuredClone(log));
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  // And a deliberately broken log is rejected, so the check can fail.
  assert.equal(validate({ ...log, runs: [{ ...log.runs[0], results: [{ level: 'catastrophe' }] }] }), false);
});
