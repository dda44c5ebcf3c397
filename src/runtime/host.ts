// The Host is everything a runspace may ask of the world outside it. The runtime never touches
// fs, net or process itself: the REPL passes a console host, a job's worker its own host,
// tests an in-memory one. All calls are synchronous; the evaluator is synchronous by design.

export interface FileStat {
  readonly isDirectory: boolean;
  readonly isFile: boolean;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly mode: number;
  /** Owner and group as names (numbers when the system has no name for them); absent on hosts without owners. */
  readonly owner?: string;
  readonly group?: string;
  /** Set when the path itself is a symbolic link: what the link points to, as written. The other fields describe its target. */
  readonly linkTarget?: string;
  /** The link's own mode (type and permission bits), when the path is a symbolic link. */
  readonly linkMode?: number;
  /** Hard link count: a file with more than one name shows `l` in its Mode, as in PowerShell. */
  readonly hardLinks?: number;
}

export interface HostFileSystem {
  /** Throws an Error whose `code` is a Node errno code (ENOENT, EACCES, ENOSPC, ...). */
  readText(path: string): string;
  readBytes(path: string): Uint8Array;
  writeText(path: string, text: string, append: boolean): void;
  exists(path: string): boolean;
  stat(path: string): FileStat;
  readDir(path: string): string[];
  makeDir(path: string, recursive: boolean): void;
  remove(path: string, recursive: boolean): void;
  rename(from: string, to: string): void;
  copy(from: string, to: string, recursive: boolean): void;
  realPath(path: string): string;
  /** New-Item -ItemType SymbolicLink/HardLink: makes `path` a link to `target` (written as given for a symbolic link). */
  link?(kind: 'symbolic' | 'hard', target: string, path: string): void;
}

export interface NativeResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** Set when the process could not be started. */
  readonly error?: string;
}

export interface HostProcess {
  readonly pid: number;
  readonly platform: string;
  /** Full path of an executable found on PATH (or relative to cwd when the name has a slash). */
  which(name: string, cwd: string): string | null;
  /** Runs a native program to completion. `input` is written to its stdin. */
  run(path: string, args: readonly string[], options: { cwd: string; env: Record<string, string>; input?: string }): NativeResult;
  /** Runs a native program with the console attached (interactive use in the REPL). */
  runAttached?(path: string, args: readonly string[], options: { cwd: string; env: Record<string, string> }): number;
}

export interface HostUI {
  /** Text written to the console's output (Write-Host, Out-Default). */
  write(text: string): void;
  /** Text written to the console's error stream (error views). */
  writeError(text: string): void;
  /** Columns of the console; 120 when not a terminal. */
  readonly width: number;
  readonly supportsColor: boolean;
  /** Read-Host; null when no input is available (non-interactive). */
  readLine?(prompt: string): string | null;
}

export interface Host {
  readonly name: string;
  readonly ui: HostUI;
  readonly fs: HostFileSystem;
  readonly process: HostProcess;
  /** The environment the runspace starts with; $env: changes go to the runspace's own copy. */
  readonly environment: Readonly<Record<string, string>>;
  readonly homeDirectory: string;
  readonly computerName: string;
  readonly userName: string;
  /** Directory for psh's own state (event logs, history), e.g. ~/.local/share/psh. */
  readonly dataDirectory: string;
  /** Wall clock, ms since the epoch. */
  now(): number;
  /** Monotonic clock in ms with sub-ms precision. */
  monotonic(): number;
  /** Blocks the thread; returns early (true) when `cancel` becomes non-zero. */
  sleep(ms: number, cancel?: Int32Array): boolean;
}
