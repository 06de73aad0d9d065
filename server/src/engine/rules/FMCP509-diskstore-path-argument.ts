import { ownCallsWhere } from '../model/model';
import { defineRule } from './api';
import { keyValueClass } from './util-auth';
import { keywordNode } from './util-api';

export default defineRule({
  meta: {
    code: 'FMCP509',
    name: 'diskstore-path-argument',
    title: '`DiskStore(path=...)` instead of `directory=`',
    severity: 'error',
    fix: { safety: 'safe', title: 'Rename to `directory=`' },
    docs: {
      what: 'Flags `path=` given to py-key-value\'s `DiskStore`; its keyword is `directory=` (or an existing `disk_cache=`).',
      why: 'The constructor is keyword-only and has no `path` parameter: TypeError when the store is created, so the server fails to start.',
      example: 'store = DiskStore(path="/var/lib/mcp/cache")',
      useInstead: 'store = DiskStore(directory="/var/lib/mcp/cache")',
      guide: [16],
    },
  },
  check(ctx) {
    for (const call of ownCallsWhere(ctx.model, DISK_STORES, (c) => keyValueClass(ctx, c) === 'DiskStore')) {
      const cls = 'DiskStore';
      const args = ctx.model.callArgs(call);
      const value = args.keywords.get('path');
      const name = value ? keywordNode(value)?.childForFieldName('name') : null;
      if (!name) continue;
      const fixes = args.keywords.has('directory') ? [] : [ctx.fix('Rename to `directory=`', 'safe', [ctx.replace(name, 'directory')])];
      ctx.report({ node: name, message: `\`${cls}\` has no \`path\` parameter (TypeError when the store is created); the keyword is \`directory=\`.`, fixes });
    }
  },
});

const DISK_STORES = {};
