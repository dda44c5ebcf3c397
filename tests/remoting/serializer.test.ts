import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deserialize, serialize } from '../../src/remoting/serializer.js';
import { PSDateTime, PSTimeSpan } from '../../src/runtime/datetime.js';
import { ErrorRecord } from '../../src/runtime/error-record.js';
import { PSChar } from '../../src/runtime/values/char.js';
import { PSGuid } from '../../src/runtime/values/guid.js';
import { DotNetObject, PSHashtable, PSObject } from '../../src/runtime/values.js';

/** A job-like .NET object with a nested object property. */
class FakeJob extends DotNetObject {
  readonly Id = 1;
  readonly Name = 'Job1';
  readonly State = 'Running';
  readonly ChildJobs = [new Inner()];
  readonly JobStateInfo = new Inner();
  get psTypeNames(): readonly string[] {
    return ['System.Management.Automation.PSRemotingJob', 'System.Management.Automation.Job', 'System.Object'];
  }
  psPropertyNames(): readonly string[] {
    return ['Id', 'Name', 'State', 'ChildJobs', 'JobStateInfo'];
  }
  toString(): string {
    return 'System.Management.Automation.PSRemotingJob';
  }
}

class Inner extends DotNetObject {
  readonly State = 'Running';
  get psTypeNames(): readonly string[] {
    return ['System.Management.Automation.JobStateInfo', 'System.Object'];
  }
  psPropertyNames(): readonly string[] {
    return ['State'];
  }
  toString(): string {
    return 'Running';
  }
}

function roundTrip(value: unknown, depth?: number): unknown {
  // Through JSON, as every transport carries it.
  return deserialize(JSON.parse(JSON.stringify(serialize(value, depth))));
}

describe('serializer: values that round-trip exactly', () => {
  const cases: { name: string; input: unknown }[] = [
    { name: 'null', input: null },
    { name: 'Int32', input: 42 },
    { name: 'negative Int32', input: -2147483648 },
    { name: 'Double', input: 1.5 },
    { name: 'Double beyond Int32', input: 3e10 },
    { name: 'NaN', input: NaN },
    { name: 'Infinity', input: Infinity },
    { name: '-Infinity', input: -Infinity },
    { name: '-0', input: -0 },
    { name: 'Int64', input: 9007199254740993n },
    { name: 'string', input: 'héllo "world"\n' },
    { name: 'bool', input: false },
    { name: 'array', input: [1, 'a', [2, [3]], null] },
    { name: 'DateTime', input: PSDateTime.fromParts(2026, 11, 25, 5, 30, 0, 0, 'Local') },
    { name: 'TimeSpan', input: PSTimeSpan.fromParts(1, 2, 3, 4, 5) },
    { name: 'Guid', input: new PSGuid('0f8fad5b-d9cb-469f-a165-70867728950e') },
    { name: 'char', input: new PSChar('x') },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(roundTrip(c.input)).toEqual(c.input);
    });
  }

  it('hashtables keep order, case-insensitive keys and orderedness', () => {
    const h = new PSHashtable(true);
    h.set('Name', 'a');
    h.set(1, [1, 2]);
    const back = roundTrip(h) as PSHashtable;
    expect(back).toBeInstanceOf(PSHashtable);
    expect(back.ordered).toBe(true);
    expect(back.get('NAME')).toBe('a');
    expect(back.get(1)).toEqual([1, 2]);
    expect(back.keys()).toEqual(['Name', 1]);
  });
});

