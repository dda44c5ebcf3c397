// Stream records travel in batches: one `records` message per message-worth of records instead
// of one per record, since the fixed cost of a message (a structured clone or a frame, a wake-up
// of the reader) is what limits throughput, not the bytes. The producer holds records only while
// nobody is waiting for them; docs/protocol.md states when a batch leaves.

import type { StreamKind, StreamRecord } from '../runtime/streams.js';
import type { RecordsMessage } from './protocol.js';
import { deserialize, type SerializedValue } from './serializer.js';

/** One letter a record on the wire; the order of the streams is PowerShell's. */
const STREAM_LETTERS: Readonly<Record<StreamKind, string>> = {
  output: 'o', error: 'e', warning: 'w', verbose: 'v', debug: 'd', information: 'i', progress: 'p',
};
const LETTER_STREAMS: Readonly<Record<string, StreamKind>> = Object.fromEntries(
  Object.entries(STREAM_LETTERS).map(([stream, letter]) => [letter, stream as StreamKind]),
);

/** When a batch must leave even though the reader is busy elsewhere. */
export interface BatchLimits {
  readonly records: number;
  /** Estimated encoded bytes (serializedSize), kept far below the frame limit. */
  readonly bytes: number;
  /** How long the oldest held record may wait for company, checked as records are written. */
  readonly delayMs: number;
}

/** The records of one pipeline not sent yet, in write order. */
export class RecordBatch {
  private streams = '';
  private seqs: number[] = [];
  private values: SerializedValue[] = [];
  private bytes = 0;
  private since = 0;

  constructor(private readonly limits: BatchLimits) {}

  get size(): number {
    return this.values.length;
  }

  /** Would adding a record of `bytes` overflow the batch? (A record that big then goes alone.) */
  wouldOverflow(bytes: number): boolean {
    return this.values.length > 0 && this.bytes + bytes > this.limits.bytes;
  }

  /** Adds a record; true when the batch is due (full, or its oldest record has waited long enough). */
  add(stream: StreamKind, seq: number, value: SerializedValue, bytes: number): boolean {
    if (this.values.length === 0) this.since = performance.now();
    this.streams += STREAM_LETTERS[stream];
    this.seqs.push(seq);
    this.values.push(value);
    this.bytes += bytes;
    const n = this.values.length;
    if (n >= this.limits.records || this.bytes >= this.limits.bytes) return true;
    // The clock is read for every record of a small batch, then every 16th: a batch grows past 16
    // only when records come fast, and reading the clock would cost more than the record itself.
    return (n < 16 || (n & 15) === 0) && performance.now() - this.since >= this.limits.delayMs;
  }

  /** True when records are held and the oldest has waited its delay (for a pipeline that has gone quiet). */
  overdue(now: number): boolean {
    return this.values.length > 0 && now - this.since >= this.limits.delayMs;
  }

  /** Empties the batch into a message (null when empty). */
  take(runspaceId: string, pipelineId: string): RecordsMessage | null {
    if (this.values.length === 0) return null;
    const seqs = this.seqs;
    const first = seqs[0];
    // Sequence numbers of one pipeline nearly always follow by one: then only the first travels.
    const consecutive = seqs[seqs.length - 1] - first === seqs.length - 1 && seqs.every((s, i) => s === first + i);
    const message: RecordsMessage = {
      type: 'records', runspaceId, pipelineId, streams: this.streams, seq: first, values: this.values,
      ...(consecutive ? {} : { seqs }),
    };
    this.streams = '';
    this.seqs = [];
    this.values = [];
    this.bytes = 0;
    return message;
  }
}

/** Appends the records a `records` message carries to `into`, values deserialized. */
export function unpackRecords(m: RecordsMessage, into: StreamRecord[] = []): StreamRecord[] {
  const { streams, values, seqs, seq } = m;
  for (let i = 0; i < values.length; i++) {
    const stream = LETTER_STREAMS[streams[i]];
    if (stream === undefined) throw new Error(`A records message names an unknown stream '${streams[i]}'.`);
    into.push({ stream, seq: seqs ? seqs[i] : seq + i, value: deserialize(values[i]) });
  }
  return into;
}
