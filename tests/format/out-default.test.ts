// Console text for pipeline output, compared with what PowerShell 7 prints. Cases marked (PS
// test) come from PowerShell's own Format-Table tests; the others were written by hand from
// PowerShell 7's output.

import { describe, expect, it } from 'vitest';
import { formatForHost } from '../../src/format/out-default.js';
import { PSDateTime, PSTimeSpan } from '../../src/runtime/datetime.js';
import { typeObject } from '../../src/runtime/types.js';
import { PSGuid } from '../../src/runtime/values/guid.js';
import { ErrorRecord } from '../../src/runtime/error-record.js';
import { dotNetType, ht, lines, obj } from './helpers.js';

const JOB = ['System.Management.Automation.PSRemotingJob', 'System.Management.Automation.Job', 'System.Object'];
const jobProps = ['Id', 'Name', 'PSJobTypeName', 'State', 'HasMoreData', 'Location', 'Command'];
const job = dotNetType(JOB, jobProps);
const deserializedJob = dotNetType(JOB.map((n) => 'Deserialized.' + n), jobProps);
const session = dotNetType(['System.Management.Automation.Runspaces.PSSession', 'System.Object'], [
  'Id', 'Name', 'Transport', 'ComputerName', 'ComputerType', 'State', 'ConfigurationName', 'Availability',
]);
const file = dotNetType(['System.IO.FileInfo', 'System.IO.FileSystemInfo', 'System.Object'], ['UnixMode', 'User', 'Group', 'LastWriteTime', 'Size', 'Name', 'PSParentPath']);
const dir = dotNetType(['System.IO.DirectoryInfo', 'System.IO.FileSystemInfo', 'System.Object'], ['UnixMode', 'User', 'Group', 'LastWriteTime', 'Size', 'Name', 'PSParentPath']);
const proc = dotNetType(['System.Diagnostics.Process', 'System.Object'], ['NPM', 'PM', 'WS', 'CPU', 'Id', 'SI', 'ProcessName']);
const groupNoElement = dotNetType(['Microsoft.PowerShell.Commands.GroupInfoNoElement', 'Microsoft.PowerShell.Commands.GroupInfo', 'System.Object'], ['Values', 'Count', 'Group', 'Name']);
const groupInfo = dotNetType(['Microsoft.PowerShell.Commands.GroupInfo', 'System.Object'], ['Values', 'Count', 'Group', 'Name']);
const measure = dotNetType(['Microsoft.PowerShell.Commands.GenericMeasureInfo', 'Microsoft.PowerShell.Commands.MeasureInfo', 'System.Object'], [
  'Count', 'Average', 'Sum', 'Maximum', 'Minimum', 'StandardDeviation', 'Property',
]);
const variable = dotNetType(['System.Management.Automation.PSVariable', 'System.Object'], ['Name', 'Value', 'Description', 'Options', 'Visibility']);
const cmdlet = dotNetType(['System.Management.Automation.CmdletInfo', 'System.Management.Automation.CommandInfo', 'System.Object'], [
  'CommandType', 'Name', 'Version', 'Source', 'DisplayName',
]);
const alias = dotNetType(['System.Management.Automation.AliasInfo', 'System.Management.Automation.CommandInfo', 'System.Object'], [
  'CommandType', 'Name', 'Version', 'Source', 'DisplayName',
]);
const runtimeType = dotNetType(['System.RuntimeType', 'System.Reflection.TypeInfo', 'System.Type', 'System.Object'], ['IsPublic', 'IsSerializable', 'Name', 'BaseType']);
const member = dotNetType(['Microsoft.PowerShell.Commands.MemberDefinition', 'System.Object'], ['TypeName', 'Name', 'MemberType', 'Definition']);
const pathInfo = dotNetType(['System.Management.Automation.PathInfo', 'System.Object'], ['Drive', 'Provider', 'ProviderPath', 'Path']);
const eventEntry = dotNetType(['System.Diagnostics.EventLogEntry', 'System.Object'], ['Index', 'TimeGenerated', 'EntryType', 'Source', 'InstanceID', 'Message']);
const matchInfo = dotNetType(['Microsoft.PowerShell.Commands.MatchInfo', 'System.Object'], ['Path', 'LineNumber', 'Line'], (o) => `${o.Path}:${o.LineNumber}:${o.Line}`);

