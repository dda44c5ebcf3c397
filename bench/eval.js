// Evaluator hot paths and start-up: a 1e6-iteration loop, 1e5 function calls, a 1e5-object
// pipeline through ForEach-Object, and `psh -c 1` as a fresh process, started by the launcher
// users run (from the snapshot), without the snapshot, and Node's own floor beside it.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRunspace } from '../dist/bundle/cli/engine.js';
import { median, ms } from './stats.js';

const launcher = fileURLToPath(new URL('../dist/bundle/cli/psh', import.meta.url));

function timeScript(runspace, script, runs = 5) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = runspace.invoke({ script, scope: 'global' }, () => {});
    times.push(performance.now() - t);
    if (r.terminatingError || r.parseErrors.length) throw new Error(`benchmark script failed: ${script}`);
  }
  return median(times);
}

export function benchEval() {
  const rs = createRunspace({ hostOutputDirect: false });
  const loop = timeScript(rs, '$sum = 0; for ($i = 0; $i -lt 1e6; $i++) { $sum += $i }');
  const calls = timeScript(rs, 'function f($x) { $x }; for ($i = 0; $i -lt 1e5; $i++) { $null = f $i }');
  const loop1e5 = timeScript(rs, 'for ($i = 0; $i -lt 1e5; $i++) { $null = $i }');
  const pipeline = timeScript(rs, '1..1e5 | ForEach-Object { $_ } | Out-Null');
  // One run of each command per round, so load from elsewhere falls on all of them alike.
  const withoutCA = { ...process.env };
  delete withoutCA.NODE_EXTRA_CA_CERTS;
  const starts = {
    snapshot: [launcher, ['-c', '1'], process.env],
    plain: [launcher, ['-c', '1'], { ...process.env, PSH_NO_SNAPSHOT: '1' }],
    node: [process.execPath, ['-e', '0'], process.env],
    nodeWithoutCA: [process.execPath, ['-e', '0'], withoutCA],
  };
  const times = Object.fromEntries(Object.keys(starts).map((k) => [k, []]));
  for (let i = 0; i < 15; i++) {
    for (const [name, [file, args, env]] of Object.entries(starts)) {
      const t = performance.now();
      execFileSync(file, args, { env });
      times[name].push(performance.now() - t);
    }
  }
  const ca = process.env.NODE_EXTRA_CA_CERTS === undefined ? 'unset' : 'set';
  const perCallUs = ((calls - loop1e5) / 1e5) * 1000;
  return [
    ['1e6-iteration for loop with $sum += $i', ms(loop), 'target < 500 ms; PowerShell 7 ≈ 1800 ms'],
    ['1e5 function calls', `${perCallUs.toFixed(2)} µs per call`, 'target < 2 µs; PowerShell 7 ≈ 11 µs'],
    ['`1..1e5 \| ForEach-Object { $_ }`', ms(pipeline), 'target < 200 ms'],
    ['psh -c 1 start-up (launcher, snapshot; median of 15)', ms(median(times.snapshot)), 'target < 150 ms; PowerShell 7 215–430 ms'],
    ['psh -c 1 start-up without the snapshot (PSH_NO_SNAPSHOT=1)', ms(median(times.plain)), ''],
    [`Node's floor: node -e 0 (NODE_EXTRA_CA_CERTS ${ca})`, ms(median(times.node)), `${ms(median(times.nodeWithoutCA))} without NODE_EXTRA_CA_CERTS, as psh's launcher starts Node`],
  ];
}
