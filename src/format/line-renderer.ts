// Format records → console lines (PowerShell's out-lineoutput). Owns the blank lines PowerShell
// prints: one when a document starts, one when it ends (lists end with their last entry's blank
// line instead), one after each group heading. Tables whose view gives no widths (and
// -AutoSize tables) hold their rows until the group ends so columns fit the widest cell.

import { cellLength } from './display-cells.js';
import {
  FormatEndData, FormatEntryData, FormatStartData, GroupEndData, GroupStartData,
  type AnyFormatRecord, type ShapeInfo,
} from './format-records.js';
import { listLines } from './list-writer.js';
import { PLAIN_TABLE, TableWriter, type TableStyle } from './table-writer.js';

export interface RenderOptions {
  /** Columns tables and wide views fit into. */
  readonly width: number;
  /**
   * Columns list values wrap at; defaults to `width`. Out-String and Out-File without -Width
   * pass Infinity: PowerShell sizes their tables by the console but never wraps their lists.
   */
  readonly listWidth?: number;
  readonly color: boolean;
}

const HEADER_STYLE = '\x1b[32;1m';
const RESET = '\x1b[0m';

/** Items per row when Format-Wide -AutoSize knows the widest item (PowerShell's best fit). */
function bestItemsPerRow(itemWidth: number, screen: number): number {
  if (itemWidth <= 0 || screen < 1 || itemWidth >= screen) return 1;
  let n = 1;
  while (itemWidth * (n + 1) + n < screen) n++;
  return n;
}

export class LineRenderer {
  /** Output lines; text entries (strings, custom views) stay whole and may hold line breaks. */
  readonly lines: string[] = [];
  private shape: ShapeInfo | null = null;
  private table: TableWriter | null = null;
  private wideRow: string[] = [];
  private wideColumns = 2;
  /** Records of the current group, held while its column widths are not known yet. */
  private held: AnyFormatRecord[] | null = null;
  private hint: number[] | null = null;
  private readonly style: TableStyle;

  constructor(private readonly options: RenderOptions) {
    this.style = options.color ? { header: (t) => HEADER_STYLE + t + RESET } : PLAIN_TABLE;
  }

  write(record: AnyFormatRecord): void {
    if (this.held) {
      this.held.push(record);
      if (record instanceof GroupEndData || record instanceof FormatEndData) this.release();
      return;
    }
    if (record instanceof GroupStartData && this.needsWidths()) {
      this.held = [record];
      return;
    }
    this.render(record);
  }

  /** Renders whatever is still held (a document cut short, e.g. by Select-Object -First). */
  finish(): string[] {
    if (this.held) this.release();
    this.closeWideRow();
    return this.lines;
  }

  private needsWidths(): boolean {
    const s = this.shape;
    if (s?.kind === 'table') return s.autoSize || (s.columns.length > 0 && s.columns[0].width === 0);
    return s?.kind === 'wide' && s.autoSize && s.columns === 0;
  }

  private release(): void {
    const held = this.held ?? [];
    this.held = null;
    this.hint = this.widthsFrom(held);
    for (const r of held) this.render(r);
    this.hint = null;
  }

  /** Column widths from the held rows (or the widest wide item), as PowerShell's cached-group hint. */
  private widthsFrom(held: readonly AnyFormatRecord[]): number[] | null {
    const s = this.shape;
    const entries = held.filter((r): r is FormatEntryData => r instanceof FormatEntryData && !r.outOfBand);
    if (s?.kind === 'table') {
      const widths = s.columns.map((c) => cellLength(c.label));
      for (const { entry } of entries) {
        if (entry.kind !== 'row') continue;
        entry.cells.forEach((cell, k) => {
          if (k < widths.length) widths[k] = Math.max(widths[k], cellLength(cell));
        });
      }
      return widths;
    }
    if (s?.kind === 'wide') return [Math.max(0, ...entries.map(({ entry }) => (entry.kind === 'wide' ? cellLength(entry.text) : 0)))];
    return null;
  }

  private render(record: AnyFormatRecord): void {
    if (record instanceof FormatStartData) {
      this.lines.push('');
      this.shape = record.shape;
    } else if (record instanceof GroupStartData) {
      this.groupStart(record);
    } else if (record instanceof FormatEntryData) {
      this.entry(record);
    } else if (record instanceof GroupEndData) {
      this.closeWideRow();
    } else if (record instanceof FormatEndData) {
      this.closeWideRow();
      if (this.shape?.kind !== 'list') this.lines.push('');
      this.shape = null;
      this.table = null;
    }
  }

  private groupStart(record: GroupStartData): void {
    if (record.header) this.lines.push(...record.header, '');
    const s = this.shape;
    const width = this.options.width;
    if (s?.kind === 'table') {
      const widths = this.hint ?? s.columns.map((c) => c.width);
      this.table = new TableWriter(widths, s.columns.map((c) => c.alignment), width, this.style);
      if (!s.hideHeader) this.lines.push(...this.table.header(s.columns.map((c) => c.label)));
    } else if (s?.kind === 'wide') {
      this.wideColumns = this.hint ? bestItemsPerRow(this.hint[0], width) : s.columns > 0 ? s.columns : 2;
      this.table = new TableWriter(new Array<number>(this.wideColumns).fill(0), [], width, this.style);
      this.wideRow = [];
    }
  }

  private entry(record: FormatEntryData): void {
    const e = record.entry;
    const labelStyle = this.options.color ? (t: string) => HEADER_STYLE + t + RESET : undefined;
    switch (e.kind) {
      case 'text':
        // Kept whole: Out-String -NoNewline preserves a string's own line breaks.
        this.lines.push(e.text);
        return;
      case 'list':
        if (record.outOfBand) this.lines.push('');
        this.lines.push(...listLines(e.fields, this.options.listWidth ?? this.options.width, labelStyle), '');
        return;
      case 'row':
        if (this.table) this.lines.push(...this.table.row(e.cells, e.multiLine));
        return;
      case 'wide':
        this.wideRow.push(e.text);
        if (this.wideRow.length >= this.wideColumns) this.closeWideRow();
        return;
    }
  }

  private closeWideRow(): void {
    if (this.wideRow.length === 0 || !this.table) return;
    const values = [...this.wideRow, ...new Array<string>(Math.max(0, this.wideColumns - this.wideRow.length)).fill('')];
    this.lines.push(...this.table.row(values, false));
    this.wideRow = [];
  }
}

/** Everything a record sequence writes, one piece per line written (text entries whole). */
export function renderLines(records: Iterable<AnyFormatRecord>, options: RenderOptions): string[] {
  const r = new LineRenderer(options);
  for (const rec of records) r.write(rec);
  return r.finish();
}
