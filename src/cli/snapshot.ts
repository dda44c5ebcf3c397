// Entry of psh's V8 start-up snapshot: at build time it loads the whole engine and has Chevrotain
// analyse the grammar (the two most expensive parts of a start), so a process started from the
// snapshot begins with both done. snapshot-build.ts bundles this file as one CommonJS script,
// as Node's --build-snapshot requires, and the launcher (psh.sh) starts Node from the blob.

import * as v8 from 'node:v8';
import { pathToFileURL } from 'node:url';
import pc from 'picocolors';
import { buildParsersCompletely } from '../language/parser.js';
import { start } from './cli.js';
import { restoreLauncherEnvironment } from './launcher-environment.js';
import { warmUpEngine } from './snapshot-warm-up.js';

declare global {
  // The bundle reads import.meta.url from here: a snapshot is built in one place and may run
  // from another, so module URLs (worker scripts, ssh2) are only known once it starts.
  var __pshModuleUrl: string | undefined;
}

// Lookahead is otherwise computed per production on first use: here it is all done once.
buildParsersCompletely();
warmUpEngine();

v8.startupSnapshot.setDeserializeMainFunction(() => {
  // The launcher passes the bundle's main.js as argv[1], so worker scripts resolve beside it.
  globalThis.__pshModuleUrl = pathToFileURL(process.argv[1] ?? '').href;
  restoreLauncherEnvironment();
  // picocolors decides on colour when it loads, which for the snapshot was at build time:
  // decide again, by its rule, for the terminal and environment psh runs in now.
  const { env, argv, stdout } = process;
  const color = !(env.NO_COLOR || argv.includes('--no-color')) &&
    Boolean(env.FORCE_COLOR || argv.includes('--color') || process.platform === 'win32' || (stdout.isTTY && env.TERM !== 'dumb') || env.CI);
  Object.assign(pc, pc.createColors(color));
  start(process.argv.slice(2));
});
