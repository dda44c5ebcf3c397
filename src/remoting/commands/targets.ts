// The computers a session cmdlet was asked to reach: -ComputerName names (ssh_config aliases
// such as Server01) or -HostName [user@]host[:port], with -Port, -UserName and -KeyFilePath.

import type { BoundParameters } from '../../runtime/cmdlet.js';
import { toStr } from '../../runtime/convert.js';
import { parseHostName, type ConnectionTarget } from '../connect.js';
import { asList } from './session-selection.js';

export const TARGET_PARAMETERS = [
  { name: 'HostName', type: 'string[]' },
  { name: 'Port', type: 'int' },
  { name: 'UserName', type: 'string' },
  { name: 'KeyFilePath', aliases: ['IdentityFilePath'], type: 'string' },
  { name: 'SSHTransport', type: 'switch' },
] as const;

export function connectionTargets(params: BoundParameters, computerNames: readonly unknown[]): ConnectionTarget[] {
  const port = params.Port === undefined ? null : Number(params.Port);
  const user = params.UserName === undefined ? null : toStr(params.UserName);
  const key = params.KeyFilePath === undefined ? null : toStr(params.KeyFilePath);
  const names = [...computerNames, ...asList(params.HostName)].map(toStr);
  return names.map((n) => parseHostName(n, user, port, key));
}
