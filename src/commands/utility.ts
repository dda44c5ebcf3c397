// Small utility cmdlets: Get-Date, Start-Sleep, Get-Random, Invoke-Expression, Get-Host,
// Clear-Host, Read-Host, Get-Culture and New-Guid.

import type { BoundParameters, CmdletContext, CmdletDefinition, SessionStateAccess } from '../runtime/cmdlet.js';
import { convertTo, toNumber, toStr } from '../runtime/convert.js';
import { PSDateTime, formatDateTime } from '../runtime/datetime.js';
import { RuntimeError } from '../runtime/exceptions.js';
import { PSGuid } from '../runtime/values/guid.js';
import { DotNetObject } from '../runtime/values.js';
import { cmdletError, flag, items, opt } from './common.js';
import { uformat } from './uformat.js';

const DATE = 'Get-Date';

function dateFromParameters(ctx: CmdletContext, p: BoundParameters): PSDateTime {
  let dt = p.Date === undefined || p.Date === null ? PSDateTime.fromUtcMs(ctx.host.now(), 'Local') : (convertTo(p.Date, 'datetime') as PSDateTime);
  if (p.UnixTimeSeconds !== undefined) dt = PSDateTime.fromUtcMs(Number(toNumber(p.UnixTimeSeconds)) * 1000, 'Local');
  const part = (name: string): number | undefined => (p[name] === undefined ? undefined : Number(p[name]));
  const year = part('Year');
  const month = part('Month');
  const day = part('Day');
  const hour = part('Hour');
  const minute = part('Minute');
  const second = part('Second');
  const ms = part('Millisecond');
  if ([year, month, day, hour, minute, second, ms].some((x) => x !== undefined)) {
    dt = PSDateTime.fromParts(year ?? dt.Year, month ?? dt.Month, day ?? dt.Day, hour ?? dt.Hour, minute ?? dt.Minute, second ?? dt.Second,
      ms ?? dt.Millisecond, dt.kind);
  }
  if (flag(p, 'AsUTC')) dt = dt.ToUniversalTime();
  if (toStr(p.DisplayHint ?? '').toLowerCase() === 'date') dt = dt.Date;
  return dt;
}

const getDate: CmdletDefinition = {
  name: DATE,
  parameters: [
    { name: 'Date', aliases: ['LastWriteTime'], type: 'object', position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true },
    { name: 'UnixTimeSeconds', aliases: ['UnixTime'], type: 'long' },
    { name: 'Year', type: 'int' },
    { name: 'Month', type: 'int' },
    { name: 'Day', type: 'int' },
    { name: 'Hour', type: 'int' },
    { name: 'Minute', type: 'int' },
    { name: 'Second', type: 'int' },
    { name: 'Millisecond', type: 'int' },
    { name: 'DisplayHint', type: 'string', validateSet: ['Date', 'Time', 'DateTime'] },
    { name: 'Format', type: 'string' },
    { name: 'UFormat', type: 'string' },
    { name: 'AsUTC', type: 'switch' },
  ],
  create: (ctx) => ({
    process(p) {
      const dt = dateFromParameters(ctx, p);
      const format = opt<string>(p, 'Format');
      const unix = opt<string>(p, 'UFormat');
      if (format !== null) ctx.writeObject(formatDateTime(dt, format));
      else if (unix !== null) ctx.writeObject(uformat(dt, unix));
      else ctx.writeObject(dt);
    },
  }),
};

