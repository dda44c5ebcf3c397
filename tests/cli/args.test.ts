import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';

const cases: { argv: string[]; want: object }[] = [
  { argv: [], want: { kind: 'repl' } },
  { argv: ['x.ps1', 'a', '-b'], want: { kind: 'file', path: 'x.ps1', args: ['a', '-b'] } },
  { argv: ['-File', 'x.ps1', '1'], want: { kind: 'file', path: 'x.ps1', args: ['1'] } },
  { argv: ['-f', 'x.ps1'], want: { kind: 'file', path: 'x.ps1', args: [] } },
  { argv: ['-NoProfile', '-NonInteractive', '-File', 'x.ps1'], want: { kind: 'file', path: 'x.ps1', args: [] } },
  { argv: ['-nop', '-c', 'Get-Job;', '1'], want: { kind: 'command', text: 'Get-Job; 1', args: [] } },
  { argv: ['-Command', '-'], want: { kind: 'command', text: '-', args: [] } },
  { argv: ['-COMMAND', '1'], want: { kind: 'command', text: '1', args: [] } },
  { argv: ['--version'], want: { kind: 'version' } },
  { argv: ['-v'], want: { kind: 'version' } },
  { argv: ['-sshs'], want: { kind: 'sshs' } },
  { argv: ['-NoLogo', '-sshs'], want: { kind: 'sshs' } },
  { argv: ['serve', '--listen', '127.0.0.1:2222'], want: { kind: 'serve', args: ['--listen', '127.0.0.1:2222'] } },
  { argv: ['test', 'samples'], want: { kind: 'test', args: ['samples'] } },
  { argv: ['-'], want: { kind: 'file', path: '-', args: [] } },
  { argv: ['-Bogus'], want: { kind: 'error' } },
  { argv: ['-File'], want: { kind: 'error' } },
];

describe('psh command line', () => {
  for (const c of cases) {
    it(c.argv.join(' ') || '(none)', () => {
      expect(parseArgs(c.argv).mode).toMatchObject(c.want);
    });
  }
  it('records the switches before the mode', () => {
    expect(parseArgs(['-nop', '-nol', '-noni', 'x.ps1'])).toMatchObject({ noProfile: true, noLogo: true, nonInteractive: true });
  });
});
