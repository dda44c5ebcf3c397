// How the job cmdlets find jobs: by object, Id, Name (wildcards), InstanceId, State or Command,
// searching top-level jobs and then their children, with PowerShell's not-found errors.

import type { CmdletContext, ParameterDefinition } from '../../runtime/cmdlet.js';
import { ErrorRecord } from '../../runtime/error-record.js';
import { isWildcard, wildcardToRegExp } from '../../runtime/wildcard.js';
import { Job } from '../job.js';
import { JOB_STATES, parseJobState } from '../job-state.js';
import type { JobRepository } from '../repository.js';

export const COMMAND_CLASS: Readonly<Record<string, string>> = {
  'Get-Job': 'GetJobCommand',
  'Receive-Job': 'ReceiveJobCommand',
  'Wait-Job': 'WaitJobCommand',
  'Stop-Job': 'StopJobCommand',
  'Remove-Job': 'RemoveJobCommand',
  'Debug-Job': 'DebugJobCommand',
};

export function repositoryOf(ctx: CmdletContext): JobRepository {
  return ctx.service<JobRepository>('jobs');
}

export function commandErrorId(ctx: CmdletContext, id: string): string {
  return `${id},Microsoft.PowerShell.Commands.${COMMAND_CLASS[ctx.commandName] ?? 'JobCmdletBase'}`;
}

/** Parameters Stop-Job, Remove-Job, Wait-Job and Receive-Job share to name their jobs. */
export function jobSelectionParameters(jobSet: string, options: { state: boolean; command: boolean }): ParameterDefinition[] {
  const params: ParameterDefinition[] = [
    { name: 'Job', type: 'object[]', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: [jobSet] },
    { name: 'Id', aliases: ['SessionId'], type: 'int[]', position: 0, mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['SessionIdParameterSet'] },
    { name: 'Name', type: 'string[]', position: 0, mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['NameParameterSet'] },
    { name: 'InstanceId', type: 'string[]', position: 0, mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['InstanceIdParameterSet'] },
  ];
  if (options.state) params.push({ name: 'State', type: 'string', position: 0, mandatory: true, valueFromPipelineByPropertyName: true, validateSet: JOB_STATES, parameterSets: ['StateParameterSet'] });
  if (options.command) params.push({ name: 'Command', type: 'string[]', mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['CommandParameterSet'] });
  return params;
}

/** Top-level jobs and, after each, its children (recursively). */
export function withChildren(jobs: readonly Job[]): Job[] {
  const out: Job[] = [];
  const walk = (j: Job): void => {
    out.push(j);
    for (const c of j.ChildJobs) walk(c);
  };
  for (const j of jobs) walk(j);
  return out;
}

function notFound(ctx: CmdletContext, message: string, id: string, target: unknown): void {
  ctx.writeError(ErrorRecord.fromMessage(message, commandErrorId(ctx, id), 'ObjectNotFound', target, 'System.Management.Automation.PSArgumentException'));
}

function toJob(ctx: CmdletContext, value: unknown): Job | null {
  if (value instanceof Job) return value;
  ctx.writeError(ErrorRecord.fromMessage(
    `Cannot bind parameter 'Job'. Cannot convert the "${String(value)}" value of type "${typeof value === 'string' ? 'System.String' : 'System.Object'}" to type "System.Management.Automation.Job".`,
    commandErrorId(ctx, 'CannotConvertArgumentNoMessage'), 'InvalidArgument', value));
  return null;
}

/**
 * The jobs a job cmdlet's parameters name, in repository order, each once. Ids and names that
 * match nothing are reported as PowerShell does (names with wildcards are not).
 */
export function selectJobs(ctx: CmdletContext, params: Record<string, unknown>, options: { reportMissing?: boolean } = {}): Job[] {
  const repo = repositoryOf(ctx);
  // Only ids and instance ids search children; piping 1000 jobs must not walk them 1000 times.
  let children: Job[] | null = null;
  const all = (): Job[] => (children ??= withChildren(repo.list()));
  const report = options.reportMissing ?? true;
  const found: Job[] = [];
  const add = (j: Job): void => {
    if (!found.includes(j)) found.push(j);
  };
  if (params.Job !== undefined && params.Job !== null) {
    for (const v of asArray(params.Job)) {
      const j = toJob(ctx, v);
      if (j) add(j);
    }
    return found;
  }
  if (params.Id !== undefined) {
    for (const raw of asArray(params.Id)) {
      if (raw instanceof Job) {
        add(raw);
        continue;
      }
      const id = Number(raw);
      const j = all().find((x) => x.Id === id);
      if (j) add(j);
      else if (report) notFound(ctx, `The command cannot find a job with the job ID ${id}. Verify the value of the Id parameter and then try the command again.`, 'JobWithSpecifiedSessionNotFound', id);
    }
    return found;
  }
  if (params.Name !== undefined) {
    for (const name of asArray(params.Name).map(String)) {
      const re = wildcardToRegExp(name);
      const matches = repo.list().filter((x) => re.test(x.Name));
      matches.forEach(add);
      if (matches.length === 0 && report && !isWildcard(name)) {
        notFound(ctx, `The command cannot find the job because the job name ${name} was not found. Verify the value of the Name parameter, and then try the command again.`, 'JobWithSpecifiedNameNotFound', name);
      }
    }
    return found;
  }
  if (params.InstanceId !== undefined) {
    for (const raw of asArray(params.InstanceId).map(String)) {
      const j = all().find((x) => x.InstanceId.toLowerCase() === raw.toLowerCase());
      if (j) add(j);
      else if (report) notFound(ctx, `The command cannot find a job with the instance identifier ${raw}. Verify the value of the InstanceId parameter, and then try the command again.`, 'JobWithSpecifiedInstanceIdNotFound', raw);
    }
    return found;
  }
  if (params.State !== undefined) {
    const state = parseJobState(String(params.State));
    return repo.list().filter((x) => x.State === state);
  }
  if (params.Command !== undefined) {
    const patterns = asArray(params.Command).map((c) => wildcardToRegExp(String(c)));
    return repo.list().filter((x) => patterns.some((re) => re.test(x.Command)));
  }
  return [...repo.list()];
}

export function asArray(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Waits (without busy-spinning) until `done` holds, the timeout passes or the caller is stopped. */
export function waitUntil(ctx: CmdletContext, jobs: readonly Job[], done: () => boolean, timeoutMs: number | null): boolean {
  const deadline = timeoutMs === null ? Infinity : Date.now() + timeoutMs;
  for (;;) {
    if (done()) return true;
    ctx.checkStop();
    const left = deadline - Date.now();
    if (left <= 0) return false;
    const pending = jobs.find((j) => !j.finished);
    if (!pending) return done();
    pending.waitForChange(Math.min(left, 20));
  }
}
