// ErrorRecord: what PowerShell's error stream carries. Message, FullyQualifiedErrorId and
// category are facts users search for, so cmdlets pass PowerShell's own wording and ids.

import type { Extent } from '../language/ast.js';
import { DotNetObject } from './values.js';

/** PowerShell's ErrorCategory names. */
export type ErrorCategory =
  | 'NotSpecified' | 'OpenError' | 'CloseError' | 'DeviceError' | 'DeadlockDetected' | 'InvalidArgument'
  | 'InvalidData' | 'InvalidOperation' | 'InvalidResult' | 'InvalidType' | 'MetadataError' | 'NotImplemented'
  | 'NotInstalled' | 'ObjectNotFound' | 'OperationStopped' | 'OperationTimeout' | 'SyntaxError' | 'ParserError'
  | 'PermissionDenied' | 'ResourceBusy' | 'ResourceExists' | 'ResourceUnavailable' | 'ReadError' | 'WriteError'
  | 'FromStdErr' | 'SecurityError' | 'ProtocolError' | 'ConnectionError' | 'AuthenticationError'
  | 'LimitsExceeded' | 'QuotaExceeded' | 'NotEnabled';

/** The .NET exception an error wraps, reduced to what scripts look at. */
export class PSException extends DotNetObject {
  constructor(
    /** e.g. 'System.Management.Automation.ItemNotFoundException' */
    readonly typeName: string,
    readonly Message: string,
    readonly InnerException: PSException | null = null,
  ) {
    super();
  }
  get psTypeNames(): readonly string[] {
    return [this.typeName, 'System.Exception', 'System.Object'];
  }
  psPropertyNames(): readonly string[] {
    return ['Message', 'InnerException'];
  }
  toString(): string {
    return this.Message;
  }
}

/** Where a command was invoked: the part of InvocationInfo the error views print. */
export interface ErrorPosition {
  readonly extent: Extent;
  /** Full text of the source line(s) the extent covers. */
  readonly lineText: string;
  readonly commandName: string | null;
}

export class ErrorRecord extends DotNetObject {
  /** Set by the runtime when the record is written, so order survives a trip through a job. */
  position: ErrorPosition | null = null;
  /** Error details message that replaces the exception message in views, if any. */
  ErrorDetails: string | null = null;
  ScriptStackTrace: string | null = null;
  /** Computer name when the error came back from a remote runspace. */
  originComputer: string | null = null;

  constructor(
    readonly Exception: PSException,
    /** e.g. 'PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand' */
    readonly FullyQualifiedErrorId: string,
    readonly category: ErrorCategory,
    readonly TargetObject: unknown = null,
  ) {
    super();
  }

  static fromMessage(message: string, errorId: string, category: ErrorCategory = 'NotSpecified', targetObject: unknown = null, exceptionType = 'System.Exception'): ErrorRecord {
    return new ErrorRecord(new PSException(exceptionType, message), errorId, category, targetObject);
  }

  get message(): string {
    return this.ErrorDetails ?? this.Exception.Message;
  }

  get psTypeNames(): readonly string[] {
    return ['System.Management.Automation.ErrorRecord', 'System.Object'];
  }

  psPropertyNames(): readonly string[] {
    return ['Exception', 'TargetObject', 'CategoryInfo', 'FullyQualifiedErrorId', 'ErrorDetails', 'InvocationInfo', 'ScriptStackTrace'];
  }

  get CategoryInfo(): string {
    const target = this.TargetObject === null || this.TargetObject === undefined ? '' : String(this.TargetObject);
    const reason = this.Exception.typeName.split('.').pop() ?? '';
    return `${this.category}: (${target}:${typeof this.TargetObject === 'string' ? 'String' : 'Object'}) [${this.commandName ?? ''}], ${reason}`;
  }

  get commandName(): string | null {
    return this.position?.commandName ?? null;
  }

  get InvocationInfo(): ErrorPosition | null {
    return this.position;
  }

  toString(): string {
    return this.message;
  }
}
