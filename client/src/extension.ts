/**
 * The VS Code extension: starts the FastMCP language server over IPC and contributes commands,
 * the language status item and the settings bridge. All analysis happens in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  CloseAction,
  ErrorAction,
  RevealOutputChannelOn,
  type LanguageClientOptions,
  type ServerOptions,
  type ErrorHandler,
  type Message,
} from 'vscode-languageclient/node';
import { registerRuleDocsCommand } from './commands/showRuleDocumentation';
import { registerFixAllCommand } from './commands/fixAll';
import { registerDebugInfoCommand } from './commands/printDebugInfo';
import { StatusItem } from './status';
import { registerNewServerCommand } from './commands/newServerFromTemplate';
import { registerCheckReadinessCommand } from './commands/checkReadiness';
import { registerGenerateEnvExampleCommand } from './commands/generateEnvExample';
import { registerCheckVersionsCommand } from './commands/checkVersions';
import { registerAddToClaudeDesktopCommand } from './commands/addToClaudeDesktop';
import { registerCopyClaudeCodeCommand } from './commands/copyClaudeCodeCommand';
import { registerWriteMcpJsonCommands } from './commands/writeMcpJson';

let client: LanguageClient | undefined;
let log: vscode.LogOutputChannel;

/** Restarts after crashes, but stops after 4 crashes in 3 minutes and asks instead of looping. */
class CrashLimiter implements ErrorHandler {
  private crashes: number[] = [];
  error(_error: Error, _message: Message | undefined, count: number | undefined) {
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }
  closed() {
    const now = Date.now();
    this.crashes = this.crashes.filter((t) => now - t < 3 * 60_000).concat(now);
    if (this.crashes.length <= 4) {
      log.warn(`The FastMCP language server stopped unexpectedly; restarting (${this.crashes.length} in the last 3 minutes).`);
      return { action: CloseAction.Restart, handled: true };
    }
    log.error('The FastMCP language server crashed 5 times in 3 minutes; not restarting automatically.');
    void vscode.window.showErrorMessage('The FastMCP language server keeps crashing and was stopped.', 'Show Logs', 'Restart').then((choice) => {
      if (choice === 'Show Logs') log.show();
      if (choice === 'Restart') void vscode.commands.executeCommand('fastmcp.restartServer');
    });
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}

function createClient(context: vscode.ExtensionContext, status: StatusItem): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const watchers = ['pyproject.toml', 'uv.lock', 'poetry.lock', 'pylock.toml', 'requirements*.txt', 'requirements*.in', 'fastmcp.json', '.gitignore', '.env', '.env.example', '*.py'].map((g) =>
    vscode.workspace.createFileSystemWatcher(`**/${g}`),
  );
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
    ],
    synchronize: { configurationSection: 'fastmcp', fileEvents: watchers },
    outputChannel: log,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: new CrashLimiter(),
    initializationOptions: { timing: false, docsBaseUrl: undefined, trusted: vscode.workspace.isTrusted },
    diagnosticCollectionName: 'fastmcp',
  };
  const c = new LanguageClient('fastmcp', 'FastMCP', serverOptions, clientOptions);
  c.onNotification('fastmcp/status', (s) => status.update(s));
  return c;
}

export async function activate(context: vscode.ExtensionContext): Promise<{ client: () => LanguageClient | undefined }> {
  log = vscode.window.createOutputChannel('FastMCP', { log: true });
  context.subscriptions.push(log);
  const status = new StatusItem();
  context.subscriptions.push(status);

  const start = async () => {
    client = createClient(context, status);
    try {
      await client.start();
      log.info('FastMCP language server started.');
    } catch (e) {
      log.error(`FastMCP language server failed to start: ${e instanceof Error ? e.message : e}`);
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('fastmcp.restartServer', async () => {
      log.info('Restarting the FastMCP language server.');
      const old = client;
      client = undefined;
      try {
        await old?.stop();
      } catch {
        /* already stopped */
      }
      await start();
    }),
    vscode.commands.registerCommand('fastmcp.showLogs', () => log.show()),
    registerRuleDocsCommand(context),
    registerFixAllCommand(),
    registerNewServerCommand(context),
    registerDebugInfoCommand(() => client, log),
    registerCheckReadinessCommand(() => client),
    registerGenerateEnvExampleCommand(() => client),
    registerCheckVersionsCommand(() => client),
    registerAddToClaudeDesktopCommand(() => client),
    registerCopyClaudeCodeCommand(() => client),
    ...registerWriteMcpJsonCommands(() => client),
    // Trust granted later: checks that run git (FMCP713) may now run.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification('fastmcp/trust', { trusted: true })),
    vscode.window.onDidChangeActiveTextEditor(() => status.refresh()),
  );
  await start();
  return { client: () => client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
