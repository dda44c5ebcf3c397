import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { convertTo, toBool, toNumber, toStr } from '../../../src/runtime/convert.js';
import { RuntimeError } from '../../../src/runtime/exceptions.js';
import { PSDateTime, PSTimeSpan } from '../../../src/runtime/datetime.js';
import { typeNamesOf, typeObject } from '../../../src/runtime/types.js';
import { PSChar } from '../../../src/runtime/values/char.js';
import { PSGuid } from '../../../src/runtime/values/guid.js';
import { PSRegex } from '../../../src/runtime/values/regex.js';
import { PSHashtable, PSObject } from '../../../src/runtime/values.js';

const ht = (entries: [unknown, unknown][], ordered = false): PSHashtable => {
  const h = new PSHashtable(ordered);
  for (const [k, v] of entries) h.set(k, v);
  return h;
};

describe('toBool', () => {
  const table: { input: unknown; want: boolean }[] = [
    { input: null, want: false }, { input: '', want: false }, { input: '0', want: true }, { input: 'False', want: true },
    { input: 0, want: false }, { input: 1, want: true }, { input: -1, want: true }, { input: 0.0, want: false }, { input: 0n, want: false },
    { input: [], want: false }, { input: [0], want: false }, { input: [1], want: true }, { input: [0, 0], want: true },
    { input: [''], want: false }, { input: [[]], want: false }, { input: [[0]], want: true }, { input: ht([]), want: true },
    { input: new PSObject(), want: true }, { input: true, want: true }, { input: false, want: false }, { input: new PSChar('a'), want: true }, { input: new PSChar('\0'), want: true },
  ];
  it.each(table)('$input', ({ input, want }) => expect(toBool(input)).toBe(want));
});

describe('toStr', () => {
  const table: { input: unknown; want: string }[] = [
    { input: null, want: '' }, { input: 'x', want: 'x' }, { input: 42, want: '42' }, { input: -7, want: '-7' },
    { input: 0.1, want: '0.1' }, { input: 0.1 + 0.2, want: '0.3' }, { input: 1e20, want: '1E+20' }, { input: 1e15, want: '1E+15' },
    { input: 1e14, want: '100000000000000' }, { input: Math.PI, want: '3.14159265358979' }, { input: 1 / 3, want: '0.333333333333333' },
    { input: 2.5, want: '2.5' }, { input: -1.5e-7, want: '-1.5E-07' }, { input: 0.0001, want: '0.0001' }, { input: 0.00001, want: '1E-05' },
    { input: 2147483648, want: '2147483648' }, { input: 123456789012, want: '123456789012' }, { input: 9007199254740993n, want: '9007199254740993' },
    { input: Infinity, want: 'Infinity' }, { input: NaN, want: 'NaN' }, { input: true, want: 'True' }, { input: false, want: 'False' },
    { input: [1, 2, 3], want: '1 2 3' }, { input: [1, [2, 3]], want: '1 2 3' }, { input: [], want: '' }, { input: [null, 'a'], want: ' a' },
    { input: ht([['a', 1]]), want: 'System.Collections.Hashtable' }, { input: ht([], true), want: 'System.Collections.Specialized.OrderedDictionary' },
    { input: PSObject.fromEntries([['a', 1], ['b', 'x']]), want: '@{a=1; b=x}' },
    { input: PSObject.fromEntries([['a', [1, 2]]]), want: '@{a=System.Object[]}' }, { input: PSObject.fromEntries([]), want: '' },
    { input: new PSObject(undefined, 'wrapped'), want: 'wrapped' }, { input: new PSChar('z'), want: 'z' },
    { input: typeObject('int'), want: 'int' }, { input: typeObject('System.IO.Path'), want: 'System.IO.Path' },
    { input: typeObject('string[]'), want: 'string[]' }, { input: typeObject('object'), want: 'System.Object' }, { input: typeObject('math'), want: 'System.Math' },
    { input: typeObject('List[int]'), want: 'System.Collections.Generic.List[int]' },
    { input: new PSTimeSpan(3_723_000), want: '01:02:03' }, { input: PSDateTime.fromParts(2026, 11, 25, 5, 30, 0), want: '11/25/2026 05:30:00' },
  ];
  it.each(table)('$want', ({ input, want }) => expect(toStr(input)).toBe(want));
});

describe('toNumber', () => {
  const table: { input: unknown; want: number | bigint }[] = [
    { input: null, want: 0 }, { input: '', want: 0 }, { input: '  ', want: 0 }, { input: ' 12 ', want: 12 }, { input: '0x10', want: 16 },
    { input: '0xFFFFFFFF', want: -1 }, { input: '-0x10', want: -16 }, { input: '1e3', want: 1000 }, { input: '1.5', want: 1.5 }, { input: '.5', want: 0.5 },
    { input: '-3', want: -3 }, { input: '+3', want: 3 }, { input: '2147483648', want: 2147483648n }, { input: '99999999999999999999', want: 1e20 },
    { input: true, want: 1 }, { input: false, want: 0 }, { input: new PSChar('A'), want: 65 }, { input: 7n, want: 7n }, { input: [5], want: 5 },
    { input: '1kb', want: 1024 }, { input: '1.5KB', want: 1536 }, { input: '2gb', want: 2147483648n }, { input: '0x10mb', want: 16777216 },
  ];
  it.each(table)('$input', ({ input, want }) => expect(toNumber(input)).toEqual(want));

  it('rejects non-numbers with PowerShell\'s message', () => {
    for (const input of ['abc', 'kb', '12abc', '0x', '1 kb']) {
      expect(() => toNumber(input)).toThrowError(`Cannot convert value "${input}" to type "System.Int32". Error: "The input string '${input}' was not in a correct format."`);
    }
  });
});

