// Jobs end to end: scripts run in a real runspace whose jobs run on real worker threads. Every
// wait in these scripts has a timeout, so a broken job fails a test instead of hanging the run
// (a thread blocked in Atomics.wait cannot be interrupted by vitest's own timeout).

import { afterAll, describe, expect, it } from 'vitest';
import { createRunspace } from '../../src/cli/engine.js';
import { shutdownSharedPool } from '../../src/jobs/index.js';
import { toStr } from '../../src/runtime/convert.js';
import type { ErrorRecord } from '../../src/runtime/error-record.js';
import type { StreamRecord } from '../../src/runtime/streams.js';

interface ScriptRun {
  readonly lines: string[];
  readonly errors: string[];
  readonly records: StreamRecord[];
}

function run(script: string): ScriptRun {
  const runspace = createRunspace({ hostOutputDirect: false });
  const records: StreamRecord[] = [];
  const result = runspace.invoke({ script, scope: 'global' }, (r) => records.push(r));
  if (result.parseErrors.length > 0) throw new Error(`parse errors: ${result.parseErrors.map(String).join('; ')}`);
  if (result.terminatingError) throw new Error(`terminating error: ${result.terminatingError.message}`);
  runspace.getService<{ stopAll(): void }>('jobs')?.stopAll();
  return {
    lines: records.filter((r) => r.stream === 'output').map((r) => toStr(r.value)),
    errors: records.filter((r) => r.stream === 'error').map((r) => (r.value as ErrorRecord).message),
    records,
  };
}

afterAll(() => shutdownSharedPool());

