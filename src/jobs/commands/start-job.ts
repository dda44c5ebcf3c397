// Start-Job and Start-ThreadJob: package the script, its arguments, pipeline input and $using:
// values, and hand them to the job repository, which runs them on the worker pool.

import type { CmdletContext, CmdletDefinition, ParameterDefinition } from '../../runtime/cmdlet.js';
import { ErrorRecord } from '../../runtime/error-record.js';
import { ScriptBlock } from '../../runtime/values.js';
import type { LocalJobOptions } from '../repository.js';
import { asArray, repositoryOf } from './job-selection.js';

const SCRIPT_SETS = ['ComputerName', 'FilePathComputerName'];

function commonParameters(): ParameterDefinition[] {
  return [
    { name: 'ScriptBlock', aliases: ['Command'], type: 'scriptblock', position: 0, mandatory: true, parameterSets: ['ComputerName'] },
    { name: 'FilePath', type: 'string', position: 0, mandatory: true, parameterSets: ['FilePathComputerName'] },
    { name: 'Name', type: 'string', valueFromPipelineByPropertyName: true },
    { name: 'InitializationScript', type: 'scriptblock', position: 1, parameterSets: SCRIPT_SETS },
    { name: 'InputObject', type: 'object', valueFromPipeline: true },
    { name: 'ArgumentList', aliases: ['Args'], type: 'object[]' },
  ];
}

interface UsingAccess {
  getUsingValues?(block: ScriptBlock): Record<string, unknown>;
}

/** Collects pipeline input during process, starts the job once at end (as PowerShell does). */
function jobStarter(ctx: CmdletContext, start: (options: LocalJobOptions, params: Record<string, unknown>) => unknown) {
  const input: unknown[] = [];
  let sawInput = false;
  return {
    process(params: Record<string, unknown>): void {
      if (ctx.boundParameterNames.has('InputObject') || params.InputObject !== undefined) {
        sawInput = true;
        input.push(params.InputObject ?? null);
      }
    },
    end(params: Record<string, unknown>): void {
      const options = jobOptions(ctx, params, sawInput ? input : undefined);
      if (options) ctx.writeObject(start(options, params));
    },
  };
}

function jobOptions(ctx: CmdletContext, params: Record<string, unknown>, input: unknown[] | undefined): LocalJobOptions | null {
  let script: string;
  let usingValues: Record<string, unknown> = {};
  if (params.FilePath !== undefined) {
    const path = ctx.session.resolvePath(String(params.FilePath));
    try {
      script = ctx.host.fs.readText(path);
    } catch {
      ctx.writeError(ErrorRecord.fromMessage(
        `Cannot find path '${path}' because it does not exist.`,
        `PathNotFound,Microsoft.PowerShell.Commands.${ctx.commandName === 'Start-ThreadJob' ? 'StartThreadJobCommand' : 'StartJobCommand'}`,
        'ObjectNotFound', path, 'System.Management.Automation.ItemNotFoundException'));
      return null;
    }
  } else {
    const block = params.ScriptBlock;
    script = block instanceof ScriptBlock ? block.toString() : String(block ?? '');
    if (block instanceof ScriptBlock) usingValues = (ctx.session as UsingAccess).getUsingValues?.(block) ?? {};
  }
  const init = params.InitializationScript;
  return {
    name: params.Name === undefined || params.Name === null ? null : String(params.Name),
    command: script.trim(),
    script,
    initializationScript: init instanceof ScriptBlock ? init.toString() : null,
    location: ctx.session.location,
    workingDirectory: params.WorkingDirectory === undefined ? null : ctx.session.resolvePath(String(params.WorkingDirectory)),
    args: asArray(params.ArgumentList),
    input,
    using: usingValues,
  };
}

export const startJobCommand: CmdletDefinition = {
  name: 'Start-Job',
  defaultParameterSet: 'ComputerName',
  parameters: [
    ...commonParameters(),
    { name: 'WorkingDirectory', type: 'string' },
    { name: 'PSVersion', type: 'string' },
    { name: 'RunAs32', type: 'switch' },
    { name: 'Credential', type: 'object' },
    { name: 'Authentication', type: 'string' },
  ],
  create(ctx) {
    return jobStarter(ctx, (options) => repositoryOf(ctx).startBackgroundJob(options));
  },
};

export const startThreadJobCommand: CmdletDefinition = {
  name: 'Start-ThreadJob',
  defaultParameterSet: 'ComputerName',
  parameters: [
    ...commonParameters(),
    { name: 'ThrottleLimit', type: 'int' },
    { name: 'StreamingHost', type: 'object' },
  ],
  create(ctx) {
    return jobStarter(ctx, (options, params) => {
      const limit = params.ThrottleLimit === undefined ? null : Number(params.ThrottleLimit);
      return repositoryOf(ctx).startThreadJob(options, limit);
    });
  },
};
