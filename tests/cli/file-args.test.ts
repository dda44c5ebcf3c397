// `psh script.ps1 args...` binds the words after the script the way `pwsh -File` does.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const psh = path.join(root, 'dist/bundle/cli/main.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psh-file-args-'));
const script = path.join(dir, 'greet.ps1');
fs.writeFileSync(script, [
  'param([string]$Name = "world", [int]$Count = 1, [switch]$Loud)',
  '"Name=$Name Count=$Count Loud=$Loud args=$($args -join "|")"',
].join('\n'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cases: { args: string[]; want: string }[] = [
  { args: [], want: 'Name=world Count=1 Loud=False args=' },
  { args: ['-Name', 'Bob', '-Count', '2', '-Loud'], want: 'Name=Bob Count=2 Loud=True args=' },
  { args: ['-Loud', '-Name', 'Bob'], want: 'Name=Bob Count=1 Loud=True args=' },
  { args: ['-name:Al', '-Loud:$false'], want: 'Name=Al Count=1 Loud=False args=' },
  { args: ['-Cou', '3', 'Carl'], want: 'Name=Carl Count=3 Loud=False args=' },
  { args: ['Carl', '4', 'extra', '-5'], want: 'Name=Carl Count=4 Loud=False args=extra|-5' },
  { args: ['Carl', '4', 'a b', '--c', '-d'], want: 'Name=Carl Count=4 Loud=False args=a b|--c|-d' },
];

describe('psh FILE ARGS', () => {
  for (const c of cases) {
    for (const form of [[script], ['-File', script]]) {
      it(`${form.length === 2 ? '-File ' : ''}greet.ps1 ${c.args.join(' ')}`, () => {
        const r = spawnSync(process.execPath, [psh, '-NoProfile', ...form, ...c.args], { encoding: 'utf8' });
        expect(r.stderr).toBe('');
        expect(r.stdout.trim()).toBe(c.want);
      });
    }
  }
});
