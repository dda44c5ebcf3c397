// The client end of SSH remoting for a runspace thread that blocks. ssh2 needs a turning event
// loop, so connections live in a transport worker (one per thread that opens SSH channels,
// started on first use); this thread encodes and decodes frames and waits on a doorbell. One
// doorbell serves all of a thread's channels, so a thread driving many connections at once
// (a fan-out) wakes on traffic from any of them.

import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { resolveSshConnection, type SshConnectionSpec, type SshTarget } from '../../host/ssh/connection.js';
import type { ChannelMessage, SyncChannel } from '../channel.js';
import { CLOSE_NOTICE, encodeFrame, FrameDecoder, FramingError } from '../framing.js';
import { compiledUrl } from '../worker-transport.js';
import type { FromTransport, OpenRequest, ToTransport } from './transport-messages.js';

export type { SshTarget } from '../../host/ssh/connection.js';

/** How long past its own connect timeout the open may take before the worker is presumed dead. */
const OPEN_MARGIN_MS = 10000;

let transport: { readonly worker: Worker; readonly failed: Int32Array } | null = null;
/** Open channels and the worker carrying each. */
const openChannels = new Map<SshSyncChannel, Worker>();
/**
 * Slot 0 counts posts from the transport worker to any channel of this thread. Made on first
 * use: the start-up snapshot is built where SharedArrayBuffer does not exist.
 */
let sharedDoorbell: Int32Array | null = null;
function doorbellOfThread(): Int32Array {
  sharedDoorbell ??= new Int32Array(new SharedArrayBuffer(4));
  return sharedDoorbell;
}

function transportWorker(): Worker {
  // The failed flag is set by the worker itself: this thread may not have run its exit event.
  if (transport && Atomics.load(transport.failed, 0) === 0) return transport.worker;
  const failed = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(compiledUrl('./transport-worker.js', import.meta.url), { workerData: { failed } });
  // Connections must never keep psh alive on their own.
  worker.unref();
  worker.on('exit', (code) => {
    if (transport?.worker === worker) transport = null;
    for (const [channel, carrier] of [...openChannels]) {
      if (carrier === worker) channel.markClosed(`The SSH transport stopped (exit code ${code}).`);
    }
  });
  transport = { worker, failed };
  return worker;
}

class SshSyncChannel implements SyncChannel {
  private readonly decoder = new FrameDecoder();
  private readonly pending: ChannelMessage[] = [];
  private closedFlag = false;
  private reason: string | null = null;
  /** Why the server said it closes the channel (its last frame), if it said so. */
  private closeNotice: string | null = null;
  private openedFlag = false;

  constructor(
    private readonly port: MessagePort,
    private readonly spec: SshConnectionSpec,
    worker: Worker,
    /** Past this time a channel still not open is given up (the transport worker is presumed dead). */
    private readonly openDeadline: number,
  ) {
    openChannels.set(this, worker);
  }

  /** The subsystem is open (sends made before this waited in the transport worker). */
  get opened(): boolean {
    this.receive();
    return this.openedFlag;
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  get closeReason(): string | null {
    return this.reason;
  }

  send(message: ChannelMessage): void {
    this.receive();
    if (this.closedFlag) throw new Error(this.reason ?? `The SSH channel to ${this.spec.computerName} is closed.`);
    const frame = encodeFrame(message);
    this.post({ kind: 'data', bytes: frame }, [frame.buffer as ArrayBuffer]);
  }

  drain(): ChannelMessage[] {
    this.receive();
    return this.pending.splice(0);
  }

  wait(timeoutMs: number): boolean {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.waitAny(deadline - Date.now())) return true;
      if (Date.now() >= deadline) return false;
    }
  }

  /** Blocks until any channel of this thread hears something, or the timeout passes; true when this one has news. */
  waitAny(timeoutMs: number): boolean {
    const doorbell = doorbellOfThread();
    const rung = Atomics.load(doorbell, 0);
    this.receive();
    if (this.pending.length > 0 || this.closedFlag) return true;
    const left = this.openedFlag ? timeoutMs : Math.min(timeoutMs, this.openDeadline - Date.now());
    if (left > 0) Atomics.wait(doorbell, 0, rung, left);
    this.receive();
    return this.pending.length > 0 || this.closedFlag;
  }

  close(): void {
    if (this.closedFlag) return;
    this.post({ kind: 'close' });
    this.markClosed(null);
  }

  /** Closes this end; the transport is told unless it is the one that closed. */
  markClosed(reason: string | null): void {
    if (this.closedFlag) return;
    this.closedFlag = true;
    this.reason = reason;
    openChannels.delete(this);
    this.port.close();
  }

  private post(message: ToTransport, transfer: ArrayBuffer[] = []): void {
    try {
      this.port.postMessage(message, transfer);
    } catch {
      // The transport already let go of this channel.
    }
  }

  private receive(): void {
    while (!this.closedFlag) {
      const got = receiveMessageOnPort(this.port);
      if (!got) {
        if (!this.openedFlag && Date.now() >= this.openDeadline) {
          this.post({ kind: 'close' });
          this.markClosed(`ssh: connect to host ${this.spec.host} port ${this.spec.port}: The SSH transport did not answer.`);
        }
        return;
      }
      const message = got.message as FromTransport;
      if (message.kind === 'opened') this.openedFlag = true;
      else if (message.kind === 'closed') {
        this.markClosed(this.closeNotice ? `The SSH server closed the channel: ${this.closeNotice}` : message.reason);
      } else if (message.kind === 'data') {
        try {
          for (const m of this.decoder.push(message.bytes)) {
            if (m.type === CLOSE_NOTICE) this.closeNotice = typeof m.reason === 'string' ? m.reason : null;
            else this.pending.push(m);
          }
        } catch (e) {
          this.post({ kind: 'close' });
          const why = e instanceof FramingError ? e.message : String(e);
          this.markClosed(`The SSH server ${this.spec.computerName} broke the protocol: ${why}`);
        }
      }
    }
  }
}

/**
 * Starts opening a channel to the psh subsystem of a host, resolving the name like OpenSSH's
 * ssh, and returns at once: messages sent before the subsystem opens go out as soon as it does,
 * and a connection that cannot be made closes the channel with OpenSSH-style wording.
 */
export function startSshChannel(target: SshTarget): SyncChannel & { readonly opened: boolean; waitAny(timeoutMs: number): boolean } {
  const spec = resolveSshConnection(target);
  const { port1, port2 } = new MessageChannel();
  const request: OpenRequest = { spec, port: port2, doorbell: doorbellOfThread() };
  const worker = transportWorker();
  worker.postMessage(request, [port2]);
  return new SshSyncChannel(port1, spec, worker, Date.now() + spec.connectTimeoutMs + OPEN_MARGIN_MS);
}

/** Opens a channel and blocks until the subsystem is open; throws with the reason when it cannot be. */
export function openSshChannel(target: SshTarget): SyncChannel {
  const channel = startSshChannel(target);
  // 'opened' carries no message, so wait for any ring rather than for news on the channel.
  while (!channel.opened && !channel.closed) channel.waitAny(OPEN_MARGIN_MS);
  if (channel.closed) throw new Error(channel.closeReason ?? 'The SSH channel closed before it opened.');
  return channel;
}
