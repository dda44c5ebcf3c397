// Collections that are JS arrays underneath but not System.Object[]: ArrayList, List[T] and
// typed arrays such as [int[]]. A side table tags the array, so the pipeline, foreach,
// indexing and operators treat them as the arrays they are while GetType(), -is and the
// growable methods (Add, Remove, Insert) see their .NET type.

export interface CollectionInfo {
  /** Full .NET name, e.g. 'System.Collections.ArrayList', 'System.Int32[]'. */
  readonly typeName: string;
  /** Element type full name that Add converts to; null for object elements. */
  readonly elementType: string | null;
  /** ArrayList and List[T] grow; typed arrays are fixed like object[]. */
  readonly growable: boolean;
  /** ArrayList.Add returns the new index (which scripts famously pipe to Out-Null); List[T].Add returns nothing. */
  readonly addReturnsIndex: boolean;
}

const tags = new WeakMap<readonly unknown[], CollectionInfo>();

export function collectionInfo(array: readonly unknown[]): CollectionInfo | undefined {
  return tags.get(array);
}

export function tagCollection<T extends unknown[]>(array: T, info: CollectionInfo): T {
  tags.set(array, info);
  return array;
}

export const ARRAY_LIST = 'System.Collections.ArrayList';

/** `System.Collections.Generic.List`1[[System.String]]` for an element type's full name. */
export function genericListName(elementType: string): string {
  return `System.Collections.Generic.List\`1[[${elementType}]]`;
}

/** The element type of a generic list name, or null when the name is not one. */
export function genericListElement(fullName: string): string | null {
  const m = /^System\.Collections\.Generic\.List`1\[\[(.+)\]\]$/.exec(fullName);
  return m ? m[1] : null;
}

export function collectionInfoFor(fullName: string): CollectionInfo | null {
  if (fullName === ARRAY_LIST) return { typeName: ARRAY_LIST, elementType: null, growable: true, addReturnsIndex: true };
  const element = genericListElement(fullName);
  if (element !== null) return { typeName: fullName, elementType: element === 'System.Object' ? null : element, growable: true, addReturnsIndex: false };
  if (fullName.endsWith('[]') && fullName !== 'System.Object[]') return { typeName: fullName, elementType: fullName.slice(0, -2), growable: false, addReturnsIndex: false };
  return null;
}
