/** The response readers in src/api/schema.ts: lenient in what they accept, exact in where they fail. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SchemaError, array, boolean, id, listOf, number, numberLike, object, optional, optionalText, string } from '../../src/api/schema.js';

function failure(run: () => unknown): SchemaError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof SchemaError, `a SchemaError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a SchemaError');
}

describe('response schemas', () => {
  test('accept what the guides allow and convert numeric strings', () => {
    const row = object({ userId: id, rank: optional(numberLike), score: numberLike, name: optionalText, done: optional(boolean) });
    assert.deepEqual(row({ userId: 7, rank: '3', score: ' 12.5 ', name: null, extra: true }, 'body'), {
      userId: 7,
      rank: 3,
      score: 12.5,
      name: undefined,
      done: undefined,
    });
    assert.deepEqual(listOf(string)({ objects: ['a'] }, 'body'), { totalCount: undefined, objects: ['a'] });
    assert.deepEqual(listOf(string)({ totalCount: '2', objects: ['a', 'b'] }, 'body'), { totalCount: 2, objects: ['a', 'b'] });
  });

  test('fail with the path of the first bad field', () => {
    const board = listOf(object({ id, name: string, rules: optional(array(object({ goal: numberLike }))) }));
    const error = failure(() => board({ objects: [{ id: 1, name: 'ok' }, { id: 2, name: 'x', rules: [{ goal: 'many' }] }] }, 'body'));
    assert.equal(error.path, 'body.objects.1.rules.0.goal');
    assert.match(error.message, /expected a number, got "many"/);
    assert.equal(failure(() => board({ objects: 'nope' }, 'body')).path, 'body.objects');
    assert.equal(failure(() => board(null, 'body')).path, 'body');
    assert.equal(failure(() => board({ objects: [{ id: {}, name: 'x' }] }, 'body')).path, 'body.objects.0.id');
  });

  test('reject what is not a number, text or boolean', () => {
    assert.equal(failure(() => number(Number.NaN, 'n')).path, 'n');
    assert.equal(failure(() => numberLike('1e9x', 'n')).path, 'n');
    assert.equal(failure(() => string(5, 's')).path, 's');
    assert.equal(failure(() => boolean('true', 'b')).path, 'b');
    assert.equal(failure(() => object({})([], 'o')).message, 'expected an object, got an array');
  });
});
