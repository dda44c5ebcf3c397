// The state a running pipeline shares with every compiled closure: the current scope and output
// pipe, where each stream goes, the error list and `$?`, the stop flag and the functions and
// commands of the runspace. One ExecutionContext per runspace; closures save and restore the
// fields they change, so nested pipelines and function calls interleave safely.

import type { Extent } from '../language/ast.js';
import type { CmdletDefinition } from './cmdlet.js';
import { toStr } from './convert.js';
import { ErrorRecord, PSException } from './error-record.js';
import { PipelineStoppedError, RuntimeError } from './exceptions.js';
import type { Host } from './host.js';
import type { Scope } from './scope.js';
import type { InformationPayload, StreamKind, StreamRecord } from './streams.js';

/** Where a command's output objects go: the next command's input, a collector, or the sink. */
export interface Pipe {
  write(value: unknown): void;
}

/** Non-output streams of one command, possibly redirected (`2>&1`, `3> file`). */
export interface StreamRouter {
  write(stream: Exclude<StreamKind, 'output'>, value: unknown): void;
}

export class Collector implements Pipe {
  readonly items: unknown[] = [];
  write(value: unknown): void {
    this.items.push(value);
  }
}

export type Preference = 'continue' | 'silentlycontinue' | 'stop' | 'ignore' | 'inquire' | 'suspend' | 'break';

export function preferenceOf(value: unknown, fallback: Preference): Preference {
  if (value === null || value === undefined) return fallback;
  const s = toStr(value).toLowerCase();
  switch (s) {
    case 'continue': case 'silentlycontinue': case 'stop': case 'ignore': case 'inquire': case 'suspend': case 'break': return s;
  }
  return fallback;
}

const STOP_MESSAGE = 'The running command stopped because the preference variable "ErrorActionPreference" or common parameter is set to Stop: ';

export class ExecutionContext {
  scope: Scope;
  out: Pipe;
  streams: StreamRouter;
  /** `$?` */
  status = true;
  /** > 0 while inside a try body: statement-terminating errors then go to the catch. */
  tryDepth = 0;
  using: Readonly<Record<string, unknown>> = {};
  /** `using namespace` names, tried in front of type names that do not resolve alone; kept for the session. */
  readonly usingNamespaces: string[] = [];
  /** Source text by file name, for the line text in error positions. */
  readonly sources = new Map<string, string>();
  readonly errors: ErrorRecord[] = [];
  readonly cmdlets = new Map<string, CmdletDefinition>();
  readonly aliases = new Map<string, string>();
  readonly env: Record<string, string>;
  location: string;
  private seq = 0;
  sink: (record: StreamRecord) => void = () => {};
  hadErrors = false;
  /** Errors written so far: a pipeline during which any was written leaves `$?` false. */
  errorCount = 0;

  constructor(
    readonly host: Host,
    global: Scope,
    readonly stopFlag: Int32Array | null,
    readonly hostOutputDirect: boolean,
    readonly services: Map<string, unknown>,
    location: string,
  ) {
    this.scope = global;
    this.env = { ...host.environment };
    this.location = location;
    this.out = { write: (v) => this.emit('output', v) };
    this.streams = { write: (s, v) => this.emit(s, v) };
  }

  emit(stream: StreamKind, value: unknown): void {
    this.sink({ stream, seq: ++this.seq, value });
  }

  checkStop(): void {
    if (this.stopFlag !== null && Atomics.load(this.stopFlag, 0) !== 0) throw new PipelineStoppedError();
    if (this.onTick !== null && (++this.ticks & 1023) === 0) this.onTick();
  }

  /**
   * Called every 1024th stop check, so a host can do timed work (a job's worker sending the
   * records it holds back) while a pipeline computes without writing, sleeping or ending.
   */
  onTick: (() => void) | null = null;
  private ticks = 0;

  variable(name: string): unknown {
    const v = this.scope.lookup(name);
    return v === undefined ? null : v.value;
  }

  preference(name: string, fallback: Preference): Preference {
    return preferenceOf(this.variable(name), fallback);
  }

  /** Records an error in `$Error` (newest first). */
  recordError(record: ErrorRecord): void {
    this.errors.unshift(record);
    if (this.errors.length > 256) this.errors.length = 256;
  }

