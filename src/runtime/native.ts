// Native programs on PATH: arguments become strings, objects piped in go to stdin as text
// lines, stdout lines enter the pipeline as strings, stderr lines become error records, and
// `$LASTEXITCODE` / `$?` follow the exit code.

import type { EvaluatedArgument } from './commands.js';
import { nativeErrorRecord } from './commands.js';
import type { ExecutionContext, Pipe, StreamRouter } from './context.js';
import { toStr } from './convert.js';
import { RuntimeError } from './exceptions.js';

/** PowerShell passes array arguments as separate words and `-name:value` as one word. */
export function nativeArguments(args: readonly EvaluatedArgument[]): string[] {
  const words: string[] = [];
  for (const a of args) {
    if (a.verbatim === true) {
      words.push(...toStr(a.value).split(/\s+/).filter((w) => w !== ''));
      continue;
    }
    if (a.name !== null) {
      words.push(a.hasValue ? `-${a.name}:${toStr(a.value)}` : `-${a.name}`);
      continue;
    }
    if (Array.isArray(a.value)) for (const v of a.value) words.push(toStr(v));
    else words.push(toStr(a.value));
  }
  return words;
}

function lines(text: string): string[] {
  const all = text.split(/\r?\n/);
  if (all.length > 0 && all[all.length - 1] === '') all.pop();
  return all;
}

export class NativeCommand {
  private readonly input: string[] = [];
  private hasInput = false;

  constructor(
    private readonly c: ExecutionContext,
    private readonly path: string,
    private readonly args: readonly EvaluatedArgument[],
    private readonly out: Pipe,
    private readonly streams: StreamRouter,
  ) {}

  begin(): void {}

  process(input: unknown, hasInput: boolean): void {
    if (!hasInput) return;
    this.hasInput = true;
    this.input.push(toStr(input));
  }

  end(): void {
    const c = this.c;
    const result = c.host.process.run(this.path, nativeArguments(this.args), {
      cwd: c.location, env: c.env, input: this.hasInput ? this.input.join('\n') + '\n' : undefined,
    });
    if (result.error !== undefined) {
      throw RuntimeError.create(`An error occurred trying to start process '${this.path}': ${result.error}`, 'NativeCommandFailed', 'ResourceUnavailable', 'System.Management.Automation.ApplicationFailedException');
    }
    for (const line of lines(result.stdout)) this.out.write(line);
    for (const line of lines(result.stderr)) {
      const record = nativeErrorRecord(line);
      c.recordError(record);
      this.streams.write('error', record);
    }
    c.scope.global.set('LASTEXITCODE', result.exitCode, 'lastexitcode');
    c.status = result.exitCode === 0;
  }
}
