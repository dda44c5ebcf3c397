// Records travel in batches: order across streams, stops, slow readers and big output on real
// transports — a runspace worker running the real engine (compiled dist/), and the remoting
// server behind real SSH on 127.0.0.1.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RunspaceClient, type RemotePipeline } from '../../src/remoting/client.js';
import { RECORD_WINDOW, type RecordsMessage } from '../../src/remoting/protocol.js';
import { RecordBatch, unpackRecords } from '../../src/remoting/record-batch.js';
import { openSshChannel } from '../../src/remoting/ssh/client.js';
import { spawnRunspaceWorker, type WorkerEndpoint } from '../../src/remoting/worker-transport.js';
import { ErrorRecord } from '../../src/runtime/error-record.js';
import type { StreamKind, StreamRecord } from '../../src/runtime/streams.js';
import { PSObject } from '../../src/runtime/values.js';
import { dispose, makeHome, makeKeys, startServerThread, type EmbeddedServer } from '../support/ssh.js';

/** Blocks this thread without looking at any channel: a reader busy elsewhere. */
const busy = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Takes records until the pipeline ends; `pace` makes a reader that is busy between looks. */
function drainAll(pipe: RemotePipeline, pace: 'wait' | 'busy' = 'wait', timeoutMs = 60_000): StreamRecord[] {
  const out: StreamRecord[] = [];
  const deadline = Date.now() + timeoutMs;
  while (!pipe.finished && Date.now() < deadline) {
    for (const r of pipe.poll()) out.push(r);
    if (pace === 'wait') pipe.wait(200);
    else busy(1);
  }
  for (const r of pipe.poll()) out.push(r);
  return out;
}

const shown = (r: StreamRecord): [StreamKind, unknown] => [r.stream, r.value instanceof ErrorRecord ? r.value.message : r.value];

/** Output 1..n with a warning after every 7th and an error after every 11th number. */
const INTERLEAVED = (n: number): string => `1..${n} | ForEach-Object { $_; if ($_ % 7 -eq 0) { Write-Warning "w$_" }; if ($_ % 11 -eq 0) { Write-Error "e$_" } }`;
function interleaved(n: number): [StreamKind, unknown][] {
  const want: [StreamKind, unknown][] = [];
  for (let i = 1; i <= n; i++) {
    want.push(['output', i]);
    if (i % 7 === 0) want.push(['warning', `w${i}`]);
    if (i % 11 === 0) want.push(['error', `e${i}`]);
  }
  return want;
}

function expectInWriteOrder(records: readonly StreamRecord[]): void {
  for (let i = 1; i < records.length; i++) expect(records[i].seq).toBeGreaterThan(records[i - 1].seq);
}

describe('record batches', () => {
  const cases: { name: string; records: [StreamKind, number, unknown][] }[] = [
    { name: 'consecutive numbers travel once', records: [['output', 5, 1], ['error', 6, 'e'], ['warning', 7, 'w'], ['output', 8, null]] },
    { name: 'gaps keep every number', records: [['output', 3, 'a'], ['verbose', 9, 'v'], ['debug', 10, 'd'], ['progress', 40, 'p']] },
    { name: 'every stream', records: [['output', 1, 1], ['error', 2, 2], ['warning', 3, 3], ['verbose', 4, 4], ['debug', 5, 5], ['information', 6, 6], ['progress', 7, 7]] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const batch = new RecordBatch({ records: 100, bytes: 1 << 20, delayMs: 1000 });
      for (const [stream, seq, value] of c.records) batch.add(stream, seq, value as string, 8);
      const message = batch.take('r', 'p') as RecordsMessage;
      expect(batch.size).toBe(0);
      expect(message.values.length).toBe(c.records.length);
      expect(unpackRecords(structuredClone(message)).map((r) => [r.stream, r.seq, r.value])).toEqual(c.records);
    });
  }

  it('is due when full by count or by size, and a record that would overflow it goes alone', () => {
    const batch = new RecordBatch({ records: 3, bytes: 100, delayMs: 1000 });
    expect([batch.add('output', 1, 1, 10), batch.add('output', 2, 2, 10), batch.add('output', 3, 3, 10)]).toEqual([false, false, true]);
    batch.take('r', 'p');
    expect(batch.add('output', 4, 'x', 60)).toBe(false);
    expect(batch.wouldOverflow(60)).toBe(true);
    expect(new RecordBatch({ records: 3, bytes: 100, delayMs: 1000 }).wouldOverflow(1000)).toBe(false);
  });
});

