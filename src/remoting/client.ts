// The client end of the protocol, used from a synchronous runspace thread: a RunspaceClient is
// one runspace on the other side of a channel (a worker thread or an SSH connection), and a
// RemotePipeline one command running there. Nothing here needs an event loop: every call
// drains the channel itself, and waiting blocks on the channel.

import { randomUUID } from 'node:crypto';
import { ErrorRecord } from '../runtime/error-record.js';
import type { StreamRecord } from '../runtime/streams.js';
import type { ChannelMessage, SyncChannel } from './channel.js';
import {
  KEEPALIVE_INTERVAL_MS, KEEPALIVE_MISSES, PROTOCOL_VERSION, SERIALIZATION_DEPTH,
  type ClientMessage, type HostMessage, type PipelineStateName, type RunspaceInfo, type RunspaceStateName, type WelcomeMessage,
} from './protocol.js';
import { unpackRecords } from './record-batch.js';
import { deserialize, serialize } from './serializer.js';

const HANDSHAKE_TIMEOUT_MS = 15_000;
const REPLY_TIMEOUT_MS = 10_000;
/**
 * How long a new runspace may take to open over a live connection: PowerShell's default
 * OpenTimeout (3 minutes). A busy host (many sessions opened at once) loads them in turn.
 */
const OPEN_TIMEOUT_MS = 180_000;

/** A transport failure as PowerShell reports it (PSRemotingTransportException). */
export function transportError(message: string, computerName: string | null = null, errorId = 'JobFailure'): ErrorRecord {
  // A session that could not be opened is an OpenError, as New-PSSession reports it; a lost one stops what ran on it.
  const category = errorId === 'PSSessionOpenFailed' ? 'OpenError' : 'OperationStopped';
  const e = ErrorRecord.fromMessage(message, errorId, category, null, 'System.Management.Automation.Remoting.PSRemotingTransportException');
  e.originComputer = computerName;
  return e;
}

/** Thrown when a connection cannot be set up or a request is refused; carries the record to report. */
export class RemotingError extends Error {
  constructor(readonly errorRecord: ErrorRecord) {
    super(errorRecord.message);
  }
}

/**
 * One connection, shared by every runspace opened over it: it performs the handshake once and
 * routes host messages to the runspace (and pipeline) they belong to.
 */
class Connection {
  private static readonly byChannel = new WeakMap<SyncChannel, Connection>();
  welcome: WelcomeMessage | null = null;
  readonly runspaces = new Map<string, RunspaceClient>();
  /** Replies that belong to no runspace (welcome, runspace-list, errors). */
  readonly general: HostMessage[] = [];
  private lastHeard = Date.now();
  private lastPing = 0;
  /** When the first ping since the host was last heard went out. */
  private firstPing = 0;
  private pingId = 0;
  private greeted = false;
  lostReason: string | null = null;

  private constructor(readonly channel: SyncChannel) {}

  static of(channel: SyncChannel): Connection {
    let c = Connection.byChannel.get(channel);
    if (!c) {
      c = new Connection(channel);
      Connection.byChannel.set(channel, c);
    }
    return c;
  }

  get lost(): boolean {
    return this.lostReason !== null || this.channel.closed;
  }

  get reason(): string {
    return this.lostReason ?? this.channel.closeReason ?? 'The connection was closed.';
  }

  send(message: ClientMessage): void {
    if (this.lost) throw new RemotingError(transportError(this.reason));
    try {
      this.channel.send(message);
    } catch (e) {
      this.lostReason = e instanceof Error ? e.message : String(e);
      this.breakAll();
      throw new RemotingError(transportError(this.reason));
    }
  }

  /** Takes every message that arrived and routes it; never blocks. */
  pump(): void {
    const messages = this.channel.drain();
    if (messages.length > 0) this.lastHeard = Date.now();
    for (const raw of messages) this.route(raw);
    if (this.lost) this.breakAll();
  }

