// The Write-* cmdlets: one per stream (output, error, warning, verbose, debug, information,
// progress) plus Write-Host, which goes to the host and is recorded as information.

import type { CmdletDefinition, CmdletContext, BoundParameters, InformationStream } from '../runtime/cmdlet.js';
import { toStr } from '../runtime/convert.js';
import { ErrorRecord, PSException, type ErrorCategory } from '../runtime/error-record.js';
import type { InformationPayload, ProgressPayload } from '../runtime/streams.js';
import { flag, opt, strings } from './common.js';

const writeOutput: CmdletDefinition = {
  name: 'Write-Output',
  aliases: ['echo'],
  parameters: [
    { name: 'InputObject', type: 'object[]', position: 0, mandatory: true, valueFromPipeline: true, valueFromRemainingArguments: true },
    { name: 'NoEnumerate', type: 'switch' },
  ],
  create: (ctx) => ({
    process(p) {
      if (p.InputObject === undefined) return;
      ctx.writeObject(p.InputObject, !flag(p, 'NoEnumerate'));
    },
  }),
};

const COLORS = ['Black', 'DarkBlue', 'DarkGreen', 'DarkCyan', 'DarkRed', 'DarkMagenta', 'DarkYellow', 'Gray', 'DarkGray', 'Blue', 'Green',
  'Cyan', 'Red', 'Magenta', 'Yellow', 'White'];

/** Write-Host flattens one level of collections and joins with the separator. */
function hostText(value: unknown, separator: string): string {
  if (Array.isArray(value)) return value.map((v) => hostText(v, separator)).join(separator);
  return toStr(value);
}

const writeHost: CmdletDefinition = {
  name: 'Write-Host',
  parameters: [
    { name: 'Object', aliases: ['Msg', 'Message'], type: 'object', position: 0, valueFromPipeline: true, valueFromRemainingArguments: true },
    { name: 'NoNewline', type: 'switch' },
    { name: 'Separator', type: 'object' },
    { name: 'ForegroundColor', type: 'string', validateSet: COLORS },
    { name: 'BackgroundColor', type: 'string', validateSet: COLORS },
  ],
  create: (ctx) => ({
    process(p) {
      const separator = p.Separator === undefined ? ' ' : toStr(p.Separator);
      ctx.writeHost(hostText(p.Object ?? null, separator), {
        noNewline: flag(p, 'NoNewline'),
        foregroundColor: opt<string>(p, 'ForegroundColor') ?? undefined,
        backgroundColor: opt<string>(p, 'BackgroundColor') ?? undefined,
      });
    },
  }),
};

const CATEGORIES: readonly ErrorCategory[] = ['NotSpecified', 'OpenError', 'CloseError', 'DeviceError', 'DeadlockDetected', 'InvalidArgument',
  'InvalidData', 'InvalidOperation', 'InvalidResult', 'InvalidType', 'MetadataError', 'NotImplemented', 'NotInstalled', 'ObjectNotFound',
  'OperationStopped', 'OperationTimeout', 'SyntaxError', 'ParserError', 'PermissionDenied', 'ResourceBusy', 'ResourceExists',
  'ResourceUnavailable', 'ReadError', 'WriteError', 'FromStdErr', 'SecurityError', 'ProtocolError', 'ConnectionError',
  'AuthenticationError', 'LimitsExceeded', 'QuotaExceeded', 'NotEnabled'];

function errorFromParameters(p: BoundParameters): ErrorRecord {
  if (p.ErrorRecord instanceof ErrorRecord) return p.ErrorRecord;
  const category = (CATEGORIES.find((c) => c.toLowerCase() === String(p.Category ?? '').toLowerCase()) ?? 'NotSpecified');
  const exception = p.Exception instanceof PSException
    ? p.Exception
    : new PSException('Microsoft.PowerShell.Commands.WriteErrorException', p.Message === undefined ? toStr(p.Exception ?? '') : toStr(p.Message));
  const message = p.Message === undefined ? exception.Message : toStr(p.Message);
  const id = opt<string>(p, 'ErrorId') ?? 'Microsoft.PowerShell.Commands.WriteErrorException';
  return new ErrorRecord(message === exception.Message ? exception : new PSException(exception.typeName, message), id, category, p.TargetObject ?? null);
}

