// Evaluator hot paths and start-up: a 1e6-iteration loop, 1e5 function calls, a 1e5-object
// pipeline through ForEach-Object, and `psh -c 1` as a fresh process.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRunspace } from '../dist/bundle/cli/engine.js';
import { median, ms } from './stats.js';

const main = fileURLToPath(new URL('../dist/bundle/cli/main.js', import.meta.url));

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
  const startups = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    execFileSync(process.execPath, [main, '-c', '1']);
    startups.push(performance.now() - t);
  }
  const perCallUs = ((calls - loop1e5) / 1e5) * 1000;
  return [
    ['1e6-iteration for loop with $sum += $i', ms(loop), 'target < 500 ms; PowerShell 7 ≈ 1800 ms'],
    ['1e5 function calls', `${perCallUs.toFixed(2)} µs per call`, 'target < 2 µs; PowerShell 7 ≈ 11 µs'],
    ['`1..1e5 \| ForEach-Object { $_ }`', ms(pipeline), 'target < 200 ms'],
    ['psh -c 1 start-up (median of 15)', ms(median(startups)), 'target < 150 ms; PowerShell 7 215–430 ms'],
  ];
}
