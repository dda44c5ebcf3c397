// Enter-PSSession for the REPL: while a remote runspace is pushed, every line runs there and
// its records come back to this console in order; `exit` and Exit-PSSession return home.
// Ctrl+C (the shared stop flag) stops the remote pipeline, not the shell.

import type { RunspaceClient } from '../remoting/client.js';
import type { StreamRecord } from '../runtime/streams.js';
import { toStr } from '../runtime/convert.js';
import { ErrorRecord } from '../runtime/error-record.js';

interface Pushed {
  readonly client: RunspaceClient;
  readonly session: unknown;
  readonly temporary: boolean;
  location: string;
}

const EXIT_LINE = /^\s*(exit|exit-pssession)\s*;?\s*$/i;

export class RemoteConsole {
  private stack: Pushed[] = [];

  get current(): Pushed | null {
    return this.stack.length > 0 ? this.stack[this.stack.length - 1] : null;
  }

  push(client: RunspaceClient, session: unknown, temporary: boolean): void {
    const pushed: Pushed = { client, session, temporary, location: '' };
    this.stack.push(pushed);
    pushed.location = this.remoteLocation(pushed);
  }

  pop(): void {
    const top = this.stack.pop();
    if (top?.temporary) top.client.close();
  }

  prompt(): string {
    const top = this.current;
    return top ? `[${top.client.computerName}]: PS ${top.location}> ` : '';
  }

  private remoteLocation(p: Pushed): string {
    const pipe = p.client.invoke({ script: '(Get-Location).Path', scope: 'global' });
    const values: unknown[] = [];
    for (;;) {
      for (const r of pipe.poll()) if (r.stream === 'output') values.push(r.value);
      if (pipe.state !== 'Running' && pipe.state !== 'NotStarted') break;
      pipe.wait(1000);
    }
    for (const r of pipe.poll()) if (r.stream === 'output') values.push(r.value);
    return values.length > 0 ? toStr(values[0]) : '';
  }

  /** Runs one line remotely, feeding records to `sink`. */
  run(line: string, sink: (r: StreamRecord) => void, stopFlag: Int32Array): void {
    const top = this.current;
    if (!top) return;
    if (EXIT_LINE.test(line)) {
      this.pop();
      return;
    }
    if (top.client.state !== 'Opened') {
      sink({ stream: 'error', seq: 0, value: ErrorRecord.fromMessage(`The remote session to ${top.client.computerName} is no longer available: ${top.client.brokenReason ?? top.client.state}.`, 'PSSessionStateBroken', 'ResourceUnavailable') });
      this.pop();
      return;
    }
    const pipe = top.client.invoke({ script: line, scope: 'global' });
    let stopping = false;
    for (;;) {
      for (const r of pipe.poll()) sink(r);
      if (pipe.state !== 'Running' && pipe.state !== 'NotStarted') break;
      if (!stopping && Atomics.load(stopFlag, 0) !== 0) {
        stopping = true;
        pipe.stop();
      }
      pipe.wait(50);
    }
    for (const r of pipe.poll()) sink(r);
    if (pipe.state === 'Failed' && pipe.reason) sink({ stream: 'error', seq: 0, value: pipe.reason });
    if (top.client.state === 'Opened') top.location = this.remoteLocation(top);
  }
}
