// The runspace host behind `psh serve` and `psh -sshs`: each connection's runspaces run on
// their own runspace worker, this event loop routes messages between the connection and the
// workers, answers keep-alive pings while a worker is busy, and keeps disconnected runspaces
// (with their running pipelines and jobs) alive, buffering their output until the same user
// reconnects.

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
  readonly worker: AsyncWorkerEndpoint;
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
 * One worker kept loaded ahead of need per kind: loading the engine takes a while, and a new
 * session should not wait for it.
 */
const spares = new Map<string, AsyncWorkerEndpoint>();
function spawnSpare(key: string, options: RunspaceWorkerOptions): void {
  const spare = spawnRunspaceWorkerAsync(options);
  // A spare that dies unused is simply forgotten.
  spare.channel.onClose(() => {
    if (spares.get(key) === spare) spares.delete(key);
  });
  spares.set(key, spare);
}

function takeWorker(options: RunspaceWorkerOptions): AsyncWorkerEndpoint {
  const key = JSON.stringify(options);
  const spare = spares.get(key);
  spares.delete(key);
  spawnSpare(key, options);
  return spare ?? spawnRunspaceWorkerAsync(options);
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
    let worker: AsyncWorkerEndpoint;
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

/** Loads a spare worker before the first client arrives, so no session waits for the engine. */
export function prewarm(info: ConnectionInfo, options: ServeOptions = {}): void {
  const wanted = workerOptions(info, options);
  if (!spares.has(JSON.stringify(wanted))) spawnSpare(JSON.stringify(wanted), wanted);
}

/** Ends every hosted runspace and spare worker (server shutdown, tests). */
export function closeAllRunspaces(): void {
  for (const entry of [...entries.values()]) {
    entries.delete(entry.id);
    entry.worker.terminate();
  }
  for (const spare of spares.values()) spare.terminate();
  spares.clear();
}
