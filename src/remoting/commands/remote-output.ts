// Relays remote pipelines into the calling command's streams as their records arrive: output
// objects get PSComputerName/RunspaceId/PSShowComputerName like PowerShell's deserialized
// results, remote errors (and a remote terminating error) become local non-terminating errors,
// the other streams keep their kind and order.

import type { CmdletContext } from '../../runtime/cmdlet.js';
import { toStr } from '../../runtime/convert.js';
import { ErrorRecord } from '../../runtime/error-record.js';
import type { InformationPayload, StreamRecord } from '../../runtime/streams.js';
import { PSObject } from '../../runtime/values.js';
import type { RemotePipeline } from '../client.js';

export interface RemoteRun {
  readonly computerName: string;
  readonly runspaceId: string;
  readonly pipeline: RemotePipeline;
  /** For a runspace still opening when the command was sent: why it never opened, if it did not. */
  readonly openFailure?: () => ErrorRecord | null;
}

function isInformation(value: unknown): value is InformationPayload {
  return value !== null && typeof value === 'object' && 'messageData' in value && 'tags' in value;
}

export function emitRemoteRecord(ctx: CmdletContext, run: RemoteRun, record: StreamRecord, showComputerName: boolean): void {
  const value = record.value;
  switch (record.stream) {
    case 'output':
      if (value instanceof PSObject) {
        value.setNote('PSComputerName', run.computerName);
        value.setNote('RunspaceId', run.runspaceId);
        value.setNote('PSShowComputerName', showComputerName);
      }
      ctx.writeObject(value);
      return;
    case 'error':
      ctx.writeError(remoteError(value, run.computerName));
      return;
    case 'information':
      if (isInformation(value) && value.isHost) {
        ctx.writeHost(toStr(value.messageData), { noNewline: value.noNewline, foregroundColor: value.foregroundColor, backgroundColor: value.backgroundColor });
      } else ctx.writeStream('information', value);
      return;
    case 'progress':
      ctx.writeProgress(value);
      return;
    default:
      ctx.writeStream(record.stream, value);
  }
}

function remoteError(value: unknown, computerName: string): ErrorRecord {
  const record = value instanceof ErrorRecord ? value : ErrorRecord.fromMessage(toStr(value), 'RemoteError', 'NotSpecified');
  record.originComputer ??= computerName;
  return record;
}

/** What happened to a run once its pipeline ended: a failure reason is reported as an error. */
function finish(ctx: CmdletContext, run: RemoteRun): void {
  if (run.pipeline.state !== 'Failed') return;
  // A computer that could not be reached is reported as PowerShell reports a failed connection.
  const unreachable = run.openFailure?.() ?? null;
  if (unreachable) ctx.writeError(unreachable);
  else if (run.pipeline.reason) ctx.writeError(remoteError(run.pipeline.reason, run.computerName));
}

export interface RelayOptions {
  readonly showComputerName: boolean;
  /** Called when a run has ended, to close a temporary connection or start the next one. */
  readonly onFinished?: (run: RemoteRun) => void;
  /** Supplies more runs as earlier ones end (the throttle); null when there are none. */
  readonly next?: () => RemoteRun | null;
}

/**
 * Polls every run until all have ended, writing records as they arrive. A stop of the local
 * pipeline (Ctrl+C, Stop-Job) stops the remote pipelines too.
 */
export function relayRemoteRuns(ctx: CmdletContext, runs: readonly RemoteRun[], options: RelayOptions): void {
  const active = [...runs];
  // Each run that ends makes room for one more (the throttle).
  const refill = (): void => {
    const more = options.next?.() ?? null;
    if (more !== null) active.push(more);
  };
  try {
    while (active.length > 0) {
      let heard = false;
      for (const run of [...active]) {
        const records = run.pipeline.poll();
        if (records.length > 0) heard = true;
        for (const r of records) emitRemoteRecord(ctx, run, r, options.showComputerName);
        if (!run.pipeline.finished) continue;
        for (const r of run.pipeline.poll()) emitRemoteRecord(ctx, run, r, options.showComputerName);
        active.splice(active.indexOf(run), 1);
        finish(ctx, run);
        options.onFinished?.(run);
        refill();
        heard = true;
      }
      ctx.checkStop();
      // Any run's traffic ends the wait (SSH channels of a thread share one doorbell).
      if (!heard && active.length > 0) active[0].pipeline.waitForTraffic(active.length === 1 ? 200 : 10);
    }
  } catch (e) {
    for (const run of active) {
      run.pipeline.stop();
      options.onFinished?.(run);
    }
    throw e;
  }
}
