/** "FastMCP: Add Server to Claude Desktop": merges the server into claude_desktop_config.json (other servers kept, backup first). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ConfigFileError, claudeDesktopConfigPath, mergeClaudeDesktopConfig } from '../../../server/src/engine/readiness/client-config';
import { envNote, serverLaunch, writeWithBackup, type ClientConfigArgs } from './clientConfig';

export async function addToClaudeDesktop(getClient: () => LanguageClient | undefined, args: ClientConfigArgs & { configPath?: string } = {}): Promise<string | undefined> {
  const s = await serverLaunch(getClient, args);
  if (!s) return undefined;
  const file = args.configPath ?? claudeDesktopConfigPath(process.platform, os.homedir(), process.env);
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  let text: string;
  try {
    text = mergeClaudeDesktopConfig(existing, s.name, s.info, s.launch);
  } catch (e) {
    void vscode.window.showErrorMessage(e instanceof ConfigFileError ? e.message : String(e));
    return undefined;
  }
  if (!args.yes) {
    const ok = await vscode.window.showInformationMessage(`Add "${s.name}" to Claude Desktop (${file})? It will run: ${s.launch.line}`, { modal: true }, 'Add');
    if (ok !== 'Add') return undefined;
  }
  const backup = writeWithBackup(file, text);
  void vscode.window.showInformationMessage(`Added "${s.name}" to Claude Desktop${backup ? ` (previous config saved as ${backup})` : ''}. Restart Claude Desktop to load it.${envNote(s.info)}`);
  return file;
}

export function registerAddToClaudeDesktopCommand(getClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('fastmcp.addToClaudeDesktop', (args?: ClientConfigArgs & { configPath?: string }) => addToClaudeDesktop(getClient, args));
}