describe('serializer: objects become Deserialized property bags', () => {
  it('a .NET object keeps its properties to depth 1; deeper objects become their ToString()', () => {
    const back = roundTrip(new FakeJob()) as PSObject;
    expect(back.typeNames).toEqual([
      'Deserialized.System.Management.Automation.PSRemotingJob', 'Deserialized.System.Management.Automation.Job', 'Deserialized.System.Object',
    ]);
    expect([...back.properties.values()].map((p) => [p.name, p.value])).toEqual([
      ['Id', 1], ['Name', 'Job1'], ['State', 'Running'], ['ChildJobs', ['Running']], ['JobStateInfo', 'Running'],
    ]);
  });

  it('a larger depth keeps nested objects as property bags', () => {
    const back = roundTrip(new FakeJob(), 2) as PSObject;
    const info = back.getProperty('JobStateInfo')?.value as PSObject;
    expect(info.typeNames[0]).toBe('Deserialized.System.Management.Automation.JobStateInfo');
    expect(info.getProperty('State')?.value).toBe('Running');
  });

  it('PSCustomObject type names are prefixed once, also on a second trip', () => {
    const o = PSObject.fromEntries([['A', 1]]);
    const twice = roundTrip(roundTrip(o)) as PSObject;
    expect(twice.typeNames).toEqual(['Deserialized.System.Management.Automation.PSCustomObject', 'Deserialized.System.Object']);
  });

  it('ErrorRecords come back as ErrorRecords', () => {
    const e = ErrorRecord.fromMessage('Cannot find path', 'PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand', 'ObjectNotFound', '/x', 'System.Management.Automation.ItemNotFoundException');
    e.originComputer = 'Server01';
    const back = roundTrip(e) as ErrorRecord;
    expect(back).toBeInstanceOf(ErrorRecord);
    expect([back.message, back.FullyQualifiedErrorId, back.category, back.TargetObject, back.Exception.typeName, back.originComputer]).toEqual([
      'Cannot find path', 'PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand', 'ObjectNotFound', '/x', 'System.Management.Automation.ItemNotFoundException', 'Server01',
    ]);
  });

  it('an error from throw stays marked as thrown, so the console still names it Exception', () => {
    const thrown = ErrorRecord.fromMessage('x', 'x', 'OperationStopped', 'x', 'System.Management.Automation.RuntimeException');
    thrown.Exception.WasThrownFromThrowStatement = true;
    const plain = ErrorRecord.fromMessage('y', 'y', 'OperationStopped');
    expect([thrown, plain].map((e) => (roundTrip(e) as ErrorRecord).Exception.WasThrownFromThrowStatement)).toEqual([true, false]);
  });

  it('cycles are cut instead of recursing forever', () => {
    const h = new PSHashtable();
    h.set('self', h);
    const back = roundTrip(h) as PSHashtable;
    expect(back.get('self')).toBe('System.Collections.Hashtable');
  });
});

describe('serializer: properties', () => {
  const int32 = fc.integer({ min: -2147483648, max: 2147483647 });
  const primitive = fc.oneof(
    fc.constant(null), int32, fc.double({ noNaN: false }), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.string(), fc.boolean(),
  );
  const key = fc.string({ minLength: 1, maxLength: 8 });
  // Keys unique case-insensitively, as a hashtable holds them.
  const uniqueKeys = fc.uniqueArray(key, { selector: (k) => k.toLowerCase(), maxLength: 5 });

  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, primitive, fc.array(tie('value'), { maxLength: 4 }), tie('hashtable'), tie('object')),
    hashtable: fc.tuple(uniqueKeys, fc.array(tie('value'), { minLength: 5, maxLength: 5 })).map(([keys, vals]) => {
      const h = new PSHashtable();
      keys.forEach((k, i) => h.set(k, vals[i]));
      return h;
    }),
    object: fc.tuple(uniqueKeys, fc.array(tie('value'), { minLength: 5, maxLength: 5 })).map(([keys, vals]) =>
      PSObject.fromEntries(keys.map((k, i) => [k, vals[i]] as const))),
  }));

  /** What a value should look like after a trip at `depth`: objects deeper than depth are strings. */
  function expected(v: unknown, depth: number): unknown {
    if (Array.isArray(v)) return v.map((x) => expected(x, depth));
    if (v instanceof PSHashtable) {
      const h = new PSHashtable(v.ordered);
      for (const [k, x] of v) h.set(k, expected(x, depth));
      return h;
    }
    if (v instanceof PSObject) {
      if (depth <= 0) return 'string';
      const o = new PSObject(v.typeNames.map((n) => 'Deserialized.' + n), v.properties.size === 0 ? 'string' : null);
      for (const p of v.properties.values()) o.setNote(p.name, expected(p.value, depth - 1));
      return o;
    }
    return v;
  }

  /** Replaces every string where an object was cut, since ToString text is not the point here. */
  function shape(v: unknown, like: unknown): unknown {
    if (like === 'string' && typeof v === 'string') return 'string';
    if (Array.isArray(v) && Array.isArray(like)) return v.map((x, i) => shape(x, like[i]));
    if (v instanceof PSHashtable && like instanceof PSHashtable) {
      const h = new PSHashtable(v.ordered);
      for (const [k, x] of v) h.set(k, shape(x, like.get(k)));
      return h;
    }
    if (v instanceof PSObject && like instanceof PSObject) {
      const o = new PSObject(v.typeNames, shape(v.baseObject, like.baseObject));
      for (const p of v.properties.values()) o.setNote(p.name, shape(p.value, like.getProperty(p.name)?.value));
      return o;
    }
    return v;
  }

  it('primitives, hashtables and nested objects survive to the depth, and are cut below it', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 3 }), (v, depth) => {
        const want = expected(v, depth);
        expect(shape(roundTrip(v, depth), want)).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('serialized values are plain JSON', () => {
    fc.assert(fc.property(value, (v) => {
      const s = serialize(v, 3);
      expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    }), { numRuns: 200 });
  });
});
