// The commands psh runs to warm an engine up (for the start-up snapshot, and in a runspace
// worker while it waits as a spare), and the host they run against: no files, programs or
// output, so warming up reads nothing of the machine and leaves no trace.

import type { Host } from '../runtime/host.js';

function absent(path: string): never {
  throw Object.assign(new Error(`ENOENT: no such file or directory, '${path}'`), { code: 'ENOENT' });
}

/** A host with no files, programs or output, so warming up leaves no trace and reads nothing. */
export const buildHost: Host = {
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

export const WARM_UP_SCRIPTS = [
  '1',
  '$a = @(1, "two", 3.5); $a | ForEach-Object { $_ } | Where-Object { $_ -ne 2 }',
  '[pscustomobject]@{ Name = "x"; Value = 1 }; Get-Date -Year 2000 | Out-String',
  'function f($x) { "v=$x" }; f 1; Write-Error "e"',
  'if ($true) {',
];
