// Frames: encoding, a decoder fed arbitrary splits and coalescings, and malformed input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChannelMessage } from '../../../src/remoting/channel.js';
import { encodeFrame, FrameDecoder, FramingError, MAX_FRAME_BYTES } from '../../../src/remoting/framing.js';

function frame(body: string | Buffer): Buffer {
  const b = typeof body === 'string' ? Buffer.from(body) : body;
  const header = Buffer.alloc(4);
  header.writeUInt32BE(b.length);
  return Buffer.concat([header, b]);
}

function lengthOnly(n: number): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt32BE(n);
  return header;
}

describe('framing', () => {
  const decodes: { name: string; input: Buffer[]; want: ChannelMessage[] }[] = [
    { name: 'one frame', input: [frame('{"type":"a"}')], want: [{ type: 'a' }] },
    { name: 'two coalesced', input: [Buffer.concat([frame('{"type":"a"}'), frame('{"type":"b","x":1}')])], want: [{ type: 'a' }, { type: 'b', x: 1 }] },
    { name: 'header split', input: [frame('{"type":"a"}').subarray(0, 2), frame('{"type":"a"}').subarray(2)], want: [{ type: 'a' }] },
    { name: 'byte by byte', input: [...frame('{"type":"é✓"}')].map((b) => Buffer.from([b])), want: [{ type: 'é✓' }] },
    { name: 'partial frame waits', input: [frame('{"type":"a"}').subarray(0, 7)], want: [] },
    { name: 'empty chunk', input: [Buffer.alloc(0)], want: [] },
  ];
  for (const c of decodes) {
    it(`decodes: ${c.name}`, () => {
      const d = new FrameDecoder();
      expect(c.input.flatMap((chunk) => d.push(chunk))).toEqual(c.want);
    });
  }

  const faults: { name: string; input: Buffer; want: RegExp }[] = [
    { name: 'not JSON', input: frame('hello'), want: /valid JSON/ },
    { name: 'empty body', input: frame(''), want: /valid JSON/ },
    { name: 'array', input: frame('[1,2]'), want: /message object/ },
    { name: 'null', input: frame('null'), want: /message object/ },
    { name: 'number', input: frame('42'), want: /message object/ },
    { name: 'no type', input: frame('{"x":1}'), want: /"type"/ },
    { name: 'numeric type', input: frame('{"type":3}'), want: /"type"/ },
    { name: 'oversized length', input: lengthOnly(MAX_FRAME_BYTES + 1), want: /more than the limit of 16777216/ },
    { name: 'huge length', input: lengthOnly(0xffffffff), want: /4294967295 bytes/ },
    { name: 'invalid UTF-8', input: frame(Buffer.from([0xff, 0xfe, 0x7b])), want: /valid JSON/ },
  ];
  for (const c of faults) {
    it(`refuses: ${c.name}`, () => {
      const d = new FrameDecoder();
      expect(() => d.push(c.input)).toThrow(c.want);
      // A decoder that lost the framing stays failed.
      expect(() => d.push(frame('{"type":"a"}'))).toThrow(FramingError);
    });
  }

  it('reports a stream that ends inside a frame', () => {
    const d = new FrameDecoder();
    d.push(frame('{"type":"a"}').subarray(0, 6));
    expect(() => d.end()).toThrow(/ended inside a frame \(6 bytes/);
    const clean = new FrameDecoder();
    clean.push(frame('{"type":"a"}'));
    expect(() => clean.end()).not.toThrow();
  });

  it('refuses to encode a message over the limit', () => {
    expect(() => encodeFrame({ type: 'big', s: 'x'.repeat(100) }, 64)).toThrow(/exceeds the frame limit of 64 bytes/);
  });

  it('encodes into a buffer of its own', () => {
    const f = encodeFrame({ type: 'a' });
    expect(f.byteOffset).toBe(0);
    expect(f.buffer.byteLength).toBe(f.length);
    expect(f.readUInt32BE(0)).toBe(f.length - 4);
  });

  const message = fc.record({ type: fc.string(), value: fc.jsonValue() }) as fc.Arbitrary<ChannelMessage>;

  it('round-trips messages split and coalesced arbitrarily', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 16 }), (messages, cuts) => {
        const bytes = Buffer.concat(messages.map((m) => encodeFrame(m)));
        const d = new FrameDecoder();
        const got: ChannelMessage[] = [];
        let at = 0;
        for (let i = 0; at < bytes.length; i++) {
          const n = cuts[i % cuts.length];
          got.push(...d.push(bytes.subarray(at, at + n)));
          at += n;
        }
        d.end();
        expect(got).toEqual(JSON.parse(JSON.stringify(messages)));
      }),
    );
  });

  it('never crashes on garbage: messages or a FramingError', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 8 }), (chunks) => {
        const d = new FrameDecoder();
        for (const c of chunks) {
          try {
            d.push(c);
          } catch (e) {
            expect(e).toBeInstanceOf(FramingError);
            return;
          }
        }
      }),
    );
  });
});
