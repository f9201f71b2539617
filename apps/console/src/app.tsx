import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CostCenter } from './layout/cost-center';
import { clearSession, loadSession, saveSession, type Session } from './session/session';
import { SignInPage } from './session/sign-in-page';

/** Signed out: the sign-in page. Signed in: the tenant cost center. */
export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const queries = useQueryClient();

  const signIn = (next: Session) => {
    saveSession(next);
    setSession(next);
  };
  const signOut = () => {
    clearSession();
    // Nothing the previous identity saw may show up for the next one.
    queries.clear();
    setSession(null);
  };

  return session === null ? (
    <SignInPage onSignedIn={signIn} />
  ) : (
    <CostCenter session={session} onSignOut={signOut} />
  );
}
