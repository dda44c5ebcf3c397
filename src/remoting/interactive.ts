// Enter-PSSession needs an interactive host: the REPL registers this service
// ('interactiveSession') and, while a session is pushed, runs each line in it and shows
// `[Server01]: PS /path> `. `exit` in a pushed session behaves as Exit-PSSession.

import type { DotNetObject } from '../runtime/values.js';
import type { RunspaceClient } from './client.js';

export interface PushedSession {
  readonly client: RunspaceClient;
  /** The PSSession entered, or null for a temporary connection (Enter-PSSession -ComputerName). */
  readonly session: DotNetObject | null;
  readonly temporary: boolean;
}

export interface InteractiveSessionService {
  /** Makes the REPL run lines in `client`; a temporary client is closed when popped. */
  push(client: RunspaceClient, session: DotNetObject | null, temporary: boolean): void;
  /** Returns to the previous (local) prompt. */
  pop(): void;
  readonly current: PushedSession | null;
}

export const INTERACTIVE_SESSION_SERVICE = 'interactiveSession';
