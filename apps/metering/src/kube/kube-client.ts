import { Agent } from 'node:https';
import {
  CoreV1Api,
  createConfiguration,
  CustomObjectsApi,
  HttpMethod,
  KubeConfig,
  KubernetesObjectApi,
  PatchStrategy,
  ServerConfiguration,
  type RequestContext,
  type ResponseContext,
} from '@kubernetes/client-node';
import { kubeStatus } from './kube-retry';

// Not re-exported by the package's index.
type PromiseMiddleware = NonNullable<
  NonNullable<Parameters<typeof createConfiguration>[0]>['promiseMiddleware']
>[number];

export interface KubeClientOptions {
  /** Each request (connect to end of response headers) is aborted after this long. */
  readonly requestTimeoutMs: number;
  /** Open connections kept to the API server (keep-alive). */
  readonly maxSockets?: number;
}

/**
 * The generated API clients of @kubernetes/client-node, configured for how Tally uses them:
 * - every request carries a timeout (the generated clients have none);
 * - requests share one keep-alive HTTPS agent (the library builds a fresh agent, and so a
 *   fresh TLS handshake, for every request);
 * - every PATCH is a JSON merge patch (RFC 7386), the only kind Tally sends.
 */
export class KubeClient {
  private constructor(
    readonly core: CoreV1Api,
    readonly objects: CustomObjectsApi,
    readonly discovery: Discovery,
  ) {}

  static async create(kubeConfig: KubeConfig, options: KubeClientOptions): Promise<KubeClient> {
    const cluster = kubeConfig.getCurrentCluster();
    if (!cluster) throw new Error('the kubeconfig has no current cluster');
    const agent =
      cluster.proxyUrl || cluster.server.startsWith('http:')
        ? undefined
        : await keepAliveAgent(kubeConfig, options.maxSockets ?? 32);
    const middleware: PromiseMiddleware = {
      pre: async (context: RequestContext) => {
        context.setSignal(AbortSignal.timeout(options.requestTimeoutMs));
        if (agent) context.setAgent(agent);
        if (context.getHttpMethod() === HttpMethod.PATCH) {
          context.setHeaderParam('Content-Type', PatchStrategy.MergePatch);
        }
        return context;
      },
      post: async (context: ResponseContext) => context,
    };
    const configuration = createConfiguration({
      baseServer: new ServerConfiguration(cluster.server, {}),
      authMethods: { default: kubeConfig },
      promiseMiddleware: [middleware],
    });
    return new KubeClient(
      new CoreV1Api(configuration),
      new CustomObjectsApi(configuration),
      new Discovery(configuration),
    );
  }
}

/** Which kinds the server serves in which API versions (cached per API version). */
export class Discovery extends KubernetesObjectApi {
  /** True when `apiVersion` (e.g. "batch/v1") exists and has `kind` (e.g. "CronJob"). */
  async serves(apiVersion: string, kind: string): Promise<boolean> {
    try {
      return (await this.resource(apiVersion, kind)) !== undefined;
    } catch (error) {
      if (kubeStatus(error) === 404) return false;
      throw error;
    }
  }
}

// The kubeconfig's TLS settings (CA, client certificate, skip-verify) on an agent that keeps
// connections open. Credentials sent as headers (tokens) are still applied per request.
async function keepAliveAgent(kubeConfig: KubeConfig, maxSockets: number): Promise<Agent> {
  const tls: {
    ca?: Buffer;
    cert?: Buffer;
    key?: Buffer;
    rejectUnauthorized?: boolean;
  } = {};
  await kubeConfig.applyToHTTPSOptions(tls);
  return new Agent({
    ca: tls.ca,
    cert: tls.cert,
    key: tls.key,
    rejectUnauthorized: tls.rejectUnauthorized ?? !kubeConfig.getCurrentCluster()?.skipTLSVerify,
    keepAlive: true,
    maxSockets,
  });
}
