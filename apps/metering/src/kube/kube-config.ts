import { KubeConfig } from '@kubernetes/client-node';

/**
 * The cluster Tally talks to: the file named by KUBECONFIG when set, else the in-cluster
 * service account (inside a pod), else ~/.kube/config.
 */
export function loadKubeConfig(kubeconfigPath: string | undefined): KubeConfig {
  const kubeConfig = new KubeConfig();
  if (kubeconfigPath !== undefined) kubeConfig.loadFromFile(kubeconfigPath);
  else kubeConfig.loadFromDefault();
  return kubeConfig;
}
