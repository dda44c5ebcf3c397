// Length-prefixed frames for byte-stream transports (SSH channels, stdin/stdout): a 4-byte
// big-endian length, then that many bytes of UTF-8 JSON holding one ChannelMessage. The decoder
// copes with frames split and coalesced arbitrarily and turns anything malformed into a
// FramingError instead of a crash or an allocation of whatever size a peer claims.

import type { ChannelMessage } from './channel.js';

/** The largest frame body either side accepts: 16 MiB. */
export const MAX_FRAME_BYTES = 16 * 1024 * 1024;

const HEADER_BYTES = 4;

/**
 * The last frame a side sends when it closes a channel because the other broke the framing:
 * `{ type: '$close', reason }`, the same notice worker channels use. Never handed to the protocol.
 */
export const CLOSE_NOTICE = '$close';

/** A peer broke the framing rules; the connection cannot continue after it. */
export class FramingError extends Error {
  override readonly name = 'FramingError';
}

/**
 * Encodes one message as a frame in a buffer of its own (never a slice of Node's shared pool,
 * so its ArrayBuffer can be transferred to another thread). Throws FramingError when too large.
 */
export function encodeFrame(message: ChannelMessage, maxBytes: number = MAX_FRAME_BYTES): Buffer {
  const json = JSON.stringify(message);
  const length = Buffer.byteLength(json, 'utf8');
  if (length > maxBytes) {
    throw new FramingError(`The message of ${length} bytes exceeds the frame limit of ${maxBytes} bytes.`);
  }
  const frame = Buffer.allocUnsafeSlow(HEADER_BYTES + length);
  frame.writeUInt32BE(length, 0);
  frame.write(json, HEADER_BYTES, 'utf8');
  return frame;
}

function toMessage(body: Buffer): ChannelMessage {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw new FramingError(`A frame does not hold valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FramingError('A frame does not hold a message object.');
  }
  if (typeof (value as { type?: unknown }).type !== 'string') {
    throw new FramingError('A frame holds a message without a string "type".');
  }
  return value as ChannelMessage;
}

/**
 * Turns a byte stream back into messages. After a FramingError the decoder stays failed:
 * a stream that lost its framing cannot be resynchronised.
 */
export class FrameDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private failure: FramingError | null = null;

  constructor(private readonly maxBytes: number = MAX_FRAME_BYTES) {}

  /** Bytes received but not yet part of a whole frame. */
  get pendingBytes(): number {
    return this.buffered;
  }

  /** Adds received bytes and returns the messages they complete. */
  push(chunk: Uint8Array): ChannelMessage[] {
    if (this.failure) throw this.failure;
    if (chunk.length > 0) {
      this.chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      this.buffered += chunk.length;
    }
    const messages: ChannelMessage[] = [];
    try {
      for (;;) {
        if (this.buffered < HEADER_BYTES) break;
        const length = this.peekLength();
        if (length > this.maxBytes) {
          throw new FramingError(`A frame announces ${length} bytes, more than the limit of ${this.maxBytes} bytes.`);
        }
        if (this.buffered < HEADER_BYTES + length) break;
        const frame = this.take(HEADER_BYTES + length);
        messages.push(toMessage(frame.subarray(HEADER_BYTES)));
      }
    } catch (e) {
      this.failure = e instanceof FramingError ? e : new FramingError(String(e));
      this.chunks = [];
      this.buffered = 0;
      throw this.failure;
    }
    return messages;
  }

  /**
   * Checks the stream ended on a frame boundary; a partial frame at the end is a truncation
   * the caller reports.
   */
  end(): void {
    if (this.failure) throw this.failure;
    if (this.buffered > 0) {
      this.failure = new FramingError(`The stream ended inside a frame (${this.buffered} bytes of it arrived).`);
      throw this.failure;
    }
  }

  private peekLength(): number {
    const first = this.chunks[0];
    if (first.length >= HEADER_BYTES) return first.readUInt32BE(0);
    return this.take(HEADER_BYTES, true).readUInt32BE(0);
  }

  /** Removes (or with peek, copies) the first n buffered bytes; n <= buffered. */
  private take(n: number, peek = false): Buffer {
    const first = this.chunks[0];
    if (first.length >= n) {
      if (peek) return first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
      this.buffered -= n;
      return first.subarray(0, n);
    }
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    let i = 0;
    while (filled < n) {
      const c = this.chunks[i];
      const used = Math.min(c.length, n - filled);
      c.copy(out, filled, 0, used);
      filled += used;
      if (!peek) {
        if (used === c.length) this.chunks.splice(i, 1);
        else this.chunks[i] = c.subarray(used);
      } else i++;
    }
    if (!peek) this.buffered -= n;
    return out;
  }
}
