// Remoting over real SSH on loopback against `psh serve` processes: New-PSSession latency,
// Invoke-Command round trip on an open session, fan-out to 50 servers, 100k objects streamed.
import { startLoopbackServers } from '../dist/bundle/cli/demo.js';
import * as fs from 'node:fs';
import { median, ms } from './stats.js';

/** Share of CPU time idle over `ms`, from /proc/stat. */
async function idleShare(ms) {
  const read = () => fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  const a = read();
  await new Promise((r) => setTimeout(r, ms));
  const b = read();
  const d = b.map((x, i) => x - a[i]);
  const total = d.reduce((x, y) => x + y, 0);
  return total === 0 ? 1 : (d[3] + d[4]) / total;
}

/** Servers boot a spare runspace worker each; measure once they have settled, not while 50 boot. */
async function settle() {
  const end = Date.now() + 120_000;
  while (Date.now() < end && (await idleShare(1000)) < 0.8);
}

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

export async function benchRemoting() {
  const aliases = Array.from({ length: 50 }, (_, i) => `Server${String(i + 1).padStart(2, '0')}`);
  const env = await startLoopbackServers(aliases);
  try {
    Object.assign(process.env, env.env);
    const { createRunspace } = await import('../dist/bundle/cli/engine.js');
    const rs = createRunspace({ hostOutputDirect: false });
    const run = (script) => {
      const out = [];
      const t = performance.now();
      const r = rs.invoke({ script, scope: 'global' }, (rec) => { if (rec.stream === 'output') out.push(rec.value); });
      if (r.terminatingError || r.parseErrors.length) throw new Error(`${script}: ${r.terminatingError?.message ?? r.parseErrors[0].message}`);
      return { out, ms: performance.now() - t };
    };
    await settle();
    run('$s = New-PSSession Server01; Remove-PSSession $s');
    // Latency of one open against a settled server: each open lets the server's next spare load.
    const opens = [];
    for (let i = 0; i < 30; i++) {
      await pause(700);
      opens.push(run('$s = New-PSSession Server01').ms);
      run('Remove-PSSession $s');
    }
    run('$s = New-PSSession Server01');
    const trips = [];
    for (let i = 0; i < 300; i++) trips.push(run('$null = Invoke-Command -Session $s { 1 }').ms);
    const stream = run('(Invoke-Command -Session $s { 1..1e5 }).Count');
    await settle();
    const fan = run(`(Invoke-Command -ComputerName ${aliases.join(',')} { 1 }).Count`);
    run('Remove-PSSession $s');
    return [
      ['New-PSSession against a settled server (median of 30)', ms(median(opens)), 'target < 15 ms; PowerShell 7 over SSH: hundreds of ms'],
      ['Invoke-Command round trip on an open session (median of 300)', ms(median(trips)), 'target < 2 ms'],
      ['Invoke-Command -ComputerName fan-out to 50 servers', `${ms(fan.ms)} (${fan.out[0]} results)`, 'target < 1.5 s'],
      ['100k objects streamed back', `${ms(stream.ms)} (${stream.out[0]} received)`, 'target < 1 s'],
    ];
  } finally {
    await env.close();
  }
}
