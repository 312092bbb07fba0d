// Expands A1 ranges into cell addresses, for assertions on protection, drop-downs and merges.
export function parseCell(a1: string): { col: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad cell ${a1}`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { col, row: Number(m[2]) };
}

export function cellsOf(range: string): string[] {
  const [a, b = a] = range.split(":");
  const p = parseCell(a);
  const q = parseCell(b);
  const out: string[] = [];
  for (let r = p.row; r <= q.row; r++)
    for (let c = p.col; c <= q.col; c++) out.push(`${String.fromCharCode(64 + c)}${r}`);
  return out;
}

export function cellSet(ranges: string[]): Set<string> {
  const s = new Set<string>();
  for (const r of ranges) for (const c of cellsOf(r)) s.add(c);
  return s;
}
