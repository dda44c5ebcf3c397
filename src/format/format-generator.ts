// Objects → format records, the part of PowerShell's Format-* and Out-Default that chooses a
// view. The first object that is not printed as plain text picks the view (a registered one, or
// a table of up to 4 properties / a list of 5 or more); later objects join it when the view
// applies to them (a property-based view applies to everything) and otherwise print "out of
// band" where they arrive: scalars as text, objects as a list.

import { formatValue } from '../runtime/format-string.js';
import { getProperty, propertyNames } from '../runtime/properties.js';
import { typeNamesOf } from '../runtime/types.js';
import { PSHashtable } from '../runtime/values.js';
import './builtin-views.js';
import { DEFAULT_ENUMERATION_LIMIT, cellText, displayString, inferredAlignment, isScalar } from './cell-text.js';
import { DictionaryEntry } from '../runtime/values/adapters.js';
import {
  FormatEndData, FormatEntryData, FormatStartData, GroupEndData, GroupStartData, isFormatRecord,
  type AnyFormatRecord, type EntryInfo, type ShapeInfo, type TableColumnInfo,
} from './format-records.js';
import { resolveProperties, type PropertySpec, type ResolvedProperty } from './property-specs.js';
import {
  findView, readValue, viewApplies,
  type GroupByDefinition, type RenderContext, type ValueSource, type ViewDefinition, type ViewShape,
} from './views.js';

export interface FormatOptions {
  /** Format-Table/List/Wide force a shape; Out-Default leaves it to the first object. */
  readonly shape?: 'table' | 'list' | 'wide';
  readonly properties?: readonly PropertySpec[];
  readonly groupBy?: PropertySpec;
  readonly autoSize?: boolean;
  readonly wrap?: boolean;
  readonly hideTableHeaders?: boolean;
  /** Format-Wide -Column. */
  readonly columns?: number;
  /** Format-* -Force: format scalars as objects too. */
  readonly force?: boolean;
  readonly enumerationLimit?: number;
  readonly width?: number;
  readonly color?: boolean;
  /** The text goes to the console (Out-Default, Out-Host), which shows merged warning records as `WARNING: …`. */
  readonly console?: boolean;
}

/** Column limit when a table is made from an object's properties (PowerShell's arbitrary 10). */
const MAX_PROPERTY_COLUMNS = 10;
/** Objects with more properties than this show as a list by default. */
const MAX_TABLE_PROPERTIES = 4;

/** Names PowerShell tries for a wide view when the type has none. */
const DISPLAY_NAME_PATTERNS = [/^name$/i, /^id$/i, /^key$/i, /key$/i, /name$/i, /id$/i];

function displayNameSource(target: unknown): ValueSource | null {
  const names = propertyNames(target);
  for (const re of DISPLAY_NAME_PATTERNS) {
    const found = names.find((n) => re.test(n));
    if (found) return found;
  }
  return null;
}

/** True for results of a remote command that should say where they came from (PSShowComputerName). */
function showsComputerName(target: unknown): boolean {
  const show = getProperty(target, 'PSShowComputerName');
  return show.found && show.value === true && getProperty(target, 'PSComputerName').found;
}

/**
 * The properties a view-less table or list shows: PSShowComputerName is internal and never
 * shown; PSComputerName is hidden when a remote command asked not to show it.
 */
function allProperties(target: unknown): ResolvedProperty[] {
  const show = getProperty(target, 'PSShowComputerName');
  return propertyNames(target)
    .filter((name) => {
      const n = name.toLowerCase();
      return n !== 'psshowcomputername' && !(n === 'pscomputername' && show.found && show.value !== true);
    })
    .map((name) => ({ label: name, source: name }));
}

/** A registered view shows remote results with an extra PSComputerName column or field at the end. */
const COMPUTER_NAME: ResolvedProperty = { label: 'PSComputerName', source: 'PSComputerName' };

function hasProperties(value: unknown): boolean {
  return propertyNames(value).length > 0;
}

