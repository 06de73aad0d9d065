/** What a `client_storage=` argument holds, for FMCP510 and FMCP511. */
import type { Node } from '../parse';
import type { RuleContext } from './api';
import { boundCall, keyValueClass } from './util-auth';

/** py-key-value stores that persist data as written (no encryption of their own). */
export const PERSISTENT_STORES = new Set([
  'DiskStore',
  'MultiDiskStore',
  'RedisStore',
  'ValkeyStore',
  'DynamoDBStore',
  'MongoDBStore',
  'ElasticsearchStore',
  'MemcachedStore',
  'RocksDBStore',
  'FileTreeStore',
  'PostgreSQLStore',
  'DuckDBStore',
  'SQLiteStore',
]);

export interface ClientStorage {
  /** The `client_storage=` value as written. */
  value: Node;
  /** The store class it constructs, directly or through a name bound once to the call. */
  store: string;
}

export function* clientStorages(ctx: RuleContext): Generator<ClientStorage> {
  // The keyword is spelled in the text of any call that passes it.
  if (!ctx.model.text.includes('client_storage')) return;
  for (const call of ctx.model.calls) {
    const value = ctx.model.callArgs(call).keywords.get('client_storage');
    if (!value) continue;
    const store = keyValueClass(ctx, boundCall(ctx, value));
    if (store) yield { value, store };
  }
}
