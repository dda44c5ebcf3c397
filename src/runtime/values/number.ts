// Numbers between text and value: PowerShell's parse of numeric strings (`'0x10'`, `' 12 '`,
// `'1e3'`) and .NET's invariant double-to-string form (15 significant digits, `1E+20`).

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Int32 when it fits, Int64 (bigint) when that fits, Double otherwise. */
function integerValue(big: bigint): number | bigint {
  if (big >= BigInt(INT32_MIN) && big <= BigInt(INT32_MAX)) return Number(big);
  if (big >= INT64_MIN && big <= INT64_MAX) return big;
  return Number(big);
}

/** Int64 results that leave Int64's range become Double, as PowerShell widens them. */
export function fromInt64(big: bigint): number | bigint {
  return big >= INT64_MIN && big <= INT64_MAX ? big : Number(big);
}

const DECIMAL_INT = /^[+-]?\d+$/;
const HEX_INT = /^([+-]?)0x([0-9a-f]+)$/i;
const REAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

const MULTIPLIERS: Record<string, bigint> = { kb: 1n << 10n, mb: 1n << 20n, gb: 1n << 30n, tb: 1n << 40n, pb: 1n << 50n };

/**
 * A numeric string as PowerShell reads it in arithmetic and casts (its number scanner, so `1kb`
 * and `0x10` count); null when it is not a number. Whitespace around is allowed.
 */
export function parseNumber(text: string): number | bigint | null {
  const s = text.trim();
  if (s.length === 0) return null;
  const suffix = s.length > 2 ? MULTIPLIERS[s.slice(-2).toLowerCase()] : undefined;
  if (suffix !== undefined) {
    const n = parseNumber(s.slice(0, -2));
    if (n === null || s[s.length - 3] === ' ') return null;
    return typeof n === 'bigint' || Number.isInteger(n) ? integerValue(BigInt(n) * suffix) : n * Number(suffix);
  }
  if (DECIMAL_INT.test(s)) {
    if (s.length < 10) return Number(s);
    return integerValue(BigInt(s));
  }
  const hex = HEX_INT.exec(s);
  if (hex) {
    let big = BigInt('0x' + hex[2]);
    // Hex digits fill the bits of an Int32 (or Int64) as in literals: 0xFFFFFFFF is -1.
    if (big > BigInt(INT32_MAX) && big <= 0xFFFFFFFFn) big -= 0x100000000n;
    else if (big > INT64_MAX && big <= 0xFFFFFFFFFFFFFFFFn) big -= 0x10000000000000000n;
    return integerValue(hex[1] === '-' ? -big : big);
  }
  if (REAL.test(s)) return Number(s);
  const lower = s.toLowerCase();
  if (lower === 'infinity' || lower === '+infinity') return Infinity;
  if (lower === '-infinity') return -Infinity;
  if (lower === 'nan') return NaN;
  return null;
}

/**
 * .NET's "G{precision}" for doubles in the invariant culture: fixed notation when the exponent
 * is in (-5, precision), scientific `1.5E+20` / `1E-05` otherwise, trailing zeros dropped.
 */
export function formatDouble(n: number, precision = 15): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (n === 0) return '0';
  const [mantissa, expText] = n.toExponential(precision - 1).split('e');
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '').replace(/0+$/, '') || '0';
  let body: string;
  if (exp > -5 && exp < precision) {
    if (exp < 0) body = '0.' + '0'.repeat(-exp - 1) + digits;
    else if (digits.length <= exp + 1) body = digits + '0'.repeat(exp + 1 - digits.length);
    else body = digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
  } else {
    body = digits[0] + (digits.length > 1 ? '.' + digits.slice(1) : '') + 'E' + (exp < 0 ? '-' : '+') + String(Math.abs(exp)).padStart(2, '0');
  }
  return negative ? '-' + body : body;
}

/** .NET's "R": the shortest text that reads back as the same double. */
export function formatDoubleRoundTrip(n: number): string {
  for (const p of [15, 16, 17]) {
    const s = formatDouble(n, p);
    if (Number(s) === n || Number.isNaN(n) || !Number.isFinite(n)) return s;
  }
  return formatDouble(n, 17);
}
