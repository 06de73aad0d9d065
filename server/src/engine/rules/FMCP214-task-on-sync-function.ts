import type { Node } from '../parse';
import type { FileModel } from '../model/model';
import { stringValue } from '../model/model';
import { defineRule } from './api';
import { componentIsClean, isInnermostDecorator, keywordArgument, lastName } from './util-components';

/** `task=True`, or a `TaskConfig(...)` whose mode enables tasks (the default mode is "optional"). */
function enablesTasks(model: FileModel, value: Node): boolean {
  if (value.type === 'true') return true;
  if (value.type !== 'call') return false;
  const fn = value.childForFieldName('function');
  const q = model.resolve(fn);
  if (!q || !q.startsWith('fastmcp.') || lastName(model, fn) !== 'TaskConfig') return false;
  const args = model.callArgs(value);
  if (args.hasSplat) return false;
  const mode = args.keywords.get('mode') ?? args.positional[0];
  if (!mode) return true;
  const v = stringValue(mode);
  return v === 'optional' || v === 'required';
}

export default defineRule({
  meta: {
    code: 'FMCP214',
    name: 'task-on-sync-function',
    title: 'task=True on a sync function',
    severity: 'error',
    flavors: 'fastmcp',
    versions: { min: '2.14.0' },
    docs: {
      what: 'Flags `task=True` (or a `TaskConfig` that enables background execution) on a tool, resource or prompt whose function is a plain `def`.',
      why: 'Background tasks run only async functions. FastMCP raises `ValueError: \'…\' uses a sync function but has task execution enabled. Background tasks require async functions.` when the decorator runs, so the module fails to import.',
      example: '@mcp.tool(task=True)\ndef build_report(month: str) -> str:\n    ...',
      useInstead: '@mcp.tool(task=True)\nasync def build_report(month: str) -> str:\n    ...',
      notes: 'FastMCP ≥ 2.14 only (background tasks do not exist before). `TaskConfig(mode="forbidden")` and `task=False` are fine. A function wrapped by another decorator under the FastMCP one is left alone: the wrapper decides what FastMCP sees.',
    },
  },
  check(ctx) {
    for (const c of ctx.model.components) {
      if (c.isAsync || c.hasSplat || !componentIsClean(c) || !isInnermostDecorator(c)) continue;
      const task = c.keywords.get('task');
      if (!task || !enablesTasks(ctx.model, task)) continue;
      ctx.report({
        node: keywordArgument(task),
        message: `\`${c.funcName}\` is a sync function but has background tasks enabled: FastMCP raises ValueError at import ("Background tasks require async functions"). Make it \`async def\`, or drop \`task=\`.`,
      });
    }
  },
});
