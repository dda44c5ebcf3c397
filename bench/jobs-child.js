// One jobs scenario in a fresh process, so peak memory (VmHWM) belongs to that scenario alone.
// Prints one JSON line with the figures.
import * as fs from 'node:fs';
import { createRunspace } from '../dist/bundle/cli/engine.js';
import { median, percentile } from './stats.js';

const rs = createRunspace({ hostOutputDirect: false });
function run(script) {
  const out = [];
  const r = rs.invoke({ script, scope: 'global' }, (rec) => { if (rec.stream === 'output') out.push(rec.value); });
  if (r.terminatingError || r.parseErrors.length) throw new Error(`${script}: ${r.terminatingError?.message ?? r.parseErrors[0].message}`);
  return out;
}
const rssMb = () => process.memoryUsage().rss / 2 ** 20;
const peakMb = () => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;

const scenario = process.argv[2];
const result = {};
if (scenario === 'first-output') {
  run('Receive-Job (Start-Job { 1 }) -Wait -AutoRemoveJob | Out-Null'); // warm the pool
  const times = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    run('$j = Start-Job { 1 }; $null = Receive-Job $j -Wait; Remove-Job $j');
    times.push(performance.now() - t);
  }
  result.median = median(times);
  result.p99 = percentile(times, 99);
} else if (scenario === 'thousand') {
  run('Receive-Job (Start-Job { 1 }) -Wait -AutoRemoveJob | Out-Null');
  const t = performance.now();
  const out = run('$jobs = 1..1000 | ForEach-Object { Start-Job { 1 } }; ($jobs | Wait-Job | Receive-Job).Count');
  result.ms = performance.now() - t;
  result.count = out[0];
  result.peakMb = peakMb();
} else if (scenario === 'stream') {
  run('Receive-Job (Start-Job { 1 }) -Wait -AutoRemoveJob | Out-Null');
  const t = performance.now();
  const out = run('$j = Start-Job { 1..1e6 }; $n = 0; Receive-Job $j -Wait -AutoRemoveJob | ForEach-Object { $n++ }; $n');
  result.ms = performance.now() - t;
  result.count = out[0];
} else if (scenario === 'memory') {
  run('Receive-Job (Start-Job { 1 }) -Wait -AutoRemoveJob | Out-Null');
  global.gc?.();
  result.baselineMb = rssMb();
  run('$jobs = 1..200 | ForEach-Object { Start-Job { 1..1000 } }; $null = $jobs | Wait-Job');
  result.loadedMb = rssMb();
  run('Get-Job | Remove-Job -Force; $jobs = $null');
  for (let i = 0; i < 5; i++) { global.gc?.(); await new Promise((r) => setTimeout(r, 200)); }
  result.afterMb = rssMb();
}
process.stdout.write(JSON.stringify(result) + '\n');
process.exit(0);
