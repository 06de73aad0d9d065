// Bundles the mocha suites in test/e2e/suite into <repo>/.e2e/suite (CommonJS, what the extension host loads).
// `vscode` comes from the extension host; mocha from the repository's node_modules.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(here, '../../.e2e/suite');
fs.rmSync(outdir, { recursive: true, force: true });
const entryPoints = fs.readdirSync(path.join(here, 'suite')).filter((f) => f.endsWith('.ts')).map((f) => path.join(here, 'suite', f));
await esbuild.build({
  entryPoints, outdir, bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'inline',
  external: ['vscode', 'mocha'], logLevel: 'warning',
});
