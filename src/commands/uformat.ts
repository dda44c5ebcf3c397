// Get-Date -UFormat: the Unix strftime-style specifiers PowerShell supports, en-US names.

import { PSDateTime, formatDateTime } from '../runtime/datetime.js';

function pad(n: number, width = 2, fill = '0'): string {
  return String(n).padStart(width, fill);
}

/** ISO 8601 week number (Monday first, week 1 holds the first Thursday). */
function isoWeek(dt: PSDateTime): number {
  const d = new Date(Date.UTC(dt.Year, dt.Month - 1, dt.Day));
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  return 1 + Math.round(((d.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
}

function specifier(dt: PSDateTime, c: string): string | null {
  switch (c) {
    case 'a': return formatDateTime(dt, 'ddd');
    case 'A': return formatDateTime(dt, 'dddd');
    case 'b': case 'h': return formatDateTime(dt, 'MMM');
    case 'B': return formatDateTime(dt, 'MMMM');
    case 'c': return formatDateTime(dt, 'ddd MMM dd HH:mm:ss yyyy');
    case 'C': return pad(Math.floor(dt.Year / 100));
    case 'd': return pad(dt.Day);
    case 'D': return formatDateTime(dt, 'MM/dd/yy');
    case 'e': return pad(dt.Day, 2, ' ');
    case 'F': return formatDateTime(dt, 'yyyy-MM-dd');
    case 'g': return pad(dt.Year % 100);
    case 'G': return String(dt.Year);
    case 'H': return pad(dt.Hour);
    case 'I': return pad(dt.Hour % 12 === 0 ? 12 : dt.Hour % 12);
    case 'j': return pad(dt.DayOfYear, 3);
    case 'k': return pad(dt.Hour, 2, ' ');
    case 'l': return pad(dt.Hour % 12 === 0 ? 12 : dt.Hour % 12, 2, ' ');
    case 'm': return pad(dt.Month);
    case 'M': return pad(dt.Minute);
    case 'n': return '\n';
    case 'p': return dt.Hour < 12 ? 'AM' : 'PM';
    case 'r': return formatDateTime(dt, 'hh:mm:ss tt');
    case 'R': return formatDateTime(dt, 'HH:mm');
    case 's': return String(Math.floor(dt.ToUniversalTime().wallMs / 1000));
    case 'S': return pad(dt.Second);
    case 't': return '\t';
    case 'T': return formatDateTime(dt, 'HH:mm:ss');
    case 'u': return String(((['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].indexOf(dt.DayOfWeek) + 6) % 7) + 1);
    case 'U': return pad(Math.floor((dt.DayOfYear - 1 + ((new Date(Date.UTC(dt.Year, 0, 1)).getUTCDay()))) / 7));
    case 'V': return pad(isoWeek(dt));
    case 'w': return String(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].indexOf(dt.DayOfWeek));
    case 'x': return formatDateTime(dt, 'MM/dd/yy');
    case 'X': return formatDateTime(dt, 'HH:mm:ss');
    case 'y': return pad(dt.Year % 100);
    case 'Y': return String(dt.Year);
    case 'z': return formatDateTime(dt, 'zzz').replace(':', '');
    case 'Z': return formatDateTime(dt, 'zz');
    case '%': return '%';
  }
  return null;
}

export function uformat(dt: PSDateTime, format: string): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== '%' || i + 1 >= format.length) {
      out += c;
      continue;
    }
    const s = specifier(dt, format[++i]);
    out += s ?? format[i];
  }
  return out;
}
