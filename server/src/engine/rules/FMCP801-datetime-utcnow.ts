import type { Node } from '../parse';
import type { TextEdit } from '../types';
import { attributesWhere, type FileModel } from '../model/model';
import { defineRule, type RuleContext } from './api';

const REPLACEMENT: Record<string, string> = { utcnow: 'now', utcfromtimestamp: 'fromtimestamp' };

/** How to write the UTC timezone here: the expression and the edits (an import) it needs. */
function utcExpr(ctx: RuleContext, cls: Node): { text: string; edits: TextEdit[] } | null {
  if (cls.type === 'attribute') {
    const mod = cls.childForFieldName('object');
    return mod ? { text: `${mod.text}.timezone.utc`, edits: [] } : null;
  }
  const model = ctx.model;
  const tz = model.imports.find((b) => b.qualified === 'datetime.timezone' && !b.local_scope && !b.typeCheckingOnly);
  if (tz) return { text: `${tz.local}.utc`, edits: [] };
  if (model.imports.some((b) => b.local === 'timezone' && !b.local_scope)) return null;
  if (model.moduleFunctions.has('timezone') || model.moduleClasses.has('timezone')) return null;
  if (model.assignments.some((a) => a.childForFieldName('left')?.text === 'timezone')) return null;
  return { text: 'timezone.utc', edits: ctx.addImport('from datetime import timezone', 'timezone') };
}

export default defineRule({
  meta: {
    code: 'FMCP801',
    name: 'datetime-utcnow',
    title: '`datetime.utcnow()` / `utcfromtimestamp()`',
    severity: 'warning',
    fix: { safety: 'safe', title: 'Use an aware UTC datetime' },
    docs: {
      what: 'Flags `datetime.utcnow()` and `datetime.utcfromtimestamp(ts)` (and references to them, e.g. as a `default_factory`) in a FastMCP file.',
      why: 'Both return a naive datetime that merely holds UTC numbers: anything that later treats it as local time (`.timestamp()`, `.astimezone()`, comparison with aware values) is off by the UTC offset, and timestamps a tool returns carry no timezone for the client. Python 3.12 deprecated both and prints a DeprecationWarning.',
      example: 'from datetime import datetime\n\n@mcp.tool\ndef now() -> str:\n    return datetime.utcnow().isoformat()',
      useInstead: 'from datetime import datetime, timezone\n\n@mcp.tool\ndef now() -> str:\n    return datetime.now(timezone.utc).isoformat()',
      guide: [14],
      notes: 'The fix produces an aware datetime: its `isoformat()` ends in `+00:00`, and comparing it with naive datetimes raises TypeError. References that are not calls get no fix.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const attr of attributesWhere(model, NAIVE_ATTRIBUTES, (a) => isNaiveConstructor(model, a))) {
      const name = attr.childForFieldName('attribute')!;
      const cls = attr.childForFieldName('object')!;
      const call = attr.parent?.type === 'call' && attr.parent.childForFieldName('function')?.id === attr.id ? attr.parent : null;
      const edits: TextEdit[] = [];
      if (call) {
        const args = model.callArgs(call);
        const argList = call.childForFieldName('arguments');
        const utc = utcExpr(ctx, cls);
        const arity = name.text === 'utcnow' ? 0 : 1;
        if (utc && argList?.type === 'argument_list' && !args.hasSplat && args.keywords.size === 0 && args.positional.length === arity) {
          edits.push(ctx.replace(name, REPLACEMENT[name.text]));
          if (arity === 0) edits.push(ctx.replace(argList, `(${utc.text})`));
          else edits.push(ctx.insertAt(args.positional[0].endIndex, `, ${utc.text}`));
          edits.push(...utc.edits);
        }
      }
      const real = name.text === 'utcnow' ? 'datetime.now(timezone.utc)' : 'datetime.fromtimestamp(ts, timezone.utc)';
      ctx.report({
        node: attr,
        message: `\`${attr.text}${call ? (name.text === 'utcnow' ? '()' : '(...)') : ''}\` returns a naive datetime (no timezone) that other code reads as local time, and is deprecated since Python 3.12. Use \`${real}\`.`,
        fixes: edits.length ? [ctx.fix(`Use \`${real}\``, 'safe', edits)] : [],
      });
    }
  },
});

const NAIVE_ATTRIBUTES = {};

/** `datetime.utcnow` and the like, however `datetime` is imported. */
function isNaiveConstructor(model: FileModel, attr: Node): boolean {
  const name = attr.childForFieldName('attribute');
  if (!name || !attr.childForFieldName('object') || !(name.text in REPLACEMENT) || attr.hasError) return false;
  return model.resolve(attr) === `datetime.datetime.${name.text}`;
}
