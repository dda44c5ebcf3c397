// A Runspace runs scripts synchronously against one Host: it owns the global scope, the
// command table, the services other modules register, and the execution context its
// compiled closures share. invoke() streams every record to the caller's sink in write order.

import type { ParseError, ScriptBlockAst } from '../language/ast.js';
import { parse } from '../language/index.js';
import { defineAutomaticVariables } from './automatic-variables.js';
import type { CmdletDefinition } from './cmdlet.js';
import { visibleRecord, asRuntimeError } from './compile/statements.js';
import { envLookup, readNamed, variableKey } from './compile/variables.js';
import { ExecutionContext } from './context.js';
import type { ErrorRecord } from './error-record.js';
import { PipelineStoppedError } from './exceptions.js';
import type { Host } from './host.js';
import { ScriptCommand, compileScriptBlock, invokeBlockCollect, runToEnd } from './invoke.js';
import { setMemberContext } from './members.js';
import { Scope } from './scope.js';
import { ExitSignal } from './signals.js';
import type { InformationPayload, StreamRecord } from './streams.js';
import { toStr } from './convert.js';
import { PSObject } from './values.js';

export interface RunspaceOptions {
  host: Host;
  commands: readonly CmdletDefinition[];
  /** Reachable from cmdlets as ctx.service(name). */
  services?: Record<string, unknown>;
  /** Default: host.environment.PWD or home. */
  initialLocation?: string;
  /** Shared; non-zero asks the running pipeline to stop. */
  stopFlag?: Int32Array;
  /** Console: Write-Host writes to host.ui at once; jobs/remote: only as information records. */
  hostOutputDirect?: boolean;
  name?: string;
  /** Called now and then while a pipeline runs (see ExecutionContext.onTick). */
  onTick?: () => void;
}

export interface InvokeRequest {
  /** Text is parsed with `file` as its name. */
  script: string | ScriptBlockAst;
  file?: string;
  /** $args / positional binding to the script's param(). */
  args?: readonly unknown[];
  /** The args came from a command line (`psh -File x.ps1 -Name v`): `-Name` and `-Name:v` name parameters. */
  commandLineArgs?: boolean;
  /** Pipeline input ($input, process blocks). */
  input?: readonly unknown[];
  /** Values of $using:name, keys lower-cased. */
  using?: Readonly<Record<string, unknown>>;
  /** 'global' for REPL lines and Invoke-Command on a session; 'script' for files and jobs. */
  scope?: 'global' | 'script';
}

export interface InvokeResult {
  readonly hadErrors: boolean;
  /** Uncaught throw / terminating error. */
  readonly terminatingError: ErrorRecord | null;
  /** From `exit N`. */
  readonly exitCode: number | null;
  readonly parseErrors: readonly ParseError[];
  readonly stopped: boolean;
}

function isHostRecord(v: unknown): v is InformationPayload {
  return v !== null && typeof v === 'object' && 'isHost' in v && (v as InformationPayload).isHost;
}

export class Runspace {
  readonly instanceId: string;
  readonly host: Host;
  readonly name: string;
  private readonly context: ExecutionContext;
  private readonly global: Scope;
  private readonly stopFlag: Int32Array;

  constructor(options: RunspaceOptions) {
    this.host = options.host;
    this.instanceId = globalThis.crypto.randomUUID();
    this.name = options.name ?? 'Runspace';
    this.stopFlag = options.stopFlag ?? new Int32Array(new SharedArrayBuffer(4));
    this.global = new Scope(null);
    const services = new Map<string, unknown>(Object.entries(options.services ?? {}));
    const location = options.initialLocation ?? options.host.environment.PWD ?? options.host.homeDirectory;
    this.context = new ExecutionContext(options.host, this.global, this.stopFlag, options.hostOutputDirect ?? false, services, location);
    this.context.onTick = options.onTick ?? null;
    for (const def of options.commands) {
      this.context.cmdlets.set(def.name.toLowerCase(), def);
      for (const a of def.aliases ?? []) this.context.aliases.set(a.toLowerCase(), def.name);
    }
    defineAutomaticVariables(this.global, options.host, this.instanceId, () => this.context.location);
  }

  get location(): string {
    return this.context.location;
  }

  registerService(name: string, service: unknown): void {
    this.context.services.set(name, service);
  }

  getService<T>(name: string): T | undefined {
    return this.context.services.get(name) as T | undefined;
  }

  getVariable(name: string): unknown {
    return readNamed(this.context, variableKey(name));
  }

  setVariable(name: string, value: unknown): void {
    this.global.set(name, value, variableKey(name));
  }

  stop(): void {
    Atomics.store(this.stopFlag, 0, 1);
    Atomics.notify(this.stopFlag, 0);
  }

  commandNames(): string[] {
    const names = new Set<string>();
    for (const def of this.context.cmdlets.values()) names.add(def.name);
    for (const a of this.context.aliases.keys()) names.add(a);
    for (const f of this.global.functions?.values() ?? []) names.add(f.name);
    return [...names].sort((a, b) => a.localeCompare(b));
  }

