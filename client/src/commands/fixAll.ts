/** "FastMCP: Fix All": applies the safe fixes of the active Python file (the same as source.fixAll.fastmcp). */
import * as vscode from 'vscode';

export function registerFixAllCommand(): vscode.Disposable {
  return vscode.commands.registerCommand('fastmcp.fixAll', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'python') return;
    const doc = editor.document;
    const full = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, full, 'source.fixAll.fastmcp');
    const fixAll = actions?.find((a) => a.kind?.value === 'source.fixAll.fastmcp' && a.edit);
    if (fixAll?.edit) await vscode.workspace.applyEdit(fixAll.edit);
    else void vscode.window.setStatusBarMessage('FastMCP: nothing to fix automatically', 3000);
  });
}
