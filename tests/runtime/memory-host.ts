// An in-memory Host for evaluator tests: a Map-backed file system, captured console output,
// a fixed clock and no processes (every `which` misses unless a fake program is registered).

import type { FileStat, Host, NativeResult } from '../../src/runtime/host.js';

export interface FakeProgram {
  (args: readonly string[], input: string | undefined): NativeResult;
}

export interface MemoryHost extends Host {
  readonly files: Map<string, string>;
  readonly output: string[];
  readonly errorOutput: string[];
  readonly programs: Map<string, FakeProgram>;
}

function enoent(path: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, '${path}'`), { code: 'ENOENT' });
}

export function createMemoryHost(files: Record<string, string> = {}): MemoryHost {
  const fileMap = new Map(Object.entries(files));
  const dirs = new Set<string>(['/', '/home', '/home/test', '/tmp']);
  const output: string[] = [];
  const errorOutput: string[] = [];
  const programs = new Map<string, FakeProgram>();
  const stat = (path: string): FileStat => {
    if (fileMap.has(path)) return { isDirectory: false, isFile: true, size: fileMap.get(path)!.length, mtimeMs: 0, ctimeMs: 0, mode: 0o644 };
    if (dirs.has(path)) return { isDirectory: true, isFile: false, size: 0, mtimeMs: 0, ctimeMs: 0, mode: 0o755 };
    throw enoent(path);
  };
  return {
    name: 'MemoryHost',
    files: fileMap,
    output,
    errorOutput,
    programs,
    ui: {
      write: (t) => void output.push(t),
      writeError: (t) => void errorOutput.push(t),
      width: 120,
      supportsColor: false,
    },
    fs: {
      readText(path) {
        const t = fileMap.get(path);
        if (t === undefined) throw enoent(path);
        return t;
      },
      readBytes(path) {
        return new TextEncoder().encode(this.readText(path));
      },
      writeText(path, text, append) {
        fileMap.set(path, (append ? fileMap.get(path) ?? '' : '') + text);
      },
      exists: (path) => fileMap.has(path) || dirs.has(path),
      stat,
      readDir: (path) => [...fileMap.keys(), ...dirs].filter((p) => p !== path && p.startsWith(path === '/' ? '/' : path + '/') && !p.slice(path.length + 1).includes('/')).map((p) => p.slice(p.lastIndexOf('/') + 1)),
      makeDir: (path) => void dirs.add(path),
      remove: (path) => void (fileMap.delete(path) || dirs.delete(path)),
      rename(from, to) {
        const t = fileMap.get(from);
        if (t === undefined) throw enoent(from);
        fileMap.delete(from);
        fileMap.set(to, t);
      },
      copy(from, to) {
        const t = fileMap.get(from);
        if (t === undefined) throw enoent(from);
        fileMap.set(to, t);
      },
      realPath: (path) => path,
    },
    process: {
      pid: 4242,
      platform: 'linux',
      which: (name) => (programs.has(name) ? '/usr/bin/' + name : null),
      run(path, args, options) {
        const program = programs.get(path.slice(path.lastIndexOf('/') + 1));
        if (program === undefined) return { stdout: '', stderr: '', exitCode: 127, error: 'not found' };
        return program(args, options.input);
      },
    },
    environment: { HOME: '/home/test', PATH: '/usr/bin', PWD: '/home/test', USER: 'test' },
    homeDirectory: '/home/test',
    computerName: 'testhost',
    userName: 'test',
    dataDirectory: '/home/test/.local/share/psh',
    now: () => Date.UTC(2026, 10, 25, 5, 30, 0),
    monotonic: () => performance.now(),
    sleep: () => false,
  };
}
