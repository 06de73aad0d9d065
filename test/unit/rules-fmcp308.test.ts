/**
 * FMCP308 finds lifespans passed as `lifespan=` by where the text spells the word. A function counts as a
 * lifespan (an async root) only through a real `lifespan=` keyword of a call; the last one of a call wins.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES_BY_CODE } from '../../server/src/engine';
import { lintSnippet } from '../helpers';

const rule = RULES_BY_CODE.get('FMCP308')!;
async function lines(text: string): Promise<number[]> {
  return (await lintSnippet(text, { rules: [rule], targetVersion: '3.0' })).map((d) => d.range.start.line + 1);
}
const head = 'import time\nfrom fastmcp import FastMCP\n\n';
const blocking = (name: string) => `async def ${name}(server):\n    time.sleep(1)\n    yield\n\n`;

test('FMCP308 treats a function passed as lifespan= as running on the event loop', async () => {
  assert.deepEqual(await lines(head + blocking('startup') + 'mcp = FastMCP("x", lifespan=startup)\n'), [5]);
  // Spread over lines, with a comment between the keyword and its value.
  assert.deepEqual(await lines(head + blocking('startup') + 'mcp = FastMCP(\n    "x",\n    lifespan  # the app\n    =startup,\n)\n'), [5]);
  // A call inside another call's arguments counts too.
  assert.deepEqual(await lines(head + blocking('outer') + blocking('inner') + 'mcp = FastMCP("x", lifespan=outer, tools=make(lifespan=inner))\n'), [5, 9]);
});

test('FMCP308 does not take the word lifespan elsewhere for a lifespan argument', async () => {
  const tail = ['note = "lifespan=startup"\n', 'cfg.lifespan = startup\n', 'lifespan = startup\n', '# lifespan=startup\n', 'mcp = FastMCP("x", app_lifespan=startup)\n', 'mcp = FastMCP("x", lifespan=startup.run)\n'];
  for (const t of tail) assert.deepEqual(await lines(head + blocking('startup') + t), [], t);
});

test('FMCP308 takes the last of repeated lifespan= arguments, as a call does', async () => {
  assert.deepEqual(await lines(head + blocking('first') + blocking('second') + 'mcp = FastMCP("x", lifespan=first, lifespan=second)\n'), [9]);
});
