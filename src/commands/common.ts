// Helpers every cmdlet family shares: PowerShell-shaped error records (message, category and a
// FullyQualifiedErrorId ending in the cmdlet's .NET class name) and small parameter readers.

import type { BoundParameters, CmdletContext, ParameterDefinition } from '../runtime/cmdlet.js';
import { ErrorRecord, PSException, type ErrorCategory } from '../runtime/error-record.js';
import { toStr } from '../runtime/convert.js';

/** `Get-Content` → `Microsoft.PowerShell.Commands.GetContentCommand`, the suffix of its error ids. */
export function commandClass(cmdletName: string): string {
  return 'Microsoft.PowerShell.Commands.' + cmdletName.replace('-', '') + 'Command';
}

export function cmdletError(
  cmdletName: string,
  message: string,
  errorId: string,
  category: ErrorCategory,
  target: unknown = null,
  exceptionType = 'System.Management.Automation.RuntimeException',
): ErrorRecord {
  return new ErrorRecord(new PSException(exceptionType, message), `${errorId},${commandClass(cmdletName)}`, category, target);
}

/** "Cannot find path '/x' because it does not exist." (ItemNotFoundException, PathNotFound). */
export function pathNotFound(cmdletName: string, path: string): ErrorRecord {
  return cmdletError(cmdletName, `Cannot find path '${path}' because it does not exist.`, 'PathNotFound', 'ObjectNotFound', path,
    'System.Management.Automation.ItemNotFoundException');
}

/** A switch parameter: absent and `-X:$false` are false. */
export function flag(params: BoundParameters, name: string): boolean {
  return params[name] === true;
}

/** An optional parameter's value, null when not bound. */
export function opt<T>(params: BoundParameters, name: string): T | null {
  const v = params[name];
  return v === undefined ? null : (v as T);
}

/** A parameter typed `string[]`: always an array (empty when not bound). */
export function strings(params: BoundParameters, name: string): string[] {
  const v = params[name];
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v.map(toStr) : [toStr(v)];
}

/** A parameter typed `object[]` as a list; $null binds as one $null item. */
export function items(params: BoundParameters, name: string): unknown[] {
  const v = params[name];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

export { ioMessage } from '../runtime/io-errors.js';
import { ioMessage } from '../runtime/io-errors.js';
import { PipelineStoppedError, RuntimeError } from '../runtime/exceptions.js';

/**
 * Writes a non-terminating error built from an I/O failure. The engine's own exceptions pass
 * through: an error written under -ErrorAction Stop, or a stop, inside the same try block must
 * reach the caller as it is, not come back as an I/O error wrapping its message.
 */
export function writeIoError(ctx: CmdletContext, cmdletName: string, error: unknown, path: string, errorId: string, category: ErrorCategory = 'WriteError'): void {
  if (error instanceof RuntimeError || error instanceof PipelineStoppedError) throw error;
  ctx.writeError(cmdletError(cmdletName, ioMessage(error, path), errorId, category, path, 'System.IO.IOException'));
}

/** -WhatIf and -Confirm, declared by the cmdlets that change things (SupportsShouldProcess). */
export const shouldProcessParameters: readonly ParameterDefinition[] = [
  { name: 'WhatIf', aliases: ['wi'], type: 'switch' },
  { name: 'Confirm', aliases: ['cf'], type: 'switch' },
];

/** False (after telling the host what would happen) under -WhatIf; -Confirm needs no prompt without an interactive host. */
export function shouldProcess(ctx: CmdletContext, params: BoundParameters, target: string, action: string): boolean {
  if (!flag(params, 'WhatIf')) return true;
  ctx.writeHost(`What if: Performing the operation "${action}" on target "${target}".`);
  return false;
}
