// JobState and JobStateInfo as PowerShell names them. A job moves NotStarted → Running →
// Completed | Failed | Stopped (Stopping on the way to Stopped); the other states exist so
// scripts comparing against them (`-State Suspended`) bind, though our job kinds never enter them.

import type { ErrorRecord, PSException } from '../runtime/error-record.js';
import { DotNetObject } from '../runtime/values.js';

export const JOB_STATES = [
  'NotStarted', 'Running', 'Completed', 'Failed', 'Stopped', 'Blocked', 'Suspended', 'Disconnected',
  'Suspending', 'Stopping', 'AtBreakpoint',
] as const;

export type JobState = (typeof JOB_STATES)[number];

/** Finished states: the job will not produce more results and may be removed. */
export function isFinishedState(state: JobState): boolean {
  return state === 'Completed' || state === 'Failed' || state === 'Stopped';
}

/** Canonical spelling of a state name given in any case, or null when it is not a state. */
export function parseJobState(text: string): JobState | null {
  const lower = text.toLowerCase();
  return JOB_STATES.find((s) => s.toLowerCase() === lower) ?? null;
}

/** System.Management.Automation.JobStateInfo: the state and, for Failed/Stopped, why. */
export class JobStateInfo extends DotNetObject {
  constructor(
    readonly State: JobState,
    readonly error: ErrorRecord | null = null,
  ) {
    super();
  }

  /** PowerShell exposes the exception, not the ErrorRecord. */
  get Reason(): PSException | null {
    return this.error?.Exception ?? null;
  }

  get psTypeNames(): readonly string[] {
    return ['System.Management.Automation.JobStateInfo', 'System.Object'];
  }

  psPropertyNames(): readonly string[] {
    return ['State', 'Reason'];
  }

  toString(): string {
    return this.State;
  }
}

/** What Receive-Job -WriteEvents writes for each state change (System.Management.Automation.JobStateEventArgs). */
export class JobStateEventArgs extends DotNetObject {
  constructor(
    readonly JobStateInfo: JobStateInfo,
    readonly PreviousJobStateInfo: JobStateInfo,
  ) {
    super();
  }

  get psTypeNames(): readonly string[] {
    return ['System.Management.Automation.JobStateEventArgs', 'System.EventArgs', 'System.Object'];
  }

  psPropertyNames(): readonly string[] {
    return ['JobStateInfo', 'PreviousJobStateInfo'];
  }

  toString(): string {
    return 'System.Management.Automation.JobStateEventArgs';
  }
}
