// The core cmdlets every runspace has: output streams, objects in the pipeline, files and
// locations, variables, conversions (JSON, CSV), text search, processes and small utilities.

import type { CmdletDefinition } from '../runtime/cmdlet.js';
import { commandInfoCommands } from './command-info.js';
import { compareObject } from './compare-object.js';
import { contentCommands } from './content.js';
import { csvCommands } from './csv.js';
import { forEachObject } from './foreach-object.js';
import { getMember } from './get-member.js';
import { groupObject } from './group-object.js';
import { itemCommands } from './item.js';
import { jsonCommands } from './json.js';
import { locationCommands } from './location.js';
import { measureObject } from './measure-object.js';
import { measureCommand } from './measure-command.js';
import { newObject } from './new-object.js';
import { outFile, outNull } from './out-file.js';
import { outputCommands } from './output.js';
import { pathCommands } from './path.js';
import { getProcess } from './process.js';
import { getUnique, selectObject } from './select-object.js';
import { selectString } from './select-string.js';
import { sortObject } from './sort-object.js';
import { teeObject } from './tee-object.js';
import { utilityCommands } from './utility.js';
import { variableCommands } from './variable.js';
import { whereObject } from './where-object.js';

export const coreCommands: readonly CmdletDefinition[] = [
  ...outputCommands,
  whereObject,
  forEachObject,
  selectObject,
  getUnique,
  sortObject,
  groupObject,
  measureObject,
  measureCommand,
  compareObject,
  teeObject,
  getMember,
  newObject,
  ...contentCommands,
  outFile,
  outNull,
  ...itemCommands,
  ...locationCommands,
  ...pathCommands,
  ...variableCommands,
  ...utilityCommands,
  ...commandInfoCommands,
  ...jsonCommands,
  ...csvCommands,
  selectString,
  getProcess,
];
