// The worker pool on its own: a pool whose workers cannot start fails the jobs waiting for them
// with the reason (real worker threads loading a broken engine module).

import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/jobs/pool.js';
import { JobRepository } from '../../src/jobs/repository.js';

const BROKEN_ENGINE = new URL('./fixtures/broken-engine.mjs', import.meta.url).href;

describe('worker pool', () => {
  const pool = new WorkerPool({ engineModule: BROKEN_ENGINE });
  afterAll(() => pool.shutdown());

  it('fails queued jobs with the reason when no worker can start', () => {
    const repository = new JobRepository(() => pool);
    const jobs = [1, 2, 3].map(() => repository.startBackgroundJob({ name: null, command: "'x'", script: "'x'" }));
    const deadline = Date.now() + 30_000;
    for (const job of jobs) while (!job.finished && Date.now() < deadline) job.waitForChange(100);
    expect(jobs.map((j) => j.State)).toEqual(['Failed', 'Failed', 'Failed']);
    for (const job of jobs) expect(job.ChildJobs[0].JobStateInfo.Reason?.Message).toContain('this engine is broken on purpose');
  });
});
