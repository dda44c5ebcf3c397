// Cmdlets are declarative: a definition lists parameters and parameter sets as data, and one
// binder (runtime/binder) serves cmdlets, advanced functions and scripts alike. Adding a cmdlet
// is adding a file that exports a CmdletDefinition; the binder is never touched for it.

import type { Extent } from '../language/ast.js';
import type { ErrorRecord } from './error-record.js';
import type { Host } from './host.js';
import type { ScriptBlock } from './values.js';

/**
 * Parameter types the binder converts to, by PowerShell's names: 'string', 'string[]', 'int',
 * 'int[]', 'long', 'double', 'bool', 'switch', 'object', 'object[]', 'scriptblock', 'hashtable',
 * 'datetime', 'timespan', 'psobject', or any type name the runtime's conversions know.
 */
export type ParameterType = string;

export interface ParameterDefinition {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly type: ParameterType;
  /** Parameter set names this parameter belongs to; absent means all sets. */
  readonly parameterSets?: readonly string[];
  /** Per-set overrides of the attributes below, when they differ between sets. */
  readonly position?: number;
  readonly mandatory?: boolean | readonly string[];
  readonly valueFromPipeline?: boolean;
  readonly valueFromPipelineByPropertyName?: boolean;
  readonly valueFromRemainingArguments?: boolean;
  readonly validateSet?: readonly string[];
}

/** A parameter as `(Get-Command X).Parameters` describes it. */
export interface ParameterSummary {
  readonly name: string;
  /** .NET type name; switches are SwitchParameter, untyped ones Object. */
  readonly type: string;
  readonly aliases: readonly string[];
  readonly isSwitch: boolean;
}

export type BoundParameters = Record<string, unknown>;

export interface CmdletInstance {
  begin?(params: BoundParameters): void;
  /** Called once per pipeline input object (the binder rebinds pipeline parameters first),
   * or once with no input when the command is first in the pipeline. */
  process?(params: BoundParameters): void;
  end?(params: BoundParameters): void;
}

export interface CmdletDefinition {
  /** Verb-Noun, as PowerShell spells it. */
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly parameters: readonly ParameterDefinition[];
  readonly defaultParameterSet?: string;
  /** Called once per invocation; state kept between begin/process/end lives in the closure. */
  create(ctx: CmdletContext): CmdletInstance;
}

export type InformationStream = 'warning' | 'verbose' | 'debug' | 'information';

export interface InvokeOptions {
  readonly args?: readonly unknown[];
  /** Pipeline input: the script block's process block runs once per item with $_ set. */
  readonly input?: readonly unknown[];
  /** Value of $_ for a single call (ForEach-Object, Where-Object, calculated properties). */
  readonly dollarUnder?: unknown;
  /** Run in the caller's scope (dot-sourcing) instead of a new child scope. */
  readonly dotSource?: boolean;
  /** Extra variables defined in the new scope. */
  readonly variables?: Readonly<Record<string, unknown>>;
}

/** What a cmdlet sees of the runspace it runs in. */
export interface SessionStateAccess {
  getVariable(name: string): unknown;
  setVariable(name: string, value: unknown, scope?: 'global' | 'script' | 'local'): void;
  hasVariable(name: string): boolean;
  removeVariable(name: string): boolean;
  /** Current location (provider path, e.g. /home/me). */
  readonly location: string;
  setLocation(path: string): void;
  /** Resolves a PowerShell path (relative, `~`, `.`/`..`) against the current location. */
  resolvePath(path: string): string;
  /** Invokes a script block, streaming its output objects to `emit` (or collecting when absent). */
  invoke(block: ScriptBlock, options?: InvokeOptions, emit?: (value: unknown) => void): unknown[];
  /** Runs script text in this runspace as if typed (Invoke-Expression). */
  invokeText(text: string, emit?: (value: unknown) => void): unknown[];
  /** Values of every `$using:name` in a block, read in the caller's scope; keys lower-cased (Start-Job, Invoke-Command). */
  getUsingValues(block: ScriptBlock): Record<string, unknown>;
  /** Set-Alias / New-Alias. */
  setAlias(name: string, target: string): void;
  /** What a command name resolves to (Get-Command), or null. */
  resolveCommand(name: string): {
    readonly name: string;
    readonly commandType: 'Alias' | 'Function' | 'Filter' | 'Cmdlet' | 'ExternalScript' | 'Application';
    readonly definition: string;
    /** Functions, filters and cmdlets: their parameters, common ones included where they take them. */
    readonly parameters?: () => readonly ParameterSummary[];
  } | null;
  /** Names of the functions visible from the current scope. */
  functionNames(): string[];
}

export interface CmdletContext {
  readonly host: Host;
  readonly session: SessionStateAccess;
  /** The parameter set the binder chose. */
  readonly parameterSetName: string;
  /** Names of the parameters given explicitly (PowerShell's $PSBoundParameters keys). */
  readonly boundParameterNames: ReadonlySet<string>;
  /** Where the command was invoked, for error positions. */
  readonly extent: Extent | null;
  readonly commandName: string;
  /** Writes to the output stream; arrays are written as one object unless `enumerate`. */
  writeObject(value: unknown, enumerate?: boolean): void;
  /** Non-terminating error; honours -ErrorAction/$ErrorActionPreference. */
  writeError(error: ErrorRecord): void;
  writeStream(stream: InformationStream, value: unknown): void;
  writeProgress(record: unknown): void;
  /** Write-Host and friends: text to the host, also recorded in the information stream. */
  writeHost(text: string, options?: { noNewline?: boolean; foregroundColor?: string; backgroundColor?: string }): void;
  /** Stops the pipeline with a terminating error. */
  throwTerminatingError(error: ErrorRecord): never;
  /** Throws PipelineStoppedException when the pipeline was asked to stop (Ctrl+C, Stop-Job). */
  checkStop(): void;
  /** The command wants no more input: stops the commands before it in the pipeline (no-op when first). */
  stopUpstreamCommands(): void;
  /** Shared per-runspace services registered by other modules (job repository, sessions ...). */
  service<T>(name: string): T;
}
