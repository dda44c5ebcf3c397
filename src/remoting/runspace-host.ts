// The host end of the protocol inside a runspace worker thread: opens runspaces, runs one
// pipeline at a time (the evaluator is synchronous), streams its records back in batches with
// sequence numbers, and holds the pipeline when the client has not acknowledged RECORD_WINDOW
// records.

import type { ParseError } from '../language/ast.js';
import { ErrorRecord } from '../runtime/error-record.js';
import type { StreamRecord } from '../runtime/streams.js';
import type { ChannelMessage, SyncChannel } from './channel.js';
import {
  PROTOCOL_VERSION, RECORD_BATCH_LIMITS, RECORD_WINDOW, SERIALIZATION_DEPTH,
  type ClientMessage, type HostMessage, type InvokeMessage, type PipelineStateName,
} from './protocol.js';
import { RecordBatch } from './record-batch.js';
import { deserialize, serialize, serializedSize, type SerializedValue } from './serializer.js';

/** What the host needs of a Runspace (src/runtime/runspace.ts satisfies it). */
export interface HostedRunspace {
  invoke(
    request: { script: string; args?: readonly unknown[]; input?: readonly unknown[]; using?: Readonly<Record<string, unknown>>; scope?: 'global' | 'script' },
    sink: (record: StreamRecord) => void,
  ): { readonly terminatingError: ErrorRecord | null; readonly parseErrors: readonly ParseError[]; readonly stopped: boolean };
}

export type RunspaceFactory = (options: {
  stopFlag: Int32Array;
  hostOutputDirect: boolean;
  name: string;
  /** Called before the runspace blocks for a while (Start-Sleep), so records held back leave first. */
  beforeBlocking?: () => void;
  /** Called now and then while a pipeline computes, so records held too long can leave. */
  onTick?: () => void;
  /** Where the runspace starts (open-runspace's location). */
  initialLocation?: string;
  /** The engine's own Host object, shared by the runspaces of a pool worker. */
  host?: unknown;
}) => HostedRunspace;

/** The reason a pipeline failed to parse, as PowerShell reports a ParseException. */
function parseFailure(errors: readonly ParseError[]): ErrorRecord {
  const first = errors[0];
  const e = ErrorRecord.fromMessage(first.message, first.errorId, 'ParserError', null, 'System.Management.Automation.ParseException');
  return e;
}

interface PendingInvoke {
  readonly message: InvokeMessage;
  readonly input: SerializedValue[];
}

export class RunspaceHost {
  private readonly runspaces = new Map<string, HostedRunspace>();
  private readonly waitingForInput = new Map<string, PendingInvoke>();
  private running: { runspaceId: string; pipelineId: string; unacked: number; readonly batch: RecordBatch } | null = null;
  private ranPipeline = false;

  constructor(
    private readonly channel: SyncChannel,
    private readonly stopFlag: Int32Array,
    private readonly createRunspace: RunspaceFactory,
    private readonly identity: { computerName: string; user: string },
  ) {}

  /** Serves until the client closes the channel. */
  run(): void {
    while (!this.channel.closed) {
      this.channel.wait(60_000);
      for (const m of this.channel.drain()) this.handle(m);
    }
  }

  /**
   * Serves one pooled job: the messages its client sent ahead (open-runspace, invoke), and
   * whatever comes on the channel while its pipeline runs (acks). Returns when the pipeline has
   * run, without waiting for the client to close anything, so the worker moves on to the next
   * job; also when the client goes away or `abandoned` says it no longer wants the job.
   */
  serveOne(initial: readonly ChannelMessage[], abandoned: () => boolean): void {
    for (const m of initial) this.handle(m);
    while (!this.ranPipeline && !this.channel.closed && !abandoned()) {
      // Short waits: a caller that gives up on a queued job only raises a flag.
      this.channel.wait(50);
      for (const m of this.channel.drain()) this.handle(m);
    }
  }

  private send(message: HostMessage): void {
    if (!this.channel.closed) this.channel.send(message);
  }

