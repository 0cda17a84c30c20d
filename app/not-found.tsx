import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { LogoMark } from "@/components/shell/logo";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 text-center">
      <LogoMark className="size-10" />
      <h1 className="mt-6 text-2xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">Page not found</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">The page you asked for does not exist or has moved.</p>
      <Link href="/overview" className={`${buttonClass("primary")} mt-6`}>
        Go to the overview
      </Link>
    </main>
  );
}
