import { describe, expect, it } from 'vitest';
import { getIndex, getMember, getStaticMember, invokeMethod, invokeStaticMethod, setIndex, setMember, setMemberContext } from '../../../src/runtime/members.js';
import { RuntimeError } from '../../../src/runtime/exceptions.js';
import { PSDateTime, PSTimeSpan } from '../../../src/runtime/datetime.js';
import { PSType } from '../../../src/runtime/types.js';
import { PSChar } from '../../../src/runtime/values/char.js';
import { DictionaryEntry } from '../../../src/runtime/values/adapters.js';
import { PSHashtable, PSObject, ScriptBlock } from '../../../src/runtime/values.js';

const ht = (entries: [unknown, unknown][], ordered = false): PSHashtable => {
  const h = new PSHashtable(ordered);
  for (const [k, v] of entries) h.set(k, v);
  return h;
};
const obj = (entries: [string, unknown][]): PSObject => PSObject.fromEntries(entries);

function errorOf(f: () => unknown): { id: string; message: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof RuntimeError) return { id: e.errorRecord.FullyQualifiedErrorId, message: e.message };
    throw e;
  }
  throw new Error('expected an error');
}

describe('getMember', () => {
  const people = [obj([['Name', 'a'], ['Tags', [1, 2]]]), obj([['Name', 'b'], ['Tags', [3]]]), null];
  const table: { target: unknown; name: string; want: unknown }[] = [
    { target: 'abc', name: 'Length', want: 3 },
    { target: 'abc', name: 'count', want: 1 },
    { target: 5, name: 'Count', want: 1 },
    { target: 5, name: 'Length', want: 1 },
    { target: null, name: 'Count', want: 0 },
    { target: null, name: 'Length', want: 0 },
    { target: null, name: 'Name', want: null },
    { target: [1, 2, 3], name: 'Count', want: 3 },
    { target: [1, 2, 3], name: 'length', want: 3 },
    { target: [], name: 'Count', want: 0 },
    { target: people, name: 'Name', want: ['a', 'b'] },
    { target: people, name: 'Tags', want: [1, 2, 3] },
    { target: [people[0]], name: 'Name', want: 'a' },
    { target: ['ab', 'cde'], name: 'Length', want: 2 },
    { target: obj([['Name', 'x']]), name: 'NAME', want: 'x' },
    { target: obj([['Name', 'x']]), name: 'Missing', want: null },
    { target: obj([['Name', 'x']]), name: 'Count', want: 1 },
    { target: ht([['key', 1]]), name: 'key', want: 1 },
    { target: ht([['key', 1]]), name: 'KEY', want: 1 },
    { target: ht([['a', 1], ['b', 2]]), name: 'Count', want: 2 },
    { target: ht([['a', 1], ['b', 2]]), name: 'Keys', want: ['a', 'b'] },
    { target: ht([['a', 1], ['b', 2]]), name: 'Values', want: [1, 2] },
    { target: ht([['count', 9]]), name: 'Count', want: 9 },
    { target: ht([]), name: 'nokey', want: null },
    { target: new PSTimeSpan(90_000), name: 'TotalSeconds', want: 90 },
    { target: PSDateTime.fromParts(2024, 3, 1), name: 'DayOfYear', want: 61 },
    { target: PSDateTime.fromParts(2024, 3, 1), name: 'DayOfWeek', want: 'Friday' },
    { target: new PSObject(undefined, 'wrapped'), name: 'Length', want: 7 },
  ];
  it.each(table)('$name', ({ target, name, want }) => expect(getMember(target, name)).toEqual(want));

  it('exposes .PSObject.Properties', () => {
    const props = getMember(getMember(obj([['a', 1], ['b', 2]]), 'PSObject'), 'Properties') as unknown[];
    expect(props.map((p) => [getMember(p, 'Name'), getMember(p, 'Value'), getMember(p, 'MemberType')])).toEqual([['a', 1, 'NoteProperty'], ['b', 2, 'NoteProperty']]);
  });
});

