// psh's own event logs: one JSON-lines file per log under <dataDirectory>/eventlogs, plus a
// settings file per log (sources, size limit, overflow action, where Index numbering starts).
// Several threads and processes write at once, so an event is one append of one line and its
// Index is its position in the file: nothing is read-modify-written on the hot path.

import type { Host } from '../../runtime/host.js';
import type { EntryType, OverflowAction, StoredEvent } from './entry.js';

export interface LogSettings {
  readonly log: string;
  readonly sources: readonly string[];
  readonly maximumKilobytes: number;
  readonly overflowAction: OverflowAction;
  readonly retentionDays: number;
  /** Index of the last entry cleared or trimmed away, so numbering continues after Clear-EventLog. */
  readonly indexBase: number;
}

export interface IndexedEvent {
  readonly index: number;
  readonly event: StoredEvent;
}

export const WINDOWS_POWERSHELL_LOG = 'Windows PowerShell';

/** Logs every psh host has, with Windows' default sources and sizes. */
const BUILT_IN: readonly LogSettings[] = [
  { log: 'Application', sources: ['Application'], maximumKilobytes: 20480, overflowAction: 'OverwriteAsNeeded', retentionDays: 0, indexBase: 0 },
  { log: 'System', sources: ['EventLog', 'System'], maximumKilobytes: 20480, overflowAction: 'OverwriteAsNeeded', retentionDays: 0, indexBase: 0 },
  { log: WINDOWS_POWERSHELL_LOG, sources: ['PowerShell'], maximumKilobytes: 15360, overflowAction: 'OverwriteAsNeeded', retentionDays: 0, indexBase: 0 },
];

