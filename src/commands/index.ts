// The core cmdlets every runspace has: output streams, objects in the pipeline, files and
// locations, variables, conversions (JSON, CSV), text search, processes and small utilities.

import type { CmdletDefinition } from '../runtime/cmdlet.js';
import { compareObject } from './compare-object.js';
import { contentCommands } from './content.js';
import { forEachObject } from './foreach-object.js';
import { getMember } from './get-member.js';
import { groupObject } from './group-object.js';
import { measureObject } from './measure-object.js';
import { newObject } from './new-object.js';
import { outFile, outNull } from './out-file.js';
import { outputCommands } from './output.js';
import { getUnique, selectObject } from './select-object.js';
import { sortObject } from './sort-object.js';
import { teeObject } from './tee-object.js';
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
  compareObject,
  teeObject,
  getMember,
  newObject,
  ...contentCommands,
  outFile,
  outNull,
];