const startSleep: CmdletDefinition = {
  name: 'Start-Sleep',
  defaultParameterSet: 'Seconds',
  parameters: [
    { name: 'Seconds', type: 'double', position: 0, mandatory: true, valueFromPipeline: true, parameterSets: ['Seconds'] },
    { name: 'Milliseconds', aliases: ['ms'], type: 'int', mandatory: true, parameterSets: ['Milliseconds'] },
    { name: 'Duration', type: 'timespan', mandatory: true, parameterSets: ['FromTimeSpan'] },
  ],
  create: (ctx) => ({
    process(p) {
      let ms: number;
      if (p.Milliseconds !== undefined) ms = Number(p.Milliseconds);
      else if (p.Duration !== undefined) ms = Number((p.Duration as { TotalMilliseconds: number }).TotalMilliseconds);
      else ms = Number(p.Seconds ?? 0) * 1000;
      const until = ctx.host.monotonic() + ms;
      // Sleep in slices so a stop request (Ctrl+C, Stop-Job) ends the wait promptly.
      for (let left = ms; left > 0; left = until - ctx.host.monotonic()) {
        ctx.checkStop();
        ctx.host.sleep(Math.min(left, 100));
      }
      ctx.checkStop();
    },
  }),
};

/** A seedable generator per session (mulberry32), so -SetSeed makes later calls repeatable too. */
const generators = new WeakMap<SessionStateAccess, () => number>();

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RANDOM = 'Get-Random';

const getRandom: CmdletDefinition = {
  name: RANDOM,
  parameters: [
    // One parameter set: a list (piped or -InputObject) is told apart from -Maximum when processing.
    { name: 'Maximum', type: 'object', position: 0 },
    { name: 'Minimum', type: 'object' },
    { name: 'InputObject', type: 'object[]', valueFromPipeline: true },
    { name: 'Count', type: 'int' },
    { name: 'SetSeed', type: 'int' },
    { name: 'Shuffle', type: 'switch' },
  ],
  create: (ctx) => {
    const pool: unknown[] = [];
    let random: () => number = Math.random;
    return {
      begin(p) {
        if (p.SetSeed !== undefined) generators.set(ctx.session, seeded(Number(p.SetSeed)));
        random = generators.get(ctx.session) ?? Math.random;
      },
      process(p) {
        if (p.InputObject !== undefined) pool.push(...items(p, 'InputObject'));
      },
      end(p) {
        if (p.InputObject !== undefined || flag(p, 'Shuffle')) {
          const picked = [...pool];
          for (let i = picked.length - 1; i > 0; i--) {
            const j = Math.floor(random() * (i + 1));
            [picked[i], picked[j]] = [picked[j], picked[i]];
          }
          const count = flag(p, 'Shuffle') ? picked.length : Number(p.Count ?? 1);
          for (const v of picked.slice(0, count)) ctx.writeObject(v);
          return;
        }
        const min = p.Minimum === undefined ? 0 : toNumber(p.Minimum);
        const max = p.Maximum === undefined ? 2147483647 : toNumber(p.Maximum);
        if (Number(min) >= Number(max)) {
          return ctx.throwTerminatingError(cmdletError(RANDOM, `The Minimum value (${toStr(min)}) cannot be greater than or equal to the Maximum value (${toStr(max)}).`,
            'MinGreaterThanOrEqualMax', 'InvalidArgument', null, 'System.ArgumentException'));
        }
        const integral = Number.isInteger(min) && Number.isInteger(max) && typeof p.Minimum !== 'string' && !isDouble(p.Minimum) && !isDouble(p.Maximum);
        for (let i = 0; i < Number(p.Count ?? 1); i++) {
          const r = random();
          const span = Number(max) - Number(min);
          ctx.writeObject(integral ? Number(min) + Math.floor(r * span) : Number(min) + r * span);
        }
      },
    };
  },
};

function isDouble(v: unknown): boolean {
  return typeof v === 'number' && !Number.isInteger(v);
}

const invokeExpression: CmdletDefinition = {
  name: 'Invoke-Expression',
  aliases: ['iex'],
  parameters: [{ name: 'Command', type: 'string', position: 0, mandatory: true, valueFromPipeline: true }],
  create: (ctx) => ({
    process(p) {
      ctx.session.invokeText(toStr(p.Command), (v) => ctx.writeObject(v));
    },
  }),
};

