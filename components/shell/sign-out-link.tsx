"use client";

import { signOut } from "next-auth/react";

export function SignOutLink() {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/login" })}
      className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-300"
    >
      Sign out
    </button>
  );
}
