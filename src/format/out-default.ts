// Out-Default for a pipeline's output: objects → format records (unless Format-* made them
// already) → lines, exactly as PowerShell's console prints them. Out-String and redirection to
// files use the same text.

import { FormatGenerator, type FormatOptions } from './format-generator.js';
import type { AnyFormatRecord } from './format-records.js';
import { splitLines } from './display-cells.js';
import { renderLines } from './line-renderer.js';

export interface HostFormatOptions {
  /** Columns list values wrap at (default: the width); Infinity for Out-String/Out-File without -Width. */
  readonly listWidth?: number;
  /** ANSI colors for table headers, list labels and errors, as PowerShell's $PSStyle does on a terminal. */
  readonly color?: boolean;
  readonly enumerationLimit?: number;
  /** Out-Default/Out-Host: the console, not a string or a file. */
  readonly console?: boolean;
}

/** Format records for a pipeline's output, as format-default makes them. */
export function formatRecords(values: readonly unknown[], options: FormatOptions = {}): AnyFormatRecord[] {
  const generator = new FormatGenerator(options);
  const records: AnyFormatRecord[] = [];
  for (const v of values) records.push(...generator.process(v));
  records.push(...generator.end());
  return records;
}

/** What the console writes for these values, one piece per line written; a piece may hold a string's own line breaks. */
export function formatPieces(values: readonly unknown[], width: number, options: HostFormatOptions = {}): string[] {
  const color = options.color ?? false;
  const records = formatRecords(values, { width, color, enumerationLimit: options.enumerationLimit, console: options.console });
  return renderLines(records, { width, listWidth: options.listWidth, color });
}

/** The lines the console prints for these values, without line terminators. */
export function formatLines(values: readonly unknown[], width: number, options: HostFormatOptions = {}): string[] {
  return formatPieces(values, width, options).flatMap(splitLines);
}

/** What the console prints for a pipeline's output: every line ends with a newline; '' when nothing shows. */
export function formatForHost(values: readonly unknown[], width: number, options: HostFormatOptions = {}): string {
  return formatLines(values, width, options).map((l) => l + '\n').join('');
}

/**
 * Text for Out-File and `>` redirection: the console's text, uncolored. Without -Width pass the
 * console's width (120 when there is none) and `listWidth` Infinity, as PowerShell fits tables
 * to the console but leaves list values unwrapped in files; with -Width N pass N for both.
 */
export function renderToText(values: readonly unknown[], width: number, listWidth: number = width): string {
  return formatForHost(values, width, { listWidth });
}