describe('setMember', () => {
  it('sets note properties and hashtable keys', () => {
    const o = obj([['Name', 'x']]);
    setMember(o, 'name', 'y');
    expect(getMember(o, 'Name')).toBe('y');
    const h = ht([]);
    setMember(h, 'key', 1);
    expect(h.get('KEY')).toBe(1);
  });
  const failing: { target: unknown; name: string; id: string; message: string }[] = [
    { target: obj([]), name: 'x', id: 'PropertyAssignmentException', message: "The property 'x' cannot be found on this object. Verify that the property exists and can be set." },
    { target: 'abc', name: 'Length', id: 'PropertyAssignmentException', message: "The property 'Length' cannot be found on this object. Verify that the property exists and can be set." },
    { target: null, name: 'x', id: 'PropertyAssignmentException', message: "The property 'x' cannot be found on this object. Verify that the property exists and can be set." },
    { target: new PSTimeSpan(1), name: 'Days', id: 'PropertyAssignmentException', message: "'Days' is a ReadOnly property." },
  ];
  it.each(failing)('$name on $target fails', ({ target, name, id, message }) => {
    expect(errorOf(() => setMember(target, name, 1))).toEqual({ id, message });
  });
});

describe('invokeMethod', () => {
  const table: { target: unknown; name: string; args: unknown[]; want: unknown }[] = [
    { target: 'Hello', name: 'ToUpper', args: [], want: 'HELLO' },
    { target: 'Hello', name: 'tolower', args: [], want: 'hello' },
    { target: '  hi  ', name: 'Trim', args: [], want: 'hi' },
    { target: 'xxhixx', name: 'Trim', args: ['x'], want: 'hi' },
    { target: 'xyhiyx', name: 'Trim', args: ['xy'], want: 'hi' },
    { target: '  hi  ', name: 'TrimStart', args: [], want: 'hi  ' },
    { target: '  hi  ', name: 'TrimEnd', args: [], want: '  hi' },
    { target: 'a,b,,c', name: 'Split', args: [','], want: ['a', 'b', '', 'c'] },
    { target: 'a,b;c', name: 'Split', args: [[new PSChar(','), new PSChar(';')]], want: ['a', 'b', 'c'] },
    { target: 'a12b12c', name: 'Split', args: ['12'], want: ['a', 'b', 'c'] },
    { target: 'a,b,,c', name: 'Split', args: [',', 'RemoveEmptyEntries'], want: ['a', 'b', 'c'] },
    { target: 'a b  c', name: 'Split', args: [], want: ['a', 'b', '', 'c'] },
    { target: 'a,b,c', name: 'Split', args: [',', 2], want: ['a', 'b,c'] },
    { target: 'hello', name: 'Replace', args: ['l', 'L'], want: 'heLLo' },
    { target: 'hello', name: 'Replace', args: ['L', 'x'], want: 'hello' },
    { target: 'hello', name: 'Contains', args: ['ell'], want: true },
    { target: 'hello', name: 'Contains', args: ['ELL'], want: false },
    { target: 'hello', name: 'StartsWith', args: ['he'], want: true },
    { target: 'hello', name: 'StartsWith', args: ['HE', 'OrdinalIgnoreCase'], want: true },
    { target: 'hello', name: 'EndsWith', args: ['lo'], want: true },
    { target: 'hello', name: 'IndexOf', args: ['l'], want: 2 },
    { target: 'hello', name: 'IndexOf', args: ['l', 3], want: 3 },
    { target: 'hello', name: 'IndexOf', args: ['z'], want: -1 },
    { target: 'hello', name: 'LastIndexOf', args: ['l'], want: 3 },
    { target: 'hello', name: 'Substring', args: [1], want: 'ello' },
    { target: 'hello', name: 'Substring', args: [1, 3], want: 'ell' },
    { target: '5', name: 'PadLeft', args: [3, '0'], want: '005' },
    { target: 'ab', name: 'PadRight', args: [4], want: 'ab  ' },
    { target: 'abc', name: 'Insert', args: [1, 'X'], want: 'aXbc' },
    { target: 'abcdef', name: 'Remove', args: [2], want: 'ab' },
    { target: 'abcdef', name: 'Remove', args: [2, 2], want: 'abef' },
    { target: 'ab', name: 'ToCharArray', args: [], want: [new PSChar('a'), new PSChar('b')] },
    { target: 'ab', name: 'Equals', args: ['ab'], want: true },
    { target: 'ab', name: 'Equals', args: ['AB'], want: false },
    { target: 'b', name: 'CompareTo', args: ['a'], want: 1 },
    { target: 'ab', name: 'ToString', args: [], want: 'ab' },
    { target: 5, name: 'ToString', args: [], want: '5' },
    { target: 5, name: 'ToString', args: ['D3'], want: '005' },
    { target: 0.1 + 0.2, name: 'ToString', args: [], want: '0.30000000000000004' },
    { target: 1234.5, name: 'ToString', args: ['N1'], want: '1,234.5' },
    { target: 5, name: 'Equals', args: [5], want: true },
    { target: 5, name: 'CompareTo', args: [7], want: -1 },
    { target: [1, 2, 3], name: 'Contains', args: [2], want: true },
    { target: ['a'], name: 'Contains', args: ['A'], want: false },
    { target: [1, 2, 3], name: 'IndexOf', args: [3], want: 2 },
    { target: [1, 2], name: 'ToString', args: [], want: 'System.Object[]' },
    { target: [1, 2], name: 'ForEach', args: ['ToString'], want: ['1', '2'] },
    { target: ['ab', 'c'], name: 'ForEach', args: ['Length'], want: [2, 1] },
    { target: ['1', '2'], name: 'ForEach', args: [new PSType('System.Int32')], want: [1, 2] },
    { target: ht([['a', 1]]), name: 'ContainsKey', args: ['A'], want: true },
    { target: ht([['a', 1]]), name: 'ContainsValue', args: [1], want: true },
    { target: ht([['a', 1]]), name: 'GetEnumerator', args: [], want: [new DictionaryEntry('a', 1)] },
    { target: PSDateTime.fromParts(2024, 1, 31), name: 'AddMonths', args: [1], want: PSDateTime.fromParts(2024, 2, 29) },
    { target: PSDateTime.fromParts(2024, 1, 1), name: 'AddDays', args: [1.5], want: PSDateTime.fromParts(2024, 1, 2, 12) },
    { target: PSDateTime.fromParts(2024, 1, 2, 3, 4, 5), name: 'ToString', args: ['yyyy-MM-dd HH:mm:ss'], want: '2024-01-02 03:04:05' },
    { target: new PSTimeSpan(3_723_000), name: 'ToString', args: ['hh\\:mm'], want: '01:02' },
  ];
  it.each(table)('$target.$name($args)', ({ target, name, args, want }) => expect(invokeMethod(target, name, args)).toEqual(want));

  it('GetType() names .NET types', () => {
    const table: [unknown, string, string][] = [
      [1, 'Int32', 'System.Int32'], [1.5, 'Double', 'System.Double'], [1n, 'Int64', 'System.Int64'], ['s', 'String', 'System.String'],
      [true, 'Boolean', 'System.Boolean'], [[1], 'Object[]', 'System.Object[]'], [ht([]), 'Hashtable', 'System.Collections.Hashtable'],
      [ht([], true), 'OrderedDictionary', 'System.Collections.Specialized.OrderedDictionary'],
      [obj([]), 'PSCustomObject', 'System.Management.Automation.PSCustomObject'], [new PSChar('a'), 'Char', 'System.Char'],
      [PSDateTime.fromParts(2024, 1, 1), 'DateTime', 'System.DateTime'], [new PSTimeSpan(0), 'TimeSpan', 'System.TimeSpan'],
    ];
    for (const [value, name, full] of table) {
      const t = invokeMethod(value, 'GetType', []) as PSType;
      expect([t.Name, t.FullName, invokeMethod(t, 'ToString', [])]).toEqual([name, full, full]);
    }
    expect((invokeMethod(1, 'GetType', []) as PSType).BaseType?.FullName).toBe('System.ValueType');
    expect((invokeMethod([1], 'GetType', []) as PSType).BaseType?.FullName).toBe('System.Array');
  });

  it('hashtable Add/Remove/Clear', () => {
    const h = ht([]);
    invokeMethod(h, 'Add', ['a', 1]);
    expect(errorOf(() => invokeMethod(h, 'Add', ['A', 2]))).toEqual({
      id: 'ArgumentException',
      message: 'Exception calling "Add" with "2" argument(s): "Item has already been added. Key in dictionary: \'a\'  Key being added: \'A\'"',
    });
    invokeMethod(h, 'Remove', ['A']);
    expect(h.count).toBe(0);
  });

  const failing: { target: unknown; name: string; args: unknown[]; id: string; message: string }[] = [
    { target: null, name: 'Foo', args: [], id: 'InvokeMethodOnNull', message: 'You cannot call a method on a null-valued expression.' },
    { target: 'abc', name: 'Foo', args: [], id: 'MethodNotFound', message: "Method invocation failed because [System.String] does not contain a method named 'Foo'." },
    { target: obj([]), name: 'Foo', args: [], id: 'MethodNotFound', message: "Method invocation failed because [System.Management.Automation.PSCustomObject] does not contain a method named 'Foo'." },
    { target: [1], name: 'Add', args: [2], id: 'NotSupportedException', message: 'Exception calling "Add" with "1" argument(s): "Collection was of a fixed size."' },
    { target: 'abc', name: 'Substring', args: [5], id: 'ArgumentOutOfRangeException', message: 'Exception calling "Substring" with "1" argument(s): "startIndex cannot be larger than length of string. (Parameter \'startIndex\')"' },
  ];
  it.each(failing)('$target.$name fails with $id', ({ target, name, args, id, message }) => {
    expect(errorOf(() => invokeMethod(target, name, args))).toEqual({ id, message });
  });

  it('ForEach and Where run script blocks through the member context', () => {
    const block = new ScriptBlock({} as never, null);
    const previous = setMemberContext({
      host: null,
      getEnvironmentVariable: () => null,
      invokeScriptBlock: (_b, item) => [typeof item === 'number' ? item * 10 : item],
    });
    try {
      expect(invokeMethod([1, 2], 'ForEach', [block])).toEqual([10, 20]);
      expect(invokeMethod([0, 1, 2], 'Where', [block])).toEqual([1, 2]);
      expect(invokeMethod([0, 1, 2], 'Where', [block, 'First'])).toEqual([1]);
      expect(invokeMethod(3, 'ForEach', [block])).toEqual([30]);
    } finally {
      setMemberContext(previous);
    }
  });
});