interface ConvertCase {
  readonly value: unknown;
  readonly type: string;
  readonly want?: unknown;
  readonly wantType?: string;
  readonly error?: string;
  readonly message?: string;
}

const ordered = ht([['b', 1], ['a', 2]], true);

const convertCases: ConvertCase[] = [
  { value: 2.5, type: 'int', want: 2 }, { value: 3.5, type: 'int', want: 4 }, { value: -2.5, type: 'int', want: -2 }, { value: 2.6, type: 'int', want: 3 },
  { value: '2.5', type: 'int', want: 2 }, { value: ' 42 ', type: 'int', want: 42 }, { value: '0x1F', type: 'int', want: 31 }, { value: '', type: 'int', want: 0 },
  { value: null, type: 'int', want: 0 }, { value: true, type: 'int', want: 1 }, { value: new PSChar('A'), type: 'int', want: 65 }, { value: '1e2', type: 'int', want: 100 },
  { value: 'abc', type: 'int', error: 'InvalidCastFromStringToInteger', message: 'Cannot convert value "abc" to type "System.Int32". Error: "The input string \'abc\' was not in a correct format."' },
  { value: 3e9, type: 'int', error: 'InvalidCastIConvertible', message: 'Cannot convert value "3000000000" to type "System.Int32". Error: "Value was either too large or too small for an Int32."' },
  { value: 3e9, type: 'long', want: 3000000000n, wantType: 'System.Int64' }, { value: '12', type: 'long', want: 12n }, { value: 5, type: 'System.Int64', want: 5n },
  { value: 255, type: 'byte', want: 255 }, { value: 256, type: 'byte', error: 'InvalidCastIConvertible', message: 'Cannot convert value "256" to type "System.Byte". Error: "Value was either too large or too small for an unsigned byte."' },
  { value: -1, type: 'uint32', error: 'InvalidCastIConvertible' }, { value: new PSObject(), type: 'int', error: 'ConvertToFinalInvalidCastException' },
  { value: '1.5', type: 'double', want: 1.5 }, { value: '1e3', type: 'double', want: 1000 }, { value: null, type: 'double', want: 0 }, { value: 5n, type: 'double', want: 5 },
  { value: 'x', type: 'double', error: 'InvalidCastFromStringToDoubleOrSingle', message: 'Cannot convert value "x" to type "System.Double". Error: "The input string \'x\' was not in a correct format."' },
  { value: 'x', type: 'decimal', error: 'InvalidCastFromStringToDecimal' },
  { value: 1, type: 'string', want: '1' }, { value: null, type: 'string', want: '' }, { value: [1, 2], type: 'string', want: '1 2' }, { value: 1.5, type: 'string', want: '1.5' },
  { value: '', type: 'bool', want: false }, { value: '0', type: 'bool', want: true }, { value: 0, type: 'bool', want: false }, { value: [], type: 'bool', want: false },
  { value: [0], type: 'bool', want: false }, { value: 'false', type: 'boolean', want: true }, { value: 1, type: 'switch', want: true },
  { value: 65, type: 'char', want: new PSChar('A') }, { value: 'x', type: 'char', want: new PSChar('x') },
  { value: 'xy', type: 'char', error: 'InvalidCastParseTargetInvocation', message: 'Cannot convert value "xy" to type "System.Char". Error: "String must be exactly one character long."' },
  { value: 'abc', type: 'char[]', want: [new PSChar('a'), new PSChar('b'), new PSChar('c')] },
  { value: 1, type: 'string[]', want: ['1'] }, { value: [1, 2], type: 'string[]', want: ['1', '2'] }, { value: null, type: 'string[]', want: null },
  { value: ['1', '2'], type: 'int[]', want: [1, 2] }, { value: '5', type: 'int[]', want: [5] }, { value: ['1', 'x'], type: 'int[]', error: 'InvalidCastFromStringToInteger' },
  { value: 1, type: 'object[]', want: [1] }, { value: 1, type: 'array', want: [1] }, { value: [1], type: 'array', want: [1] }, { value: null, type: 'array', want: null },
  { value: 5, type: 'object', want: 5 }, { value: 5, type: 'psobject', want: 5 }, { value: 5, type: 'void', want: null },
  { value: ht([['a', 1]]), type: 'hashtable', want: ht([['a', 1]]) },
  { value: PSObject.fromEntries([['a', 1]]), type: 'hashtable', error: 'ConvertToFinalInvalidCastException' },
  { value: 'x', type: 'hashtable', error: 'ConvertToFinalInvalidCastException', message: 'Cannot convert the "x" value of type "System.String" to type "System.Collections.Hashtable".' },
  { value: ordered, type: 'ordered', want: ordered },
  { value: ordered, type: 'pscustomobject', want: PSObject.fromEntries([['b', 1], ['a', 2]]) },
  { value: '01:02:03', type: 'timespan', want: new PSTimeSpan(3_723_000) }, { value: '1.02:00:00', type: 'timespan', want: new PSTimeSpan(93_600_000) },
  { value: '-00:00:01.5', type: 'timespan', want: new PSTimeSpan(-1500) }, { value: '3', type: 'timespan', want: new PSTimeSpan(3 * 86_400_000) },
  { value: 'soon', type: 'timespan', error: 'InvalidCastParseTargetInvocation' },
  { value: '2024-01-02', type: 'datetime', want: PSDateTime.fromParts(2024, 1, 2) },
  { value: '2024-01-02T03:04:05', type: 'datetime', want: PSDateTime.fromParts(2024, 1, 2, 3, 4, 5) },
  { value: '1/2/2024', type: 'datetime', want: PSDateTime.fromParts(2024, 1, 2) },
  { value: '12/31/2024 11:30 PM', type: 'datetime', want: PSDateTime.fromParts(2024, 12, 31, 23, 30) },
  { value: '2024-02-30', type: 'datetime', error: 'InvalidCastParseTargetInvocation', message: 'Cannot convert value "2024-02-30" to type "System.DateTime". Error: "String \'2024-02-30\' was not recognized as a valid DateTime."' },
  { value: '{6F9619FF-8B86-D011-B42D-00C04FC964FF}', type: 'guid', want: new PSGuid('6f9619ff-8b86-d011-b42d-00c04fc964ff') },
  { value: 'nope', type: 'guid', error: 'InvalidCastParseTargetInvocation' },
  { value: 'a+', type: 'regex', want: new PSRegex('a+') },
  { value: 'int', type: 'type', want: typeObject('System.Int32') },
  { value: 5, type: 'NoSuchType', error: 'TypeNotFound', message: 'Unable to find type [NoSuchType].' },
  { value: null, type: 'NoSuchType', want: null },
  { value: ['1', '2'], type: 'int[]', want: [1, 2], wantType: 'System.Int32[]' },
  { value: [1, 2], type: 'System.Collections.ArrayList', want: [1, 2], wantType: 'System.Collections.ArrayList' },
  { value: 1, type: 'System.Collections.Generic.List[string]', want: ['1'], wantType: 'System.Collections.Generic.List`1[[System.String]]' },
  { value: [1], type: 'List[int]', want: [1], wantType: 'System.Collections.Generic.List`1[[System.Int32]]' },
  { value: [1, 2], type: 'object[]', want: [1, 2], wantType: 'System.Object[]' },
];

