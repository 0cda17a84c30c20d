"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SIGN_IN_MESSAGES } from "@/lib/auth/sign-in-errors";

const INPUT =
  "mt-1 block h-10 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm shadow-xs placeholder:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-950";

export const WRONG_CREDENTIALS =
  "Incorrect email or password. After several failed attempts, each new attempt has to wait a little longer.";

export function LoginForm({ callbackPath, initialError }: { callbackPath: string; initialError: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);
  const emailId = useId();
  const passwordId = useId();

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (!result || result.error) {
        // A wrong password and an unknown email read the same (the page must not reveal which emails have
        // accounts); a throttled attempt or a database outage has its own code and message.
        setError((result?.error && SIGN_IN_MESSAGES[result.error]) || WRONG_CREDENTIALS);
        setPending(false);
        return;
      }
      router.replace(callbackPath);
      router.refresh();
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate={false}>
      {error ? (
        <Alert tone="danger" live>
          {error}
        </Alert>
      ) : null}
      <div>
        <label htmlFor={emailId} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Email
        </label>
        <input
          id={emailId}
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          className={INPUT}
          placeholder="you@company.com"
        />
      </div>
      <div>
        <label htmlFor={passwordId} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Password
        </label>
        <input id={passwordId} name="password" type="password" autoComplete="current-password" required className={INPUT} />
      </div>
      <Button type="submit" className="w-full !h-10" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
