// The objects non-output streams carry when they are merged into the output (`3>&1`, `*>&1`):
// WarningRecord, VerboseRecord, DebugRecord and InformationRecord, as PowerShell shows them.

import { toStr } from './convert.js';
import type { InformationPayload, StreamKind } from './streams.js';
import { DotNetObject } from './values.js';

export class InformationalRecord extends DotNetObject {
  constructor(private readonly typeName: string, readonly Message: string) {
    super();
  }
  get psTypeNames(): readonly string[] {
    return [this.typeName, 'System.Management.Automation.InformationalRecord', 'System.Object'];
  }
  psPropertyNames(): readonly string[] {
    return ['Message', 'InvocationInfo', 'PipelineIterationInfo'];
  }
  get InvocationInfo(): null {
    return null;
  }
  get PipelineIterationInfo(): readonly number[] {
    return [];
  }
  toString(): string {
    return this.Message;
  }
}

export class InformationRecord extends DotNetObject {
  constructor(readonly payload: InformationPayload, private readonly computer: string, private readonly user: string, private readonly pid: number, readonly TimeGenerated: unknown) {
    super();
  }
  get MessageData(): unknown {
    return this.payload.messageData;
  }
  get Tags(): readonly string[] {
    return this.payload.tags;
  }
  get Source(): string {
    return this.payload.isHost ? 'Write-Host' : 'Write-Information';
  }
  get User(): string {
    return this.user;
  }
  get Computer(): string {
    return this.computer;
  }
  get ProcessId(): number {
    return this.pid;
  }
  get psTypeNames(): readonly string[] {
    return ['System.Management.Automation.InformationRecord', 'System.Object'];
  }
  psPropertyNames(): readonly string[] {
    return ['MessageData', 'Source', 'TimeGenerated', 'Tags', 'User', 'Computer', 'ProcessId', 'NativeThreadId', 'ManagedThreadId'];
  }
  toString(): string {
    return toStr(this.payload.messageData);
  }
}

const RECORD_TYPES: Partial<Record<StreamKind, string>> = {
  warning: 'System.Management.Automation.WarningRecord',
  verbose: 'System.Management.Automation.VerboseRecord',
  debug: 'System.Management.Automation.DebugRecord',
};

/** What a record of `stream` becomes in the output stream. */
export function recordAsOutput(stream: StreamKind, value: unknown, origin: { computer: string; user: string; pid: number; now: unknown }): unknown {
  if (value instanceof DotNetObject) return value;
  if (stream === 'information') {
    const payload: InformationPayload = value !== null && typeof value === 'object' && 'messageData' in value
      ? (value as InformationPayload)
      : { messageData: value, tags: [], isHost: false };
    return new InformationRecord(payload, origin.computer, origin.user, origin.pid, origin.now);
  }
  const type = RECORD_TYPES[stream];
  return type === undefined ? value : new InformationalRecord(type, toStr(value));
}