  private handle(raw: ChannelMessage): void {
    const m = raw as ClientMessage;
    switch (m.type) {
      case 'hello':
        this.send({ type: 'welcome', version: PROTOCOL_VERSION, computerName: this.identity.computerName, user: this.identity.user, keepAliveMs: null });
        return;
      case 'ping':
        this.send({ type: 'pong', id: m.id });
        return;
      case 'open-runspace':
        try {
          this.runspaces.set(m.runspaceId, this.createRunspace({
            stopFlag: this.stopFlag, hostOutputDirect: false, name: m.name, beforeBlocking: () => this.flush(), onTick: () => this.flushIfOverdue(),
            ...(m.location === undefined ? {} : { initialLocation: m.location }),
          }));
          this.send({ type: 'runspace-opened', runspaceId: m.runspaceId });
        } catch (e) {
          this.send({ type: 'error', message: e instanceof Error ? e.message : String(e), errorId: 'RunspaceOpenFailed', runspaceId: m.runspaceId });
        }
        return;
      case 'close-runspace':
        this.runspaces.delete(m.runspaceId);
        this.send({ type: 'runspace-closed', runspaceId: m.runspaceId, reason: null });
        return;
      case 'invoke':
        if (m.inputOpen) this.waitingForInput.set(m.pipelineId, { message: m, input: [...(m.input ?? [])] });
        else this.invoke(m, m.input);
        return;
      case 'input': {
        const pending = this.waitingForInput.get(m.pipelineId);
        if (!pending) return;
        pending.input.push(...m.values);
        if (m.end) {
          this.waitingForInput.delete(m.pipelineId);
          this.invoke(pending.message, pending.input);
        }
        return;
      }
      case 'ack':
        if (this.running?.pipelineId === m.pipelineId) this.running.unacked -= m.count;
        return;
      case 'stop':
        // A stop for a pipeline that already ended must not stop the next one.
        if (this.running?.pipelineId !== m.pipelineId) Atomics.store(this.stopFlag, 0, 0);
        else Atomics.store(this.stopFlag, 0, 1);
        return;
      default:
        this.send({ type: 'error', message: `Unexpected message '${m.type}' for a runspace worker.`, errorId: 'UnexpectedMessage' });
    }
  }

  private invoke(m: InvokeMessage, input: readonly SerializedValue[] | null): void {
    const runspace = this.runspaces.get(m.runspaceId);
    const state = (state: PipelineStateName, reason: ErrorRecord | null): void =>
      this.send({ type: 'pipeline-state', runspaceId: m.runspaceId, pipelineId: m.pipelineId, state, reason: reason ? serialize(reason, SERIALIZATION_DEPTH) : null, time: Date.now() });
    if (!runspace) {
      state('Failed', ErrorRecord.fromMessage(`The runspace ${m.runspaceId} is not open.`, 'InvalidRunspaceState', 'InvalidOperation', null, 'System.Management.Automation.Runspaces.InvalidRunspaceStateException'));
      return;
    }
    this.running = { runspaceId: m.runspaceId, pipelineId: m.pipelineId, unacked: 0, batch: new RecordBatch(RECORD_BATCH_LIMITS) };
    state('Running', null);
    let reason: ErrorRecord | null = null;
    let final: PipelineStateName = 'Completed';
    try {
      const result = runspace.invoke(
        {
          script: m.script,
          args: m.args.map(deserialize),
          input: input === null ? undefined : input.map(deserialize),
          using: Object.fromEntries(Object.entries(m.using).map(([k, v]) => [k, deserialize(v)])),
          scope: m.scope,
        },
        (record) => this.emit(m, record),
      );
      if (result.stopped) final = 'Stopped';
      else if (result.parseErrors.length > 0) [final, reason] = ['Failed', parseFailure(result.parseErrors)];
      else if (result.terminatingError) [final, reason] = ['Failed', result.terminatingError];
    } catch (e) {
      final = 'Failed';
      reason = ErrorRecord.fromMessage(e instanceof Error ? e.message : String(e), 'RemotePipelineExecutionFailed', 'NotSpecified');
    }
    // Whatever was written before the end (or the stop) is delivered before the final state.
    this.flush();
    this.running = null;
    this.ranPipeline = true;
    Atomics.store(this.stopFlag, 0, 0);
    state(final, reason);
  }

  private emit(m: InvokeMessage, record: StreamRecord): void {
    const running = this.running;
    if (!running) return;
    const value = serialize(record.value, SERIALIZATION_DEPTH);
    const bytes = serializedSize(value);
    if (running.batch.wouldOverflow(bytes)) this.flush();
    const due = running.batch.add(record.stream, record.seq, value, bytes);
    // Held back only while the client is busy (one that waits gets each record at once), and
    // never past the window, so no more than RECORD_WINDOW records are ever in flight.
    if (due || this.channel.peerWaiting?.() !== false || running.unacked + running.batch.size >= RECORD_WINDOW) this.flush();
    // Flow control: hold the pipeline until the client catches up, unless it is being stopped.
    while (running.unacked >= RECORD_WINDOW && Atomics.load(this.stopFlag, 0) === 0) {
      if (this.channel.closed) {
        Atomics.store(this.stopFlag, 0, 1);
        return;
      }
      this.channel.wait(100);
      for (const msg of this.channel.drain()) this.handle(msg);
    }
  }

  /** A pipeline that computes without writing still lets records it wrote earlier leave on time. */
  private flushIfOverdue(): void {
    if (this.running?.batch.overdue(performance.now())) this.flush();
  }

  /** Sends the records held back, counting them against the flow-control window. */
  private flush(): void {
    const running = this.running;
    if (!running) return;
    const message = running.batch.take(running.runspaceId, running.pipelineId);
    if (!message) return;
    running.unacked += message.values.length;
    this.send(message);
  }
}
