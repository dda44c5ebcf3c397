// Entry point of a runspace worker thread: loads the engine module named by the parent (the
// full command set) and serves the protocol on the port it was given until the client closes it.
// A pool worker instead runs one job after another, as its dispatcher hands them out.

import { workerData, type MessagePort } from 'node:worker_threads';
import { PortSyncChannel, TO_CLIENT, TO_HOST } from './port-channel.js';
import { RunspaceHost, type RunspaceFactory } from './runspace-host.js';
import { JOB_ABANDONED, type CallerLink, type JobAssignment, type WorkerIdle } from './worker-transport.js';

interface RunspaceWorkerData {
  readonly port: MessagePort;
  readonly signal: Int32Array;
  readonly stopFlag: Int32Array;
  readonly engineModule: string;
  readonly computerName: string;
  readonly user: string;
  readonly caller: CallerLink | null;
}

type Identity = { computerName: string; user: string };

/** A pool worker's life: run each job the dispatcher hands over, talking to its caller, then report idle. */
function servePool(control: PortSyncChannel, link: CallerLink, createRunspace: RunspaceFactory, identity: Identity): void {
  const caller = new PortSyncChannel(link.port, link.signal, link.slot, TO_CLIENT);
  control.send({ type: 'idle' } satisfies WorkerIdle);
  while (!control.closed) {
    control.wait(60_000);
    for (const m of control.drain()) {
      if (m.type !== 'job') continue;
      const job = m as JobAssignment;
      const abandoned = (): boolean => Atomics.load(job.fate, 0) === JOB_ABANDONED;
      if (!abandoned()) new RunspaceHost(caller, job.stopFlag, createRunspace, identity).serveOne(job.messages, abandoned);
      control.send({ type: 'idle' } satisfies WorkerIdle);
    }
  }
}

const data = workerData as RunspaceWorkerData;
const channel = new PortSyncChannel(data.port, data.signal, TO_HOST, TO_CLIENT);
try {
  const engine = (await import(data.engineModule)) as { createRunspace: RunspaceFactory; warmUp?: () => void; createWorkerHost?: () => unknown };
  // Build the parser now, while the worker waits as a spare, not when the first command comes.
  engine.warmUp?.();
  const identity = { computerName: data.computerName, user: data.user };
  if (data.caller) {
    const host = engine.createWorkerHost?.();
    servePool(channel, data.caller, (options) => engine.createRunspace({ ...options, host }), identity);
  } else {
    new RunspaceHost(channel, data.stopFlag, engine.createRunspace, identity).run();
  }
} catch (e) {
  // Tell the client why instead of leaving it to wait for an answer that never comes.
  data.port.postMessage({ type: '$close', reason: `The runspace worker failed: ${e instanceof Error ? e.message : String(e)}` });
  Atomics.add(data.signal, TO_CLIENT, 1);
  Atomics.notify(data.signal, TO_CLIENT);
}
data.port.close();
