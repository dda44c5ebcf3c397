// The starting thread's side of the pool: one channel over which every pooled job's client talks
// to whichever worker runs it. Messages from all workers (each on a port of its own) and from the
// dispatcher wake the same signal slot, so waiting for any job is one Atomics.wait. Before a job
// reaches a worker, what its client sends (open-runspace, invoke) waits in an outbox and travels
// with the job's ticket; afterwards, replies (acks) go to the port its messages came from.

import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { ChannelMessage, SyncChannel } from '../remoting/channel.js';
import { SIGNAL_SLOTS, TO_CLIENT, post, waitingSlot } from '../remoting/port-channel.js';
import type { DispatcherNotice } from './dispatcher.js';

/**
 * The pool's signal array, laid out as port channels expect (a mail counter and, two slots on,
 * a waiting flag per receiver): TO_CLIENT for this thread, then one group of SIGNAL_SLOTS per
 * possible worker, whose mail counter is the group's first slot.
 */
export function poolSignal(maxWorkers: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * SIGNAL_SLOTS * (maxWorkers + 1)));
}

/** The mail slots a pool signal array has for workers. */
export function workerSlots(signal: Int32Array): number[] {
  const slots: number[] = [];
  for (let slot = SIGNAL_SLOTS; slot < signal.length; slot += SIGNAL_SLOTS) slots.push(slot);
  return slots;
}

function runspaceOf(message: ChannelMessage): string | undefined {
  const id = message.runspaceId;
  return typeof id === 'string' ? id : undefined;
}

export class PoolChannel implements SyncChannel {
  private readonly workers = new Map<number, MessagePort>();
  /** Which worker (by slot) runs each job's runspace, learnt from the first message it sends. */
  private readonly placed = new Map<string, number>();
  private readonly outbox = new Map<string, ChannelMessage[]>();
  private readonly pending: ChannelMessage[] = [];

  constructor(private readonly dispatcher: MessagePort, private readonly signal: Int32Array) {}

  get closed(): boolean {
    return false;
  }

  get closeReason(): string | null {
    return null;
  }

  send(message: ChannelMessage): void {
    const runspaceId = runspaceOf(message);
    if (runspaceId === undefined) return;
    const slot = this.placed.get(runspaceId);
    const port = slot === undefined ? undefined : this.workers.get(slot);
    if (slot !== undefined && port) {
      post(port, this.signal, slot, message);
      return;
    }
    if (slot !== undefined) return; // Its worker is gone; the job has failed already.
    const box = this.outbox.get(runspaceId);
    if (box) box.push(message);
    else this.outbox.set(runspaceId, [message]);
  }

  /** What a job's client has sent so far, for its ticket; later messages go to its worker. */
  takeOutbox(runspaceId: string): ChannelMessage[] {
    const box = this.outbox.get(runspaceId) ?? [];
    this.outbox.delete(runspaceId);
    return box;
  }

  /** The job is over: nothing more goes to or comes from its runspace. */
  forget(runspaceId: string): void {
    this.placed.delete(runspaceId);
    this.outbox.delete(runspaceId);
  }

  drain(): ChannelMessage[] {
    this.receive();
    return this.pending.splice(0);
  }

  wait(timeoutMs: number): boolean {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = Atomics.load(this.signal, TO_CLIENT);
      this.receive();
      if (this.pending.length > 0) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      // Workers holding records back in a batch send them at once to a reader that waits.
      Atomics.store(this.signal, waitingSlot(TO_CLIENT), 1);
      Atomics.wait(this.signal, TO_CLIENT, seen, left);
      Atomics.store(this.signal, waitingSlot(TO_CLIENT), 0);
    }
  }

  close(): void {
    for (const port of this.workers.values()) port.close();
    this.workers.clear();
    this.dispatcher.close();
  }

  private receive(): void {
    for (let got; (got = receiveMessageOnPort(this.dispatcher)); ) this.notice(got.message as DispatcherNotice);
    for (const [slot, port] of this.workers) this.receiveFrom(slot, port);
  }

  private receiveFrom(slot: number, port: MessagePort): void {
    for (let got; (got = receiveMessageOnPort(port)); ) {
      const message = got.message as ChannelMessage;
      const runspaceId = runspaceOf(message);
      if (runspaceId !== undefined && !this.placed.has(runspaceId)) this.placed.set(runspaceId, slot);
      this.pending.push(message);
    }
  }

  private notice(notice: DispatcherNotice): void {
    if (notice.type === 'worker') {
      this.workers.set(notice.slot, notice.port);
      return;
    }
    if (notice.type === 'job-failed') {
      this.pending.push({ type: 'runspace-closed', runspaceId: notice.runspaceId, reason: notice.reason });
      return;
    }
    const port = this.workers.get(notice.slot);
    if (port) {
      // What the worker said before it died still counts.
      this.receiveFrom(notice.slot, port);
      port.close();
      this.workers.delete(notice.slot);
    }
    if (notice.runspaceId !== null) {
      this.pending.push({ type: 'runspace-closed', runspaceId: notice.runspaceId, reason: notice.reason });
    }
  }
}
