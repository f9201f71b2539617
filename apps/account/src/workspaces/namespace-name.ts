import { badInput } from '@tally/errors';

// Kubernetes namespace names are DNS-1123 labels: lower-case alphanumerics and '-', starting
// and ending alphanumeric, at most 63 characters. The database checks the same rule.
const dns1123Label = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export function assertNamespaceName(namespace: string): void {
  if (!dns1123Label.test(namespace)) {
    throw badInput(
      'namespace must be a DNS-1123 label: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit',
      { reason: 'BAD_NAMESPACE' },
    );
  }
}