  private route(raw: ChannelMessage): void {
    const m = raw as HostMessage;
    if (m.type === 'ping') {
      if (!this.lost) this.channel.send({ type: 'pong', id: m.id } satisfies ClientMessage);
      return;
    }
    if (m.type === 'pong') return;
    if (m.type === 'welcome') {
      this.welcomed(m);
      return;
    }
    const runspaceId = 'runspaceId' in m ? m.runspaceId : undefined;
    const target = runspaceId === undefined ? undefined : this.runspaces.get(runspaceId);
    if (target) target.receive(m);
    else this.general.push(m);
    // The host refused the hello: nothing sent with it can be served.
    if (m.type === 'error' && runspaceId === undefined && this.welcome === null) this.lostReason = m.message;
  }

  /** Blocks up to `timeoutMs` for any message; pings a network host that has been silent. */
  wait(timeoutMs: number, any = false): void {
    const keepAlive = this.welcome?.keepAliveMs ?? null;
    if (keepAlive !== null && !this.lost) {
      // Silence counts from the first unanswered ping: a connection left idle (nothing asked of
      // the host, as with sessions waiting while others open) has not stopped answering.
      const now = Date.now();
      const askedAt = this.firstPing > this.lastHeard ? this.firstPing : null;
      if (askedAt !== null && now - askedAt > keepAlive * KEEPALIVE_MISSES) {
        this.lostReason = `The connection to the remote computer was lost: it did not answer for ${Math.round((now - askedAt) / 1000)} seconds.`;
        this.breakAll();
        return;
      }
      if (now - this.lastHeard >= keepAlive && now - this.lastPing >= keepAlive) {
        if (askedAt === null) this.firstPing = now;
        this.lastPing = now;
        this.send({ type: 'ping', id: ++this.pingId });
      }
      timeoutMs = Math.min(timeoutMs, keepAlive);
    }
    if (!this.lost) {
      if (any && this.channel.waitAny) this.channel.waitAny(timeoutMs);
      else this.channel.wait(timeoutMs);
    }
    this.pump();
  }

  /** Like wait(), but a channel that shares its wake-up with others also ends it for their traffic. */
  waitAny(timeoutMs: number): void {
    this.wait(timeoutMs, true);
  }

  /** Waits for a reply that belongs to no runspace. */
  awaitGeneral<T extends HostMessage['type']>(type: T, timeoutMs: number): Extract<HostMessage, { type: T }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.pump();
      const i = this.general.findIndex((m) => m.type === type || m.type === 'error');
      if (i >= 0) {
        const m = this.general.splice(i, 1)[0];
        if (m.type === 'error') throw new RemotingError(ErrorRecord.fromMessage(m.message, m.errorId, 'OpenError', null, 'System.Management.Automation.Remoting.PSRemotingTransportException'));
        return m as Extract<HostMessage, { type: T }>;
      }
      if (this.lost) throw new RemotingError(transportError(this.reason));
      const left = deadline - Date.now();
      if (left <= 0) throw new RemotingError(transportError(`The remote computer did not answer within ${Math.round(timeoutMs / 1000)} seconds.`, null, 'PSSessionOpenFailed'));
      this.wait(left);
    }
  }

  /**
   * Says hello once, without waiting: the welcome is checked when it arrives, so the requests
   * that follow the hello travel with it instead of a round trip later.
   */
  greet(): void {
    if (this.greeted) return;
    this.greeted = true;
    this.send({ type: 'hello', version: PROTOCOL_VERSION, client: 'psh' });
  }

  handshake(): WelcomeMessage {
    this.greet();
    const deadline = Date.now() + HANDSHAKE_TIMEOUT_MS;
    for (;;) {
      this.pump();
      if (this.welcome) return this.welcome;
      const refused = this.general.findIndex((m) => m.type === 'error' && m.runspaceId === undefined);
      if (refused >= 0) {
        const m = this.general.splice(refused, 1)[0] as Extract<HostMessage, { type: 'error' }>;
        throw new RemotingError(ErrorRecord.fromMessage(m.message, m.errorId, 'OpenError', null, 'System.Management.Automation.Remoting.PSRemotingTransportException'));
      }
      if (this.lost) throw new RemotingError(transportError(this.reason, null, 'PSSessionOpenFailed'));
      const left = deadline - Date.now();
      if (left <= 0) throw new RemotingError(transportError(`The remote computer did not answer within ${Math.round(HANDSHAKE_TIMEOUT_MS / 1000)} seconds.`, null, 'PSSessionOpenFailed'));
      this.wait(left);
    }
  }

  /** A version the client cannot speak breaks the connection with PowerShell's kind of report. */
  private welcomed(welcome: WelcomeMessage): void {
    if (welcome.version !== PROTOCOL_VERSION) {
      this.lostReason = `The remote computer speaks psh remoting protocol version ${welcome.version}; this client speaks version ${PROTOCOL_VERSION}.`;
      return;
    }
    this.welcome = welcome;
    this.lastHeard = Date.now();
  }

  breakAll(): void {
    for (const r of [...this.runspaces.values()]) r.connectionLost(this.reason);
  }
}

