// Runs a script in a fresh runspace over the in-memory host and reports what each stream got,
// as text, so test tables can state expectations in one line.

import { coreCommands } from '../../src/commands/index.js';
import type { CmdletDefinition } from '../../src/runtime/cmdlet.js';
import { toStr } from '../../src/runtime/convert.js';
import { ErrorRecord } from '../../src/runtime/error-record.js';
import { type InvokeRequest, type InvokeResult, Runspace } from '../../src/runtime/runspace.js';
import type { StreamRecord } from '../../src/runtime/streams.js';
import { type MemoryHost, createMemoryHost } from './memory-host.js';

export interface ScriptRun {
  readonly out: string[];
  readonly errors: string[];
  /** Every record as `stream:text`, in order. */
  readonly records: string[];
  readonly values: unknown[];
  readonly result: InvokeResult;
  readonly host: MemoryHost;
  readonly runspace: Runspace;
}

function text(r: StreamRecord): string {
  const v = r.value;
  if (v instanceof ErrorRecord) return v.message;
  if (v !== null && typeof v === 'object' && 'messageData' in v) return toStr((v as { messageData: unknown }).messageData);
  return toStr(v);
}

export function runScript(script: string, options: { host?: MemoryHost; commands?: readonly CmdletDefinition[]; request?: Partial<InvokeRequest> } = {}): ScriptRun {
  const host = options.host ?? createMemoryHost();
  const runspace = new Runspace({ host, commands: options.commands ?? coreCommands });
  const out: string[] = [], errors: string[] = [], records: string[] = [], values: unknown[] = [];
  let lastSeq = 0;
  const result = runspace.invoke({ script, ...options.request }, (r) => {
    if (r.seq <= lastSeq) throw new Error('sequence numbers must increase');
    lastSeq = r.seq;
    records.push(`${r.stream}:${text(r)}`);
    if (r.stream === 'output') {
      out.push(text(r));
      values.push(r.value);
    } else if (r.stream === 'error') errors.push(text(r));
  });
  return { out, errors, records, values, result, host, runspace };
}
