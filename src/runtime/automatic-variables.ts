// The variables every runspace starts with: preferences, $PSVersionTable, $HOME, $PID,
// $IsLinux and friends, $Host and a minimal $ExecutionContext.

import type { Host } from './host.js';
import { PathInfo } from './path-info.js';
import type { Scope } from './scope.js';
import { DotNetObject, PSHashtable, PSObject } from './values.js';

/** System.Management.Automation.SemanticVersion as `$PSVersionTable.PSVersion` shows it. */
export class SemanticVersion extends DotNetObject {
  constructor(readonly Major: number, readonly Minor: number, readonly Patch: number) {
    super();
  }
  get PreReleaseLabel(): string | null {
    return null;
  }
  get BuildLabel(): string | null {
    return null;
  }
  get psTypeNames(): readonly string[] {
    return ['System.Management.Automation.SemanticVersion', 'System.Object'];
  }
  psPropertyNames(): readonly string[] {
    return ['Major', 'Minor', 'Patch', 'PreReleaseLabel', 'BuildLabel'];
  }
  toString(): string {
    return `${this.Major}.${this.Minor}.${this.Patch}`;
  }
}

function versionTable(host: Host): PSHashtable {
  const t = new PSHashtable(false);
  t.set('PSVersion', new SemanticVersion(7, 4, 0));
  t.set('PSEdition', 'Core');
  t.set('GitCommitId', '7.4.0');
  t.set('OS', host.process.platform === 'darwin' ? 'Darwin' : host.process.platform === 'win32' ? 'Microsoft Windows' : 'Linux');
  t.set('Platform', host.process.platform === 'win32' ? 'Win32NT' : 'Unix');
  t.set('PSCompatibleVersions', ['1.0', '2.0', '3.0', '4.0', '5.0', '5.1', '6.0', '7.0']);
  t.set('PSRemotingProtocolVersion', '2.3');
  t.set('SerializationVersion', '1.1.0.1');
  t.set('WSManStackVersion', '3.0');
  return t;
}

export function defineAutomaticVariables(global: Scope, host: Host, runspaceId: string, location: () => string): void {
  const platform = host.process.platform;
  const defs: [string, unknown][] = [
    ['ErrorActionPreference', 'Continue'],
    ['WarningPreference', 'Continue'],
    ['VerbosePreference', 'SilentlyContinue'],
    ['DebugPreference', 'SilentlyContinue'],
    ['InformationPreference', 'SilentlyContinue'],
    ['ProgressPreference', 'Continue'],
    ['ConfirmPreference', 'High'],
    ['WhatIfPreference', false],
    ['HOME', host.homeDirectory],
    ['PID', host.process.pid],
    ['PSVersionTable', versionTable(host)],
    ['IsLinux', platform === 'linux'],
    ['IsWindows', platform === 'win32'],
    ['IsMacOS', platform === 'darwin'],
    ['IsCoreCLR', true],
    ['PSEdition', 'Core'],
    ['ShellId', 'Microsoft.PowerShell'],
    ['PSCulture', 'en-US'],
    ['PSUICulture', 'en-US'],
    ['NestedPromptLevel', 0],
    ['MaximumHistoryCount', 4096],
    ['PSHOME', '/usr/lib/psh'],
    ['Host', PSObject.fromEntries([['Name', host.name], ['Version', new SemanticVersion(7, 4, 0)], ['InstanceId', runspaceId], ['CurrentCulture', 'en-US'], ['CurrentUICulture', 'en-US']], ['System.Management.Automation.Internal.Host.InternalHost', 'System.Object'])],
  ];
  for (const [name, value] of defs) global.define(name, value, null);
  const sessionState = new PSObject(['System.Management.Automation.SessionState', 'System.Object']);
  sessionState.addProperty({ name: 'Path', kind: 'ScriptProperty', value: null, getter: () => PSObject.fromEntries([['CurrentLocation', new PathInfo(location())]]) });
  global.define('ExecutionContext', PSObject.fromEntries([['Host', global.vars.get('host')?.value ?? null], ['SessionState', sessionState]], ['System.Management.Automation.EngineIntrinsics', 'System.Object']), null);
}
