// The classic event log cmdlets over psh's per-host store (eventlog/store.ts): Get-EventLog,
// New-EventLog, Write-EventLog, Clear-EventLog, Limit-EventLog, Remove-EventLog. "System"
// reads the host's system log when it has one.

import type { CmdletContext, CmdletDefinition } from '../runtime/cmdlet.js';
import { PSDateTime } from '../runtime/datetime.js';
import { ErrorRecord, type ErrorCategory } from '../runtime/error-record.js';
import { wildcardToRegExp } from '../runtime/wildcard.js';
import { ENTRY_TYPES, EventLog, EventLogEntry, type EntryType, type OverflowAction } from './eventlog/entry.js';
import { EventLogStore, newEvent, type IndexedEvent } from './eventlog/store.js';
import { readSystemLog } from './eventlog/system-log.js';

export { EventLog, EventLogEntry } from './eventlog/entry.js';
export { EventLogStore } from './eventlog/store.js';
export { writeEngineEvent, writeRunspaceOpened, writeRunspaceClosed, type EngineContext, type EngineEvent } from './eventlog/engine-events.js';

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function fail(ctx: CmdletContext, message: string, id: string, category: ErrorCategory, target: unknown = null, exception = 'System.InvalidOperationException'): void {
  const commandClass = `Microsoft.PowerShell.Commands.${ctx.commandName.replace('-', '')}Command`;
  ctx.writeError(ErrorRecord.fromMessage(message, id ? `${id},${commandClass}` : commandClass, category, target, exception));
}

function missingLog(ctx: CmdletContext, log: string): void {
  fail(ctx, `The event log '${log}' on computer '.' does not exist.`, 'System.InvalidOperationException', 'ObjectNotFound', null);
}

function timeOf(value: unknown): number | null {
  return value instanceof PSDateTime ? value.utcMs : null;
}

/** Entries of one log, newest first, after Get-EventLog's filters. */
function selectEntries(ctx: CmdletContext, store: EventLogStore, log: string, params: Record<string, unknown>): EventLogEntry[] {
  const newest = params.Newest === undefined ? null : Number(params.Newest);
  const events: IndexedEvent[] = log.toLowerCase() === 'system' ? readSystemLog(ctx.host, store, null) : store.read(log);
  const types = list(params.EntryType).map((t) => String(t).toLowerCase());
  const sources = list(params.Source).map((s) => wildcardToRegExp(String(s)));
  const users = list(params.UserName).map((s) => wildcardToRegExp(String(s)));
  const message = params.Message === undefined ? null : wildcardToRegExp(String(params.Message));
  const instanceIds = list(params.InstanceId).map((i) => BigInt(i as number | bigint | string));
  const indexes = list(params.Index).map(Number);
  const after = timeOf(params.After);
  const before = timeOf(params.Before);
  const out: EventLogEntry[] = [];
  for (let i = events.length - 1; i >= 0; i--) {
    if (newest !== null && out.length >= newest) break;
    const { index, event } = events[i];
    if (types.length > 0 && !types.includes(event.entryType.toLowerCase())) continue;
    if (sources.length > 0 && !sources.some((re) => re.test(event.source))) continue;
    if (users.length > 0 && !users.some((re) => re.test(event.userName ?? ''))) continue;
    if (message && !message.test(event.message)) continue;
    if (instanceIds.length > 0 && !instanceIds.includes(BigInt(event.instanceId))) continue;
    if (indexes.length > 0 && !indexes.includes(index)) continue;
    if (after !== null && event.time <= after) continue;
    if (before !== null && event.time >= before) continue;
    out.push(new EventLogEntry(index, event));
  }
  return out;
}

