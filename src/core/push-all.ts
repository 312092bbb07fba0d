// list.push(...more) passes every item as an argument, and a spread of more than about 100,000
// items overflows the stack: a registry of 150,000 faulty rows, or a 一企一表 of 130,000 merges,
// would end in a RangeError instead of a report or a sheet.

/** Adds the items of `more` to the end of `list`, however many; returns `list`. */
export function pushAll<T>(list: T[], more: readonly T[]): T[] {
  for (let i = 0; i < more.length; i++) list.push(more[i]);
  return list;
}

/** The largest of `from` and `key` of each item, however many items. */
export function maxOf<T>(items: Iterable<T>, key: (x: T) => number, from = 0): number {
  let m = from;
  for (const x of items) {
    const k = key(x);
    if (k > m) m = k;
  }
  return m;
}
