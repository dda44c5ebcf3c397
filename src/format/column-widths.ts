// Fitting table columns into the screen width, as PowerShell's ColumnWidthManager does: columns
// without a width share the free space one cell at a time from the left; when the table is too
// wide the last visible column shrinks, or is hidden (-1) when it would go below one cell.

const MIN_COLUMN_WIDTH = 1;
const SEPARATOR_WIDTH = 1;

function tableWidth(widths: readonly number[]): number {
  const visible = widths.filter((w) => w > 0);
  return visible.reduce((a, b) => a + b, 0) + SEPARATOR_WIDTH * (visible.length - 1);
}

/** Returns true when the widths fit without trimming. */
function assign(widths: number[], screen: number): boolean {
  if (widths.every((w) => w > 0)) return tableWidth(widths) <= screen;
  const fixed = widths.map((w) => w > 0);
  for (let k = 0; k < widths.length; k++) if (widths[k] === 0) widths[k] = MIN_COLUMN_WIDTH;
  let available = screen - tableWidth(widths);
  if (available < 0) return false;
  while (available > 0) {
    for (let k = 0; k < widths.length && available > 0; k++) {
      if (fixed[k]) continue;
      widths[k]++;
      available--;
    }
  }
  return true;
}

function trimToFit(widths: number[], screen: number): void {
  for (;;) {
    const excess = tableWidth(widths) - screen;
    if (excess <= 0) return;
    const hidden = widths.findIndex((w) => w < 0);
    const last = (hidden < 0 ? widths.length : hidden) - 1;
    if (last < 0) return;
    const shrunk = widths[last] - excess;
    widths[last] = shrunk < MIN_COLUMN_WIDTH ? -1 : shrunk;
  }
}

/** Final column widths for `screen` cells; 0 in `requested` means "size it for me", -1 in the result "hidden". */
export function fitColumns(requested: readonly number[], screen: number): number[] {
  const widths = [...requested];
  if (!assign(widths, screen)) trimToFit(widths, screen);
  return widths;
}
