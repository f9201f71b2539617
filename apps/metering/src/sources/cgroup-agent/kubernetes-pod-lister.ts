// @kubernetes/client-node 1.x is ESM-only: Node 20.19+ require()s it, jest does not, so only
// this file imports it and no spec loads this file.
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { PodRef } from './pod-namespaces';

/**
 * Lists the pods scheduled on `nodeName` (fieldSelector spec.nodeName), through KUBECONFIG
 * when given, else the in-cluster service account (or ~/.kube/config).
 */
export function kubernetesPodLister(
  nodeName: string,
  kubeconfigPath?: string,
): () => Promise<PodRef[]> {
  const config = new KubeConfig();
  if (kubeconfigPath) config.loadFromFile(kubeconfigPath);
  else config.loadFromDefault();
  const api = config.makeApiClient(CoreV1Api);
  return async () => {
    const list = await api.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${nodeName}` });
    return list.items.flatMap(({ metadata }) =>
      metadata?.uid && metadata.namespace
        ? [{ uid: metadata.uid, namespace: metadata.namespace }]
        : [],
    );
  };
}
