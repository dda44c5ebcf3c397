// Where-Object: the script-block filter and the simplified `Where-Object Name -eq value` form,
// whose comparison operators are switch parameters applied with the runtime's operators.

import type { BoundParameters, CmdletDefinition, ParameterDefinition } from '../runtime/cmdlet.js';
import { toBool, toStr } from '../runtime/convert.js';
import { binaryOperator } from '../runtime/operators.js';
import { getMember } from '../runtime/members.js';
import { ScriptBlock } from '../runtime/values.js';

/** Operator switches of the simplified syntax, by parameter name; the C-prefixed forms are case-sensitive. */
const OPERATORS = ['EQ', 'NE', 'GT', 'GE', 'LT', 'LE', 'Like', 'NotLike', 'Match', 'NotMatch', 'Contains', 'NotContains', 'In', 'NotIn'];
const CASE_SENSITIVE = OPERATORS.map((o) => 'C' + o);
const TYPE_OPERATORS = ['Is', 'IsNot'];

const operatorParameters: ParameterDefinition[] = [...OPERATORS, ...CASE_SENSITIVE, ...TYPE_OPERATORS, 'Not'].map((name) => ({
  name,
  aliases: OPERATORS.includes(name) ? ['I' + name] : undefined,
  type: 'switch',
}));

function chosenOperator(p: BoundParameters): string | null {
  for (const o of [...OPERATORS, ...CASE_SENSITIVE, ...TYPE_OPERATORS, 'Not']) if (p[o] === true) return o;
  return null;
}

export const whereObject: CmdletDefinition = {
  name: 'Where-Object',
  aliases: ['?', 'where'],
  parameters: [
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    // A script block in position 0 is the filter; a name is the simplified syntax's property.
    { name: 'Property', aliases: ['FilterScript'], type: 'object', position: 0 },
    { name: 'Value', type: 'object', position: 1 },
    ...operatorParameters,
  ],
  create: (ctx) => ({
    process(p) {
      if (p.InputObject === undefined) return;
      const input = p.InputObject;
      const filter = p.Property;
      if (filter instanceof ScriptBlock) {
        const result = ctx.session.invoke(filter, { dollarUnder: input, dotSource: true });
        if (toBool(result)) ctx.writeObject(input);
        return;
      }
      const value = input === null ? null : getMember(input, toStr(filter));
      const op = chosenOperator(p);
      let keep: boolean;
      // Without an operator, a value means -EQ (PowerShell's default parameter set); no value tests truthiness.
      if (op === null && p.Value !== undefined) keep = toBool(binaryOperator('-eq', value, p.Value));
      else if (op === null) keep = toBool(value);
      else if (op === 'Not') keep = !toBool(value);
      else keep = toBool(binaryOperator('-' + op.toLowerCase(), value, p.Value ?? null));
      if (keep) ctx.writeObject(input);
    },
  }),
};
