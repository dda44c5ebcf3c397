// Throwaway ed25519 key pairs for the demo and the tests.
//
// ssh2's generateKeyPairSync writes the key's 32-byte halves as SSH mpints, so a half whose
// first byte is zero comes out 31 bytes long and the same library then refuses to parse it
// ("Malformed OpenSSH private key"). That is about one key in two hundred; a key that does not
// parse is made again, so a demo or a CI run never fails on the luck of the draw.

import ssh2 from 'ssh2';

export interface KeyPairText {
  /** OpenSSH private key text. */
  readonly privateKey: string;
  /** `ssh-ed25519 AAAA... comment`. */
  readonly publicKey: string;
}

export function generateEd25519KeyPair(comment: string): KeyPairText {
  for (let attempt = 0; ; attempt++) {
    const k = ssh2.utils.generateKeyPairSync('ed25519', { comment });
    const priv = ssh2.utils.parseKey(k.private);
    const pub = ssh2.utils.parseKey(k.public);
    if (!(priv instanceof Error) && !(pub instanceof Error)) return { privateKey: k.private, publicKey: k.public };
    if (attempt >= 50) throw new Error(`could not generate a usable ed25519 key: ${(priv instanceof Error ? priv : pub as Error).message}`);
  }
}
