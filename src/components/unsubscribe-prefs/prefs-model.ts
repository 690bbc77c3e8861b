import type { GroupChanges } from '../../api/messaging.js';

// Pure helpers of the preference centre: which groups are declared, what each switch shows, and
// what to send. The person's choices are kept as overrides over the last saved state, so a reload,
// a failed save or a refresh of the KS never loses them.

/** One `<kal-pref-group>` as declared by the organiser. */
export interface DeclaredGroup {
  id: string;
  label: string;
  description: string;
}

/** One row on screen: a declared group, or one only the server knows (labelled by its id). */
export interface PrefRow extends DeclaredGroup {
  declared: boolean;
}

export interface Declarations {
  groups: DeclaredGroup[];
  /** Ids declared more than once (the first declaration is used). */
  duplicates: string[];
  /** How many declarations had no `group-id` (ignored). */
  missingIds: number;
}

/** Reads declarations in document order: trims, drops those without an id, keeps the first of duplicates. */
export function readDeclarations(items: Iterable<{ id: string | null; label: string | null; description: string | null }>): Declarations {
  const groups: DeclaredGroup[] = [];
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  let missingIds = 0;
  for (const item of items) {
    const id = item.id?.trim() ?? '';
    if (!id) {
      missingIds++;
      continue;
    }
    if (seen.has(id)) {
      duplicates.add(id);
      continue;
    }
    seen.add(id);
    groups.push({ id, label: item.label?.trim() || id, description: item.description?.trim() ?? '' });
  }
  return { groups, duplicates: [...duplicates], missingIds };
}

/** The rows to show: declared groups first, then any other group the server or the person names, by id. */
export function rowsFor(declared: readonly DeclaredGroup[], extraIds: Iterable<string>): PrefRow[] {
  const rows: PrefRow[] = declared.map((group) => ({ ...group, declared: true }));
  const seen = new Set(declared.map((group) => group.id));
  for (const id of extraIds) {
    if (!id || seen.has(id)) continue;
    seen.add(id);
    rows.push({ id, label: id, description: '', declared: false });
  }
  return rows;
}

/** Whether a switch is on (subscribed): the person's choice, else the saved state. */
export function isSubscribed(id: string, saved: ReadonlySet<string>, overrides: ReadonlyMap<string, boolean>): boolean {
  return overrides.get(id) ?? !saved.has(id);
}

/** What differs from the last saved state: only these groups are sent to `syncGroups`. */
export function diffChoices(saved: ReadonlySet<string>, overrides: ReadonlyMap<string, boolean>): GroupChanges {
  const unsubscribed: string[] = [];
  const subscribed: string[] = [];
  for (const [id, on] of overrides) {
    if (on && saved.has(id)) subscribed.push(id);
    else if (!on && !saved.has(id)) unsubscribed.push(id);
  }
  return { unsubscribed, subscribed };
}

export function hasChanges(changes: GroupChanges): boolean {
  return changes.unsubscribed.length > 0 || changes.subscribed.length > 0;
}

/** The saved state after `changes` were stored (when the service does not answer the new state). */
export function applyChanges(saved: ReadonlySet<string>, changes: GroupChanges): Set<string> {
  const next = new Set(saved);
  for (const id of changes.subscribed) next.delete(id);
  for (const id of changes.unsubscribed) next.add(id);
  return next;
}

/** Drops the choices that now match the saved state (the rest are still unsaved). */
export function pruneOverrides(saved: ReadonlySet<string>, overrides: ReadonlyMap<string, boolean>): Map<string, boolean> {
  const next = new Map<string, boolean>();
  for (const [id, on] of overrides) if (on === saved.has(id)) next.set(id, on);
  return next;
}

/**
 * The group a one-click view proposes: the `unsubscribe-group` attribute (explicit, it always
 * counts), else the URL's `group` (`fromUrl`) when it names a declared group: on a CMS page `?group=`
 * may mean something else entirely.
 */
export function oneClickGroup(
  attribute: string | undefined,
  urlGroup: string | undefined,
  declared: readonly DeclaredGroup[],
): { group: string | undefined; fromUrl: string | undefined } {
  const fromUrl = urlGroup && declared.some((each) => each.id === urlGroup) ? urlGroup : undefined;
  return { group: attribute?.trim() || fromUrl, fromUrl };
}
