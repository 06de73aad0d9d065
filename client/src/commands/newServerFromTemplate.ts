/**
 * "FastMCP: New Server from Template…": pick a template, a folder and a name; writes a runnable project
 * (server file, manifest, .env.example, .gitignore, fastmcp.json) and opens the server file. Existing files
 * are never overwritten without asking.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { TEMPLATES, projectFiles } from '../../../server/src/engine/templates';

export async function newServerFromTemplate(context: vscode.ExtensionContext, args?: { template?: string; folder?: string; name?: string; manifest?: 'requirements' | 'pyproject'; overwrite?: boolean }): Promise<string[] | undefined> {
  const servers = TEMPLATES.filter((t) => t.server);
  let template = args?.template;
  if (!template) {
    const pick = await vscode.window.showQuickPick(
      servers.map((t) => ({ label: t.name, description: t.file, detail: t.description })),
      { placeHolder: 'Which FastMCP template?', matchOnDetail: true },
    );
    template = pick?.label;
  }
  if (!template) return undefined;
  let folder = args?.folder;
  if (!folder) {
    const uris = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Create server here', defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri });
    folder = uris?.[0]?.fsPath;
  }
  if (!folder) return undefined;
  const name = args?.name ?? (await vscode.window.showInputBox({ prompt: 'Server name', value: path.basename(folder) || 'My Server' }));
  if (name === undefined) return undefined;
  const manifest = args?.manifest ?? 'requirements';
  const templatesDir = vscode.Uri.joinPath(context.extensionUri, 'templates').fsPath;
  const files = projectFiles(template, { readTemplate: (f) => fs.readFileSync(path.join(templatesDir, f), 'utf8'), serverName: name, manifest });

  const existing = files.filter((f) => fs.existsSync(path.join(folder!, f.path)));
  let skip = new Set<string>();
  if (existing.length && !args?.overwrite) {
    const choice = await vscode.window.showWarningMessage(
      `${existing.map((f) => f.path).join(', ')} already exist${existing.length === 1 ? 's' : ''} in ${path.basename(folder)}.`,
      { modal: true },
      'Keep existing files',
      'Overwrite',
    );
    if (!choice) return undefined;
    if (choice === 'Keep existing files') skip = new Set(existing.map((f) => f.path));
  }
  const written: string[] = [];
  for (const f of files) {
    if (skip.has(f.path)) continue;
    const target = path.join(folder, f.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, f.content);
    written.push(target);
  }
  const server = path.join(folder, files[0].path);
  const doc = await vscode.workspace.openTextDocument(server);
  await vscode.window.showTextDocument(doc);
  return written;
}

export function registerNewServerCommand(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand('fastmcp.newServerFromTemplate', (args?: Parameters<typeof newServerFromTemplate>[1]) => newServerFromTemplate(context, args));
}
