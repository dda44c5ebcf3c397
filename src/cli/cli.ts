// What the psh executable does with its arguments: runs a script file, a command, the REPL, the
// conformance test runner, the embedded SSH server (`psh serve`) or one SSH subsystem connection
// (`psh -sshs`). Kept apart from main.ts so the start-up snapshot can hold it without running it.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from './args.js';
import { runInConsole } from './console.js';
import { closeRunspace, createRunspace } from './engine.js';
import { PSH_VERSION, PS_LANGUAGE_VERSION } from './version.js';

const HELP = `Usage: psh [-NoProfile] [-NoLogo] [-NonInteractive] [[-File] <path> [args]]
       psh -Command <text> | -c <text> | -c -      (read commands from stdin)
       psh                                          (interactive shell)
       psh test <path>...                           (golden tests: x.ps1 beside x.out)
       psh serve --listen 127.0.0.1:2222 --host-key FILE --authorized-keys FILE [--data-dir DIR]
       psh -sshs                                    (SSH subsystem on stdin/stdout)
       psh demo                                     (the seed's remote jobs against two loopback servers)
       psh --version
`;

function readStdin(): string {
  try {
    return fs.readFileSync(0, 'utf8');
  } catch {
    return '';
  }
}

export async function runPsh(argv: readonly string[]): Promise<number> {
  const options = parseArgs(argv);
  const mode = options.mode;
  switch (mode.kind) {
    case 'version':
      process.stdout.write(`psh ${PSH_VERSION} (PowerShell ${PS_LANGUAGE_VERSION} language)\n`);
      return 0;
    case 'help':
      process.stdout.write(HELP);
      return 0;
    case 'error':
      process.stderr.write(mode.message + '\n' + HELP);
      return 64;
    case 'test': {
      const { runGoldenTests } = await import('./golden.js');
      return runGoldenTests(mode.args);
    }
    case 'demo': {
      const { runDemo } = await import('./demo.js');
      return runDemo();
    }
    case 'serve': {
      const { serve } = await import('./serve.js');
      return serve(mode.args);
    }
    case 'sshs': {
      const { serveStdio } = await import('./serve.js');
      return serveStdio();
    }
    case 'repl': {
      const { runRepl } = await import('./repl.js');
      return runRepl(options);
    }
    case 'command': {
      const runspace = createRunspace({ hostOutputDirect: false, logEngineEvents: true });
      const text = mode.text === '-' ? readStdin() : mode.text;
      const result = runInConsole(runspace, { script: text, file: '<command>', scope: 'global' });
      closeRunspace(runspace);
      if (result.exitCode !== null) return result.exitCode;
      if (result.parseErrors.length > 0 || result.terminatingError) return 1;
      return runspace.getVariable('?') === false ? 1 : 0;
    }
    case 'file': {
      const runspace = createRunspace({ hostOutputDirect: false, logEngineEvents: true });
      let script: string;
      let file: string;
      if (mode.path === '-') {
        script = readStdin();
        file = '<stdin>';
      } else {
        file = path.resolve(mode.path);
        try {
          script = fs.readFileSync(file, 'utf8');
        } catch {
          process.stderr.write(`The argument '${mode.path}' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.\n`);
          return 64;
        }
      }
      const result = runInConsole(runspace, { script, file, args: mode.args, commandLineArgs: true, scope: 'script' });
      closeRunspace(runspace);
      if (result.exitCode !== null) return result.exitCode;
      return result.parseErrors.length > 0 || result.terminatingError ? 1 : 0;
    }
  }
}

/** Runs psh and ends the process with its exit code. */
export function start(argv: readonly string[]): void {
  runPsh(argv).then(
    (code) => {
      // Jobs end with their runspace: leaving psh stops whatever is still running. Exit only once
      // stdout has drained, so a `-sshs` server's last frame reaches sshd.
      process.stdout.write('', () => process.exit(code));
    },
    (err: unknown) => {
      process.stderr.write(`psh: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(70);
    },
  );
}
