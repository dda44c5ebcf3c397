import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EventLog, EventLogEntry, EventLogStore, clearEventLogCommand, getEventLogCommand, limitEventLogCommand, newEventLogCommand,
  removeEventLogCommand, writeEventLogCommand, writeRunspaceClosed, writeRunspaceOpened, type EngineContext,
} from '../../src/commands/eventlog.js';
import type { CmdletDefinition } from '../../src/runtime/cmdlet.js';
import { PSDateTime } from '../../src/runtime/datetime.js';
import type { Host } from '../../src/runtime/host.js';
import { runCmdlet, tempHost } from './cmdlet-harness.js';

const ENGINE: EngineContext = {
  runspaceId: '11111111-2222-3333-4444-555555555555', hostName: 'ConsoleHost', hostVersion: '7.4.0',
  hostId: '66666666-7777-8888-9999-000000000000', hostApplication: 'psh', engineVersion: '7.4.0',
};

let env: ReturnType<typeof tempHost>;
let host: Host;
beforeEach(() => {
  env = tempHost();
  host = env.host;
});
afterEach(() => env.dispose());

function run(def: CmdletDefinition, params: Record<string, unknown>) {
  return runCmdlet(host, def, params);
}

function entries(params: Record<string, unknown>): EventLogEntry[] {
  return run(getEventLogCommand, params).output as EventLogEntry[];
}

describe('engine events in the "Windows PowerShell" log', () => {
  it('writes 600 for each provider, then 400, then 403 at close, newest first', () => {
    writeRunspaceOpened(host, ENGINE);
    writeRunspaceClosed(host, ENGINE);
    const got = entries({ LogName: 'windows powershell' });
    expect(got.map((e) => [e.Index, e.EventID, e.Source, e.EntryType])).toEqual([
      [7, 403, 'PowerShell', 'Information'],
      [6, 400, 'PowerShell', 'Information'],
      [5, 600, 'PowerShell', 'Information'],
      [4, 600, 'PowerShell', 'Information'],
      [3, 600, 'PowerShell', 'Information'],
      [2, 600, 'PowerShell', 'Information'],
      [1, 600, 'PowerShell', 'Information'],
    ]);
    expect(got[6].Message.split('\n')[0]).toBe('Provider "Alias" is Started. ');
    expect(got[1].Category).toBe('Engine Lifecycle');
    expect(got[1].InstanceId).toBe(400n);
    expect(got[1].ReplacementStrings.slice(0, 2)).toEqual(['Available', 'None']);
    expect(got[1].psTypeNames[0]).toBe('System.Diagnostics.EventLogEntry');
    expect(got[1].TimeGenerated).toBeInstanceOf(PSDateTime);
  });

  it('words the 400 details block as Windows PowerShell does', () => {
    writeRunspaceOpened(host, ENGINE);
    const [engine] = entries({ LogName: 'Windows PowerShell', InstanceId: [400n] });
    const lines = engine.Message.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'Engine state is changed from None to Available. ', '', 'Details: ', '\tNewEngineState=Available', '\tPreviousEngineState=None',
    ]);
    expect(lines.slice(6).filter((l) => l !== '').map((l) => l.split('=')[0])).toEqual([
      '\tSequenceNumber', '\tHostName', '\tHostVersion', '\tHostId', '\tHostApplication', '\tEngineVersion', '\tRunspaceId',
      '\tPipelineId', '\tCommandName', '\tCommandType', '\tScriptName', '\tCommandPath', '\tCommandLine',
    ]);
    expect(engine.Message).toContain(`\tRunspaceId=${ENGINE.runspaceId}\n`);
  });
});

describe('Get-EventLog filters', () => {
  beforeEach(() => {
    run(newEventLogCommand, { LogName: 'App1', Source: ['src1', 'other'] });
    const writes: [string, number, string, string][] = [
      ['src1', 1, 'Information', 'first message'],
      ['src1', 2, 'Warning', 'disk almost full'],
      ['other', 3, 'Error', 'disk failed'],
      ['src1', 2, 'Information', 'last one'],
    ];
    for (const [Source, EventId, EntryType, Message] of writes) run(writeEventLogCommand, { LogName: 'App1', Source, EventId, EntryType, Message });
  });

  const cases: { name: string; params: Record<string, unknown>; want: number[] }[] = [
    { name: 'all, newest first', params: {}, want: [4, 3, 2, 1] },
    { name: '-Newest', params: { Newest: 2 }, want: [4, 3] },
    { name: '-EntryType', params: { EntryType: ['Warning', 'error'] }, want: [3, 2] },
    { name: '-Source wildcard', params: { Source: ['oth*'] }, want: [3] },
    { name: '-Message wildcard', params: { Message: '*disk*' }, want: [3, 2] },
    { name: '-InstanceId', params: { InstanceId: [2n] }, want: [4, 2] },
    { name: '-Index', params: { Index: [1, 3] }, want: [3, 1] },
    { name: '-Newest after filtering', params: { EntryType: ['Information'], Newest: 1 }, want: [4] },
    { name: '-After the past', params: { After: PSDateTime.fromUtcMs(Date.now() - 60_000) }, want: [4, 3, 2, 1] },
    { name: '-Before the past', params: { Before: PSDateTime.fromUtcMs(Date.now() - 60_000) }, want: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = run(getEventLogCommand, { LogName: 'App1', ...c.params });
      expect((r.output as EventLogEntry[]).map((e) => e.Index)).toEqual(c.want);
      expect(r.errors.map((e) => e.FullyQualifiedErrorId)).toEqual(c.want.length === 0 ? ['GetEventLogNoEntriesFound,Microsoft.PowerShell.Commands.GetEventLogCommand'] : []);
    });
  }

  it('keeps what Write-EventLog was given', () => {
    const [e] = entries({ LogName: 'App1', Index: [3] });
    expect([e.Source, e.EventID, e.EntryType, e.Message, e.Category, e.CategoryNumber, e.MachineName]).toEqual(['other', 3, 'Error', 'disk failed', '(1)', 1, 'testhost']);
  });
});

