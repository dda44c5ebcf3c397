// Stop-Job: stops running jobs (a job stuck in a loop is interrupted through its worker's stop
// flag, and its worker is ended if even that does not work).

import type { CmdletDefinition } from '../../runtime/cmdlet.js';
import { jobSelectionParameters, selectJobs } from './job-selection.js';

export const stopJobCommand: CmdletDefinition = {
  name: 'Stop-Job',
  aliases: ['spjb'],
  defaultParameterSet: 'SessionIdParameterSet',
  parameters: [
    ...jobSelectionParameters('JobParameterSet', { state: true, command: false }),
    { name: 'PassThru', type: 'switch' },
  ],
  create(ctx) {
    return {
      process(params) {
        for (const job of selectJobs(ctx, params)) {
          job.stop();
          if (params.PassThru) ctx.writeObject(job);
        }
      },
    };
  },
};
