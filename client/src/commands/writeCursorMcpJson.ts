/** "FastMCP: Write .cursor/mcp.json": the server for Cursor; variables are read from Cursor's environment (`${env:NAME}`). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ConfigFileError, mergeCursorMcpJson } from '../../../server/src/engine/readiness/client-config';
import { serverLaunch, writeWithBackup, type ClientConfigArgs } from './clientConfig';

export async function writeCursorMcpJson(getClient: () => LanguageClient | undefined, args: ClientConfigArgs = {}): Promise<string | undefined> {
  const s = await serverLaunch(getClient, args);
  if (!s) return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(s.info.root))?.uri.fsPath ?? s.info.root;
  const file = path.join(folder, '.cursor', 'mcp.json');
  try {
    writeWithBackup(file, mergeCursorMcpJson(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined, s.name, s.info, s.launch), false);
  } catch (e) {
    void vscode.window.showErrorMessage(e instanceof ConfigFileError ? e.message : String(e));
    return undefined;
  }
  await vscode.window.showTextDocument(vscode.Uri.file(file));
  return file;
}

export function registerWriteCursorMcpJsonCommand(getClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('fastmcp.writeCursorMcpJson', (args?: ClientConfigArgs) => writeCursorMcpJson(getClient, args));
}
