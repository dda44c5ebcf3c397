// Channels over a worker_threads MessagePort that a blocked thread can still use: each side
// counts the messages it posts in a shared Int32 slot and notifies it, so the receiver can
// Atomics.wait for mail and then take it with receiveMessageOnPort, without its event loop.

import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { AsyncChannel, ChannelMessage, SyncChannel } from './channel.js';

/** Slots of the shared signal array: one mail counter per direction. */
export const TO_CLIENT = 0;
export const TO_HOST = 1;
export const SIGNAL_SLOTS = 2;

/** Sent by a side that is going away, so the other learns why without an exit event. */
export interface CloseNotice extends ChannelMessage {
  readonly type: '$close';
  readonly reason: string | null;
}

function post(port: MessagePort, signal: Int32Array, slot: number, message: ChannelMessage): void {
  port.postMessage(message);
  Atomics.add(signal, slot, 1);
  Atomics.notify(signal, slot);
}

export class PortSyncChannel implements SyncChannel {
  private readonly pending: ChannelMessage[] = [];
  private closedFlag = false;
  private reason: string | null = null;

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

  private receive(): void {
    for (;;) {
      const got = receiveMessageOnPort(this.port);
      if (!got) return;
      const message = got.message as ChannelMessage;
      if (message.type === '$close') this.markClosed((message as CloseNotice).reason);
      else this.pending.push(message);
    }
  }

  drain(): ChannelMessage[] {
    this.receive();
    return this.pending.splice(0);
  }

  wait(timeoutMs: number): boolean {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = Atomics.load(this.signal, this.inbound);
      this.receive();
      if (this.pending.length > 0 || this.closedFlag) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      Atomics.wait(this.signal, this.inbound, seen, left);
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

  constructor(
    private readonly port: MessagePort,
    private readonly signal: Int32Array,
    private readonly outbound: number,
    private readonly beforeSend: (message: ChannelMessage) => void = () => {},
  ) {}

  send(message: ChannelMessage): void {
    if (this.closedFlag) return;
    this.beforeSend(message);
    post(this.port, this.signal, this.outbound, message);
  }

  onMessage(handler: (message: ChannelMessage) => void): void {
    this.port.on('message', (message: ChannelMessage) => {
      if (message.type === '$close') this.markClosed((message as CloseNotice).reason);
      else handler(message);
    });
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
