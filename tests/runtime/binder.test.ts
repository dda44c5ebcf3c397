// Parameter binding of cmdlets, through scripts: a test-only cmdlet reports the parameter set
// the binder chose and what it bound, so each case states the call and the binding it wants.

import { describe, expect, test } from 'vitest';
import { coreCommands } from '../../src/commands/index.js';
import type { CmdletDefinition } from '../../src/runtime/cmdlet.js';
import { toStr } from '../../src/runtime/convert.js';
import { runScript } from './run-script.js';

/** Test-Bind: sets ByName (default), ById and ByObject; reports `set:name=value,...` per process call. */
const testBind: CmdletDefinition = {
  name: 'Test-Bind',
  aliases: ['tb'],
  defaultParameterSet: 'ByName',
  parameters: [
    { name: 'Name', aliases: ['N'], type: 'string', parameterSets: ['ByName'], position: 0, mandatory: true },
    { name: 'Id', type: 'int', parameterSets: ['ById'], mandatory: true },
    { name: 'InputObject', type: 'object', parameterSets: ['ByObject'], valueFromPipeline: true, mandatory: true },
    { name: 'Path', type: 'string', valueFromPipelineByPropertyName: true, aliases: ['FullName'] },
    { name: 'Force', type: 'switch' },
    { name: 'Mode', type: 'string', validateSet: ['Fast', 'Slow'] },
    { name: 'Count', type: 'int' },
    { name: 'Tags', type: 'string[]' },
  ],
  create: (ctx) => ({
    process(p) {
      const parts = Object.keys(p).sort().map((k) => `${k}=${Array.isArray(p[k]) ? (p[k] as unknown[]).map(toStr).join('+') : toStr(p[k])}`);
      ctx.writeObject(`${ctx.parameterSetName}:${parts.join(',')}`);
    },
  }),
};

/** Test-Pipe: takes pipeline input by property name only. */
const testPipe: CmdletDefinition = {
  name: 'Test-Pipe',
  parameters: [
    { name: 'Name', type: 'string', valueFromPipelineByPropertyName: true, mandatory: true },
    { name: 'Size', type: 'int', valueFromPipelineByPropertyName: true },
  ],
  create: (ctx) => ({
    process(p) {
      ctx.writeObject(`${toStr(p.Name)}/${toStr(p.Size ?? '-')}`);
    },
  }),
};

const commands = [...coreCommands, testBind, testPipe];

interface Case {
  readonly s: string;
  readonly out?: readonly string[];
  readonly err?: readonly string[];
}

describe('cmdlet binding', () => {
  const cases: Case[] = [
    { s: 'Test-Bind x', out: ['ByName:Name=x'] },
    { s: 'Test-Bind -Name x', out: ['ByName:Name=x'] },
    { s: 'Test-Bind -na x', out: ['ByName:Name=x'] },
    { s: 'Test-Bind -N x', out: ['ByName:Name=x'] },
    { s: 'tb x', out: ['ByName:Name=x'] },
    { s: 'TEST-BIND x', out: ['ByName:Name=x'] },
    { s: 'Test-Bind -Id 5', out: ['ById:Id=5'] },
    { s: 'Test-Bind -Id "7"', out: ['ById:Id=7'] },
    { s: 'Test-Bind x -Force', out: ['ByName:Force=True,Name=x'] },
    { s: 'Test-Bind x -Force:$false', out: ['ByName:Force=False,Name=x'] },
    { s: 'Test-Bind x -Mode fast', out: ['ByName:Mode=fast,Name=x'] },
    { s: 'Test-Bind x -Tags a, b', out: ['ByName:Name=x,Tags=a+b'] },
    { s: 'Test-Bind x -Tags a', out: ['ByName:Name=x,Tags=a'] },
    { s: '$p = @{ Name = "s"; Force = $true }; Test-Bind @p', out: ['ByName:Force=True,Name=s'] },
    { s: '5 | Test-Bind', out: ['ByObject:InputObject=5'] },
    { s: '1, 2 | Test-Bind -Force', out: ['ByObject:Force=True,InputObject=1', 'ByObject:Force=True,InputObject=2'] },
    { s: '[pscustomobject]@{ Name = "a"; Size = 3 }, [pscustomobject]@{ Name = "b" } | Test-Pipe', out: ['a/3', 'b/-'] },
    { s: '[pscustomobject]@{ Size = 3 } | Test-Pipe', err: ['The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.'] },
    { s: 'Test-Bind -Name x -Id 1', err: ['Parameter set cannot be resolved using the specified named parameters.'] },
    { s: 'Test-Bind -Zzz 1', err: ["A parameter cannot be found that matches parameter name 'Zzz'."] },
    { s: 'Test-Bind x -C 1', out: ['ByName:Count=1,Name=x'] },
    { s: 'Test-Bind -I 1', err: ["Parameter cannot be processed because the parameter name 'I' is ambiguous. Possible matches include: -Id -InputObject -InformationAction -InformationVariable."] },
    { s: 'Test-Bind x y', err: ["A positional parameter cannot be found that accepts argument 'y'."] },
    { s: 'Test-Bind', err: ['Cannot process command because of one or more missing mandatory parameters: Name.'] },
    { s: 'Test-Bind -Name $null', err: ["Cannot bind argument to parameter 'Name' because it is null."] },
    { s: 'Test-Bind -Id abc', err: ['Cannot bind parameter \'Id\'. Cannot convert value "abc" to type "System.Int32". Error: "The input string \'abc\' was not in a correct format."'] },
    { s: 'Test-Bind x -Mode warp', err: ['Cannot validate argument on parameter \'Mode\'. The argument "warp" does not belong to the set "Fast,Slow" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.'] },
    { s: 'Test-Bind -Name a -Name b', err: ["Cannot bind parameter because parameter 'Name' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\"."] },
    { s: 'Test-Bind -Count', err: ["Missing an argument for parameter 'Count'. Specify a parameter of type 'System.Int32' and try again."] },
    { s: 'Test-Bind x -ErrorAction Stop', out: ['ByName:Name=x'] },
    { s: 'Test-Bind x -ea SilentlyContinue -Verbose', out: ['ByName:Name=x'] },
    { s: 'Test-Bind x -ErrorAction Bogus', err: ['Cannot convert value "Bogus" to type "System.Management.Automation.ActionPreference". Error: "Unable to match the identifier name Bogus to a valid enumerator name. Specify one of the following enumerator names and try again:\nSilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend, Break"'] },
    { s: 'Test-Bind x -OutVariable ov | Out-Null; $ov', out: ['ByName:Name=x'] },
    { s: '[pscustomobject]@{ FullName = "/p" } | Test-Bind -Id 1', out: ['ById:Id=1,Path=/p'] },
  ];
  test.each(cases.map((c) => [c.s, c] as const))('%s', (_n, c) => {
    const r = runScript(c.s, { commands });
    expect(r.result.terminatingError?.message ?? null).toBeNull();
    if (c.out !== undefined) expect(r.out).toEqual(c.out);
    expect(r.errors).toEqual(c.err ?? []);
  });
});

