// Runs a script through a real Runspace over the in-memory host, with a few files in the
// current directory (/home/test), and returns every record as `stream:text` in order.

import { createMemoryHost } from '../runtime/memory-host.js';
import { runScript } from '../runtime/run-script.js';

export const FILES: Record<string, string> = {
  '/home/test/a.txt': 'one\ntwo\nthree\n',
  '/home/test/b.csv': 'x,y\n1,2\n3,4\n',
  '/home/test/data.json': '{"name":"psh","tags":["a","b"],"n":3}',
};

export function run(script: string): string {
  const r = runScript(script, { host: createMemoryHost({ ...FILES }) });
  const lines = [...r.records];
  if (r.result.terminatingError) lines.push('terminating:' + r.result.terminatingError.message);
  for (const e of r.result.parseErrors) lines.push('parse:' + e.message);
  return lines.join('\n');
}
