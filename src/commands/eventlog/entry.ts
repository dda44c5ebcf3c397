// The objects Get-EventLog returns: EventLogEntry (one event) and EventLog (one log, for -List),
// with .NET's property names so the format views keyed on their type names find them.

import { PSDateTime } from '../../runtime/datetime.js';
import { DotNetObject } from '../../runtime/values.js';

export const ENTRY_TYPES = ['Error', 'Warning', 'Information', 'SuccessAudit', 'FailureAudit'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** One event as the store keeps it (a JSON line). */
export interface StoredEvent {
  readonly time: number;
  readonly entryType: EntryType;
  readonly eventId: number;
  readonly instanceId: number;
  readonly source: string;
  readonly category: number;
  readonly categoryName?: string;
  readonly message: string;
  readonly replacementStrings: readonly string[];
  readonly userName: string | null;
  readonly machineName: string;
  readonly data?: readonly number[];
}

export class EventLogEntry extends DotNetObject {
  constructor(
    readonly Index: number,
    private readonly event: StoredEvent,
  ) {
    super();
  }

  get EventID(): number { return this.event.eventId; }
  get MachineName(): string { return this.event.machineName; }
  get Data(): number[] { return [...(this.event.data ?? [])]; }
  get Category(): string { return this.event.categoryName ?? `(${this.event.category})`; }
  get CategoryNumber(): number { return this.event.category; }
  get EntryType(): EntryType { return this.event.entryType; }
  get Message(): string { return this.event.message; }
  get Source(): string { return this.event.source; }
  get ReplacementStrings(): string[] { return [...this.event.replacementStrings]; }
  get InstanceId(): bigint { return BigInt(this.event.instanceId); }
  get TimeGenerated(): PSDateTime { return PSDateTime.fromUtcMs(this.event.time); }
  get TimeWritten(): PSDateTime { return PSDateTime.fromUtcMs(this.event.time); }
  get UserName(): string | null { return this.event.userName; }
  get Site(): null { return null; }
  get Container(): null { return null; }
  get time(): number { return this.event.time; }

  get psTypeNames(): readonly string[] {
    return ['System.Diagnostics.EventLogEntry', 'System.ComponentModel.Component', 'System.MarshalByRefObject', 'System.Object'];
  }

  psPropertyNames(): readonly string[] {
    return ['EventID', 'MachineName', 'Data', 'Index', 'Category', 'CategoryNumber', 'EntryType', 'Message', 'Source',
      'ReplacementStrings', 'InstanceId', 'TimeGenerated', 'TimeWritten', 'UserName', 'Site', 'Container'];
  }

  toString(): string {
    return 'System.Diagnostics.EventLogEntry';
  }
}

export type OverflowAction = 'OverwriteAsNeeded' | 'OverwriteOlder' | 'DoNotOverwrite';

export class EventLog extends DotNetObject {
  constructor(
    readonly Log: string,
    readonly MaximumKilobytes: bigint,
    readonly OverflowAction: OverflowAction,
    readonly MinimumRetentionDays: number,
    private readonly count: number,
    readonly MachineName = '.',
  ) {
    super();
  }

  /** What Get-EventLog -List shows in its Entries column: the number of entries. */
  get Entries(): number { return this.count; }
  get LogDisplayName(): string { return this.Log; }
  get EnableRaisingEvents(): boolean { return false; }
  get Source(): string { return ''; }

  get psTypeNames(): readonly string[] {
    return ['System.Diagnostics.EventLog', 'System.ComponentModel.Component', 'System.MarshalByRefObject', 'System.Object'];
  }

  psPropertyNames(): readonly string[] {
    return ['EnableRaisingEvents', 'Entries', 'Log', 'LogDisplayName', 'MachineName', 'MaximumKilobytes',
      'MinimumRetentionDays', 'OverflowAction', 'Source'];
  }

  toString(): string {
    return 'System.Diagnostics.EventLog';
  }
}