export const getEventLogCommand: CmdletDefinition = {
  name: 'Get-EventLog',
  defaultParameterSet: 'LogName',
  parameters: [
    { name: 'LogName', aliases: ['LN'], type: 'string', position: 0, mandatory: true, parameterSets: ['LogName'] },
    { name: 'InstanceId', type: 'long[]', position: 1, parameterSets: ['LogName'] },
    { name: 'ComputerName', aliases: ['Cn'], type: 'string[]' },
    { name: 'Newest', type: 'int', parameterSets: ['LogName'] },
    { name: 'After', aliases: ['GT'], type: 'datetime', parameterSets: ['LogName'] },
    { name: 'Before', aliases: ['LT'], type: 'datetime', parameterSets: ['LogName'] },
    { name: 'UserName', aliases: ['User'], type: 'string[]', parameterSets: ['LogName'] },
    { name: 'Index', type: 'int[]', parameterSets: ['LogName'] },
    { name: 'EntryType', aliases: ['ET'], type: 'string[]', validateSet: ENTRY_TYPES, parameterSets: ['LogName'] },
    { name: 'Source', aliases: ['ABO'], type: 'string[]', parameterSets: ['LogName'] },
    { name: 'Message', aliases: ['MSG'], type: 'string', parameterSets: ['LogName'] },
    { name: 'AsBaseObject', type: 'switch', parameterSets: ['LogName'] },
    { name: 'List', type: 'switch', mandatory: true, parameterSets: ['List'] },
    { name: 'AsString', type: 'switch', parameterSets: ['List'] },
  ],
  create(ctx) {
    return {
      process(params) {
        const store = new EventLogStore(ctx.host);
        if (params.List) {
          for (const s of store.logs()) {
            if (params.AsString) ctx.writeObject(s.log);
            else {
              const count = s.log === 'System' ? readSystemLog(ctx.host, store, null).length : store.read(s.log).length;
              ctx.writeObject(new EventLog(s.log, BigInt(s.maximumKilobytes), s.overflowAction, s.retentionDays, count));
            }
          }
          return;
        }
        const requested = String(params.LogName);
        const log = store.canonical(requested);
        if (log === null) {
          missingLog(ctx, requested);
          return;
        }
        const entries = selectEntries(ctx, store, log, params);
        if (entries.length === 0) {
          fail(ctx, 'No matches found', 'GetEventLogNoEntriesFound', 'ObjectNotFound', null, 'System.ArgumentException');
          return;
        }
        for (const e of entries) ctx.writeObject(e);
      },
    };
  },
};

export const newEventLogCommand: CmdletDefinition = {
  name: 'New-EventLog',
  parameters: [
    { name: 'LogName', aliases: ['LN'], type: 'string', position: 0, mandatory: true },
    { name: 'Source', aliases: ['SRC'], type: 'string[]', position: 1, mandatory: true },
    { name: 'ComputerName', aliases: ['CN'], type: 'string[]' },
    { name: 'CategoryResourceFile', aliases: ['CRF'], type: 'string' },
    { name: 'MessageResourceFile', aliases: ['MRF'], type: 'string' },
    { name: 'ParameterResourceFile', aliases: ['PRF'], type: 'string' },
  ],
  create(ctx) {
    return {
      process(params) {
        const store = new EventLogStore(ctx.host);
        const requested = String(params.LogName);
        const log = store.canonical(requested) ?? requested;
        let settings = store.settings(log) ?? { log, sources: [], maximumKilobytes: 512, overflowAction: 'OverwriteOlder' as OverflowAction, retentionDays: 7, indexBase: 0 };
        for (const source of list(params.Source).map(String)) {
          if (store.logOfSource(source) !== null) {
            fail(ctx, `The "${source}" source is already registered on the "localhost" computer.`, '', 'InvalidOperation', null);
            continue;
          }
          settings = { ...settings, sources: [...settings.sources, source] };
        }
        store.saveSettings(settings);
      },
    };
  },
};

export const writeEventLogCommand: CmdletDefinition = {
  name: 'Write-EventLog',
  parameters: [
    { name: 'LogName', aliases: ['LN'], type: 'string', position: 0, mandatory: true },
    { name: 'Source', aliases: ['SRC'], type: 'string', position: 1, mandatory: true },
    { name: 'EntryType', aliases: ['ET'], type: 'string', position: 3, validateSet: ENTRY_TYPES },
    { name: 'Category', type: 'int' },
    { name: 'EventId', aliases: ['ID', 'EID'], type: 'int', position: 2, mandatory: true },
    { name: 'Message', aliases: ['MSG'], type: 'string', position: 4, mandatory: true },
    { name: 'RawData', aliases: ['RD'], type: 'object[]' },
    { name: 'ComputerName', aliases: ['CN'], type: 'string' },
  ],
  create(ctx) {
    return {
      process(params) {
        const store = new EventLogStore(ctx.host);
        const requested = String(params.LogName);
        const log = store.canonical(requested);
        if (log === null) {
          missingLog(ctx, requested);
          return;
        }
        const source = String(params.Source);
        const owner = store.logOfSource(source);
        if (owner === null) {
          fail(ctx, `The source name "${source}" does not exist on computer "localhost".`, '', 'InvalidOperation', null, 'System.Exception');
          return;
        }
        if (owner.toLowerCase() !== log.toLowerCase()) {
          fail(ctx, `The source '${source}' is not registered in log '${log}'. (It is registered in log '${owner}'.) The Source and Log properties must be matched, or you may set Log to the empty string, and it will automatically be matched to the Source property.`, '', 'InvalidOperation', null, 'System.Exception');
          return;
        }
        if (store.isFull(log)) {
          fail(ctx, 'The event log file is full.', '', 'InvalidOperation', null, 'System.ComponentModel.Win32Exception');
          return;
        }
        const typeName = params.EntryType === undefined ? 'Information' : String(params.EntryType);
        const entryType = ENTRY_TYPES.find((t) => t.toLowerCase() === typeName.toLowerCase()) as EntryType;
        const message = String(params.Message);
        store.append(log, [newEvent(ctx.host, {
          entryType, eventId: Number(params.EventId), source, category: params.Category === undefined ? 1 : Number(params.Category),
          message, replacementStrings: [message], data: list(params.RawData).map(Number),
        })]);
      },
    };
  },
};