export class FormatGenerator {
  private started = false;
  private view: ViewDefinition | null = null;
  private shape: ViewShape = 'table';
  /** Columns of the table (the view's or the properties'), fixed by the first object. */
  private tableProperties: ResolvedProperty[] = [];
  private groupOpen = false;
  private groupKey: string | null = null;
  private readonly limit: number;
  private readonly context: RenderContext;

  constructor(private readonly options: FormatOptions = {}) {
    this.limit = options.enumerationLimit ?? DEFAULT_ENUMERATION_LIMIT;
    this.context = { width: options.width ?? 120, color: options.color ?? false, console: options.console ?? false };
  }

  /** Records for one input object; arrays and hashtables format their elements, records pass through. */
  process(value: unknown): AnyFormatRecord[] {
    if (value === null || value === undefined) return [];
    // PowerShell fails with "not in the correct sequence" when Format-* output meets an open
    // document; closing the document first prints both.
    if (isFormatRecord(value)) return value instanceof FormatStartData && this.started ? [...this.end(), value] : [value];
    if (Array.isArray(value)) return value.flatMap((v) => this.process(v));
    if (value instanceof PSHashtable) return [...value].flatMap(([k, v]) => this.processOne(new DictionaryEntry(k, v)));
    return this.processOne(value);
  }

  private processOne(value: unknown): AnyFormatRecord[] {
    const out: AnyFormatRecord[] = [];
    const outside = this.outOfBandOutsideDocument(value);
    if (outside) return [outside];
    if (!this.started) {
      out.push(this.start(value));
      this.started = true;
    }
    if (!this.applies(value)) {
      const entry = this.outOfBandEntry(value);
      if (entry) return [...out, entry];
      return out;
    }
    const key = this.groupKeyOf(value);
    if (!this.groupOpen) {
      out.push(this.groupStart(value));
    } else if (this.groupKey !== key) {
      // PowerShell separates sibling groups with one empty line.
      out.push(new FormatEntryData({ kind: 'text', text: '' }, true), new GroupEndData(), this.groupStart(value));
    }
    out.push(new FormatEntryData(this.entryFor(value), false));
    return out;
  }

  end(): AnyFormatRecord[] {
    if (!this.started) return [];
    const out: AnyFormatRecord[] = [];
    if (this.groupOpen) out.push(new GroupEndData());
    out.push(new FormatEndData());
    this.started = false;
    this.groupOpen = false;
    return out;
  }

  private get forced(): boolean {
    return this.options.shape !== undefined && this.options.force === true;
  }

  /** Scalars, out-of-band views (errors) and property-less objects print as text, even before a document starts. */
  private outOfBandOutsideDocument(value: unknown): FormatEntryData | null {
    if (this.forced) return null;
    const custom = findView(typeNamesOf(value), 'custom', true);
    if (custom && custom.control.kind === 'custom') {
      return new FormatEntryData({ kind: 'text', text: custom.control.render(value, this.context) }, true);
    }
    if (isScalar(value) || !hasProperties(value)) return new FormatEntryData({ kind: 'text', text: displayString(value) }, true);
    return null;
  }

  /** Objects the current view does not apply to: a list of their properties. */
  private outOfBandEntry(value: unknown): FormatEntryData | null {
    if (!hasProperties(value)) return null;
    return new FormatEntryData({ kind: 'list', fields: this.fields(allProperties(value), value) }, true);
  }

  private applies(value: unknown): boolean {
    return this.view === null || viewApplies(this.view, typeNamesOf(value));
  }

  private start(first: unknown): FormatStartData {
    const typeNames = typeNamesOf(first);
    const o = this.options;
    this.view = o.properties && o.properties.length > 0 ? null : findView(typeNames, o.shape);
    if (this.view) this.shape = this.view.control.kind;
    else if (o.shape) this.shape = o.shape;
    else this.shape = propertyNames(first).length <= MAX_TABLE_PROPERTIES ? 'table' : 'list';
    return new FormatStartData(this.shapeInfo(first));
  }

