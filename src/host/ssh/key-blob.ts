// Facts about an SSH public key in its wire form (the blob inside authorized_keys and
// known_hosts lines): its algorithm name and OpenSSH's SHA256 fingerprint.

import { createHash } from 'node:crypto';

/** The key type a blob starts with (`ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`...). */
export function keyTypeOf(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const n = blob.readUInt32BE(0);
  if (n > blob.length - 4 || n > 64) return 'unknown';
  return blob.subarray(4, 4 + n).toString('latin1');
}

/** `SHA256:` and the unpadded base64 of the blob's SHA-256, as ssh-keygen -l prints it. */
export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}
