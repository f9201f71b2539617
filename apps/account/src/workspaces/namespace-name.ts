import { badInput } from '@tally/errors';
import { isNamespaceName } from '@tally/kube';

// A DNS-1123 label, as Kubernetes requires; the database checks the same rule.
export function assertNamespaceName(namespace: string): void {
  if (!isNamespaceName(namespace)) {
    throw badInput(
      'namespace must be a DNS-1123 label: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit',
      { reason: 'BAD_NAMESPACE' },
    );
  }
}
