// The session cmdlets against two remoting servers (Server01, Server02) running the real engine
// on their own threads, reached through port channels instead of SSH (tests/remoting/ssh/
// covers the same over the embedded SSH server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunspace } from '../../src/cli/engine.js';
import { RunspaceClient } from '../../src/remoting/client.js';
import { SESSIONS_SERVICE, SessionRepository } from '../../src/remoting/commands/pssession.js';
import { REMOTE_CONNECTOR_SERVICE } from '../../src/remoting/connect.js';
import { toStr } from '../../src/runtime/convert.js';
import { ErrorRecord } from '../../src/runtime/error-record.js';
import type { StreamRecord } from '../../src/runtime/streams.js';
import { startLoopbackServers, type LoopbackServers } from './loopback.js';

let servers: LoopbackServers;
beforeAll(() => {
  servers = startLoopbackServers(['Server01', 'Server02']);
});
afterAll(() => servers.close());

function newShell() {
  const runspace = createRunspace({ hostOutputDirect: false, services: { [REMOTE_CONNECTOR_SERVICE]: servers.connector, [SESSIONS_SERVICE]: new SessionRepository() } });
  return (script: string): { out: string[]; err: string[]; streams: string[]; records: StreamRecord[] } => {
    const records: StreamRecord[] = [];
    const result = runspace.invoke({ script, scope: 'global' }, (r) => records.push(r));
    if (result.parseErrors.length > 0) throw new Error(result.parseErrors[0].message);
    if (result.terminatingError) records.push({ stream: 'error', seq: Infinity, value: result.terminatingError });
    return {
      out: records.filter((r) => r.stream === 'output').map((r) => toStr(r.value)),
      err: records.filter((r) => r.stream === 'error').map((r) => (r.value as ErrorRecord).message),
      streams: records.map((r) => r.stream),
      records,
    };
  };
}

describe('session cmdlets', () => {
  const cases: { name: string; script: string; want: { out?: string[]; err?: string[]; streams?: string[] } }[] = [
    { name: 'New-PSSession describes the session', script: '$s = New-PSSession Server01; $s | % { "$($_.Id) $($_.Name) $($_.Transport) $($_.ComputerName) $($_.ComputerType) $($_.State) $($_.ConfigurationName) $($_.Availability)" }',
      want: { out: ['1 Runspace1 SSH Server01 RemoteMachine Opened DefaultShell Available'], err: [] } },
    { name: 'a session keeps variables and functions between calls', script: '$s = New-PSSession Server01; Invoke-Command -Session $s { $x = 42; function f { "f$x" } }; Invoke-Command -Session $s { $x; f }',
      want: { out: ['42', 'f42'], err: [] } },
    { name: 'session given by position', script: '$s = New-PSSession Server01; Invoke-Command $s { 6 * 7 }', want: { out: ['42'] } },
    { name: '-ComputerName connections are temporary', script: 'Invoke-Command -ComputerName Server01 { $x = 1 }; Invoke-Command -ComputerName Server01 { $null -eq $x }',
      want: { out: ['True'], err: [] } },
    { name: 'fan-out tags results with PSComputerName', script: 'Invoke-Command -ComputerName Server01, Server02 { [pscustomobject]@{ N = 1 } } | Sort-Object PSComputerName | % { "$($_.PSComputerName) $($_.N) $($_.PSShowComputerName)" }',
      want: { out: ['Server01 1 True', 'Server02 1 True'], err: [] } },
    { name: '-HideComputerName', script: 'Invoke-Command -ComputerName Server01 { [pscustomobject]@{ N = 1 } } -HideComputerName | % { $_.PSShowComputerName }',
      want: { out: ['False'] } },
    { name: 'primitives come back plain', script: 'Invoke-Command -ComputerName Server01 { 1; "two" } | % { $_.GetType().Name }', want: { out: ['Int32', 'String'] } },
    { name: 'deserialized objects', script: 'Invoke-Command -ComputerName Server01 { [pscustomobject]@{ N = 1 } } | % { $_.pstypenames[0] }',
      want: { out: ['Deserialized.System.Management.Automation.PSCustomObject'] } },
    { name: 'remote errors are re-emitted, the command goes on', script: 'Invoke-Command -ComputerName Server01 { Write-Error "bad"; "after" }; "local"',
      want: { out: ['after', 'local'], err: ['bad'] } },
    { name: 'a remote terminating error becomes a non-terminating error', script: 'Invoke-Command -ComputerName Server01 { throw "boom" }; "local"',
      want: { out: ['local'], err: ['boom'] } },
    { name: 'streams keep their order', script: 'Invoke-Command -ComputerName Server01 { Write-Warning a; 1; Write-Warning b; 2 }',
      want: { streams: ['warning', 'output', 'warning', 'output'] } },
    { name: '$using: values', script: '$v = "from here"; Invoke-Command -ComputerName Server01 { "got $using:v" }', want: { out: ['got from here'] } },
    { name: '-ArgumentList', script: 'Invoke-Command -ComputerName Server01 { param($a, $b) $a * $b } -ArgumentList 6, 7', want: { out: ['42'] } },
    { name: 'pipeline input', script: '1, 2, 3 | Invoke-Command -ComputerName Server01 { $input | % { $_ * 10 } }', want: { out: ['10', '20', '30'] } },
    { name: 'without a computer the block runs locally', script: '$here = 5; Invoke-Command { $here + 1 }', want: { out: ['6'] } },
    { name: 'an unknown computer is an error', script: 'Invoke-Command -ComputerName Nowhere { 1 }; "local"',
      want: { out: ['local'], err: ['[Nowhere] The SSH client session has ended with error message: ssh: Could not resolve hostname Nowhere: Name or service not known'] } },
    { name: 'a session that cannot be opened is an OpenError', script: 'try { New-PSSession Nowhere -ErrorAction Stop } catch { "$($_.CategoryInfo.Category) $($_.FullyQualifiedErrorId) $($_.Exception.GetType().Name)" }',
      want: { out: ['OpenError PSSessionOpenFailed PSRemotingTransportException'] } },
    { name: 'Get-PSSession and Remove-PSSession', script: '$a = New-PSSession Server01; $b = New-PSSession Server02 -Name Two; (Get-PSSession).Name -join ","; Get-PSSession -Name Two | Remove-PSSession; (Get-PSSession).Name -join ","; $b.State',
      want: { out: ['Runspace1,Two', 'Runspace1', 'Closed'] } },
    { name: 'Get-PSSession -Id without a match', script: 'Get-PSSession -Id 9', want: { err: ['The remote session with the session ID 9 is not available.'] } },
    { name: 'Enter-PSSession needs an interactive host', script: 'Enter-PSSession Server01', want: { err: ['The host does not support Enter-PSSession and Exit-PSSession.'] } },
    { name: 'a command on a removed session', script: '$s = New-PSSession Server01; Remove-PSSession $s; Invoke-Command -Session $s { 1 } 2>&1 | % { $_.FullyQualifiedErrorId }',
      want: { out: ['InvalidSessionState,Microsoft.PowerShell.Commands.InvokeCommandCommand'] } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = newShell()(c.script);
      if (c.want.out) expect(got.out).toEqual(c.want.out);
      if (c.want.err) expect(got.err).toEqual(c.want.err);
      if (c.want.streams) expect(got.streams).toEqual(c.want.streams);
    });
  }
});