describe('getIndex / setIndex', () => {
  const arr = [10, 20, 30];
  const table: { target: unknown; index: unknown; want: unknown }[] = [
    { target: arr, index: 0, want: 10 }, { target: arr, index: -1, want: 30 }, { target: arr, index: 5, want: null }, { target: arr, index: -4, want: null },
    { target: arr, index: '1', want: 20 }, { target: arr, index: [0, 2], want: [10, 30] }, { target: arr, index: [0, 9], want: [10] },
    { target: arr, index: 1n, want: 20 }, { target: 'abc', index: 0, want: new PSChar('a') }, { target: 'abc', index: -1, want: new PSChar('c') },
    { target: 'abc', index: 3, want: null }, { target: ht([['a', 1]]), index: 'A', want: 1 }, { target: ht([['a', 1]]), index: 'zz', want: null },
    { target: ht([[1, 'one']]), index: 1, want: 'one' }, { target: ht([['a', 1], ['b', 2]]), index: ['a', 'b'], want: [1, 2] },
    { target: 5, index: 0, want: 5 }, { target: 5, index: 1, want: null },
  ];
  it.each(table)('[$index]', ({ target, index, want }) => expect(getIndex(target, index)).toEqual(want));

  it('indexing $null fails', () => {
    expect(errorOf(() => getIndex(null, 0))).toEqual({ id: 'NullArray', message: 'Cannot index into a null array.' });
    expect(errorOf(() => setIndex(null, 0, 1))).toEqual({ id: 'NullArray', message: 'Cannot index into a null array.' });
  });
  it('assigns in range and fails out of range', () => {
    const a = [1, 2, 3];
    setIndex(a, -1, 9);
    expect(a).toEqual([1, 2, 9]);
    expect(errorOf(() => setIndex(a, 3, 0))).toEqual({ id: 'IndexOutOfRange', message: 'Index was outside the bounds of the array.' });
    const h = ht([]);
    setIndex(h, 'k', 1);
    expect(h.get('K')).toBe(1);
    expect(errorOf(() => setIndex('abc', 0, 'x')).id).toBe('CannotIndex');
  });
});

