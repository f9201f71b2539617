import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { KubeClient } from '../kube/kube-client';
import { SuspensionCluster } from './suspension-cluster';
import { SuspensionErrorCode } from './suspension.errors';

// SuspensionCluster's timeouts and retries against a stand-in API server that misbehaves on
// purpose (the real one is in test/suspension).
type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const retry = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 };
let server: Server;
let handler: Handler;
let requests: string[];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
beforeEach(() => (requests = []));
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function cluster(requestTimeoutMs = 2_000): Promise<SuspensionCluster> {
  const kubeConfig = new KubeConfig();
  const { port } = server.address() as AddressInfo;
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'c', server: `http://127.0.0.1:${port}`, skipTLSVerify: true }],
    users: [{ name: 'u', token: 't' }],
    contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
    currentContext: 'c',
  });
  return new SuspensionCluster(await KubeClient.create(kubeConfig, { requestTimeoutMs }), retry);
}

const json = (res: ServerResponse, status: number, body: object) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const namespace = {
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name: 'ns', annotations: { a: 'b' } },
};
const status = (code: number) => ({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code });

it('retries 503 and 429, then succeeds', async () => {
  let calls = 0;
  handler = (_req, res) => {
    calls++;
    if (calls === 1) return json(res, 503, status(503));
    if (calls === 2) return json(res, 429, status(429));
    json(res, 200, namespace);
  };
  await expect((await cluster()).namespaceAnnotations('ns')).resolves.toEqual({ a: 'b' });
  expect(requests).toEqual(Array(3).fill('GET /api/v1/namespaces/ns'));
});

it('aborts a request that gets no answer within the timeout, and retries it', async () => {
  handler = () => undefined; // never answers
  const started = Date.now();
  await expect((await cluster(100)).namespaceAnnotations('ns')).rejects.toMatchObject({
    name: 'AbortError',
  });
  expect(requests).toHaveLength(3);
  expect(Date.now() - started).toBeLessThan(2_000);
});

it('does not retry a 403: a missing permission is reported at once', async () => {
  handler = (_req, res) => json(res, 403, status(403));
  await expect((await cluster()).namespaceAnnotations('ns')).rejects.toMatchObject({ code: 403 });
  expect(requests).toHaveLength(1);
});

it('answers 404 explicitly: a missing namespace is a domain error, a deleted object is done', async () => {
  handler = (_req, res) => json(res, 404, status(404));
  const subject = await cluster();
  await expect(subject.namespaceAnnotations('ns')).rejects.toMatchObject({
    reason: SuspensionErrorCode.NAMESPACE_NOT_FOUND,
  });
  await expect(subject.deleteSuspendedQuota('ns')).resolves.toBeUndefined();
  expect(requests).toEqual([
    'GET /api/v1/namespaces/ns',
    'DELETE /api/v1/namespaces/ns/resourcequotas/tally-suspended',
  ]);
});

it('sends every patch as a JSON merge patch', async () => {
  let contentType: string | undefined;
  handler = (req, res) => {
    contentType = req.headers['content-type'];
    json(res, 200, namespace);
  };
  await (await cluster()).annotateNamespace('ns', { 'tally.dev/state': null });
  expect(contentType).toBe('application/merge-patch+json');
});

it('recomputes a patch from a fresh read when the object changed underneath (409)', async () => {
  const discovery = {
    kind: 'APIResourceList',
    groupVersion: 'apps/v1',
    resources: [{ name: 'deployments', kind: 'Deployment', namespaced: true, verbs: [] }],
  };
  const bodies: unknown[] = [];
  let patches = 0;
  handler = (req, res) => {
    if (req.url === '/apis/apps/v1') return json(res, 200, discovery);
    if (req.method === 'GET') {
      return json(res, 200, {
        metadata: { name: 'web', resourceVersion: '2' },
        spec: { replicas: 5 },
      });
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      bodies.push(JSON.parse(body));
      patches++;
      json(res, patches === 1 ? 409 : 200, patches === 1 ? status(409) : {});
    });
  };
  const stale = { metadata: { name: 'web', resourceVersion: '1' }, spec: { replicas: 3 } };

  await (
    await cluster()
  ).update('deployments', 'ns', stale, (current) => ({
    spec: { replicas: Number(current.spec?.replicas) + 1 },
  }));

  expect(bodies).toEqual([
    { metadata: { resourceVersion: '1' }, spec: { replicas: 4 } },
    { metadata: { resourceVersion: '2' }, spec: { replicas: 6 } },
  ]);
  expect(requests.filter((r) => r !== 'GET /apis/apps/v1')).toEqual([
    'PATCH /apis/apps/v1/namespaces/ns/deployments/web',
    'GET /apis/apps/v1/namespaces/ns/deployments/web',
    'PATCH /apis/apps/v1/namespaces/ns/deployments/web',
  ]);
});
