/** Recognising FastMCP auth objects and key-value stores for the FMCP5xx rules. */
import type { Node } from '../parse';
import type { RuleContext } from './api';
import { ownCallsWhere } from '../model/model';
import { lastSegment } from './util-api';
import { assignmentsTo } from './util-asgi';

/** A call constructing a FastMCP auth class (`OAuthProxy`, a provider, a verifier): its qualified class name. */
export function authClass(ctx: RuleContext, call: Node): string | null {
  const q = ctx.model.resolve(call.childForFieldName('function'));
  if (!q || !q.startsWith('fastmcp.server.auth.')) return null;
  const name = lastSegment(q);
  return /^[A-Z]/.test(name) ? q : null;
}

/** Every call in the file constructing a FastMCP auth class, with its class name. */
export function* authCalls(ctx: RuleContext): Generator<{ call: Node; cls: string }> {
  for (const call of ownCallsWhere(ctx.model, AUTH_CALLS, (c) => authClass(ctx, c) !== null)) yield { call, cls: lastSegment(authClass(ctx, call)!) };
}

const AUTH_CALLS = {};

/** The class name of a py-key-value store or wrapper constructed by `call`, or null. */
export function keyValueClass(ctx: RuleContext, call: Node | null): string | null {
  if (!call || call.type !== 'call') return null;
  const q = ctx.model.resolve(call.childForFieldName('function'));
  return q && q.startsWith('key_value.') ? lastSegment(q) : null;
}

/**
 * The expression a name stands for when the file binds it exactly once, in the same function or at
 * module level, to a call: `store = RedisStore(...)` then `client_storage=store`.
 */
export function boundCall(ctx: RuleContext, value: Node): Node | null {
  if (value.type === 'call') return value;
  if (value.type !== 'identifier') return null;
  const scope = ctx.model.enclosingFunction(value);
  const bindings = assignmentsTo(ctx.model, value.text).filter((b) => b.scope === null || (scope !== null && b.scope === scope.id));
  if (bindings.length !== 1) return null;
  const right = bindings[0].asg.childForFieldName('right');
  return right?.type === 'call' ? right : null;
}