describe('static members', () => {
  const props: { type: string; name: string; want: unknown }[] = [
    { type: 'int', name: 'MaxValue', want: 2147483647 }, { type: 'System.Int32', name: 'minvalue', want: -2147483648 },
    { type: 'long', name: 'MaxValue', want: 9223372036854775807n }, { type: 'math', name: 'PI', want: Math.PI }, { type: '[math]', name: 'E', want: Math.E },
    { type: 'string', name: 'Empty', want: '' }, { type: 'Environment', name: 'NewLine', want: '\n' }, { type: 'byte', name: 'MaxValue', want: 255 },
    { type: 'timespan', name: 'Zero', want: new PSTimeSpan(0) }, { type: 'math', name: 'NoSuch', want: null },
    { type: 'System.IO.Path', name: 'DirectorySeparatorChar', want: new PSChar('/') },
    { type: 'System.StringSplitOptions', name: 'removeemptyentries', want: 'RemoveEmptyEntries' },
    { type: 'StringComparison', name: 'OrdinalIgnoreCase', want: 'OrdinalIgnoreCase' },
  ];
  it.each(props)('[$type]::$name', ({ type, name, want }) => expect(getStaticMember(type, name)).toEqual(want));

  const methods: { type: string; name: string; args: unknown[]; want: unknown }[] = [
    { type: 'math', name: 'Abs', args: [-5], want: 5 }, { type: 'math', name: 'Max', args: [3, 7], want: 7 }, { type: 'math', name: 'Min', args: [3, 7], want: 3 },
    { type: 'math', name: 'Round', args: [2.5], want: 2 }, { type: 'math', name: 'Round', args: [3.5], want: 4 }, { type: 'math', name: 'Round', args: [2.345, 2], want: 2.35 },
    { type: 'math', name: 'Round', args: [2.5, 'AwayFromZero'], want: 3 }, { type: 'math', name: 'Round', args: [1.005, 2], want: 1 }, { type: 'math', name: 'Round', args: [2.355, 2], want: 2.36 },
    { type: 'math', name: 'Floor', args: [-2.5], want: -3 }, { type: 'math', name: 'Ceiling', args: [2.1], want: 3 }, { type: 'math', name: 'Truncate', args: [-2.7], want: -2 },
    { type: 'math', name: 'Pow', args: [2, 10], want: 1024 }, { type: 'math', name: 'Sqrt', args: [16], want: 4 }, { type: 'math', name: 'Abs', args: [-5n], want: 5n },
    { type: 'string', name: 'Join', args: [',', [1, 2, 3]], want: '1,2,3' }, { type: 'string', name: 'IsNullOrEmpty', args: [''], want: true },
    { type: 'string', name: 'IsNullOrEmpty', args: [null], want: true }, { type: 'string', name: 'IsNullOrWhiteSpace', args: ['  '], want: true },
    { type: 'string', name: 'Format', args: ['{0}+{1}', 1, 2], want: '1+2' }, { type: 'string', name: 'Concat', args: ['a', 1], want: 'a1' },
    { type: 'regex', name: 'Escape', args: ['a.b*c'], want: 'a\\.b\\*c' }, { type: 'regex', name: 'Replace', args: ['a1b2', '\\d', '#'], want: 'a#b#' },
    { type: 'regex', name: 'Split', args: ['a1b2c', '\\d'], want: ['a', 'b', 'c'] }, { type: 'regex', name: 'IsMatch', args: ['abc', 'B'], want: false },
    { type: 'System.IO.Path', name: 'Combine', args: ['/a', 'b', 'c.txt'], want: '/a/b/c.txt' }, { type: 'IO.Path', name: 'GetFileName', args: ['/a/b/c.txt'], want: 'c.txt' },
    { type: 'System.IO.Path', name: 'GetExtension', args: ['/a/b/c.txt'], want: '.txt' }, { type: 'System.IO.Path', name: 'GetDirectoryName', args: ['/a/b/c.txt'], want: '/a/b' },
    { type: 'System.IO.Path', name: 'GetFileNameWithoutExtension', args: ['c.tar.gz'], want: 'c.tar' },
    { type: 'timespan', name: 'FromSeconds', args: [90], want: new PSTimeSpan(90_000) }, { type: 'timespan', name: 'FromMinutes', args: [1.5], want: new PSTimeSpan(90_000) },
    { type: 'datetime', name: 'Parse', args: ['2024-01-02'], want: PSDateTime.fromParts(2024, 1, 2) }, { type: 'int', name: 'Parse', args: ['42'], want: 42 },
    { type: 'char', name: 'IsDigit', args: [new PSChar('5')], want: true }, { type: 'Convert', name: 'ToBase64String', args: [[104, 105]], want: 'aGk=' },
    { type: 'System.Text.Encoding', name: 'new', args: [], want: undefined },
  ];
  it.each(methods.filter((m) => m.want !== undefined))('[$type]::$name($args)', ({ type, name, args, want }) => expect(invokeStaticMethod(type, name, args)).toEqual(want));

  it('regex Match gives groups by number and name', () => {
    const m = invokeStaticMethod('regex', 'Match', ['key=value', '(?<k>\\w+)=(\\w+)']);
    expect(getMember(m, 'Success')).toBe(true);
    expect(getMember(getIndex(getMember(m, 'Groups'), 'k'), 'Value')).toBe('key');
    expect(getMember(getIndex(getMember(m, 'Groups'), 2), 'Value')).toBe('value');
    expect(getMember(m, 'Index')).toBe(0);
  });

  it('unknown static methods fail with MethodNotFound', () => {
    expect(errorOf(() => invokeStaticMethod('math', 'Nope', []))).toEqual({ id: 'MethodNotFound', message: "Method invocation failed because [System.Math] does not contain a method named 'Nope'." });
  });

  it('builds objects with ::new()', () => {
    expect(invokeStaticMethod('datetime', 'new', [2024, 5, 6])).toEqual(PSDateTime.fromParts(2024, 5, 6));
    expect(invokeStaticMethod('timespan', 'new', [1, 2, 3])).toEqual(new PSTimeSpan(3_723_000));
    const sb = invokeStaticMethod('System.Text.StringBuilder', 'new', []);
    invokeMethod(sb, 'Append', ['a']);
    invokeMethod(sb, 'AppendLine', ['b']);
    expect(invokeMethod(sb, 'ToString', [])).toBe('ab\n');
    expect(invokeStaticMethod('hashtable', 'new', [])).toBeInstanceOf(PSHashtable);
  });
});

