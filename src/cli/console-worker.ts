// The REPL's runspace thread. It runs each line synchronously and writes straight to the
// terminal's file descriptors; the terminal thread only reads lines and relays Ctrl+C through
// the shared stop flag. After Enter-PSSession, lines go to the remote runspace instead.

import { parentPort, workerData } from 'node:worker_threads';
import { createNodeHost } from '../host/node-host.js';
import type { Runspace } from '../runtime/runspace.js';
import type { StreamRecord } from '../runtime/streams.js';
import { toStr } from '../runtime/convert.js';
import { complete } from './completion.js';
import type { ConsoleReply, ConsoleRequest } from './console-protocol.js';
import { consoleSink, runInConsole } from './console.js';
import { createRunspace } from './engine.js';
import { RemoteConsole } from './remote-console.js';

const { stopFlag, width, color } = workerData as { stopFlag: Int32Array; width: number; color: boolean };
const host = createNodeHost({ width, color });
const remote = new RemoteConsole();
const runspace: Runspace = createRunspace({ host, stopFlag, hostOutputDirect: false, logEngineEvents: true, services: { interactiveSession: remote } });

function collect(script: string): unknown[] {
  const values: unknown[] = [];
  runspace.invoke({ script, scope: 'global' }, (r: StreamRecord) => {
    if (r.stream === 'output') values.push(r.value);
  });
  return values;
}

function localPrompt(): string {
  return `PS ${runspace.location}> `;
}

function runLine(line: string): ConsoleReply & { type: 'done' } {
  if (remote.current) {
    const sink = consoleSink(runspace);
    const exitCode = remote.run(line, sink, stopFlag);
    sink.flush();
    void exitCode;
    return { id: 0, type: 'done', prompt: remote.current ? remote.prompt() : localPrompt(), exitCode: null };
  }
  const result = runInConsole(runspace, { script: line, file: '<stdin>', scope: 'global' });
  return {
    id: 0,
    type: 'done',
    prompt: remote.current ? remote.prompt() : localPrompt(),
    exitCode: result.exitCode,
  };
}

parentPort!.on('message', (req: ConsoleRequest) => {
  let reply: ConsoleReply;
  switch (req.type) {
    case 'run':
      reply = { ...runLine(req.line), id: req.id };
      break;
    case 'prompt':
      reply = { id: req.id, type: 'done', prompt: remote.current ? remote.prompt() : localPrompt(), exitCode: null };
      break;
    case 'complete': {
      const c = complete(req.line, {
        commandNames: () => runspace.commandNames(),
        parameterNames: (command) => collect(`(Get-Command '${command.replace(/'/g, "''")}' -ErrorAction Ignore).Parameters.Keys`).map(toStr),
        variableNames: () => collect('Get-Variable | ForEach-Object Name').map(toStr),
        location: runspace.location,
      });
      reply = { id: req.id, type: 'completions', items: c.items, word: c.word };
      break;
    }
  }
  parentPort!.postMessage(reply);
});
