/**
 * Runs once when the Next.js server process starts: opens the database (migrating it), seeds the demo
 * workspace once, starts the in-process job worker, and prints where to go and how to sign in.
 * Node-only modules are imported inside the runtime check so the edge bundle never sees them.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootApp } = await import("./lib/boot/boot-app");
  await bootApp();
}
