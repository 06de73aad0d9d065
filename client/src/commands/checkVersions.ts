/**
 * "FastMCP: Check Versions": the declared FastMCP requirement, what a deploy installs today, the newest
 * known release, and which findings would appear or go away on upgrading — found statically by checking
 * the code against both versions. Shown as rendered markdown.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { requestProject, type ProjectArgs } from './project';

interface VersionsInfo {
  entrypoint: string | null;
  candidates: string[];
  versions: { spec: string | null; declaredIn: string | null; installs: string | null; newestKnown: string; changes: Array<{ kind: 'new' | 'gone'; code: string; where: string; message: string }> };
  versionsMarkdown: string;
  error?: string;
}

export async function checkVersions(getClient: () => LanguageClient | undefined, args: ProjectArgs & { show?: boolean } = {}): Promise<VersionsInfo['versions'] | undefined> {
  const info = await requestProject<VersionsInfo>(getClient, 'fastmcp/projectInfo', args);
  if (!info) return undefined;
  if (args.show !== false) {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: info.versionsMarkdown });
    await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
  }
  return info.versions;
}

export function registerCheckVersionsCommand(getClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('fastmcp.checkVersions', (args?: ProjectArgs & { show?: boolean }) => checkVersions(getClient, args));
}
