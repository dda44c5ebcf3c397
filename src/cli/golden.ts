// `psh test PATH...`: conformance tests. Each `x.ps1` with an expected `x.out` beside it (and
// an optional `x.exit` holding a non-zero exit code) runs through the real psh binary in a fresh
// process, in its own temporary directory, with errors folded into stdout so one file holds
// everything the user would see. The script's folder reads `$PSScriptRoot` in the output.
// Failures print a readable diff; the last line is the tally.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import pc from 'picocolors';

export interface GoldenCase {
  readonly script: string;
  readonly expected: string;
  readonly expectedExit: number;
}

export function findGoldenCases(paths: readonly string[]): GoldenCase[] {
  const scripts: string[] = [];
  const visit = (p: string): void => {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) visit(path.join(p, name));
    } else if (p.endsWith('.ps1') && fs.existsSync(p.slice(0, -4) + '.out')) {
      scripts.push(path.resolve(p));
    }
  };
  for (const p of paths) visit(p);
  return scripts.map((script) => {
    const base = script.slice(0, -4);
    const exitFile = base + '.exit';
    return {
      script,
      expected: fs.readFileSync(base + '.out', 'utf8'),
      expectedExit: fs.existsSync(exitFile) ? Number(fs.readFileSync(exitFile, 'utf8').trim()) : 0,
    };
  });
}

/** Line endings and the final newline are not part of what a test asserts. */
export function normalizeOutput(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(/\n+$/, '');
}

/** A line diff (longest common subsequence) shown as `-expected` / `+actual` lines. */
export function lineDiff(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push(pc.green(`+ ${b[j]}`));
      j++;
    } else {
      out.push(pc.red(`- ${a[i]}`));
      i++;
    }
  }
  return out.join('\n');
}

const mainScript = fileURLToPath(new URL('./main.js', import.meta.url));
// Samples run the way users run psh: through the launcher installed beside the bundle (and so
// from the start-up snapshot), or the plain bundle where there is no launcher.
const launcher = fileURLToPath(new URL('./psh', import.meta.url));
const pshCommand: readonly string[] = fs.existsSync(launcher) ? [launcher] : [process.execPath, mainScript];

interface RunOutput {
  readonly stdout: string;
  readonly exitCode: number;
  readonly timedOut: boolean;
}

function runCase(c: GoldenCase, timeoutMs: number): Promise<RunOutput> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psh-golden-'));
  return new Promise((resolve) => {
    const child = spawn(pshCommand[0]!, [...pshCommand.slice(1), '-NoProfile', '-NonInteractive', '-File', c.script], {
      cwd: dir,
      env: { ...process.env, PWD: dir, PSH_ERRORS_TO_STDOUT: '1', PSH_DATA_DIR: path.join(dir, '.psh-data'), NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      fs.rmSync(dir, { recursive: true, force: true });
      resolve({ stdout, exitCode: code ?? 137, timedOut });
    });
  });
}

export async function runGoldenTests(args: readonly string[]): Promise<number> {
  const paths = args.filter((a) => !a.startsWith('--'));
  const cases = findGoldenCases(paths.length > 0 ? paths : ['samples']);
  const parallel = Math.max(2, os.availableParallelism());
  let passed = 0;
  let failed = 0;
  let next = 0;
  const cwd = process.cwd();
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const c = cases[next++];
      const r = await runCase(c, 60_000);
      // Error views name the script by its full path; the checkout's location is not part of a test.
      const actual = normalizeOutput(r.stdout.split(path.dirname(c.script)).join('$PSScriptRoot'));
      const expected = normalizeOutput(c.expected);
      const name = path.relative(cwd, c.script);
      if (!r.timedOut && actual === expected && r.exitCode === c.expectedExit) {
        passed++;
        continue;
      }
      failed++;
      const lines = [pc.red(`FAIL ${name}`)];
      if (r.timedOut) lines.push('  timed out after 60 s');
      if (r.exitCode !== c.expectedExit) lines.push(`  exit code ${r.exitCode}, expected ${c.expectedExit}`);
      if (actual !== expected) lines.push(lineDiff(expected, actual));
      process.stdout.write(lines.join('\n') + '\n');
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 && cases.length > 0 ? 0 : 1;
}
