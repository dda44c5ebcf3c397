// PowerShell 7's ConciseView and the stream prefixes, written by hand from PowerShell's output
// and its error view definition.

import { describe, expect, it } from 'vitest';
import { formatErrorView, formatInformationalRecord } from '../../src/format/error-view.js';
import { ErrorRecord, type ErrorCategory } from '../../src/runtime/error-record.js';

interface At {
  readonly file?: string;
  readonly line: number;
  readonly text: string;
  /** 1-based columns of the failing command, end exclusive; the whole trimmed line by default. */
  readonly from?: number;
  readonly to?: number;
  readonly command?: string | null;
}

function err(message: string, options: { id?: string; category?: ErrorCategory; type?: string; at?: At; thrown?: boolean } = {}): ErrorRecord {
  const e = ErrorRecord.fromMessage(message, options.id ?? 'Id', options.category ?? 'NotSpecified', null, options.type ?? 'System.Exception');
  const at = options.at;
  if (at) {
    const from = at.from ?? at.text.length - at.text.trimStart().length + 1;
    const to = at.to ?? at.text.trimEnd().length + 1;
    e.position = {
      extent: { file: at.file ?? '', start: 0, end: 0, startLine: at.line, startColumn: from, endLine: at.line, endColumn: to },
      lineText: at.text,
      commandName: at.command === undefined ? 'Get-Item' : at.command,
    };
  }
  if (options.thrown) Object.assign(e.Exception, { WasThrownFromThrowStatement: true });
  return e;
}

const notFound = "Cannot find path '/nope' because it does not exist.";

interface Case {
  readonly name: string;
  readonly error: ErrorRecord;
  readonly width?: number;
  readonly color?: boolean;
  readonly want: string;
}

