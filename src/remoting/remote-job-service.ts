// Invoke-Command -AsJob hands its work to the job subsystem through this interface: remoting
// declares it, jobs/ implements it and registers it as the runspace service 'remoteJobs'
// (jobs/ may import remoting/, never the reverse).

import type { DotNetObject } from '../runtime/values.js';
import type { RunspaceClient } from './client.js';

export interface RemoteJobTarget {
  readonly computerName: string;
  /** Opens (or hands over) the runspace the child job runs in; throws RemotingError when it cannot. */
  connect(): RunspaceClient;
  /** True when the client is a temporary connection to close when its pipeline ends. */
  readonly temporary: boolean;
}

export interface RemoteJobService {
  startRemoteJob(options: {
    name: string | null;
    command: string;
    targets: readonly RemoteJobTarget[];
    request: { script: string; args?: unknown[]; input?: unknown[]; using?: Record<string, unknown> };
    throttleLimit: number;
    hideComputerName: boolean;
  }): DotNetObject; // the parent job, already registered in the job repository
}
