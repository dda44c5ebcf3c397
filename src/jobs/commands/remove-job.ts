// Remove-Job: forgets finished jobs and their results; a job still running is refused unless
// -Force, which stops it first.

import type { CmdletDefinition } from '../../runtime/cmdlet.js';
import { ErrorRecord } from '../../runtime/error-record.js';
import { isFinishedState } from '../job-state.js';
import { commandErrorId, jobSelectionParameters, repositoryOf, selectJobs } from './job-selection.js';

export const removeJobCommand: CmdletDefinition = {
  name: 'Remove-Job',
  aliases: ['rjb'],
  defaultParameterSet: 'SessionIdParameterSet',
  parameters: [
    ...jobSelectionParameters('JobParameterSet', { state: true, command: true }),
    { name: 'Force', aliases: ['F'], type: 'switch' },
  ],
  create(ctx) {
    return {
      process(params) {
        const repo = repositoryOf(ctx);
        for (const job of selectJobs(ctx, params)) {
          if (!isFinishedState(job.State)) {
            if (!params.Force) {
              ctx.writeError(ErrorRecord.fromMessage(
                `The command cannot remove the job with the job ID ${job.Id} because the job is not finished. To remove the job, first stop the job, or use the Force parameter.`,
                commandErrorId(ctx, 'JobObjectNotFinishedCannotBeRemoved'), 'InvalidOperation', job,
                'System.Management.Automation.PSArgumentException'));
              continue;
            }
            job.stop();
          }
          repo.remove(job);
        }
      },
    };
  },
};