describe('streaming out of a runspace worker (real engine)', () => {
  let endpoints: WorkerEndpoint[] = [];
  const open = (): { endpoint: WorkerEndpoint; client: RunspaceClient } => {
    const endpoint = spawnRunspaceWorker();
    endpoints.push(endpoint);
    return { endpoint, client: RunspaceClient.open(endpoint.channel, { computerName: 'localhost', name: 'Job1' }) };
  };
  afterEach(() => {
    for (const e of endpoints) e.terminate();
    endpoints = [];
  });

  it('keeps the order across streams for a reader busy between looks (batched)', () => {
    const { client } = open();
    const pipe = client.invoke({ script: INTERLEAVED(3000) });
    const records = drainAll(pipe, 'busy');
    expect(pipe.state).toBe('Completed');
    expect(records.map(shown)).toEqual(interleaved(3000));
    expectInWriteOrder(records);
  });

  it('delivers a million numbers in order', () => {
    const { client } = open();
    const pipe = client.invoke({ script: '1..1e6' });
    let next = 1;
    let wrong = 0;
    const deadline = Date.now() + 120_000;
    while (!pipe.finished && Date.now() < deadline) {
      for (const r of pipe.poll()) if (r.value !== next++) wrong++;
      pipe.wait(200);
    }
    for (const r of pipe.poll()) if (r.value !== next++) wrong++;
    expect([pipe.state, next - 1, wrong]).toEqual(['Completed', 1_000_000, 0]);
  });

  it('sends what it holds before the pipeline sleeps', () => {
    const { client } = open();
    // Written within microseconds of each other, so no record waits long enough to send the batch.
    const pipe = client.invoke({ script: "1..3; Start-Sleep 60; 'never'" });
    // A reader that never waits on the channel: the records are held back until the sleep sends them.
    const deadline = Date.now() + 20_000;
    while (pipe.pending < 3 && Date.now() < deadline) busy(20);
    const records = pipe.poll();
    expect(records.map(shown)).toEqual([['output', 1], ['output', 2], ['output', 3]]);
    expect(pipe.state).toBe('Running');
    pipe.stop();
    expect(pipe.state).toBe('Stopped');
  });

  it('sends what it holds before running a native program', () => {
    const { client } = open();
    const pipe = client.invoke({ script: '1..3; /bin/sleep 10' });
    const deadline = Date.now() + 20_000;
    while (pipe.pending < 3 && Date.now() < deadline) busy(20);
    expect([pipe.poll().map((r) => r.value), pipe.state]).toEqual([[1, 2, 3], 'Running']);
  });

  it('a stop in the middle of a batch delivers every record written before it, and none after', () => {
    const { endpoint, client } = open();
    const pipe = client.invoke({ script: '$i = 0; while ($true) { $i++; $i }' });
    const records: StreamRecord[] = [];
    const deadline = Date.now() + 30_000;
    // A reader busy between looks, so the worker holds records back when the stop comes.
    while (records.length < 20_000 && Date.now() < deadline) {
      for (const r of pipe.poll()) records.push(r);
      busy(1);
    }
    Atomics.store(endpoint.stopFlag, 0, 1);
    Atomics.notify(endpoint.stopFlag, 0);
    records.push(...drainAll(pipe, 'busy'));
    expect(pipe.state).toBe('Stopped');
    const values = records.map((r) => r.value);
    expect(values.every((v, i) => v === i + 1)).toBe(true);
    // The stop lands after `$i++` or after writing $i: the last written number is $i or $i - 1.
    const last = drainAll(client.invoke({ script: '$i' }))[0].value as number;
    expect([last - 1, last]).toContain(values.length);
  });

  it('holds a producer faster than its reader at the flow-control window', () => {
    const { client } = open();
    const pipe = client.invoke({ script: '1..200000' });
    const deadline = Date.now() + 30_000;
    while (pipe.pending < RECORD_WINDOW && Date.now() < deadline) busy(20);
    busy(300);
    // Nothing taken, so nothing acknowledged: the worker waits with at most a window in flight.
    expect([pipe.pending, pipe.state]).toEqual([RECORD_WINDOW, 'Running']);
    const values = drainAll(pipe).map((r) => r.value);
    expect(pipe.state).toBe('Completed');
    expect(values.length).toBe(200_000);
    expect(values.every((v, i) => v === i + 1)).toBe(true);
  });
});

