// Get-Process on Linux: System.Diagnostics.Process-shaped objects read from /proc through the
// host's file system (Id, ProcessName, CPU seconds, working set and the other table columns).

import type { CmdletContext, CmdletDefinition } from '../runtime/cmdlet.js';
import { PSDateTime } from '../runtime/datetime.js';
import { DotNetObject } from '../runtime/values.js';
import { isWildcard, wildcardToRegExp } from '../runtime/wildcard.js';
import { cmdletError, strings } from './common.js';

const NAME = 'Get-Process';
const CLOCK_TICKS = 100;
const PAGE_SIZE = 4096;

export class ProcessInfo extends DotNetObject {
  constructor(
    readonly Id: number,
    readonly ProcessName: string,
    private readonly ticks: number,
    readonly WS: number,
    readonly PM: number,
    readonly VM: number,
    readonly SI: number,
    readonly Threads: number,
    readonly Path: string | null,
    readonly CommandLine: string,
    readonly StartTime: PSDateTime | null,
    readonly Parent: number,
  ) {
    super();
  }
  get Name(): string { return this.ProcessName; }
  get CPU(): number { return this.ticks / CLOCK_TICKS; }
  get NPM(): number { return 0; }
  get Handles(): number { return 0; }
  get WorkingSet64(): number { return this.WS; }
  get PagedMemorySize64(): number { return this.PM; }
  get VirtualMemorySize64(): number { return this.VM; }
  get SessionId(): number { return this.SI; }
  get psTypeNames(): readonly string[] { return ['System.Diagnostics.Process', 'System.ComponentModel.Component', 'System.MarshalByRefObject', 'System.Object']; }
  psPropertyNames(): readonly string[] {
    return ['Name', 'Id', 'ProcessName', 'CPU', 'WS', 'PM', 'NPM', 'VM', 'SI', 'Handles', 'Path', 'CommandLine', 'StartTime', 'Threads', 'Parent',
      'WorkingSet64', 'PagedMemorySize64', 'VirtualMemorySize64', 'SessionId'];
  }
  toString(): string { return `System.Diagnostics.Process (${this.ProcessName})`; }
}

function readProcess(ctx: CmdletContext, pid: number, bootMs: number | null): ProcessInfo | null {
  const fs = ctx.host.fs;
  let stat: string;
  try {
    stat = fs.readText(`/proc/${pid}/stat`);
  } catch {
    return null;
  }
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  const comm = stat.slice(open + 1, close);
  // Fields after the command name, numbered from 3 (state) as proc(5) numbers them.
  const f = stat.slice(close + 2).trim().split(/\s+/);
  const field = (n: number): number => Number(f[n - 3] ?? 0);
  let status = '';
  try {
    status = fs.readText(`/proc/${pid}/status`);
  } catch {
    // Without status, private memory reads as 0.
  }
  const kb = (key: string): number => {
    const m = new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status);
    return m ? Number(m[1]) * 1024 : 0;
  };
  let cmdline = '';
  try {
    cmdline = fs.readText(`/proc/${pid}/cmdline`).split('\0').filter(Boolean).join(' ');
  } catch {
    cmdline = '';
  }
  let path: string | null = null;
  try {
    path = fs.realPath(`/proc/${pid}/exe`);
  } catch {
    path = null;
  }
  const start = bootMs === null ? null : PSDateTime.fromUtcMs(bootMs + (field(22) / CLOCK_TICKS) * 1000, 'Local');
  return new ProcessInfo(pid, comm, field(14) + field(15), field(24) * PAGE_SIZE, kb('VmData'), field(23), field(6), field(20), path, cmdline, start, field(4));
}

function bootTime(ctx: CmdletContext): number | null {
  try {
    const m = /^btime\s+(\d+)/m.exec(ctx.host.fs.readText('/proc/stat'));
    return m ? Number(m[1]) * 1000 : null;
  } catch {
    return null;
  }
}

function allProcesses(ctx: CmdletContext): ProcessInfo[] {
  const boot = bootTime(ctx);
  let entries: string[] = [];
  try {
    entries = ctx.host.fs.readDir('/proc');
  } catch {
    return [];
  }
  return entries.filter((e) => /^\d+$/.test(e)).map((e) => readProcess(ctx, Number(e), boot)).filter((p): p is ProcessInfo => p !== null)
    .sort((a, b) => a.ProcessName.toLowerCase().localeCompare(b.ProcessName.toLowerCase()) || a.Id - b.Id);
}

export const getProcess: CmdletDefinition = {
  name: NAME,
  aliases: ['gps'],
  parameters: [
    { name: 'Name', aliases: ['ProcessName'], type: 'string[]', position: 0 },
    { name: 'Id', aliases: ['PID'], type: 'int[]' },
    { name: 'InputObject', type: 'object[]', valueFromPipeline: true },
    { name: 'IncludeUserName', type: 'switch' },
    { name: 'Module', type: 'switch' },
    { name: 'FileVersionInfo', aliases: ['FV', 'FVI'], type: 'switch' },
  ],
  create: (ctx) => ({
    process(p) {
      if (p.Id !== undefined) {
        const ids = (Array.isArray(p.Id) ? p.Id : [p.Id]).map(Number);
        const boot = bootTime(ctx);
        for (const id of ids) {
          const proc = readProcess(ctx, id, boot);
          if (proc !== null) ctx.writeObject(proc);
          else ctx.writeError(cmdletError(NAME, `Cannot find a process with the process identifier ${id}.`, 'NoProcessFoundForGivenId', 'ObjectNotFound', id,
            'Microsoft.PowerShell.Commands.ProcessCommandException'));
        }
        return;
      }
      if (p.InputObject !== undefined) {
        for (const v of Array.isArray(p.InputObject) ? p.InputObject : [p.InputObject]) if (v instanceof ProcessInfo) ctx.writeObject(v);
        return;
      }
      const all = allProcesses(ctx);
      const names = strings(p, 'Name');
      if (names.length === 0) {
        for (const proc of all) ctx.writeObject(proc);
        return;
      }
      for (const name of names) {
        const re = wildcardToRegExp(name);
        const hits = all.filter((proc) => re.test(proc.ProcessName));
        if (hits.length === 0 && !isWildcard(name)) {
          ctx.writeError(cmdletError(NAME, `Cannot find a process with the name "${name}". Verify the process name and call the cmdlet again.`,
            'NoProcessFoundForGivenName', 'ObjectNotFound', name, 'Microsoft.PowerShell.Commands.ProcessCommandException'));
        }
        for (const proc of hits) ctx.writeObject(proc);
      }
    },
  }),
};