export interface RunspaceClientOptions {
  readonly computerName: string;
  readonly name?: string;
  readonly runspaceId?: string;
  /** Where the runspace starts (its first current location); the host's default when absent. */
  readonly location?: string;
  /** Close the channel with the runspace (a connection made for this runspace alone). */
  readonly ownsChannel?: boolean;
}

export class RunspaceClient {
  private stateName: RunspaceStateName = 'Opened';
  private reason: string | null = null;
  private readonly pipelines = new Map<string, RemotePipeline>();
  private readonly replies: HostMessage[] = [];
  /** Asked for with begin() and not yet confirmed by the host. */
  private opening = false;
  /** The host has confirmed this runspace (always, except for one from begin() until it is open). */
  private confirmed = true;
  /** The host's refusal to open the runspace. */
  private openFailure: ErrorRecord | null = null;

  private constructor(
    private readonly connection: Connection,
    readonly computerName: string,
    readonly instanceId: string,
    readonly name: string,
    private readonly ownsChannel: boolean,
  ) {
    connection.runspaces.set(instanceId, this);
  }

  /** Opens a new runspace on the other side and waits until it is open. */
  static open(channel: SyncChannel, options: RunspaceClientOptions): RunspaceClient {
    const client = RunspaceClient.begin(channel, options);
    client.waitOpened();
    return client;
  }

  /**
   * Asks for a new runspace without waiting for it: the hello (on a new connection), the open
   * and any pipeline invoked next travel together, and the host takes them in order. A failure
   * to open breaks the client (brokenReason) and fails its pipelines.
   */
  static begin(channel: SyncChannel, options: RunspaceClientOptions): RunspaceClient {
    const connection = Connection.of(channel);
    const id = options.runspaceId ?? randomUUID();
    const client = new RunspaceClient(connection, options.computerName, id, options.name ?? '', options.ownsChannel ?? false);
    client.opening = true;
    client.confirmed = false;
    try {
      connection.greet();
      connection.send({ type: 'open-runspace', runspaceId: id, name: client.name, ...(options.location === undefined ? {} : { location: options.location }) });
    } catch (e) {
      client.abandon();
      throw e;
    }
    return client;
  }

  /**
   * Opens a runspace without waiting for any reply: for a channel whose host may not exist yet
   * (a queued job's channel, handed to a pool worker later). No handshake: both ends are this
   * build of psh. A refused open shows up as the failure of the first pipeline.
   */
  static openPipelined(channel: SyncChannel, options: RunspaceClientOptions): RunspaceClient {
    const connection = Connection.of(channel);
    const client = new RunspaceClient(connection, options.computerName, options.runspaceId ?? randomUUID(), options.name ?? '', options.ownsChannel ?? false);
    connection.send({ type: 'open-runspace', runspaceId: client.instanceId, name: client.name, ...(options.location === undefined ? {} : { location: options.location }) });
    return client;
  }

  /** Blocks until a runspace asked for with begin() is open; throws why it could not be. */
  waitOpened(timeoutMs = OPEN_TIMEOUT_MS): void {
    const deadline = Date.now() + timeoutMs;
    try {
      for (;;) {
        this.connection.pump();
        if (this.stateName === 'Broken') throw new RemotingError(this.openFailure ?? transportError(this.reason ?? this.connection.reason, this.computerName));
        if (!this.opening) return;
        if (this.connection.lost) throw new RemotingError(transportError(this.connection.reason, this.computerName));
        const left = deadline - Date.now();
        if (left <= 0) throw new RemotingError(transportError(`The remote computer ${this.computerName} did not answer within ${Math.round(timeoutMs / 1000)} seconds.`, this.computerName, 'PSSessionOpenFailed'));
        this.connection.wait(left);
      }
    } catch (e) {
      this.abandon();
      throw e;
    }
  }

