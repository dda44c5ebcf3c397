import { describe, expect, it } from 'vitest';
import { formatNumber, formatOperator } from '../../../src/runtime/format-string.js';
import { RuntimeError } from '../../../src/runtime/exceptions.js';
import { PSDateTime } from '../../../src/runtime/datetime.js';

describe('formatNumber', () => {
  const table: { value: number | bigint; spec: string; want: string }[] = [
    { value: 1234.567, spec: 'N2', want: '1,234.57' }, { value: 1234.567, spec: 'N', want: '1,234.57' }, { value: 1234, spec: 'N0', want: '1,234' },
    { value: -1234.5, spec: 'N1', want: '-1,234.5' }, { value: 0.125, spec: 'N2', want: '0.13' }, { value: 2.345, spec: 'N2', want: '2.35' },
    { value: 1.005, spec: 'F2', want: '1.00' }, { value: 1.005, spec: '0.00', want: '1.01' }, { value: 0.125, spec: 'F2', want: '0.13' }, { value: 3.14159, spec: 'F3', want: '3.142' }, { value: 2, spec: 'F', want: '2.00' },
    { value: 42, spec: 'D5', want: '00042' }, { value: -42, spec: 'D5', want: '-00042' }, { value: 42n, spec: 'D', want: '42' },
    { value: 255, spec: 'X', want: 'FF' }, { value: 255, spec: 'x4', want: '00ff' }, { value: -1, spec: 'X', want: 'FFFFFFFF' }, { value: -1n, spec: 'X', want: 'FFFFFFFFFFFFFFFF' },
    { value: 0.1234, spec: 'P', want: '12.34%' }, { value: 0.00125, spec: 'P1', want: '0.1%' }, { value: 1e22, spec: 'N0', want: '10,000,000,000,000,000,000,000' }, { value: 0.5, spec: 'P0', want: '50%' }, { value: 1234.5, spec: 'C', want: '$1,234.50' },
    { value: -5, spec: 'C', want: '-$5.00' }, { value: 1234.5, spec: 'E2', want: '1.23E+003' }, { value: 0.00012, spec: 'e', want: '1.200000e-004' },
    { value: 1234.5, spec: 'G', want: '1234.5' }, { value: 1e20, spec: 'G', want: '1E+20' }, { value: 123456, spec: 'G3', want: '1.23E+05' },
    { value: 0.1 + 0.2, spec: 'R', want: '0.30000000000000004' }, { value: Math.PI, spec: 'R', want: '3.141592653589793' },
    { value: 3.14159, spec: '0.00', want: '3.14' }, { value: 3, spec: '0.00', want: '3.00' }, { value: 1234567.891, spec: '#,##0.00', want: '1,234,567.89' },
    { value: 1234567, spec: '#,##0', want: '1,234,567' }, { value: 0.256, spec: '0%', want: '26%' }, { value: 0.256, spec: '0.0%', want: '25.6%' },
    { value: 5, spec: '000', want: '005' }, { value: 1.5, spec: '#.##', want: '1.5' }, { value: 0.5, spec: '#.##', want: '.5' }, { value: -3.5, spec: '0.0', want: '-3.5' },
    { value: 5, spec: '0.0;(0.0);zero', want: '5.0' }, { value: -5, spec: '0.0;(0.0);zero', want: '(5.0)' }, { value: 0, spec: '0.0;(0.0);zero', want: 'zero' },
    { value: 42, spec: "'#'0", want: '#42' }, { value: 7, spec: '0 items', want: '7 items' },
  ];
  it.each(table)('$value:$spec', ({ value, spec, want }) => expect(formatNumber(value, spec)).toBe(want));
});

describe('formatOperator', () => {
  const date = PSDateTime.fromParts(2024, 1, 2, 15, 4, 5);
  const table: { format: string; args: unknown[]; want: string }[] = [
    { format: '{0}', args: [1], want: '1' }, { format: '{0} {1} {0}', args: ['a', 'b'], want: 'a b a' }, { format: '{{0}}', args: [1], want: '{0}' },
    { format: '{{{0}}}', args: [1], want: '{1}' }, { format: '[{0,5}]', args: [42], want: '[   42]' }, { format: '[{0,-5}]', args: [42], want: '[42   ]' },
    { format: '{0:N2}', args: [1234.5], want: '1,234.50' }, { format: '{0,10:N1}|', args: [1234.5], want: '   1,234.5|' }, { format: '{1:X4}', args: [0, 255], want: '00FF' },
    { format: '{0:yyyy-MM-dd}', args: [date], want: '2024-01-02' }, { format: '{0:HH:mm:ss}', args: [date], want: '15:04:05' },
    { format: '{0}', args: [null], want: '' }, { format: '{0}', args: [true], want: 'True' }, { format: '{0}', args: [0.1], want: '0.1' },
    { format: '{0}', args: [[1, 2]], want: '1 2' }, { format: 'no items', args: [], want: 'no items' }, { format: '{0:P1}', args: [0.5], want: '50.0%' },
    { format: '{ 0 }', args: ['x'], want: 'x' }, { format: '{0}', args: [0.1 + 0.2], want: '0.30000000000000004' },
    { format: '{0}', args: [date], want: '1/2/2024 3:04:05 PM' },
  ];
  it.each(table)('$format', ({ format, args, want }) => expect(formatOperator(format, args)).toBe(want));

  const failing: { format: string; args: unknown[]; message: string }[] = [
    { format: '{1}', args: [1], message: 'Error formatting a string: Index (zero based) must be greater than or equal to zero and less than the size of the argument list..' },
    { format: '{0', args: [1], message: 'Error formatting a string: Input string was not in a correct format..' },
    { format: 'a}b', args: [], message: 'Error formatting a string: Input string was not in a correct format..' },
  ];
  it.each(failing)('$format fails', ({ format, args, message }) => {
    expect(() => formatOperator(format, args)).toThrowError(RuntimeError);
    expect(() => formatOperator(format, args)).toThrowError(message);
  });
});
