// `$PSCmdlet` in advanced functions: the parameter set the binder chose and the cmdlet methods
// scripts call (WriteObject, WriteError, ThrowTerminatingError, ShouldProcess ...), acting on
// the function's own output and streams at the time of the call.

import type { ExecutionContext } from './context.js';
import { toStr } from './convert.js';
import { ErrorRecord } from './error-record.js';
import { RuntimeError } from './exceptions.js';
import { DotNetObject } from './values.js';

export class ScriptCmdlet extends DotNetObject {
  constructor(
    private readonly c: ExecutionContext,
    readonly ParameterSetName: string,
    readonly MyInvocation: unknown,
    private readonly whatIf: boolean,
  ) {
    super();
  }

  get psTypeNames(): readonly string[] {
    return ['System.Management.Automation.PSScriptCmdlet', 'System.Management.Automation.PSCmdlet', 'System.Object'];
  }

  psPropertyNames(): readonly string[] {
    return ['ParameterSetName', 'MyInvocation'];
  }

  override psMethodNames(): readonly string[] {
    return ['WriteObject', 'WriteError', 'ThrowTerminatingError', 'WriteVerbose', 'WriteWarning', 'WriteDebug', 'ShouldProcess', 'ShouldContinue'];
  }

  WriteObject(value: unknown, enumerate = false): void {
    if (enumerate && Array.isArray(value)) for (const v of value) this.c.out.write(v);
    else this.c.out.write(value ?? null);
  }

  WriteError(record: unknown): void {
    const r = record instanceof ErrorRecord ? record : ErrorRecord.fromMessage(toStr(record), 'Microsoft.PowerShell.Commands.WriteErrorException', 'NotSpecified', record);
    this.c.writeError(r, this.c.preference('erroractionpreference', 'continue'));
  }

  ThrowTerminatingError(record: unknown): never {
    const r = record instanceof ErrorRecord ? record : ErrorRecord.fromMessage(toStr(record), 'ScriptHalted', 'OperationStopped', record);
    throw new RuntimeError(r);
  }

  WriteVerbose(text: unknown): void {
    this.c.writeInformational('verbose', toStr(text), this.c.preference('verbosepreference', 'silentlycontinue'));
  }

  WriteWarning(text: unknown): void {
    this.c.writeInformational('warning', toStr(text), this.c.preference('warningpreference', 'continue'));
  }

  WriteDebug(text: unknown): void {
    this.c.writeInformational('debug', toStr(text), this.c.preference('debugpreference', 'silentlycontinue'));
  }

  /** With -WhatIf: tells what would happen (on the host) and answers no. */
  ShouldProcess(target: unknown, action?: unknown): boolean {
    if (!this.whatIf) return true;
    const what = action === undefined ? `Performing the operation "${toStr(this.MyInvocation)}" on target "${toStr(target)}".` : `Performing the operation "${toStr(action)}" on target "${toStr(target)}".`;
    this.c.streams.write('information', { messageData: `What if: ${what}`, tags: ['PSHOST'], isHost: true });
    return false;
  }

  ShouldContinue(): boolean {
    return true;
  }

  toString(): string {
    return toStr(this.MyInvocation);
  }
}