describe('disconnected sessions', () => {
  it('Disconnect-PSSession and Connect-PSSession keep the runspace and its variables', () => {
    const run = newShell();
    expect(run('$s = New-PSSession Server01; Invoke-Command -Session $s { $y = 7 }; (Disconnect-PSSession $s).State').out).toEqual(['Disconnected']);
    expect(run('(Connect-PSSession $s).State; Invoke-Command -Session $s { $y }').out).toEqual(['Opened', '7']);
  });

  it('Invoke-Command -InDisconnectedSession, then Receive-PSSession collects the output', () => {
    const run = newShell();
    expect(run('$s = Invoke-Command -ComputerName Server01 -InDisconnectedSession -SessionName Night { 1..3; Write-Error late }; "$($s.Name) $($s.State)"').out).toEqual(['Night Disconnected']);
    const got = run('Receive-PSSession -Session $s; $s.State');
    expect(got.out).toEqual(['1', '2', '3', 'Opened']);
    expect(got.err).toEqual(['late']);
  });

  it('another psh of the same user finds and reconnects the session; another user cannot', () => {
    const owner = newShell();
    owner('$s = New-PSSession Server02 -Name Kept; Invoke-Command -Session $s { $z = "kept" }; Disconnect-PSSession $s | Out-Null');
    const same = newShell();
    expect(same('Get-PSSession -ComputerName Server02 | % { "$($_.Name) $($_.State)" }').out).toContain('Kept Disconnected');
    const other = newShell();
    expect(other('Get-PSSession -ComputerName Server02 -UserName bob').out).toEqual([]);
    expect(same('$k = Get-PSSession -ComputerName Server02 -Name Kept; Connect-PSSession $k | Out-Null; Invoke-Command -Session $k { $z }').out).toEqual(['kept']);
  });

  it('the host refuses a reconnect by another user', () => {
    const owner = newShell();
    const id = owner('$s = New-PSSession Server01; Disconnect-PSSession $s | Out-Null; $s.InstanceId').out[0];
    const channel = servers.connector.open({ computerName: 'Server01', hostName: 'Server01', port: null, userName: 'mallory', keyFilePath: null });
    expect(() => RunspaceClient.reconnect(channel, { computerName: 'Server01', runspaceId: id })).toThrow(/was not found on Server01 for user mallory/);
    channel.close();
  });
});

describe('connection loss', () => {
  it('a pipeline fails with the reason when its server goes away', () => {
    const lonely = startLoopbackServers(['Server03']);
    try {
      const channel = lonely.connector.open({ computerName: 'Server03', hostName: 'Server03', port: null, userName: null, keyFilePath: null });
      const client = RunspaceClient.open(channel, { computerName: 'Server03' });
      const pipe = client.invoke({ script: 'while ($true) { }' });
      pipe.wait(500);
      expect(pipe.state).toBe('Running');
      const started = Date.now();
      lonely.kill('Server03', 'The SSH connection was reset.');
      pipe.wait(3000);
      expect(pipe.state).toBe('Failed');
      expect(Date.now() - started).toBeLessThan(3000);
      expect(pipe.reason?.message).toBe('Processing data for a remote command failed with the following error message: The SSH connection was reset.');
      expect(client.state).toBe('Broken');
    } finally {
      lonely.close();
    }
  });

  it('a remote pipeline is stopped on request', () => {
    const channel = servers.connector.open({ computerName: 'Server01', hostName: 'Server01', port: null, userName: null, keyFilePath: null });
    const client = RunspaceClient.open(channel, { computerName: 'Server01', ownsChannel: true });
    const pipe = client.invoke({ script: 'while ($true) { }' });
    pipe.wait(500);
    const started = Date.now();
    pipe.stop();
    expect(pipe.state).toBe('Stopped');
    // Through the server's event loop on a loaded machine; the worker itself stops within 1 s (worker-transport.test).
    expect(Date.now() - started).toBeLessThan(5000);
    client.close();
  });
});
