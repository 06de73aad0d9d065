/** "FastMCP: Print Debug Information": resolved configuration and versions, ready for a bug report. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export function registerDebugInfoCommand(getClient: () => LanguageClient | undefined, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand('fastmcp.printDebugInfo', async () => {
    const client = getClient();
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const ext = vscode.extensions.getExtension('fastmcp-tools.fastmcp-vscode');
    let server: unknown = 'the language server is not running';
    if (client?.isRunning()) {
      try {
        server = await client.sendRequest('fastmcp/debugInfo', { uri });
      } catch (e) {
        server = `request failed: ${e instanceof Error ? e.message : e}`;
      }
    }
    const info = { extension: ext?.packageJSON?.version, vscode: vscode.version, workspaceTrusted: vscode.workspace.isTrusted, server };
    const text = JSON.stringify(info, null, 2);
    log.info(`Debug information:\n${text}`);
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: text });
    await vscode.window.showTextDocument(doc, { preview: true });
  });
}
