// The launcher (dist/bundle/cli/psh) and the start-up snapshot it starts Node from. Each case
// runs a copy of the built bundle with a `node` on PATH that records how it was started, so a
// test sees which way psh was started as well as what it printed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const bundle = path.join(root, 'dist/bundle/cli');
const hasScript = spawnSync('script', ['--version']).status === 0;

let dir: string;
let launcher: string;
let fakeNode: string;
let log: string;

interface Run {
  readonly out: string;
  readonly err: string;
  readonly code: number | null;
  /** The arguments the launcher gave node, one line per start. */
  readonly started: readonly string[];
}

function run(args: readonly string[], env: Record<string, string | undefined> = {}, command = launcher): Run {
  fs.writeFileSync(log, '');
  const base: NodeJS.ProcessEnv = { ...process.env, PATH: `${path.dirname(fakeNode)}:${process.env.PATH}`, NO_COLOR: '1', PSH_DATA_DIR: path.join(dir, 'data') };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete base[k];
    else base[k] = v;
  }
  const r = spawnSync(command, args, { encoding: 'utf8', env: base, cwd: dir });
  return { out: r.stdout, err: r.stderr, code: r.status, started: fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

const fromSnapshot = (r: Run): boolean => r.started.length === 1 && r.started[0]!.includes('--snapshot-blob');

/** Makes the blob look built by this `node` (the recorded builder, and older than the blob). */
function stampBlob(): void {
  fs.writeFileSync(path.join(dir, 'cli/psh.blob.node'), fakeNode + '\n');
  fs.utimesSync(fakeNode, new Date(2000, 0, 1), new Date(2000, 0, 1));
}

beforeAll(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'psh-launcher-')));
  fs.cpSync(bundle, path.join(dir, 'cli'), { recursive: true });
  launcher = path.join(dir, 'cli/psh');
  log = path.join(dir, 'node.log');
  fakeNode = path.join(dir, 'bin/node');
  fs.mkdirSync(path.dirname(fakeNode));
  // Records its arguments and whether NODE_EXTRA_CA_CERTS reached Node, then is the real Node.
  fs.writeFileSync(fakeNode, `#!/bin/sh\necho "$* extra-ca=\${NODE_EXTRA_CA_CERTS-unset}" >> ${JSON.stringify(log)}\nexec ${JSON.stringify(process.execPath)} "$@"\n`, { mode: 0o755 });
  stampBlob();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SCRIPT = '1 + 1; "a" -lt "B"; @(3, 1, 2) | Sort-Object; [pscustomobject]@{ Name = "x"; Size = 42 }; Write-Warning w';
const WANT = '2\nTrue\n1\n2\n3\n\nName Size\n---- ----\nx      42\n\nWARNING: w\n';