  private shapeInfo(first: unknown): ShapeInfo {
    const o = this.options;
    switch (this.shape) {
      case 'list':
        return { kind: 'list' };
      case 'custom':
        return { kind: 'custom' };
      case 'wide':
        return { kind: 'wide', columns: o.columns ?? 0, autoSize: o.autoSize ?? false };
      case 'table': {
        const control = this.view?.control;
        if (control && control.kind === 'table') {
          this.tableProperties = control.columns.map((c) => ({ label: c.label, source: c.value, width: c.width ?? 0, alignment: c.alignment ?? 'left' }));
          if (showsComputerName(first)) this.tableProperties.push({ ...COMPUTER_NAME, alignment: 'left' });
        } else {
          this.tableProperties = o.properties && o.properties.length > 0
            ? resolveProperties(o.properties, first)
            : allProperties(first).slice(0, MAX_PROPERTY_COLUMNS);
        }
        const columns: TableColumnInfo[] = this.tableProperties.map((p) => ({
          label: p.label,
          width: p.width ?? 0,
          alignment: p.alignment ?? inferredAlignment(this.read(first, p.source)),
        }));
        const autoSize = o.autoSize ?? (control?.kind === 'table' ? control.autoSize : undefined) ?? false;
        return { kind: 'table', columns, hideHeader: o.hideTableHeaders ?? false, autoSize };
      }
    }
  }

  private read(target: unknown, source: ValueSource): unknown {
    try {
      return readValue(target, source);
    } catch {
      // PowerShell shows an empty cell when a property or expression fails.
      return null;
    }
  }

  private text(target: unknown, source: ValueSource, formatString?: string): string {
    const value = this.read(target, source);
    if (formatString !== undefined && value !== null && value !== undefined) return formatValue(value, formatString);
    return cellText(value, this.limit);
  }

  private groupBy(): GroupByDefinition | null {
    const g = this.options.groupBy;
    if (g) {
      const label = g.label ?? (typeof g.source === 'string' ? g.source : '');
      return { value: g.source, label };
    }
    const control = this.view?.control;
    return control && control.kind !== 'custom' ? control.groupBy ?? null : null;
  }

  private groupKeyOf(value: unknown): string | null {
    const g = this.groupBy();
    return g ? this.text(value, g.value) : null;
  }

  private groupStart(first: unknown): GroupStartData {
    const g = this.groupBy();
    this.groupOpen = true;
    this.groupKey = this.groupKeyOf(first);
    if (!g) return new GroupStartData(null);
    const value = this.read(first, g.value);
    const header = g.header ? g.header(value) : [`   ${g.label}: ${cellText(value, this.limit)}`];
    return new GroupStartData(header);
  }

  private fields(props: readonly ResolvedProperty[], target: unknown): { label: string; text: string }[] {
    return props.map((p) => ({ label: p.label, text: this.text(target, p.source, p.formatString) }));
  }

  private entryFor(value: unknown): EntryInfo {
    const control = this.view?.control;
    const o = this.options;
    switch (this.shape) {
      case 'custom':
        return { kind: 'text', text: control?.kind === 'custom' ? control.render(value, this.context) : displayString(value) };
      case 'table': {
        const cells = this.tableProperties.map((p) => this.text(value, p.source, p.formatString));
        return { kind: 'row', cells, multiLine: o.wrap ?? (control?.kind === 'table' && control.wrap === true) };
      }
      case 'list': {
        if (control?.kind === 'list') {
          const items: ResolvedProperty[] = control.items.map((i) => ({ label: i.label, source: i.value }));
          return { kind: 'list', fields: this.fields(showsComputerName(value) ? [...items, COMPUTER_NAME] : items, value) };
        }
        const props = o.properties && o.properties.length > 0 ? resolveProperties(o.properties, value) : allProperties(value);
        return { kind: 'list', fields: this.fields(props, value) };
      }
      case 'wide': {
        if (control?.kind === 'wide') return { kind: 'wide', text: this.text(value, control.value) };
        const prop = o.properties && o.properties.length > 0 ? resolveProperties(o.properties, value)[0]?.source : displayNameSource(value);
        return { kind: 'wide', text: prop ? this.text(value, prop) : displayString(value) };
      }
    }
  }
}
