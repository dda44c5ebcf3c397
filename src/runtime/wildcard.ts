// PowerShell wildcards (`*`, `?`, `[a-z]`, backtick escapes) as anchored regular expressions,
// shared by -like, Get-ChildItem -Filter, parameter completion and name filters of cmdlets.

const cache = new Map<string, RegExp>();
const CACHE_LIMIT = 1000;

/** True when the pattern has an unescaped wildcard character. */
export function isWildcard(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '`') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

function escapeRegex(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? '\\' + c : c;
}

/** The anchored RegExp for a wildcard pattern; case-insensitive unless asked. */
export function wildcardToRegExp(pattern: string, caseSensitive = false): RegExp {
  const key = (caseSensitive ? 'c' : 'i') + pattern;
  let re = cache.get(key);
  if (re !== undefined) return re;
  let source = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '`' && i + 1 < pattern.length) source += escapeRegex(pattern[++i]);
    else if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) { source += '\\['; continue; }
      let set = '';
      for (let j = i + 1; j < close; j++) {
        const d = pattern[j];
        if (d === '`' && j + 1 < close) set += escapeRegex(pattern[++j]);
        else if (d === '-' && j > i + 1 && j < close - 1) set += '-';
        else set += d === '^' || d === '\\' || d === ']' || d === '[' ? '\\' + d : d;
      }
      source += '[' + set + ']';
      i = close;
    } else source += escapeRegex(c);
  }
  re = new RegExp(source + '$', caseSensitive ? 's' : 'is');
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, re);
  return re;
}
