// How the console shows errors and the warning/verbose/debug streams: PowerShell 7's ConciseView
// (`$ErrorView = 'ConciseView'`), with its `Line |` block, `~` underline and message wrapping,
// and the `WARNING: ` style prefixes. Colors are PowerShell's $PSStyle defaults.

import type { ErrorRecord } from '../runtime/error-record.js';
import { cellLength, splitLines } from './display-cells.js';

export interface ErrorViewOptions {
  readonly color: boolean;
  /** Console width the message wraps at (PowerShell: the window width, 120 without one). */
  readonly width?: number;
}

const STYLE = {
  reset: '\x1b[0m',
  error: '\x1b[31;1m',
  errorAccent: '\x1b[36;1m',
  warning: '\x1b[33;1m',
  verbose: '\x1b[33;1m',
  debug: '\x1b[33;1m',
} as const;

/** Max source line length in a position message (PowerShell keeps it under 80 columns with `+ `). */
const MAX_LINE_LENGTH = 69;

interface Highlight {
  /** The source line as the position message shows it, tabs expanded, maybe cut with `…`. */
  readonly line: string;
  readonly offset: number;
  readonly length: number;
}

/** The source line and the span to underline, as PowerShell's position message computes them. */
function highlightOf(lineText: string, startLine: number, startColumn: number, endLine: number, endColumn: number): Highlight | null {
  let source = lineText.trimEnd();
  if (source === '') return null;
  let spaces = Math.min(startColumn - 1, source.length);
  let length = startLine === endLine && endColumn <= source.length + 1 ? endColumn - startColumn : source.length - startColumn + 1;
  if (source.includes('\t')) {
    const before = source.slice(0, spaces).replace(/\t/g, '    ');
    const error = source.slice(spaces, spaces + length).replace(/\t/g, '    ');
    source = before + error + source.slice(spaces + length).replace(/\t/g, '    ');
    spaces = before.length;
    length = error.length;
  }
  let prefixDots = false;
  let suffixDots = false;
  if (source.length > MAX_LINE_LENGTH) {
    const totalPrefix = spaces;
    let prefix = Math.min(totalPrefix, 12);
    const totalSuffix = source.length - length - spaces;
    let suffix = Math.min(totalSuffix, 8);
    let candidate = prefix + length + suffix;
    if (candidate >= MAX_LINE_LENGTH) {
      if (prefix + length >= MAX_LINE_LENGTH) length = MAX_LINE_LENGTH - prefix;
      suffixDots = true;
    } else {
      const prefixAvailable = totalPrefix - prefix;
      if (prefixAvailable > 0) {
        prefix += Math.min(prefixAvailable, MAX_LINE_LENGTH - candidate);
        candidate = prefix + length + suffix;
      }
      if (candidate < MAX_LINE_LENGTH && totalSuffix > 0) suffix += Math.min(totalSuffix, MAX_LINE_LENGTH - candidate);
      suffixDots = suffix < totalSuffix;
    }
    prefixDots = prefix < totalPrefix;
    const start = Math.max(spaces - prefix, 0);
    source = source.substr(start, MAX_LINE_LENGTH);
    spaces = Math.min(spaces, prefix);
    length = Math.min(length, MAX_LINE_LENGTH - spaces);
  }
  const line = (prefixDots ? '\u2026 ' : '') + source + (suffixDots ? ' \u2026' : '');
  return { line, offset: spaces + (prefixDots ? 2 : 0), length: Math.max(length, 1) };
}

/** The text before the last whitespace that keeps `s` within `length` (PowerShell's Get-TruncatedString). */
function truncateAtWhitespace(s: string, length: number): string {
  if (s.length <= length) return s;
  const cut = s.slice(0, length);
  const m = /^([\s\S]*)\s/.exec(cut);
  return m ? m[1] : cut;
}

/** Wraps the message under the `     | ` prefix so no line passes the console width. */
function wrapMessage(message: string, prefix: string, prefixVisible: number, width: number): string {
  const prefixVt = prefix.length - prefixVisible;
  if (width <= 0 || message.length - prefixVt <= width) return message;
  const out: string[] = [];
  const first = truncateAtWhitespace(message, width + prefixVt);
  out.push(first);
  let rest = message.slice(first.length).trim();
  while (rest.length + prefixVisible > width) {
    const piece = truncateAtWhitespace(prefix + rest, width + prefixVt);
    if (piece.length - prefix.length <= 0) break;
    out.push(piece);
    rest = rest.slice(piece.length - prefix.length).trim();
  }
  out.push(prefix + rest.trim());
  return out.join('\n');
}

