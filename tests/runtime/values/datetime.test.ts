import { describe, expect, it } from 'vitest';
import { PSDateTime, PSTimeSpan, formatDateTime, parseDateTime, parseTimeSpan } from '../../../src/runtime/datetime.js';
import { binaryOperator } from '../../../src/runtime/operators.js';

describe('DateTime formatting (en-US)', () => {
  const morning = PSDateTime.fromParts(2026, 11, 25, 5, 30, 0, 0, 'Unspecified');
  const evening = PSDateTime.fromParts(2024, 1, 2, 15, 4, 5, 67, 'Utc');
  const table: { date: PSDateTime; format: string; want: string }[] = [
    { date: morning, format: 'G', want: '11/25/2026 5:30:00 AM' }, { date: morning, format: 'd', want: '11/25/2026' },
    { date: morning, format: 'D', want: 'Wednesday, November 25, 2026' }, { date: morning, format: 'F', want: 'Wednesday, November 25, 2026 5:30:00 AM' },
    { date: morning, format: 't', want: '5:30 AM' }, { date: morning, format: 'T', want: '5:30:00 AM' }, { date: morning, format: 'g', want: '11/25/2026 5:30 AM' },
    { date: morning, format: 'M', want: 'November 25' }, { date: morning, format: 'Y', want: 'November 2026' }, { date: morning, format: 's', want: '2026-11-25T05:30:00' },
    { date: evening, format: 'o', want: '2024-01-02T15:04:05.0670000Z' }, { date: evening, format: 'u', want: '2024-01-02 15:04:05Z' },
    { date: evening, format: 'r', want: 'Tue, 02 Jan 2024 15:04:05 GMT' }, { date: evening, format: 'yyyy-MM-dd HH:mm:ss.fff', want: '2024-01-02 15:04:05.067' },
    { date: evening, format: 'dddd d MMM yy', want: 'Tuesday 2 Jan 24' }, { date: evening, format: 'hh:mm tt', want: '03:04 PM' }, { date: evening, format: 'h:m:s', want: '3:4:5' },
    { date: evening, format: "'Day' d", want: 'Day 2' }, { date: evening, format: 'yyyyMMdd\\THHmm', want: '20240102T1504' }, { date: evening, format: '%d', want: '2' },
    { date: evening, format: 'K', want: 'Z' },
  ];
  it.each(table)('$format', ({ date, format, want }) => expect(formatDateTime(date, format)).toBe(want));

  it('has the properties scripts read', () => {
    expect([morning.Year, morning.Month, morning.Day, morning.Hour, morning.Minute, morning.DayOfWeek, morning.DayOfYear]).toEqual([2026, 11, 25, 5, 30, 'Wednesday', 329]);
    expect(morning.DateTime).toBe('Wednesday, November 25, 2026 5:30:00 AM');
    expect(morning.Date.toString()).toBe('11/25/2026 12:00:00 AM');
    expect(morning.TimeOfDay.toString()).toBe('05:30:00');
    expect(PSDateTime.fromParts(1, 1, 1).Ticks).toBe(0n);
  });
});

describe('DateTime arithmetic', () => {
  const a = PSDateTime.fromParts(2024, 1, 2, 12, 0, 0, 0, 'Utc');
  const b = PSDateTime.fromParts(2024, 1, 1, 0, 0, 0, 0, 'Utc');
  it('subtracts dates to a TimeSpan and adds spans', () => {
    expect(binaryOperator('-', a, b)).toEqual(new PSTimeSpan(36 * 3_600_000));
    expect(binaryOperator('+', b, new PSTimeSpan(36 * 3_600_000))).toEqual(a);
    expect(binaryOperator('-', a, new PSTimeSpan(36 * 3_600_000))).toEqual(b);
    expect(binaryOperator('-gt', a, b)).toBe(true);
    expect(binaryOperator('-eq', b, PSDateTime.fromParts(2024, 1, 1, 0, 0, 0, 0, 'Utc'))).toBe(true);
  });
});

describe('parsing', () => {
  const dates: { text: string; want: PSDateTime | null }[] = [
    { text: '2024-01-02', want: PSDateTime.fromParts(2024, 1, 2) }, { text: ' 2024-1-2 ', want: PSDateTime.fromParts(2024, 1, 2) },
    { text: '2024-01-02 10:20', want: PSDateTime.fromParts(2024, 1, 2, 10, 20) }, { text: '2024-01-02T10:20:30.5', want: PSDateTime.fromParts(2024, 1, 2, 10, 20, 30, 500) },
    { text: '01/02/2024 10:20:30 PM', want: PSDateTime.fromParts(2024, 1, 2, 22, 20, 30) }, { text: '2024/01/02', want: PSDateTime.fromParts(2024, 1, 2) },
    { text: 'January 2, 2024', want: PSDateTime.fromParts(2024, 1, 2) }, { text: 'nonsense', want: null }, { text: '2024-13-01', want: null },
  ];
  it.each(dates)('$text', ({ text, want }) => expect(parseDateTime(text)).toEqual(want));

  it('reads a zone into local time of the same instant', () => {
    const d = parseDateTime('2024-01-02T10:00:00Z')!;
    expect(d.kind).toBe('Local');
    expect(d.ToUniversalTime().ToString('o')).toBe('2024-01-02T10:00:00.0000000Z');
  });

  const spans: { text: string; want: number | null; shown: string }[] = [
    { text: '01:02:03', want: 3_723_000, shown: '01:02:03' }, { text: '1.02:03:04', want: 93_784_000, shown: '1.02:03:04' },
    { text: '00:00:01.5', want: 1500, shown: '00:00:01.5000000' }, { text: '-01:00', want: -3_600_000, shown: '-01:00:00' }, { text: '2', want: 172_800_000, shown: '2.00:00:00' },
    { text: '25:00', want: null, shown: '' },
  ];
  it.each(spans)('timespan $text', ({ text, want, shown }) => {
    const t = parseTimeSpan(text);
    if (want === null) expect(t).toBeNull();
    else {
      expect(t?.ms).toBe(want);
      expect(t?.toString()).toBe(shown);
    }
  });

  it('TimeSpan standard formats', () => {
    const t = new PSTimeSpan(3_723_500);
    expect([t.ToString('c'), t.ToString('g'), t.ToString('G'), new PSTimeSpan(90_000_000).ToString('g')])
      .toEqual(['01:02:03.5000000', '1:02:03.5', '0:01:02:03.5000000', '1:1:00:00']);
  });

  it('TimeSpan parts', () => {
    const t = new PSTimeSpan(93_784_005);
    expect([t.Days, t.Hours, t.Minutes, t.Seconds, t.Milliseconds, t.TotalHours]).toEqual([1, 2, 3, 4, 5, 93_784_005 / 3_600_000]);
    const n = t.Negate();
    expect([n.Days, n.Hours, n.Minutes]).toEqual([-1, -2, -3]);
  });
});
