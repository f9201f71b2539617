import type { SpendGrouping } from '../gql/graphql';

/** Each way to split spending, as the selector and the headings say it. */
export const GROUPINGS: Readonly<Record<SpendGrouping, { label: string; noun: string }>> = {
  NAMESPACE: { label: 'Namespace', noun: 'namespace' },
  SUB_ACCOUNT: { label: 'Sub-account', noun: 'sub-account' },
  RESOURCE: { label: 'Resource', noun: 'resource' },
};

// A resource the console does not know yet shows by its API name.
export const RESOURCE_NAMES: Readonly<Record<string, string>> = {
  CPU: 'CPU',
  MEMORY: 'Memory',
  STORAGE: 'Storage',
  GPU: 'GPU',
  NETWORK_EGRESS: 'Network egress',
  NODEPORT: 'NodePort',
};

/** The periods the chart offers, in days. */
export const PERIODS = [7, 30, 90] as const;
export type Period = (typeof PERIODS)[number];

interface Names {
  readonly tenantId: string;
  readonly subAccounts: readonly { readonly id: string; readonly name: string }[];
}

/** What a group's key is called: a namespace as it is, a resource or wallet by its name. */
export function labelOf(groupBy: SpendGrouping, names: Names): (key: string) => string {
  switch (groupBy) {
    case 'NAMESPACE':
      return (key) => key;
    case 'RESOURCE':
      return (key) => RESOURCE_NAMES[key] ?? key;
    case 'SUB_ACCOUNT': {
      const byId = new Map(names.subAccounts.map((sub) => [sub.id, sub.name]));
      return (key) => (key === names.tenantId ? 'Tenant wallet' : (byId.get(key) ?? key));
    }
  }
}
