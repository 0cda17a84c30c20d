import { randomBytes } from "node:crypto";
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

let dummy: Promise<string> | undefined;

/**
 * A hash of a random secret nobody knows, made at the configured cost: comparing an unknown email's
 * password against it takes as long as against a real account's hash, so timing does not reveal which
 * emails have accounts. A fixed cost-12 constant would answer faster or slower than real accounts at any
 * other UNITSCOPE_BCRYPT_COST. Made once per process.
 */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= bcrypt.hash(randomBytes(24).toString("base64"), COST);
  return dummy;
}
