// pwsh-compatible command-line parsing: flags are case-insensitive and accept any unambiguous
// prefix (`-nop`, `-c`, `-f`), a first bare argument is the script file, and everything after
// the file or command belongs to the script.

export type CliMode =
  | { readonly kind: 'file'; readonly path: string; readonly args: readonly string[] }
  | { readonly kind: 'command'; readonly text: string; readonly args: readonly string[] }
  | { readonly kind: 'repl' }
  | { readonly kind: 'version' }
  | { readonly kind: 'help' }
  | { readonly kind: 'sshs' }
  | { readonly kind: 'serve'; readonly args: readonly string[] }
  | { readonly kind: 'test'; readonly args: readonly string[] }
  | { readonly kind: 'demo' }
  | { readonly kind: 'error'; readonly message: string };

export interface CliOptions {
  readonly mode: CliMode;
  readonly noProfile: boolean;
  readonly noLogo: boolean;
  readonly nonInteractive: boolean;
}

// pwsh resolves prefixes against its full flag list; the order breaks ties the way pwsh does
// (`-c` is Command, `-f` is File, `-v` is Version).
const FLAGS = [
  'command', 'file', 'version', 'noprofile', 'nologo', 'noninteractive', 'noexit', 'help',
  'sshserver', 'sshs', 'executionpolicy', 'inputformat', 'outputformat', 'workingdirectory', 'interactive',
] as const;
type Flag = (typeof FLAGS)[number];

function matchFlag(arg: string): Flag | null {
  const name = arg.replace(/^--?/, '').toLowerCase();
  if (name === '?' || name === 'h') return 'help';
  if (name === 'sshs') return 'sshs';
  const exact = FLAGS.find((f) => f === name);
  if (exact) return exact;
  return FLAGS.find((f) => name.length > 0 && f.startsWith(name)) ?? null;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  let noProfile = false;
  let noLogo = false;
  let nonInteractive = false;
  const done = (mode: CliMode): CliOptions => ({ mode, noProfile, noLogo, nonInteractive });
  if (argv[0] === 'serve') return done({ kind: 'serve', args: argv.slice(1) });
  if (argv[0] === 'test') return done({ kind: 'test', args: argv.slice(1) });
  if (argv[0] === 'demo') return done({ kind: 'demo' });
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-') || arg === '-') {
      return done({ kind: 'file', path: arg, args: argv.slice(i + 1) });
    }
    const flag = matchFlag(arg);
    switch (flag) {
      case 'noprofile': noProfile = true; break;
      case 'nologo': noLogo = true; break;
      case 'noninteractive': nonInteractive = true; break;
      case 'noexit': case 'interactive': break;
      case 'version': return done({ kind: 'version' });
      case 'help': return done({ kind: 'help' });
      case 'sshs': case 'sshserver': return done({ kind: 'sshs' });
      case 'executionpolicy': case 'inputformat': case 'outputformat': case 'workingdirectory':
        i++;
        break;
      case 'file': {
        const path = argv[i + 1];
        if (path === undefined) return done({ kind: 'error', message: "The argument for parameter '-File' is missing." });
        return done({ kind: 'file', path, args: argv.slice(i + 2) });
      }
      case 'command': {
        const rest = argv.slice(i + 1);
        if (rest.length === 0) return done({ kind: 'error', message: "Missing the argument for parameter '-Command'." });
        return done({ kind: 'command', text: rest.join(' '), args: [] });
      }
      case null:
        return done({ kind: 'error', message: `The argument '${arg}' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.` });
    }
  }
  return done({ kind: 'repl' });
}
