import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isWildcard, wildcardToRegExp } from '../../../src/runtime/wildcard.js';
import { isInstanceOf, resolveTypeName, typeNamesOf, typeObject } from '../../../src/runtime/types.js';
import { binaryOperator, compareValues, equalsIgnoreCase } from '../../../src/runtime/operators.js';
import { PSException } from '../../../src/runtime/error-record.js';
import { PSHashtable, PSObject } from '../../../src/runtime/values.js';

describe('wildcards', () => {
  const table: { text: string; pattern: string; cs?: boolean; want: boolean }[] = [
    { text: 'file.txt', pattern: '*.txt', want: true }, { text: 'file.TXT', pattern: '*.txt', want: true }, { text: 'file.TXT', pattern: '*.txt', cs: true, want: false },
    { text: 'a', pattern: '?', want: true }, { text: 'ab', pattern: '?', want: false }, { text: '', pattern: '*', want: true }, { text: 'b1', pattern: '[a-c][0-9]', want: true },
    { text: 'd1', pattern: '[a-c][0-9]', want: false }, { text: 'x[1]', pattern: 'x`[1`]', want: true }, { text: 'a+b', pattern: 'a+b', want: true },
    { text: 'a(b)', pattern: 'a(b)', want: true }, { text: 'line1\nline2', pattern: 'line1*', want: true }, { text: 'abc', pattern: 'ABC', want: true },
    { text: '[x', pattern: '[x', want: true },
  ];
  it.each(table)('$text -like $pattern', ({ text, pattern, cs, want }) => expect(wildcardToRegExp(pattern, cs ?? false).test(text)).toBe(want));

  it('knows wildcard patterns', () => {
    expect([isWildcard('a*'), isWildcard('a?'), isWildcard('[ab]'), isWildcard('plain'), isWildcard('a`*')]).toEqual([true, true, true, false, false]);
  });

  it('a literal pattern matches only itself', () => {
    fc.assert(fc.property(fc.string().filter((s) => !/[*?[`]/.test(s)), fc.string(), (s, t) =>
      wildcardToRegExp(s).test(t) === (s.toLowerCase() === t.toLowerCase())));
  });
});

describe('type names', () => {
  const resolve: { name: string; want: string | null }[] = [
    { name: 'int', want: 'System.Int32' }, { name: 'INT', want: 'System.Int32' }, { name: 'System.Int32', want: 'System.Int32' }, { name: 'Int32', want: 'System.Int32' },
    { name: 'string[]', want: 'System.String[]' }, { name: 'pscustomobject', want: 'System.Management.Automation.PSCustomObject' },
    { name: 'ordered', want: 'System.Collections.Specialized.OrderedDictionary' }, { name: 'IO.Path', want: 'System.IO.Path' }, { name: 'math', want: 'System.Math' },
    { name: 'ItemNotFoundException', want: 'System.Management.Automation.ItemNotFoundException' }, { name: 'NoSuchType', want: null },
  ];
  it.each(resolve)('$name', ({ name, want }) => expect(resolveTypeName(name)).toBe(want));

  it('names values like .NET', () => {
    expect(typeNamesOf(1)).toEqual(['System.Int32', 'System.ValueType', 'System.Object']);
    expect(typeNamesOf([1])).toEqual(['System.Object[]', 'System.Array', 'System.Object']);
    expect(typeNamesOf(new PSHashtable())[0]).toBe('System.Collections.Hashtable');
    expect(typeNamesOf(new PSObject())[0]).toBe('System.Management.Automation.PSCustomObject');
    expect(typeNamesOf(null)).toEqual([]);
  });

  it('catches exceptions by base type', () => {
    const e = new PSException('System.Management.Automation.ItemNotFoundException', 'gone');
    expect(['ItemNotFoundException', 'System.Management.Automation.SessionStateException', 'RuntimeException', 'System.Exception', 'System.IO.IOException']
      .map((t) => isInstanceOf(e, t))).toEqual([true, true, true, true, false]);
  });

  it('type objects print like RuntimeType', () => {
    const t = typeObject('int');
    expect([t.Name, t.FullName, t.Namespace, t.BaseType?.Name, t.IsPublic, t.IsSerial]).toEqual(['Int32', 'System.Int32', 'System', 'ValueType', true, true]);
    expect(typeObject('string[]').Name).toBe('String[]');
    expect(typeObject('pscustomobject').BaseType?.FullName).toBe('System.Object');
  });
});

describe('operator properties', () => {
  const scalar = fc.oneof(fc.integer(), fc.string({ maxLength: 6 }), fc.double({ noNaN: true }));
  it('comparison of same-typed values is antisymmetric', () => {
    fc.assert(fc.property(fc.oneof(fc.tuple(fc.integer(), fc.integer()), fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }))), ([a, b]) =>
      Math.sign(compareValues(a, b, false)) === -Math.sign(compareValues(b, a, false))));
  });
  it('-eq is reflexive', () => {
    fc.assert(fc.property(scalar, (a) => binaryOperator('-eq', a, a) === true));
  });
  it('-split then -join gives the string back', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 5 }).filter((s) => !s.includes(',')), { minLength: 1, maxLength: 6 }), (parts) => {
      const joined = parts.join(',');
      return binaryOperator('-join', binaryOperator('-split', joined, ','), ',') === joined;
    }));
  });
  it('-split on a string without the separator gives the string', () => {
    fc.assert(fc.property(fc.string().filter((s) => !s.includes(';')), (s) => {
      const parts = binaryOperator('-split', s, ';') as string[];
      return parts.length === 1 && parts[0] === s;
    }));
  });
  it('case-insensitive equality agrees with lower-casing', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'B', 'é', 'É', '[', '{', '@', '`', '1') , maxLength: 5 });
    fc.assert(fc.property(text, text, (a, b) => equalsIgnoreCase(a, b) === (a.toLowerCase() === b.toLowerCase())));
  });
  it('int addition never loses precision (it widens)', () => {
    fc.assert(fc.property(fc.integer(), fc.integer(), (a, b) => binaryOperator('+', a, b) === a + b));
  });
});
