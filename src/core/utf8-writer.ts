// Text written straight into UTF-8 bytes, a field at a time, for the worksheet XML of a
// million-row sheet. Building it as JavaScript strings first cost more than everything else:
// every field becomes a piece of a string tree that must be flattened, and a two-byte string
// encoded again, before a byte reaches the deflater (40 s of 50 for a 1M-row snapshot sheet).
// The bytes are those TextEncoder gives for the same text.

/** Bytes kept free past the chunk size, so that the short pieces of a row need no check. */
const SLACK = 1 << 12;

function stopTable(chars: string, controls: (c: number) => boolean): Uint8Array {
  const t = new Uint8Array(128);
  for (let c = 0; c < 32; c++) if (controls(c)) t[c] = 1;
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return t;
}
/** XML 1.0 holds TAB, LF and CR of the controls; the markup characters are escaped. */
const XML_STOPS = stopTable('&<>"', (c) => c !== 9 && c !== 10 && c !== 13);

export class Utf8Writer {
  private buf: Uint8Array;
  private p = 0;

  /** `chunk`: how many bytes make a full chunk (see `full` and `take`). */
  constructor(private readonly chunk = 1 << 20) {
    this.buf = new Uint8Array(chunk + SLACK);
  }

  /** Bytes written since the last take. */
  get length(): number {
    return this.p;
  }

  /** Whether a chunk's worth is written: time to `take` it. */
  get full(): boolean {
    return this.p >= this.chunk;
  }

  /** Goes back to an earlier `length`, dropping what was written since. */
  rewind(to: number): void {
    this.p = to;
  }

  /** Room for `n` more bytes. */
  private room(n: number): void {
    if (this.p + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.p + n + SLACK));
    grown.set(this.buf.subarray(0, this.p));
    this.buf = grown;
  }

  /** Text known to hold only ASCII (markup, names of tags, digits). */
  ascii(s: string): void {
    if (this.p + s.length > this.buf.length) this.room(s.length);
    const b = this.buf;
    let p = this.p;
    for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i);
    this.p = p;
  }

  /** A non-negative integer in decimal. */
  uint(n: number): void {
    if (n < 10) {
      if (this.p + 1 > this.buf.length) this.room(1);
      this.buf[this.p++] = 48 + n;
      return;
    }
    this.ascii(String(n));
  }

  /** Any text, as UTF-8; a lone surrogate becomes U+FFFD, as TextEncoder makes it. */
  text(s: string): void {
    this.encode(s, null, false);
  }

  /**
   * Text that needs no escaping in XML, as `text`; false, with nothing written, when it holds a
   * character XML escapes or cannot hold (& < > ", controls, U+FFFE, U+FFFF) or a lone surrogate.
   */
  xmlText(s: string): boolean {
    return this.encode(s, XML_STOPS, true);
  }

  /**
   * The UTF-8 loop. `stops`: the ASCII code units that stop it; `xml`: U+FFFE and U+FFFF stop it
   * too; with stops, a lone surrogate stops it as well.
   */
  private encode(s: string, stops: Uint8Array | null, xml: boolean): boolean {
    if (this.p + s.length * 3 > this.buf.length) this.room(s.length * 3);
    const b = this.buf;
    const start = this.p;
    let p = start;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (stops !== null && stops[c] === 1) {
          this.p = start;
          return false;
        }
        b[p++] = c;
      } else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 63);
      } else if (c < 0xd800 || c > 0xdfff) {
        if (xml && c >= 0xfffe) {
          this.p = start;
          return false;
        }
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 63);
        b[p++] = 0x80 | (c & 63);
      } else {
        const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          b[p++] = 0xf0 | (cp >> 18);
          b[p++] = 0x80 | ((cp >> 12) & 63);
          b[p++] = 0x80 | ((cp >> 6) & 63);
          b[p++] = 0x80 | (cp & 63);
          i++;
        } else if (stops !== null) {
          this.p = start;
          return false;
        } else {
          b[p++] = 0xef;
          b[p++] = 0xbf;
          b[p++] = 0xbd;
        }
      }
    }
    this.p = p;
    return true;
  }

  /** The bytes written since the last take (the writer starts a fresh buffer). */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.p);
    this.buf = new Uint8Array(this.chunk + SLACK);
    this.p = 0;
    return out;
  }
}
