/**
 * An immutable map from string keys, for the parts of a deciders' state that grow with every fact a stream ever saw
 * (an inventory's reservations, a promo code's redemptions).
 * Setting or deleting a key copies only the path to it (four branches of 16 slots and one small leaf), so a version
 * shares everything else with the one before. Copying a plain object or Map instead would make each fold step cost
 * as much as all earlier reservations together: folding a stream would be quadratic in its length, and a flash sale
 * leaves tens of thousands of reservations on one inventory stream.
 *
 * @example
 * const one = setEntry(emptyMap<number>(), 'r1', 2);
 * getEntry(one, 'r1'); // 2
 * getEntry(deleteEntry(one, 'r1'), 'r1'); // undefined, while `one` still holds r1
 */
export interface PersistentMap<Value> {
  readonly root: Node<Value> | undefined;
}

type Entry<Value> = readonly [key: string, value: Value];
type Node<Value> =
  | { readonly branches: readonly (Node<Value> | undefined)[] }
  | { readonly entries: readonly Entry<Value>[] };

const SLOT_BITS = 4;
const SLOTS = 1 << SLOT_BITS;
const DEPTH = 4;

export function emptyMap<Value>(): PersistentMap<Value> {
  return { root: undefined };
}

export function getEntry<Value>(map: PersistentMap<Value>, key: string): Value | undefined {
  const hash = hashOf(key);
  let node = map.root;
  for (let level = 0; node !== undefined && 'branches' in node; level++) {
    node = node.branches[slotOf(hash, level)];
  }
  return node?.entries.find(([entryKey]) => entryKey === key)?.[1];
}

export function setEntry<Value>(map: PersistentMap<Value>, key: string, value: Value): PersistentMap<Value> {
  return { root: replaced(map.root, hashOf(key), key, [[key, value]], 0) };
}

export function deleteEntry<Value>(map: PersistentMap<Value>, key: string): PersistentMap<Value> {
  return { root: replaced(map.root, hashOf(key), key, [], 0) };
}

/** Every entry, in no particular order. */
export function* entriesOf<Value>(map: PersistentMap<Value>): Generator<Entry<Value>> {
  yield* walk(map.root);
}

function replaced<Value>(
  node: Node<Value> | undefined,
  hash: number,
  key: string,
  replacement: Entry<Value>[],
  level: number,
): Node<Value> | undefined {
  if (level === DEPTH) {
    const others = node && 'entries' in node ? node.entries.filter(([entryKey]) => entryKey !== key) : [];
    const entries = [...others, ...replacement];
    return entries.length === 0 ? undefined : { entries };
  }
  const branches =
    node && 'branches' in node
      ? [...node.branches]
      : new Array<Node<Value> | undefined>(SLOTS).fill(undefined);
  const slot = slotOf(hash, level);
  branches[slot] = replaced(branches[slot], hash, key, replacement, level + 1);
  return branches.every((branch) => branch === undefined) ? undefined : { branches };
}

function* walk<Value>(node: Node<Value> | undefined): Generator<Entry<Value>> {
  if (node === undefined) return;
  if ('entries' in node) yield* node.entries;
  else for (const branch of node.branches) yield* walk(branch);
}

function slotOf(hash: number, level: number): number {
  return (hash >>> (level * SLOT_BITS)) & (SLOTS - 1);
}

/** FNV-1a: cheap, and spreads the similar ids one client generates across the slots. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  }
  return hash >>> 0;
}
