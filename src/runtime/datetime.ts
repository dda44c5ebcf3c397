// System.DateTime and System.TimeSpan as PowerShell scripts use them. A DateTime is kept as .NET
// keeps it: a wall-clock time (here milliseconds since 1970 read with the UTC getters) plus a
// Kind, so Local times print as the user's clock shows them. Culture is fixed to en-US.

import { DotNetObject } from './values.js';

export type DateTimeKind = 'Unspecified' | 'Utc' | 'Local';

const MS_PER_DAY = 86_400_000;
/** Ticks from 0001-01-01 to 1970-01-01. */
const EPOCH_TICKS = 621_355_968_000_000_000n;

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Minutes east of UTC for the local zone at a UTC instant. */
function localOffsetMinutes(utcMs: number): number {
  return -new Date(utcMs).getTimezoneOffset();
}

function pad(n: number, width: number): string {
  return String(Math.abs(n)).padStart(width, '0');
}

export class PSDateTime extends DotNetObject {
  constructor(
    /** Wall-clock milliseconds since 1970-01-01 (read with UTC getters). */
    readonly wallMs: number,
    readonly kind: DateTimeKind = 'Local',
  ) {
    super();
  }

  static fromUtcMs(utcMs: number, kind: DateTimeKind = 'Local'): PSDateTime {
    return kind === 'Local' ? new PSDateTime(utcMs + localOffsetMinutes(utcMs) * 60_000, 'Local') : new PSDateTime(utcMs, kind);
  }

  static now(): PSDateTime {
    return PSDateTime.fromUtcMs(Date.now(), 'Local');
  }

  static fromParts(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0, kind: DateTimeKind = 'Unspecified'): PSDateTime {
    const d = new Date(0);
    d.setUTCFullYear(year, month - 1, day);
    d.setUTCHours(hour, minute, second, ms);
    return new PSDateTime(d.getTime(), kind);
  }

  /** The instant this time denotes (Unspecified counts as local, as .NET's ToUniversalTime does). */
  get utcMs(): number {
    if (this.kind === 'Utc') return this.wallMs;
    return this.wallMs - localOffsetMinutes(this.wallMs - localOffsetMinutes(this.wallMs) * 60_000) * 60_000;
  }

  private get date(): Date {
    return new Date(this.wallMs);
  }

  get Year(): number { return this.date.getUTCFullYear(); }
  get Month(): number { return this.date.getUTCMonth() + 1; }
  get Day(): number { return this.date.getUTCDate(); }
  get Hour(): number { return this.date.getUTCHours(); }
  get Minute(): number { return this.date.getUTCMinutes(); }
  get Second(): number { return this.date.getUTCSeconds(); }
  get Millisecond(): number { return this.date.getUTCMilliseconds(); }
  get DayOfWeek(): string { return DAY_NAMES[this.date.getUTCDay()]; }
  get DayOfYear(): number {
    return Math.floor((this.wallMs - Date.UTC(this.Year, 0, 1)) / MS_PER_DAY) + 1;
  }
  get Kind(): string { return this.kind; }
  get Ticks(): bigint { return EPOCH_TICKS + BigInt(Math.round(this.wallMs)) * 10_000n; }
  get Date(): PSDateTime { return new PSDateTime(this.wallMs - this.msOfDay, this.kind); }
  get TimeOfDay(): PSTimeSpan { return new PSTimeSpan(this.msOfDay); }
  /** PowerShell's DateTime script property: the long form the console shows for Get-Date. */
  get DateTime(): string { return this.ToString('dddd, MMMM d, yyyy h:mm:ss tt'); }