const writeError: CmdletDefinition = {
  name: 'Write-Error',
  defaultParameterSet: 'NoException',
  parameters: [
    { name: 'Message', aliases: ['Msg'], type: 'string', position: 0, valueFromPipeline: true, parameterSets: ['NoException', 'WithException'], mandatory: ['NoException'] },
    { name: 'Exception', type: 'object', mandatory: true, parameterSets: ['WithException'] },
    { name: 'ErrorRecord', type: 'object', mandatory: true, parameterSets: ['ErrorRecord'] },
    { name: 'Category', type: 'string', validateSet: CATEGORIES, parameterSets: ['NoException', 'WithException'] },
    { name: 'ErrorId', type: 'string', parameterSets: ['NoException', 'WithException'] },
    { name: 'TargetObject', type: 'object', parameterSets: ['NoException', 'WithException'] },
    { name: 'RecommendedAction', type: 'string' },
    { name: 'CategoryActivity', aliases: ['Activity'], type: 'string' },
    { name: 'CategoryReason', aliases: ['Reason'], type: 'string' },
    { name: 'CategoryTargetName', aliases: ['TargetName'], type: 'string' },
    { name: 'CategoryTargetType', aliases: ['TargetType'], type: 'string' },
  ],
  create: (ctx) => ({
    process(p) {
      ctx.writeError(errorFromParameters(p));
    },
  }),
};

function messageCmdlet(name: string, stream: Exclude<InformationStream, 'information'>): CmdletDefinition {
  return {
    name,
    parameters: [{ name: 'Message', aliases: ['Msg'], type: 'string', position: 0, mandatory: true, valueFromPipeline: true }],
    create: (ctx) => ({
      process(p) {
        ctx.writeStream(stream, toStr(p.Message ?? ''));
      },
    }),
  };
}

const writeInformation: CmdletDefinition = {
  name: 'Write-Information',
  parameters: [
    { name: 'MessageData', aliases: ['Msg', 'Message'], type: 'object', position: 0, mandatory: true, valueFromPipeline: true },
    { name: 'Tags', type: 'string[]', position: 1 },
  ],
  create: (ctx: CmdletContext) => ({
    process(p) {
      const payload: InformationPayload = { messageData: p.MessageData ?? null, tags: strings(p, 'Tags'), isHost: false };
      ctx.writeStream('information', payload);
    },
  }),
};

const writeProgress: CmdletDefinition = {
  name: 'Write-Progress',
  parameters: [
    { name: 'Activity', type: 'string', position: 0 },
    { name: 'Status', type: 'string', position: 1 },
    { name: 'Id', type: 'int', position: 2 },
    { name: 'PercentComplete', type: 'int' },
    { name: 'SecondsRemaining', type: 'int' },
    { name: 'CurrentOperation', type: 'string' },
    { name: 'ParentId', type: 'int' },
    { name: 'Completed', type: 'switch' },
    { name: 'SourceId', type: 'int' },
  ],
  create: (ctx) => ({
    process(p) {
      const record: ProgressPayload = {
        activity: toStr(p.Activity ?? ''),
        statusDescription: p.Status === undefined ? 'Processing' : toStr(p.Status),
        percentComplete: typeof p.PercentComplete === 'number' ? p.PercentComplete : -1,
        activityId: typeof p.Id === 'number' ? p.Id : 0,
        completed: flag(p, 'Completed'),
      };
      ctx.writeProgress(record);
    },
  }),
};

export const outputCommands: readonly CmdletDefinition[] = [
  writeOutput,
  writeHost,
  writeError,
  messageCmdlet('Write-Warning', 'warning'),
  messageCmdlet('Write-Verbose', 'verbose'),
  messageCmdlet('Write-Debug', 'debug'),
  writeInformation,
  writeProgress,
];
