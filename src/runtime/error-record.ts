// ErrorRecord: what PowerShell's error stream carries. Message, FullyQualifiedErrorId and
// category are facts users search for, so cmdlets pass PowerShell's own wording and ids.

import type { Extent } from '../language/ast.js';
import { InvocationInfo } from './invocation-info.js';
import { typeNamesOf } from './types.js';
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
  /** Set by `throw`; ConciseView then names the error `Exception` instead of its category. */
  WasThrownFromThrowStatement = false;
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

  get CategoryInfo(): ErrorCategoryInfo {
    return new ErrorCategoryInfo(this);
  }

  get commandName(): string | null {
    return this.position?.commandName ?? null;
  }

  get InvocationInfo(): InvocationInfo | null {
    return this.position === null ? null : new InvocationInfo(this.position);
  }

  toString(): string {
    return this.message;
  }
}

/** .NET's Ellipsize: texts over 40 characters keep 19 at each end around `…`. */
function ellipsize(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 19)}\u2026${text.slice(-19)}`;
}

/** `$_.CategoryInfo`: a view over its record, as PowerShell's ErrorCategoryInfo is. */
export class ErrorCategoryInfo extends DotNetObject {
  constructor(private readonly record: ErrorRecord) {
    super();
  }

  get Category(): ErrorCategory {
    return this.record.category;
  }

  get Activity(): string {
    return this.record.commandName ?? '';
  }

  get Reason(): string {
    return this.record.Exception.typeName.split('.').pop() ?? '';
  }

  get TargetName(): string {
    const target = this.record.TargetObject;
    return target === null || target === undefined ? '' : String(target);
  }

  get TargetType(): string {
    const full = typeNamesOf(this.record.TargetObject)[0] ?? '';
    return full.slice(full.lastIndexOf('.') + 1);
  }

  get psTypeNames(): readonly string[] {
    return ['System.Management.Automation.ErrorCategoryInfo', 'System.Object'];
  }

  psPropertyNames(): readonly string[] {
    return ['Category', 'Activity', 'Reason', 'TargetName', 'TargetType'];
  }

  override psMethodNames(): readonly string[] {
    return ['GetMessage', 'ToString'];
  }

  /** PowerShell's `Category: (TargetName:TargetType) [Activity], Reason`; only DeadlockDetected words it differently. */
  GetMessage(): string {
    const category = this.Category === 'DeadlockDetected' ? 'Deadlock detected' : this.Category;
    return `${category}: (${ellipsize(this.TargetName)}:${ellipsize(this.TargetType)}) [${ellipsize(this.Activity)}], ${this.Reason}`;
  }

  toString(): string {
    return this.GetMessage();
  }
}
