// The runspace host behind `psh serve` and `psh -sshs`: each connection's runspaces run on
// their own runspace worker, this event loop routes messages between the connection and the
// workers, answers keep-alive pings while a worker is busy, and keeps disconnected runspaces
// (with their running pipelines and jobs) alive, buffering their output until the same user
// reconnects.

import { availableParallelism } from 'node:os';
import type { AsyncChannel, ChannelMessage } from './channel.js';
import {
  KEEPALIVE_INTERVAL_MS, PROTOCOL_VERSION,
  type ClientMessage, type HostMessage, type RunspaceInfo,
} from './protocol.js';
import { spawnRunspaceWorkerAsync, type AsyncWorkerEndpoint, type RunspaceWorkerOptions } from './worker-transport.js';

export interface ConnectionInfo {
  /** The authenticated user (SSH user name). */
  readonly user: string;
  /** This computer's name as clients see it. */
  readonly computerName: string;
}

export interface ServeOptions {
  /** Engine module for the runspace workers (tests use a stand-in). */
  readonly engineModule?: string;
}

/** A runspace hosted here: attached to a connection, or disconnected and waiting. */
interface HostedEntry {
  readonly id: string;
  readonly name: string;
  readonly user: string;
  readonly worker: GatedWorker;
  attached: ServedConnection | null;
  /** Host messages kept while disconnected, delivered on reconnect. */
  readonly buffer: HostMessage[];
  /** The pipeline running (or finished with undelivered output) when disconnected. */
  pipelineId: string | null;
}

/** Every runspace on this server process, so any connection of the same user can reconnect. */
const entries = new Map<string, HostedEntry>();

function workerOptions(info: ConnectionInfo, options: ServeOptions): RunspaceWorkerOptions {
  return { engineModule: options.engineModule, computerName: info.computerName };
}

/**
 * How many runspace workers may load the engine at once. Loading is CPU work; a hundred
 * sessions opened together would otherwise start a hundred loads that slow each other down and
 * starve this event loop, which must keep answering SSH (a client calls a server that misses
 * its keepalives lost). The others wait their turn, sessions ahead of spares.
 */
const MAX_LOADING = Math.max(1, availableParallelism());
/** The ping a new worker answers once its engine is loaded and it serves the protocol. */
const LOAD_PROBE = -1;
let loadingNow = 0;
const waitingToLoad: GatedWorker[] = [];

function loadNext(): void {
  while (loadingNow < MAX_LOADING && waitingToLoad.length > 0) waitingToLoad.shift()!.start();
}

/**
 * A runspace worker that is started when a load slot is free. Until then, what is sent to it
 * waits here; once started, it stands for its worker endpoint.
 */
class GatedWorker {
  private endpoint: AsyncWorkerEndpoint | null = null;
  private readonly queued: ChannelMessage[] = [];
  private readonly messageHandlers: ((m: ChannelMessage) => void)[] = [];
  private readonly closeHandlers: ((reason: string | null) => void)[] = [];
  private loading = false;
  private ended = false;
  private forSession = false;

  readonly channel: AsyncChannel = {
    send: (m) => {
      if (this.ended) return;
      if (this.endpoint) this.endpoint.channel.send(m);
      else this.queued.push(m);
    },
    onMessage: (h) => void this.messageHandlers.push(h),
    onClose: (h) => void this.closeHandlers.push(h),
    close: () => this.terminate(),
  };

  constructor(private readonly options: RunspaceWorkerOptions) {
    waitingToLoad.push(this);
    loadNext();
  }

  /** A session needs this worker: it loads before the spares still waiting. */
  promote(): void {
    this.forSession = true;
    const i = waitingToLoad.indexOf(this);
    if (i < 0) return;
    waitingToLoad.splice(i, 1);
    const firstSpare = waitingToLoad.findIndex((w) => !w.forSession);
    waitingToLoad.splice(firstSpare < 0 ? waitingToLoad.length : firstSpare, 0, this);
  }

  start(): void {
    loadingNow++;
    this.loading = true;
    const endpoint = spawnRunspaceWorkerAsync(this.options);
    this.endpoint = endpoint;
    endpoint.channel.onMessage((m) => {
      this.loaded();
      if (m.type === 'pong' && m.id === LOAD_PROBE) return;
      for (const h of this.messageHandlers) h(m);
    });
    endpoint.channel.onClose((reason) => {
      this.loaded();
      this.ended = true;
      for (const h of this.closeHandlers) h(reason);
    });
    endpoint.channel.send({ type: 'ping', id: LOAD_PROBE } satisfies ClientMessage);
    for (const m of this.queued.splice(0)) endpoint.channel.send(m);
  }

  private loaded(): void {
    if (!this.loading) return;
    this.loading = false;
    loadingNow--;
    loadNext();
  }

