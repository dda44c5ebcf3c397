// The "System" log reads the host's own system log where there is one: journald (through
// journalctl) or a classic syslog file. Without either, System is a log of psh's store like any
// other; the store then records that the log service started (event 6005), as Windows does at boot.

import type { Host } from '../../runtime/host.js';
import type { EntryType, StoredEvent } from './entry.js';
import { EventLogStore, newEvent, type IndexedEvent } from './store.js';

/** journald priorities (syslog levels) as EventLogEntry types. */
function entryTypeOfPriority(priority: number): EntryType {
  if (priority <= 3) return 'Error';
  if (priority === 4) return 'Warning';
  return 'Information';
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  // journald sends non-UTF-8 fields as byte arrays.
  if (Array.isArray(value)) return String.fromCharCode(...value.filter((b): b is number => typeof b === 'number'));
  return value === undefined || value === null ? '' : String(value);
}

function fromJournal(host: Host, limit: number): StoredEvent[] | null {
  const exe = host.process.which('journalctl', host.homeDirectory);
  if (!exe) return null;
  const r = host.process.run(exe, ['-o', 'json', '-n', String(limit), '--no-pager'], { cwd: host.homeDirectory, env: { ...host.environment } });
  if (r.error || r.exitCode !== 0) return null;
  const events: StoredEvent[] = [];
  for (const line of r.stdout.split('\n')) {
    if (line.trim() === '') continue;
    let fields: Record<string, unknown>;
    try {
      fields = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
    const priority = Number(text(fields.PRIORITY) || '6');
    const source = text(fields.SYSLOG_IDENTIFIER) || text(fields._COMM) || 'journal';
    events.push({
      time: Math.floor(Number(text(fields.__REALTIME_TIMESTAMP)) / 1000),
      entryType: entryTypeOfPriority(priority),
      eventId: 0,
      instanceId: 0,
      source,
      category: 0,
      categoryName: '(0)',
      message: text(fields.MESSAGE),
      replacementStrings: [text(fields.MESSAGE)],
      userName: null,
      machineName: text(fields._HOSTNAME) || host.computerName,
    });
  }
  return events.length > 0 ? events : null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SYSLOG_LINE = /^(\w{3})\s+(\d+)\s+(\d\d):(\d\d):(\d\d)\s+(\S+)\s+([^:[\s]+)(?:\[\d+\])?:\s?(.*)$/;

function fromSyslogFile(host: Host, limit: number): StoredEvent[] | null {
  const path = ['/var/log/syslog', '/var/log/messages'].find((p) => host.fs.exists(p));
  if (!path) return null;
  let content: string;
  try {
    content = host.fs.readText(path);
  } catch {
    return null;
  }
  const year = new Date(host.now()).getFullYear();
  const events: StoredEvent[] = [];
  for (const line of content.split('\n').slice(-limit)) {
    const m = SYSLOG_LINE.exec(line);
    if (!m) continue;
    const time = new Date(year, MONTHS.indexOf(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])).getTime();
    const message = m[8];
    const lower = message.toLowerCase();
    events.push({
      time,
      entryType: /\b(error|fail(ed|ure)?)\b/.test(lower) ? 'Error' : /\bwarn(ing)?\b/.test(lower) ? 'Warning' : 'Information',
      eventId: 0, instanceId: 0, source: m[7], category: 0, categoryName: '(0)', message,
      replacementStrings: [message], userName: null, machineName: m[6],
    });
  }
  return events.length > 0 ? events : null;
}

/** How many journal entries a Get-EventLog System reads when no -Newest narrows it. */
const DEFAULT_LIMIT = 2000;

/** Entries of the System log, oldest first. */
export function readSystemLog(host: Host, store: EventLogStore, newest: number | null): IndexedEvent[] {
  const limit = newest ?? DEFAULT_LIMIT;
  const native = fromJournal(host, limit) ?? fromSyslogFile(host, limit);
  if (native) return native.map((event, i) => ({ index: i + 1, event }));
  let own = store.read('System');
  if (own.length === 0 && (store.settings('System')?.indexBase ?? 0) === 0) {
    store.append('System', [newEvent(host, {
      entryType: 'Information', eventId: 6005, instanceId: 2147489653, source: 'EventLog', category: 0, categoryName: '(0)',
      message: 'The Event log service was started.', replacementStrings: [],
    })]);
    own = store.read('System');
  }
  return own;
}
