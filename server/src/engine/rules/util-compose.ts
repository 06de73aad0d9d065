/** Server composition calls (FMCP412–417): `S.mount(...)` and `S.import_server(...)` on FastMCP servers. */
import type { Node } from '../parse';
import type { CallArgs, FileModel, ServerVar } from '../model/model';
import { oncePerModel, ownCallsWhere } from '../model/model';

export interface ComposeCall {
  call: Node;
  method: 'mount' | 'import_server';
  /** The receiver, when it is a known FastMCP server variable. */
  server: ServerVar | null;
  receiver: Node;
  args: CallArgs;
}

/**
 * `X.import_server(...)` with any receiver (the method name is FastMCP's own), and `S.mount(...)`
 * only on server variables (`app.mount` is Starlette's).
 */
export function composeCalls(model: FileModel): ComposeCall[] {
  return oncePerModel(composeCallsOf, model, () => findComposeCalls(model));
}

const composeCallsOf = new WeakMap<FileModel, ComposeCall[]>();
const COMPOSE_METHOD_CALLS = {};

/** `x.mount(...)` and `x.import_server(...)` with a receiver. */
function isComposeMethodCall(call: Node): boolean {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute' || !fn.childForFieldName('object')) return false;
  const method = fn.childForFieldName('attribute')?.text;
  return method === 'mount' || method === 'import_server';
}

function findComposeCalls(model: FileModel): ComposeCall[] {
  const out: ComposeCall[] = [];
  for (const call of ownCallsWhere(model, COMPOSE_METHOD_CALLS, isComposeMethodCall)) {
    const fn = call.childForFieldName('function')!;
    const method = fn.childForFieldName('attribute')!.text as ComposeCall['method'];
    const receiver = fn.childForFieldName('object')!;
    const server = model.serverOf(receiver);
    if (server && server.flavor !== 'fastmcp') continue;
    if (method === 'mount' && !server) continue;
    if (method === 'import_server' && !server && receiver.type !== 'identifier' && receiver.type !== 'attribute') continue;
    out.push({ call, method, server, receiver, args: model.callArgs(call) });
  }
  return out;
}
