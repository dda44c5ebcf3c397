// Receive-Job: hands a job's buffered results to the caller in the order they were written,
// each on its own stream: errors become the caller's non-terminating errors, Write-Host text goes
// to the host. Without -Keep the results are forgotten once received.

import type { CmdletContext, CmdletDefinition } from '../../runtime/cmdlet.js';
import { toStr } from '../../runtime/convert.js';
import { ErrorRecord } from '../../runtime/error-record.js';
import { getProperty } from '../../runtime/properties.js';
import type { StreamRecord } from '../../runtime/streams.js';
import { PSObject } from '../../runtime/values.js';
import type { Job } from '../job.js';
import { JobStateEventArgs, JobStateInfo } from '../job-state.js';
import { asArray, jobSelectionParameters, repositoryOf, selectJobs, waitUntil } from './job-selection.js';

function field(value: unknown, name: string): unknown {
  if (value instanceof PSObject) return getProperty(value, name).value;
  if (value !== null && typeof value === 'object') {
    const lower = name.toLowerCase();
    for (const [k, v] of Object.entries(value)) if (k.toLowerCase() === lower) return v;
  }
  return null;
}

/** Re-emits one record of a job in the caller's pipeline. */
export function emitRecord(ctx: CmdletContext, record: StreamRecord): void {
  const value = record.value;
  switch (record.stream) {
    case 'output':
      ctx.writeObject(value);
      return;
    case 'error':
      ctx.writeError(value instanceof ErrorRecord ? value : ErrorRecord.fromMessage(toStr(value), 'JobError', 'NotSpecified', value));
      return;
    case 'information':
      if (field(value, 'isHost') === true) {
        const color = (name: string): string | undefined => {
          const c = field(value, name);
          return c === null || c === undefined ? undefined : String(c);
        };
        ctx.writeHost(toStr(field(value, 'messageData')), { noNewline: field(value, 'noNewline') === true, foregroundColor: color('foregroundColor'), backgroundColor: color('backgroundColor') });
      } else {
        ctx.writeStream('information', value);
      }
      return;
    case 'progress':
      ctx.writeProgress(value);
      return;
    default:
      ctx.writeStream(record.stream, value);
  }
}

/** The leaf jobs whose results a Receive-Job on `job` returns, filtered by location. */
function sources(job: Job, recurse: boolean, locations: readonly string[] | null): Job[] {
  const out: Job[] = [job];
  if (recurse) {
    for (const child of job.ChildJobs) {
      if (locations === null || locations.some((l) => l.toLowerCase() === child.Location.toLowerCase())) out.push(...sources(child, true, null));
    }
  }
  return out;
}

export const receiveJobCommand: CmdletDefinition = {
  name: 'Receive-Job',
  defaultParameterSet: 'Location',
  parameters: [
    ...jobSelectionParameters('Location', { state: false, command: false }).map((p) =>
      p.name === 'Job' ? { ...p, parameterSets: ['Location', 'Session', 'ComputerName'] } : p),
    { name: 'Location', type: 'string[]', position: 1, parameterSets: ['Location'] },
    { name: 'ComputerName', aliases: ['Cn'], type: 'string[]', position: 1, valueFromPipelineByPropertyName: true, parameterSets: ['ComputerName'] },
    { name: 'Session', type: 'object[]', position: 1, valueFromPipelineByPropertyName: true, parameterSets: ['Session'] },
    { name: 'Keep', type: 'switch' },
    { name: 'NoRecurse', type: 'switch' },
    { name: 'Force', type: 'switch' },
    { name: 'Wait', type: 'switch' },
    { name: 'AutoRemoveJob', type: 'switch' },
    { name: 'WriteEvents', type: 'switch' },
    { name: 'WriteJobInResults', type: 'switch' },
  ],
  create(ctx) {
    return {
      process(params) {
        const jobs = selectJobs(ctx, params);
        const keep = Boolean(params.Keep);
        const locations = params.Location !== undefined ? asArray(params.Location).map(String)
          : params.ComputerName !== undefined ? asArray(params.ComputerName).map(String)
          : params.Session !== undefined ? asArray(params.Session).map((s) => toStr(getProperty(s, 'ComputerName').value))
          : null;
        for (const job of jobs) {
          if (params.WriteJobInResults) ctx.writeObject(job);
          const leaves = sources(job, !params.NoRecurse, locations);
          // With -Keep the buffer stays whole, so -Wait must not hand out a record twice.
          const handedOut = new Map<Job, number>();
          const drain = (): void => {
            for (const leaf of leaves) {
              const records = leaf.takeResults(keep);
              const from = keep ? (handedOut.get(leaf) ?? 0) : 0;
              for (let i = from; i < records.length; i++) emitRecord(ctx, records[i]);
              if (keep) handedOut.set(leaf, records.length);
            }
          };
          drain();
          if (params.Wait) {
            // -WriteEvents: each state change is written as it happens, between the results.
            const changes: JobStateEventArgs[] = [];
            const unsubscribe = params.WriteEvents ? job.onStateChanged((j, previous) => changes.push(new JobStateEventArgs(j.currentStateInfo, new JobStateInfo(previous)))) : () => undefined;
            try {
              waitUntil(ctx, [job], () => {
                // Looking at the state first: that look may be what fires the last change.
                const finished = job.finished;
                drain();
                for (const change of changes.splice(0)) ctx.writeObject(change);
                return finished;
              }, null);
            } finally {
              unsubscribe();
            }
            drain();
            if (params.AutoRemoveJob) repositoryOf(ctx).remove(job);
          }
        }
      },
    };
  },
};