describe('runtime services for cmdlets', () => {
  test('getUsingValues evaluates $using: in the caller scope', () => {
    const probe: CmdletDefinition = {
      name: 'Get-Using',
      parameters: [{ name: 'Block', type: 'scriptblock', position: 0 }],
      create: (ctx) => ({
        end(p) {
          const values = ctx.session.getUsingValues(p.Block as never);
          ctx.writeObject(Object.entries(values).map(([k, v]) => `${k}=${toStr(v)}`).join(';'));
        },
      }),
    };
    expect(runScript('$Name = "n"; $n2 = 2; Get-Using { $using:Name; $using:n2 + 1 }', { commands: [probe] }).out).toEqual(['name=n;n2=2']);
  });

  test('Write-Host goes to the host at once when hostOutputDirect', async () => {
    const { Runspace } = await import('../../src/runtime/runspace.js');
    const { createMemoryHost } = await import('./memory-host.js');
    const host = createMemoryHost();
    const rs = new Runspace({ host, commands: coreCommands, hostOutputDirect: true });
    const records: string[] = [];
    rs.invoke({ script: 'Write-Host "hi"; "out"' }, (r) => records.push(r.stream));
    expect(host.output).toEqual(['hi\n']);
    expect(records).toEqual(['information', 'output']);
  });

  test('functions defined global: survive the script scope', () => {
    expect(runScript('function global:gf { "g" }; & { gf }').out).toEqual(['g']);
  });

  test('advanced function -OutVariable and -ErrorVariable', () => {
    const r = runScript('function f { [CmdletBinding()] param() "o"; Write-Error "e" }; f -OutVariable o -ErrorVariable e 2>$null; $o; $e.Count');
    expect(r.out).toEqual(['o', 'o', '1']);
  });

  test('a stopped pipeline between objects reports stopped', async () => {
    const { Runspace } = await import('../../src/runtime/runspace.js');
    const { createMemoryHost } = await import('./memory-host.js');
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const stopper: CmdletDefinition = {
      name: 'Stop-Here',
      parameters: [{ name: 'InputObject', type: 'object', valueFromPipeline: true }],
      create: (ctx) => ({
        process(p) {
          if (p.InputObject === 2) Atomics.store(flag, 0, 1);
          ctx.writeObject(p.InputObject);
        },
      }),
    };
    const rs = new Runspace({ host: createMemoryHost(), commands: [...coreCommands, stopper], stopFlag: flag });
    const out: unknown[] = [];
    const r = rs.invoke({ script: '1..5 | Stop-Here | ForEach-Object { $_ }' }, (rec) => out.push(rec.value));
    expect(r.stopped).toBe(true);
    expect(out).toEqual([1]);
    expect(Atomics.load(flag, 0)).toBe(0);
  });

  test('native arguments after --% pass verbatim', () => {
    const h = runScript('').host;
    h.programs.set('echoargs', (args) => ({ stdout: args.join('|') + '\n', stderr: '', exitCode: 0 }));
    expect(runScript('echoargs a --% -x $y', { host: h }).out).toEqual(['a|-x|$y']);
  });
});
