// Format views as data: which columns, list fields, wide entry or custom text a type shows, the
// way PowerShell's *.format.ps1xml files declare them. Views are looked up by the object's type
// name chain; other modules may register more with `registerView`.

import { getProperty } from '../runtime/properties.js';

export type Alignment = 'left' | 'right' | 'center';

/** A property name, or a function computing the shown value (PowerShell's script block columns). */
export type ValueSource = string | ((target: unknown) => unknown);

export interface TableColumnDefinition {
  readonly label: string;
  /** 0 or absent: sized by the width manager. */
  readonly width?: number;
  /** Absent: left (PowerShell's "undefined" alignment prints left-aligned). */
  readonly alignment?: Alignment;
  readonly value: ValueSource;
}

export interface GroupByDefinition {
  readonly value: ValueSource;
  /** Shown as `   Label: value` unless `header` renders the group's heading lines itself. */
  readonly label: string;
  readonly header?: (groupValue: unknown) => readonly string[];
}

export interface TableControl {
  readonly kind: 'table';
  readonly columns: readonly TableColumnDefinition[];
  readonly autoSize?: boolean;
  readonly wrap?: boolean;
  readonly groupBy?: GroupByDefinition;
}

export interface ListItemDefinition {
  readonly label: string;
  readonly value: ValueSource;
}

export interface ListControl {
  readonly kind: 'list';
  readonly items: readonly ListItemDefinition[];
  readonly groupBy?: GroupByDefinition;
}

export interface WideControl {
  readonly kind: 'wide';
  readonly value: ValueSource;
  readonly groupBy?: GroupByDefinition;
}

/** Free-form text (PowerShell's CustomControl), e.g. a DateTime's long form or an ErrorRecord. */
export interface CustomControl {
  readonly kind: 'custom';
  readonly render: (target: unknown, context: RenderContext) => string;
  /** Out-of-band views print where the object appears, without joining or ending a table. */
  readonly outOfBand?: boolean;
}

/** What a custom view may depend on besides the object. */
export interface RenderContext {
  readonly width: number;
  readonly color: boolean;
  /** Console output, where PowerShell writes a merged WarningRecord through the host's warning line. */
  readonly console: boolean;
}

export type ViewControl = TableControl | ListControl | WideControl | CustomControl;
export type ViewShape = ViewControl['kind'];

export interface ViewDefinition {
  readonly name: string;
  /** Type names the view is selected by (any of them in the object's type chain). */
  readonly typeNames: readonly string[];
  readonly control: ViewControl;
}

const views: ViewDefinition[] = [];

export function registerView(view: ViewDefinition): void {
  views.push(view);
}

function matchIn(typeNames: readonly string[], shape: ViewShape | undefined, outOfBandOnly: boolean): ViewDefinition | null {
  for (const typeName of typeNames) {
    const t = typeName.toLowerCase();
    for (const v of views) {
      if (shape !== undefined && v.control.kind !== shape) continue;
      if (outOfBandOnly && !(v.control.kind === 'custom' && v.control.outOfBand)) continue;
      if (v.typeNames.some((n) => n.toLowerCase() === t)) return v;
    }
  }
  return null;
}

const DESERIALIZED = 'Deserialized.';

/**
 * The first registered view for the nearest type in the chain. When nothing matches, a
 * deserialized object (`Deserialized.X`) gets X's view, as PowerShell masks the prefix.
 */
export function findView(typeNames: readonly string[], shape?: ViewShape, outOfBandOnly = false): ViewDefinition | null {
  const found = matchIn(typeNames, shape, outOfBandOnly);
  if (found || !typeNames.some((n) => n.startsWith(DESERIALIZED))) return found;
  const masked = typeNames.map((n) => (n.startsWith(DESERIALIZED) ? n.slice(DESERIALIZED.length) : n));
  return matchIn(masked, shape, outOfBandOnly);
}

/** True when the view was registered for one of the names (or their non-deserialized forms). */
export function viewApplies(view: ViewDefinition, typeNames: readonly string[]): boolean {
  const names = new Set(view.typeNames.map((n) => n.toLowerCase()));
  return typeNames.some((n) => {
    const t = n.toLowerCase();
    return names.has(t) || (t.startsWith('deserialized.') && names.has(t.slice(DESERIALIZED.length)));
  });
}

export function readValue(target: unknown, source: ValueSource): unknown {
  return typeof source === 'string' ? getProperty(target, source).value : source(target);
}
