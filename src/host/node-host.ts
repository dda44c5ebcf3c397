// The real Host: Node's synchronous fs, child processes and the console. Every runspace thread
// (console, job worker, remote runspace worker) builds one of these; output goes straight to
// the file descriptors so a blocked thread's writes are never queued behind an event loop.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileStat, Host, HostFileSystem, HostProcess, HostUI, NativeResult } from '../runtime/host.js';
import { accountName } from './accounts.js';

const fileSystem: HostFileSystem = {
  readText: (p) => fs.readFileSync(p, 'utf8'),
  readBytes: (p) => fs.readFileSync(p),
  writeText(p, text, append) {
    if (append) fs.appendFileSync(p, text, 'utf8');
    else fs.writeFileSync(p, text, 'utf8');
  },
  exists: (p) => fs.existsSync(p),
  stat(p): FileStat {
    // As .NET and PowerShell's UnixStat do on Unix: a link reports its own size, times and owner,
    // and is a directory when what it points to is one (a dangling link is a file).
    const l = fs.lstatSync(p);
    const s = l.isSymbolicLink() ? (fs.statSync(p, { throwIfNoEntry: false }) ?? l) : l;
    const base = { isDirectory: s.isDirectory(), isFile: s.isFile(), size: l.size, mtimeMs: l.mtimeMs, ctimeMs: l.ctimeMs, mode: s.mode,
      owner: accountName('user', l.uid), group: accountName('group', l.gid), hardLinks: l.nlink };
    return l.isSymbolicLink() ? { ...base, linkTarget: fs.readlinkSync(p), linkMode: l.mode } : base;
  },
  readDir: (p) => fs.readdirSync(p),
  makeDir(p, recursive) {
    fs.mkdirSync(p, { recursive });
  },
  remove(p, recursive) {
    fs.rmSync(p, { recursive, force: false });
  },
  rename: (from, to) => fs.renameSync(from, to),
  copy(from, to, recursive) {
    fs.cpSync(from, to, { recursive });
  },
  realPath: (p) => fs.realpathSync(p),
  link(kind, target, p) {
    if (kind === 'symbolic') fs.symlinkSync(target, p);
    else fs.linkSync(target, p);
  },
};

function isExecutable(file: string): boolean {
  try {
    const s = fs.statSync(file);
    return s.isFile() && (s.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

function makeProcess(environment: Record<string, string>): HostProcess {
  return {
    pid: process.pid,
    platform: process.platform,
    which(name, cwd) {
      if (name.includes('/')) {
        const full = path.resolve(cwd, name);
        return isExecutable(full) ? full : null;
      }
      for (const dir of (environment.PATH ?? '').split(path.delimiter)) {
        if (!dir) continue;
        const full = path.join(dir, name);
        if (isExecutable(full)) return full;
      }
      return null;
    },
    run(file, args, options): NativeResult {
      const r = spawnSync(file, [...args], {
        cwd: options.cwd,
        env: options.env,
        input: options.input,
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      });
      if (r.error) return { stdout: '', stderr: '', exitCode: 127, error: r.error.message };
      return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', exitCode: r.status ?? (r.signal ? 128 : 1) };
    },
    runAttached(file, args, options) {
      const r = spawnSync(file, [...args], { cwd: options.cwd, env: options.env, stdio: 'inherit' });
      return r.status ?? 1;
    },
  };
}

/** Writes all of `text` to a file descriptor synchronously (pipes may accept partial writes). */
function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(fd, buf, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') return;
      throw e;
    }
  }
}

export interface NodeHostOptions {
  /** Where console output goes; defaults to stdout/stderr. */
  readonly outFd?: number;
  readonly errFd?: number;
  /** Console width override (REPL passes the terminal's). */
  readonly width?: number;
  readonly color?: boolean;
  readonly name?: string;
}

function consoleUI(options: NodeHostOptions): HostUI {
  const outFd = options.outFd ?? 1;
  // Golden tests compare one stream: PSH_ERRORS_TO_STDOUT folds the error view into stdout in order.
  const errFd = process.env.PSH_ERRORS_TO_STDOUT === '1' ? outFd : (options.errFd ?? 2);
  const tty = process.stdout.isTTY === true;
  return {
    write: (text) => writeAll(outFd, text),
    writeError: (text) => writeAll(errFd, text),
    width: options.width ?? (tty && process.stdout.columns ? process.stdout.columns : 120),
    supportsColor: options.color ?? (tty && !process.env.NO_COLOR),
    readLine(prompt) {
      writeAll(outFd, prompt);
      const buf = Buffer.alloc(1);
      let line = '';
      for (;;) {
        let n = 0;
        try {
          n = fs.readSync(0, buf, 0, 1, null);
        } catch {
          return line === '' ? null : line;
        }
        if (n === 0) return line === '' ? null : line;
        const ch = buf.toString('utf8');
        if (ch === '\n') return line.replace(/\r$/, '');
        line += ch;
      }
    },
  };
}

export function dataDirectory(env: Record<string, string | undefined>): string {
  if (env.PSH_DATA_DIR) return env.PSH_DATA_DIR;
  const base = env.XDG_DATA_HOME || path.join(env.HOME || os.homedir(), '.local', 'share');
  return path.join(base, 'psh');
}

export function createNodeHost(options: NodeHostOptions = {}): Host {
  const environment: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) environment[k] = v;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  let userName = environment.USER ?? '';
  try {
    userName = os.userInfo().username;
  } catch {
    /* no passwd entry: keep $USER */
  }
  return {
    name: options.name ?? 'ConsoleHost',
    ui: consoleUI(options),
    fs: fileSystem,
    process: makeProcess(environment),
    environment,
    homeDirectory: environment.HOME || os.homedir(),
    computerName: os.hostname(),
    userName,
    dataDirectory: dataDirectory(environment),
    now: () => Date.now(),
    monotonic: () => performance.now(),
    sleep(ms, cancel) {
      const end = performance.now() + ms;
      for (;;) {
        const left = end - performance.now();
        if (left <= 0) return false;
        if (cancel) {
          if (Atomics.load(cancel, 0) !== 0) return true;
          Atomics.wait(cancel, 0, 0, Math.min(left, 50));
          if (Atomics.load(cancel, 0) !== 0) return true;
        } else {
          Atomics.wait(sleeper, 0, 0, left);
        }
      }
    },
  };
}
