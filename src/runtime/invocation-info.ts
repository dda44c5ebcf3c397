// `$_.InvocationInfo` of an error: where the failing command was invoked. Scripts read its
// MyCommand.Name, ScriptName, ScriptLineNumber, Line and PositionMessage to log failures, so
// they must be values, not the runtime's internal position record.

import { DotNetObject, PSHashtable } from './values.js';
import type { ErrorPosition } from './error-record.js';

/** `$_.InvocationInfo.MyCommand`: the command's name (PowerShell gives a CommandInfo). */
export class InvokedCommand extends DotNetObject {
  constructor(readonly Name: string) {
    super();
  }
  get psTypeNames(): readonly string[] { return ['System.Management.Automation.CommandInfo', 'System.Object']; }
  psPropertyNames(): readonly string[] { return ['Name']; }
  toString(): string { return this.Name; }
}

export class InvocationInfo extends DotNetObject {
  constructor(private readonly position: ErrorPosition) {
    super();
  }
  get MyCommand(): InvokedCommand | null {
    return this.position.commandName === null ? null : new InvokedCommand(this.position.commandName);
  }
  get BoundParameters(): PSHashtable { return new PSHashtable(false); }
  get UnboundArguments(): unknown[] { return []; }
  get ScriptLineNumber(): number { return this.position.extent.startLine; }
  get OffsetInLine(): number { return this.position.extent.startColumn; }
  get HistoryId(): number { return -1; }
  /** The script file, or empty for a command typed at the prompt or run from text. */
  get ScriptName(): string { return isScriptFile(this.position.extent.file) ? this.position.extent.file : ''; }
  get Line(): string { return this.position.lineText; }
  get Statement(): string {
    const lines = this.position.lineText.split('\n');
    const first = lines[0] ?? '';
    const { startColumn, endLine, endColumn, startLine } = this.position.extent;
    if (endLine === startLine) return first.slice(startColumn - 1, endColumn - 1);
    return first.slice(startColumn - 1);
  }
  get PSScriptRoot(): string {
    const file = this.ScriptName;
    return file === '' ? '' : file.slice(0, Math.max(file.lastIndexOf('/'), 0)) || '/';
  }
  get PSCommandPath(): string { return this.ScriptName; }
  get InvocationName(): string { return this.position.commandName ?? ''; }
  get PipelineLength(): number { return 0; }
  get PipelinePosition(): number { return 0; }
  get ExpectingInput(): boolean { return false; }
  get CommandOrigin(): string { return 'Internal'; }
  /**
   * Windows PowerShell's position text: `At <file>:<line> char:<column>` (or `At line:N char:M`
   * for commands without a file), then the line and a run of `~` under the command.
   */
  get PositionMessage(): string {
    const { extent } = this.position;
    const where = this.ScriptName === '' ? `At line:${extent.startLine} char:${extent.startColumn}` : `At ${this.ScriptName}:${extent.startLine} char:${extent.startColumn}`;
    const line = (this.position.lineText.split('\n')[0] ?? '').replace(/\s+$/, '');
    const width = extent.endLine === extent.startLine ? Math.max(extent.endColumn - extent.startColumn, 1) : Math.max(line.length - extent.startColumn + 1, 1);
    return `${where}\n+ ${line}\n+ ${' '.repeat(extent.startColumn - 1)}${'~'.repeat(width)}`;
  }
  get psTypeNames(): readonly string[] { return ['System.Management.Automation.InvocationInfo', 'System.Object']; }
  psPropertyNames(): readonly string[] {
    return ['MyCommand', 'BoundParameters', 'UnboundArguments', 'ScriptLineNumber', 'OffsetInLine', 'HistoryId', 'ScriptName', 'Line', 'Statement',
      'PositionMessage', 'PSScriptRoot', 'PSCommandPath', 'InvocationName', 'PipelineLength', 'PipelinePosition', 'ExpectingInput', 'CommandOrigin'];
  }
  toString(): string { return 'System.Management.Automation.InvocationInfo'; }
}

/** Extents of typed or generated text carry names like `<stdin>` or `<command>`, not paths. */
function isScriptFile(file: string): boolean {
  return file !== '' && !file.startsWith('<');
}
