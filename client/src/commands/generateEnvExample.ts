/**
 * "FastMCP: Generate .env.example": the environment variables the server's code reads, as names with
 * empty values and a comment saying where each is read. Values are never taken from `.env` (they are
 * secrets); an existing .env.example keeps its text and gains the missing names.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { renderEnvExample, type ProjectInfo } from '../../../server/src/engine/readiness/client-config';
import { requestProject, type ProjectArgs } from './project';

export async function generateEnvExample(getClient: () => LanguageClient | undefined, args: ProjectArgs = {}): Promise<string | undefined> {
  const info = await requestProject<ProjectInfo & { error?: string }>(getClient, 'fastmcp/projectInfo', args);
  if (!info) return undefined;
  const target = info.envExamplePath;
  const existing = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
  const text = renderEnvExample(info, existing);
  if (text !== existing) fs.writeFileSync(target, text);
  await vscode.window.showTextDocument(vscode.Uri.file(target));
  const n = info.envVars.length;
  void vscode.window.setStatusBarMessage(n ? `FastMCP: .env.example lists the ${n} variable${n === 1 ? '' : 's'} the server reads` : 'FastMCP: the server reads no environment variables', 5000);
  return target;
}

export function registerGenerateEnvExampleCommand(getClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('fastmcp.generateEnvExample', (args?: ProjectArgs) => generateEnvExample(getClient, args));
}
