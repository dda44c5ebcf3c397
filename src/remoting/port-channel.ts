// Channels over a worker_threads MessagePort that a blocked thread can still use: each side
// counts the messages it posts in a shared Int32 slot and notifies it, so the receiver can
// Atomics.wait for mail and then take it with receiveMessageOnPort, without its event loop.
// The counter also spares a look at the port when nothing new was posted, and a second slot per
// direction tells the sender that the receiver sits idle waiting (so batched records go now).

import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { AsyncChannel, ChannelMessage, SyncChannel } from './channel.js';

/** Slots of the shared signal array: one mail counter per direction, then one waiting flag per direction. */
export const TO_CLIENT = 0;
export const TO_HOST = 1;
export const SIGNAL_SLOTS = 4;

/** The slot where the receiver of `direction` says it waits for mail (1) or is busy (0). */
export function waitingSlot(direction: number): number {
  return direction + 2;
}

/** Sent by a side that is going away, so the other learns why without an exit event. */
export interface CloseNotice extends ChannelMessage {
  readonly type: '$close';
  readonly reason: string | null;
}

export function post(port: MessagePort, signal: Int32Array, slot: number, message: ChannelMessage): void {
  port.postMessage(message);
  // The receiver has mail now: until it waits again, senders batching records need not hurry.
  Atomics.store(signal, waitingSlot(slot), 0);
  Atomics.add(signal, slot, 1);
  Atomics.notify(signal, slot);
}

/** How long an event-loop receiver must go without mail to count as waiting for more. */
const IDLE_MS = 1;

/** What drain returns when nothing came: shared, so an idle poll allocates nothing. */
const NOTHING: readonly ChannelMessage[] = Object.freeze([]);

export class PortSyncChannel implements SyncChannel {
  private pending: ChannelMessage[] = [];
  private closedFlag = false;
  private reason: string | null = null;
  /** The inbound counter when the port was last emptied: unchanged means no new mail. */
  private seen = -1;

  constructor(
    private readonly port: MessagePort,
    private readonly signal: Int32Array,
    private readonly inbound: number,
    private readonly outbound: number,
    /** Sees each message before it is posted (the worker transport sets the stop flag here). */
    private readonly beforeSend: (message: ChannelMessage) => void = () => {},
  ) {}

  get closed(): boolean {
    return this.closedFlag;
  }

  get closeReason(): string | null {
    return this.reason;
  }

  send(message: ChannelMessage): void {
    if (this.closedFlag) throw new Error(this.reason ?? 'The channel is closed.');
    this.beforeSend(message);
    post(this.port, this.signal, this.outbound, message);
  }

  /** Marks the channel closed from outside (the worker was terminated). */
  markClosed(reason: string | null): void {
    if (this.closedFlag) return;
    this.closedFlag = true;
    this.reason = reason;
    Atomics.add(this.signal, this.inbound, 1);
    Atomics.notify(this.signal, this.inbound);
  }

  peerWaiting(): boolean {
    return Atomics.load(this.signal, waitingSlot(this.outbound)) === 1;
  }

  private receive(): void {
    // Messages are posted before the counter moves, so a counter we have seen has no mail behind it.
    const counter = Atomics.load(this.signal, this.inbound);
    if (counter === this.seen) return;
    this.seen = counter;
    for (;;) {
      const got = receiveMessageOnPort(this.port);
      if (!got) return;
      const message = got.message as ChannelMessage;
      if (message.type === '$close') this.markClosed((message as CloseNotice).reason);
      else this.pending.push(message);
    }
  }

  drain(): readonly ChannelMessage[] {
    this.receive();
    if (this.pending.length === 0) return NOTHING;
    const taken = this.pending;
    this.pending = [];
    return taken;
  }

  wait(timeoutMs: number): boolean {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = Atomics.load(this.signal, this.inbound);
      this.receive();
      if (this.pending.length > 0 || this.closedFlag) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      Atomics.store(this.signal, waitingSlot(this.inbound), 1);
      Atomics.wait(this.signal, this.inbound, seen, left);
      Atomics.store(this.signal, waitingSlot(this.inbound), 0);
    }
  }

  close(): void {
    if (this.closedFlag) return;
    try {
      post(this.port, this.signal, this.outbound, { type: '$close', reason: null } satisfies CloseNotice);
    } catch {
      // The other side is gone already.
    }
    this.markClosed(null);
    this.port.close();
  }
}

/** The event-loop end of the same port (the server side of a runspace worker). */
export class PortAsyncChannel implements AsyncChannel {
  private closeHandlers: ((reason: string | null) => void)[] = [];
  private closedFlag = false;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly waiting: number;

  constructor(
    private readonly port: MessagePort,
    private readonly signal: Int32Array,
    private readonly outbound: number,
    private readonly beforeSend: (message: ChannelMessage) => void = () => {},
  ) {
    this.waiting = waitingSlot(outbound === TO_CLIENT ? TO_HOST : TO_CLIENT);
    Atomics.store(signal, this.waiting, 1);
  }

  send(message: ChannelMessage): void {
    if (this.closedFlag) return;
    this.beforeSend(message);
    post(this.port, this.signal, this.outbound, message);
  }

  onMessage(handler: (message: ChannelMessage) => void): void {
    this.port.on('message', (message: ChannelMessage) => {
      this.busyUntilIdle();
      if (message.type === '$close') this.markClosed((message as CloseNotice).reason);
      else handler(message);
    });
  }

  /**
   * An event loop never blocks on the port, so it counts as waiting once no message has come
   * for IDLE_MS. Not sooner: a relay (the server between a runspace and SSH) is idle again
   * within microseconds of each message, and would be sent every record in a message of its own.
   */
  private busyUntilIdle(): void {
    Atomics.store(this.signal, this.waiting, 0);
    if (this.idleTimer) {
      this.idleTimer.refresh();
      return;
    }
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      Atomics.store(this.signal, this.waiting, 1);
    }, IDLE_MS);
    this.idleTimer.unref();
  }

  onClose(handler: (reason: string | null) => void): void {
    this.closeHandlers.push(handler);
  }

  markClosed(reason: string | null): void {
    if (this.closedFlag) return;
    this.closedFlag = true;
    this.port.close();
    for (const h of this.closeHandlers) h(reason);
  }

  close(): void {
    if (this.closedFlag) return;
    try {
      post(this.port, this.signal, this.outbound, { type: '$close', reason: null } satisfies CloseNotice);
    } catch {
      // Already gone.
    }
    this.markClosed(null);
  }
}