  terminate(): void {
    if (this.endpoint) {
      this.endpoint.terminate();
      return;
    }
    if (this.ended) return;
    this.ended = true;
    const i = waitingToLoad.indexOf(this);
    if (i >= 0) waitingToLoad.splice(i, 1);
    for (const h of this.closeHandlers) h('The runspace worker was terminated.');
  }
}

/**
 * Workers kept loaded ahead of need, per kind: loading the engine costs a CPU for a few hundred
 * milliseconds, and a new session should not wait for it. Two are kept, so a burst of opens (a
 * fan-out reaching this computer, a few sessions at once) finds one ready while the pool
 * refills; the refill waits until opens pause, so it does not compete for the CPU with the
 * sessions just opened. Only a pool taken empty is refilled at once.
 */
const SPARE_TARGET = 2;
/**
 * How long opens must pause before a pool that still has a spare is refilled: longer than a
 * burst of opens and its first commands take, so the refill comes after them, not during.
 */
const REFILL_QUIET_MS = 5000;

interface SparePool {
  /** Oldest first: the first spawned is the likeliest to have finished loading. */
  readonly workers: GatedWorker[];
  refill: NodeJS.Timeout | null;
}

const pools = new Map<string, SparePool>();

function poolOf(key: string): SparePool {
  let pool = pools.get(key);
  if (!pool) {
    pool = { workers: [], refill: null };
    pools.set(key, pool);
  }
  return pool;
}

function spawnSpare(pool: SparePool, options: RunspaceWorkerOptions): void {
  const spare = new GatedWorker(options);
  // A spare that dies unused is simply forgotten.
  spare.channel.onClose(() => {
    const i = pool.workers.indexOf(spare);
    if (i >= 0) pool.workers.splice(i, 1);
  });
  pool.workers.push(spare);
}

/** Tops the pool up: one at once when it is empty, the rest after opens have paused. */
function replenish(pool: SparePool, options: RunspaceWorkerOptions): void {
  if (pool.workers.length === 0) spawnSpare(pool, options);
  if (pool.refill) clearTimeout(pool.refill);
  pool.refill = null;
  if (pool.workers.length >= SPARE_TARGET) return;
  pool.refill = setTimeout(() => {
    pool.refill = null;
    spawnSpare(pool, options);
    replenish(pool, options);
  }, REFILL_QUIET_MS);
  // Spares are never a reason for the process to stay up.
  pool.refill.unref();
}

function takeWorker(options: RunspaceWorkerOptions): GatedWorker {
  const pool = poolOf(JSON.stringify(options));
  // A spare still loading is taken all the same: it is further along than a new one would be.
  const worker = pool.workers.shift() ?? new GatedWorker(options);
  worker.promote();
  replenish(pool, options);
  return worker;
}

class ServedConnection {
  private closed = false;

  constructor(
    private readonly channel: AsyncChannel,
    private readonly info: ConnectionInfo,
    private readonly options: ServeOptions,
  ) {
    channel.onMessage((m) => this.handle(m as ClientMessage));
    channel.onClose(() => this.dropped());
  }

  send(message: HostMessage): void {
    if (!this.closed) this.channel.send(message);
  }

  private refuse(message: string, errorId: string, runspaceId?: string): void {
    this.send({ type: 'error', message, errorId, ...(runspaceId ? { runspaceId } : {}) });
  }

  private handle(m: ClientMessage): void {
    switch (m.type) {
      case 'hello':
        if (m.version !== PROTOCOL_VERSION) this.refuse(`This server speaks psh remoting protocol version ${PROTOCOL_VERSION}, not ${m.version}.`, 'ProtocolVersionMismatch');
        else this.send({ type: 'welcome', version: PROTOCOL_VERSION, computerName: this.info.computerName, user: this.info.user, keepAliveMs: KEEPALIVE_INTERVAL_MS });
        return;
      case 'ping':
        this.send({ type: 'pong', id: m.id });
        return;
      case 'pong':
        return;
      case 'open-runspace':
        this.open(m.runspaceId, m.name);
        return;
      case 'list-runspaces':
        this.send({ type: 'runspace-list', runspaces: this.listFor(this.info.user) });
        return;
      case 'reconnect':
        this.reconnect(m.runspaceId);
        return;
      case 'disconnect': {
        const entry = this.owned(m.runspaceId);
        if (!entry) return;
        entry.attached = null;
        this.send({ type: 'disconnected', runspaceId: entry.id });
        return;
      }
      default: {
        const entry = this.owned(m.runspaceId);
        if (!entry) return;
        // The pipeline counts as running from the moment it is asked for: a reconnect that comes
        // before a still-loading worker reports it must still hand it over.
        if (m.type === 'invoke') entry.pipelineId = m.pipelineId;
        entry.worker.channel.send(m);
        // Detached in the same turn that started the pipeline: the worker's first output can
        // only arrive later, so all of it is buffered for the reconnect.
        if (m.type === 'invoke' && m.detach === true) {
          entry.attached = null;
          this.send({ type: 'disconnected', runspaceId: entry.id });
        }
      }
    }
  }