describe('event log cmdlet errors', () => {
  const cases: { name: string; def: CmdletDefinition; params: Record<string, unknown>; message: string; id: string }[] = [
    {
      name: 'Get-EventLog on a missing log', def: getEventLogCommand, params: { LogName: 'x' },
      message: "The event log 'x' on computer '.' does not exist.", id: 'System.InvalidOperationException,Microsoft.PowerShell.Commands.GetEventLogCommand',
    },
    {
      name: 'Write-EventLog with an unknown source', def: writeEventLogCommand, params: { LogName: 'Application', Source: 'nope', EventId: 1, Message: 'm' },
      message: 'The source name "nope" does not exist on computer "localhost".', id: 'Microsoft.PowerShell.Commands.WriteEventLogCommand',
    },
    {
      name: 'New-EventLog with a taken source', def: newEventLogCommand, params: { LogName: 'Mine', Source: ['PowerShell'] },
      message: 'The "PowerShell" source is already registered on the "localhost" computer.', id: 'Microsoft.PowerShell.Commands.NewEventLogCommand',
    },
    {
      name: 'Clear-EventLog on a missing log', def: clearEventLogCommand, params: { LogName: ['nolog'] },
      message: "The event log 'nolog' on computer '.' does not exist.", id: 'System.InvalidOperationException,Microsoft.PowerShell.Commands.ClearEventLogCommand',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = run(c.def, c.params);
      expect(r.errors.map((e) => [e.message, e.FullyQualifiedErrorId])).toEqual([[c.message, c.id]]);
    });
  }
});

describe('log management', () => {
  it('Clear-EventLog empties a log and numbering goes on', () => {
    run(newEventLogCommand, { LogName: 'L', Source: ['s'] });
    for (let i = 0; i < 3; i++) run(writeEventLogCommand, { LogName: 'L', Source: 's', EventId: i, Message: `m${i}` });
    run(clearEventLogCommand, { LogName: ['L'] });
    expect(run(getEventLogCommand, { LogName: 'L' }).output).toEqual([]);
    run(writeEventLogCommand, { LogName: 'L', Source: 's', EventId: 9, Message: 'after' });
    expect(entries({ LogName: 'L' }).map((e) => [e.Index, e.Message])).toEqual([[4, 'after']]);
  });

  it('-List shows every log with its limits, Limit-EventLog changes them, Remove-EventLog drops a log', () => {
    run(newEventLogCommand, { LogName: 'Custom', Source: ['c'] });
    run(writeEventLogCommand, { LogName: 'Custom', Source: 'c', EventId: 1, Message: 'x' });
    run(limitEventLogCommand, { LogName: ['Custom'], MaximumSize: 128 * 1024, OverflowAction: 'DoNotOverwrite' });
    const logs = run(getEventLogCommand, { List: true }).output as EventLog[];
    const custom = logs.find((l) => l.Log === 'Custom') as EventLog;
    expect([custom.MaximumKilobytes, custom.OverflowAction, custom.Entries]).toEqual([128n, 'DoNotOverwrite', 1]);
    expect(run(getEventLogCommand, { List: true, AsString: true }).output).toEqual(expect.arrayContaining(['Application', 'Custom', 'System', 'Windows PowerShell']));
    run(removeEventLogCommand, { LogName: ['Custom'] });
    expect(run(getEventLogCommand, { LogName: 'Custom' }).errors[0].message).toBe("The event log 'Custom' on computer '.' does not exist.");
  });

  it('rejects a -MaximumSize that is not a multiple of 64 KB', () => {
    const r = run(limitEventLogCommand, { LogName: ['Application'], MaximumSize: 1000 });
    expect(r.errors[0].FullyQualifiedErrorId).toBe('ValueOutofRange,Microsoft.PowerShell.Commands.LimitEventLogCommand');
  });

  it('System returns entries (the host journal, or the store saying the log service started)', () => {
    expect(entries({ LogName: 'system', Newest: 5 }).length).toBeGreaterThan(0);
  });

  it('two writers appending in turn never share an Index', () => {
    const a = new EventLogStore(host);
    const b = new EventLogStore(host);
    writeRunspaceOpened(host, ENGINE);
    for (let i = 0; i < 20; i++) (i % 2 === 0 ? a : b).append('Windows PowerShell', [{ ...a.read('Windows PowerShell')[0].event, eventId: 1000 + i }]);
    const indexes = a.read('Windows PowerShell').map((e) => e.index);
    expect(indexes).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
  });
});
