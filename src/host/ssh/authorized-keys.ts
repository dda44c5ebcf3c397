// OpenSSH authorized_keys lines: `[options] type base64-key [comment]`. Options (which may hold
// quoted spaces) are skipped: the embedded server grants the same thing to every listed key.

export interface AuthorizedKey {
  readonly keyType: string;
  /** The public key blob (the base64 field decoded). */
  readonly key: Buffer;
  readonly comment: string;
  readonly line: number;
}

const KEY_TYPE = /^(ssh-|ecdsa-|sk-)/;

/** Drops a leading options field, honouring double quotes inside it. */
function withoutOptions(line: string): string {
  if (KEY_TYPE.test(line)) return line;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\\' && quoted) i++;
    else if (!quoted && (c === ' ' || c === '\t')) return line.slice(i).trimStart();
  }
  return '';
}

export function parseAuthorizedKeys(text: string): AuthorizedKey[] {
  const keys: AuthorizedKey[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const [keyType, base64, ...comment] = withoutOptions(trimmed).split(/\s+/);
    if (!keyType || !base64 || !KEY_TYPE.test(keyType)) return;
    const key = Buffer.from(base64, 'base64');
    if (key.length > 0) keys.push({ keyType, key, comment: comment.join(' '), line: i + 1 });
  });
  return keys;
}
