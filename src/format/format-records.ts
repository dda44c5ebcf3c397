// What Format-Table/List/Wide write to the pipeline: PowerShell's format records, a document of
// FormatStart, GroupStart, entries, GroupEnd, FormatEnd. Out-Default, Out-String and Out-File
// turn them into lines; any other cmdlet sees opaque objects, as in PowerShell.

import { DotNetObject } from '../runtime/values.js';
import type { Alignment } from './views.js';

export interface TableColumnInfo {
  readonly label: string;
  /** 0: sized by the renderer (from the cached rows, or by sharing the width). */
  readonly width: number;
  readonly alignment: Alignment;
}

export type ShapeInfo =
  | { readonly kind: 'table'; readonly columns: readonly TableColumnInfo[]; readonly hideHeader: boolean; readonly autoSize: boolean }
  | { readonly kind: 'list' }
  | { readonly kind: 'wide'; readonly columns: number; readonly autoSize: boolean }
  | { readonly kind: 'custom' };

export type EntryInfo =
  | { readonly kind: 'row'; readonly cells: readonly string[]; readonly multiLine: boolean }
  | { readonly kind: 'list'; readonly fields: readonly { readonly label: string; readonly text: string }[] }
  | { readonly kind: 'wide'; readonly text: string }
  /** Free text written line by line: scalars, custom views, error views. */
  | { readonly kind: 'text'; readonly text: string };

const NS = 'Microsoft.PowerShell.Commands.Internal.Format.';

abstract class FormatRecord extends DotNetObject {
  protected abstract get className(): string;
  get psTypeNames(): readonly string[] {
    return [NS + this.className, NS + 'PacketInfoData', NS + 'FormatInfoData', 'System.Object'];
  }
  psPropertyNames(): readonly string[] {
    return [];
  }
  toString(): string {
    return NS + this.className;
  }
}

export class FormatStartData extends FormatRecord {
  constructor(readonly shape: ShapeInfo) {
    super();
  }
  protected get className(): string {
    return 'FormatStartData';
  }
}

export class GroupStartData extends FormatRecord {
  /** Heading lines (e.g. `    Directory: /tmp`), null when the group has none. */
  constructor(readonly header: readonly string[] | null) {
    super();
  }
  protected get className(): string {
    return 'GroupStartData';
  }
}

export class FormatEntryData extends FormatRecord {
  /** Out-of-band entries print where they arrive without belonging to the current table. */
  constructor(readonly entry: EntryInfo, readonly outOfBand: boolean) {
    super();
  }
  protected get className(): string {
    return 'FormatEntryData';
  }
}

export class GroupEndData extends FormatRecord {
  protected get className(): string {
    return 'GroupEndData';
  }
}

export class FormatEndData extends FormatRecord {
  protected get className(): string {
    return 'FormatEndData';
  }
}

export type AnyFormatRecord = FormatStartData | GroupStartData | FormatEntryData | GroupEndData | FormatEndData;

export function isFormatRecord(value: unknown): value is AnyFormatRecord {
  return value instanceof FormatRecord;
}
