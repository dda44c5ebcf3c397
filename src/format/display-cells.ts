// Screen cells a string occupies, the way PowerShell's DisplayCells counts them: East Asian wide
// and full-width characters take two cells, everything else one. Tables and lists measure and
// truncate by cells, not by UTF-16 code units.

/** U+2026, what PowerShell appends to (or prepends before) a truncated cell. */
export const ELLIPSIS = '\u2026';

/** True for code points that a terminal draws two cells wide. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

function charCells(ch: string): number {
  return isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
}

/** Number of screen cells of `s`; ANSI escape sequences take none. */
export function cellLength(s: string): number {
  let n = 0;
  for (const ch of stripAnsi(s)) n += charCells(ch);
  return n;
}

const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

export function stripAnsi(s: string): string {
  return s.includes('\x1b') ? s.replace(ANSI, '') : s;
}

/** The longest prefix of `s` that fits in `cells` screen cells. */
export function takeHead(s: string, cells: number): string {
  let used = 0;
  let out = '';
  for (const ch of s) {
    const w = charCells(ch);
    if (used + w > cells) break;
    used += w;
    out += ch;
  }
  return out;
}

/** The longest suffix of `s` that fits in `cells` screen cells. */
export function takeTail(s: string, cells: number): string {
  const chars = [...s];
  let used = 0;
  let start = chars.length;
  while (start > 0) {
    const w = charCells(chars[start - 1]);
    if (used + w > cells) break;
    used += w;
    start--;
  }
  return chars.slice(start).join('');
}

/** Words with the delimiter that follows them (space, tab or soft hyphen), as PowerShell breaks text. */
function words(line: string): { word: string; delim: string }[] {
  const out: { word: string; delim: string }[] = [];
  let word = '';
  for (const ch of line) {
    if (ch === ' ' || ch === '\t' || ch === '\u00ad') {
      out.push({ word, delim: ch });
      word = '';
    } else word += ch;
  }
  out.push({ word, delim: '' });
  return out;
}

/**
 * PowerShell's GenerateLines with word wrap (its behaviour for English): each line of `text`
 * is cut into pieces of at most `width` cells at word boundaries, a word longer than a line is
 * cut anywhere. The delimiter stays at the end of the piece it follows.
 */
export function wrapText(text: string, width: number): string[] {
  if (text === '') return [''];
  const out: string[] = [];
  for (const line of splitLines(text)) {
    if (width <= 0 || cellLength(line) <= width) {
      out.push(line);
      continue;
    }
    let current = '';
    let left = width;
    const flush = (next: string, used: number): void => {
      out.push(current);
      current = next;
      left = width - used;
    };
    for (const { word, delim } of words(line)) {
      let piece = word;
      if (delim === '\u00ad') {
        if (cellLength(word) + 1 === left) piece += '-';
      } else piece += delim;
      const w = cellLength(piece);
      if (w > width) {
        for (const ch of piece) {
          const cw = Math.min(charCells(ch), width);
          if (cw > left) flush(ch, cw);
          else {
            current += ch;
            left -= cw;
          }
        }
      } else if (w > left) flush(piece, w);
      else {
        current += piece;
        left -= w;
      }
    }
    out.push(current);
  }
  return out;
}

/** Splits text at CR LF, LF or CR. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}
