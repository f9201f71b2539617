import { createContext, useContext } from 'react';

/**
 * Whether the signed-in identity may change the tenant shown: an OWNER or ADMIN, or the
 * tenant's API key (which acts as an admin). The API decides every change anyway; this only
 * spares a MEMBER forms it would be refused.
 */
export const ManagesTenant = createContext(false);

export function useManagesTenant(): boolean {
  return useContext(ManagesTenant);
}
