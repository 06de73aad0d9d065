import { defineRule } from './api';
import { importStatements, inImportGuard } from './util-api';

/** Wrong py-key-value module prefixes and their real location. */
const MOVES: Array<[string, string]> = [
  ['key_value.stores', 'key_value.aio.stores'],
  ['key_value.encryption', 'key_value.aio.wrappers.encryption'],
];

export default defineRule({
  meta: {
    code: 'FMCP508',
    name: 'key-value-import-path',
    title: 'py-key-value import path that does not exist',
    severity: 'error',
    fix: { safety: 'safe', title: 'Import from the `key_value.aio` package' },
    docs: {
      what: 'Flags imports from `key_value.stores…` and `key_value.encryption…`. The py-key-value package FastMCP uses for storage puts its async stores under `key_value.aio.stores.<name>` and the encryption wrapper under `key_value.aio.wrappers.encryption`.',
      why: 'The import fails with ModuleNotFoundError, so the server never starts.',
      example: 'from key_value.stores.redis import RedisStore\nfrom key_value.encryption import FernetEncryptionWrapper',
      useInstead: 'from key_value.aio.stores.redis import RedisStore\nfrom key_value.aio.wrappers.encryption import FernetEncryptionWrapper',
      guide: [16],
    },
  },
  check(ctx) {
    for (const stmt of importStatements(ctx)) {
      if (stmt.hasError || inImportGuard(stmt)) continue;
      const nodes = stmt.type === 'import_from_statement' ? [stmt.childForFieldName('module_name')] : stmt.namedChildren.map((n) => (n?.type === 'aliased_import' ? n.childForFieldName('name') : n));
      for (const node of nodes) {
        if (!node || node.type !== 'dotted_name') continue;
        const mod = node.text;
        const move = MOVES.find(([old]) => mod === old || mod.startsWith(old + '.'));
        if (!move) continue;
        const real = move[1] + mod.slice(move[0].length);
        // `import key_value.stores.x` is used by its dotted name elsewhere: report without a fix.
        const fixes = stmt.type === 'import_from_statement' ? [ctx.fix(`Import from \`${real}\``, 'safe', [ctx.replace(node, real)])] : [];
        ctx.report({ node, message: `No module \`${mod}\` in py-key-value: the import fails with ModuleNotFoundError. It is \`${real}\`.`, fixes });
      }
    }
  },
});
