// The README's first command: the seed's three methods against two real `psh serve` SSH
// servers on loopback, through the real psh binary.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

describe('psh demo', () => {
  it('runs every procedure of about_Remote_Jobs end to end', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'dist/bundle/cli/main.js'), 'demo'], { cwd: root, encoding: 'utf8', timeout: 240_000, env: { ...process.env, NO_COLOR: '1' } });
    const out = r.stdout + r.stderr;
    expect(r.status, out).toBe(0);
    // Method 1: an interactive session; the job runs and stays on Server01, its results go to a file there.
    expect(out).toMatch(/\[Server01\]: PS \/\S+> \$job = start-job -scriptblock \{/);
    expect(out).toMatch(/1\s+Job1\s+BackgroundJob\s+Completed\s+True\s+localhost\s+get-eventlog "Windows Po/);
    expect(out).toMatch(/\[Server01\]: PS \/\S+> Exit-PSSession\nPS \/\S+> \$s = new-pssession/);
    expect(out).toMatch(/Index Time\s+EntryType\s+Source\s+InstanceID Message/);
    expect(out).toContain('Engine state is changed from None to Available.');
    // Method 2: -AsJob; the job object is local, its Location is the computer.
    expect(out).toMatch(/1\s+Job1\s+RemoteJob\s+Completed\s+True\s+Server01\s+get-eventlog system/);
    // Method 3: Start-Job inside a PSSession: Location localhost, results kept remotely.
    expect(out).toMatch(/1\s+Job1\s+BackgroundJob\s+Completed\s+True\s+localhost\s+get-eventlog system/);
    expect(out.match(/results: True, from Server01/g)?.length).toBe(2);
    // The temporary connection's job dies with the command; a PSSession keeps state on both servers.
    expect(out).toMatch(/42 Server01\n\s+42 Server02/);
    expect(out).not.toMatch(/Exception:|ENOENT|internal error/);
  }, 300_000);
});
