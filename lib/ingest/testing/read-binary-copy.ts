/**
 * A reader for COPY binary data, for tests: the rows as arrays of raw field bytes (null for NULL),
 * after checking the header and the trailer. Decoders for the types ingestion writes.
 */
export function readBinaryCopy(data: Buffer): (Buffer | null)[][] {
  const header = Buffer.from([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]);
  if (!data.subarray(0, 11).equals(header)) throw new Error("bad COPY binary signature");
  let p = 11 + 4 + data.readUInt32BE(15) + 4; // flags, header extension length + area
  const rows: (Buffer | null)[][] = [];
  for (;;) {
    const fields = data.readInt16BE(p);
    p += 2;
    if (fields === -1) break;
    const row: (Buffer | null)[] = [];
    for (let f = 0; f < fields; f++) {
      const len = data.readInt32BE(p);
      p += 4;
      if (len === -1) row.push(null);
      else {
        row.push(data.subarray(p, p + len));
        p += len;
      }
    }
    rows.push(row);
  }
  if (p !== data.length) throw new Error(`${data.length - p} bytes after the trailer`);
  return rows;
}

/** numeric send format → its decimal string with exactly dscale fraction digits. */
export function decodeNumeric(b: Buffer): string {
  const ndigits = b.readInt16BE(0);
  const weight = b.readInt16BE(2);
  const sign = b.readUInt16BE(4);
  const dscale = b.readInt16BE(6);
  // Group i is worth 10000^(weight - i).
  const at = (pow: number) => {
    const i = weight - pow;
    return i >= 0 && i < ndigits ? b.readInt16BE(8 + 2 * i) : 0;
  };
  let int = "";
  for (let pow = Math.max(weight, 0); pow >= 0; pow--) int += String(at(pow)).padStart(4, "0");
  let frac = "";
  for (let pow = -1; pow >= Math.min(-1, weight - ndigits + 1); pow--) frac += String(at(pow)).padStart(4, "0");
  int = int.replace(/^0+(?=\d)/, "");
  frac = frac.padEnd(dscale, "0").slice(0, dscale);
  return `${sign === 0x4000 ? "-" : ""}${int}${dscale > 0 ? `.${frac}` : ""}`;
}

/** timestamptz send format → milliseconds since the Unix epoch. */
export function decodeTimestamptz(b: Buffer): number {
  return Number(b.readBigInt64BE(0) / 1000n) + 946_684_800_000;
}