  /** The entry of a runspace this connection holds, or an error to the client. */
  private owned(runspaceId: string): HostedEntry | null {
    const entry = entries.get(runspaceId);
    if (entry && entry.attached === this) return entry;
    this.refuse(`The runspace ${runspaceId} is not open on this connection.`, 'InvalidRunspaceState', runspaceId);
    return null;
  }

  private open(id: string, name: string): void {
    if (entries.has(id)) {
      this.refuse(`A runspace with the instance id ${id} exists already.`, 'RunspaceExists', id);
      return;
    }
    let worker: GatedWorker;
    try {
      worker = takeWorker(workerOptions(this.info, this.options));
    } catch (e) {
      this.refuse(e instanceof Error ? e.message : String(e), 'RunspaceOpenFailed', id);
      return;
    }
    const entry: HostedEntry = { id, name, user: this.info.user, worker, attached: this, buffer: [], pipelineId: null };
    entries.set(id, entry);
    worker.channel.onMessage((msg) => fromWorker(entry, msg));
    worker.channel.onClose((reason) => workerGone(entry, reason));
    worker.channel.send({ type: 'open-runspace', runspaceId: id, name } satisfies ClientMessage);
  }

  private reconnect(id: string): void {
    const entry = entries.get(id);
    if (!entry || entry.user !== this.info.user) {
      // Another user's session is reported as missing, as if it did not exist.
      this.refuse(`The disconnected session with instance id ${id} was not found on ${this.info.computerName} for user ${this.info.user}.`, 'PSSessionNotFound', id);
      return;
    }
    if (entry.attached !== null) {
      this.refuse(`The session ${entry.name} is in use by another connection.`, 'PSSessionInUse', id);
      return;
    }
    entry.attached = this;
    this.send({ type: 'reconnected', runspaceId: id, name: entry.name, pipelineId: entry.pipelineId });
    const buffered = entry.buffer.splice(0);
    for (const m of buffered) this.send(m);
    if (buffered.some((m) => m.type === 'pipeline-state' && m.state !== 'Running')) entry.pipelineId = null;
  }

  private listFor(user: string): RunspaceInfo[] {
    return [...entries.values()]
      .filter((e) => e.user === user)
      .map((e) => ({ runspaceId: e.id, name: e.name, state: e.attached === null ? 'Disconnected' : 'Opened', busy: e.pipelineId !== null }));
  }

  /** The connection went away: its attached runspaces end (with their jobs); disconnected ones stay. */
  private dropped(): void {
    this.closed = true;
    for (const entry of [...entries.values()]) {
      if (entry.attached !== this) continue;
      entries.delete(entry.id);
      entry.worker.terminate();
    }
  }
}

function fromWorker(entry: HostedEntry, raw: ChannelMessage): void {
  const m = raw as HostMessage;
  if (m.type === 'pipeline-state') {
    entry.pipelineId = m.state === 'Running' || m.state === 'NotStarted' ? m.pipelineId : null;
  }
  if (m.type === 'runspace-closed') {
    entries.delete(entry.id);
    entry.attached?.send(m);
    entry.worker.terminate();
    return;
  }
  if (entry.attached) {
    entry.attached.send(m);
    return;
  }
  entry.buffer.push(m);
  // A pipeline that finished while nobody listened still has output to hand over.
  if (m.type === 'pipeline-state' && m.state !== 'Running') entry.pipelineId = m.pipelineId;
}

function workerGone(entry: HostedEntry, reason: string | null): void {
  if (entries.get(entry.id) !== entry) return;
  entries.delete(entry.id);
  entry.attached?.send({ type: 'runspace-closed', runspaceId: entry.id, reason: reason ?? 'The runspace worker ended.' });
}

/** Serves one client connection until it closes. */
export function serveConnection(channel: AsyncChannel, info: ConnectionInfo, options: ServeOptions = {}): void {
  new ServedConnection(channel, info, options);
  prewarm(info, options);
}

/** Loads spare workers before the first client arrives, so no session waits for the engine. */
export function prewarm(info: ConnectionInfo, options: ServeOptions = {}): void {
  const wanted = workerOptions(info, options);
  const pool = poolOf(JSON.stringify(wanted));
  if (pool.workers.length === 0 && pool.refill === null) replenish(pool, wanted);
}

/** Ends every hosted runspace and spare worker (server shutdown, tests). */
export function closeAllRunspaces(): void {
  for (const entry of [...entries.values()]) {
    entries.delete(entry.id);
    entry.worker.terminate();
  }
  for (const pool of pools.values()) {
    if (pool.refill) clearTimeout(pool.refill);
    for (const spare of pool.workers.splice(0)) spare.terminate();
  }
  pools.clear();
}
