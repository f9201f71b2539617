/**
 * The label that makes a namespace created outside Tally claimable by one tenant:
 * `tally.dev/tenant=<tenant id>`. An operator who pre-creates a tenant's namespace puts it
 * there; a namespace that exists without it (or with another tenant's id) is not the
 * tenant's to claim.
 */
export const TENANT_LABEL = 'tally.dev/tenant';
