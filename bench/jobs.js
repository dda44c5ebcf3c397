// Jobs: Start-Job to first received output, 1000 concurrent trivial jobs, 1e6 objects streamed
// out of one job, and memory after Remove-Job. Each scenario runs in its own process.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ms } from './stats.js';

const child = fileURLToPath(new URL('./jobs-child.js', import.meta.url));
const scenario = (name) => JSON.parse(execFileSync(process.execPath, ['--expose-gc', child, name], { encoding: 'utf8', timeout: 300_000 }).trim().split('\n').pop());

export async function benchJobs() {
  const first = scenario('first-output');
  const thousand = scenario('thousand');
  const stream = scenario('stream');
  const mem = scenario('memory');
  return [
    ['Start-Job to first output, warm pool (200 runs)', `median ${ms(first.median)}, p99 ${ms(first.p99)}`, 'target 5 ms median; PowerShell 7 ≈ 1 s (thread jobs ≈ 0.12 s)'],
    ['1000 concurrent trivial jobs', `${ms(thousand.ms)}, peak RSS ${thousand.peakMb.toFixed(0)} MB (${thousand.count} results)`, 'target < 1 s and < 300 MB'],
    ['1e6 objects streamed out of one job', `${ms(stream.ms)} (${stream.count} received)`, 'target < 2 s'],
    ['RSS: baseline / 200 jobs loaded / after Remove-Job', `${mem.baselineMb.toFixed(0)} / ${mem.loadedMb.toFixed(0)} / ${mem.afterMb.toFixed(0)} MB`, 'back near baseline'],
  ];
}
