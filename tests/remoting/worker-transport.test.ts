// The runspace worker end to end: a real worker thread (compiled dist/ code) with a stand-in
// engine, driven through RunspaceClient exactly as jobs and sessions drive it.
import { afterEach, describe, expect, it } from 'vitest';
import { RunspaceClient, type RemotePipeline } from '../../src/remoting/client.js';
import { spawnRunspaceWorker, type WorkerEndpoint } from '../../src/remoting/worker-transport.js';
import { ErrorRecord } from '../../src/runtime/error-record.js';
import type { StreamRecord } from '../../src/runtime/streams.js';

const FAKE_ENGINE = new URL('./fixtures/fake-engine.mjs', import.meta.url).href;

function drainAll(pipe: RemotePipeline, timeoutMs = 10_000): StreamRecord[] {
  const out: StreamRecord[] = [];
  const deadline = Date.now() + timeoutMs;
  while (!pipe.finished && Date.now() < deadline) {
    out.push(...pipe.poll());
    pipe.wait(200);
  }
  out.push(...pipe.poll());
  return out;
}

describe('runspace worker transport', () => {
  let endpoints: WorkerEndpoint[] = [];
  const open = (): { endpoint: WorkerEndpoint; client: RunspaceClient } => {
    const endpoint = spawnRunspaceWorker({ engineModule: FAKE_ENGINE });
    endpoints.push(endpoint);
    return { endpoint, client: RunspaceClient.open(endpoint.channel, { computerName: 'localhost', name: 'Job1' }) };
  };
  afterEach(() => {
    for (const e of endpoints) e.terminate();
    endpoints = [];
  });

  it('streams records in write order with their sequence numbers', () => {
    const { client } = open();
    const pipe = client.invoke({ script: '1..3; Write-Error x; Write-Warning w' });
    const records = drainAll(pipe);
    expect(pipe.state).toBe('Completed');
    expect(records.map((r) => [r.stream, r.value instanceof ErrorRecord ? r.value.message : r.value])).toEqual([
      ['output', 1], ['output', 2], ['output', 3], ['error', 'x'], ['warning', 'w'],
    ]);
    const seqs = records.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  const cases: { name: string; script: string; request?: object; want: { state: string; values?: unknown[]; reason?: string } }[] = [
    { name: 'arguments and input', script: '$args; $input', request: { args: [1, 'two'], input: [3n] }, want: { state: 'Completed', values: [1, 'two', 3n] } },
    { name: '$using values', script: '$using:x', request: { using: { X: 'from caller' } }, want: { state: 'Completed', values: ['from caller'] } },
    { name: 'terminating error fails the pipeline', script: 'throw boom', want: { state: 'Failed', values: [], reason: 'boom' } },
    { name: 'parse errors fail the pipeline', script: '{', want: { state: 'Failed', values: [], reason: "Missing closing '}' in statement block or type definition." } },
    { name: 'more records than the flow-control window', script: '1..10000', want: { state: 'Completed', values: Array.from({ length: 10000 }, (_, i) => i + 1) } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { client } = open();
      const pipe = client.invoke({ script: c.script, ...c.request });
      const values = drainAll(pipe).map((r) => r.value);
      expect(pipe.state).toBe(c.want.state);
      if (c.want.values) expect(values).toEqual(c.want.values);
      if (c.want.reason) expect(pipe.reason?.message).toBe(c.want.reason);
    });
  }

  it('keeps runspace state between pipelines and isolates runspaces', () => {
    const { endpoint, client } = open();
    drainAll(client.invoke({ script: '$x = 42' }));
    expect(drainAll(client.invoke({ script: '$x' })).map((r) => r.value)).toEqual([42]);
    const other = RunspaceClient.open(endpoint.channel, { computerName: 'localhost' });
    expect(drainAll(other.invoke({ script: '$x' })).map((r) => r.value)).toEqual([null]);
    other.close();
    expect(other.state).toBe('Closed');
  });

  it('stops a busy loop through the stop flag within a second', () => {
    const { client } = open();
    const pipe = client.invoke({ script: 'while($true){}' });
    pipe.wait(300);
    expect(pipe.state).toBe('Running');
    const started = Date.now();
    pipe.stop();
    expect(pipe.state).toBe('Stopped');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(drainAll(client.invoke({ script: '1..3; Write-Error x; Write-Warning w' })).length).toBe(5);
  });

  it('fails the running pipeline with the reason when the worker is killed', () => {
    const { endpoint, client } = open();
    const pipe = client.invoke({ script: 'while($true){}' });
    pipe.wait(300);
    endpoint.terminate();
    expect(pipe.wait(1000)).toBe(true);
    expect(pipe.state).toBe('Failed');
    expect(pipe.reason?.message).toContain('The runspace worker was terminated.');
    expect(client.state).toBe('Broken');
  });
});
