// System.Management.Automation.PathInfo: a location as `$PWD`, Get-Location and Resolve-Path
// give it. It converts to its path wherever a string is wanted.

import { DotNetObject } from './values.js';

export class PathInfo extends DotNetObject {
  constructor(readonly Path: string) {
    super();
  }
  /** psh has only the FileSystem provider, whose provider paths are the paths themselves. */
  get ProviderPath(): string { return this.Path; }
  /** The root drive on Unix, as PowerShell names it there. */
  get Drive(): string { return '/'; }
  get Provider(): string { return 'Microsoft.PowerShell.Core\\FileSystem'; }
  get psTypeNames(): readonly string[] { return ['System.Management.Automation.PathInfo', 'System.Object']; }
  psPropertyNames(): readonly string[] { return ['Drive', 'Provider', 'ProviderPath', 'Path']; }
  toString(): string { return this.Path; }
}
