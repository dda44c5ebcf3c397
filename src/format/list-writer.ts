// List entries as text, following PowerShell's ListWriter: labels padded to the longest one in
// the entry, then ` : `, then the value; values wrap under themselves, never under the label.

import { cellLength, splitLines, takeHead, wrapText } from './display-cells.js';

const SEPARATOR = ' : ';
const MIN_FIELD_WIDTH = 1;
const MIN_LABEL_WIDTH = 1;

export interface ListField {
  readonly label: string;
  readonly text: string;
}

/** Lines of one list entry; `styleLabel` colors the `Label : ` part (identity when uncolored). */
export function listLines(fields: readonly ListField[], screenWidth: number, styleLabel: (s: string) => string = (s) => s): string[] {
  if (fields.length === 0) return [];
  if (screenWidth - SEPARATOR.length - MIN_FIELD_WIDTH - MIN_LABEL_WIDTH < 0) return [];
  const maxLabel = screenWidth - SEPARATOR.length - MIN_FIELD_WIDTH;
  const labelWidth = Math.min(maxLabel, Math.max(...fields.map((f) => cellLength(f.label))));
  const labels = fields.map((f) => {
    const len = cellLength(f.label);
    const fitted = len < labelWidth ? f.label + ' '.repeat(labelWidth - len) : len > labelWidth ? takeHead(f.label, labelWidth) : f.label;
    return fitted + SEPARATOR;
  });
  const indent = ' '.repeat(labelWidth + SEPARATOR.length);
  const fieldWidth = screenWidth - indent.length;
  const out: string[] = [];
  fields.forEach((f, k) => {
    splitLines(f.text).forEach((line, i) => {
      wrapText(line, fieldWidth).forEach((piece, j) => {
        if (i === 0 && j === 0) out.push(styleLabel(labels[k]) + piece);
        else out.push(indent + piece);
      });
    });
  });
  return out;
}
