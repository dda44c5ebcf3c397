// Finding PSSessions the way the session cmdlets' -Session, -Id, -Name, -InstanceId and
// -ComputerName parameters do, with PowerShell's errors when nothing matches.

import type { BoundParameters, CmdletContext } from '../../runtime/cmdlet.js';
import { toStr } from '../../runtime/convert.js';
import { ErrorRecord } from '../../runtime/error-record.js';
import { PSObject } from '../../runtime/values.js';
import { wildcardToRegExp } from '../../runtime/wildcard.js';
import { PSSession, sessionsOf } from './pssession.js';

export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.flat() : [value];
}

function unwrap(value: unknown): unknown {
  return value instanceof PSObject && value.baseObject !== null ? value.baseObject : value;
}

/** PSSession objects among the values (others are reported as not being sessions). */
export function sessionValues(ctx: CmdletContext, value: unknown): PSSession[] {
  const out: PSSession[] = [];
  for (const v of asList(value).map(unwrap)) {
    if (v instanceof PSSession) out.push(v);
    else {
      ctx.writeError(ErrorRecord.fromMessage(
        `Cannot bind parameter 'Session'. Cannot convert the "${toStr(v)}" value of type "${v === null ? 'null' : typeof v}" to type "System.Management.Automation.Runspaces.PSSession".`,
        `CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.${ctx.commandName.replace('-', '')}Command`, 'InvalidArgument', v, 'System.Management.Automation.ParameterBindingException'));
    }
  }
  return out;
}

function notAvailable(ctx: CmdletContext, message: string, errorId: string, target: unknown): void {
  ctx.writeError(ErrorRecord.fromMessage(message, `${errorId},Microsoft.PowerShell.Commands.${ctx.commandName.replace('-', '')}Command`, 'InvalidArgument', target, 'System.ArgumentException'));
}

/**
 * The sessions named by -Session, -Id, -Name, -InstanceId or -ComputerName (the first one
 * given), or every session when none is; an unmatched Id, Name or InstanceId is an error.
 */
export function selectSessions(ctx: CmdletContext, params: BoundParameters): PSSession[] {
  const all = sessionsOf(ctx).all();
  if (params.Session !== undefined) return sessionValues(ctx, params.Session);
  if (params.Id !== undefined) {
    return asList(params.Id).flatMap((id) => {
      const found = all.filter((s) => s.Id === Number(id));
      if (found.length === 0) notAvailable(ctx, `The remote session with the session ID ${toStr(id)} is not available.`, 'RemoteRunspaceNotAvailableForSpecifiedSessionId', id);
      return found;
    });
  }
  if (params.Name !== undefined) {
    return asList(params.Name).flatMap((name) => {
      const pattern = wildcardToRegExp(toStr(name));
      const found = all.filter((s) => pattern.test(s.Name));
      if (found.length === 0 && !/[*?[]/.test(toStr(name))) notAvailable(ctx, `The remote session with the name ${toStr(name)}  is not available.`, 'RemoteRunspaceNotAvailableForSpecifiedName', name);
      return found;
    });
  }
  if (params.InstanceId !== undefined) {
    return asList(params.InstanceId).flatMap((id) => {
      const found = all.filter((s) => s.InstanceId.toLowerCase() === toStr(id).toLowerCase());
      if (found.length === 0) notAvailable(ctx, `Remote session is not available for ${toStr(id)}.`, 'RemoteRunspaceNotAvailableForSpecifiedRunspaceId', id);
      return found;
    });
  }
  if (params.ComputerName !== undefined) {
    return asList(params.ComputerName).flatMap((name) => {
      const pattern = wildcardToRegExp(toStr(name));
      return all.filter((s) => pattern.test(s.ComputerName));
    });
  }
  return [...all];
}
