// The session cmdlets: PSSessions, Invoke-Command and interactive sessions.

import type { CmdletDefinition } from '../../runtime/cmdlet.js';

export const sessionCommands: CmdletDefinition[] = [];
