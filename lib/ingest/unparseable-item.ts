/**
 * An item a body parser could not decode (an NDJSON line that is not JSON). Kept in place of the item so
 * the indexes of the other items stay those the client sent; ingestEvents reports it as invalid_json.
 */
export class UnparseableItem {
  constructor(readonly message: string) {}
}