const nov25 = PSDateTime.fromParts(2026, 11, 25, 5, 30, 0);
const jobRow = (id: number, name: string, state: string, command: string) =>
  job({ Id: id, Name: name, PSJobTypeName: 'BackgroundJob', State: state, HasMoreData: true, Location: 'localhost', Command: command });

const JOB_HEADER = 'Id     Name            PSJobTypeName   State         HasMoreData     Location             Command';
const JOB_DASHES = '--     ----            -------------   -----         -----------     --------             -------';
const FILE_HEADER = 'UnixMode         User Group         LastWriteTime         Size Name';
const FILE_DASHES = '--------         ---- -----         -------------         ---- ----';

interface Case {
  readonly name: string;
  readonly values: readonly unknown[];
  readonly width?: number;
  readonly want: string;
}

const cases: Case[] = [
  // ---- scalars
  { name: 'nothing', values: [], want: '' },
  { name: '$null prints nothing', values: [null], want: '' },
  { name: 'string', values: ['hello'], want: lines('hello') },
  { name: 'empty string is an empty line', values: [''], want: lines('') },
  { name: 'numbers and bools one per line', values: [1, 2.5, true, false], want: lines('1', '2.5', 'True', 'False') },
  { name: 'long integer', values: [12345678901234n], want: lines('12345678901234') },
  { name: 'double with exponent', values: [1e20], want: lines('1E+20') },
  { name: 'multi-line string', values: ['a\nb'], want: lines('a', 'b') },
  { name: 'arrays unroll', values: [[1, [2, 3]], 'x'], want: lines('1', '2', '3', 'x') },
  { name: 'null inside array skipped', values: [[1, null, 2]], want: lines('1', '2') },

  // ---- tables of properties (PS test: implicit autosize)
  {
    name: 'autosize first column (PS test)',
    values: [obj({ abc: '1234', bcd: '123' }), obj({ abc: '1', bcd: '1234' })],
    want: lines('', 'abc  bcd', '---  ---', '1234 123', '1    1234', ''),
  },
  {
    name: 'autosize both columns (PS test)',
    values: [obj({ abc: '1234', bcd: '1234' }), obj({ abc: '1', bcd: '1' })],
    want: lines('', 'abc  bcd', '---  ---', '1234 1234', '1    1', ''),
  },
  {
    name: 'autosize second column (PS test)',
    values: [obj({ abc: '123', bcd: '1234' }), obj({ abc: '1', bcd: '123' })],
    want: lines('', 'abc bcd', '--- ---', '123 1234', '1   123', ''),
  },
  { name: 'left/right (PS test)', values: [obj({ a: 'abc', b: 123 })], want: lines('', 'a     b', '-     -', 'abc 123', '') },
  { name: 'left/left (PS test)', values: [obj({ a: 'abc', b: 'abc' })], want: lines('', 'a   b', '-   -', 'abc abc', '') },
  { name: 'right/left (PS test)', values: [obj({ a: 123, b: 'abc' })], want: lines('', '  a b', '  - -', '123 abc', '') },
  { name: 'right/right (PS test)', values: [obj({ a: 123, b: 123 })], want: lines('', '  a   b', '  -   -', '123 123', '') },
  { name: 'number column (PS test)', values: [obj({ foo: 1 })], want: lines('', 'foo', '---', '  1', '') },
  {
    name: 'double-width characters (PS test)',
    values: [obj({ '哇': '62', dbda: 'KM', '消息': '千' })],
    want: lines('', '哇 dbda 消息', '-- ---- ----', '62 KM   千', ''),
  },
  { name: 'booleans align right', values: [obj({ Name: 'x', Ok: true })], want: lines('', 'Name   Ok', '----   --', 'x    True', '') },
  { name: 'null cell is empty', values: [obj({ a: null, b: 1 })], want: lines('', 'a b', '- -', '  1', '') },
  {
    name: 'alignment comes from the first object',
    values: [obj({ v: 'text', w: 1 }), obj({ v: 12, w: 'x' })],
    want: lines('', 'v    w', '-    -', 'text 1', '12   x', ''),
  },
  {
    name: 'four properties is still a table',
    values: [obj({ a: 1, b: 2, c: 3, d: 4 })],
    want: lines('', 'a b c d', '- - - -', '1 2 3 4', ''),
  },
  {
    name: 'multi-line cell shows its first line with an ellipsis',
    values: [obj({ a: 'one\ntwo', b: 1 })],
    want: lines('', 'a       b', '-       -', 'one\u2026    1', ''),
  },

  // ---- lists
  {
    name: 'five properties make a list',
    values: [obj({ a: 1, b: 2, c: 3, d: 4, e: 5 })],
    want: lines('', 'a : 1', 'b : 2', 'c : 3', 'd : 4', 'e : 5', ''),
  },
  {
    name: 'list labels pad to the longest',
    values: [obj({ Name: 'x', Id: 1, LongerName: 'y', E: null, F: 'z' })],
    want: lines('', 'Name       : x', 'Id         : 1', 'LongerName : y', 'E          : ', 'F          : z', ''),
  },
  {
    name: 'two list entries',
    values: [obj({ a: 1, b: 2, c: 3, d: 4, e: 5 }), obj({ a: 6, b: 7, c: 8, d: 9, e: 10 })],
    want: lines('', 'a : 1', 'b : 2', 'c : 3', 'd : 4', 'e : 5', '', 'a : 6', 'b : 7', 'c : 8', 'd : 9', 'e : 10', ''),
  },
  {
    name: 'list value wraps under itself',
    width: 20,
    values: [obj({ a: 'one two three four five', b: 2, c: 3, d: 4, e: 5 })],
    want: lines('', 'a : one two three ', '    four five', 'b : 2', 'c : 3', 'd : 4', 'e : 5', ''),
  },
  {
    name: 'list value with newlines',
    values: [obj({ a: 'x\ny', b: 2, c: 3, d: 4, e: 5 })],
    want: lines('', 'a : x', '    y', 'b : 2', 'c : 3', 'd : 4', 'e : 5', ''),
  },

  // ---- nested values in cells
  { name: 'array in a cell', values: [obj({ a: [1, 2, 3] })], want: lines('', 'a', '-', '{1, 2, 3}', '') },
  { name: 'array over the enumeration limit', values: [obj({ a: [1, 2, 3, 4, 5] })], want: lines('', 'a', '-', '{1, 2, 3, 4\u2026}', '') },
  { name: 'four items fit the limit', values: [obj({ a: [1, 2, 3, 4] })], want: lines('', 'a', '-', '{1, 2, 3, 4}', '') },
  { name: 'empty array in a cell', values: [obj({ a: [] })], want: lines('', 'a', '-', '{}', '') },
  { name: '$null inside an array cell', values: [obj({ a: [null, 1] })], want: lines('', 'a', '-', '{$null, 1}', '') },
  // Hashtable entries have no ToString of their own: PowerShell shows their Name (the key).
  { name: 'hashtable in a cell', values: [obj({ h: ht({ a: 1, b: 2 }) })], want: lines('', 'h', '-', '{a, b}', '') },
  { name: 'hashtables in an array cell show a name-like key', values: [obj({ k: [ht({ Key: 'k1', x: 1 }), ht({ q: 1 })] })], want: lines('', 'k', '-', '{k1, System.Collections.Hashtable}', '') },
  { name: 'object in a cell', values: [obj({ o: obj({ a: 1, b: 'x' }) })], want: lines('', 'o', '-', '@{a=1; b=x}', '') },
  { name: 'strings in an array cell', values: [obj({ s: ['x', 'y'] })], want: lines('', 's', '-', '{x, y}', '') },

  // ---- hashtables
  {
    name: 'hashtable as Name/Value',
    values: [ht({ a: 1, b: 'two' })],
    want: lines('', 'Name                           Value', '----                           -----', 'a                              1', 'b                              two', ''),
  },
  {
    name: 'array value in a hashtable (PS test)',
    values: [ht({ array: Array.from({ length: 256 }, (_, i) => i) })],
    want: lines('', 'Name                           Value', '----                           -----', 'array                          {0, 1, 2, 3\u2026}', ''),
  },
  {
    name: 'two hashtables share one table',
    values: [ht({ a: 1 }), ht({ b: 2 })],
    want: lines('', 'Name                           Value', '----                           -----', 'a                              1', 'b                              2', ''),
  },
  { name: 'empty hashtable prints nothing', values: [ht({})], want: '' },
  {
    name: 'hashtable value cut to the screen',
    width: 40,
    values: [ht({ k: 'abcdefghijklmnop' })],
    want: lines('', 'Name                           Value', '----                           -----', 'k                              abcdefgh\u2026', ''),
  },

  // ---- widths and truncation
  {
    name: 'last column shrinks to the width',
    width: 20,
    values: [obj({ a: 'abc', b: 'y'.repeat(30) })],
    want: lines('', 'a   b', '-   -', 'abc ' + 'y'.repeat(15) + '\u2026', ''),
  },
  {
    name: 'right-aligned cell cut keeps the tail',
    width: 10,
    values: [obj({ a: 'x', n: 1234567890123 })],
    want: lines('', 'a        n', '-        -', 'x \u20267890123', ''),
  },
  {
    name: 'a column that cannot fit is hidden',
    width: 10,
    values: [obj({ a: 'x'.repeat(12), b: 'y' })],
    want: lines('', 'a', '-         ', 'xxxxxxxxx\u2026', ''),
  },

  // ---- type changes
  {
    name: 'scalar inside a table does not end it',
    values: [obj({ a: 1 }), 'hello', obj({ a: 2 })],
    want: lines('', 'a', '-', '1', 'hello', '2', ''),
  },
  {
    name: 'objects without a view join the first table',
    values: [obj({ a: 1 }), obj({ b: 2 })],
    // The missing cell is padded because the column is right-aligned (its first value is a number).
    want: lines('', 'a', '-', '1', ' ', ''),
  },
  {
    name: 'a viewed type after property objects joins their table',
    values: [obj({ Id: 5 }), jobRow(1, 'Job1', 'Running', 'sleep 1')],
    want: lines('', 'Id', '--', ' 5', ' 1', ''),
  },
  {
    name: 'an object the view does not fit prints as a list',
    values: [jobRow(1, 'Job1', 'Running', 'sleep 1'), obj({ a: 1 })],
    want: lines('', JOB_HEADER, JOB_DASHES, '1      Job1            BackgroundJob   Running       True            localhost            sleep 1', '', 'a : 1', '', ''),
  },
  {
    name: 'string before objects prints first',
    values: ['start', obj({ a: 1 })],
    want: lines('start', '', 'a', '-', '1', ''),
  },
  {
    name: 'scalar after a list',
    values: [obj({ a: 1, b: 2, c: 3, d: 4, e: 5 }), 'x'],
    want: lines('', 'a : 1', 'b : 2', 'c : 3', 'd : 4', 'e : 5', '', 'x'),
  },
  {
    name: 'object without properties prints its string',
    values: [dotNetType(['Some.Opaque', 'System.Object'], [], () => 'opaque thing')({})],
    want: lines('opaque thing'),
  },

  // ---- jobs and sessions
  {
    name: 'jobs',
    values: [jobRow(1, 'Job1', 'Running', 'Start-Sleep 10'), jobRow(3, 'Job3', 'Completed', 'Get-ChildItem -Recurse /usr/share')],
    want: lines(
      '',
      JOB_HEADER,
      JOB_DASHES,
      '1      Job1            BackgroundJob   Running       True            localhost            Start-Sleep 10',
      '3      Job3            BackgroundJob   Completed     True            localhost            Get-ChildItem -Recurse /\u2026',
      '',
    ),
  },
  {
    // 115 columns do not fit in 80: Command is hidden and Location shrinks; cells left of the
    // hidden column keep their padding, as in PowerShell.
    name: 'jobs on an 80-column console',
    width: 80,
    values: [jobRow(1, 'Job1', 'Running', 'Start-Sleep 10')],
    want: lines(
      '',
      'Id     Name            PSJobTypeName   State         HasMoreData     Location',
      '--     ----            -------------   -----         -----------     --------   ',
      '1      Job1            BackgroundJob   Running       True            localhost  ',
      '',
    ),
  },
  {
    name: 'deserialized job uses the Job view',
    values: [deserializedJob({ Id: 7, Name: 'Job7', PSJobTypeName: 'RemoteJob', State: 'Completed', HasMoreData: false, Location: 'srv1', Command: 'hostname' })],
    want: lines('', JOB_HEADER, JOB_DASHES, '7      Job7            RemoteJob       Completed     False           srv1                 hostname', ''),
  },
  {
    name: 'sessions',
    values: [session({ Id: 1, Name: 'Runspace1', Transport: 'SSH', ComputerName: 'srv1', ComputerType: 'RemoteMachine', State: 'Opened', ConfigurationName: 'DefaultShell', Availability: 'Available' })],
    want: lines(
      '',
      ' Id Name            Transport ComputerName    ComputerType    State         ConfigurationName     Availability',
      ' -- ----            --------- ------------    ------------    -----         -----------------     ------------',
      '  1 Runspace1       SSH       srv1            RemoteMachine   Opened        DefaultShell             Available',
      '',
    ),
  },

  // ---- other views
  {
    name: 'Get-Date',
    values: [nov25],
    want: lines('', 'Wednesday, November 25, 2026 5:30:00 AM', ''),
  },
  {
    name: 'files grouped by directory',
    values: [
      file({ UnixMode: '-rw-r--r--', User: 'me', Group: 'me', LastWriteTime: nov25, Size: 12, Name: 'a.txt', PSParentPath: 'Microsoft.PowerShell.Core\\FileSystem::/tmp' }),
      dir({ UnixMode: 'drwxr-xr-x', User: 'root', Group: 'root', LastWriteTime: nov25, Size: 4096, Name: 'sub', PSParentPath: 'Microsoft.PowerShell.Core\\FileSystem::/tmp' }),
      file({ UnixMode: '-rw-------', User: 'me', Group: 'staff', LastWriteTime: nov25, Size: 0, Name: 'b.txt', PSParentPath: 'Microsoft.PowerShell.Core\\FileSystem::/tmp/sub' }),
    ],
    want: lines(
      '',
      '    Directory: /tmp',
      '',
      FILE_HEADER,
      FILE_DASHES,
      '-rw-r--r--         me me         11/25/2026 05:30           12 a.txt',
      'drwxr-xr-x       root root       11/25/2026 05:30         4096 sub',
      '',
      '    Directory: /tmp/sub',
      '',
      FILE_HEADER,
      FILE_DASHES,
      '-rw-------         me staff      11/25/2026 05:30            0 b.txt',
      '',
    ),
  },
  {
    name: 'processes',
    values: [proc({ NPM: 12345, PM: 52428800, WS: 104857600, CPU: 1.5, Id: 1234, SI: 0, ProcessName: 'node' })],
    want: lines(
      '',
      ' NPM(K)    PM(M)      WS(M)     CPU(s)      Id  SI ProcessName',
      ' ------    -----      -----     ------      --  -- -----------',
      '     12    50.00     100.00       1.50    1234   0 node',
      '',
    ),
  },
  {
    name: 'Group-Object',
    values: [groupInfo({ Values: ['a'], Count: 2, Group: [1, 2], Name: 'a' }), groupInfo({ Values: ['b'], Count: 1, Group: ['x'], Name: 'b' })],
    want: lines('', 'Count Name                      Group', '----- ----                      -----', '    2 a                         {1, 2}', '    1 b                         {x}', ''),
  },
  {
    name: 'Group-Object -NoElement',
    values: [groupNoElement({ Values: ['a'], Count: 2, Group: null, Name: 'a' })],
    want: lines('', 'Count Name', '----- ----', '    2 a', ''),
  },
  {
    name: 'Measure-Object',
    values: [measure({ Count: 3, Average: null, Sum: 6, Maximum: null, Minimum: null, StandardDeviation: null, Property: null })],
    want: lines('', 'Count             : 3', 'Average           : ', 'Sum               : 6', 'Maximum           : ', 'Minimum           : ', 'StandardDeviation : ', 'Property          : ', ''),
  },
  {
    name: 'Get-Variable',
    values: [variable({ Name: 'x', Value: 42, Description: '', Options: 'None', Visibility: 'Public' })],
    want: lines('', 'Name                           Value', '----                           -----', 'x                              42', ''),
  },
  {
    name: 'Get-Command',
    values: [
      cmdlet({ CommandType: 'Cmdlet', Name: 'Get-Job', Version: '7.4.0.0', Source: 'Microsoft.PowerShell.Core', DisplayName: 'Get-Job' }),
      alias({ CommandType: 'Alias', Name: 'gjb', Version: '', Source: '', DisplayName: 'gjb -> Get-Job' }),
    ],
    want: lines(
      '',
      'CommandType     Name                                               Version    Source',
      '-----------     ----                                               -------    ------',
      'Cmdlet          Get-Job                                            7.4.0.0    Microsoft.PowerShell.Core',
      'Alias           gjb -> Get-Job' + ' '.repeat(48),
      '',
    ),
  },
  {
    name: 'a type',
    values: [runtimeType({ IsPublic: true, IsSerializable: true, Name: 'Int32', BaseType: 'System.ValueType' })],
    want: lines(
      '',
      'IsPublic IsSerial Name                                     BaseType',
      '-------- -------- ----                                     --------',
      'True     True     Int32                                    System.ValueType',
      '',
    ),
  },
  {
    name: 'Get-Member',
    values: [
      member({ TypeName: 'System.String', Name: 'Clone', MemberType: 'Method', Definition: 'System.Object Clone()' }),
      member({ TypeName: 'System.String', Name: 'Length', MemberType: 'Property', Definition: 'int Length {get;}' }),
    ],
    want: lines(
      '',
      '   TypeName: System.String',
      '',
      'Name   MemberType Definition',
      '----   ---------- ----------',
      'Clone  Method     System.Object Clone()',
      'Length Property   int Length {get;}',
      '',
    ),
  },
  {
    name: 'Get-Location',
    values: [pathInfo({ Drive: '/', Provider: 'FileSystem', ProviderPath: '/home/me', Path: '/home/me' })],
    want: lines('', 'Path', '----', '/home/me', ''),
  },
  {
    name: 'event log',
    values: [eventEntry({ Index: 42, TimeGenerated: nov25, EntryType: 'Information', Source: 'psh', InstanceID: 1000, Message: 'Job completed' })],
    want: lines(
      '',
      '   Index Time          EntryType   Source                 InstanceID Message',
      '   ----- ----          ---------   ------                 ---------- -------',
      '      42 Nov 25 05:30  Information psh                          1000 Job completed',
      '',
    ),
  },
  {
    name: 'Select-String',
    values: [matchInfo({ Path: 'a.txt', LineNumber: 1, Line: 'foo' }), matchInfo({ Path: 'a.txt', LineNumber: 3, Line: 'foo bar' })],
    want: lines('', 'a.txt:1:foo', 'a.txt:3:foo bar', ''),
  },
  {
    name: 'Compare-Object',
    values: [obj({ InputObject: 'b', SideIndicator: '=>' }), obj({ InputObject: 'a', SideIndicator: '<=' })],
    want: lines('', 'InputObject SideIndicator', '----------- -------------', 'b           =>', 'a           <=', ''),
  },

  // ---- runtime values
  {
    name: '[int] type literal',
    values: [typeObject('int')],
    want: lines(
      '',
      'IsPublic IsSerial Name                                     BaseType',
      '-------- -------- ----                                     --------',
      'True     True     Int32                                    System.ValueType',
      '',
    ),
  },
  {
    name: 'a TimeSpan is a list',
    values: [new PSTimeSpan(90_000)],
    want: lines(
      '',
      'Ticks             : 900000000',
      'Days              : 0',
      'Hours             : 0',
      'Milliseconds      : 0',
      'Minutes           : 1',
      'Seconds           : 30',
      'TotalDays         : 0.00104166666666667',
      'TotalHours        : 0.025',
      'TotalMilliseconds : 90000',
      'TotalMinutes      : 1.5',
      'TotalSeconds      : 90',
      '',
    ),
  },
  { name: 'a Guid', values: [new PSGuid('0f8fad5b-d9cb-469f-a165-70867728950e')], want: lines('', 'Guid', '----', '0f8fad5b-d9cb-469f-a165-70867728950e', '') },
  { name: 'a date in a cell', values: [obj({ When: nov25 })], want: lines('', 'When', '----', '11/25/2026 5:30:00 AM', '') },

  // ---- remote results
  {
    name: 'remote object shows PSComputerName and RunspaceId',
    values: [obj({ a: 1, PSComputerName: 'srv1', RunspaceId: 'b1e3', PSShowComputerName: true })],
    want: lines('', 'a PSComputerName RunspaceId', '- -------------- ----------', '1 srv1           b1e3', ''),
  },
  {
    name: 'remote object with -HideComputerName',
    values: [obj({ a: 1, PSComputerName: 'srv1', RunspaceId: 'b1e3', PSShowComputerName: false })],
    want: lines('', 'a RunspaceId', '- ----------', '1 b1e3', ''),
  },
  {
    name: 'remote results of a viewed type get a PSComputerName column',
    values: [obj({ Path: '/root', PSComputerName: 'srv1', RunspaceId: 'x', PSShowComputerName: true }, ['Deserialized.System.Management.Automation.PathInfo', 'Deserialized.System.Object'])],
    want: lines('', 'Path  PSComputerName', '----  --------------', '/root srv1', ''),
  },

  // ---- errors in the output stream
  {
    name: 'error record in output',
    values: [ErrorRecord.fromMessage('boom', 'Boom')],
    want: lines('Exception: boom'),
  },
  {
    name: 'error record between objects',
    values: [obj({ a: 1 }), ErrorRecord.fromMessage('bad thing', 'X', 'InvalidOperation'), obj({ a: 2 })],
    want: lines('', 'a', '-', '1', 'InvalidOperation: bad thing', '2', ''),
  },
];

describe('formatForHost with color', () => {
  it('table header uses $PSStyle.Formatting.TableHeader (PS test)', () => {
    expect(formatForHost([obj({ foo: 1 })], 120, { color: true })).toBe(lines('', '\x1b[32;1mfoo\x1b[0m', '\x1b[32;1m---\x1b[0m', '  1', ''));
  });
  it('list labels use $PSStyle.Formatting.FormatAccent (PS test)', () => {
    expect(formatForHost([obj({ a: 'Hello', b: 1, c: 2, d: 3, e: 4 })], 120, { color: true }).split('\n')[1]).toBe('\x1b[32;1ma : \x1b[0mHello');
  });
});

describe('formatForHost', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(formatForHost(c.values, c.width ?? 120)).toBe(c.want);
    });
  }
});
