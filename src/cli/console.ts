// Runs a request in a runspace the way the console does: output objects go through the
// formatter (Out-Default), errors through the concise error view, other streams with their
// prefixes. Output is buffered only while consecutive objects can share one table, and flushed
// before anything from another stream so the console shows records in the order written.

import { formatErrorView, formatForHost, formatInformationalRecord } from '../format/index.js';
import { FormatGenerator } from '../format/format-generator.js';
import type { AnyFormatRecord } from '../format/format-records.js';
import { renderLines } from '../format/line-renderer.js';
import type { ParseError } from '../language/ast.js';
import { ErrorRecord, PSException } from '../runtime/error-record.js';
import type { InvokeRequest, InvokeResult, Runspace } from '../runtime/runspace.js';
import type { InformationPayload, StreamRecord } from '../runtime/streams.js';
import { toStr } from '../runtime/convert.js';
import pc from 'picocolors';

function isScalar(v: unknown): boolean {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint';
}

// Write-Host -ForegroundColor names (ConsoleColor) as terminal colours. The host's supportsColor
// decides whether to paint, not picocolors' own guess (made once, when the module loads).
const paint = pc.createColors(true);
const COLORS: Record<string, (s: string) => string> = {
  black: paint.black, darkblue: paint.blue, darkgreen: paint.green, darkcyan: paint.cyan, darkred: paint.red, darkmagenta: paint.magenta,
  darkyellow: paint.yellow, gray: paint.white, darkgray: paint.gray, blue: paint.blueBright, green: paint.greenBright, cyan: paint.cyanBright,
  red: paint.redBright, magenta: paint.magentaBright, yellow: paint.yellowBright, white: paint.whiteBright,
};

function hostColor(text: string, color: string | undefined): string {
  const paint = color ? COLORS[color.toLowerCase()] : undefined;
  return paint ? paint(text) : text;
}

export interface ConsoleSink {
  (record: StreamRecord): void;
  flush(): void;
}

export function consoleSink(runspace: Runspace): ConsoleSink {
  const ui = runspace.host.ui;
  // Objects become format records the moment they arrive, so a live object (a running job) shows
  // the state it had when written, while rows still wait to share one table.
  let generator = new FormatGenerator({ width: ui.width, color: ui.supportsColor, console: true });
  let pending: AnyFormatRecord[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    pending.push(...generator.end());
    const text = renderLines(pending, { width: ui.width, color: ui.supportsColor }).map((l) => l + '\n').join('');
    pending = [];
    generator = new FormatGenerator({ width: ui.width, color: ui.supportsColor, console: true });
    if (text) ui.write(text);
  };
  const sink = ((record: StreamRecord) => {
    switch (record.stream) {
      case 'output':
        // Scalars print as soon as they arrive unless objects are waiting to share a table.
        if (pending.length === 0 && isScalar(record.value)) {
          ui.write(formatForHost([record.value], ui.width, { color: ui.supportsColor }));
          return;
        }
        pending.push(...generator.process(record.value));
        return;
      case 'error':
        flush();
        if (record.value instanceof ErrorRecord) ui.writeError(formatErrorView(record.value, { color: ui.supportsColor, width: ui.width }));
        else ui.writeError(toStr(record.value) + '\n');
        return;
      case 'warning':
      case 'verbose':
      case 'debug':
        flush();
        ui.write(formatInformationalRecord(record.stream, toStr(record.value), { color: ui.supportsColor }));
        return;
      case 'information': {
        flush();
        const info = record.value as InformationPayload;
        if (info && typeof info === 'object' && 'isHost' in info && info.isHost) {
          const text = toStr(info.messageData) + (info.noNewline ? '' : '\n');
          ui.write(ui.supportsColor ? hostColor(text, info.foregroundColor) : text);
          return;
        }
        ui.write(toStr(info && typeof info === 'object' && 'messageData' in info ? info.messageData : info) + '\n');
        return;
      }
      case 'progress':
        return;
    }
  }) as ConsoleSink;
  sink.flush = flush;
  return sink;
}

/** A parse error as PowerShell reports it: a ParserError record pointing into the source. */
export function parseErrorRecord(error: ParseError, source: string): ErrorRecord {
  const record = new ErrorRecord(new PSException('System.Management.Automation.ParseException', error.message), error.errorId, 'ParserError');
  const lineText = source.split(/\r?\n/)[error.extent.startLine - 1] ?? '';
  record.position = { extent: error.extent, lineText, commandName: null };
  return record;
}

/** Runs one request and prints everything; returns the result for exit-code decisions. */
export function runInConsole(runspace: Runspace, request: InvokeRequest): InvokeResult {
  const sink = consoleSink(runspace);
  let result: InvokeResult;
  try {
    result = runspace.invoke(request, sink);
  } finally {
    sink.flush();
  }
  const ui = runspace.host.ui;
  const source = typeof request.script === 'string' ? request.script : request.script.text;
  // pwsh raises one ParseException for a script that does not parse, and its error view shows
  // the first error's position and message; the others stay in the exception, not on screen.
  const firstParseError = result.parseErrors[0];
  if (firstParseError !== undefined) ui.writeError(formatErrorView(parseErrorRecord(firstParseError, source), { color: ui.supportsColor, width: ui.width }));
  if (result.terminatingError) ui.writeError(formatErrorView(result.terminatingError, { color: ui.supportsColor, width: ui.width }));
  return result;
}
