/** The response schemas in src/api/schema.ts, and how the API client reports an answer they refuse. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as z from 'zod/mini';
import { id, listOf, numberLike, optional, optionalText } from '../../src/api/schema.js';

/** The path of the first problem, as the client reports it. */
function failurePath(schema: z.ZodMiniType, value: unknown): string {
  const result = schema.safeParse(value);
  assert.ok(!result.success, 'expected the schema to refuse the value');
  return ['body', ...result.error.issues[0]!.path.map(String)].join('.');
}

describe('response schemas', () => {
  test('accept what the guides allow and convert numeric strings', () => {
    const row = z.object({ userId: id, rank: optional(numberLike), score: numberLike, name: optionalText, done: optional(z.boolean()) });
    assert.deepEqual(row.parse({ userId: 7, rank: '3', score: ' 12.5 ', name: null, extra: true }), {
      userId: 7,
      rank: 3,
      score: 12.5,
      name: undefined,
    });
    assert.deepEqual(listOf(z.string()).parse({ objects: ['a'] }), { objects: ['a'] });
    assert.deepEqual(listOf(z.string()).parse({ totalCount: '2', objects: ['a', 'b'] }), { totalCount: 2, objects: ['a', 'b'] });
  });

  test('fail with the path of the first bad field', () => {
    const board = listOf(z.object({ id, name: z.string(), rules: optional(z.array(z.object({ goal: numberLike }))) }));
    assert.equal(failurePath(board, { objects: [{ id: 1, name: 'ok' }, { id: 2, name: 'x', rules: [{ goal: 'many' }] }] }), 'body.objects.1.rules.0.goal');
    assert.equal(failurePath(board, { objects: 'nope' }), 'body.objects');
    assert.equal(failurePath(board, null), 'body');
    assert.equal(failurePath(board, { objects: [{ id: {}, name: 'x' }] }), 'body.objects.0.id');
  });

  test('reject what is not a number, text or boolean', () => {
    assert.equal(failurePath(numberLike, Number.NaN), 'body');
    assert.equal(failurePath(numberLike, Number.POSITIVE_INFINITY), 'body');
    assert.equal(failurePath(numberLike, '1e9x'), 'body');
    assert.equal(failurePath(z.object({ name: z.string() }), { name: 5 }), 'body.name');
    assert.equal(failurePath(optional(z.boolean()), 'true'), 'body');
    assert.equal(failurePath(z.object({}), []), 'body');
  });
});