  /** The runspace begin() asked for never opened: the connection or the host failed first (brokenReason). */
  get openFailed(): boolean {
    this.connection.pump();
    return this.stateName === 'Broken' && !this.confirmed;
  }

  private abandon(): void {
    this.detach();
    if (this.ownsChannel) this.connection.channel.close();
  }

  /** Attaches a runspace left disconnected on the host; the same user only. */
  static reconnect(channel: SyncChannel, options: RunspaceClientOptions & { readonly runspaceId: string }): { client: RunspaceClient; pipeline: RemotePipeline | null } {
    const connection = Connection.of(channel);
    connection.handshake();
    const client = new RunspaceClient(connection, options.computerName, options.runspaceId, options.name ?? '', options.ownsChannel ?? false);
    try {
      connection.send({ type: 'reconnect', runspaceId: options.runspaceId });
      const reply = client.awaitReply('reconnected', REPLY_TIMEOUT_MS);
      const pipeline = reply.pipelineId ? new RemotePipeline(client, reply.pipelineId, 'Running') : null;
      if (pipeline) client.pipelines.set(pipeline.id, pipeline);
      return { client, pipeline };
    } catch (e) {
      client.detach();
      if (client.ownsChannel) channel.close();
      throw e;
    }
  }

  /** The runspaces this user left disconnected on the host (Get-PSSession -ComputerName). */
  static listDisconnected(channel: SyncChannel): readonly RunspaceInfo[] {
    const connection = Connection.of(channel);
    connection.handshake();
    connection.send({ type: 'list-runspaces' });
    return connection.awaitGeneral('runspace-list', REPLY_TIMEOUT_MS).runspaces;
  }

  /** Who the host says we are, and its computer name (from the handshake). */
  get remoteUser(): string {
    return this.connection.welcome?.user ?? '';
  }

  get state(): RunspaceStateName {
    if (this.stateName === 'Opened') this.connection.pump();
    return this.stateName;
  }

  get brokenReason(): string | null {
    return this.reason;
  }

  /** True while a pipeline of this runspace has not finished (Availability Busy). */
  get busy(): boolean {
    return [...this.pipelines.values()].some((p) => !p.finished);
  }

  invoke(request: { script: string; args?: unknown[]; input?: unknown[]; using?: Record<string, unknown>; scope?: 'global' | 'script'; detach?: boolean }): RemotePipeline {
    const pipeline = new RemotePipeline(this, randomUUID(), 'NotStarted');
    if (this.state !== 'Opened') {
      pipeline.fail(transportError(this.reason ?? `The session state is ${this.stateName}.`, this.computerName, 'InvalidRunspaceState'));
      return pipeline;
    }
    this.pipelines.set(pipeline.id, pipeline);
    try {
      this.connection.send({
        type: 'invoke',
        runspaceId: this.instanceId,
        pipelineId: pipeline.id,
        script: request.script,
        args: (request.args ?? []).map((v) => serialize(v, SERIALIZATION_DEPTH)),
        input: request.input === undefined ? null : request.input.map((v) => serialize(v, SERIALIZATION_DEPTH)),
        inputOpen: false,
        using: Object.fromEntries(Object.entries(request.using ?? {}).map(([k, v]) => [k.toLowerCase(), serialize(v, SERIALIZATION_DEPTH)])),
        scope: request.scope ?? 'global',
        ...(request.detach ? { detach: true } : {}),
      });
    } catch (e) {
      pipeline.fail(e instanceof RemotingError ? e.errorRecord : transportError(String(e), this.computerName));
    }
    return pipeline;
  }

  /** Leaves the runspace running on the host; reconnect with RunspaceClient.reconnect. */
  /** Starts a pipeline and leaves the runspace disconnected with it running (-InDisconnectedSession). */
  invokeDisconnected(request: { script: string; args?: unknown[]; input?: unknown[]; using?: Record<string, unknown>; scope?: 'global' | 'script' }): void {
    if (this.state !== 'Opened') return;
    this.invoke({ ...request, detach: true });
    this.leave();
  }

  disconnect(): void {
    if (this.state !== 'Opened') return;
    this.connection.send({ type: 'disconnect', runspaceId: this.instanceId });
    this.leave();
  }

