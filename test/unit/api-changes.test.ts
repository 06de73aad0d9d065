/**
 * The FMCP6xx version table, checked row by row on both sides of every boundary: nothing before
 * the deprecating release, a Deprecated warning from it, an error from the removing release, and
 * silence with an unknown target version unless the form never existed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES_BY_CODE } from '../../server/src/engine';
import { API_CHANGES, type ApiChange } from '../../server/src/engine/rules/data-api-changes';
import { compareVersions } from '../../server/src/engine/version/version';
import { FASTMCP_RELEASES } from '../../server/src/engine/version/releases';
import { lintSnippet } from '../helpers';

function snippet(c: ApiChange): string {
  const head = 'from fastmcp import FastMCP\n\nmcp = FastMCP("demo")\n';
  switch (c.kind) {
    case 'server-kwarg':
      return `from fastmcp import FastMCP\n\nmcp = FastMCP("demo", ${c.old}=None)\n`;
    case 'server-attribute':
      return `${head}value = mcp.${c.old}\n`;
    case 'server-method':
      return c.onClass ? `${head}other = FastMCP.${c.old}("http://upstream/mcp")\n` : `${head}mcp.${c.old}()\n`;
    case 'module':
      return `from ${c.old} import Thing\n${head}`;
    case 'name': {
      const i = c.old.lastIndexOf('.');
      return `from ${c.old.slice(0, i)} import ${c.old.slice(i + 1)}\n${head}`;
    }
  }
}

async function lint(c: ApiChange, version: string | undefined) {
  const diags = await lintSnippet(snippet(c), { targetVersion: version, rules: [RULES_BY_CODE.get(c.rule)!] });
  return diags.filter((d) => d.code === c.rule).map((d) => `${d.severity}${d.tags?.includes('deprecated') ? ' deprecated' : ''}`);
}

const below = (v: string) => [...FASTMCP_RELEASES].reverse().find((r) => compareVersions(r, v) < 0);

for (const c of API_CHANGES) {
  test(`${c.rule} ${c.kind} ${c.old}`, async () => {
    if (c.never) {
      for (const v of [undefined, '2.0.0', '2.13.0', '3.0.0']) assert.deepEqual(await lint(c, v), ['error'], `never existed, target ${v ?? 'unknown'}`);
      return;
    }
    assert.deepEqual(await lint(c, undefined), [], 'silent with an unknown version');
    const first = c.deprecated ?? c.removed!;
    const before = below(first);
    if (before) assert.deepEqual(await lint(c, before), [], `nothing on ${before}, before ${first}`);
    if (c.deprecated) {
      assert.deepEqual(await lint(c, c.deprecated), ['warning deprecated'], `deprecated on ${c.deprecated}`);
      const last = c.removed ? below(c.removed) : '3.4.5';
      if (last && compareVersions(last, c.deprecated) >= 0) assert.deepEqual(await lint(c, last), ['warning deprecated'], `still deprecated on ${last}`);
    }
    if (c.removed) {
      assert.deepEqual(await lint(c, c.removed), ['error'], `removed on ${c.removed}`);
      assert.deepEqual(await lint(c, '3.4.5'), ['error'], 'removed on the newest release');
    }
  });
}
