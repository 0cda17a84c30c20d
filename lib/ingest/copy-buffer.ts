/**
 * COPY … (FORMAT csv) input written straight into bytes. Building the text as JS strings (a string per
 * field, a row string, one joined string, then UTF-8 encoding it) cost ~3 µs per event and most of the
 * garbage the ingest path made; writing bytes costs a fraction of that. Fields:
 * - text: always quoted, inner quotes doubled (so commas, newlines, `\.` and "" need no care); NULL is
 *   an empty unquoted field;
 * - integers and decimal strings: as they are;
 * - timestamps: ISO 8601 UTC with milliseconds, exactly what Date#toISOString prints.
 */
const COMMA = 0x2c;
const QUOTE = 0x22;
const NEWLINE = 0x0a;
const DAY_MS = 86_400_000;

export class CopyBuffer {
  private buf: Buffer<ArrayBuffer>;
  private pos = 0;

  constructor(expectedBytes: number) {
    this.buf = Buffer.allocUnsafe(Math.max(1024, expectedBytes));
  }

  /** The bytes written so far (a view, not a copy). */
  bytes(): Buffer<ArrayBuffer> {
    return this.buf.subarray(0, this.pos);
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  comma(): void {
    this.room(1);
    this.buf[this.pos++] = COMMA;
  }

  newline(): void {
    this.room(1);
    this.buf[this.pos++] = NEWLINE;
  }

  /** Unquoted characters as they are (decimal strings, ISO timestamps): never text from clients. */
  raw(s: string): void {
    const n = s.length;
    this.room(n * 3);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.pos += buf.write(s, this.pos, "utf8");
        return;
      }
      buf[pos++] = c;
    }
    this.pos = pos;
  }

  /** A quoted text field; ASCII byte by byte, anything else through the UTF-8 encoder. */
  text(s: string): void {
    const n = s.length;
    this.room(n * 3 + 2);
    const buf = this.buf;
    let pos = this.pos;
    buf[pos++] = QUOTE;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        // The rest of the string (quotes doubled) through the encoder; 3 bytes per unit at most was reserved.
        const rest = s.slice(i);
        pos += buf.write(rest.indexOf('"') === -1 ? rest : rest.replaceAll('"', '""'), pos, "utf8");
        break;
      }
      buf[pos++] = c;
      if (c === QUOTE) buf[pos++] = QUOTE;
    }
    buf[pos++] = QUOTE;
    this.pos = pos;
  }

  optText(s: string | null): void {
    if (s !== null) this.text(s);
  }

  /** An integer (validation guarantees one; anything else is printed as JS prints it). */
  int(v: number): void {
    if (!Number.isSafeInteger(v)) return this.raw(String(v));
    this.room(17);
    const buf = this.buf;
    if (v < 0) {
      buf[this.pos++] = 0x2d;
      v = -v;
    }
    let digits = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
    let pos = this.pos + digits;
    this.pos = pos;
    do {
      const q = Math.floor(v / 10);
      buf[--pos] = 0x30 + (v - q * 10);
      v = q;
    } while (v > 0);
  }

  optInt(v: number | null): void {
    if (v !== null) this.int(v);
  }

  /** Date#toISOString for `ms`, without a Date: days → civil date (H. Hinnant's algorithm), then the clock. */
  timestamp(ms: number): void {
    const days = Math.floor(ms / DAY_MS);
    const z = days + 719_468;
    const era = Math.floor(z / 146_097);
    const doe = z - era * 146_097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const month = mp < 10 ? mp + 3 : mp - 9;
    const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 1000 || year > 9999 || !Number.isFinite(ms)) return this.raw(new Date(ms).toISOString()); // other widths
    let rest = ms - days * DAY_MS;
    const milli = rest % 1000;
    rest = (rest - milli) / 1000;
    const sec = rest % 60;
    rest = (rest - sec) / 60;
    const min = rest % 60;
    const hour = (rest - min) / 60;
    this.room(24);
    const b = this.buf;
    let p = this.pos;
    b[p++] = 0x30 + Math.floor(year / 1000);
    b[p++] = 0x30 + (Math.floor(year / 100) % 10);
    b[p++] = 0x30 + (Math.floor(year / 10) % 10);
    b[p++] = 0x30 + (year % 10);
    b[p++] = 0x2d;
    p = two(b, p, month);
    b[p++] = 0x2d;
    p = two(b, p, day);
    b[p++] = 0x54; // T
    p = two(b, p, hour);
    b[p++] = 0x3a;
    p = two(b, p, min);
    b[p++] = 0x3a;
    p = two(b, p, sec);
    b[p++] = 0x2e;
    b[p++] = 0x30 + Math.floor(milli / 100);
    b[p++] = 0x30 + (Math.floor(milli / 10) % 10);
    b[p++] = 0x30 + (milli % 10);
    b[p++] = 0x5a; // Z
    this.pos = p;
  }
}

function two(b: Buffer, p: number, v: number): number {
  b[p] = 0x30 + Math.floor(v / 10);
  b[p + 1] = 0x30 + (v % 10);
  return p + 2;
}
