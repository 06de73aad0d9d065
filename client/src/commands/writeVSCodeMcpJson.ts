/** "FastMCP: Write .vscode/mcp.json": the server for VS Code's MCP support; secrets are prompted inputs, never written. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ConfigFileError, mergeVSCodeMcpJson } from '../../../server/src/engine/readiness/client-config';
import { serverLaunch, writeWithBackup, type ClientConfigArgs } from './clientConfig';

export async function writeVSCodeMcpJson(getClient: () => LanguageClient | undefined, args: ClientConfigArgs = {}): Promise<string | undefined> {
  const s = await serverLaunch(getClient, args);
  if (!s) return undefined;
  const folder = (args.root && vscode.workspace.getWorkspaceFolder(vscode.Uri.file(args.root))?.uri.fsPath) ?? vscode.workspace.getWorkspaceFolder(vscode.Uri.file(s.info.root))?.uri.fsPath ?? s.info.root;
  const file = path.join(folder, '.vscode', 'mcp.json');
  try {
    writeWithBackup(file, mergeVSCodeMcpJson(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined, s.name, s.info, s.launch), false);
  } catch (e) {
    void vscode.window.showErrorMessage(e instanceof ConfigFileError ? e.message : String(e));
    return undefined;
  }
  await vscode.window.showTextDocument(vscode.Uri.file(file));
  return file;
}

export function registerWriteVSCodeMcpJsonCommand(getClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('fastmcp.writeVSCodeMcpJson', (args?: ClientConfigArgs) => writeVSCodeMcpJson(getClient, args));
}
