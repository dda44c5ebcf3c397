// Terminating errors travel as JS exceptions carrying an ErrorRecord; control flow (break,
// continue, return, exit, pipeline stop) uses its own exception classes so `catch` in scripts
// never sees it.

import { ErrorRecord, PSException, type ErrorCategory } from './error-record.js';

/** A terminating error (PowerShell's RuntimeException and subclasses). */
export class RuntimeError extends Error {
  /**
   * `throw` and ErrorAction Stop end the whole script unless caught; other runtime errors
   * (a failed method call, a cmdlet's terminating error) end only the statement.
   */
  scriptTerminating = false;
  /** For ActionPreferenceStopException: the non-terminating error that was promoted. */
  inner: ErrorRecord | null = null;

  constructor(readonly errorRecord: ErrorRecord) {
    super(errorRecord.message);
  }

  static create(message: string, errorId: string, category: ErrorCategory = 'NotSpecified', exceptionType = 'System.Management.Automation.RuntimeException', targetObject: unknown = null): RuntimeError {
    return new RuntimeError(new ErrorRecord(new PSException(exceptionType, message), errorId, category, targetObject));
  }
}

/** Thrown when the pipeline is stopped (Ctrl+C, Stop-Job, Select-Object -First upstream). */
export class PipelineStoppedError extends Error {
  constructor(readonly reason = 'The pipeline has been stopped.') {
    super(reason);
  }
}

/**
 * PowerShell's StopUpstreamCommandsException: a command that needs no more input (Select-Object
 * -First) stops the commands before it. It unwinds like a stop, so scripts can't catch it, and
 * the pipeline that holds `source` ends it and the commands after it normally: not an error.
 */
export class StopUpstreamError extends PipelineStoppedError {
  constructor(readonly source: object) {
    super('The upstream commands were stopped.');
  }
}
