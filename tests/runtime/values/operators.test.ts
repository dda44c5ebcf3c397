import { describe, expect, it } from 'vitest';
import { binaryOperator, unaryOperator, compareValues } from '../../../src/runtime/operators.js';
import { RuntimeError } from '../../../src/runtime/exceptions.js';
import { typeNamesOf } from '../../../src/runtime/types.js';
import { PSChar } from '../../../src/runtime/values/char.js';
import { PSHashtable } from '../../../src/runtime/values.js';
import { typeObject } from '../../../src/runtime/types.js';

const ch = (c: string): PSChar => new PSChar(c);
const ht = (entries: [unknown, unknown][], ordered = false): PSHashtable => {
  const h = new PSHashtable(ordered);
  for (const [k, v] of entries) h.set(k, v);
  return h;
};

interface Case {
  readonly op: string;
  readonly left: unknown;
  readonly right: unknown;
  readonly want?: unknown;
  /** Expected .NET type of the result. */
  readonly type?: string;
  /** Expected FullyQualifiedErrorId when the operator throws. */
  readonly error?: string;
  readonly message?: string;
}

const cases: Case[] = [
  // + : the left operand decides
  { op: '+', left: '1', right: 1, want: '11' },
  { op: '+', left: 1, right: '1', want: 2, type: 'System.Int32' },
  { op: '+', left: 1, right: '1.5', want: 2.5 },
  { op: '+', left: 1, right: ' 0x10 ', want: 17 },
  { op: '+', left: 1, right: '1e3', want: 1001 },
  { op: '+', left: 'a', right: [1, 2], want: 'a1 2' },
  { op: '+', left: 'a', right: null, want: 'a' },
  { op: '+', left: 'a', right: true, want: 'aTrue' },
  { op: '+', left: 'x', right: 0.1, want: 'x0.1' },
  { op: '+', left: [1, 2], right: 3, want: [1, 2, 3] },
  { op: '+', left: [1, 2], right: [3, 4], want: [1, 2, 3, 4] },
  { op: '+', left: [1], right: null, want: [1, null] },
  { op: '+', left: null, right: 1, want: 1 },
  { op: '+', left: null, right: 'a', want: 'a' },
  { op: '+', left: null, right: null, want: null },
  { op: '+', left: true, right: 1, want: 2 },
  { op: '+', left: 2147483647, right: 1, want: 2147483648, type: 'System.Double' },
  { op: '+', left: -2147483648, right: -1, want: -2147483649, type: 'System.Double' },
  { op: '+', left: 5n, right: 1, want: 6n, type: 'System.Int64' },
  { op: '+', left: 9223372036854775807n, right: 1, want: 9223372036854775808, type: 'System.Double' },
  { op: '+', left: 1.5, right: 1, want: 2.5, type: 'System.Double' },
  { op: '+', left: 1, right: 'abc', error: 'InvalidCastFromStringToInteger', message: 'Cannot convert value "abc" to type "System.Int32". Error: "The input string \'abc\' was not in a correct format."' },
  { op: '+', left: 1, right: [1, 2], error: 'ConvertToFinalInvalidCastException' },
  { op: '+', left: ht([['a', 1]]), right: 1, error: 'AddHashTableToNonHashTable', message: 'A hash table can only be added to another hash table.' },
  { op: '+', left: ht([['a', 1]]), right: ht([['A', 2]]), error: 'System.ArgumentException', message: "Item has already been added. Key in dictionary: 'a'  Key being added: 'A'" },
  { op: '+', left: ch('a'), right: 'b', want: 'ab' },
  // - * / %
  { op: '-', left: 5, right: 3, want: 2 },
  { op: '-', left: '5', right: 3, want: 2 },
  { op: '-', left: null, right: 1, want: -1 },
  { op: '-', left: -2147483648, right: 1, want: -2147483649, type: 'System.Double' },
  { op: '-', left: [1, 2], right: 1, error: 'MethodNotFound', message: "Method invocation failed because [System.Object[]] does not contain a method named 'op_Subtraction'." },
  { op: '-', left: 'a', right: 1, error: 'InvalidCastFromStringToInteger' },
  { op: '-', left: ch('b'), right: ch('a'), want: 1 },
  { op: '*', left: 'ab', right: 3, want: 'ababab' },
  { op: '*', left: 'ab', right: 0, want: '' },
  { op: '*', left: 'ab', right: '2', want: 'abab' },
  { op: '*', left: [1, 2], right: 2, want: [1, 2, 1, 2] },
  { op: '*', left: 3, right: '4', want: 12 },
  { op: '*', left: 65536, right: 65536, want: 4294967296, type: 'System.Double' },
  { op: '*', left: 2.5, right: 2, want: 5 },
  { op: '/', left: 1, right: 2, want: 0.5, type: 'System.Double' },
  { op: '/', left: 4, right: 2, want: 2, type: 'System.Int32' },
  { op: '/', left: 10, right: 4, want: 2.5 },
  { op: '/', left: '9', right: 3, want: 3 },
  { op: '/', left: 10n, right: 2n, want: 5n, type: 'System.Int64' },
  { op: '/', left: 10n, right: 4, want: 2.5 },
  { op: '/', left: 1, right: 0, error: 'RuntimeException', message: 'Attempted to divide by zero.' },
  { op: '/', left: 1.5, right: 0, want: Infinity },
  { op: '%', left: 7, right: 3, want: 1 },
  { op: '%', left: -7, right: 3, want: -1 },
  { op: '%', left: 7.5, right: 2, want: 1.5 },
  { op: '%', left: 7, right: 0, error: 'RuntimeException' },
  { op: '%', left: 7n, right: 2, want: 1n },
  // comparisons, scalars
  { op: '-eq', left: 1, right: 1, want: true },
  { op: '-eq', left: 1, right: '1', want: true },
  { op: '-eq', left: 1, right: '1.0', want: true },
  { op: '-eq', left: 1, right: 'a', want: false },
  { op: '-eq', left: 2, right: '1.5', want: true },
  { op: '-eq', left: 1.5, right: '1.5', want: true },
  { op: '-gt', left: 10, right: '9.5', want: false },
  { op: '-eq', left: 2, right: 1.5, want: false },
  { op: '-gt', left: 2, right: 1.5, want: true },
  { op: '-eq', left: '1', right: 1, want: true },
  { op: '-eq', left: '1.0', right: 1, want: false },
  { op: '-eq', left: 'abc', right: 'ABC', want: true },
  { op: '-ceq', left: 'abc', right: 'ABC', want: false },
  { op: '-ieq', left: 'abc', right: 'ABC', want: true },
  { op: '-eq', left: null, right: null, want: true },
  { op: '-eq', left: null, right: 0, want: false },
  { op: '-eq', left: 0, right: null, want: false },
  { op: '-eq', left: '', right: null, want: false },
  { op: '-eq', left: true, right: 'false', want: true },
  { op: '-eq', left: false, right: '', want: true },
  { op: '-eq', left: 5n, right: 5, want: true },
  { op: '-eq', left: 5, right: 5n, want: true },
  { op: '-eq', left: ch('a'), right: 'A', want: true },
  { op: '-ceq', left: ch('a'), right: 'A', want: false },
  { op: '-eq', left: ch('A'), right: 65, want: true },
  { op: '-ne', left: 1, right: 2, want: true },
  { op: '-ne', left: 'a', right: 'A', want: false },
  { op: '-cne', left: 'a', right: 'A', want: true },
  { op: '-gt', left: 2, right: 1, want: true },
  { op: '-gt', left: '10', right: 9, want: false },
  { op: '-gt', left: 10, right: '9', want: true },
  { op: '-lt', left: 'a', right: 'B', want: true },
  { op: '-clt', left: 'a', right: 'A', want: true },
  { op: '-lt', left: 'apple', right: 'banana', want: true },
  { op: '-ge', left: 'b', right: 'B', want: true },
  { op: '-le', left: 1.5, right: 2, want: true },
  { op: '-lt', left: null, right: 1, want: true },
  { op: '-gt', left: null, right: 1, want: false },
  { op: '-gt', left: 1, right: null, want: true },
  { op: '-gt', left: 0, right: null, want: true },
  { op: '-lt', left: -1, right: null, want: true },
  { op: '-lt', left: null, right: -1, want: false },
  { op: '-gt', left: 'a', right: null, want: true },
  { op: '-gt', left: 5n, right: 4, want: true },
  { op: '-lt', left: 2147483648, right: 9223372036854775807n, want: true },
  { op: '-gt', left: true, right: false, want: true },
  { op: '-gt', left: 5, right: 'abc', error: 'ComparisonFailure' },
  { op: '-gt', left: ht([]), right: 1, error: 'NotIcomparable' },
  // comparisons, arrays on the left filter
  { op: '-gt', left: [1, 2, 3], right: 1, want: [2, 3] },
  { op: '-eq', left: [1, 2, 3, 2], right: 2, want: [2, 2] },
  { op: '-eq', left: [1, 2, 3], right: 5, want: [] },
  { op: '-ne', left: [1, 2, 3], right: 2, want: [1, 3] },
  { op: '-eq', left: ['a', 'B', 'b'], right: 'b', want: ['B', 'b'] },
  { op: '-ceq', left: ['a', 'B', 'b'], right: 'b', want: ['b'] },
  { op: '-eq', left: [1, null, 2], right: null, want: [null] },
  { op: '-le', left: [3, 1, 2], right: 2, want: [1, 2] },
  // -like
  { op: '-like', left: 'hello', right: 'h*', want: true },
  { op: '-like', left: 'Hello', right: 'h?llo', want: true },
  { op: '-clike', left: 'Hello', right: 'h*', want: false },
  { op: '-like', left: 'abc', right: '[a-c]bc', want: true },
  { op: '-like', left: 'dbc', right: '[a-c]bc', want: false },
  { op: '-like', left: 'a*c', right: 'a`*c', want: true },
  { op: '-like', left: 'abc', right: 'a`*c', want: false },
  { op: '-notlike', left: 'hello', right: 'h*', want: false },
  { op: '-like', left: ['apple', 'banana', 'avocado'], right: 'a*', want: ['apple', 'avocado'] },
  { op: '-notlike', left: ['apple', 'banana'], right: 'a*', want: ['banana'] },
  { op: '-like', left: 5, right: '5', want: true },
  { op: '-like', left: 'a.b', right: 'a.b', want: true },
  { op: '-like', left: 'axb', right: 'a.b', want: false },
  // -match filters arrays
  { op: '-match', left: 'hello', right: 'l+', want: true },
  { op: '-match', left: 'HELLO', right: 'l+', want: true },
  { op: '-cmatch', left: 'HELLO', right: 'l+', want: false },
  { op: '-notmatch', left: 'hello', right: '^x', want: true },
  { op: '-match', left: ['a1', 'b', 'c2'], right: '\\d', want: ['a1', 'c2'] },
  { op: '-notmatch', left: ['a1', 'b', 'c2'], right: '\\d', want: ['b'] },
  { op: '-match', left: 'a', right: '(', error: 'InvalidRegularExpression', message: 'The regular expression pattern ( is not valid.' },
  { op: '-match', left: 'abc', right: '\\Aabc\\z', want: true },
  { op: '-match', left: 'ABC', right: '(?i)abc', want: true },
  { op: '-match', left: 'é1', right: '^\\p{L}\\d$', want: true },
  { op: '-match', left: 'a-b', right: 'a\\-b', want: true },
  // -replace
  { op: '-replace', left: 'hello', right: ['l', 'L'], want: 'heLLo' },
  { op: '-replace', left: 'Hello', right: ['h', 'J'], want: 'Jello' },
  { op: '-creplace', left: 'Hello', right: ['h', 'J'], want: 'Hello' },
  { op: '-replace', left: 'hello', right: 'l', want: 'heo' },
  { op: '-replace', left: 'John Smith', right: ['(\\w+) (\\w+)', '$2, $1'], want: 'Smith, John' },
  { op: '-replace', left: 'John Smith', right: ['(?<first>\\w+) (?<last>\\w+)', '${last} ${first}'], want: 'Smith John' },
  { op: '-replace', left: 'abc', right: ['b', '[$0]'], want: 'a[b]c' },
  { op: '-replace', left: 'abc', right: ['b', '$$'], want: 'a$c' },
  { op: '-replace', left: 'abc', right: ['b', '$5'], want: 'a$5c' },
  { op: '-replace', left: ['ab', 'cb'], right: ['b', 'x'], want: ['ax', 'cx'] },
  { op: '-replace', left: 12, right: ['1', '9'], want: '92' },
  { op: '-replace', left: 'a.b.c', right: ['\\.', '-'], want: 'a-b-c' },
  { op: '-replace', left: 'aaa', right: ['', '-'], want: '-a-a-a-' },
  // -split
  { op: '-split', left: 'a,b,c', right: ',', want: ['a', 'b', 'c'] },
  { op: '-split', left: 'a,b,c', right: [',', 2], want: ['a', 'b,c'] },
  { op: '-split', left: 'a,b,c', right: [',', 0], want: ['a', 'b', 'c'] },
  { op: '-split', left: 'a,b,c,d', right: [',', -2], want: ['a,b,c', 'd'] },
  { op: '-split', left: 'a.b', right: '.', want: ['', '', '', ''] },
  { op: '-split', left: 'a.b', right: ['.', 0, 'SimpleMatch'], want: ['a', 'b'] },
  { op: '-split', left: 'aXbxc', right: 'x', want: ['a', 'b', 'c'] },
  { op: '-csplit', left: 'aXbxc', right: 'x', want: ['aXb', 'c'] },
  { op: '-split', left: 'a1b2c', right: '(\\d)', want: ['a', '1', 'b', '2', 'c'] },
  { op: '-split', left: ['a b', 'c d'], right: ' ', want: ['a', 'b', 'c', 'd'] },
  { op: '-split', left: ',a,', right: ',', want: ['', 'a', ''] },
  { op: '-split', left: 'a.b', right: ['.', 0, 'SimpleMatch,Multiline'], error: 'InvalidSplitOptionCombination' },
  // -join, -f
  { op: '-join', left: [1, 2, 3], right: ',', want: '1,2,3' },
  { op: '-join', left: ['a', null, 'b'], right: '-', want: 'a--b' },
  { op: '-join', left: 'abc', right: ',', want: 'abc' },
  { op: '-join', left: [1.5, true], right: '', want: '1.5True' },
  { op: '-f', left: '{0}-{1}', right: ['a', 'b'], want: 'a-b' },
  { op: '-f', left: '{0:N2}', right: 1234.567, want: '1,234.57' },
  { op: '-f', left: '[{0,5}]', right: 'ab', want: '[   ab]' },
  // -contains / -in
  { op: '-contains', left: [1, 2, 3], right: 2, want: true },
  { op: '-contains', left: [1, 2, 3], right: '2', want: true },
  { op: '-contains', left: ['a', 'b'], right: 'B', want: true },
  { op: '-ccontains', left: ['a', 'b'], right: 'B', want: false },
  { op: '-notcontains', left: [1, 2], right: 3, want: true },
  { op: '-contains', left: 'abc', right: 'b', want: false },
  { op: '-contains', left: 'abc', right: 'ABC', want: true },
  { op: '-in', left: 2, right: [1, 2, 3], want: true },
  { op: '-in', left: 'B', right: ['a', 'b'], want: true },
  { op: '-cin', left: 'B', right: ['a', 'b'], want: false },
  { op: '-notin', left: 4, right: [1, 2, 3], want: true },
  // -is / -isnot / -as
  { op: '-is', left: 1, right: 'int', want: true },
  { op: '-is', left: 1, right: typeObject('int'), want: true },
  { op: '-is', left: 1.5, right: 'double', want: true },
  { op: '-is', left: 1, right: 'string', want: false },
  { op: '-is', left: 'a', right: 'System.String', want: true },
  { op: '-is', left: [1], right: 'array', want: true },
  { op: '-is', left: [1], right: 'object[]', want: true },
  { op: '-is', left: 1, right: 'object', want: true },
  { op: '-is', left: null, right: 'object', want: false },
  { op: '-is', left: 1, right: 'ValueType', want: true },
  { op: '-is', left: ht([]), right: 'hashtable', want: true },
  { op: '-isnot', left: 1, right: 'string', want: true },
  { op: '-as', left: '5', right: 'int', want: 5 },
  { op: '-as', left: 'abc', right: 'int', want: null },
  { op: '-as', left: 5, right: typeObject('string'), want: '5' },
  { op: '-as', left: '1,2', right: 'datetime', want: null },
  // bitwise and shifts
  { op: '-band', left: 6, right: 3, want: 2 },
  { op: '-bor', left: 6, right: 3, want: 7 },
  { op: '-bxor', left: 6, right: 3, want: 5 },
  { op: '-band', left: '12', right: 4, want: 4 },
  { op: '-bor', left: 1n, right: 2, want: 3n },
  { op: '-band', left: -1, right: 255, want: 255 },
  { op: '-shl', left: 1, right: 4, want: 16 },
  { op: '-shl', left: 1, right: 31, want: -2147483648 },
  { op: '-shl', left: 1, right: 32, want: 1 },
  { op: '-shl', left: 1n, right: 40, want: 1099511627776n },
  { op: '-shr', left: -16, right: 2, want: -4 },
  { op: '-shr', left: 256, right: 4, want: 16 },
  // logical
  { op: '-and', left: 1, right: '', want: false },
  { op: '-or', left: 0, right: 'a', want: true },
  { op: '-xor', left: true, right: true, want: false },
  { op: '-xor', left: true, right: 0, want: true },
  // ranges
  { op: '..', left: 1, right: 5, want: [1, 2, 3, 4, 5] },
  { op: '..', left: 3, right: 1, want: [3, 2, 1] },
  { op: '..', left: -1, right: 1, want: [-1, 0, 1] },
  { op: '..', left: '1', right: '3', want: [1, 2, 3] },
  { op: '..', left: 'a', right: 'e', want: ['a', 'b', 'c', 'd', 'e'].map(ch) },
  { op: '..', left: 'C', right: 'A', want: ['C', 'B', 'A'].map(ch) },
  { op: '..', left: 1.5, right: 3, want: [2, 3] },
  { op: '..', left: 2, right: 2, want: [2] },
];

