/**
 * Asking the language server about the project: which workspace folder, which entrypoint when several
 * files define a server (the user picks), and the request itself. Shared by the deploy commands.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export interface ProjectArgs {
  /** Directory to check (default: the active file's workspace folder, else the first). */
  root?: string;
  /** `file.py:obj` relative to the root. */
  entrypoint?: string;
}

export function defaultRoot(): string | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.fsPath;
}

/**
 * Sends `method` for the project; when the server finds several servers and no fastmcp.json says which,
 * asks which one to use (the answer a person gives `fastmcp run file.py:obj`).
 */
export async function requestProject<T extends { entrypoint: string | null; candidates?: string[]; error?: string }>(
  getClient: () => LanguageClient | undefined,
  method: string,
  args: ProjectArgs = {},
): Promise<(T & { root: string }) | undefined> {
  const client = getClient();
  if (!client?.isRunning()) {
    void vscode.window.showErrorMessage('The FastMCP language server is not running (FastMCP: Restart Server).');
    return undefined;
  }
  const root = args.root ?? defaultRoot();
  if (!root) {
    void vscode.window.showErrorMessage('Open a folder with a FastMCP server first.');
    return undefined;
  }
  let result = await client.sendRequest<T & { root: string }>(method, { root, entrypoint: args.entrypoint });
  if (result?.error) {
    void vscode.window.showErrorMessage(`FastMCP: ${result.error}`);
    return undefined;
  }
  if (!result.entrypoint && (result.candidates?.length ?? 0) > 1 && !args.entrypoint) {
    const pick = await vscode.window.showQuickPick(result.candidates!, { placeHolder: 'Several files define a server: which one is deployed?' });
    if (pick) result = await client.sendRequest<T & { root: string }>(method, { root: result.root, entrypoint: pick });
  }
  return result;
}
