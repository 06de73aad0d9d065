// The quick start's first command: lint the bundled example server, which has real mistakes on purpose.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const target = 'examples/weather-server';
console.log(`$ fastmcp-lint ${target}\n`);
const r = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), target], { cwd: root, stdio: 'inherit' });
console.log(`\nfastmcp-lint exited with ${r.status}${r.status === 1 ? ': errors found, as this example is meant to show.' : '.'}`);
console.log('Try `node dist/cli.js --fix examples/weather-server` on a copy, or `--format json|sarif|github`.');
process.exit(r.status === 1 || r.status === 0 ? 0 : r.status ?? 2);
