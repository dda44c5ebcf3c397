// PowerShell's default views for the types psh produces, as data. Labels, widths, alignments
// and property choices follow PowerShell 7's built-in format definitions (DotNetTypes,
// PowerShellCore, FileSystem, Diagnostics); the Unix file view is the one PowerShell uses on Linux.

import { PSDateTime, formatDateTime } from '../runtime/datetime.js';
import { ErrorRecord } from '../runtime/error-record.js';
import { getProperty } from '../runtime/properties.js';
import { type InformationalStream, formatErrorView, formatInformationalRecord } from './error-view.js';
import { toStr } from '../runtime/convert.js';
import { registerView, type TableColumnDefinition, type ViewDefinition } from './views.js';

const prop = (target: unknown, name: string): unknown => getProperty(target, name).value;

function dateText(value: unknown, format: string): string {
  return value instanceof PSDateTime ? formatDateTime(value, format) : toStr(value);
}

/** `"{0:N2}" -f value`: two decimals with thousands separators (en-US). */
function n2(value: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function numberOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  const n = Number(toStr(value));
  return Number.isFinite(n) ? n : 0;
}

const MB = 1024 * 1024;

/** `    Directory: /path` above each folder's files (PowerShell's FileSystem grouping). */
function directoryHeader(parent: unknown): readonly string[] {
  return [`    Directory: ${toStr(parent).replace(/^Microsoft\.PowerShell\.Core\\FileSystem::/, '')}`];
}

const fileGroupBy = { value: 'PSParentPath', label: 'PSParentPath', header: directoryHeader };

const col = (label: string, width: number, alignment?: 'left' | 'right', value: TableColumnDefinition['value'] = label): TableColumnDefinition => ({
  label,
  width,
  alignment,
  value,
});

const JOB_TYPES = ['System.Management.Automation.Job'];
const COMMAND_TYPES = [
  'System.Management.Automation.AliasInfo', 'System.Management.Automation.ApplicationInfo', 'System.Management.Automation.CmdletInfo',
  'System.Management.Automation.ExternalScriptInfo', 'System.Management.Automation.FilterInfo', 'System.Management.Automation.FunctionInfo',
  'System.Management.Automation.ScriptInfo',
];

