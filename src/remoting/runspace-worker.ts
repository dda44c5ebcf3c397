// Entry point of a runspace worker thread: loads the engine module named by the parent (the
// full command set) and serves the protocol on the port it was given until the client closes it.

import { workerData, type MessagePort } from 'node:worker_threads';
import { PortSyncChannel, TO_CLIENT, TO_HOST } from './port-channel.js';
import { RunspaceHost, type RunspaceFactory } from './runspace-host.js';

interface RunspaceWorkerData {
  readonly port: MessagePort;
  readonly signal: Int32Array;
  readonly stopFlag: Int32Array;
  readonly engineModule: string;
  readonly computerName: string;
  readonly user: string;
}

const data = workerData as RunspaceWorkerData;
const channel = new PortSyncChannel(data.port, data.signal, TO_HOST, TO_CLIENT);
try {
  const engine = (await import(data.engineModule)) as { createRunspace: RunspaceFactory; warmUp?: () => void };
  // Build the parser now, while the worker waits as a spare, not when the first command comes.
  engine.warmUp?.();
  new RunspaceHost(channel, data.stopFlag, engine.createRunspace, { computerName: data.computerName, user: data.user }).run();
} catch (e) {
  // Tell the client why instead of leaving it to wait for an answer that never comes.
  data.port.postMessage({ type: '$close', reason: `The runspace worker failed: ${e instanceof Error ? e.message : String(e)}` });
  Atomics.add(data.signal, TO_CLIENT, 1);
  Atomics.notify(data.signal, TO_CLIENT);
}
data.port.close();
