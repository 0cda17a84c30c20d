import { redirect } from "next/navigation";
import { getSessionUserId } from "@/lib/auth/session";

/** The root has no content of its own: signed-in users land on the Overview, everyone else signs in. */
export default async function Home() {
  redirect((await getSessionUserId()) === null ? "/login" : "/overview");
}