class HostInfo extends DotNetObject {
  constructor(
    readonly Name: string,
    readonly InstanceId: PSGuid,
  ) {
    super();
  }
  get Version(): string { return '7.4.6'; }
  get CurrentCulture(): string { return 'en-US'; }
  get CurrentUICulture(): string { return 'en-US'; }
  get DebuggerEnabled(): boolean { return true; }
  get IsRunspacePushed(): boolean { return false; }
  get psTypeNames(): readonly string[] { return ['System.Management.Automation.Internal.Host.InternalHost', 'System.Management.Automation.Host.PSHost', 'System.Object']; }
  psPropertyNames(): readonly string[] { return ['Name', 'Version', 'InstanceId', 'CurrentCulture', 'CurrentUICulture', 'DebuggerEnabled', 'IsRunspacePushed']; }
  toString(): string { return 'System.Management.Automation.Internal.Host.InternalHost'; }
}

const hostIds = new WeakMap<object, PSGuid>();

const getHost: CmdletDefinition = {
  name: 'Get-Host',
  parameters: [],
  create: (ctx) => ({
    end() {
      let id = hostIds.get(ctx.host);
      if (!id) hostIds.set(ctx.host, (id = PSGuid.newGuid()));
      ctx.writeObject(new HostInfo(ctx.host.name, id));
    },
  }),
};

const clearHost: CmdletDefinition = {
  name: 'Clear-Host',
  aliases: ['cls'],
  parameters: [],
  create: (ctx) => ({
    end() {
      if (ctx.host.ui.supportsColor) ctx.host.ui.write('\x1b[2J\x1b[3J\x1b[H');
    },
  }),
};

const readHost: CmdletDefinition = {
  name: 'Read-Host',
  parameters: [
    { name: 'Prompt', type: 'object', position: 0, valueFromRemainingArguments: true },
    { name: 'AsSecureString', type: 'switch' },
    { name: 'MaskInput', type: 'switch' },
  ],
  create: (ctx) => ({
    end(p) {
      const prompt = p.Prompt === undefined ? '' : toStr(p.Prompt) + ': ';
      const line = ctx.host.ui.readLine?.(prompt) ?? null;
      if (line === null) {
        throw RuntimeError.create('PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.',
          'System.Management.Automation.PSInvalidOperationException,Microsoft.PowerShell.Commands.ReadHostCommand', 'InvalidOperation',
          'System.Management.Automation.PSInvalidOperationException');
      }
      ctx.writeObject(line);
    },
  }),
};

class CultureInfo extends DotNetObject {
  get LCID(): number { return 1033; }
  get Name(): string { return 'en-US'; }
  get DisplayName(): string { return 'English (United States)'; }
  get TwoLetterISOLanguageName(): string { return 'en'; }
  get psTypeNames(): readonly string[] { return ['System.Globalization.CultureInfo', 'System.Object']; }
  psPropertyNames(): readonly string[] { return ['LCID', 'Name', 'DisplayName']; }
  toString(): string { return 'en-US'; }
}

const getCulture: CmdletDefinition = {
  name: 'Get-Culture',
  parameters: [{ name: 'Name', type: 'string', position: 0 }, { name: 'ListAvailable', type: 'switch' }, { name: 'NoUserOverrides', type: 'switch' }],
  create: (ctx) => ({ end: () => ctx.writeObject(new CultureInfo()) }),
};

const newGuid: CmdletDefinition = {
  name: 'New-Guid',
  parameters: [{ name: 'Empty', type: 'switch' }, { name: 'InputObject', type: 'string', valueFromPipeline: true }],
  create: (ctx) => ({
    process(p) {
      if (p.InputObject !== undefined) ctx.writeObject(convertTo(p.InputObject, 'guid'));
      else ctx.writeObject(flag(p, 'Empty') ? PSGuid.empty : PSGuid.newGuid());
    },
  }),
};

export const utilityCommands: readonly CmdletDefinition[] = [
  getDate, startSleep, getRandom, invokeExpression, getHost, clearHost, readHost, getCulture, newGuid,
];
