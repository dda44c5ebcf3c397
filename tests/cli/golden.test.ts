import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineDiff, normalizeOutput } from '../../src/cli/golden.js';

const root = path.resolve(__dirname, '../..');
const psh = path.join(root, 'dist', 'bundle', 'cli', 'main.js');

function run(args: string[]): { out: string; code: number } {
  const r = spawnSync(process.execPath, [psh, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { out: (r.stdout ?? '') + (r.stderr ?? ''), code: r.status ?? -1 };
}

describe('psh test (golden runner)', () => {
  it('normalizes line endings and trailing newlines only', () => {
    expect(normalizeOutput('a\r\nb\n\n')).toBe('a\nb');
    expect(normalizeOutput('a  \nb')).toBe('a  \nb');
  });

  it('shows a line diff of expected and actual', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nc').replace(/\x1b\[\d+m/g, '')).toBe('  a\n+ x\n- b\n  c');
  });

  it('reports failures with a diff, a tally and a non-zero exit code', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psh-golden-self-'));
    fs.writeFileSync(path.join(dir, 'good.ps1'), "'hello'\n");
    fs.writeFileSync(path.join(dir, 'good.out'), 'hello\n');
    fs.writeFileSync(path.join(dir, 'bad.ps1'), "'actual'\n");
    fs.writeFileSync(path.join(dir, 'bad.out'), 'expected\n');
    fs.writeFileSync(path.join(dir, 'code.ps1'), 'exit 3\n');
    fs.writeFileSync(path.join(dir, 'code.out'), '');
    fs.writeFileSync(path.join(dir, 'code.exit'), '3\n');
    const r = run(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAIL');
    expect(r.out).toContain('- expected');
    expect(r.out).toContain('+ actual');
    expect(r.out.trim().split('\n').pop()).toBe('2 passed, 1 failed');
  });

  it('runs every sample in samples/ and they all pass', () => {
    const r = run(['test', 'samples']);
    const last = r.out.trim().split('\n').pop() ?? '';
    expect(last, r.out).toMatch(/^\d+ passed, 0 failed$/);
    expect(Number(last.split(' ')[0])).toBeGreaterThanOrEqual(60);
    expect(r.code, r.out).toBe(0);
  }, 600_000);
});
