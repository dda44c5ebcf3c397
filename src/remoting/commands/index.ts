// The session cmdlets: PSSessions, Invoke-Command and interactive sessions.

import type { CmdletDefinition } from '../../runtime/cmdlet.js';
import { connectPSSessionCommand, disconnectPSSessionCommand, receivePSSessionCommand } from './disconnected-sessions.js';
import { enterPSSessionCommand, exitPSSessionCommand } from './enter-pssession.js';
import { getPSSessionCommand } from './get-pssession.js';
import { invokeCommandCommand } from './invoke-command.js';
import { newPSSessionCommand } from './new-pssession.js';
import { SESSIONS_SERVICE, SessionRepository } from './pssession.js';
import { removePSSessionCommand } from './remove-pssession.js';

export const sessionCommands: CmdletDefinition[] = [
  newPSSessionCommand, getPSSessionCommand, removePSSessionCommand, invokeCommandCommand,
  enterPSSessionCommand, exitPSSessionCommand, disconnectPSSessionCommand, connectPSSessionCommand, receivePSSessionCommand,
];

/** Registers the runspace's session repository (service 'sessions'). */
export function installSessionServices(runspace: { registerService(name: string, service: unknown): void }): void {
  runspace.registerService(SESSIONS_SERVICE, new SessionRepository());
}

export { PSSession, SessionRepository } from './pssession.js';
