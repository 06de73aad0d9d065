#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// Desktop VS Code cannot be downloaded on the CI machines, but code-server ships the real VS Code
// server (workbench + Node extension host). This starts that server on 127.0.0.1, opens the
// workbench in headless Chromium with an extension-development payload (the same one desktop
// VS Code gets from --extensionDevelopmentPath/--extensionTestsPath), prints the extension host's
// output and exits with the tests' exit code.
// Env: VSCODE_SERVER_MAIN  .../code-server/lib/vscode/out/server-main.js (required)
//      VSCODE_SERVER_NODE  node binary for the server (default: this node)
//      CHROMIUM            browser binary (default /usr/bin/chromium)
//      E2E_PIDS_DIR        where to note the server's process group, so the caller can stop it if this dies
//      SHIM_TIMEOUT_MS     give up after this long (exit 124)
const { spawn } = require('child_process');
const net = require('net');
const fs = require('fs');
const path = require('path');
const util = require('util');
const { chromium } = require('playwright-core');

const argv = process.argv.slice(2);
const opt = {};
const positional = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (!a.startsWith('--')) { positional.push(a); continue; }
  const eq = a.indexOf('=');
  if (eq > 0) opt[a.slice(2, eq)] = a.slice(eq + 1);
  else if (['--extensionDevelopmentPath', '--extensionTestsPath', '--extensions-dir', '--user-data-dir'].includes(a)) opt[a.slice(2)] = argv[++i];
  else opt[a.slice(2)] = true;
}
const serverMain = process.env.VSCODE_SERVER_MAIN;
if (!serverMain || !fs.existsSync(serverMain)) { console.error('code-shim: set VSCODE_SERVER_MAIN'); process.exit(2); }
if (!opt['user-data-dir'] || !opt['extensions-dir']) { console.error('code-shim: pass --user-data-dir and --extensions-dir'); process.exit(2); }
const folder = positional[0] ? path.resolve(positional[0]) : undefined;
const userData = path.resolve(opt['user-data-dir']);
const extDir = path.resolve(opt['extensions-dir']);
fs.mkdirSync(path.join(userData, 'data', 'User'), { recursive: true });
fs.mkdirSync(extDir, { recursive: true });
const settingsFile = path.join(userData, 'data', 'User', 'settings.json');
// Fresh user settings each run: a test that changes a setting must not leak into the next run.
fs.writeFileSync(settingsFile, JSON.stringify({
  'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false, 'update.mode': 'none',
}, null, 1));

const freePort = () => new Promise((r) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); }); });

let server;
let browser;
const stopServer = () => { if (server) try { process.kill(-server.pid, 'SIGTERM'); } catch {} };
process.on('exit', stopServer);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, async () => { try { await browser?.close(); } catch {} stopServer(); process.exit(130); });

(async () => {
  const port = await freePort();
  // detached: its own process group, so the extension host and file watchers stop with it
  server = spawn(process.env.VSCODE_SERVER_NODE || process.execPath, [serverMain,
    '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
    '--enable-smoke-test-driver', '--disable-telemetry', '--disable-workspace-trust',
    '--server-data-dir', userData, '--user-data-dir', path.join(userData, 'data'), '--extensions-dir', extDir],
  { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  if (process.env.E2E_PIDS_DIR) fs.writeFileSync(path.join(process.env.E2E_PIDS_DIR, `shim-server-${server.pid}`), String(server.pid));
  let serverLog = '';
  const onData = (d) => { serverLog += d; if (process.env.SHIM_VERBOSE) process.stderr.write(d); };
  server.stdout.on('data', onData);
  server.stderr.on('data', onData);
  for (let i = 0; ; i++) {
    if (/Extension host agent listening/.test(serverLog)) break;
    if (i > 1200 || server.exitCode !== null) { console.error('code-shim: the VS Code server did not start\n' + serverLog); process.exit(1); }
    await new Promise((r) => setTimeout(r, 50));
  }
  const authority = `127.0.0.1:${port}`;
  const toRemote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
  const payload = [];
  for (const p of [].concat(opt.extensionDevelopmentPath || [])) payload.push(['extensionDevelopmentPath', toRemote(p)]);
  if (opt.extensionTestsPath) payload.push(['extensionTestsPath', toRemote(opt.extensionTestsPath)]);
  let url = `http://${authority}/?payload=${encodeURIComponent(JSON.stringify(payload))}`;
  url += folder ? `&folder=${encodeURIComponent(folder)}` : '&ew=true';

  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
  const page = await browser.newPage();
  // Extension-host console output reaches the page as console.log('%c INFO', 'color: ...', fmt, ...args).
  page.on('console', async (m) => {
    let args;
    try { args = await Promise.all(m.args().map((a) => a.jsonValue())); } catch { return; }
    if (typeof args[0] !== 'string') return;
    if (args[0].startsWith('%c INFO') && typeof args[2] === 'string' && args[2].includes('%')) console.log(util.format(...args.slice(2)));
    else if (args[0].startsWith('%c  ERR')) {
      const msg = util.format(...args.slice(2));
      if (!/open-vsx|ENOTFOUND|ServiceWorker|authentication provider/.test(msg)) console.error(msg);
    }
  });
  let done;
  const exited = new Promise((r) => (done = r));
  await page.exposeFunction('codeAutomationExit', (code) => done(code));
  await page.goto(url);
  const timeoutMs = +(process.env.SHIM_TIMEOUT_MS || 600000);
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r(124), timeoutMs))]);
  if (code === 124) console.error(`code-shim: the tests did not finish within ${timeoutMs} ms`);
  await browser.close();
  stopServer();
  process.exit(code);
})().catch((e) => { console.error(e); stopServer(); process.exit(1); });