  private leave(): void {
    this.awaitReply('disconnected', REPLY_TIMEOUT_MS);
    this.stateName = 'Disconnected';
    this.detach();
    if (this.ownsChannel) this.connection.channel.close();
  }

  close(): void {
    if (this.stateName === 'Opened' && !this.connection.lost) {
      try {
        this.connection.send({ type: 'close-runspace', runspaceId: this.instanceId });
        // A connection of its own closes next, which ends the runspace on the host anyway: no
        // need to wait for the host to confirm.
        if (!this.ownsChannel) this.awaitReply('runspace-closed', REPLY_TIMEOUT_MS);
      } catch {
        // Closing a runspace whose host is gone: nothing left to tell it.
      }
    }
    for (const p of this.pipelines.values()) if (!p.finished) p.fail(transportError('The session was closed.', this.computerName));
    if (this.stateName === 'Opened') this.stateName = 'Closed';
    this.detach();
    if (this.ownsChannel) this.connection.channel.close();
  }

  /** Stops routing to this runspace without a word to its host, which has dropped it already (a pooled job's runspace ends with its pipeline). */
  closeLocally(): void {
    if (this.stateName === 'Opened') this.stateName = 'Closed';
    this.detach();
  }

  private detach(): void {
    if (this.connection.runspaces.get(this.instanceId) === this) this.connection.runspaces.delete(this.instanceId);
  }

  /** @internal Routed here by the connection. */
  receive(m: HostMessage): void {
    if (this.opening) {
      if (m.type === 'runspace-opened') {
        this.opening = false;
        this.confirmed = true;
        return;
      }
      if (m.type === 'error' && m.pipelineId === undefined) {
        this.openFailure = ErrorRecord.fromMessage(m.message, m.errorId, 'OpenError', this.computerName, 'System.Management.Automation.Remoting.PSRemotingTransportException');
        this.opening = false;
        this.stateName = 'Broken';
        this.reason = m.message;
        for (const p of this.pipelines.values()) if (!p.finished) p.fail(this.openFailure);
        this.detach();
        return;
      }
    }
    const pipelineId = 'pipelineId' in m ? m.pipelineId ?? undefined : undefined;
    const pipeline = pipelineId === undefined ? undefined : this.pipelines.get(pipelineId);
    if (pipeline) {
      pipeline.receive(m);
      return;
    }
    if (m.type === 'runspace-closed' && m.reason !== null) {
      this.connectionLost(m.reason);
      return;
    }
    this.replies.push(m);
  }

  /** @internal */
  connectionLost(reason: string): void {
    if (this.stateName !== 'Opened') return;
    this.opening = false;
    this.stateName = 'Broken';
    this.reason = reason;
    const record = transportError(`Processing data for a remote command failed with the following error message: ${reason}`, this.computerName);
    for (const p of this.pipelines.values()) if (!p.finished) p.fail(record);
    this.detach();
  }

  /** @internal */
  send(message: ClientMessage): void {
    this.connection.send(message);
  }

  /** @internal Flow control: the caller took `count` records of the pipeline. Never pumps. */
  acknowledge(pipelineId: string, count: number): void {
    if (this.stateName !== 'Opened') return;
    try {
      this.connection.send({ type: 'ack', runspaceId: this.instanceId, pipelineId, count });
    } catch {
      // The connection broke; the pipeline has failed with the reason already.
    }
  }

  /** @internal Blocks up to `timeoutMs` for traffic on the connection. */
  waitForTraffic(timeoutMs: number): void {
    this.connection.wait(timeoutMs);
  }

  /** @internal Blocks up to `timeoutMs` for traffic on this or a sibling connection. */
  waitForAnyTraffic(timeoutMs: number): void {
    this.connection.waitAny(timeoutMs);
  }

  /** @internal */
  pump(): void {
    this.connection.pump();
  }

  /** @internal */
  forget(pipeline: RemotePipeline): void {
    this.pipelines.delete(pipeline.id);
  }

