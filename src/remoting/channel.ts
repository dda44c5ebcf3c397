// The seam between transports (worker thread, stdio, SSH) and the protocol layered on them.
// A transport moves whole protocol messages (JSON-serializable objects); framing, size limits
// and the SSH connection are the transport's business, message meaning is the protocol's.

/** Any protocol message: a JSON-serializable object with a `type`. */
export interface ChannelMessage {
  readonly type: string;
  readonly [key: string]: unknown;
}

/**
 * The client end, used from a runspace thread that may block: nothing here needs the
 * caller's event loop to turn (the evaluator is synchronous).
 */
export interface SyncChannel {
  send(message: ChannelMessage): void;
  /** Messages received so far, without blocking. */
  drain(): readonly ChannelMessage[];
  /** Blocks until a message arrives or the channel closes (true), or the timeout passes (false). */
  wait(timeoutMs: number): boolean;
  /**
   * Like wait(), but also ends when another channel sharing this one's wake-up hears something,
   * so a caller polling many connections (a fan-out) wakes for any of them. Optional.
   */
  waitAny?(timeoutMs: number): boolean;
  close(): void;
  readonly closed: boolean;
  /** Why the channel closed when the other side or the network closed it; null otherwise. */
  readonly closeReason: string | null;
  /**
   * True while the other end has taken every message and waits for more, so a sender holding
   * records back to batch them should send now. Channels that cannot tell leave it out.
   */
  peerWaiting?(): boolean;
}

/** The server end, driven by an event loop (psh serve, psh -sshs, a job's worker thread). */
export interface AsyncChannel {
  send(message: ChannelMessage): void;
  onMessage(handler: (message: ChannelMessage) => void): void;
  onClose(handler: (reason: string | null) => void): void;
  close(): void;
}
