/** Deploy helpers: project facts, .env.example text, launch commands, client configs merged into existing files, versions. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { initParser } from '../../server/src/engine';
import { Project, projectInfo, renderEnvExample, launchCommand, mergeClaudeDesktopConfig, mergeVSCodeMcpJson, mergeCursorMcpJson, claudeCodeCommand, claudeDesktopConfigPath, versionsReport, ConfigFileError } from '../../server/src/engine/readiness';

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fastmcp-deploy-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const SERVER = 'import os\nfrom fastmcp import FastMCP\n\nmcp = FastMCP("Weather Desk")\nKEY = os.environ["WEATHER_API_KEY"]\nLEVEL = os.getenv("LOG_LEVEL", "INFO")\n';

async function info(files: Record<string, string>) {
  await initParser();
  const dir = project(files);
  const p = new Project(dir, { trusted: true, gitStatus: false });
  return { dir, p, info: projectInfo(p) };
}

test('.env.example lists the variables read, never a value from .env, and keeps an existing file', async () => {
  const { info: i } = await info({ 'server.py': SERVER, 'requirements.txt': 'fastmcp>=3,<4\n', '.env': 'WEATHER_API_KEY=sk-secret-value\n' });
  assert.deepEqual(i.envVars.map((v) => [v.name, v.optional]), [['LOG_LEVEL', true], ['WEATHER_API_KEY', false]]);
  const text = renderEnvExample(i);
  assert.match(text, /^WEATHER_API_KEY=$/m);
  assert.match(text, /^LOG_LEVEL=$/m);
  assert.doesNotMatch(text, /sk-secret-value/);
  const kept = renderEnvExample(i, '# mine\nLOG_LEVEL=DEBUG\n');
  assert.ok(kept.startsWith('# mine\nLOG_LEVEL=DEBUG\n'));
  assert.equal(kept.match(/LOG_LEVEL=/g)!.length, 1);
  assert.match(kept, /^WEATHER_API_KEY=$/m);
  assert.equal(renderEnvExample(i, kept), kept, 'nothing missing: unchanged');
});

test('launch command: uv with the declared fastmcp and requirements, or the project venv', async () => {
  const { dir, info: i } = await info({ 'server.py': SERVER, 'requirements.txt': 'fastmcp>=3,<4\n' });
  const l = launchCommand(i)!;
  assert.equal(l.command, 'uv');
  assert.deepEqual(l.args, ['run', '--with', 'fastmcp>=3,<4', '--with-requirements', path.join(dir, 'requirements.txt'), 'fastmcp', 'run', `${path.join(dir, 'server.py')}:mcp`]);
  const venv = await info({ 'server.py': SERVER, 'requirements.txt': 'fastmcp\n', '.venv/bin/fastmcp': '#!/bin/sh\n' });
  assert.deepEqual(launchCommand(venv.info), { command: path.join(venv.dir, '.venv/bin/fastmcp'), args: ['run', `${path.join(venv.dir, 'server.py')}:mcp`], line: `${path.join(venv.dir, '.venv/bin/fastmcp')} run ${path.join(venv.dir, 'server.py')}:mcp` });
  assert.equal(i.serverName, 'Weather Desk');
});

test('client configs merge into existing files without losing other servers; secrets are never written', async () => {
  const { info: i } = await info({ 'server.py': SERVER, 'requirements.txt': 'fastmcp\n' });
  const l = launchCommand(i)!;
  const existing = JSON.stringify({ globalShortcut: 'Ctrl+Space', mcpServers: { other: { command: 'x' } } });
  const claude = JSON.parse(mergeClaudeDesktopConfig(existing, 'weather-desk', i, l));
  assert.equal(claude.globalShortcut, 'Ctrl+Space');
  assert.deepEqual(claude.mcpServers.other, { command: 'x' });
  assert.deepEqual(claude.mcpServers['weather-desk'].env, { WEATHER_API_KEY: '' });
  assert.throws(() => mergeClaudeDesktopConfig('{ broken', 'x', i, l), ConfigFileError);
  const vsc = JSON.parse(mergeVSCodeMcpJson(JSON.stringify({ servers: { a: { type: 'stdio', command: 'a' } } }), 'weather-desk', i, l));
  assert.ok(vsc.servers.a);
  assert.equal(vsc.servers['weather-desk'].env.WEATHER_API_KEY, '${input:weather_api_key}');
  assert.equal(vsc.inputs[0].password, true);
  const cur = JSON.parse(mergeCursorMcpJson(undefined, 'weather-desk', i, l));
  assert.equal(cur.mcpServers['weather-desk'].env.WEATHER_API_KEY, '${env:WEATHER_API_KEY}');
  const cc = claudeCodeCommand('weather-desk', i, l);
  assert.match(cc, /^claude mcp add weather-desk -e WEATHER_API_KEY="\$WEATHER_API_KEY" -- uv run --with fastmcp /);
});

test('Claude Desktop config path per OS', () => {
  assert.equal(claudeDesktopConfigPath('darwin', '/Users/a', {}), '/Users/a/Library/Application Support/Claude/claude_desktop_config.json');
  assert.equal(claudeDesktopConfigPath('win32', 'C:\\Users\\a', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }), 'C:\\Users\\a\\AppData\\Roaming\\Claude\\claude_desktop_config.json');
  assert.equal(claudeDesktopConfigPath('linux', '/home/a', {}), '/home/a/.config/Claude/claude_desktop_config.json');
});

test('Check Versions: what upgrading from the declared 2.x to the newest changes', async () => {
  const { p } = await info({ 'server.py': 'from fastmcp import FastMCP\n\nmcp = FastMCP("x")\ntools = mcp.get_tools()\n', 'requirements.txt': 'fastmcp>=2.10,<3\n' });
  const r = versionsReport(p);
  assert.equal(r.installs, '2.14.5');
  assert.ok(r.changes.some((c) => c.kind === 'new' && c.code === 'FMCP604' && c.where === 'server.py:4'), JSON.stringify(r.changes));
  const { p: current } = await info({ 'server.py': 'from fastmcp import FastMCP\n\nmcp = FastMCP("x")\n', 'requirements.txt': 'fastmcp>=3,<4\n' });
  assert.deepEqual(versionsReport(current).changes, []);
});
