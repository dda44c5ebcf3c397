// Source text plus a table of line starts: tokens carry only offsets, and extents get their
// 1-based line and column from this table when a node or error is made.
import type { Extent } from './ast.js';

export class SourceText {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string, readonly file: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  /** Extent of [start, end) with end exclusive. */
  extent(start: number, end: number): Extent {
    const s = this.position(start);
    const e = this.position(end);
    return { file: this.file, start, end, startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
  }

  /** Line index of the previous lookup: nodes are made roughly in source order, so it is usually right. */
  private lastLine = 0;

  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts;
    const guess = this.lastLine;
    if (starts[guess]! <= offset && (guess + 1 >= starts.length || starts[guess + 1]! > offset)) {
      return { line: guess + 1, column: offset - starts[guess]! + 1 };
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.lastLine = lo;
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}
