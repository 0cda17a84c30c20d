import bcrypt from "bcryptjs";

// bcrypt: a well-kept, pure-JS implementation (no native build), cost 12 ≈ 250 ms per hash here.
const COST = Number(process.env.UNITSCOPE_BCRYPT_COST ?? 12);
export const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