describe('convertTo', () => {
  it.each(convertCases.map((c) => [`[${c.type}]${String(c.value)}`, c] as const))('%s', (_, c) => {
    if (c.error !== undefined) {
      let thrown: unknown;
      try {
        convertTo(c.value, c.type);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(RuntimeError);
      expect((thrown as RuntimeError).errorRecord.FullyQualifiedErrorId).toBe(c.error);
      if (c.message !== undefined) expect((thrown as RuntimeError).message).toBe(c.message);
      return;
    }
    const got = convertTo(c.value, c.type);
    expect(got).toEqual(c.want);
    if (c.wantType !== undefined) expect(typeNamesOf(got)[0]).toBe(c.wantType);
  });

  it('[pscustomobject] keeps key order and makes note properties', () => {
    const o = convertTo(ht([['z', 1], ['a', 2]], true), 'pscustomobject') as PSObject;
    expect([...o.properties.values()].map((p) => [p.name, p.kind, p.value])).toEqual([['z', 'NoteProperty', 1], ['a', 'NoteProperty', 2]]);
    expect(typeNamesOf(o)[0]).toBe('System.Management.Automation.PSCustomObject');
  });
});

describe('conversion properties', () => {
  it('ints survive a trip through their string', () => {
    fc.assert(fc.property(fc.integer({ min: -2147483648, max: 2147483647 }), (n) => convertTo(toStr(n), 'int') === n));
  });
  it('longs survive a trip through their string', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (n) => convertTo(toStr(n), 'long') === n));
  });
  it('doubles read back within 15 significant digits', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), (d) => {
      const back = Number(toNumber(toStr(d)));
      return d === 0 ? back === 0 : Math.abs(back - d) <= Math.abs(d) * 1e-14;
    }));
  });
  it('[int] of a double rounds half to even', () => {
    fc.assert(fc.property(fc.integer({ min: -100000, max: 100000 }), (n) => {
      const half = convertTo(n + 0.5, 'int') as number;
      return half % 2 === 0 && Math.abs(half - (n + 0.5)) === 0.5;
    }));
  });
  it('[bool] of a string is whether it is empty', () => {
    fc.assert(fc.property(fc.string(), (s) => convertTo(s, 'bool') === (s.length > 0)));
  });
});
