// The core cmdlets every runspace has: output streams, objects in the pipeline, files and
// locations, variables, conversions (JSON, CSV), text search, processes and small utilities.

import type { CmdletDefinition } from '../runtime/cmdlet.js';
import { outputCommands } from './output.js';

export const coreCommands: readonly CmdletDefinition[] = [
  ...outputCommands,
];
