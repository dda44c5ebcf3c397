// Format-Table, Format-List and Format-Wide: each writes format records (a document describing
// the table, list or wide view) that Out-Default, Out-String or Out-File render; values they
// cannot format (scalars without -Force) pass through as text entries, as in PowerShell.

import type { BoundParameters, CmdletContext, CmdletDefinition, ParameterDefinition } from '../runtime/cmdlet.js';
import type { ScriptBlock } from '../runtime/values.js';
import { DEFAULT_ENUMERATION_LIMIT } from './cell-text.js';
import { FormatGenerator, type FormatOptions } from './format-generator.js';
import { parsePropertySpec, type ScriptEvaluator } from './property-specs.js';

/** $_ evaluation for calculated properties, through the runspace. */
export function scriptEvaluator(ctx: CmdletContext): ScriptEvaluator {
  return (block: ScriptBlock, dollarUnder: unknown) => {
    const out = ctx.session.invoke(block, { dollarUnder });
    return out.length === 0 ? null : out.length === 1 ? out[0] : out;
  };
}

/** $FormatEnumerationLimit of the session, PowerShell's default 4 when unset. */
export function enumerationLimit(ctx: CmdletContext): number {
  const v = ctx.session.hasVariable('FormatEnumerationLimit') ? ctx.session.getVariable('FormatEnumerationLimit') : null;
  return typeof v === 'number' ? v : DEFAULT_ENUMERATION_LIMIT;
}

const inputObject: ParameterDefinition = { name: 'InputObject', type: 'psobject', valueFromPipeline: true };
const force: ParameterDefinition = { name: 'Force', type: 'switch' };
const groupBy: ParameterDefinition = { name: 'GroupBy', type: 'object' };

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

type Shape = NonNullable<FormatOptions['shape']>;

/** The definition shared by the three Format-* cmdlets; `extra` maps their own switches to options. */
function formatCommand(
  name: string,
  alias: string,
  shape: Shape,
  parameters: readonly ParameterDefinition[],
  extra: (params: BoundParameters) => Partial<FormatOptions>,
): CmdletDefinition {
  return {
    name,
    aliases: [alias],
    parameters: [...parameters, groupBy, force, inputObject],
    create(ctx) {
      let generator: FormatGenerator | null = null;
      const emit = (records: readonly unknown[]): void => {
        for (const r of records) ctx.writeObject(r);
      };
      return {
        begin(params) {
          const evaluate = scriptEvaluator(ctx);
          generator = new FormatGenerator({
            shape,
            properties: asList(params.Property).map((p) => parsePropertySpec(p, evaluate)),
            groupBy: params.GroupBy === undefined || params.GroupBy === null ? undefined : parsePropertySpec(params.GroupBy, evaluate),
            force: params.Force === true,
            enumerationLimit: enumerationLimit(ctx),
            width: ctx.host.ui.width,
            ...extra(params),
          });
        },
        process(params) {
          if (generator && params.InputObject !== undefined) emit(generator.process(params.InputObject));
        },
        end() {
          if (generator) emit(generator.end());
        },
      };
    },
  };
}

const switchOn = (v: unknown): boolean | undefined => (v === true ? true : undefined);

export const formatTableCommand = formatCommand(
  'Format-Table',
  'ft',
  'table',
  [
    { name: 'Property', type: 'object[]', position: 0 },
    { name: 'AutoSize', type: 'switch' },
    { name: 'HideTableHeaders', type: 'switch' },
    { name: 'Wrap', type: 'switch' },
  ],
  (p) => ({ autoSize: switchOn(p.AutoSize), hideTableHeaders: switchOn(p.HideTableHeaders), wrap: switchOn(p.Wrap) }),
);

export const formatListCommand = formatCommand('Format-List', 'fl', 'list', [{ name: 'Property', type: 'object[]', position: 0 }], () => ({}));

export const formatWideCommand = formatCommand(
  'Format-Wide',
  'fw',
  'wide',
  [
    { name: 'Property', type: 'object', position: 0 },
    { name: 'Column', type: 'int' },
    { name: 'AutoSize', type: 'switch' },
  ],
  (p) => ({ columns: typeof p.Column === 'number' && p.Column > 0 ? p.Column : undefined, autoSize: switchOn(p.AutoSize) }),
);