  private get msOfDay(): number {
    return ((this.wallMs % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  }

  get psTypeNames(): readonly string[] {
    return ['System.DateTime', 'System.ValueType', 'System.Object'];
  }

  psPropertyNames(): readonly string[] {
    return ['DateTime', 'Date', 'Day', 'DayOfWeek', 'DayOfYear', 'Hour', 'Kind', 'Millisecond', 'Minute', 'Month', 'Second', 'Ticks', 'TimeOfDay', 'Year'];
  }

  override psMethodNames(): readonly string[] {
    return ['AddDays', 'AddHours', 'AddMinutes', 'AddSeconds', 'AddMilliseconds', 'AddMonths', 'AddYears', 'AddTicks', 'Add', 'Subtract',
      'ToString', 'ToUniversalTime', 'ToLocalTime', 'ToShortDateString', 'ToLongDateString', 'ToShortTimeString', 'ToLongTimeString',
      'CompareTo', 'Equals', 'IsDaylightSavingTime'];
  }

  private plus(ms: number): PSDateTime {
    return new PSDateTime(this.wallMs + ms, this.kind);
  }

  AddDays(n: number): PSDateTime { return this.plus(n * MS_PER_DAY); }
  AddHours(n: number): PSDateTime { return this.plus(n * 3_600_000); }
  AddMinutes(n: number): PSDateTime { return this.plus(n * 60_000); }
  AddSeconds(n: number): PSDateTime { return this.plus(n * 1000); }
  AddMilliseconds(n: number): PSDateTime { return this.plus(n); }
  AddTicks(n: number | bigint): PSDateTime { return this.plus(Number(n) / 10_000); }
  AddMonths(n: number): PSDateTime {
    const d = this.date;
    const targetMonth = d.getUTCMonth() + Math.trunc(n);
    const year = d.getUTCFullYear() + Math.floor(targetMonth / 12);
    const month = ((targetMonth % 12) + 12) % 12;
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const r = PSDateTime.fromParts(year, month + 1, Math.min(d.getUTCDate(), lastDay), 0, 0, 0, 0, this.kind);
    return new PSDateTime(r.wallMs + this.msOfDay, this.kind);
  }
  AddYears(n: number): PSDateTime { return this.AddMonths(n * 12); }
  Add(span: PSTimeSpan): PSDateTime { return this.plus(span.ms); }
  Subtract(other: PSDateTime | PSTimeSpan): PSDateTime | PSTimeSpan {
    return other instanceof PSTimeSpan ? this.plus(-other.ms) : new PSTimeSpan(this.utcMs - other.utcMs);
  }
  ToUniversalTime(): PSDateTime {
    return this.kind === 'Utc' ? this : new PSDateTime(this.utcMs, 'Utc');
  }
  ToLocalTime(): PSDateTime {
    return this.kind === 'Local' ? this : PSDateTime.fromUtcMs(this.kind === 'Utc' ? this.wallMs : this.utcMs, 'Local');
  }
  IsDaylightSavingTime(): boolean {
    const year = this.Year;
    const winter = Math.min(localOffsetMinutes(Date.UTC(year, 0, 1)), localOffsetMinutes(Date.UTC(year, 6, 1)));
    return localOffsetMinutes(this.utcMs) > winter;
  }
  ToShortDateString(): string { return this.ToString('d'); }
  ToLongDateString(): string { return this.ToString('D'); }
  ToShortTimeString(): string { return this.ToString('t'); }
  ToLongTimeString(): string { return this.ToString('T'); }
  CompareTo(other: unknown): number {
    if (!(other instanceof PSDateTime)) return 1;
    return Math.sign(this.wallMs - other.wallMs);
  }
  Equals(other: unknown): boolean {
    return other instanceof PSDateTime && other.wallMs === this.wallMs;
  }

  /** .NET's DateTime.ToString(format) for en-US; no format is the general `G` form. */
  ToString(format?: string | null): string {
    return formatDateTime(this, format === undefined || format === null || format === '' ? 'G' : format);
  }

  toString(): string {
    return this.ToString();
  }

  /** The zone offset this time has, in minutes (0 for Utc). */
  get offsetMinutes(): number {
    return this.kind === 'Utc' ? 0 : Math.round((this.wallMs - this.utcMs) / 60_000);
  }
}

const STANDARD_DATE_FORMATS: Record<string, string> = {
  d: 'M/d/yyyy', D: 'dddd, MMMM d, yyyy', t: 'h:mm tt', T: 'h:mm:ss tt', f: 'dddd, MMMM d, yyyy h:mm tt',
  F: 'dddd, MMMM d, yyyy h:mm:ss tt', g: 'M/d/yyyy h:mm tt', G: 'M/d/yyyy h:mm:ss tt', M: 'MMMM d', m: 'MMMM d', Y: 'MMMM yyyy',
  y: 'MMMM yyyy', s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss", o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK", O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
};

/** Formats a DateTime with a standard (`d`, `G`, `o`, `u`, `r` ...) or custom (`yyyy-MM-dd HH:mm`) format string. */
export function formatDateTime(dt: PSDateTime, format: string): string {
  if (format.length === 1) {
    if (format === 'u') return formatCustom(dt.ToUniversalTime(), "yyyy'-'MM'-'dd HH':'mm':'ss'Z'");
    if (format === 'U') return formatCustom(dt.ToUniversalTime(), 'dddd, MMMM d, yyyy h:mm:ss tt');
    if (format === 'r' || format === 'R') return formatCustom(dt.ToUniversalTime(), "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'");
    const standard = STANDARD_DATE_FORMATS[format];
    if (standard !== undefined) return formatCustom(dt, standard);
  }
  return formatCustom(dt, format);
}

function runLength(format: string, i: number): number {
  let n = 1;
  while (format[i + n] === format[i]) n++;
  return n;
}

function formatCustom(dt: PSDateTime, format: string): string {
  let out = '';
  // A lone one-letter custom format is written `%d`; the `%` just marks it.
  for (let i = 0; i < format.length;) {
    const c = format[i];
    const n = runLength(format, i);
    switch (c) {
      case 'y': out += n === 1 ? String(dt.Year % 100) : n === 2 ? pad(dt.Year % 100, 2) : pad(dt.Year, n); break;
      case 'M': out += n === 1 ? String(dt.Month) : n === 2 ? pad(dt.Month, 2) : n === 3 ? MONTH_NAMES[dt.Month - 1].slice(0, 3) : MONTH_NAMES[dt.Month - 1]; break;
      case 'd': out += n === 1 ? String(dt.Day) : n === 2 ? pad(dt.Day, 2) : n === 3 ? dt.DayOfWeek.slice(0, 3) : dt.DayOfWeek; break;
      case 'H': out += n === 1 ? String(dt.Hour) : pad(dt.Hour, 2); break;
      case 'h': { const h = dt.Hour % 12 === 0 ? 12 : dt.Hour % 12; out += n === 1 ? String(h) : pad(h, 2); break; }
      case 'm': out += n === 1 ? String(dt.Minute) : pad(dt.Minute, 2); break;
      case 's': out += n === 1 ? String(dt.Second) : pad(dt.Second, 2); break;
      case 'f': case 'F': {
        const digits = (pad(dt.Millisecond, 3) + '0000').slice(0, Math.min(n, 7));
        out += c === 'F' ? digits.replace(/0+$/, '') : digits;
        break;
      }
      case 't': out += (dt.Hour < 12 ? 'AM' : 'PM').slice(0, n === 1 ? 1 : 2); break;
      case 'z': {
        const off = dt.offsetMinutes;
        const sign = off < 0 ? '-' : '+';
        const h = Math.floor(Math.abs(off) / 60);
        out += sign + (n === 1 ? String(h) : n === 2 ? pad(h, 2) : pad(h, 2) + ':' + pad(Math.abs(off) % 60, 2));
        break;
      }
      case 'K': {
        if (dt.kind === 'Utc') out += 'Z';
        else if (dt.kind === 'Local') { const off = dt.offsetMinutes; out += (off < 0 ? '-' : '+') + pad(Math.floor(Math.abs(off) / 60), 2) + ':' + pad(Math.abs(off) % 60, 2); }
        i += 1;
        continue;
      }
      case "'": case '"': {
        const end = format.indexOf(c, i + 1);
        out += format.slice(i + 1, end < 0 ? format.length : end);
        i = end < 0 ? format.length : end + 1;
        continue;
      }
      case '\\': out += format[i + 1] ?? ''; i += 2; continue;
      case '%': i += 1; continue;
      default: out += format.slice(i, i + n);
    }
    i += n;
  }
  return out;
}

/** DateTime.Parse for the forms scripts write: ISO 8601, en-US `M/d/yyyy h:mm:ss tt`, month names. Null when unparsable. */
export function parseDateTime(text: string): PSDateTime | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (iso) {
    const ms = iso[7] ? Math.round(Number('0.' + iso[7]) * 1000) : 0;
    const dt = PSDateTime.fromParts(+iso[1], +iso[2], +iso[3], +(iso[4] ?? 0), +(iso[5] ?? 0), +(iso[6] ?? 0), ms, 'Unspecified');
    if (!validParts(dt, +iso[1], +iso[2], +iso[3], +(iso[4] ?? 0))) return null;
    return withZone(dt, iso[8]);
  }
  const us = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(AM|PM)?)?$/i.exec(s)
    ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(AM|PM)?)?$/i.exec(s);
  if (us) {
    const yearFirst = us[1].length === 4;
    const [year, month, day] = yearFirst ? [+us[1], +us[2], +us[3]] : [+us[3], +us[1], +us[2]];
    let hour = +(us[4] ?? 0);
    const ampm = us[8]?.toUpperCase();
    if (ampm === 'PM' && hour < 12) hour += 12;
    if (ampm === 'AM' && hour === 12) hour = 0;
    const ms = us[7] ? Math.round(Number('0.' + us[7]) * 1000) : 0;
    const dt = PSDateTime.fromParts(year, month, day, hour, +(us[5] ?? 0), +(us[6] ?? 0), ms, 'Unspecified');
    return validParts(dt, year, month, day, hour) ? dt : null;
  }
  if (/[a-z]{3}/i.test(s)) {
    // Month-name forms ("January 2, 2024", "2 Jan 2024 10:00"): JS reads them as local time.
    const local = Date.parse(s);
    if (!Number.isNaN(local)) {
      const d = new Date(local);
      return PSDateTime.fromParts(d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds(), 'Unspecified');
    }
  }
  return null;
}