  /**
   * A non-terminating error under the given ErrorAction: Stop turns it into a terminating
   * ActionPreferenceStopException, SilentlyContinue only records it, Ignore drops it.
   */
  writeError(record: ErrorRecord, action: Preference, router: StreamRouter = this.streams): void {
    this.status = false;
    this.errorCount++;
    switch (action) {
      case 'ignore': return;
      case 'stop': {
        this.recordError(record);
        const stop = new RuntimeError(new ErrorRecord(
          new PSException('System.Management.Automation.ActionPreferenceStopException', STOP_MESSAGE + record.message),
          record.FullyQualifiedErrorId, record.category, record.TargetObject));
        stop.errorRecord.position = record.position;
        stop.scriptTerminating = true;
        stop.inner = record;
        throw stop;
      }
      case 'silentlycontinue': this.recordError(record); return;
      default:
        this.recordError(record);
        this.hadErrors = true;
        router.write('error', record);
    }
  }

  /** Warning/verbose/debug/information under their preference (or the command's override). */
  writeInformational(stream: 'warning' | 'verbose' | 'debug' | 'information', value: unknown, pref: Preference, router: StreamRouter = this.streams): void {
    if (pref === 'silentlycontinue' || pref === 'ignore') return;
    if (pref === 'stop') {
      throw RuntimeError.create(`The running command stopped because the preference variable "${stream[0].toUpperCase() + stream.slice(1)}Preference" or common parameter is set to Stop: ${toStr(informationText(value))}`,
        'ActionPreferenceStop', 'OperationStopped', 'System.Management.Automation.ActionPreferenceStopException');
    }
    router.write(stream, value);
  }

  /** Fills in where an error happened, the first time it is seen. */
  position(record: ErrorRecord, extent: Extent | null, commandName: string | null): ErrorRecord {
    if (record.position === null && extent !== null) {
      record.position = { extent, lineText: this.lineText(extent), commandName };
    }
    return record;
  }

  /** A PowerShell path (relative, `~`, `.`/`..`) as an absolute path against the current location. */
  resolvePath(path: string): string {
    let p = path.replace(/\\/g, '/');
    const drive = /^([A-Za-z]):(?=\/|$)/.exec(p);
    if (drive) p = this.windowsPath(this.driveRoot(drive[1]), p.slice(2));
    else if (p === '~' || p.startsWith('~/')) p = this.host.homeDirectory + p.slice(1);
    else if (!p.startsWith('/')) p = this.location + '/' + p;
    const parts: string[] = [];
    for (const part of p.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') parts.pop();
      else parts.push(part);
    }
    return '/' + parts.join('/');
  }

  /**
   * Scripts written for Windows name files on drive letters (`c:\logs\PsLog.txt`). On Linux each
   * letter is a directory: $env:PSH_DRIVE_C, else <data directory>/drives/C, made on first use.
   */
  private driveRoot(letter: string): string {
    const name = letter.toUpperCase();
    const root = this.host.environment[`PSH_DRIVE_${name}`] || `${this.host.dataDirectory}/drives/${name}`;
    if (!this.host.fs.exists(root)) this.host.fs.makeDir(root, true);
    return root;
  }

  /** Windows file names ignore case: each part matches an existing entry whatever its case. */
  private windowsPath(root: string, rest: string): string {
    let dir = root;
    for (const part of rest.split('/')) {
      if (part === '' || part === '.' || part === '..') {
        dir += '/' + part;
        continue;
      }
      let name = part;
      if (!this.host.fs.exists(`${dir}/${part}`)) {
        try {
          name = this.host.fs.readDir(dir).find((e) => e.toLowerCase() === part.toLowerCase()) ?? part;
        } catch {
          name = part;
        }
      }
      dir += '/' + name;
    }
    return dir;
  }

  lineText(extent: Extent): string {
    const text = this.sources.get(extent.file);
    if (text === undefined) return '';
    const lines = text.split(/\r?\n/);
    return lines.slice(extent.startLine - 1, extent.endLine).join('\n');
  }
}

function informationText(value: unknown): unknown {
  return value !== null && typeof value === 'object' && 'messageData' in value ? (value as InformationPayload).messageData : value;
}
