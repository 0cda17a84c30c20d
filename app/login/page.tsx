import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm, WRONG_CREDENTIALS } from "@/components/shell/login-form";
import { LogoMark } from "@/components/shell/logo";
import { SignOutLink } from "@/components/shell/sign-out-link";
import { requestOrigin } from "@/lib/http/request-origin";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";
import { SIGN_IN_MESSAGES } from "@/lib/auth/sign-in-errors";
import { getSessionUserId } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const ERRORS: Record<string, string> = {
  no_workspace: "Your account is not a member of any workspace. Ask a workspace owner to add you, then sign in again.",
  CredentialsSignin: WRONG_CREDENTIALS,
  SessionRequired: "Sign in to continue.",
  ...SIGN_IN_MESSAGES,
};

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const error = typeof params.error === "string" ? params.error : null;
  const callbackPath = safeCallbackPath(params.callbackUrl, await requestOrigin());
  const signedIn = (await getSessionUserId()) !== null;
  // A signed-in user with a workspace has nothing to do here; one without keeps the page to read why.
  if (signedIn && error !== "no_workspace") redirect(callbackPath);

  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <LogoMark className="size-11" />
          <h1 className="mt-4 text-2xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">Sign in to Unitscope</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Cost and reliability of every model call.</p>
        </div>
        <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          <LoginForm callbackPath={callbackPath} initialError={error ? (ERRORS[error] ?? "Sign-in failed. Try again.") : null} />
          {signedIn ? (
            <p className="mt-4 text-center text-sm text-zinc-600 dark:text-zinc-400">
              Signed in with another account? <SignOutLink />
            </p>
          ) : null}
        </div>
        <p className="mt-6 text-center text-xs text-zinc-500 dark:text-zinc-400">
          No account yet? Ask an owner of your workspace to add you.
        </p>
      </div>
    </main>
  );
}
