/** "FastMCP: Show Rule Documentation": opens the bundled rule page rendered inside the editor. */
import * as fs from 'node:fs';
import * as vscode from 'vscode';

export function registerRuleDocsCommand(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand('fastmcp.showRuleDocumentation', async (codeArg?: unknown) => {
    const dir = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
    let code = typeof codeArg === 'string' ? codeArg : undefined;
    if (!code) {
      const items = fs.existsSync(dir.fsPath)
        ? fs
            .readdirSync(dir.fsPath)
            .filter((f) => /^FMCP\d{3}\.md$/.test(f))
            .sort()
            .map((f) => {
              const first = fs.readFileSync(vscode.Uri.joinPath(dir, f).fsPath, 'utf8').split('\n')[0].replace(/^#\s*/, '');
              return { label: f.slice(0, 7), description: first.replace(/^FMCP\d{3}[:\s—-]*/, '') };
            })
        : [];
      const pick = await vscode.window.showQuickPick(items, { placeHolder: 'Which rule?', matchOnDescription: true });
      code = pick?.label;
    }
    if (!code || !/^FMCP\d{3}$/.test(code)) return;
    const page = vscode.Uri.joinPath(dir, `${code}.md`);
    if (!fs.existsSync(page.fsPath)) {
      void vscode.window.showWarningMessage(`No documentation page for ${code}.`);
      return;
    }
    await vscode.commands.executeCommand('markdown.showPreview', page);
  });
}