describe('ArrayList, List[T] and typed arrays', () => {
  it('ArrayList grows and names itself', () => {
    const list = invokeStaticMethod('System.Collections.ArrayList', 'new', []) as unknown[];
    expect(invokeMethod(list, 'Add', ['a'])).toBe(0);
    expect(invokeMethod(list, 'Add', [2])).toBe(1);
    invokeMethod(list, 'Insert', [0, 'first']);
    invokeMethod(list, 'Remove', ['a']);
    expect(list).toEqual(['first', 2]);
    expect(getMember(list, 'Count')).toBe(2);
    const t = invokeMethod(list, 'GetType', []) as PSType;
    expect([t.Name, t.FullName]).toEqual(['ArrayList', 'System.Collections.ArrayList']);
    expect(getIndex(list, -1)).toBe(2);
  });

  it('List[int] converts what it is given', () => {
    const list = invokeStaticMethod('System.Collections.Generic.List[int]', 'new', []) as unknown[];
    expect(invokeMethod(list, 'Add', ['5'])).toBeNull();
    invokeMethod(list, 'AddRange', [[3, '1']]);
    invokeMethod(list, 'Sort', []);
    expect(list).toEqual([1, 3, 5]);
    expect(invokeMethod(list, 'Remove', [3])).toBe(true);
    const t = invokeMethod(list, 'GetType', []) as PSType;
    expect([t.Name, t.FullName, t.Namespace]).toEqual(['List`1', 'System.Collections.Generic.List`1[[System.Int32]]', 'System.Collections.Generic']);
    expect(() => invokeMethod(list, 'Add', ['x'])).toThrowError('Cannot convert value "x" to type "System.Int32"');
  });

  it('typed arrays keep their type and stay fixed-size', () => {
    const a = invokeStaticMethod('int[]', 'new', [2]) as unknown[];
    expect(a).toEqual([0, 0]);
    expect((invokeMethod(a, 'GetType', []) as PSType).Name).toBe('Int32[]');
    expect(errorOf(() => invokeMethod(a, 'Add', [1])).id).toBe('NotSupportedException');
  });
});

