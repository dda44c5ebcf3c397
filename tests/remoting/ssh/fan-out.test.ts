// Session cmdlets against real `psh serve` processes (the bundled binary, as users run it) over
// SSH on loopback: fan-out with unreachable computers, -ThrottleLimit, many sessions on one
// server, and sessions opened before the server has a spare runspace ready. Needs `npm run build`.
import { appendFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoEnvironment } from '../../../src/cli/demo.js';
import { createRunspace } from '../../../src/cli/engine.js';
import { toStr } from '../../../src/runtime/convert.js';
import { ErrorRecord } from '../../../src/runtime/error-record.js';
import { freePort, tempDir, dispose } from '../../support/ssh.js';

// The servers run the bundled binary, found next to the bundled demo module.
const { startLoopbackServers } = (await import(new URL('../../../dist/bundle/cli/demo.js', import.meta.url).href)) as typeof import('../../../src/cli/demo.js');

let env: DemoEnvironment;
let deadPorts: number[];
/** Accepts TCP connections and never says a word, like a host whose sshd hangs. */
let silent: Server;
const silentSockets: Socket[] = [];

beforeAll(async () => {
  env = await startLoopbackServers(['Server01', 'Server02', 'Server03']);
  deadPorts = [await freePort(), await freePort()];
  silent = createServer((s) => silentSockets.push(s));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const silentPort = (silent.address() as { port: number }).port;
  const sshDir = join(env.home, '.ssh');
  appendFileSync(join(sshDir, 'config'), [
    ...deadPorts.flatMap((port, i) => [`Host Dead${i + 1}`, '  HostName 127.0.0.1', `  Port ${port}`, '']),
    'Host Silent', '  HostName 127.0.0.1', `  Port ${silentPort}`, '  ConnectTimeout 20', '',
    // Several names for one server: each is a connection of its own.
    ...[1, 2, 3, 4].flatMap((i) => [`Host Alias${i}`, '  HostName 127.0.0.1', `  Port ${env.servers[0].port}`, '']),
  ].join('\n'));
  Object.assign(process.env, env.env);
}, 120_000);

afterAll(async () => {
  for (const s of silentSockets) s.destroy();
  silent?.close();
  await env?.close();
  dispose();
});

function run(script: string): { out: unknown[]; errors: ErrorRecord[]; streams: string[] } {
  const runspace = createRunspace({ hostOutputDirect: false });
  const out: unknown[] = [];
  const errors: ErrorRecord[] = [];
  const streams: string[] = [];
  const result = runspace.invoke({ script, scope: 'global' }, (r) => {
    streams.push(r.stream);
    if (r.stream === 'output') out.push(r.value);
    if (r.stream === 'error') errors.push(r.value as ErrorRecord);
  });
  if (result.parseErrors.length > 0) throw new Error(result.parseErrors[0].message);
  if (result.terminatingError) throw new Error(result.terminatingError.message);
  return { out, errors, streams };
}

const refused = (name: string, port: number): string =>
  `[${name}] The SSH client session has ended with error message: ssh: connect to host 127.0.0.1 port ${port}: Connection refused`;

describe('Invoke-Command -ComputerName over SSH', () => {
  it('reports each unreachable computer and still returns every other result', () => {
    const got = run('Invoke-Command -ComputerName Server01, Dead1, Server02, Dead2, Server03 { [pscustomobject]@{ N = 1 } } | % { $_.PSComputerName }');
    expect(got.out.map(toStr).sort()).toEqual(['Server01', 'Server02', 'Server03']);
    expect(got.errors.map((e) => e.message).sort()).toEqual([refused('Dead1', deadPorts[0]), refused('Dead2', deadPorts[1])]);
    expect(got.errors.map((e) => e.originComputer).sort()).toEqual(['Dead1', 'Dead2']);
  }, 120_000);

  it('sets the connections up side by side: a host that hangs holds back no other result', () => {
    // Named first: opened one after another, its 20 s timeout would come before any result.
    const got = run('Invoke-Command -ComputerName Silent, Server01, Server02 { [pscustomobject]@{ N = 1 } } | % { $_.PSComputerName }');
    expect(got.streams).toEqual(['output', 'output', 'error']);
    expect(got.out.map(toStr).sort()).toEqual(['Server01', 'Server02']);
    expect(got.errors.map((e) => e.message)).toEqual([`[Silent] The SSH client session has ended with error message: ssh: connect to host 127.0.0.1 port ${(silent.address() as { port: number }).port}: Connection timed out`]);
  }, 120_000);

  it('keeps no more connections running than -ThrottleLimit', () => {
    const dir = tempDir('psh-throttle-');
    mkdirSync(join(dir, 'runs'));
    // Each run marks its start, watches how many runs are between start and end for a while,
    // then marks its end; with a throttle of 2 it never sees more than 2.
    const script = `$d = '${dir}/runs'; Invoke-Command -ComputerName Alias1, Alias2, Alias3, Alias4 -ThrottleLimit 2 {
      $me = Get-Random -Maximum 1000000000; New-Item "$using:d/start-$me" -ItemType File | Out-Null
      $max = 0
      foreach ($i in 1..20) { $n = @(Get-ChildItem $using:d -Filter 'start-*').Count - @(Get-ChildItem $using:d -Filter 'end-*').Count; if ($n -gt $max) { $max = $n }; Start-Sleep -Milliseconds 50 }
      New-Item "$using:d/end-$me" -ItemType File | Out-Null
      $max
    }`;
    const got = run(script);
    expect(got.errors).toEqual([]);
    expect(got.out).toHaveLength(4);
    for (const max of got.out) expect(Number(max)).toBeLessThanOrEqual(2);
    expect(Math.max(...got.out.map(Number))).toBe(2);
  }, 120_000);
});

describe('sessions on one server', () => {
  // Each session keeps its own variables: 100 separate runspaces, not one shared.
  it('opens 100 sessions at once, each its own runspace', () => {
    const got = run(`$s = New-PSSession -ComputerName (1..100 | % { 'Server02' })
      $s.Count
      @($s | ? State -eq 'Opened').Count
      Invoke-Command -Session $s { $n = 41 } | Out-Null
      $r = Invoke-Command -Session $s { $n = $n + 1; $n }
      @($r | ? { $_ -eq 42 }).Count
      Remove-PSSession $s
      @($s | ? State -eq 'Closed').Count`);
    expect(got.errors.map((e) => e.message)).toEqual([]);
    expect(got.out.map(toStr)).toEqual(['100', '100', '100', '100']);
  }, 300_000);

  it('opens sessions on a server that has no spare runspace ready yet', async () => {
    const fresh = await startLoopbackServers(['Fresh']);
    try {
      Object.assign(process.env, fresh.env);
      // Right after start the server is still loading its spare; five sessions outrun it.
      const got = run("$s = New-PSSession -ComputerName Fresh, Fresh, Fresh, Fresh, Fresh; Invoke-Command -Session $s { [pscustomobject]@{ N = 42 } } | % { \"$($_.N) $($_.PSComputerName)\" }; Remove-PSSession $s");
      expect(got.errors.map((e) => e.message)).toEqual([]);
      expect(got.out.map(toStr)).toEqual(Array(5).fill('42 Fresh'));
    } finally {
      Object.assign(process.env, env.env);
      await fresh.close();
    }
  }, 120_000);
});
