// The language golden samples run through a Runspace directly: every sample prints only
// scalars, so its expected `.out` is the text of its output objects, one per line.

import { readFileSync, readdirSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runScript } from './run-script.js';

const dir = join(import.meta.dirname, '../../samples/language');
const names = readdirSync(dir).filter((f) => f.endsWith('.ps1')).map((f) => f.slice(0, -4));

test.each(names)('%s', (name) => {
  const script = readFileSync(join(dir, name + '.ps1'), 'utf8');
  const expected = readFileSync(join(dir, name + '.out'), 'utf8').replace(/\n+$/, '');
  const exitFile = join(dir, name + '.exit');
  const r = runScript(script, { request: { file: '/home/test/' + name + '.ps1' } });
  expect([...r.out, ...r.errors].join('\n')).toBe(expected);
  expect(r.result.exitCode ?? 0).toBe(existsSync(exitFile) ? Number(readFileSync(exitFile, 'utf8').trim()) : 0);
});
