/** The language status item on Python files: the resolved FastMCP version and where it came from. */
import * as vscode from 'vscode';

interface Status {
  uri: string;
  flavor: 'fastmcp' | 'sdk' | null;
  targetVersion: string | null;
  targetSource: string;
  configFile: string | null;
  ruleCount: number;
}

export class StatusItem implements vscode.Disposable {
  private item = vscode.languages.createLanguageStatusItem('fastmcp.status', { language: 'python' });
  private byUri = new Map<string, Status>();

  constructor() {
    this.item.name = 'FastMCP';
    this.item.text = 'FastMCP';
    this.item.detail = 'waiting for the language server';
    this.item.command = { title: 'Show Logs', command: 'fastmcp.showLogs' };
  }

  update(s: Status) {
    this.byUri.set(s.uri, s);
    this.refresh();
  }

  refresh() {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const s = uri ? this.byUri.get(uri) : undefined;
    if (!s) return;
    if (!s.flavor) {
      this.item.text = 'FastMCP: not a FastMCP file';
      this.item.detail = `${s.ruleCount} rules ready`;
      return;
    }
    const flavor = s.flavor === 'sdk' ? 'MCP SDK FastMCP' : 'FastMCP';
    this.item.text = s.targetVersion ? `${flavor} ${s.targetVersion}` : `${flavor} (version unknown)`;
    this.item.detail = `${s.targetVersion ? 'from ' : ''}${s.targetSource}${s.configFile ? ` · config ${vscode.workspace.asRelativePath(s.configFile)}` : ''} · ${s.ruleCount} rules`;
  }

  dispose() {
    this.item.dispose();
  }
}
