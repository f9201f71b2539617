import { KubeConfig } from '@kubernetes/client-node';

/**
 * The cluster Tally talks to: the file named by KUBECONFIG when set, else client-node's
 * default (~/.kube/config when present, else the in-cluster service account of the pod).
 */
export function loadKubeConfig(kubeconfigPath: string | undefined): KubeConfig {
  const kubeConfig = new KubeConfig();
  if (kubeconfigPath !== undefined) kubeConfig.loadFromFile(kubeconfigPath);
  else kubeConfig.loadFromDefault();
  return kubeConfig;
}