describe('streaming back over SSH', () => {
  let server: EmbeddedServer;
  let home: string;
  let client: RunspaceClient;
  beforeAll(async () => {
    const keys = makeKeys();
    server = await startServerThread({ keys, handlerExport: 'runspaces', handlerOptions: { computerName: 'Server01' } });
    home = makeHome({ keys, hosts: [{ alias: 'Server01', port: server.port }] }).home;
    client = RunspaceClient.open(openSshChannel({ hostName: 'Server01', homeDirectory: home }), { computerName: 'Server01', name: 'Session1', ownsChannel: true });
  });
  afterAll(async () => {
    client.close();
    await server.close();
    dispose();
  });

  it('output larger than one frame arrives whole, a frame at a time', () => {
    // 17 strings of 1 MiB: 17 MiB of JSON, more than the 16 MiB a frame may hold.
    const pipe = client.invoke({ script: "1..17 | ForEach-Object { ([string][char](64 + $_)) * 1MB }" });
    const values = drainAll(pipe).map((r) => r.value as string);
    expect([pipe.state, pipe.reason?.message]).toEqual(['Completed', undefined]);
    expect(values.map((v) => [v.length, v[0], v[v.length - 1]])).toEqual(Array.from({ length: 17 }, (_, i) => [1048576, String.fromCharCode(65 + i), String.fromCharCode(65 + i)]));
  });

  it('keeps errors interleaved with output in write order', () => {
    const pipe = client.invoke({ script: INTERLEAVED(5000) });
    const records = drainAll(pipe, 'busy');
    expect(pipe.state).toBe('Completed');
    expect(records.map(shown)).toEqual(interleaved(5000));
    expectInWriteOrder(records);
  });

  it('objects come back Deserialized with their properties', () => {
    const pipe = client.invoke({ script: '1..5000 | ForEach-Object { [pscustomobject]@{ N = $_; Name = "n$_" } }' });
    const values = drainAll(pipe).map((r) => r.value as PSObject);
    expect(values.length).toBe(5000);
    expect(values.every((v, i) => v instanceof PSObject && v.typeNames[0] === 'Deserialized.System.Management.Automation.PSCustomObject' && v.properties.get('n')?.value === i + 1)).toBe(true);
  });

  it('holds a producer faster than its reader at the window, on the server too', () => {
    const pipe = client.invoke({ script: '1..100000' });
    const deadline = Date.now() + 30_000;
    while (pipe.pending < RECORD_WINDOW && Date.now() < deadline) busy(20);
    busy(300);
    expect([pipe.pending, pipe.state]).toEqual([RECORD_WINDOW, 'Running']);
    const values = drainAll(pipe).map((r) => r.value);
    expect(values.length).toBe(100_000);
    expect(values.every((v, i) => v === i + 1)).toBe(true);
  });
});
