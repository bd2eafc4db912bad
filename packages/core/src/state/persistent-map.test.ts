import fc from "fast-check";
import { PersistentMap } from "./persistent-map";

describe("PersistentMap", () => {
  it("behaves like a Map under random set/delete sequences and never mutates old versions", () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant("set" as const),
        key: fc.string({ maxLength: 3 }),
        value: fc.nat(),
      }),
      fc.record({ kind: fc.constant("delete" as const), key: fc.string({ maxLength: 3 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        let map = PersistentMap.empty<number>();
        const model = new Map<string, number>();
        const history: [PersistentMap<number>, Map<string, number>][] = [];
        for (const o of ops) {
          map = o.kind === "set" ? map.set(o.key, o.value) : map.delete(o.key);
          if (o.kind === "set") model.set(o.key, o.value);
          else model.delete(o.key);
          history.push([map, new Map(model)]);
        }
        for (const [version, snapshot] of history) {
          expect(version.size).toBe(snapshot.size);
          expect(new Map(version.entries())).toEqual(snapshot);
          for (const [key, value] of snapshot) expect(version.get(key)).toBe(value);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("holds many keys, including colliding hashes", () => {
    let map = PersistentMap.empty<number>();
    for (let i = 0; i < 20_000; i++) map = map.set(`item_${i}`, i);
    // "Aa" and "BB" collide in 31-based hashes; FNV keys like these exercise deep branches.
    map = map.set("Aa", -1).set("BB", -2);
    expect(map.size).toBe(20_002);
    for (let i = 0; i < 20_000; i += 997) expect(map.get(`item_${i}`)).toBe(i);
    expect(map.get("Aa")).toBe(-1);
    expect(map.get("BB")).toBe(-2);
    const smaller = map.delete("item_5");
    expect(smaller.size).toBe(20_001);
    expect(smaller.get("item_5")).toBeUndefined();
    expect(map.get("item_5")).toBe(5);
  });

  it("keeps keys whose 32-bit hashes are equal apart", () => {
    // Pairs with the same FNV-1a hash: they share a leaf chain at the bottom of the trie.
    const pairs = [
      ["costarring", "liquid"],
      ["declinate", "macallums"],
      ["altarage", "zinke"],
    ] as const;
    let map = PersistentMap.empty<string>();
    for (let i = 0; i < 2_000; i++) map = map.set(`item_${i}`, `v${i}`);
    for (const [a, b] of pairs) map = map.set(a, `${a}!`).set(b, `${b}!`).set(`${a}-x`, "x");
    expect(map.size).toBe(2_009);
    for (const [a, b] of pairs) {
      expect(map.get(a)).toBe(`${a}!`);
      expect(map.get(b)).toBe(`${b}!`);
    }
    const [[first, second]] = pairs;
    const replaced = map.set(first, "new").set("item_1", "one");
    expect(replaced.get(first)).toBe("new");
    expect(replaced.get(second)).toBe(`${second}!`);
    expect(map.get(first)).toBe(`${first}!`);
    expect(replaced.set("item_2", "two").set(first, "new")).not.toBe(map);
    const without = replaced.set("item_3", "three").delete(first).delete("item_4");
    expect(without.has(first)).toBe(false);
    expect(without.get(second)).toBe(`${second}!`);
    expect(without.size).toBe(2_007);
    const gone = without.set("item_5", "five").delete(second);
    expect(gone.has(second)).toBe(false);
    expect(new Map(gone.entries()).size).toBe(gone.size);
    expect(new Map(map.entries()).get(second)).toBe(`${second}!`);
    // Setting the same value to a colliding key changes nothing.
    const settled = map.set("item_6", "six");
    expect(settled.set(second, `${second}!`).set("item_6", "six")).toBe(
      settled.set(second, `${second}!`),
    );
  });

  it("returns itself when nothing changes", () => {
    const value = { a: 1 };
    const map = PersistentMap.empty<object>().set("a", value).set("b", {});
    expect(map.set("b", map.get("b") as object)).toBe(map);
    expect(map.set("a", value)).toBe(map);
    expect(map.delete("missing")).toBe(map);
  });

  it("computes a lazy value once, when first read", () => {
    let calls = 0;
    const value = { a: 1 };
    const lazy = {
      value: () => {
        calls++;
        return value;
      },
    };
    const base = PersistentMap.empty<object>().set("a", {}).set("b", {});
    const map = base.setLazy("c", lazy);
    expect(map.size).toBe(3);
    expect(map.has("c")).toBe(true);
    expect(map.lazyOf("c")).toBe(lazy);
    expect(map.lazyOf("b")).toBeUndefined();
    expect(map.setLazy("c", lazy).size).toBe(3);
    expect(calls).toBe(0);
    expect(map.get("c")).toBe(value);
    expect(calls).toBe(1);
    // Setting another key writes the focus into the trie.
    const moved = map.setLazy("a", { value: () => value });
    expect(moved.get("c")).toBe(value);
    expect(moved.get("a")).toBe(value);
    expect(base.get("a")).not.toBe(value);
    expect(base.has("c")).toBe(false);
  });

  it("replaces an uncomputed lazy value that can peek without computing it", () => {
    let calls = 0;
    let computed: object | undefined;
    const lazy = {
      value: () => {
        calls++;
        computed ??= { fresh: true };
        return computed;
      },
      peek: () => computed,
    };
    const map = PersistentMap.empty<object>().set("a", {}).setLazy("b", lazy);
    const replacement = { b: 2 };
    const replaced = map.set("b", replacement);
    expect(calls).toBe(0);
    expect(replaced.get("b")).toBe(replacement);
    expect(replaced.size).toBe(2);
    // Computed: setting the same object keeps the map; another object replaces it.
    const value = map.get("b") as object;
    expect(calls).toBe(1);
    expect(map.set("b", value)).toBe(map);
    expect(map.set("b", replacement).get("b")).toBe(replacement);
    // Without `peek`, `set` computes the value to compare (it may be an existing object).
    const existing = { e: 1 };
    const plain = PersistentMap.empty<object>().setLazy("c", { value: () => existing });
    expect(plain.set("c", existing)).toBe(plain);
  });

  it("compares equal by entries whatever its layout", () => {
    const a = PersistentMap.empty<number>().set("x", 1).set("y", 2);
    const b = PersistentMap.empty<number>().set("y", 2).set("x", 1);
    const c = PersistentMap.empty<number>()
      .set("y", 2)
      .setLazy("x", { value: () => 1 });
    expect(a).toEqual(b);
    expect(a).toEqual(c);
    expect(a).not.toEqual(b.set("x", 3));
    expect(a).not.toEqual(b.delete("x"));
  });
});