describe('static members that reach the host', () => {
  it('[IO.File], [Console], [Environment] and [datetime]::Now go through the member context', async () => {
    const { createMemoryHost } = await import('../memory-host.js');
    const host = createMemoryHost({ '/work/a.txt': 'one\ntwo\n' });
    const previous = setMemberContext({
      host,
      invokeScriptBlock: () => [],
      getEnvironmentVariable: (name) => (name === 'PWD' ? '/work' : name === 'GREETING' ? 'hi' : null),
    });
    try {
      expect(invokeStaticMethod('System.IO.File', 'Exists', ['a.txt'])).toBe(true);
      expect(invokeStaticMethod('IO.File', 'ReadAllLines', ['/work/a.txt'])).toEqual(['one', 'two']);
      invokeStaticMethod('System.IO.File', 'WriteAllText', ['b.txt', 'x']);
      expect(host.files.get('/work/b.txt')).toBe('x');
      expect(() => invokeStaticMethod('System.IO.File', 'ReadAllText', ['missing.txt'])).toThrowError(/Exception calling "ReadAllText" with "1" argument\(s\)/);
      invokeStaticMethod('Console', 'WriteLine', ['{0}-{1}', 1, 2]);
      expect(host.output.join('')).toContain('1-2\n');
      expect(invokeStaticMethod('Environment', 'GetEnvironmentVariable', ['GREETING'])).toBe('hi');
      const now = getStaticMember('datetime', 'Now') as PSDateTime;
      expect(Math.abs(now.utcMs - host.now())).toBeLessThan(1000);
    } finally {
      setMemberContext(previous);
    }
  });
});