const builtinViews: readonly ViewDefinition[] = [
  {
    name: 'Dictionary',
    typeNames: ['System.Collections.DictionaryEntry'],
    control: { kind: 'table', columns: [col('Name', 30), col('Value', 0)] },
  },
  {
    name: 'System.Collections.DictionaryEntry',
    typeNames: ['System.Collections.DictionaryEntry'],
    control: { kind: 'list', items: [{ label: 'Name', value: 'Name' }, { label: 'Value', value: 'Value' }] },
  },
  {
    name: 'Job',
    typeNames: JOB_TYPES,
    control: {
      kind: 'table',
      columns: [
        col('Id', 6, 'left'), col('Name', 15, 'left'), col('PSJobTypeName', 15, 'left'), col('State', 13, 'left'),
        col('HasMoreData', 15, 'left'), col('Location', 20, 'left'), col('Command', 25, 'left'),
      ],
    },
  },
  {
    name: 'PSSession',
    typeNames: ['System.Management.Automation.Runspaces.PSSession'],
    control: {
      kind: 'table',
      columns: [
        col('Id', 3, 'right'), col('Name', 15, 'left'), col('Transport', 9, 'left'), col('ComputerName', 15, 'left'),
        col('ComputerType', 15, 'left'), col('State', 13, 'left'), col('ConfigurationName', 20, 'left'), col('Availability', 13, 'right'),
      ],
    },
  },
  {
    name: 'System.Diagnostics.EventLogEntry',
    typeNames: ['System.Diagnostics.EventLogEntry'],
    control: {
      kind: 'table',
      columns: [
        col('Index', 8, 'right'),
        col('Time', 13, undefined, (t) => dateText(prop(t, 'TimeGenerated'), 'MMM dd HH:mm')),
        col('EntryType', 11),
        col('Source', 20),
        col('InstanceID', 12, 'right'),
        col('Message', 0),
      ],
    },
  },
  {
    name: 'childrenWithUnixStat',
    typeNames: ['System.IO.DirectoryInfo', 'System.IO.FileInfo'],
    control: {
      kind: 'table',
      wrap: true,
      groupBy: fileGroupBy,
      columns: [
        col('UnixMode', 10, 'left'),
        col('User', 10, 'right'),
        col('Group', 10, 'left'),
        // Width of '{0:d} {0:HH}:{0:mm}' for the latest date .NET supports: 12/31/9999 23:59.
        col('LastWriteTime', 16, 'right', (t) => dateText(prop(t, 'LastWriteTime'), 'M/d/yyyy HH:mm')),
        col('Size', 12, 'right'),
        col('Name', 0, 'left', (t) => {
          const nameString = getProperty(t, 'NameString');
          return nameString.found ? nameString.value : prop(t, 'Name');
        }),
      ],
    },
  },
  {
    name: 'children',
    typeNames: ['System.IO.DirectoryInfo', 'System.IO.FileInfo'],
    control: { kind: 'wide', value: (t) => (/^d/.test(toStr(prop(t, 'UnixMode'))) ? `[${toStr(prop(t, 'Name'))}]` : prop(t, 'Name')), groupBy: fileGroupBy },
  },
  {
    name: 'process',
    typeNames: ['System.Diagnostics.Process'],
    control: {
      kind: 'table',
      columns: [
        col('NPM(K)', 7, 'right', (t) => Math.round(numberOf(prop(t, 'NPM')) / 1024)),
        col('PM(M)', 8, 'right', (t) => n2(numberOf(prop(t, 'PM')) / MB)),
        col('WS(M)', 10, 'right', (t) => n2(numberOf(prop(t, 'WS')) / MB)),
        col('CPU(s)', 10, 'right', (t) => n2(numberOf(prop(t, 'CPU')))),
        col('Id', 7, 'right'),
        col('SI', 3, 'right'),
        col('ProcessName', 0),
      ],
    },
  },
  {
    name: 'Microsoft.PowerShell.Commands.GroupInfoNoElement',
    typeNames: ['Microsoft.PowerShell.Commands.GroupInfoNoElement'],
    control: { kind: 'table', columns: [col('Count', 5, 'right'), col('Name', 25)] },
  },
  {
    name: 'Microsoft.PowerShell.Commands.GroupInfoNoElement',
    typeNames: ['Microsoft.PowerShell.Commands.GroupInfoNoElement'],
    control: { kind: 'list', items: ['Name', 'Count', 'Values'].map((n) => ({ label: n, value: n })) },
  },
  {
    name: 'Microsoft.PowerShell.Commands.GroupInfo',
    typeNames: ['Microsoft.PowerShell.Commands.GroupInfo'],
    control: { kind: 'table', columns: [col('Count', 5, 'right'), col('Name', 25), col('Group', 0)] },
  },
  {
    name: 'Microsoft.PowerShell.Commands.GroupInfo',
    typeNames: ['Microsoft.PowerShell.Commands.GroupInfo'],
    control: { kind: 'list', items: ['Name', 'Count', 'Group', 'Values'].map((n) => ({ label: n, value: n })) },
  },
  {
    name: 'Microsoft.PowerShell.Commands.GenericMeasureInfo',
    typeNames: ['Microsoft.PowerShell.Commands.GenericMeasureInfo'],
    control: {
      kind: 'list',
      items: ['Count', 'Average', 'Sum', 'Maximum', 'Minimum', 'StandardDeviation', 'Property'].map((n) => ({ label: n, value: n })),
    },
  },
  {
    name: 'Deserialized.Microsoft.PowerShell.Commands.GenericMeasureInfo',
    typeNames: ['Deserialized.Microsoft.PowerShell.Commands.GenericMeasureInfo'],
    control: {
      kind: 'list',
      items: ['Count', 'Average', 'Sum', 'Maximum', 'Minimum', 'Property'].map((n) => ({ label: n, value: n })),
    },
  },
  {
    name: 'MatchInfo',
    typeNames: ['Microsoft.PowerShell.Commands.MatchInfo', 'Deserialized.Microsoft.PowerShell.Commands.MatchInfo'],
    control: { kind: 'custom', render: (t) => toStr(t) },
  },
  {
    name: 'Variable',
    typeNames: ['System.Management.Automation.PSVariable'],
    control: { kind: 'table', columns: [col('Name', 30), col('Value', 0)] },
  },
  {
    name: 'PathInfo',
    typeNames: ['System.Management.Automation.PathInfo'],
    control: { kind: 'table', columns: [col('Path', 0)] },
  },
  {
    name: 'CommandInfo',
    typeNames: COMMAND_TYPES,
    control: {
      kind: 'table',
      columns: [
        col('CommandType', 15),
        col('Name', 50, undefined, (t) => (toStr(prop(t, 'CommandType')) === 'Alias' ? prop(t, 'DisplayName') : prop(t, 'Name'))),
        col('Version', 10),
        col('Source', 0),
      ],
    },
  },
  {
    name: 'CommandInfo',
    typeNames: ['System.Management.Automation.CommandInfo'],
    control: { kind: 'table', columns: [col('CommandType', 15), col('Name', 0)] },
  },
  {
    name: 'System.RuntimeType',
    typeNames: ['System.RuntimeType'],
    control: {
      kind: 'table',
      // .NET's property is IsSerializable; psh's type objects may expose it under the label's name.
      columns: [
        col('IsPublic', 8),
        col('IsSerial', 8, undefined, (t) => (getProperty(t, 'IsSerializable').found ? prop(t, 'IsSerializable') : prop(t, 'IsSerial'))),
        col('Name', 40),
        col('BaseType', 0),
      ],
    },
  },
  {
    name: 'Microsoft.PowerShell.Commands.MemberDefinition',
    typeNames: ['Microsoft.PowerShell.Commands.MemberDefinition'],
    control: {
      kind: 'table',
      autoSize: true,
      groupBy: { value: 'TypeName', label: 'TypeName' },
      columns: [col('Name', 0), col('MemberType', 0), col('Definition', 0)],
    },
  },
  {
    // Out of band: an error in the output stream prints where it arrives, inside or outside a table.
    name: 'ErrorInstance',
    typeNames: ['System.Management.Automation.ErrorRecord'],
    control: {
      kind: 'custom',
      outOfBand: true,
      render: (t, context) => (t instanceof ErrorRecord ? formatErrorView(t, context).replace(/\n$/, '') : toStr(t)),
    },
  },
  ...(['warning', 'verbose', 'debug'] as const).map(informationalView),
  {
    // Merged `6>&1` records show their message data, Write-Host text included.
    name: 'InformationRecord',
    typeNames: ['System.Management.Automation.InformationRecord'],
    control: { kind: 'custom', outOfBand: true, render: (t) => toStr(t) },
  },
  {
    name: 'DateTime',
    typeNames: ['System.DateTime'],
    control: { kind: 'custom', render: (t) => toStr(getProperty(t, 'DateTime').found ? prop(t, 'DateTime') : t) },
  },
];

/**
 * A merged WarningRecord (VerboseRecord, DebugRecord) shows its message; the console writes it as
 * a warning line, `WARNING: …` in the warning colour, as PowerShell's console line output does.
 */
function informationalView(stream: InformationalStream): ViewDefinition {
  const type = `${stream[0].toUpperCase()}${stream.slice(1)}Record`;
  return {
    name: type,
    typeNames: [`System.Management.Automation.${type}`, `Deserialized.System.Management.Automation.${type}`],
    control: {
      kind: 'custom',
      outOfBand: true,
      render: (t, context) => {
        const message = toStr(prop(t, 'Message'));
        return context.console ? formatInformationalRecord(stream, message, context).replace(/\n$/, '') : message;
      },
    },
  };
}

for (const view of builtinViews) registerView(view);
