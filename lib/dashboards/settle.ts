/**
 * Runs a card's loader and turns a failure into a value: one card that cannot load shows its error state
 * while the rest of the page renders. The error itself goes to the server log (never to the browser).
 */
export type Settled<T> = { ok: true; data: T } | { ok: false };

export async function settle<T>(card: string, load: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, data: await load };
  } catch (err) {
    // Next.js control flow (redirect/notFound) must keep propagating.
    if (err && typeof err === "object" && "digest" in err && typeof err.digest === "string" && err.digest.startsWith("NEXT_")) throw err;
    console.error(`[dashboards] the card '${card}' failed:`, err);
    return { ok: false };
  }
}
