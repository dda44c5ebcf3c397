// A runspace worker warms its engine up while it waits as a spare; that must leave no trace:
// nothing written to psh's data directory (no engine events), nothing seen by the next runspace.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeRunspace, createRunspace, warmUp } from '../../src/cli/engine.js';
import type { StreamRecord } from '../../src/runtime/streams.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'psh-warm-up-'));
const saved = process.env.PSH_DATA_DIR;
afterAll(() => {
  if (saved === undefined) delete process.env.PSH_DATA_DIR;
  else process.env.PSH_DATA_DIR = saved;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('warmUp', () => {
  it('writes nothing and leaves nothing for the next runspace', () => {
    process.env.PSH_DATA_DIR = dataDir;
    warmUp();
    expect(fs.readdirSync(dataDir)).toEqual([]);
    const runspace = createRunspace({ stopFlag: new Int32Array(new SharedArrayBuffer(4)), hostOutputDirect: false, logEngineEvents: false });
    const out: unknown[] = [];
    runspace.invoke({ script: '"a=[$a]"; [bool](Get-Command f -ErrorAction Ignore); $Error.Count', scope: 'global' }, (r: StreamRecord) => {
      if (r.stream === 'output') out.push(r.value);
    });
    closeRunspace(runspace);
    expect(out).toEqual(['a=[]', false, 0]);
  });
});
