import { randomUUID } from 'node:crypto';
import { AppCluster } from '../support/app-processes';
import { RedisServer } from '../support/redis-server';

const asBrowser = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

/** Every URL the page loads: script sources and stylesheet links. */
function loadedUrls(html: string): string[] {
  return [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
}

async function startGateway(redis: RedisServer, env: Record<string, string> = {}) {
  return AppCluster.start(['gateway'], {
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: redis.url,
    ...env,
  });
}

describe('the GraphQL IDE at GET /graphql', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  describe('in development', () => {
    let gateway: AppCluster;
    beforeAll(async () => {
      gateway = await startGateway(redis);
    });
    afterAll(async () => {
      await gateway?.stop();
    });

    it('serves GraphiQL to a browser, with the sign-in explained and every asset local', async () => {
      const base = gateway.url('gateway');
      const page = await fetch(`${base}/graphql`, { headers: asBrowser });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await page.text();
      expect(html).toContain('GraphiQL.createFetcher({ url: "/graphql" })');
      expect(html).toContain('Authorization');
      expect(html).toContain('TALLY_ADMIN_API_KEY');

      const urls = loadedUrls(html);
      expect(urls.sort()).toEqual([
        '/graphql-ide/graphiql.css',
        '/graphql-ide/graphiql.js',
        '/graphql-ide/react-dom.js',
        '/graphql-ide/react.js',
      ]);
      // Nothing from another host anywhere in the page: no CDN is reachable.
      expect(html).not.toMatch(/https?:\/\//);
      for (const url of urls) {
        const asset = await fetch(`${base}${url}`);
        expect([url, asset.status]).toEqual([url, 200]);
        const type = url.endsWith('.css') ? /^text\/css/ : /^text\/javascript/;
        expect(asset.headers.get('content-type')).toMatch(type);
        expect((await asset.text()).length).toBeGreaterThan(1000);
      }
    });

    it('serves nothing but its four files', async () => {
      const base = gateway.url('gateway');
      for (const name of ['package.json', '..%2Fpackage.json', 'toString']) {
        expect((await fetch(`${base}/graphql-ide/${name}`)).status).toBe(404);
      }
    });

    it('still answers GraphQL on the same path', async () => {
      const { status, body } = await gateway.graphql<{ __typename: string }>('{ __typename }');
      expect(status).toBe(200);
      expect(body.data).toEqual({ __typename: 'Query' });
    });
  });

  describe('with NODE_ENV=production', () => {
    let gateway: AppCluster;
    beforeAll(async () => {
      gateway = await startGateway(redis, {
        NODE_ENV: 'production',
        TALLY_JWT_SECRET: `prod-jwt-secret-${randomUUID()}`,
        STRIPE_WEBHOOK_SECRET: `whsec_${randomUUID().replace(/-/g, '')}`,
      });
    });
    afterAll(async () => {
      await gateway?.stop();
    });

    it('is off: no page and no assets', async () => {
      const base = gateway.url('gateway');
      const page = await fetch(`${base}/graphql`, { headers: asBrowser });
      expect(page.headers.get('content-type')).not.toMatch(/^text\/html/);
      expect(await page.text()).not.toContain('GraphiQL');
      expect((await fetch(`${base}/graphql-ide/graphiql.js`)).status).toBe(404);
    });

    it('serves no local checkout page either (test/billing/local-checkout.test.ts)', async () => {
      // Outside production an unknown session gets the page's own HTML 404; here no route.
      const page = await fetch(`${gateway.url('gateway')}/checkout/cs_local_${'0'.repeat(48)}`);
      expect(page.status).toBe(404);
      expect(page.headers.get('content-type')).not.toMatch(/^text\/html/);
    });
  });
});
