// Table rows as text, following PowerShell's TableWriter: one space between columns, cells padded
// to their column except the last (so lines carry no trailing blanks), text cut with `…` when it
// is too wide, and with -Wrap (and for headers) cells broken over several lines instead.

import { ELLIPSIS, cellLength, splitLines, takeHead, takeTail, wrapText } from './display-cells.js';
import { fitColumns } from './column-widths.js';
import type { Alignment } from './views.js';

const SEPARATOR = ' ';
/** Narrower screens show no table at all. */
const MIN_SCREEN_COLUMNS = 5;

export interface TableStyle {
  /** Wraps header cells (PowerShell's $PSStyle.Formatting.TableHeader); identity when uncolored. */
  readonly header: (text: string) => string;
}

export const PLAIN_TABLE: TableStyle = { header: (t) => t };

function pad(n: number): string {
  return n > 0 ? ' '.repeat(n) : '';
}

/** A value's first line, with `…` when more lines follow (single-line rows). */
function firstLine(value: string): string {
  const lines = splitLines(value);
  return lines.length > 1 ? lines[0] + ELLIPSIS : value;
}

/** Fits one value to `width` cells: padded per alignment (not on the right of the last column), or cut with `…`. */
function fitCell(value: string, width: number, alignment: Alignment, addPadding: boolean): string {
  let s = firstLine(value);
  const len = cellLength(s);
  if (len < width) {
    const n = width - len;
    if (alignment === 'right') s = pad(n) + s;
    else if (alignment === 'center') s = pad(Math.floor(n / 2)) + s + (addPadding ? pad(n - Math.floor(n / 2)) : '');
    else if (addPadding) s += pad(n);
  } else if (len > width) {
    const keep = width - 1;
    if (keep > 0) s = alignment === 'right' ? ELLIPSIS + takeTail(s, keep) : takeHead(s, keep) + ELLIPSIS;
    else s = alignment === 'right' ? takeTail(s, width) : takeHead(s, width);
  }
  // A wide character cut in half leaves the cell one short.
  if (cellLength(s) !== width) {
    if (alignment === 'right') s = ' ' + s;
    else if (addPadding) s += ' ';
  }
  return s;
}

export class TableWriter {
  private readonly widths: number[];
  readonly disabled: boolean;

  constructor(
    requestedWidths: readonly number[],
    private readonly alignments: readonly Alignment[],
    screenWidth: number,
    private readonly style: TableStyle = PLAIN_TABLE,
  ) {
    this.widths = fitColumns(requestedWidths, screenWidth);
    this.disabled = screenWidth < MIN_SCREEN_COLUMNS || !this.widths.some((w) => w >= 1);
  }

  /** Header label lines and the dashes line under them. */
  header(labels: readonly string[]): string[] {
    if (this.disabled) return [];
    const dashes = labels.map((label, k) => {
      const w = this.widths[k];
      if (w <= 0) return '';
      return '-'.repeat(label === '' ? w : Math.min(w, cellLength(label)));
    });
    return [...this.multiLineRow(labels, true), this.singleLineRow(dashes, true)];
  }

  row(values: readonly string[], multiLine: boolean): string[] {
    if (this.disabled) return [];
    return multiLine ? this.multiLineRow(values, false) : [this.singleLineRow(values, false)];
  }

  private singleLineRow(values: readonly string[], isHeader: boolean): string {
    let line = '';
    const last = this.widths.length - 1;
    for (let k = 0; k < this.widths.length; k++) {
      const w = this.widths[k];
      if (w <= 0) continue;
      const cell = (k > 0 ? SEPARATOR : '') + fitCell(values[k] ?? '', w, this.alignments[k] ?? 'left', k !== last);
      line += isHeader ? this.style.header(cell) : cell;
    }
    return line;
  }

  private multiLineRow(values: readonly string[], isHeader: boolean): string[] {
    const visible = this.widths.map((w, k) => (w > 0 ? k : -1)).filter((k) => k >= 0);
    if (visible.length === 0) return [];
    const columns = visible.map((k, i) => {
      const w = this.widths[k];
      const alignment = this.alignments[k] ?? 'left';
      const addPadding = i !== visible.length - 1;
      let lines = wrapText(values[k] ?? '', w);
      if (addPadding || alignment === 'right' || alignment === 'center') {
        lines = lines.map((l) => (cellLength(l) < w ? fitCell(l, w, alignment, addPadding) : l));
      }
      return i > 0 ? lines.map((l) => SEPARATOR + l) : lines;
    });
    const rows = Math.max(...columns.map((c) => c.length));
    const lastWithContent = Array.from({ length: rows }, (_, r) => {
      let last = 0;
      columns.forEach((c, i) => {
        if (c.length > r) last = i;
      });
      return last;
    });
    columns.forEach((c, i) => {
      const blanks = i < columns.length - 1 ? this.widths[visible[i]] + (i > 0 ? SEPARATOR.length : 0) : 0;
      for (let r = c.length; r < rows; r++) c.push(i > lastWithContent[r] ? '' : pad(blanks));
    });
    const out: string[] = [];
    for (let r = 0; r < rows; r++) {
      let line = '';
      columns.forEach((c, i) => {
        let v = c[r];
        if (i === lastWithContent[r] && rows > 1) v = v.trimEnd();
        line += isHeader && v !== '' ? this.style.header(v) : v;
      });
      out.push(line);
    }
    return out;
  }
}
