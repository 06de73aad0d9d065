/** "FastMCP: Copy `claude mcp add` Command": the Claude Code command line for this server, copied and shown. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { claudeCodeCommand } from '../../../server/src/engine/readiness/client-config';
import { envNote, serverLaunch, type ClientConfigArgs } from './clientConfig';

export async function copyClaudeCodeCommand(getClient: () => LanguageClient | undefined, args: ClientConfigArgs = {}): Promise<string | undefined> {
  const s = await serverLaunch(getClient, args);
  if (!s) return undefined;
  const line = claudeCodeCommand(s.name, s.info, s.launch);
  await vscode.env.clipboard.writeText(line);
  void vscode.window.showInformationMessage(`Copied: ${line}${envNote(s.info)}`);
  return line;
}

export function registerCopyClaudeCodeCommand(getClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('fastmcp.copyClaudeCodeCommand', (args?: ClientConfigArgs) => copyClaudeCodeCommand(getClient, args));
}
