import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "@/lib/http/request-path-header";

/**
 * Hands the requested path to server components, which otherwise cannot see it: a signed-out visitor
 * of a shared link (`/spend?range=7d&provider=openai`) is sent to sign in with it as callbackUrl and
 * lands on that very view. No auth decision is made here; every page still authorises on the server.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/|login|icon\\.svg|favicon\\.ico).*)"],
};
