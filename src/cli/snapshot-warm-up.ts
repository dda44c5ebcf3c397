// What the start-up snapshot runs at build time besides loading the engine: a few commands
// through the console's path, so the functions every start needs are compiled into the snapshot
// rather than at each start. The host here has no files, programs or output: nothing of the
// build machine may end up in the snapshot.

import type { Host } from '../runtime/host.js';
import { runInConsole } from './console.js';
import { createRunspace } from './engine.js';

function absent(path: string): never {
  throw Object.assign(new Error(`ENOENT: no such file or directory, '${path}'`), { code: 'ENOENT' });
}

const buildHost: Host = {
  name: 'ConsoleHost',
  ui: { write: () => {}, writeError: () => {}, width: 120, supportsColor: false },
  fs: {
    readText: absent, readBytes: absent, writeText: absent, stat: absent, readDir: absent, makeDir: absent,
    remove: absent, rename: absent, copy: absent, realPath: absent,
    exists: () => false,
  },
  process: { pid: 0, platform: process.platform, which: () => null, run: () => ({ stdout: '', stderr: '', exitCode: 127, error: 'not found' }) },
  environment: {},
  homeDirectory: '/',
  computerName: 'localhost',
  userName: '',
  dataDirectory: '/',
  now: () => 0,
  monotonic: () => 0,
  sleep: () => false,
};

const SCRIPTS = [
  '1',
  '$a = @(1, "two", 3.5); $a | ForEach-Object { $_ } | Where-Object { $_ -ne 2 }',
  '[pscustomobject]@{ Name = "x"; Value = 1 }; Get-Date -Year 2000 | Out-String',
  'function f($x) { "v=$x" }; f 1; Write-Error "e"',
  'if ($true) {',
];

export function warmUpEngine(): void {
  // Node hands out UUIDs from a buffer of random bytes it fills once: one made here would put
  // that buffer in the snapshot, and every psh started from it would repeat the same UUIDs.
  const crypto = globalThis.crypto;
  crypto.randomUUID = () => '00000000-0000-4000-8000-000000000000';
  try {
    // A V8 snapshot cannot hold a SharedArrayBuffer; nothing here waits on the stop flag.
    const runspace = createRunspace({ host: buildHost, stopFlag: new Int32Array(1), hostOutputDirect: false, initialLocation: '/', logEngineEvents: false });
    for (const script of SCRIPTS) runInConsole(runspace, { script, file: '<command>', scope: 'global' });
  } finally {
    delete (crypto as { randomUUID?: unknown }).randomUUID;
  }
}
