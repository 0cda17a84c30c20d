import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getPrisma } from "@/lib/db/client";
import { verifyPassword } from "./passwords";
import { noteFailedSignIn, isSignInThrottled, clearFailedSignIns } from "./sign-in-throttle";

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  pages: { signIn: "/login" },
  secret: process.env.NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        if (isSignInThrottled(email)) return null;
        const prisma = await getPrisma();
        const user = await prisma.user.findUnique({ where: { email } });
        // Compare against a dummy hash when the user is unknown so timing does not reveal who exists.
        const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
        if (!user || !ok) {
          noteFailedSignIn(email);
          return null;
        }
        clearFailedSignIns(email);
        return { id: String(user.id), email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.uid = Number(user.id);
      return token;
    },
    session({ session, token }) {
      if (session.user) (session.user as { id?: number }).id = token.uid as number;
      return session;
    },
  },
};

// bcrypt hash of a random string nobody knows (cost 12), used only to equalise timing.
const DUMMY_HASH = "$2b$12$L.prVga2THnkcdhpyYzS6eLJlZrHESClzkQ7GiGGcZCX73/XSFeTm";
