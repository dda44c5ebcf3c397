// Invoke-Command -AsJob's side of jobs: RemoteJobs over real runspace workers standing in for
// remote computers (the protocol is the same over SSH). A worker ended mid-job is a lost
// connection.

import { afterAll, describe, expect, it } from 'vitest';
import { JobRepository, type Job } from '../../src/jobs/index.js';
import { RemoteJobs } from '../../src/jobs/remote-job.js';
import { RunspaceClient } from '../../src/remoting/client.js';
import type { RemoteJobTarget } from '../../src/remoting/remote-job-service.js';
import { spawnRunspaceWorker, type WorkerEndpoint } from '../../src/remoting/worker-transport.js';
import type { ErrorRecord } from '../../src/runtime/error-record.js';
import { getProperty } from '../../src/runtime/properties.js';

const endpoints: WorkerEndpoint[] = [];
afterAll(() => endpoints.forEach((e) => e.terminate()));

function target(computerName: string): RemoteJobTarget & { endpoint: () => WorkerEndpoint | null } {
  let endpoint: WorkerEndpoint | null = null;
  return {
    computerName,
    temporary: true,
    endpoint: () => endpoint,
    connect() {
      endpoint = spawnRunspaceWorker({ computerName });
      endpoints.push(endpoint);
      return RunspaceClient.open(endpoint.channel, { computerName, ownsChannel: true });
    },
  };
}

/** Waits (bounded) until the job is finished. */
function settle(job: Job, timeoutMs = 30_000): void {
  const deadline = Date.now() + timeoutMs;
  while (!job.finished && Date.now() < deadline) job.waitForChange(50);
}

describe('remote jobs', () => {
  it('has a RemoteJob parent and one child per computer, with PSComputerName on results', () => {
    const repo = new JobRepository();
    const targets = [target('server01'), target('server02')];
    const parent = new RemoteJobs(repo).startRemoteJob({
      name: null, command: 'Get-Thing', targets, throttleLimit: 32, hideComputerName: false,
      request: { script: "[pscustomobject]@{ n = 1 }; 'text'" },
    }) as Job;
    settle(parent);
    expect([parent.Id, parent.Name, parent.PSJobTypeName, parent.Location, parent.State, parent.Command]).toEqual([1, 'Job1', 'RemoteJob', 'server01,server02', 'Completed', 'Get-Thing']);
    expect(parent.ChildJobs.map((c) => [c.Id, c.Location, c.State, c.psTypeNames[0]])).toEqual([
      [2, 'server01', 'Completed', 'System.Management.Automation.PSRemotingChildJob'],
      [3, 'server02', 'Completed', 'System.Management.Automation.PSRemotingChildJob'],
    ]);
    const results = parent.ChildJobs.flatMap((c) => c.takeResults(false)).filter((r) => r.stream === 'output').map((r) => r.value);
    expect(results.filter((v) => typeof v !== 'string').map((v) => getProperty(v, 'PSComputerName').value)).toEqual(['server01', 'server02']);
    expect(results.filter((v) => typeof v === 'string')).toEqual(['text', 'text']);
    expect(repo.list()).toEqual([parent]);
  });

  it('fails the child and the parent when the connection is lost', () => {
    const repo = new JobRepository();
    const t = target('server03');
    const parent = new RemoteJobs(repo).startRemoteJob({
      name: 'Lost', command: 'loop', targets: [t], throttleLimit: 32, hideComputerName: false,
      request: { script: 'while ($true) { Start-Sleep -Milliseconds 10 }' },
    }) as Job;
    const child = parent.ChildJobs[0];
    expect(child.State).toBe('Running');
    const lostAt = Date.now();
    t.endpoint()?.terminate();
    settle(parent, 10_000);
    expect([parent.State, child.State]).toEqual(['Failed', 'Failed']);
    expect(Date.now() - lostAt).toBeLessThan(5000);
    expect(child.JobStateInfo.Reason?.Message).toMatch(/terminated/);
    expect((child.Error[0] as ErrorRecord).message).toMatch(/terminated/);
  });

  it('runs at most throttleLimit children at once', () => {
    const repo = new JobRepository();
    const parent = new RemoteJobs(repo).startRemoteJob({
      name: null, command: 'x', targets: [target('a'), target('b')], throttleLimit: 1, hideComputerName: false,
      request: { script: "'x'" },
    }) as Job;
    expect(parent.ChildJobs.map((c) => c.currentStateInfo.State)).toEqual(['Running', 'NotStarted']);
    settle(parent);
    expect(parent.ChildJobs.map((c) => c.State)).toEqual(['Completed', 'Completed']);
  });
});