function fileStem(log: string): string {
  return log.replace(/[^A-Za-z0-9_-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function parseLine(line: string): StoredEvent | null {
  try {
    const value = JSON.parse(line) as StoredEvent;
    return typeof value === 'object' && value !== null && typeof value.message === 'string' ? value : null;
  } catch {
    // A line another writer has not finished yet.
    return null;
  }
}

export class EventLogStore {
  readonly directory: string;

  constructor(private readonly host: Host) {
    this.directory = `${host.dataDirectory}/eventlogs`;
  }

  private eventsPath(log: string): string {
    return `${this.directory}/${fileStem(log)}.jsonl`;
  }

  private settingsPath(log: string): string {
    return `${this.directory}/${fileStem(log)}.settings.json`;
  }

  private ensureDirectory(): void {
    if (!this.host.fs.exists(this.directory)) this.host.fs.makeDir(this.directory, true);
  }

  /** Every log: the built-in ones and those made with New-EventLog. */
  logs(): LogSettings[] {
    const found = new Map<string, LogSettings>(BUILT_IN.map((s) => [s.log.toLowerCase(), s]));
    if (this.host.fs.exists(this.directory)) {
      for (const file of this.host.fs.readDir(this.directory)) {
        if (!file.endsWith('.settings.json')) continue;
        const settings = this.readSettingsFile(`${this.directory}/${file}`);
        if (settings) found.set(settings.log.toLowerCase(), settings);
      }
    }
    return [...found.values()].sort((a, b) => a.log.localeCompare(b.log));
  }

  settings(log: string): LogSettings | null {
    const own = this.readSettingsFile(this.settingsPath(log));
    if (own) return own;
    const builtIn = BUILT_IN.find((s) => s.log.toLowerCase() === log.toLowerCase());
    if (builtIn) return builtIn;
    const name = this.canonical(log);
    return name !== null && name !== log ? this.readSettingsFile(this.settingsPath(name)) : null;
  }

  /** The log's name as it was created, or null when there is no such log. */
  canonical(log: string): string | null {
    return this.logs().find((s) => s.log.toLowerCase() === log.toLowerCase())?.log ?? null;
  }

  /** The log a source is registered for. */
  logOfSource(source: string): string | null {
    return this.logs().find((s) => s.sources.some((x) => x.toLowerCase() === source.toLowerCase()))?.log ?? null;
  }

  saveSettings(settings: LogSettings): void {
    this.ensureDirectory();
    this.host.fs.writeText(this.settingsPath(settings.log), JSON.stringify(settings), false);
  }

  removeLog(log: string): void {
    for (const path of [this.eventsPath(log), this.settingsPath(log)]) {
      if (this.host.fs.exists(path)) this.host.fs.remove(path, false);
    }
  }

  /** Entries oldest first, numbered from the log's index base. */
  read(log: string): IndexedEvent[] {
    const path = this.eventsPath(log);
    if (!this.host.fs.exists(path)) return [];
    const base = this.settings(log)?.indexBase ?? 0;
    const out: IndexedEvent[] = [];
    let index = base;
    for (const line of this.host.fs.readText(path).split('\n')) {
      if (line === '') continue;
      index++;
      const event = parseLine(line);
      if (event) out.push({ index, event });
    }
    return out;
  }

  /** Appends events in one write, so a batch from one writer stays together. */
  append(log: string, events: readonly StoredEvent[]): void {
    this.ensureDirectory();
    const path = this.eventsPath(log);
    this.host.fs.writeText(path, events.map((e) => JSON.stringify(e) + '\n').join(''), true);
    this.enforceLimit(log, path);
  }

  clear(log: string): void {
    const settings = this.settings(log);
    const last = this.read(log).at(-1)?.index ?? settings?.indexBase ?? 0;
    if (settings) this.saveSettings({ ...settings, indexBase: last });
    const path = this.eventsPath(log);
    if (this.host.fs.exists(path)) this.host.fs.writeText(path, '', false);
  }

  /** OverwriteAsNeeded/OverwriteOlder: when the file outgrows the limit, the oldest entries go. */
  private enforceLimit(log: string, path: string): void {
    const settings = this.settings(log);
    if (!settings || settings.overflowAction === 'DoNotOverwrite') return;
    const limit = settings.maximumKilobytes * 1024;
    if (this.host.fs.stat(path).size <= limit) return;
    const lines = this.host.fs.readText(path).split('\n').filter((l) => l !== '');
    let size = lines.reduce((n, l) => n + l.length + 1, 0);
    let drop = 0;
    while (size > limit * 0.9 && drop < lines.length - 1) size -= lines[drop++].length + 1;
    this.saveSettings({ ...settings, indexBase: settings.indexBase + drop });
    this.host.fs.writeText(path, lines.slice(drop).map((l) => l + '\n').join(''), false);
  }

  /** Whether a DoNotOverwrite log has reached its size limit. */
  isFull(log: string): boolean {
    const settings = this.settings(log);
    const path = this.eventsPath(log);
    if (!settings || settings.overflowAction !== 'DoNotOverwrite' || !this.host.fs.exists(path)) return false;
    return this.host.fs.stat(path).size >= settings.maximumKilobytes * 1024;
  }

  private readSettingsFile(path: string): LogSettings | null {
    try {
      return this.host.fs.exists(path) ? (JSON.parse(this.host.fs.readText(path)) as LogSettings) : null;
    } catch {
      return null;
    }
  }
}

export function newEvent(host: Host, fields: { entryType: EntryType; eventId: number; instanceId?: number; source: string; category: number; categoryName?: string; message: string; replacementStrings?: readonly string[]; data?: readonly number[] }): StoredEvent {
  return {
    time: host.now(),
    entryType: fields.entryType,
    eventId: fields.eventId,
    instanceId: fields.instanceId ?? fields.eventId,
    source: fields.source,
    category: fields.category,
    categoryName: fields.categoryName,
    message: fields.message,
    replacementStrings: fields.replacementStrings ?? [fields.message],
    userName: null,
    machineName: host.computerName,
    data: fields.data,
  };
}
