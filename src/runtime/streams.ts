// The six streams plus progress. Every record gets a sequence number when it is written, so
// records keep their order across streams, also after a trip through a job or a remote session.

export type StreamKind = 'output' | 'error' | 'warning' | 'verbose' | 'debug' | 'information' | 'progress';

export interface StreamRecord {
  readonly stream: StreamKind;
  readonly seq: number;
  readonly value: unknown;
}

/** Write-Information / Write-Host payload (System.Management.Automation.InformationRecord). */
export interface InformationPayload {
  readonly messageData: unknown;
  readonly tags: readonly string[];
  /** Write-Host output also goes to the host when the record is received. */
  readonly isHost: boolean;
  readonly noNewline?: boolean;
  readonly foregroundColor?: string;
  readonly backgroundColor?: string;
}

/** Write-Progress payload (System.Management.Automation.ProgressRecord). */
export interface ProgressPayload {
  readonly activity: string;
  readonly statusDescription: string;
  readonly percentComplete: number;
  readonly activityId: number;
  readonly completed: boolean;
}