function validParts(dt: PSDateTime, year: number, month: number, day: number, hour: number): boolean {
  return dt.Year === year && dt.Month === month && dt.Day === day && hour < 24;
}

function withZone(dt: PSDateTime, zone: string | undefined): PSDateTime {
  if (zone === undefined) return dt;
  let offset = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    offset = (digits[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  // .NET turns a time with a zone into the local time of the same instant.
  return PSDateTime.fromUtcMs(dt.wallMs - offset * 60_000, 'Local');
}

export class PSTimeSpan extends DotNetObject {
  constructor(readonly ms: number) {
    super();
  }

  static fromParts(days: number, hours: number, minutes: number, seconds: number, ms = 0): PSTimeSpan {
    return new PSTimeSpan((((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000 + ms);
  }

  private part(unitMs: number, modulo: number): number {
    return Math.trunc(this.ms / unitMs) % modulo + 0;
  }

  get Ticks(): bigint { return BigInt(Math.round(this.ms * 10_000)); }
  get Days(): number { return Math.trunc(this.ms / MS_PER_DAY) + 0; }
  get Hours(): number { return this.part(3_600_000, 24); }
  get Minutes(): number { return this.part(60_000, 60); }
  get Seconds(): number { return this.part(1000, 60); }
  get Milliseconds(): number { return Math.trunc(this.ms) % 1000 + 0; }
  get TotalDays(): number { return this.ms / MS_PER_DAY; }
  get TotalHours(): number { return this.ms / 3_600_000; }
  get TotalMinutes(): number { return this.ms / 60_000; }
  get TotalSeconds(): number { return this.ms / 1000; }
  get TotalMilliseconds(): number { return this.ms; }

  get psTypeNames(): readonly string[] {
    return ['System.TimeSpan', 'System.ValueType', 'System.Object'];
  }

  psPropertyNames(): readonly string[] {
    return ['Ticks', 'Days', 'Hours', 'Milliseconds', 'Minutes', 'Seconds', 'TotalDays', 'TotalHours', 'TotalMilliseconds', 'TotalMinutes', 'TotalSeconds'];
  }

  override psMethodNames(): readonly string[] {
    return ['Add', 'Subtract', 'Negate', 'Duration', 'ToString', 'CompareTo', 'Equals'];
  }

  Add(other: PSTimeSpan): PSTimeSpan { return new PSTimeSpan(this.ms + other.ms); }
  Subtract(other: PSTimeSpan): PSTimeSpan { return new PSTimeSpan(this.ms - other.ms); }
  Negate(): PSTimeSpan { return new PSTimeSpan(-this.ms); }
  Duration(): PSTimeSpan { return new PSTimeSpan(Math.abs(this.ms)); }
  CompareTo(other: unknown): number { return other instanceof PSTimeSpan ? Math.sign(this.ms - other.ms) : 1; }
  Equals(other: unknown): boolean { return other instanceof PSTimeSpan && other.ms === this.ms; }

  /** `[-][d.]hh:mm:ss[.fffffff]` (the `c` format), or a custom format such as `hh\:mm`. */
  ToString(format?: string | null): string {
    if (format === undefined || format === null || format === '' || format === 'c' || format === 't' || format === 'T') {
      const ticks = this.Ticks < 0n ? -this.Ticks : this.Ticks;
      const fraction = Number(ticks % 10_000_000n);
      const span = new PSTimeSpan(Math.abs(this.ms));
      return (this.ms < 0 ? '-' : '') + (span.Days !== 0 ? span.Days + '.' : '') + pad(span.Hours, 2) + ':' + pad(span.Minutes, 2) + ':' +
        pad(span.Seconds, 2) + (fraction !== 0 ? '.' + pad(fraction, 7) : '');
    }
    if (format === 'g' || format === 'G') {
      // General short (`1:02:03`) and long (`0:01:02:03.0000000`) forms.
      const span = new PSTimeSpan(Math.abs(this.ms));
      const fraction = Number((span.Ticks) % 10_000_000n);
      const sign = this.ms < 0 ? '-' : '';
      if (format === 'G') return sign + span.Days + ':' + pad(span.Hours, 2) + ':' + pad(span.Minutes, 2) + ':' + pad(span.Seconds, 2) + '.' + pad(fraction, 7);
      return sign + (span.Days !== 0 ? span.Days + ':' : '') + span.Hours + ':' + pad(span.Minutes, 2) + ':' + pad(span.Seconds, 2) +
        (fraction !== 0 ? '.' + pad(fraction, 7).replace(/0+$/, '') : '');
    }
    return formatTimeSpanCustom(this, format);
  }

  toString(): string {
    return this.ToString();
  }
}

function formatTimeSpanCustom(ts: PSTimeSpan, format: string): string {
  const span = new PSTimeSpan(Math.abs(ts.ms));
  let out = '';
  for (let i = 0; i < format.length;) {
    const c = format[i];
    const n = runLength(format, i);
    switch (c) {
      case 'd': out += pad(span.Days, n); break;
      case 'h': out += pad(span.Hours, n); break;
      case 'm': out += pad(span.Minutes, n); break;
      case 's': out += pad(span.Seconds, n); break;
      case 'f': case 'F': {
        const digits = (pad(span.Milliseconds, 3) + '0000').slice(0, Math.min(n, 7));
        out += c === 'F' ? digits.replace(/0+$/, '') : digits;
        break;
      }
      case "'": {
        const end = format.indexOf("'", i + 1);
        out += format.slice(i + 1, end < 0 ? format.length : end);
        i = end < 0 ? format.length : end + 1;
        continue;
      }
      case '\\': out += format[i + 1] ?? ''; i += 2; continue;
      case '%': i += 1; continue;
      default: out += format.slice(i, i + n);
    }
    i += n;
  }
  return out;
}

/** TimeSpan.Parse: `[-][d.]hh:mm[:ss[.fffffff]]` or a whole number of days. Null when unparsable. */
export function parseTimeSpan(text: string): PSTimeSpan | null {
  const m = /^\s*(-)?(?:(\d+)\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?\s*$/.exec(text);
  if (m) {
    const hours = +m[3];
    const minutes = +m[4];
    const seconds = +(m[5] ?? 0);
    if (hours > 23 || minutes > 59 || seconds > 59) return null;
    const fraction = m[6] ? Number('0.' + m[6]) * 1000 : 0;
    const span = PSTimeSpan.fromParts(+(m[2] ?? 0), hours, minutes, seconds, fraction);
    return m[1] ? span.Negate() : span;
  }
  const days = /^\s*(-?\d+)\s*$/.exec(text);
  return days ? PSTimeSpan.fromParts(+days[1], 0, 0, 0) : null;
}
