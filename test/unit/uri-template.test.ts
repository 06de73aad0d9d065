import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseUriTemplate, pathParamNames, uriParamNames } from '../../server/src/engine/rules/util-uri';

test('static URI: scheme, no expressions', () => {
  const t = parseUriTemplate('config://app/settings');
  assert.deepEqual(t.scheme, { name: 'config', start: 0, end: 6, hasAuthority: true });
  assert.equal(t.hasExpressions, false);
  assert.deepEqual(t.params, []);
});

test('scheme without authority and invalid schemes', () => {
  assert.equal(parseUriTemplate('urn:isbn:123').scheme?.hasAuthority, false);
  assert.equal(parseUriTemplate('my_app://x').scheme, null);
  assert.equal(parseUriTemplate('config').scheme, null);
  assert.equal(parseUriTemplate('/config').scheme, null);
  assert.equal(parseUriTemplate('{scheme}://x').scheme, null);
});

test('path, wildcard and query parameters with offsets', () => {
  const text = 'repo://{owner}/{path*}{?ref, depth}';
  const t = parseUriTemplate(text);
  assert.deepEqual(t.path, ['owner']);
  assert.deepEqual(t.wildcard, ['path']);
  assert.deepEqual(t.query, ['ref', 'depth']);
  assert.deepEqual(pathParamNames(t), ['owner', 'path']);
  assert.deepEqual(uriParamNames(t), ['owner', 'path', 'ref', 'depth']);
  for (const p of t.params) assert.equal(text.slice(p.start, p.end), p.name);
  const depth = t.params.find((p) => p.name === 'depth')!;
  assert.equal(text.slice(depth.exprStart, depth.exprEnd), '{?ref, depth}');
  assert.equal(depth.group, 0);
});

test('only the first query group counts', () => {
  const t = parseUriTemplate('data://items{?a}{?b}');
  assert.deepEqual(t.query, ['a']);
  assert.equal(t.ignoredQueryGroups.length, 1);
  assert.equal(t.ignoredQueryGroups[0].body, '?b');
  assert.deepEqual(uriParamNames(t), ['a']);
});

test('expressions that name no parameter', () => {
  const t = parseUriTemplate('x://{+base}/{id:3}/{a-b}/{}/{ok}');
  assert.deepEqual(t.path, ['ok']);
  assert.deepEqual(
    t.other.map((o) => o.body),
    ['+base', 'id:3', 'a-b', ''],
  );
  assert.equal(t.hasExpressions, true);
});

test('nested and unbalanced braces follow the innermost pair', () => {
  assert.deepEqual(parseUriTemplate('x://{{id}}').path, ['id']);
  assert.deepEqual(parseUriTemplate('x://{id').params, []);
  assert.equal(parseUriTemplate('x://{id').hasExpressions, false);
});

test('unicode word characters are names, as in Python', () => {
  assert.deepEqual(parseUriTemplate('x://{café}').path, ['café']);
});
