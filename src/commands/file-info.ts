// System.IO.FileInfo and DirectoryInfo as PowerShell 7 on Linux shows them, with the
// provider's note properties (PSPath, PSParentPath, PSIsContainer ...) and the Unix columns.

import type { FileStat, Host } from '../runtime/host.js';
import { PSDateTime } from '../runtime/datetime.js';
import { DotNetObject } from '../runtime/values.js';
import { PROVIDER_PREFIX, leafName, parentPath } from './globbing.js';

const PROVIDER = 'Microsoft.PowerShell.Core\\FileSystem';

/** `drwxr-xr-x` from a stat mode. */
export function unixMode(mode: number, isDirectory: boolean): string {
  const type = (mode & 0o170000) === 0o120000 ? 'l' : isDirectory ? 'd' : '-';
  const bits = 'rwxrwxrwx';
  let out = type;
  for (let i = 0; i < 9; i++) out += mode & (1 << (8 - i)) ? bits[i] : '-';
  return out;
}

export abstract class FileSystemInfo extends DotNetObject {
  constructor(
    protected readonly host: Host,
    readonly FullName: string,
    protected readonly stat: FileStat,
  ) {
    super();
  }
  get Name(): string { return leafName(this.FullName) || this.FullName; }
  get Extension(): string {
    const name = this.Name;
    const dot = name.lastIndexOf('.');
    return dot <= 0 && !name.startsWith('.') ? '' : dot < 0 ? '' : name.slice(dot);
  }
  get Exists(): boolean { return this.host.fs.exists(this.FullName); }
  get LastWriteTime(): PSDateTime { return PSDateTime.fromUtcMs(this.stat.mtimeMs, 'Local'); }
  get LastWriteTimeUtc(): PSDateTime { return PSDateTime.fromUtcMs(this.stat.mtimeMs, 'Utc'); }
  get CreationTime(): PSDateTime { return PSDateTime.fromUtcMs(this.stat.ctimeMs, 'Local'); }
  get LastAccessTime(): PSDateTime { return this.LastWriteTime; }
  get PSPath(): string { return PROVIDER_PREFIX + this.FullName; }
  get PSParentPath(): string { return PROVIDER_PREFIX + parentPath(this.FullName); }
  get PSChildName(): string { return this.Name; }
  get PSDrive(): string { return '/'; }
  get PSProvider(): string { return PROVIDER; }
  abstract get PSIsContainer(): boolean;
  get Mode(): string { return this.modeString(true); }
  get ModeWithoutHardLink(): string { return this.modeString(false); }
  private modeString(hardLinks: boolean): string {
    const hidden = this.Name.startsWith('.') ? 'h' : '-';
    const readOnly = (this.stat.mode & 0o200) === 0 ? 'r' : '-';
    const isLink = this.stat.linkTarget !== undefined || (hardLinks && !this.PSIsContainer && (this.stat.hardLinks ?? 1) > 1);
    return (isLink ? 'l' : this.PSIsContainer ? 'd' : '-') + '-' + readOnly + hidden + '-';
  }
  get UnixMode(): string { return unixMode(this.stat.linkMode ?? this.stat.mode, this.PSIsContainer); }
  get User(): string { return this.stat.owner ?? this.host.userName; }
  get Group(): string { return this.stat.group ?? this.host.userName; }
  get Size(): number { return this.stat.size; }
  get Attributes(): string {
    const parts: string[] = [];
    if (this.Mode[2] === 'r') parts.push('ReadOnly');
    if (this.Mode[3] === 'h') parts.push('Hidden');
    if (this.PSIsContainer) parts.push('Directory');
    return parts.length === 0 ? 'Normal' : parts.join(', ');
  }
  get BaseName(): string {
    if (this.PSIsContainer) return this.Name;
    const ext = this.Extension;
    return ext === '' ? this.Name : this.Name.slice(0, -ext.length);
  }
  get LinkType(): string | null { return this.stat.linkTarget === undefined ? null : 'SymbolicLink'; }
  get Target(): string | null { return this.stat.linkTarget ?? null; }
  /** What the directory listing shows in its Name column: a link names its target too. */
  get NameString(): string { return this.stat.linkTarget === undefined ? this.Name : `${this.Name} -> ${this.stat.linkTarget}`; }
  protected commonNames(): string[] {
    return ['PSPath', 'PSParentPath', 'PSChildName', 'PSDrive', 'PSProvider', 'PSIsContainer', 'Mode', 'ModeWithoutHardLink', 'BaseName', 'Target', 'LinkType',
      'UnixMode', 'User', 'Group', 'Size', 'NameString', 'Name'];
  }
  toString(): string { return this.FullName; }
}

export class FileInfo extends FileSystemInfo {
  get PSIsContainer(): boolean { return false; }
  get Length(): number { return this.stat.size; }
  get DirectoryName(): string { return parentPath(this.FullName); }
  get Directory(): DirectoryInfo { return directoryInfo(this.host, this.DirectoryName); }
  get IsReadOnly(): boolean { return (this.stat.mode & 0o200) === 0; }
  get psTypeNames(): readonly string[] { return ['System.IO.FileInfo', 'System.IO.FileSystemInfo', 'System.MarshalByRefObject', 'System.Object']; }
  psPropertyNames(): readonly string[] {
    return [...this.commonNames(), 'Length', 'DirectoryName', 'Directory', 'IsReadOnly', 'Exists', 'FullName', 'Extension', 'CreationTime',
      'LastAccessTime', 'LastWriteTime', 'LastWriteTimeUtc', 'Attributes'];
  }
}

export class DirectoryInfo extends FileSystemInfo {
  get PSIsContainer(): boolean { return true; }
  get Parent(): DirectoryInfo | null {
    const parent = parentPath(this.FullName);
    return parent === '' || this.FullName === '/' ? null : directoryInfo(this.host, parent);
  }
  get Root(): DirectoryInfo { return directoryInfo(this.host, '/'); }
  get psTypeNames(): readonly string[] { return ['System.IO.DirectoryInfo', 'System.IO.FileSystemInfo', 'System.MarshalByRefObject', 'System.Object']; }
  psPropertyNames(): readonly string[] {
    return [...this.commonNames(), 'Parent', 'Root', 'Exists', 'FullName', 'Extension', 'CreationTime', 'LastAccessTime', 'LastWriteTime',
      'LastWriteTimeUtc', 'Attributes'];
  }
}

const MISSING: FileStat = { isDirectory: true, isFile: false, size: 0, mtimeMs: 0, ctimeMs: 0, mode: 0o40755 };

function directoryInfo(host: Host, path: string): DirectoryInfo {
  let stat = MISSING;
  try {
    stat = host.fs.stat(path);
  } catch {
    // A parent that vanished still has a name; its times read as the epoch.
  }
  return new DirectoryInfo(host, path, stat);
}

/** The FileInfo or DirectoryInfo for an existing path. */
export function itemInfo(host: Host, path: string): FileSystemInfo {
  const stat = host.fs.stat(path);
  return stat.isDirectory ? new DirectoryInfo(host, path, stat) : new FileInfo(host, path, stat);
}
