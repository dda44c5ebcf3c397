import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { complete } from '../../src/cli/completion.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psh-complete-'));
fs.mkdirSync(path.join(dir, 'logs'));
fs.writeFileSync(path.join(dir, 'PsLog.txt'), '');
fs.writeFileSync(path.join(dir, 'my file.ps1'), '');

const source = {
  commandNames: () => ['Get-Job', 'Get-Content', 'Receive-Job', 'Start-Job'],
  parameterNames: (c: string) => (c.toLowerCase() === 'receive-job' ? ['Keep', 'Id', 'Job', 'Wait'] : []),
  variableNames: () => ['job', 'jobs', 'HOME'],
  location: dir,
};

const cases: { line: string; want: string[] }[] = [
  { line: 'get-j', want: ['Get-Job'] },
  { line: 'Get-', want: ['Get-Content', 'Get-Job'] },
  { line: '$j = Sta', want: ['Start-Job'] },
  { line: 'Get-Job | Rec', want: ['Receive-Job'] },
  { line: 'Receive-Job -K', want: ['-Keep'] },
  { line: 'receive-job $job -w', want: ['-Wait'] },
  { line: 'Receive-Job $jo', want: ['$job', '$jobs'] },
  { line: '$h', want: ['$HOME'] },
  { line: 'Get-Content ps', want: ['PsLog.txt'] },
  { line: 'Get-Content l', want: ['logs/'] },
  { line: 'Get-Content my', want: ["'my file.ps1'"] },
  { line: 'Get-Content ./P', want: ['./PsLog.txt'] },
];

describe('tab completion', () => {
  for (const c of cases) {
    it(c.line, () => {
      expect(complete(c.line, source).items).toEqual(c.want);
    });
  }
});
