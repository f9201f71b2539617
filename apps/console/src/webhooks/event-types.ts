/** The events an endpoint can ask for (CreateWebhookEndpointInput.eventTypes), in words. */
export const EVENT_TYPES: readonly { readonly value: string; readonly label: string }[] = [
  { value: 'recharge.succeeded', label: 'A top-up is paid' },
  { value: 'recharge.failed', label: 'A top-up fails' },
  { value: 'wallet.state_changed', label: "A wallet's debt state changes" },
  { value: 'namespace.suspended', label: 'A namespace is suspended' },
  { value: 'namespace.resumed', label: 'A namespace is resumed' },
  { value: 'invoice.issued', label: 'An invoice is issued' },
  { value: 'alert.triggered', label: 'An alert fires' },
  { value: 'alert.resolved', label: 'An alert resolves' },
];

/** What a delivery's last attempt got, in words: "HTTP 200", "timeout", or not tried yet. */
export function lastAttemptOf(
  attempts: readonly { statusCode: number | null; error: string | null }[],
): string {
  const last = attempts.at(-1);
  if (last === undefined) return 'Not tried yet';
  if (last.statusCode !== null) return `HTTP ${last.statusCode}`;
  return last.error ?? 'No answer';
}
