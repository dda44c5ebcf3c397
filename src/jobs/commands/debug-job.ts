// Debug-Job: psh has no script debugger, so attaching to a job is refused with a clear error.

import type { CmdletDefinition } from '../../runtime/cmdlet.js';
import { ErrorRecord } from '../../runtime/error-record.js';
import { commandErrorId, jobSelectionParameters, selectJobs } from './job-selection.js';

export const debugJobCommand: CmdletDefinition = {
  name: 'Debug-Job',
  defaultParameterSet: 'JobParameterSet',
  parameters: [
    ...jobSelectionParameters('JobParameterSet', { state: false, command: false }),
    { name: 'BreakAll', type: 'switch' },
  ],
  create(ctx) {
    return {
      process(params) {
        for (const job of selectJobs(ctx, params)) {
          ctx.writeError(ErrorRecord.fromMessage(
            `Cannot debug job "${job.Name}" because the host "${ctx.host.name}" does not support debugging.`,
            commandErrorId(ctx, 'DebugJobNotSupported'), 'NotImplemented', job,
            'System.Management.Automation.PSNotSupportedException'));
        }
      },
    };
  },
};
