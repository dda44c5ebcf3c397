// What the start-up snapshot runs at build time besides loading the engine: a few commands
// through the console's path, so the functions every start needs are compiled into the snapshot
// rather than at each start. The host here has no files, programs or output: nothing of the
// build machine may end up in the snapshot.

import { runInConsole } from './console.js';
import { createRunspace } from './engine.js';
import { WARM_UP_SCRIPTS, buildHost } from './warm-up-scripts.js';

export function warmUpEngine(): void {
  // Node hands out UUIDs from a buffer of random bytes it fills once: one made here would put
  // that buffer in the snapshot, and every psh started from it would repeat the same UUIDs.
  const crypto = globalThis.crypto;
  crypto.randomUUID = () => '00000000-0000-4000-8000-000000000000';
  try {
    // A V8 snapshot cannot hold a SharedArrayBuffer; nothing here waits on the stop flag.
    const runspace = createRunspace({ host: buildHost, stopFlag: new Int32Array(1), hostOutputDirect: false, initialLocation: '/', logEngineEvents: false });
    for (const script of WARM_UP_SCRIPTS) runInConsole(runspace, { script, file: '<command>', scope: 'global' });
  } finally {
    delete (crypto as { randomUUID?: unknown }).randomUUID;
  }
}