const cases: Case[] = [
  {
    name: 'typed at the prompt: one line',
    error: err(notFound, { category: 'ObjectNotFound', at: { line: 1, text: 'Get-Item /nope' } }),
    want: `Get-Item: ${notFound}\n`,
  },
  {
    name: 'from a script file',
    error: err(notFound, { category: 'ObjectNotFound', at: { file: '/tmp/t.ps1', line: 3, text: 'Get-Item /nope' } }),
    want: `Get-Item: /tmp/t.ps1:3\nLine |\n   3 |  Get-Item /nope\n     |  ~~~~~~~~~~~~~~\n     | ${notFound}\n\n`,
  },
  {
    name: 'second line of console input',
    error: err(notFound, { category: 'ObjectNotFound', at: { line: 2, text: 'Get-Item /nope' } }),
    want: `Get-Item: \nLine |\n   2 |  Get-Item /nope\n     |  ~~~~~~~~~~~~~~\n     | ${notFound}\n`,
  },
  {
    name: 'indented command in the middle of a line',
    error: err(notFound, { at: { file: '/s.ps1', line: 12, text: '    $x = Get-Item /nope  ', from: 10, to: 24 } }),
    want: `Get-Item: /s.ps1:12\nLine |\n  12 |      $x = Get-Item /nope\n     |           ~~~~~~~~~~~~~~\n     | ${notFound}\n\n`,
  },
  {
    name: 'five-digit line number widens the gutter',
    error: err('boom', { at: { file: '/s.ps1', line: 12345, text: 'Write-Error boom', command: 'Write-Error' } }),
    want: 'Write-Error: /s.ps1:12345\n Line |\n12345 |  Write-Error boom\n      |  ~~~~~~~~~~~~~~~~\n      | boom\n\n',
  },
  {
    name: 'long message wraps at the console width',
    width: 40,
    error: err("Cannot find path '/a/very/long/path/name' because it does not exist.", { at: { file: '/t.ps1', line: 1, text: 'gi /a', command: 'Get-Item' } }),
    want: "Get-Item: /t.ps1:1\nLine |\n   1 |  gi /a\n     |  ~~~~~\n     | Cannot find path\n     | '/a/very/long/path/name' because\n     | it does not exist.\n\n",
  },
  {
    name: 'message line breaks become spaces in scripts',
    error: err('first\nsecond', { at: { file: '/t.ps1', line: 1, text: 'x', command: 'X' } }),
    want: 'X: /t.ps1:1\nLine |\n   1 |  x\n     |  ~\n     | first second\n\n',
  },
  {
    name: 'long source line is cut around the error',
    error: err('bad', {
      at: { file: '/t.ps1', line: 1, text: 'a'.repeat(50) + ' Get-Thing ' + 'b'.repeat(30), from: 52, to: 61, command: 'Get-Thing' },
    }),
    // Enough context fits before the error, so only the end of the line is cut.
    want:
      'Get-Thing: /t.ps1:1\nLine |\n   1 |  ' + 'a'.repeat(50) + ' Get-Thing ' + 'b'.repeat(8) + ' \u2026\n' +
      '     | ' + ' '.repeat(52) + '~~~~~~~~~\n     | bad\n\n',
  },
  {
    name: 'no position: the exception type names the error',
    error: err('Attempted to divide by zero.', { type: 'System.Management.Automation.RuntimeException' }),
    want: 'RuntimeException: Attempted to divide by zero.\n',
  },
  {
    name: 'no position, a category',
    error: err('nothing here', { category: 'ObjectNotFound' }),
    want: 'ObjectNotFound: nothing here\n',
  },
  {
    name: 'throw',
    error: err('boom', { thrown: true, at: { line: 1, text: 'throw "boom"', command: null } }),
    want: 'Exception: boom\n',
  },
  {
    name: 'throw in a script',
    error: err('boom', { thrown: true, at: { file: '/t.ps1', line: 2, text: '  throw "boom"', command: null } }),
    want: 'Exception: /t.ps1:2\nLine |\n   2 |    throw "boom"\n     |    ~~~~~~~~~~~~\n     | boom\n\n',
  },
  {
    name: 'native command stderr is shown as is',
    error: err('ls: cannot access x', { id: 'NativeCommandError' }),
    want: 'ls: cannot access x\n',
  },
  {
    name: 'module errors show no line (but still end with a blank line, as from any script)',
    error: err('bad', { at: { file: '/m/x.psm1', line: 4, text: 'Get-X', command: 'Get-X' } }),
    want: 'Get-X: bad\n\n',
  },
  {
    name: 'colored, one line',
    color: true,
    error: err(notFound, { at: { line: 1, text: 'Get-Item /nope' } }),
    want: `\x1b[31;1mGet-Item: \x1b[31;1m${notFound}\x1b[0m\n`,
  },
  {
    name: 'colored, from a script',
    color: true,
    error: err('boom', { at: { file: '/t.ps1', line: 1, text: 'a; Get-X; b', from: 4, to: 9, command: 'Get-X' } }),
    want:
      '\x1b[31;1mGet-X: \x1b[0m/t.ps1:1\n\x1b[36;1mLine |\n\x1b[36;1m   1 | \x1b[0m a; \x1b[36;1mGet-X\x1b[0m; b\n' +
      '\x1b[36;1m     | \x1b[31;1m    ~~~~~\n\x1b[31;1m\x1b[36;1m     | \x1b[31;1mboom\n\x1b[0m\n',
  },
];

describe('formatErrorView (ConciseView)', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(formatErrorView(c.error, { color: c.color ?? false, width: c.width ?? 120 })).toBe(c.want);
    });
  }
});

describe('formatInformationalRecord', () => {
  const records = [
    { stream: 'warning', text: 'careful', color: false, want: 'WARNING: careful\n' },
    { stream: 'verbose', text: 'details', color: false, want: 'VERBOSE: details\n' },
    { stream: 'debug', text: 'x=1', color: false, want: 'DEBUG: x=1\n' },
    { stream: 'warning', text: 'careful', color: true, want: '\x1b[33;1mWARNING: careful\x1b[0m\n' },
    { stream: 'verbose', text: 'details', color: true, want: '\x1b[33;1mVERBOSE: details\x1b[0m\n' },
  ] as const;
  for (const r of records) {
    it(`${r.stream} ${r.color ? 'colored' : 'plain'}`, () => {
      expect(formatInformationalRecord(r.stream, r.text, { color: r.color })).toBe(r.want);
    });
  }
});
