// What the runspace thread and the SSH transport worker say to each other. The worker only
// moves bytes: frames are encoded and decoded on the runspace thread, so a message is touched
// once, and a send that is too large fails where it was made.

import type { MessagePort } from 'node:worker_threads';
import type { SshConnectionSpec } from '../../host/ssh/connection.js';

/** Runspace thread → worker, on the worker's parentPort: open one channel. */
export interface OpenRequest {
  readonly spec: SshConnectionSpec;
  /** The channel's own port; the runspace thread keeps its twin. */
  readonly port: MessagePort;
  /** Slot 0 counts messages the worker posted on `port`, for Atomics.wait. */
  readonly doorbell: Int32Array;
}

/** Runspace thread → worker, on a channel's port. */
export type ToTransport = { readonly kind: 'data'; readonly bytes: Uint8Array } | { readonly kind: 'close' };

/** Worker → runspace thread, on a channel's port. */
export type FromTransport =
  | { readonly kind: 'opened' }
  | { readonly kind: 'data'; readonly bytes: Uint8Array }
  | { readonly kind: 'closed'; readonly reason: string };