/** Runs `action` on each named log that exists, reporting the rest as PowerShell does. */
function forEachLog(ctx: CmdletContext, names: unknown, action: (store: EventLogStore, log: string) => void): void {
  const store = new EventLogStore(ctx.host);
  for (const requested of list(names).map(String)) {
    const log = store.canonical(requested);
    if (log === null) missingLog(ctx, requested);
    else action(store, log);
  }
}

export const clearEventLogCommand: CmdletDefinition = {
  name: 'Clear-EventLog',
  parameters: [
    { name: 'LogName', aliases: ['LN'], type: 'string[]', position: 0, mandatory: true },
    { name: 'ComputerName', aliases: ['CN'], type: 'string[]', position: 1 },
  ],
  create(ctx) {
    return { process: (params) => forEachLog(ctx, params.LogName, (store, log) => store.clear(log)) };
  },
};

const OVERFLOW_ACTIONS: readonly OverflowAction[] = ['OverwriteAsNeeded', 'OverwriteOlder', 'DoNotOverwrite'];

export const limitEventLogCommand: CmdletDefinition = {
  name: 'Limit-EventLog',
  parameters: [
    { name: 'LogName', aliases: ['LN'], type: 'string[]', position: 0, mandatory: true },
    { name: 'ComputerName', aliases: ['CN'], type: 'string[]' },
    { name: 'RetentionDays', aliases: ['MRD'], type: 'int' },
    { name: 'OverflowAction', aliases: ['OFA'], type: 'string', validateSet: OVERFLOW_ACTIONS },
    { name: 'MaximumSize', type: 'long' },
  ],
  create(ctx) {
    return {
      process(params) {
        forEachLog(ctx, params.LogName, (store, log) => {
          const current = store.settings(log);
          if (!current) return;
          let settings = { ...current };
          if (params.MaximumSize !== undefined) {
            const bytes = Number(params.MaximumSize);
            if (bytes < 64 * 1024 || bytes > 4 * 1024 * 1024 * 1024 || bytes % (64 * 1024) !== 0) {
              fail(ctx, 'The value of the MaximumSize parameter must be between 64 KB and 4 GB, in 64 KB increments.', 'ValueOutofRange', 'InvalidArgument', bytes, 'System.ArgumentOutOfRangeException');
              return;
            }
            settings = { ...settings, maximumKilobytes: bytes / 1024 };
          }
          if (params.OverflowAction !== undefined) {
            const action = OVERFLOW_ACTIONS.find((a) => a.toLowerCase() === String(params.OverflowAction).toLowerCase()) as OverflowAction;
            settings = { ...settings, overflowAction: action };
          }
          if (params.RetentionDays !== undefined) {
            const days = Number(params.RetentionDays);
            if (days < 1 || days > 365) {
              fail(ctx, 'The value of the RetentionDays parameter must be between 1 and 365.', 'ValueOutofRange', 'InvalidArgument', days, 'System.ArgumentOutOfRangeException');
              return;
            }
            settings = { ...settings, retentionDays: days, overflowAction: params.OverflowAction === undefined ? 'OverwriteOlder' : settings.overflowAction };
          }
          store.saveSettings(settings);
        });
      },
    };
  },
};

export const removeEventLogCommand: CmdletDefinition = {
  name: 'Remove-EventLog',
  defaultParameterSet: 'Default',
  parameters: [
    { name: 'LogName', aliases: ['LN'], type: 'string[]', position: 0, mandatory: true, parameterSets: ['Default'] },
    { name: 'Source', aliases: ['SRC'], type: 'string[]', mandatory: true, parameterSets: ['Source'] },
    { name: 'ComputerName', aliases: ['CN'], type: 'string[]', position: 1 },
  ],
  create(ctx) {
    return {
      process(params) {
        if (params.Source === undefined) {
          forEachLog(ctx, params.LogName, (store, log) => store.removeLog(log));
          return;
        }
        const store = new EventLogStore(ctx.host);
        for (const source of list(params.Source).map(String)) {
          const log = store.logOfSource(source);
          const settings = log === null ? null : store.settings(log);
          if (!settings) {
            fail(ctx, `The source '${source}' is not registered on machine '.', or you do not have write access to the registry key for this source.`, '', 'InvalidOperation', null);
            continue;
          }
          store.saveSettings({ ...settings, sources: settings.sources.filter((s) => s.toLowerCase() !== source.toLowerCase()) });
        }
      },
    };
  },
};

export const eventLogCommands: readonly CmdletDefinition[] = [
  getEventLogCommand, newEventLogCommand, writeEventLogCommand, clearEventLogCommand, limitEventLogCommand, removeEventLogCommand,
];