describe('background jobs', () => {
  const cases: { name: string; script: string; want: string[] }[] = [
    {
      name: 'parent and child ids, names, shape',
      script: `$j = Start-Job { 'a' }; $k = Start-Job { 'b' }
        "$($j.Id) $($j.Name) $($j.ChildJobs[0].Id) $($j.ChildJobs[0].Name) $($k.Id) $($j.PSJobTypeName) $($j.Location)"
        $null = Wait-Job $j, $k -Timeout 20`,
      want: ['1 Job1 2 Job2 3 BackgroundJob localhost'],
    },
    {
      name: 'isolation: the job neither sees nor changes the caller\'s variables',
      script: `$v = 'mine'; $j = Start-Job { "[$v]"; $v = 'theirs'; $global:w = 1 }
        $null = Wait-Job $j -Timeout 20; Receive-Job $j; $v; "$($null -eq $w)"`,
      want: ['[]', 'mine', 'True'],
    },
    {
      name: 'arguments, input and $using: reach the job',
      script: `$u = 5; $j = 1, 2 | Start-Job -ArgumentList 10 { param($m) $input | ForEach-Object { $_ * $m + $using:u } }
        $null = Wait-Job $j -Timeout 20; Receive-Job $j`,
      want: ['15', '25'],
    },
    {
      name: 'HasMoreData before and after Receive-Job, with and without -Keep',
      script: `$j = Start-Job { 1; 2 }; $null = Wait-Job $j -Timeout 20
        "$($j.HasMoreData)"; $null = Receive-Job $j -Keep; "$($j.HasMoreData)"
        (Receive-Job $j) -join ','; "$($j.HasMoreData)"; "$(@(Receive-Job $j).Count)"`,
      want: ['True', 'True', '1,2', 'False', '0'],
    },
    {
      // Batches of records and the final state can arrive in one look; the state must not overtake them.
      name: 'every record of a job streaming many arrives, in order',
      script: `foreach ($k in 1..3) { $j = Start-Job { 1..200000 }; $null = Wait-Job $j -Timeout 60
          $n = 0; $next = 1; Receive-Job $j | ForEach-Object { if ($_ -eq $next) { $next++ }; $n++ }; "$($j.State) $n $next" }`,
      want: ['Completed 200000 200001', 'Completed 200000 200001', 'Completed 200000 200001'],
    },
    {
      name: 'a throw fails the job with its reason',
      script: `$j = Start-Job { 'x'; throw 'bad thing' }; $null = Wait-Job $j -Timeout 20
        "$($j.State) $($j.ChildJobs[0].JobStateInfo.Reason.Message)"`,
      want: ['Failed bad thing'],
    },
    {
      name: 'Stop-Job stops a job stuck in a loop within a second',
      script: `$j = Start-Job { while ($true) {} }; Start-Sleep -Milliseconds 200
        $t = [datetime]::Now; Stop-Job $j; "$($j.State) $((([datetime]::Now) - $t).TotalMilliseconds -lt 1500)"`,
      want: ['Stopped True'],
    },
    {
      name: 'a stuck job does not hold up the next one',
      script: `$stuck = Start-Job { while ($true) {} }; $stuck2 = Start-Job { while ($true) {} }
        $ok = Start-Job { 'ran' }; $null = Wait-Job $ok -Timeout 25; Receive-Job $ok; Get-Job | Stop-Job`,
      want: ['ran'],
    },
    {
      name: 'Wait-Job -Timeout returns nothing, -Any returns the finished one',
      script: `$s = Start-Job { Start-Sleep 20 }; $f = Start-Job { 1 }
        "$(@(Wait-Job $s -Timeout 1).Count)"; (Wait-Job $s, $f -Any -Timeout 20).Name; Stop-Job $s`,
      want: ['0', 'Job3'],
    },
    {
      name: 'Remove-Job refuses a running job without -Force',
      script: `$s = Start-Job { Start-Sleep 20 }
        Remove-Job $s -ErrorAction SilentlyContinue -ErrorVariable e; $e[0].FullyQualifiedErrorId; "$(@(Get-Job).Count)"
        Remove-Job $s -Force; "$(@(Get-Job).Count) $($s.State)"`,
      want: ['JobObjectNotFinishedCannotBeRemoved,Microsoft.PowerShell.Commands.RemoveJobCommand', '1', '0 Stopped'],
    },
    {
      name: 'thread jobs beyond -ThrottleLimit wait NotStarted',
      script: `$a = Start-ThreadJob -ThrottleLimit 1 { Start-Sleep -Milliseconds 300; 'a' }; $b = Start-ThreadJob { 'b' }
        $t = [datetime]::Now; while ($a.State -eq 'NotStarted' -and ([datetime]::Now - $t).TotalSeconds -lt 20) { Start-Sleep -Milliseconds 5 }
        "$($a.State) $($b.State)"; $null = Wait-Job $a, $b -Timeout 20; "$($a.State) $($b.State)"; Receive-Job $a, $b`,
      want: ['Running NotStarted', 'Completed Completed', 'a', 'b'],
    },
    {
      // The caller only sleeps (no job cmdlet, no job property): the pool's dispatcher starts
      // the queued job on its own as soon as the first one frees its throttle slot.
      name: 'a queued thread job starts and finishes while the caller sleeps',
      script: `$a = Start-ThreadJob -ThrottleLimit 1 { Start-Sleep -Milliseconds 200 }; $b = Start-ThreadJob { [datetime]::UtcNow.Ticks }
        Start-Sleep -Seconds 5; $woke = [datetime]::UtcNow.Ticks
        $null = Wait-Job $b -Timeout 20; "$((Receive-Job $b) -lt $woke) $($b.PSEndTime.ToUniversalTime().Ticks -lt $woke)"`,
      want: ['True True'],
    },
    {
      name: 'background jobs queued behind busy workers start while the caller sleeps',
      script: `$busy = 1..4 | ForEach-Object { Start-Job { Start-Sleep -Milliseconds 300 } }; $late = Start-Job { [datetime]::UtcNow.Ticks }
        Start-Sleep -Seconds 5; $woke = [datetime]::UtcNow.Ticks
        $null = Wait-Job $late -Timeout 20; "$((Receive-Job $late) -lt $woke) $($late.PSEndTime.ToUniversalTime().Ticks -lt $woke)"; $null = Wait-Job $busy -Timeout 20`,
      want: ['True True'],
    },
    {
      name: 'a thread job stopped while queued never runs',
      script: `$f = Join-Path ([IO.Path]::GetTempPath()) "psh-queued-$([guid]::NewGuid()).txt"
        $a = Start-ThreadJob -ThrottleLimit 1 { Start-Sleep -Milliseconds 300 }; $b = Start-ThreadJob { param($p) 'ran' | Set-Content $p } -ArgumentList $f
        Stop-Job $b; "$($b.State)"; $null = Wait-Job $a -Timeout 20; Start-Sleep -Milliseconds 500; "$(Test-Path $f)"`,
      want: ['Stopped', 'False'],
    },
    {
      // A native command does not poll the stop flag: its worker is ended, and the pool goes on.
      name: 'Stop-Job ends the worker of a job stuck in a native command; later jobs still run',
      script: `$j = Start-Job { /usr/bin/sleep 30 }; $t = [datetime]::Now
        while ($j.State -ne 'Running' -and ([datetime]::Now - $t).TotalSeconds -lt 20) { Start-Sleep -Milliseconds 20 }
        Start-Sleep -Milliseconds 300; Stop-Job $j; "$($j.State)"
        $k = 1..3 | ForEach-Object { Start-Job { 'after' } }; $null = Wait-Job $k -Timeout 20; (Receive-Job $k) -join ','`,
      want: ['Stopped', 'after,after,after'],
    },
    {
      // Workers are reused, so run several jobs one after another: each must start clean.
      name: 'a job sees nothing a previous job on the same worker left behind',
      script: `$null = Start-Job { $global:leak = 1; function Get-Leak { 'leak' }; Set-Location /; $ErrorActionPreference = 'Stop'; $env:PSH_LEAK = 'yes' } | Wait-Job -Timeout 20
        $here = (Get-Location).Path
        1..4 | ForEach-Object { Start-Job { "$($null -eq $global:leak) $([bool](Get-Command Get-Leak -ErrorAction SilentlyContinue)) $((Get-Location).Path) $ErrorActionPreference [$env:PSH_LEAK]" } | Wait-Job -Timeout 20 | Receive-Job } |
          ForEach-Object { $_ -replace [regex]::Escape($here), '<here>' }`,
      want: Array(4).fill('True False <here> Continue []'),
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(run(c.script).lines).toEqual(c.want);
    });
  }

  it('keeps the order of records across streams after Receive-Job', () => {
    const r = run(`$j = Start-Job { 'o1'; Write-Warning 'w1'; Write-Error 'e1'; Write-Verbose 'v1' -Verbose; 'o2' }
      $null = Wait-Job $j -Timeout 20; $VerbosePreference = 'Continue'; Receive-Job $j`);
    const seen = r.records.filter((x) => x.stream !== 'information').map((x) => `${x.stream}:${x.stream === 'error' ? (x.value as ErrorRecord).message : toStr(x.value)}`);
    expect(seen).toEqual(['output:o1', 'warning:w1', 'error:e1', 'verbose:v1', 'output:o2']);
    const seqs = r.records.map((x) => x.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  });

  it('reports jobs it cannot find with PowerShell\'s errors', () => {
    const r = run(`Get-Job -Name nope; Get-Job -Id 7; Get-Job -Name no*`);
    expect(r.errors).toEqual([
      'The command cannot find the job because the job name nope was not found. Verify the value of the Name parameter, and then try the command again.',
      'The command cannot find a job with the job ID 7. Verify the value of the Id parameter and then try the command again.',
    ]);
  });

  it('formats Get-Job as PowerShell\'s job table', () => {
    const r = run(`$j = Start-Job { 'x' }; $null = Wait-Job $j -Timeout 20; Get-Job | Out-String`);
    expect(r.lines.join('').split('\n').slice(1, 4)).toEqual([
      'Id     Name            PSJobTypeName   State         HasMoreData     Location             Command',
      '--     ----            -------------   -----         -----------     --------             -------',
      "1      Job1            BackgroundJob   Completed     True            localhost            'x'",
    ]);
  });
});
