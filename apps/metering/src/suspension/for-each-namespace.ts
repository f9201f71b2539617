/** What happened to one namespace of a batch. */
export type NamespaceOutcome =
  | { readonly namespace: string; readonly ok: true }
  | { readonly namespace: string; readonly ok: false; readonly error: unknown };

/**
 * Runs `operation` for every namespace, at most `concurrency` at a time. A namespace that
 * fails is reported in its outcome and never stops or delays the others. Outcomes come back
 * in the order of `namespaces`.
 */
export async function forEachNamespace(
  namespaces: readonly string[],
  concurrency: number,
  operation: (namespace: string) => Promise<void>,
): Promise<NamespaceOutcome[]> {
  const outcomes: NamespaceOutcome[] = new Array<NamespaceOutcome>(namespaces.length);
  let next = 0;
  const worker = async () => {
    while (next < namespaces.length) {
      const index = next++;
      const namespace = namespaces[index];
      try {
        await operation(namespace);
        outcomes[index] = { namespace, ok: true };
      } catch (error) {
        outcomes[index] = { namespace, ok: false, error };
      }
    }
  };
  const workers = Math.max(1, Math.min(concurrency, namespaces.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return outcomes;
}