function wasThrown(error: ErrorRecord): boolean {
  const flag = (o: object): boolean => (o as { WasThrownFromThrowStatement?: unknown }).WasThrownFromThrowStatement === true;
  return flag(error) || flag(error.Exception);
}

/** The word before the colon: `Exception` for throw, else the command, the category or the exception type. */
function reasonOf(error: ErrorRecord): string {
  if (wasThrown(error)) return 'Exception';
  if (error.commandName) return error.commandName;
  if (error.category !== 'NotSpecified') return error.category;
  return error.Exception.typeName.split('.').pop() ?? 'Error';
}

/** A script file name; console input has none (empty, or a `<...>` placeholder). */
function scriptNameOf(file: string): string {
  return file === '' || file.startsWith('<') ? '' : file;
}

/** PowerShell 7's ConciseView of an error, ending with a newline. */
export function formatErrorView(error: ErrorRecord, options: ErrorViewOptions): string {
  const c = options.color ? STYLE : { reset: '', error: '', errorAccent: '', warning: '', verbose: '', debug: '' };
  const width = options.width ?? 120;
  if (error.FullyQualifiedErrorId === 'NativeCommandErrorMessage' || error.FullyQualifiedErrorId === 'NativeCommandError') {
    return `${c.error}${error.Exception.Message}${c.reset}\n`;
  }
  const pos = error.position;
  const isParseError = error.category === 'ParserError';
  const scriptName = pos ? scriptNameOf(pos.extent.file) : '';
  const showLine = pos !== null && (isParseError || scriptName !== '' || pos.extent.startLine > 1) && !/\.psm1$/i.test(scriptName);

  let posmsg = '';
  let prefix = '';
  if (showLine && pos) {
    const e = pos.extent;
    posmsg = scriptName ? `${c.reset}${scriptName}:${e.startLine}\n` : '\n';
    const digits = String(e.startLine).length;
    const headerSpace = ' '.repeat(Math.max(0, digits - 4));
    const lineSpace = ' '.repeat(Math.max(0, 4 - digits));
    posmsg += `${c.errorAccent}${headerSpace}Line |\n`;
    const h = highlightOf(splitLines(pos.lineText)[0] ?? '', e.startLine, e.startColumn, e.endLine, e.endColumn);
    // The position message puts one space between `+` and the source; ConciseView keeps it.
    let line = ' ' + (h?.line ?? '') + '\n';
    const offset = h ? h.offset + 1 : 0;
    if (h && options.color && h.length < line.length - 1) {
      line = line.slice(0, offset) + c.errorAccent + line.slice(offset, offset + h.length) + c.reset + line.slice(offset + h.length);
    }
    posmsg += `${c.errorAccent}${lineSpace}${e.startLine} | ${c.reset}${line}`;
    prefix = `${c.errorAccent}${headerSpace}     | ${c.error}`;
    if (h) posmsg += `${prefix}${' '.repeat(offset)}${'~'.repeat(h.length)}\n`;
  }

  let message = prefix + error.message;
  if (scriptName !== '' || isParseError) {
    message = message.replace(/\r\n|\n|\t/g, ' ');
    message = wrapMessage(message, prefix, cellLength(prefix), width) + '\n';
  }
  posmsg += c.error + message;
  return `${c.error}${reasonOf(error)}: ${posmsg}${c.reset}\n`;
}

export type InformationalStream = 'warning' | 'verbose' | 'debug';

/** `WARNING: text`, `VERBOSE: text`, `DEBUG: text` as the console prints them, ending with a newline. */
export function formatInformationalRecord(stream: InformationalStream, text: string, options: { readonly color: boolean }): string {
  const line = `${stream.toUpperCase()}: ${text}`;
  return options.color ? `${STYLE[stream]}${line}${STYLE.reset}\n` : `${line}\n`;
}