describe('binaryOperator', () => {
  it.each(cases.map((c) => [`${JSON.stringify(c.left, big)} ${c.op} ${JSON.stringify(c.right, big)}`, c] as const))('%s', (_, c) => {
    if (c.error !== undefined) {
      let thrown: unknown;
      try {
        binaryOperator(c.op, c.left, c.right);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(RuntimeError);
      const record = (thrown as RuntimeError).errorRecord;
      expect(record.FullyQualifiedErrorId).toBe(c.error);
      if (c.message !== undefined) expect(record.message).toBe(c.message);
      return;
    }
    const got = binaryOperator(c.op, c.left, c.right);
    expect(got).toEqual(c.want);
    if (c.type !== undefined) expect(typeNamesOf(got)[0]).toBe(c.type);
  });
});

function big(_key: string, v: unknown): unknown {
  return typeof v === 'bigint' ? `${v}n` : v;
}

describe('-match sets $Matches', () => {
  const table: { left: unknown; pattern: string; want: [unknown, unknown][] | null }[] = [
    { left: 'abc123', pattern: '\\d+', want: [[0, '123']] },
    { left: 'John Smith', pattern: '(\\w+) (\\w+)', want: [[2, 'Smith'], [1, 'John'], [0, 'John Smith']] },
    { left: 'CONTOSO\\jsmith', pattern: '(?<domain>.+)\\\\(?<user>.+)', want: [['domain', 'CONTOSO'], ['user', 'jsmith'], [0, 'CONTOSO\\jsmith']] },
    { left: 'ab', pattern: 'a(x)?b', want: [[0, 'ab']] },
    { left: 'nope', pattern: '\\d', want: null },
    { left: ['a1', 'b2'], pattern: '\\d', want: null },
  ];
  it.each(table)('$left -match $pattern', ({ left, pattern, want }) => {
    let set: PSHashtable | null | undefined;
    binaryOperator('-match', left, pattern, (m) => { set = m; });
    if (want === null) expect(set).toBeUndefined();
    else expect([...set!]).toEqual(want);
  });
});

describe('unaryOperator', () => {
  const table: { op: string; operand: unknown; want: unknown }[] = [
    { op: '-not', operand: 0, want: true },
    { op: '!', operand: 'a', want: false },
    { op: '-not', operand: [], want: true },
    { op: '-', operand: 5, want: -5 },
    { op: '-', operand: '5', want: -5 },
    { op: '-', operand: -2147483648, want: 2147483648 },
    { op: '-', operand: 5n, want: -5n },
    { op: '-', operand: null, want: 0 },
    { op: '+', operand: '3.5', want: 3.5 },
    { op: ',', operand: 1, want: [1] },
    { op: '++', operand: 1, want: 2 },
    { op: '++', operand: null, want: 1 },
    { op: '--', operand: 2147483648, want: 2147483647 },
    { op: 'post++', operand: '5', want: 6 },
    { op: '++', operand: 2147483647, want: 2147483648 },
    { op: '--', operand: 5n, want: 4n },
    { op: '-bnot', operand: 0, want: -1 },
    { op: '-bnot', operand: 5n, want: -6n },
    { op: '-split', operand: ' a  b\tc ', want: ['a', 'b', 'c'] },
    { op: '-split', operand: ['a b', 'c'], want: ['a', 'b', 'c'] },
    { op: '-join', operand: [1, 2, 3], want: '123' },
  ];
  it.each(table)('$op $operand', ({ op, operand, want }) => {
    expect(unaryOperator(op, operand)).toEqual(want);
  });
});

it('++ on a non-number fails as PowerShell words it', () => {
  expect(() => unaryOperator('++', 'abc')).toThrowError("The '++' operator works only on numbers. The operand is a 'System.String'.");
});

describe('compareValues', () => {
  const table: { a: unknown; b: unknown; cs: boolean; want: number }[] = [
    { a: 1, b: 2, cs: false, want: -1 },
    { a: 'b', b: 'A', cs: false, want: 1 },
    { a: 'a', b: 'A', cs: false, want: 0 },
    { a: 'a', b: 'A', cs: true, want: -1 },
    { a: null, b: null, cs: false, want: 0 },
    { a: 10, b: '9', cs: false, want: 1 },
    { a: '10', b: 9, cs: false, want: -1 },
  ];
  it.each(table)('$a vs $b', ({ a, b, cs, want }) => {
    expect(Math.sign(compareValues(a, b, cs))).toBe(want);
  });
});

describe('-split as PowerShell\'s own tests describe it', () => {
  const table: { left: unknown; right: unknown; op?: string; want?: string[]; error?: string }[] = [
    { left: 'a b c d', right: [' ', 2], want: ['a', 'b c d'] },
    { left: 'a b c d', right: [' ', -2], want: ['a b c', 'd'] },
    { left: 'a b c d', right: [' ', -1], want: ['a b c d'] },
    { left: 'a b c d', right: [' ', -8], want: ['a', 'b', 'c', 'd'] },
    { left: ' ', right: [' ', -2], want: ['', ''] },
    { left: 'a2b3c4d', right: ['\\d+', 2], want: ['a', 'b3c4d'] },
    { left: 'a2b3c4d', right: ['\\d+', -2], want: ['a2b3c', 'd'] },
    { left: 'a::b::c::d', right: '::', want: ['a', 'b', 'c', 'd'] },
    { left: 'a1:b1:c1:d', right: '(1:)', want: ['a', '1:', 'b', '1:', 'c', '1:', 'd'] },
    { left: 'a1:b1:c1:d', right: '1(:)', want: ['a', ':', 'b', ':', 'c', ':', 'd'] },
    { left: 'abcBd', right: 'B', want: ['a', 'c', 'd'] },
    { left: 'abcBd', right: 'B', op: '-isplit', want: ['a', 'c', 'd'] },
    { left: 'abcBd', right: 'B', op: '-csplit', want: ['abc', 'd'] },
    { left: 'abcBd', right: ['B', 0, 'IgnoreCase'], op: '-csplit', want: ['a', 'c', 'd'] },
    { left: 'a12a\nb34b\nc56c', right: '^b', want: ['a12a\nb34b\nc56c'] },
    { left: 'a12a\nb34b\nc56c', right: 'b.+c', want: ['a12a\nb34b\nc56c'] },
    { left: 'a12a\nb34b\nc56c\nd78d', right: ['b.+c', 0, 'Singleline'], want: ['a12a\n', '\nd78d'] },
    { left: 'a12a\nb34b\nc56c\nd78d', right: ['^b', 0, 'Multiline'], want: ['a12a\n', '34b\nc56c\nd78d'] },
    { left: 'a: b:c', right: ': ', want: ['a', 'b:c'] },
    { left: 'a: b:c', right: [': ', 0, 'IgnorePatternWhitespace'], want: ['a', ' b', 'c'] },
    { left: 'a:b', right: '(:)', want: ['a', ':', 'b'] },
    { left: 'a:b', right: ['(:)', 0, 'ExplicitCapture'], want: ['a', 'b'] },
    { left: 'abc', right: ['B', 0, 'SimpleMatch,IgnoreCase'], want: ['a', 'c'] },
    { left: 'abc', right: ['B', 0, 'RegexMatch,Singleline'], want: ['a', 'c'] },
    { left: 'abc', right: ['B', 0, 'RegexMatch,SimpleMatch'], error: 'InvalidSplitOptionCombination' },
    { left: 'abc', right: '', want: ['', 'a', 'b', 'c', ''] },
    { left: 1.2, right: ',', want: ['1.2'] },
  ];
  it.each(table)('$left -split $right', ({ left, right, op, want, error }) => {
    if (error) expect(() => binaryOperator(op ?? '-split', left, right)).toThrowError(RuntimeError);
    else expect(binaryOperator(op ?? '-split', left, right)).toEqual(want);
  });
});

describe('-is as PowerShell\'s own tests describe it', () => {
  it('matches types and rejects non-types', async () => {
    const { PSObject } = await import('../../../src/runtime/values.js');
    const custom = PSObject.fromEntries([['foo', 1]]);
    expect(binaryOperator('-is', custom, typeObject('pscustomobject'))).toBe(true);
    expect(binaryOperator('-is', custom, typeObject('psobject'))).toBe(true);
    expect(binaryOperator('-is', custom, typeObject('string'))).toBe(false);
    expect(binaryOperator('-is', 'hello', typeObject('psobject'))).toBe(false);
    expect(binaryOperator('-isnot', 'hello', typeObject('int'))).toBe(true);
    expect(() => binaryOperator('-is', 'hello', 'foo')).toThrowError("The right operand of '-is' must be a type.");
  });
  it('-replace keeps the pattern-only form and -like treats backticks as escapes', () => {
    expect(binaryOperator('-replace', 'PowerPoint', 'Point')).toBe('Power');
    expect(binaryOperator('-replace', 'domain.example', ['.*\\.(\\w+)$', "Tld of '$0' is - '$1'"])).toBe("Tld of 'domain.example' is - 'example'");
    expect(binaryOperator('-like', 'abc`def', 'abc`def')).toBe(false);
    expect(binaryOperator('-like', 'abc`def', 'abc``def')).toBe(true);
    expect(binaryOperator('-like', 'abc`def', 'abc````def')).toBe(false);
  });
});
