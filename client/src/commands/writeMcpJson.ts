/**
 * "FastMCP: Write .vscode/mcp.json" and "FastMCP: Write .cursor/mcp.json": the server entry for an editor's
 * workspace MCP config, merged into the existing file (backed up first). VS Code gets secrets as prompted
 * inputs; Cursor reads them from its environment (`${env:NAME}`). Values are never written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ConfigFileError, mergeCursorMcpJson, mergeVSCodeMcpJson } from '../../../server/src/engine/readiness/client-config';
import { serverLaunch, writeWithBackup, type ClientConfigArgs } from './clientConfig';

const TARGETS = {
  vscode: { command: 'fastmcp.writeVSCodeMcpJson', dir: '.vscode', merge: mergeVSCodeMcpJson },
  cursor: { command: 'fastmcp.writeCursorMcpJson', dir: '.cursor', merge: mergeCursorMcpJson },
} as const;

export async function writeMcpJson(target: keyof typeof TARGETS, getClient: () => LanguageClient | undefined, args: ClientConfigArgs = {}): Promise<string | undefined> {
  const s = await serverLaunch(getClient, args);
  if (!s) return undefined;
  const folderOf = (p: string) => vscode.workspace.getWorkspaceFolder(vscode.Uri.file(p))?.uri.fsPath;
  const folder = (args.root && folderOf(args.root)) || folderOf(s.info.root) || s.info.root;
  const file = path.join(folder, TARGETS[target].dir, 'mcp.json');
  try {
    writeWithBackup(file, TARGETS[target].merge(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined, s.name, s.info, s.launch), false);
  } catch (e) {
    void vscode.window.showErrorMessage(e instanceof ConfigFileError ? e.message : String(e));
    return undefined;
  }
  await vscode.window.showTextDocument(vscode.Uri.file(file));
  return file;
}

export function registerWriteMcpJsonCommands(getClient: () => LanguageClient | undefined): vscode.Disposable[] {
  return (Object.keys(TARGETS) as Array<keyof typeof TARGETS>).map((t) =>
    vscode.commands.registerCommand(TARGETS[t].command, (args?: ClientConfigArgs) => writeMcpJson(t, getClient, args)),
  );
}
