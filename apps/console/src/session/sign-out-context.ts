import { createContext, useContext } from 'react';

/** Signs the user out (CostCenter provides it): what a refused token leaves to do. */
export const SignOutContext = createContext<(() => void) | null>(null);

export function useSignOut(): (() => void) | null {
  return useContext(SignOutContext);
}
