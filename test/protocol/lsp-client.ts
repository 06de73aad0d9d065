/** A minimal LSP client over stdio for protocol tests and the benchmark: framing, requests, notifications. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

type Handler = (params: any) => void;

export class LspClient {
  proc: ChildProcessWithoutNullStreams;
  private buf = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  private listeners = new Map<string, Handler[]>();
  stderr = '';
  /** Every notification received, in order (method, params). */
  log: Array<{ method: string; params: any }> = [];

  constructor(args: string[] = ['--stdio'], cmd: string[] = [process.execPath, SERVER]) {
    this.proc = spawn(cmd[0], [...cmd.slice(1), ...args], { stdio: 'pipe' });
    this.proc.stdout.on('data', (d: Buffer) => this.onData(d));
    this.proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
  }

  private onData(d: Buffer) {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const headerEnd = this.buf.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buf.subarray(0, headerEnd).toString();
      const len = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
      if (this.buf.length < headerEnd + 4 + len) return;
      const body = JSON.parse(this.buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8'));
      this.buf = this.buf.subarray(headerEnd + 4 + len);
      this.dispatch(body);
    }
  }

  private dispatch(msg: any) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(msg.error.message));
      else p?.resolve(msg.result);
      return;
    }
    if (msg.id !== undefined && msg.method) {
      // Server-to-client request: answer configuration with nulls, everything else with null.
      const result = msg.method === 'workspace/configuration' ? (msg.params.items as unknown[]).map(() => null) : null;
      this.send({ jsonrpc: '2.0', id: msg.id, result });
      return;
    }
    this.log.push({ method: msg.method, params: msg.params });
    for (const h of this.listeners.get(msg.method) ?? []) h(msg.params);
  }

  send(msg: object) {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  on(method: string, h: Handler) {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), h]);
  }

  /** Resolves with the first notification of `method` whose params satisfy `pred`. */
  waitFor(method: string, pred: (p: any) => boolean = () => true, timeoutMs = 10000): Promise<any> {
    const seen = this.log.find((m) => m.method === method && pred(m.params));
    if (seen) return Promise.resolve(seen.params);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`timed out waiting for ${method}; stderr: ${this.stderr.slice(-500)}`)), timeoutMs);
      this.on(method, (p) => {
        if (pred(p)) {
          clearTimeout(t);
          resolve(p);
        }
      });
    });
  }

  async initialize(rootUri: string | null = null, initializationOptions: object = {}) {
    const r = await this.request('initialize', { processId: process.pid, rootUri, capabilities: { workspace: { configuration: true } }, initializationOptions, workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null });
    this.notify('initialized', {});
    return r;
  }

  async shutdown() {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } finally {
      setTimeout(() => this.proc.kill('SIGKILL'), 500).unref();
    }
  }
}
