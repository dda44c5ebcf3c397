// The launcher starts Node without NODE_EXTRA_CA_CERTS: Node reads that file eagerly at start-up
// (~50 ms for a system bundle) and psh itself makes no TLS connection. The launcher keeps the
// value under another name; psh puts it back before anything reads the environment, so `$env:`,
// native commands and job workers see the user's environment unchanged.

/** Where the launcher keeps NODE_EXTRA_CA_CERTS while Node starts. */
export const SAVED_EXTRA_CA_CERTS = 'PSH_SAVED_NODE_EXTRA_CA_CERTS';

export function restoreLauncherEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  const saved = env[SAVED_EXTRA_CA_CERTS];
  if (saved === undefined) return;
  env.NODE_EXTRA_CA_CERTS = saved;
  delete env[SAVED_EXTRA_CA_CERTS];
}
