/**
 * A small persistent (immutable) hash map: a hash array mapped trie with 32-way bitmap nodes.
 * `set` and `delete` copy only the nodes on one root-to-leaf path (at most 7 arrays of at most
 * 32 slots), so an update costs O(log32 n) whatever the size, and every untouched value keeps
 * its identity. Thread state keeps items by id in it.
 */

const BITS = 5;
const MASK = 31;

class Leaf<V> {
  constructor(
    readonly hash: number,
    readonly key: string,
    readonly value: V,
  ) {}
}

class Collision<V> {
  constructor(
    readonly hash: number,
    readonly leaves: readonly Leaf<V>[],
  ) {}
}

class Branch<V> {
  constructor(
    readonly bitmap: number,
    readonly children: readonly Entry<V>[],
  ) {}
}

type Entry<V> = Leaf<V> | Collision<V> | Branch<V>;

const EMPTY_BRANCH = new Branch<never>(0, []);

/** FNV-1a over UTF-16 code units; ids are short, so this is a few nanoseconds. */
function hashString(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function popcount(x: number): number {
  let n = x - ((x >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function withChild<V>(children: readonly Entry<V>[], index: number, child: Entry<V>): Entry<V>[] {
  const next = children.slice();
  next[index] = child;
  return next;
}

/** A branch holding two entries whose hashes differ at or below `shift`. */
function merge<V>(a: Leaf<V> | Collision<V>, b: Leaf<V> | Collision<V>, shift: number): Branch<V> {
  const fa = (a.hash >>> shift) & MASK;
  const fb = (b.hash >>> shift) & MASK;
  if (fa === fb) return new Branch<V>(1 << fa, [merge(a, b, shift + BITS)]);
  return new Branch<V>((1 << fa) | (1 << fb), fa < fb ? [a, b] : [b, a]);
}

function getEntry<V>(root: Branch<V>, hash: number, key: string): V | undefined {
  let node: Entry<V> = root;
  let shift = 0;
  for (;;) {
    if (node instanceof Branch) {
      const bit = 1 << ((hash >>> shift) & MASK);
      if ((node.bitmap & bit) === 0) return undefined;
      node = node.children[popcount(node.bitmap & (bit - 1))] as Entry<V>;
      shift += BITS;
    } else if (node instanceof Leaf) {
      return node.key === key ? node.value : undefined;
    } else {
      for (const leaf of node.leaves) if (leaf.key === key) return leaf.value;
      return undefined;
    }
  }
}

function setEntry<V>(node: Entry<V>, leaf: Leaf<V>, shift: number): Entry<V> {
  if (node instanceof Branch) {
    const bit = 1 << ((leaf.hash >>> shift) & MASK);
    const index = popcount(node.bitmap & (bit - 1));
    if ((node.bitmap & bit) === 0) {
      const children = node.children.slice();
      children.splice(index, 0, leaf);
      return new Branch(node.bitmap | bit, children);
    }
    const child = node.children[index] as Entry<V>;
    const next = setEntry(child, leaf, shift + BITS);
    return next === child ? node : new Branch(node.bitmap, withChild(node.children, index, next));
  }
  if (node instanceof Leaf) {
    if (node.key === leaf.key) return node.value === leaf.value ? node : leaf;
    if (node.hash === leaf.hash) return new Collision(node.hash, [node, leaf]);
    return merge(node, leaf, shift);
  }
  if (node.hash !== leaf.hash) return merge(node, leaf, shift);
  const at = node.leaves.findIndex((l) => l.key === leaf.key);
  if (at === -1) return new Collision(node.hash, [...node.leaves, leaf]);
  if ((node.leaves[at] as Leaf<V>).value === leaf.value) return node;
  const leaves = node.leaves.slice();
  leaves[at] = leaf;
  return new Collision(node.hash, leaves);
}

/** Returns the node without `key`, `undefined` when the node becomes empty. */
function deleteEntry<V>(
  node: Entry<V>,
  hash: number,
  key: string,
  shift: number,
): Entry<V> | undefined {
  if (node instanceof Branch) {
    const bit = 1 << ((hash >>> shift) & MASK);
    if ((node.bitmap & bit) === 0) return node;
    const index = popcount(node.bitmap & (bit - 1));
    const child = node.children[index] as Entry<V>;
    const next = deleteEntry(child, hash, key, shift + BITS);
    if (next === child) return node;
    if (next === undefined) {
      if (node.bitmap === bit) return undefined;
      const children = node.children.slice();
      children.splice(index, 1);
      return new Branch(node.bitmap & ~bit, children);
    }
    return new Branch(node.bitmap, withChild(node.children, index, next));
  }
  if (node instanceof Leaf) return node.key === key ? undefined : node;
  const leaves = node.leaves.filter((l) => l.key !== key);
  if (leaves.length === node.leaves.length) return node;
  return leaves.length === 1 ? leaves[0] : new Collision(node.hash, leaves);
}

function* iterate<V>(node: Entry<V>): Generator<[string, V]> {
  if (node instanceof Branch) {
    for (const child of node.children) yield* iterate(child);
  } else if (node instanceof Leaf) {
    yield [node.key, node.value];
  } else {
    for (const leaf of node.leaves) yield [leaf.key, leaf.value];
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
    return new PersistentMap<V>(EMPTY_BRANCH as Branch<V>, 0, undefined, undefined, undefined);
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
  readonly #root: Branch<V>;
  readonly #focusKey: string | undefined;
  readonly #focusValue: V | undefined;
  readonly #focusLazy: LazyValue<V> | undefined;

  private constructor(
    root: Branch<V>,
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
  #flushed(): Branch<V> {
    if (this.#focusKey === undefined) return this.#root;
    const key = this.#focusKey;
    return setEntry(this.#root, new Leaf(hashString(key), key, this.#focus()), 0) as Branch<V>;
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
    const root =
      (deleteEntry(base, hashString(key), key, 0) as Branch<V> | undefined) ??
      (EMPTY_BRANCH as Branch<V>);
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
