import type {
  KubernetesObject,
  V1Container,
  V1Namespace,
  V1PodTemplateSpec,
  V1Service,
} from '@kubernetes/client-node';
import { TENANT_LABEL } from '@tally/kube';
import {
  ContainerSpec,
  NamespaceSpec,
  NodePortServiceSpec,
  WorkloadSpec,
} from '@tally/simulator/cluster/demo-cluster';

/** The label every pod of a workload carries and its selector matches. */
export const APP_LABEL = 'app';

/** The namespace as an operator creates it for a tenant: labelled so the tenant may claim it. */
export function namespaceManifest(name: string, tenantId: string): V1Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { [TENANT_LABEL]: tenantId } },
  };
}

/** Deployments, StatefulSets and CronJobs of the namespace; `cronJobApiVersion` per cluster. */
export function workloadManifests(
  namespace: NamespaceSpec,
  cronJobApiVersion: string,
): KubernetesObject[] {
  return namespace.workloads.map((workload) => {
    const metadata = {
      name: workload.name,
      namespace: namespace.name,
      labels: podLabels(workload),
    };
    const selector = { matchLabels: { [APP_LABEL]: workload.name } };
    switch (workload.kind) {
      case 'Deployment':
        return {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata,
          spec: {
            replicas: workload.replicas ?? 1,
            selector,
            template: podTemplate(workload, 'Always'),
          },
        };
      case 'StatefulSet':
        return {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          metadata,
          spec: {
            replicas: workload.replicas ?? 1,
            serviceName: workload.name,
            selector,
            template: podTemplate(workload, 'Always'),
            volumeClaimTemplates: workload.volumeClaim
              ? [
                  {
                    metadata: { name: workload.volumeClaim.name },
                    spec: {
                      accessModes: ['ReadWriteOnce'],
                      resources: { requests: { storage: String(workload.volumeClaim.bytes) } },
                    },
                  },
                ]
              : [],
          },
        };
      case 'CronJob': {
        const schedule = workload.schedule ?? { hour: 0, minute: 0, runMinutes: 1 };
        return {
          apiVersion: cronJobApiVersion,
          kind: 'CronJob',
          metadata,
          spec: {
            schedule: `${schedule.minute} ${schedule.hour} * * *`,
            successfulJobsHistoryLimit: 1,
            jobTemplate: { spec: { template: podTemplate(workload, 'Never') } },
          },
        };
      }
    }
  });
}

export function nodePortServiceManifest(
  namespace: string,
  service: NodePortServiceSpec,
): V1Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: service.name, namespace, labels: { [APP_LABEL]: service.app } },
    spec: {
      type: 'NodePort',
      selector: { [APP_LABEL]: service.app },
      ports: [{ port: service.port, targetPort: service.port, protocol: 'TCP' }],
    },
  };
}

function podLabels(workload: WorkloadSpec): Record<string, string> {
  return { [APP_LABEL]: workload.name, ...workload.labels };
}

function podTemplate(workload: WorkloadSpec, restartPolicy: 'Always' | 'Never'): V1PodTemplateSpec {
  return {
    metadata: { labels: podLabels(workload) },
    spec: { restartPolicy, containers: workload.containers.map(containerManifest) },
  };
}

function containerManifest(container: ContainerSpec): V1Container {
  const { cpu, memoryBytes, gpus } = container.requests;
  const requests: Record<string, string> = {
    cpu: `${Math.round(cpu * 1000)}m`,
    memory: String(Math.round(memoryBytes)),
  };
  // An extended resource must be requested and limited alike.
  const gpu = gpus ? { 'nvidia.com/gpu': String(gpus) } : undefined;
  return {
    name: container.name,
    image: container.image,
    resources: { requests: { ...requests, ...gpu }, ...(gpu && { limits: gpu }) },
  };
}