describe('launcher', () => {
  it('starts from the snapshot when it was built by this node, with the same output as the plain bundle', () => {
    const snap = run(['-c', SCRIPT]);
    expect(fromSnapshot(snap), snap.started.join('\n')).toBe(true);
    expect(snap.out).toBe(WANT);
    const direct = spawnSync(process.execPath, [path.join(dir, 'cli/main.js'), '-c', SCRIPT], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(direct.stdout).toBe(WANT);
  });

  const fallbacks: { name: string; setUp: () => void; env?: Record<string, string> }[] = [
    { name: 'PSH_NO_SNAPSHOT is set', setUp: () => {}, env: { PSH_NO_SNAPSHOT: '1' } },
    { name: 'another node built the blob', setUp: () => fs.writeFileSync(path.join(dir, 'cli/psh.blob.node'), '/opt/other/node\n') },
    { name: 'node is newer than the blob', setUp: () => fs.utimesSync(fakeNode, new Date(), new Date(Date.now() + 60_000)) },
    { name: 'nothing records who built the blob', setUp: () => fs.rmSync(path.join(dir, 'cli/psh.blob.node')) },
    { name: 'the blob is absent', setUp: () => fs.renameSync(path.join(dir, 'cli/psh.blob'), path.join(dir, 'psh.blob.away')) },
  ];
  for (const f of fallbacks) {
    it(`falls back to the plain bundle when ${f.name}`, () => {
      f.setUp();
      try {
        const r = run(['-c', SCRIPT], f.env);
        expect(r.started).toHaveLength(1);
        expect(r.started[0]).not.toContain('--snapshot-blob');
        expect(r.started[0]).toContain(path.join(dir, 'cli/main.js'));
        expect(r.out).toBe(WANT);
      } finally {
        if (fs.existsSync(path.join(dir, 'psh.blob.away'))) fs.renameSync(path.join(dir, 'psh.blob.away'), path.join(dir, 'cli/psh.blob'));
        stampBlob();
      }
    });
  }

  it('finds the bundle through a symbolic link, as npm installs the bin', () => {
    const link = path.join(dir, 'bin/psh');
    fs.rmSync(link, { force: true });
    fs.symlinkSync(launcher, link);
    const r = run(['-c', '"linked"'], {}, link);
    expect(fromSnapshot(r)).toBe(true);
    expect(r.out).toBe('linked\n');
  });

  it('passes arguments and the exit code through unchanged', () => {
    fs.writeFileSync(path.join(dir, 'args.ps1'), '$args -join "|"; exit 14\n');
    // Arguments Node would take for its own options if the launcher put them before the script.
    const r = run(['-File', path.join(dir, 'args.ps1'), 'a b', '--inspect', 'x"y', '--snapshot-blob']);
    expect(fromSnapshot(r)).toBe(true);
    expect(r.out).toBe('a b|--inspect|x"y|--snapshot-blob\n');
    expect(r.code).toBe(14);
  });

  // Node reads NODE_EXTRA_CA_CERTS at start-up; psh's Node starts without it, and psh, its
  // native commands and its jobs see the user's value.
  const caCases: { name: string; value: string | undefined; want: string }[] = [
    { name: 'a file', value: '/etc/some-ca.pem', want: 'extra-ca=unset' },
    { name: 'empty', value: '', want: 'extra-ca=unset' },
    { name: 'unset', value: undefined, want: 'extra-ca=unset' },
  ];
  for (const c of caCases) {
    it(`keeps NODE_EXTRA_CA_CERTS (${c.name}) for psh's commands and jobs, not for its own Node`, () => {
      const script = [
        '"[$env:NODE_EXTRA_CA_CERTS]"; $null -eq $env:NODE_EXTRA_CA_CERTS',
        `sh -c 'echo "[\${NODE_EXTRA_CA_CERTS-unset}]"'`,
        'Start-Job { "[$env:NODE_EXTRA_CA_CERTS]" } | Receive-Job -Wait -AutoRemoveJob',
        '$null -eq $env:PSH_SAVED_NODE_EXTRA_CA_CERTS',
      ].join('; ');
      const r = run(['-c', script], { NODE_EXTRA_CA_CERTS: c.value });
      expect(r.err).toBe('');
      const shown = c.value ?? '';
      expect(r.out).toBe(`[${shown}]\n${c.value === undefined ? 'True' : 'False'}\n[${c.value ?? 'unset'}]\n[${shown}]\nTrue\n`);
      expect(r.started[0]).toContain(c.want);
    });
  }
});

describe('the engine started from the snapshot', () => {
  it('makes new GUIDs and random numbers in every process', () => {
    const script = '(New-Guid).Guid; (Get-Job -Id (Start-Job { 1 }).Id).InstanceId.ToString(); Get-Random';
    const a = run(['-c', script]);
    const b = run(['-c', script]);
    expect(fromSnapshot(a) && fromSnapshot(b)).toBe(true);
    const [la, lb] = [a.out.trim().split('\n'), b.out.trim().split('\n')];
    expect(la).toHaveLength(3);
    for (let i = 0; i < 3; i++) expect(la[i], `line ${i}`).not.toBe(lb[i]);
  });

  // The full golden suite runs through the launcher too (tests/cli/golden.test.ts); here the
  // samples that start job workers are checked to have come from the snapshot, every one.
  it('runs golden samples, jobs on worker threads among them, from the snapshot', () => {
    const r = run(['test', path.join(root, 'samples/jobs'), path.join(root, 'samples/format')]);
    expect(r.out.trim().split('\n').pop(), r.out).toMatch(/^\d+ passed, 0 failed$/);
    expect(r.started.length).toBeGreaterThan(20);
    for (const line of r.started) expect(line).toContain('--snapshot-blob');
  }, 300_000);

  it.skipIf(!hasScript)('colours Write-Host on a terminal, and not with NO_COLOR', () => {
    const onTty = (env: Record<string, string | undefined>): string =>
      run(['-qec', `${JSON.stringify(launcher)} -c 'Write-Host -ForegroundColor Red red'`, '/dev/null'], { TERM: 'xterm', ...env }, 'script').out;
    expect(onTty({ NO_COLOR: undefined })).toContain('\x1b[91mred');
    expect(onTty({ NO_COLOR: '1' })).not.toContain('\x1b[');
  });
});
