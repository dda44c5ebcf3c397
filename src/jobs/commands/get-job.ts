// Get-Job: the runspace's jobs, filtered by identity, state, data and time, optionally with
// their child jobs.

import type { CmdletDefinition } from '../../runtime/cmdlet.js';
import { PSDateTime } from '../../runtime/datetime.js';
import type { Job } from '../job.js';
import { JOB_STATES, isFinishedState, parseJobState } from '../job-state.js';
import { asArray, repositoryOf, selectJobs } from './job-selection.js';

const FILTER_SETS = ['SessionIdParameterSet', 'InstanceIdParameterSet', 'NameParameterSet', 'StateParameterSet', 'CommandParameterSet'];

function timeOf(value: unknown): number | null {
  return value instanceof PSDateTime ? value.utcMs : null;
}

export const getJobCommand: CmdletDefinition = {
  name: 'Get-Job',
  defaultParameterSet: 'SessionIdParameterSet',
  parameters: [
    // Ids bind from position 0; a job object there is taken as itself (`Get-Job $job`).
    { name: 'Id', aliases: ['SessionId'], type: 'object[]', position: 0, valueFromPipelineByPropertyName: true, parameterSets: ['SessionIdParameterSet'] },
    { name: 'Name', type: 'string[]', position: 0, mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['NameParameterSet'] },
    { name: 'InstanceId', type: 'string[]', position: 0, mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['InstanceIdParameterSet'] },
    { name: 'State', type: 'string', position: 0, mandatory: true, valueFromPipelineByPropertyName: true, validateSet: JOB_STATES, parameterSets: ['StateParameterSet'] },
    { name: 'Command', type: 'string[]', mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['CommandParameterSet'] },
    { name: 'IncludeChildJob', type: 'switch', parameterSets: FILTER_SETS },
    { name: 'ChildJobState', type: 'string', validateSet: JOB_STATES, parameterSets: FILTER_SETS },
    { name: 'HasMoreData', type: 'bool', parameterSets: FILTER_SETS },
    { name: 'Before', type: 'datetime', parameterSets: FILTER_SETS },
    { name: 'After', type: 'datetime', parameterSets: FILTER_SETS },
    { name: 'Newest', type: 'int', parameterSets: FILTER_SETS },
  ],
  create(ctx) {
    return {
      process(params) {
        const byIdentity = params.Id !== undefined && params.Id !== null ? { Id: asArray(params.Id) } : params;
        let jobs: Job[] = selectJobs(ctx, byIdentity);
        if (params.HasMoreData !== undefined) jobs = jobs.filter((j) => j.HasMoreData === Boolean(params.HasMoreData));
        const before = timeOf(params.Before);
        const after = timeOf(params.After);
        // -Before and -After look at when finished jobs ended.
        if (before !== null) jobs = jobs.filter((j) => isFinishedState(j.State) && timeOf(j.PSEndTime) !== null && (timeOf(j.PSEndTime) as number) < before);
        if (after !== null) jobs = jobs.filter((j) => isFinishedState(j.State) && timeOf(j.PSEndTime) !== null && (timeOf(j.PSEndTime) as number) > after);
        if (params.Newest !== undefined) {
          jobs = [...jobs].sort((a, b) => (timeOf(b.PSBeginTime) ?? 0) - (timeOf(a.PSBeginTime) ?? 0) || b.Id - a.Id).slice(0, Number(params.Newest));
        }
        const childState = params.ChildJobState === undefined ? null : parseJobState(String(params.ChildJobState));
        for (const job of jobs) {
          ctx.writeObject(job);
          if (!params.IncludeChildJob) continue;
          for (const child of job.ChildJobs) if (childState === null || child.State === childState) ctx.writeObject(child);
        }
      },
    };
  },
};
