// Entry point of the pool's dispatcher thread: takes requests from the thread that owns the pool
// and runs the Dispatcher on this thread's event loop.

import { parentPort, workerData } from 'node:worker_threads';
import { spawnPoolWorker } from '../remoting/worker-transport.js';
import { Dispatcher, type CallerPort, type DispatcherRequest, type PoolOptions } from './dispatcher.js';

const data = workerData as { options: PoolOptions; caller: CallerPort };
const engine = data.options.engineModule === undefined ? {} : { engineModule: data.options.engineModule };
const dispatcher = new Dispatcher(data.caller, (link, events) => spawnPoolWorker(link, events, engine), data.options);
parentPort?.on('message', (request: DispatcherRequest) => dispatcher.handle(request));
