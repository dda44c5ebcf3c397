// The interactive shell. The runspace lives on a console worker thread so this thread stays
// free for the terminal: Ctrl+C sets the shared stop flag and the running pipeline stops while
// the shell goes on. Lines that parse as incomplete ask for more with `>> `.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { Worker } from 'node:worker_threads';
import pc from 'picocolors';
import { parse } from '../language/index.js';
import { dataDirectory } from '../host/node-host.js';
import type { CliOptions } from './args.js';
import type { ConsoleReply, ConsoleRequest } from './console-protocol.js';
import { PSH_VERSION } from './version.js';

const HISTORY_LIMIT = 1000;

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

function historyFile(): string {
  return path.join(dataDirectory(process.env), 'history');
}

function loadHistory(): string[] {
  try {
    return fs.readFileSync(historyFile(), 'utf8').split('\n').filter(Boolean).reverse().slice(0, HISTORY_LIMIT);
  } catch {
    return [];
  }
}

function saveHistory(lines: readonly string[]): void {
  try {
    fs.mkdirSync(path.dirname(historyFile()), { recursive: true });
    fs.writeFileSync(historyFile(), [...lines].reverse().join('\n') + '\n');
  } catch {
    /* history is a convenience; a read-only home must not stop the shell */
  }
}

export async function runRepl(options: CliOptions): Promise<number> {
  const stopFlag = new Int32Array(new SharedArrayBuffer(4));
  const interactive = process.stdin.isTTY === true && !options.nonInteractive;
  const worker = new Worker(new URL('./console-worker.js', import.meta.url), {
    workerData: { stopFlag, width: process.stdout.columns || 120, color: process.stdout.isTTY === true && !process.env.NO_COLOR },
    stdout: false,
    stderr: false,
  });
  let nextId = 1;
  const pending = new Map<number, (reply: ConsoleReply) => void>();
  worker.on('message', (reply: ConsoleReply) => {
    const done = pending.get(reply.id);
    if (done) {
      pending.delete(reply.id);
      done(reply);
    }
  });
  const request = (req: WithoutId<ConsoleRequest>): Promise<ConsoleReply> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ ...req, id } as ConsoleRequest);
    });

  const completer = (line: string, callback: (err: null, result: [string[], string]) => void): void => {
    request({ type: 'complete', line }).then((reply) => {
      if (reply.type !== 'completions') return callback(null, [[], line]);
      callback(null, [reply.items, reply.word]);
    });
  };

  // Ask for the first prompt before reading stdin: readline starts emitting lines at once.
  let prompt = (await request({ type: 'prompt' })) as ConsoleReply & { type: 'done' };
  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: interactive,
    history: interactive ? loadHistory() : [],
    historySize: HISTORY_LIMIT,
    completer: interactive ? completer : undefined,
  });
  if (interactive && !options.noLogo) process.stdout.write(`psh ${PSH_VERSION}\n`);

  let running = false;
  let buffer = '';
  rl.on('SIGINT', () => {
    if (running) {
      Atomics.store(stopFlag, 0, 1);
      Atomics.notify(stopFlag, 0);
      return;
    }
    // At the prompt Ctrl+C abandons what was typed, continuation lines included, as pwsh does.
    buffer = '';
    const edit = rl as unknown as { line: string; cursor: number };
    edit.line = '';
    edit.cursor = 0;
    process.stdout.write('\n');
    show(prompt.prompt);
  });
  // Without a terminal (stdin piped in) the shell prints a transcript: each prompt followed by
  // the line it read, so a piped session reads like the interactive one.
  let shown = '';
  const show = (text: string): void => {
    shown = text;
    if (!interactive) return;
    rl.setPrompt(text.startsWith('[') ? pc.cyan(text) : text);
    rl.prompt();
  };
  show(prompt.prompt);

  return new Promise<number>((resolve) => {
    let exitCode = 0;
    let queue = Promise.resolve();
    rl.on('line', (line) => {
      queue = queue.then(async () => {
        if (!interactive) process.stdout.write(shown + line + '\n');
        // Saved line by line, so a shell that is killed or loses its terminal keeps its history.
        else if (line.trim() !== '') saveHistory((rl as unknown as { history: string[] }).history);
        buffer = buffer ? buffer + '\n' + line : line;
        if (parse(buffer, '<stdin>').incomplete) {
          show('>> ');
          return;
        }
        const text = buffer;
        buffer = '';
        if (text.trim() === '') return show(prompt.prompt);
        running = true;
        Atomics.store(stopFlag, 0, 0);
        const reply = await request({ type: 'run', line: text });
        running = false;
        if (reply.type === 'done') {
          prompt = reply;
          if (reply.exitCode !== null) {
            exitCode = reply.exitCode;
            rl.close();
            return;
          }
        }
        show(prompt.prompt);
      });
    });
    rl.on('close', () => {
      queue.then(async () => {
        if (interactive) saveHistory((rl as unknown as { history: string[] }).history);
        await worker.terminate();
        resolve(exitCode);
      });
    });
  });
}
