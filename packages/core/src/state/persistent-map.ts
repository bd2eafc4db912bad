/**
 * A small persistent (immutable) hash map: a hash array mapped trie of 32-slot arrays.
 * `set` and `delete` copy only the nodes on one root-to-leaf path (at most 7 arrays of at most
 * 32 slots), so an update costs O(log32 n) whatever the size, and every untouched value keeps
 * its identity. Thread state keeps items by id in it.
 */

const BITS = 5;
const MASK = 31;

/**
 * A key and its value. Keys whose hashes are equal (rare: 32-bit FNV-1a) are chained through
 * `next`, so a leaf is a small persistent list.
 */
class Leaf<V> {
  constructor(
    readonly hash: number,
    readonly key: string,
    readonly value: V,
    readonly next?: Leaf<V>,
  ) {}
}

/** A branch is a 32-slot array indexed by 5 bits of the hash; a slot is empty or a node. */
type Node<V> = Leaf<V> | Branch<V>;
type Branch<V> = readonly (Node<V> | undefined)[];

/** FNV-1a over UTF-16 code units; ids are short, so this is a few nanoseconds. */
function hashString(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function getEntry<V>(node: Node<V> | undefined, hash: number, key: string): V | undefined {
  for (let shift = 0; Array.isArray(node); shift += BITS) {
    node = (node as Branch<V>)[(hash >>> shift) & MASK];
  }
  for (let leaf = node as Leaf<V> | undefined; leaf; leaf = leaf.next) {
    if (leaf.key === key) return leaf.value;
  }
  return undefined;
}

/** `slot` of `branch` replaced by `child`: the branch itself when nothing changed. */
function withSlot<V>(branch: Branch<V>, slot: number, child: Node<V> | undefined): Branch<V> {
  if (branch[slot] === child) return branch;
  const next = branch.slice();
  next[slot] = child;
  return next;
}

/** `chain` with `leaf` set (a leaf with the same key replaced, else appended). */
function setInChain<V>(chain: Leaf<V> | undefined, leaf: Leaf<V>): Leaf<V> {
  if (chain === undefined) return leaf;
  if (chain.key === leaf.key) {
    return chain.value === leaf.value
      ? chain
      : new Leaf(leaf.hash, leaf.key, leaf.value, chain.next);
  }
  const next = setInChain(chain.next, leaf);
  return next === chain.next ? chain : new Leaf(chain.hash, chain.key, chain.value, next);
}

function setEntry<V>(node: Node<V> | undefined, leaf: Leaf<V>, shift: number): Node<V> {
  if (Array.isArray(node)) {
    const slot = (leaf.hash >>> shift) & MASK;
    return withSlot(node, slot, setEntry(node[slot], leaf, shift + BITS));
  }
  const chain = node as Leaf<V> | undefined;
  if (chain === undefined || chain.hash === leaf.hash) return setInChain(chain, leaf);
  return split(chain, leaf, shift);
}

/** A branch holding two chains whose hashes differ at or below `shift`. */
function split<V>(a: Leaf<V>, b: Leaf<V>, shift: number): Branch<V> {
  const branch: (Node<V> | undefined)[] = [];
  const slotA = (a.hash >>> shift) & MASK;
  const slotB = (b.hash >>> shift) & MASK;
  if (slotA === slotB) branch[slotA] = split(a, b, shift + BITS);
  else {
    branch[slotA] = a;
    branch[slotB] = b;
  }
  return branch;
}

/** The node without `key` (`undefined` for an emptied chain; emptied branches stay). */
function deleteEntry<V>(
  node: Node<V> | undefined,
  hash: number,
  key: string,
  shift: number,
): Node<V> | undefined {
  if (Array.isArray(node)) {
    const slot = (hash >>> shift) & MASK;
    return withSlot(node, slot, deleteEntry(node[slot], hash, key, shift + BITS));
  }
  const chain = node as Leaf<V> | undefined;
  if (chain === undefined) return undefined;
  if (chain.key === key) return chain.next;
  const next = deleteEntry(chain.next, hash, key, shift) as Leaf<V> | undefined;
  return next === chain.next ? chain : new Leaf(chain.hash, chain.key, chain.value, next);
}

function* iterate<V>(node: Node<V> | undefined): Generator<[string, V]> {
  if (Array.isArray(node)) {
    for (const child of node as Branch<V>) yield* iterate(child);
  } else {
    for (let leaf = node as Leaf<V> | undefined; leaf; leaf = leaf.next)
      yield [leaf.key, leaf.value];
  }
}

/**
 * A value computed on first read and remembered (see {@link PersistentMap.setLazy}). `value()`
 * must return the same object every time.
 */
export interface LazyValue<V> {
  value(): V;
  /**
   * The value when computed already, else `undefined`. A lazy value with `peek` promises that a
   * value it has not computed yet will be a new object, which no caller can hold: `set` then
   * replaces it without computing it.
   */
  peek?(): V | undefined;
}

/**
 * An immutable string-keyed map with structural sharing. `set`/`delete` return a new map in
 * O(log32 n) and leave the receiver unchanged; they return the receiver itself when nothing
 * changes (same value by identity, or a missing key).
 *
 * The most recently set key is held in a "focus" slot outside the trie, so setting the same key
 * again (a stream of deltas to one item) costs O(1) whatever the map's size; the focus is pushed
 * into the trie when another key is set. The focus may hold a {@link LazyValue}, computed when
 * the key is first read. Maps iterate their entries, so two maps with equal entries compare
 * equal in deep-equality checks whatever their internal layout.
 */
export class PersistentMap<V> {
  /** The empty map. */
  static empty<V>(): PersistentMap<V> {
    return new PersistentMap<V>(undefined, 0, undefined, undefined, undefined);
  }

  /** A map built from `[key, value]` pairs; later pairs win. */
  static from<V>(entries: Iterable<readonly [string, V]>): PersistentMap<V> {
    let map = PersistentMap.empty<V>();
    for (const [key, value] of entries) map = map.set(key, value);
    return map;
  }

  /** Number of keys. */
  readonly size: number;
  // Private fields (not enumerable): deep equality sees the entries, not the layout.
  readonly #root: Node<V> | undefined;
  readonly #focusKey: string | undefined;
  readonly #focusValue: V | undefined;
  readonly #focusLazy: LazyValue<V> | undefined;

  private constructor(
    root: Node<V> | undefined,
    size: number,
    focusKey: string | undefined,
    focusValue: V | undefined,
    focusLazy: LazyValue<V> | undefined,
  ) {
    this.size = size;
    this.#root = root;
    this.#focusKey = focusKey;
    this.#focusValue = focusValue;
    this.#focusLazy = focusLazy;
  }

  /** The focus value (computing a lazy one). */
  #focus(): V {
    const lazy = this.#focusLazy;
    return lazy === undefined ? (this.#focusValue as V) : lazy.value();
  }

  /** The trie with the focus written into it. */
  #flushed(): Node<V> | undefined {
    const key = this.#focusKey;
    if (key === undefined) return this.#root;
    return setEntry(this.#root, new Leaf(hashString(key), key, this.#focus()), 0);
  }

  /** The value stored under `key`. */
  get(key: string): V | undefined {
    if (key === this.#focusKey) return this.#focus();
    return getEntry(this.#root, hashString(key), key);
  }

  /** Whether `key` is present. */
  has(key: string): boolean {
    if (key === this.#focusKey) {
      return this.#focusLazy !== undefined || this.#focusValue !== undefined;
    }
    return getEntry(this.#root, hashString(key), key) !== undefined;
  }

  /**
   * The lazy value `key` holds when it is the focus and was set with {@link setLazy} (computed
   * or not), else `undefined`. Lets a caller extend a lazy value without computing it.
   */
  lazyOf(key: string): LazyValue<V> | undefined {
    return key === this.#focusKey ? this.#focusLazy : undefined;
  }

  /** A map with `key` set to `value`. */
  set(key: string, value: V): PersistentMap<V> {
    if (key === this.#focusKey) {
      const lazy = this.#focusLazy;
      // An uncomputed lazy value that can `peek` is a new object, never `value`: no need to
      // compute it (a stream's last item, replaced by its `thread.item.done`).
      const current =
        lazy === undefined
          ? this.#focusValue
          : lazy.peek !== undefined
            ? lazy.peek()
            : lazy.value();
      return value === current
        ? this
        : new PersistentMap(this.#root, this.size, key, value, undefined);
    }
    const current = getEntry(this.#root, hashString(key), key);
    if (current === value) return this;
    return new PersistentMap(
      this.#flushed(),
      current === undefined ? this.size + 1 : this.size,
      key,
      value,
      undefined,
    );
  }

  /**
   * A map with `key` set to the value `lazy` computes, computed only when read. O(1) when `key`
   * is the focus already (a stream of deltas to one item).
   */
  setLazy(key: string, lazy: LazyValue<V>): PersistentMap<V> {
    if (key === this.#focusKey) {
      return new PersistentMap(this.#root, this.size, key, undefined, lazy);
    }
    const present = getEntry(this.#root, hashString(key), key) !== undefined;
    return new PersistentMap(
      this.#flushed(),
      present ? this.size : this.size + 1,
      key,
      undefined,
      lazy,
    );
  }

  /** A map without `key`. */
  delete(key: string): PersistentMap<V> {
    if (!this.has(key)) return this;
    const isFocus = key === this.#focusKey;
    const base = isFocus ? this.#root : this.#flushed();
    const root = deleteEntry(base, hashString(key), key, 0);
    return new PersistentMap(root, this.size - 1, undefined, undefined, undefined);
  }

  /** Every `[key, value]` pair, in hash order (not insertion order). */
  entries(): IterableIterator<[string, V]> {
    return iterate(this.#flushed());
  }

  /** Same as {@link entries}. */
  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries();
  }
}
