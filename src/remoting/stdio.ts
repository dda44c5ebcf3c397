// The server end of the protocol over a pair of byte streams: an SSH channel of the embedded
// server, or stdin/stdout when OpenSSH's sshd starts `psh -sshs` as its `psh` subsystem.
// Malformed input closes the channel with the framing error as its reason, and never throws
// into the event loop.

import type { Readable, Writable } from 'node:stream';
import type { AsyncChannel, ChannelMessage } from './channel.js';
import { CLOSE_NOTICE, encodeFrame, FrameDecoder, FramingError } from './framing.js';

export interface StreamChannelOptions {
  /** Called once, before the output is ended, when the channel closes because of a fault. */
  readonly onFault?: (reason: string) => void;
}

/** Frames are joined into one write up to this many bytes. */
const COALESCE_LIMIT = 64 * 1024;

class StreamChannel implements AsyncChannel {
  private readonly decoder = new FrameDecoder();
  private messageHandlers: ((message: ChannelMessage) => void)[] = [];
  private closeHandlers: ((reason: string | null) => void)[] = [];
  /** Messages that arrived before anyone listened. */
  private early: ChannelMessage[] = [];
  private closed = false;
  /** Frames sent during this turn of the event loop, written together at its end. */
  private outgoing: Buffer[] = [];
  private outgoingBytes = 0;
  private flushScheduled = false;

  constructor(
    private readonly input: Readable,
    private readonly output: Writable,
    private readonly options: StreamChannelOptions,
  ) {
    input.on('data', (chunk: Buffer) => this.receive(chunk));
    input.on('end', () => {
      try {
        this.decoder.end();
        this.finish(null);
      } catch (e) {
        this.fail(e);
      }
    });
    input.on('error', (e: Error) => this.finish(`The input stream failed: ${e.message}`));
    input.on('close', () => this.finish(null));
    output.on('error', (e: Error) => this.finish(`The output stream failed: ${e.message}`));
  }

  private receive(chunk: Buffer): void {
    if (this.closed) return;
    let messages: ChannelMessage[];
    try {
      messages = this.decoder.push(chunk);
    } catch (e) {
      this.fail(e);
      return;
    }
    for (const m of messages) {
      if (this.closed) return;
      if (this.messageHandlers.length === 0) this.early.push(m);
      else for (const h of this.messageHandlers) h(m);
    }
  }

  private fail(e: unknown): void {
    const reason = e instanceof FramingError ? `Protocol error: ${e.message}` : String(e);
    if (this.closed) return;
    this.options.onFault?.(reason);
    // Our own framing is intact, so the peer can still be told why (sshd drops a subsystem's stderr).
    this.flush();
    this.output.write(encodeFrame({ type: CLOSE_NOTICE, reason }));
    this.finish(reason);
    this.output.end();
  }

  private finish(reason: string | null): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.input.pause();
    for (const h of this.closeHandlers) h(reason);
  }

  /**
   * Messages sent in one turn (a pipeline's state, records and end often come together) leave
   * as one write: one SSH packet and one wake-up on the other side instead of one each.
   */
  send(message: ChannelMessage): void {
    if (this.closed) return;
    const frame = encodeFrame(message);
    this.outgoing.push(frame);
    this.outgoingBytes += frame.length;
    // Joining pays off for small frames only; big output goes out as it comes.
    if (this.outgoingBytes >= COALESCE_LIMIT) {
      this.flush();
      return;
    }
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.outgoing.length === 0 || this.output.writableEnded) return;
    const frames = this.outgoing.splice(0);
    this.outgoingBytes = 0;
    this.output.write(frames.length === 1 ? frames[0] : Buffer.concat(frames));
  }

  onMessage(handler: (message: ChannelMessage) => void): void {
    this.messageHandlers.push(handler);
    const early = this.early.splice(0);
    for (const m of early) handler(m);
  }

  onClose(handler: (reason: string | null) => void): void {
    this.closeHandlers.push(handler);
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    this.finish(null);
    this.output.end();
  }
}

/** An AsyncChannel over any readable/writable pair (the embedded SSH server uses it per channel). */
export function streamChannel(input: Readable, output: Writable, options: StreamChannelOptions = {}): AsyncChannel {
  return new StreamChannel(input, output, options);
}

/**
 * The channel of `psh -sshs` (the CLI passes process.stdin/stdout/stderr): framing faults are
 * written to `errors`, which sshd forwards to the client, whose error message then names them.
 */
export function stdioChannel(input: Readable, output: Writable, errors?: Writable): AsyncChannel {
  return streamChannel(input, output, { onFault: errors ? (reason) => errors.write(`psh: ${reason}\n`) : undefined });
}
