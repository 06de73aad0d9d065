/** What a `client_storage=` argument holds, for FMCP510 and FMCP511. */
import type { Node } from '../parse';
import type { RuleContext } from './api';
import { boundCall, keyValueClass } from './util-auth';
import { keywordArguments } from './util-asgi';

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
  for (const { value } of keywordArguments(ctx.model, 'client_storage')) {
    const store = keyValueClass(ctx, boundCall(ctx, value));
    if (store) yield { value, store };
  }
}
