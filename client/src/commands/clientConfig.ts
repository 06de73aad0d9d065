/** What the four client-configuration commands share: the project facts and the launch command. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { clientServerName, launchCommand, type LaunchCommand, type ProjectInfo } from '../../../server/src/engine/readiness/client-config';
import { requestProject, type ProjectArgs } from './project';

export interface ClientConfigArgs extends ProjectArgs {
  /** Server name in the client's config (default: from `FastMCP("…")`). */
  name?: string;
  /** Write without asking (tests). */
  yes?: boolean;
}

export async function serverLaunch(getClient: () => LanguageClient | undefined, args: ClientConfigArgs): Promise<{ info: ProjectInfo; launch: LaunchCommand; name: string } | undefined> {
  const info = await requestProject<ProjectInfo & { error?: string }>(getClient, 'fastmcp/projectInfo', args);
  if (!info) return undefined;
  const launch = launchCommand(info);
  if (!launch) {
    void vscode.window.showErrorMessage('FastMCP: no server entrypoint found (a module-level `mcp = FastMCP(...)`, or fastmcp.json `source.path`).');
    return undefined;
  }
  return { info, launch, name: args.name ?? clientServerName(info) };
}

/** Writes `text` to `file`, keeping a copy of the previous content beside it first (files outside the workspace, which no version control protects). */
export function writeWithBackup(file: string, text: string, keepBackup = true): string | null {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let backup: string | null = null;
  if (keepBackup && fs.existsSync(file)) {
    backup = `${file}.bak-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.copyFileSync(file, backup);
  }
  fs.writeFileSync(file, text);
  return backup;
}

export function envNote(info: ProjectInfo): string {
  const required = info.envVars.filter((v) => !v.optional).map((v) => v.name);
  return required.length ? ` It needs ${required.join(', ')}: fill in their values.` : '';
}