  private awaitReply<T extends HostMessage['type']>(type: T, timeoutMs: number): Extract<HostMessage, { type: T }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.connection.pump();
      const i = this.replies.findIndex((m) => m.type === type || m.type === 'error');
      if (i >= 0) {
        const m = this.replies.splice(i, 1)[0];
        if (m.type === 'error') throw new RemotingError(ErrorRecord.fromMessage(m.message, m.errorId, 'OpenError', this.computerName, 'System.Management.Automation.Remoting.PSRemotingTransportException'));
        return m as Extract<HostMessage, { type: T }>;
      }
      if (this.stateName === 'Broken' || this.connection.lost) throw new RemotingError(transportError(this.reason ?? this.connection.reason, this.computerName));
      const left = deadline - Date.now();
      if (left <= 0) throw new RemotingError(transportError(`The remote computer ${this.computerName} did not answer within ${Math.round(timeoutMs / 1000)} seconds.`, this.computerName, 'PSSessionOpenFailed'));
      this.connection.wait(left);
    }
  }
}

export class RemotePipeline {
  private stateName: PipelineStateName;
  private failure: ErrorRecord | null = null;
  private startedAt: number | null = null;
  private changedAt: number | null = null;
  private records: StreamRecord[] = [];

  /** @internal Created by RunspaceClient.invoke/reconnect. */
  constructor(
    private readonly client: RunspaceClient,
    readonly id: string,
    state: PipelineStateName,
  ) {
    this.stateName = state;
  }

  get state(): PipelineStateName {
    return this.stateName;
  }

  get reason(): ErrorRecord | null {
    return this.failure;
  }

  /** When the host says the state last changed (ms since the epoch); null when it did not say. */
  get stateTime(): number | null {
    return this.changedAt;
  }

  /** When the host says the pipeline started running; null when it did not say. */
  get startTime(): number | null {
    return this.startedAt;
  }

  get finished(): boolean {
    return this.stateName === 'Completed' || this.stateName === 'Failed' || this.stateName === 'Stopped';
  }

  /** Records that have arrived and are not taken yet; never more than the flow-control window. */
  get pending(): number {
    this.client.pump();
    return this.records.length;
  }

  /** Records received so far, values deserialized; acknowledges them to the host (flow control). */
  poll(): StreamRecord[] {
    this.client.pump();
    const taken = this.records;
    this.records = [];
    // Nothing may pump from here on: a final state taken in after these records would let the
    // caller see the pipeline finished with records still behind it, and never look again.
    if (taken.length > 0 && !this.finished) this.client.acknowledge(this.id, taken.length);
    return taken;
  }

  /** Blocks until records or a state change arrive, or the timeout passes; true when something is new. */
  wait(timeoutMs: number): boolean {
    const deadline = Date.now() + timeoutMs;
    const before = this.stateName;
    for (;;) {
      this.client.pump();
      if (this.records.length > 0 || this.stateName !== before || this.finished) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      this.client.waitForTraffic(left);
    }
  }

  /**
   * Blocks until anything arrives on the connection, or the timeout passes: a caller polling
   * several pipelines wakes for any of them (an SSH channel's wait ends on traffic to any
   * channel of the thread) instead of sleeping on one.
   */
  waitForTraffic(timeoutMs: number): void {
    this.client.waitForAnyTraffic(timeoutMs);
  }

  /** Asks the host to stop the pipeline and waits briefly for it to confirm. */
  stop(): void {
    if (this.finished) return;
    try {
      this.client.send({ type: 'stop', runspaceId: this.client.instanceId, pipelineId: this.id });
    } catch {
      // Connection gone: the pipeline failed already.
    }
    const deadline = Date.now() + 5000;
    while (!this.finished && Date.now() < deadline) this.wait(deadline - Date.now());
    if (!this.finished) this.stateName = 'Stopped';
  }

  /** @internal */
  receive(m: HostMessage): void {
    if (m.type === 'records') {
      unpackRecords(m, this.records);
    } else if (m.type === 'pipeline-state') {
      this.stateName = m.state;
      this.changedAt = m.time ?? null;
      if (m.state === 'Running') this.startedAt = this.changedAt;
      if (m.reason !== null) this.failure = deserialize(m.reason) as ErrorRecord;
      if (this.finished) this.client.forget(this);
    } else if (m.type === 'error') {
      this.fail(ErrorRecord.fromMessage(m.message, m.errorId, 'InvalidOperation'));
    }
  }

  /** @internal */
  fail(reason: ErrorRecord): void {
    this.stateName = 'Failed';
    this.failure = reason;
    this.client.forget(this);
  }
}
