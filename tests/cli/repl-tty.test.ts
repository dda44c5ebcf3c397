// The REPL on a real terminal: util-linux `script` gives psh a pseudo-terminal, so readline runs
// in raw mode and Ctrl+C, Tab and the prompt behave as a person at a keyboard sees them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import type { DemoEnvironment } from '../../src/cli/demo.js';

const root = path.resolve(__dirname, '../..');
const psh = path.join(root, 'dist/bundle/cli/main.js');
const hasScript = spawnSync('script', ['--version']).status === 0;

/** A psh REPL on a pty, fed keystrokes, read as plain text (colour and cursor codes removed). */
class Terminal {
  private raw = '';
  private readonly child: ChildProcess;
  readonly exited: Promise<number | null>;

  constructor(env: NodeJS.ProcessEnv, cwd: string) {
    const command = `stty cols 120 rows 40; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(psh)} -NoProfile`;
    this.child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...env, TERM: 'xterm' }, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.setEncoding('utf8').on('data', (d: string) => (this.raw += d));
    this.child.stderr!.setEncoding('utf8').on('data', (d: string) => (this.raw += d));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  get text(): string {
    // Drop CSI sequences (colours, cursor moves, line clears) and carriage returns.
    return this.raw.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
  }

  type(keys: string): void {
    this.child.stdin!.write(keys);
  }

  /** Waits until the text after `from` matches, and returns where the match ends. */
  async expect(pattern: RegExp, from = 0, timeout = 15_000): Promise<number> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const m = pattern.exec(this.text.slice(from));
      if (m) return from + m.index + m[0].length;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} in:\n${this.text.slice(from)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

describe.skipIf(!hasScript)('the REPL on a terminal', () => {
  let servers: DemoEnvironment;
  let cwd: string;

  beforeAll(async () => {
    // The bundle's copy, so the servers are the real `psh serve` beside the binary under test.
    const demo = (await import(pathToFileURL(path.join(root, 'dist/bundle/cli/demo.js')).href)) as typeof import('../../src/cli/demo.js');
    servers = await demo.startLoopbackServers(['Server01']);
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'psh-tty-'));
  }, 60_000);
  afterAll(async () => {
    await servers?.close();
    if (cwd) fs.rmSync(cwd, { recursive: true, force: true });
  });

  it('Ctrl+C stops a running pipeline and abandons a half-typed line, and the shell goes on', async () => {
    const t = new Terminal(servers.env, cwd);
    try {
      let at = await t.expect(/PS \S+> $/);
      t.type('while ($true) { }\r');
      await new Promise((r) => setTimeout(r, 500));
      t.type('\x03');
      at = await t.expect(/PS \S+> $/, at);
      t.type('abc');
      await t.expect(/abc$/, at);
      t.type('\x03');
      at = await t.expect(/PS \S+> $/, at + 3);
      t.type('"alive " + (6 * 7)\r');
      at = await t.expect(/alive 42\n/, at);
      expect(t.text).not.toMatch(/abc.*alive|not recognized/);
      t.type('exit 3\r');
      expect(await t.exited).toBe(3);
    } finally {
      t.kill();
    }
  }, 60_000);

  it('completes commands and parameters with Tab, and continues an open block with >>', async () => {
    const t = new Terminal(servers.env, cwd);
    try {
      let at = await t.expect(/PS \S+> $/);
      t.type('Get-ChildI\t');
      at = await t.expect(/Get-ChildItem$/, at);
      t.type(' -Filt\t');
      at = await t.expect(/-Filter$/, at);
      t.type('\x15'); // Ctrl+U clears the line
      t.type('if ($true) {\r');
      at = await t.expect(/>> $/, at);
      t.type('"inside"\r');
      at = await t.expect(/>> $/, at);
      t.type('}\r');
      at = await t.expect(/\ninside\n[^]*PS \S+> $/, at);
      t.type('exit\r');
      expect(await t.exited).toBe(0);
    } finally {
      t.kill();
    }
  }, 60_000);

  it('keeps history across shells', async () => {
    const first = new Terminal(servers.env, cwd);
    try {
      await first.expect(/PS \S+> $/);
      first.type('"remember me"\r');
      await first.expect(/\nremember me\n/);
      first.kill(); // history must not depend on a clean exit
    } finally {
      first.kill();
    }
    await first.exited;
    const second = new Terminal(servers.env, cwd);
    try {
      const at = await second.expect(/PS \S+> $/);
      second.type('\x1b[A'); // up arrow
      await second.expect(/"remember me"$/, at);
      second.type('\x15exit\r');
      expect(await second.exited).toBe(0);
    } finally {
      second.kill();
    }
  }, 60_000);

  it('Enter-PSSession changes the prompt, runs commands remotely, and Exit-PSSession returns', async () => {
    const t = new Terminal(servers.env, cwd);
    try {
      let at = await t.expect(/PS \S+> $/);
      t.type('$here = "local"; Enter-PSSession Server01\r');
      at = await t.expect(/\[Server01\]: PS \S+> $/, at);
      t.type('"[$here]"; $job = Start-Job { 40 + 2 }; $null = Wait-Job $job; Receive-Job $job -Keep; (Get-Job).Location\r');
      at = await t.expect(/\n\[\]\n42\nlocalhost\n\[Server01\]: PS \S+> $/, at);
      t.type('while ($true) { }\r');
      await new Promise((r) => setTimeout(r, 500));
      t.type('\x03');
      at = await t.expect(/\[Server01\]: PS \S+> $/, at);
      t.type('(Get-Job -Id 1).State\r');
      at = await t.expect(/\nCompleted\n\[Server01\]: PS \S+> $/, at);
      t.type('Exit-PSSession\r');
      at = await t.expect(/\nPS \S+> $/, at);
      t.type('$here\r');
      at = await t.expect(/\nlocal\n/, at);
      t.type('exit\r');
      expect(await t.exited).toBe(0);
    } finally {
      t.kill();
    }
  }, 60_000);
});
