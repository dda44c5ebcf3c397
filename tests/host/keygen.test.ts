import { describe, expect, it } from 'vitest';
import ssh2 from 'ssh2';
import { generateEd25519KeyPair } from '../../src/host/ssh/keygen.js';

describe('generateEd25519KeyPair', () => {
  // ssh2 alone makes an unparsable key about once in two hundred; 1,500 draws all but
  // guarantee several such draws, which must be made again rather than handed out.
  it('hands out only keys that ssh2 can load again', () => {
    for (let i = 0; i < 1500; i++) {
      const pair = generateEd25519KeyPair('t');
      const priv = ssh2.utils.parseKey(pair.privateKey);
      expect(priv).not.toBeInstanceOf(Error);
      expect((priv as ssh2.ParsedKey).type).toBe('ssh-ed25519');
      expect(pair.publicKey).toMatch(/^ssh-ed25519 AAAA\S+ t$/);
    }
  });
});