  invoke(request: InvokeRequest, sink: (record: StreamRecord) => void): InvokeResult {
    const c = this.context;
    const file = request.file ?? '<command>';
    let ast: ScriptBlockAst;
    if (typeof request.script === 'string') {
      const parsed = parse(request.script, file);
      if (parsed.errors.length > 0) {
        return { hadErrors: true, terminatingError: null, exitCode: null, parseErrors: parsed.errors, stopped: false };
      }
      c.sources.set(file, request.script);
      ast = parsed.ast;
    } else ast = request.script;

    const saved = { sink: c.sink, scope: c.scope, out: c.out, streams: c.streams, using: c.using, hadErrors: c.hadErrors, tryDepth: c.tryDepth };
    const previousMembers = setMemberContext({
      host: c.host,
      invokeScriptBlock: (block, dollarUnder, args) => invokeBlockCollect(c, block, { dollarUnder, args }),
      getEnvironmentVariable: (name) => envLookup(c, name),
      usingNamespaces: c.usingNamespaces,
    });
    c.sink = sink;
    c.using = request.using ?? {};
    c.hadErrors = false;
    c.tryDepth = 0;
    c.scope = this.global;
    c.status = true;
    const out = { write: (v: unknown) => c.emit('output', v) };
    const streams = {
      write: (s: Parameters<typeof c.emit>[0], v: unknown) => {
        c.emit(s, v);
        // Write-Host text reaches a console at once, after its record (so a sink can flush what it holds first).
        if (c.hostOutputDirect && s === 'information' && isHostRecord(v)) c.host.ui.write(toStr(v.messageData) + (v.noNewline === true ? '' : '\n'));
      },
    };
    c.out = out;
    c.streams = streams;

    let terminatingError: ErrorRecord | null = null;
    let exitCode: number | null = null;
    let stopped = false;
    let hadErrors = false;
    try {
      const isGlobal = request.scope === 'global';
      const extra: Record<string, unknown> = {};
      if (!isGlobal && request.file !== undefined) {
        extra.PSScriptRoot = file.slice(0, Math.max(file.lastIndexOf('/'), 0)) || '/';
        extra.PSCommandPath = file;
        extra.MyInvocation = PSObject.fromEntries([['MyCommand', file.split('/').pop() ?? file], ['ScriptName', file], ['PSScriptRoot', extra.PSScriptRoot], ['PSCommandPath', file], ['InvocationName', file], ['Line', '']]);
      }
      const cmd = new ScriptCommand(c, {
        name: file, compiled: compileScriptBlock(ast, file), out, streams, dotSource: isGlobal,
        args: (request.args ?? []).map((value) => (request.commandLineArgs ? commandLineArgument(value) : { name: null, value, hasValue: false })),
        expectsInput: request.input !== undefined, scriptFile: null, scriptScope: !isGlobal, extraVariables: isGlobal ? undefined : extra,
      });
      runToEnd(c, cmd, request.input);
    } catch (e) {
      if (e instanceof ExitSignal) {
        exitCode = e.code;
        this.global.set('LASTEXITCODE', e.code, 'lastexitcode');
        c.status = e.code === 0;
      } else if (e instanceof PipelineStoppedError) {
        stopped = true;
      } else {
        const err = asRuntimeError(e);
        if (err !== null) {
          terminatingError = visibleRecord(err);
          if (terminatingError.position === null && err.errorRecord.position !== null) terminatingError.position = err.errorRecord.position;
          if (c.errors[0] !== terminatingError) c.recordError(terminatingError);
          c.status = false;
        }
        // break/continue outside a loop and a top-level return simply end the script.
      }
    } finally {
      hadErrors = c.hadErrors;
      c.sink = saved.sink;
      c.scope = saved.scope;
      c.out = saved.out;
      c.streams = saved.streams;
      c.using = saved.using;
      c.hadErrors = saved.hadErrors;
      c.tryDepth = saved.tryDepth;
      setMemberContext(previousMembers);
      if (stopped) Atomics.store(this.stopFlag, 0, 0);
    }
    return { hadErrors: hadErrors || terminatingError !== null, terminatingError, exitCode, parseErrors: [], stopped };
  }
}

/**
 * One word of a command line as pwsh -File binds it: `-Name` names a parameter (its value is
 * the next word, or none for a switch), `-Name:value` carries its value (`-Force:$false` too),
 * anything else is positional.
 */
function commandLineArgument(word: unknown): { name: string | null; value: unknown; hasValue: boolean } {
  const m = typeof word === 'string' ? /^-([A-Za-z_?][\w-]*)(:(.*))?$/s.exec(word) : null;
  if (m === null) return { name: null, value: word, hasValue: false };
  if (m[2] === undefined) return { name: m[1], value: null, hasValue: false };
  const text = m[3];
  const value = /^\$true$/i.test(text) ? true : /^\$false$/i.test(text) ? false : text;
  return { name: m[1], value, hasValue: true };
}
