import { randomUUID } from 'node:crypto';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getVariableValues,
  type GraphQLField,
  type GraphQLObjectType,
  type IntrospectionQuery,
  Kind,
  parse,
  type OperationDefinitionNode,
} from 'graphql';
import { Client } from 'pg';
import { GatewaySuite } from '../support/gateway-suite';
import { waitFor } from '../support/ports';
import {
  type LeafValues,
  operationFor,
  validVariables,
  variableDefects,
} from '../support/variable-defects';

interface Fixture {
  tenantId: string;
  walletId: string;
  subAccountId: string;
  subWalletId: string;
  namespace: string;
  /** Every String the probes send: finds any row a probe managed to write. */
  marker: string;
}

/**
 * A client's mistake in the variables is answered before anything runs: HTTP 400 and
 * BAD_USER_INPUT, for every argument of every query and mutation the gateway serves (the list
 * comes from the served schema, so a new operation is covered the day it is added).
 */
describe('wrong-typed GraphQL variables', () => {
  const suite = new GatewaySuite();
  let db: Client;
  let fixture: Fixture;
  const roots: { kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[] = [];
  let mutations: string[] = [];

  beforeAll(async () => {
    await suite.start(['gateway', 'account', 'billing', 'metering'], {
      // Hundreds of probes from one caller inside a minute.
      TALLY_RATE_LIMIT_PER_MINUTE: '100000',
      TALLY_RATE_LIMIT_PER_IP_PER_MINUTE: '100000',
    });
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();

    const tenant = await suite.newTenant('Probes');
    const sub = await suite.newSubAccount(tenant.id);
    const namespace = await suite.newWorkspace(tenant.id, `probe-${randomUUID().slice(0, 8)}`);
    fixture = {
      tenantId: tenant.id,
      walletId: tenant.walletId,
      subAccountId: sub.id,
      subWalletId: sub.walletId,
      namespace,
      marker: `probe-${randomUUID().slice(0, 8)}`,
    };

    const introspection = await suite.admin<IntrospectionQuery>(getIntrospectionQuery());
    if (introspection.errors) throw new Error(JSON.stringify(introspection.errors));
    const schema = buildClientSchema(introspection.data!);
    const withArgs = (type: GraphQLObjectType | null | undefined) =>
      Object.values(type?.getFields() ?? {}).filter((f) => f.args.length > 0);
    for (const field of withArgs(schema.getQueryType())) roots.push({ kind: 'query', field });
    for (const field of withArgs(schema.getMutationType())) roots.push({ kind: 'mutation', field });
    mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});

    // The defects must be the only thing wrong: the base they are laid on is valid.
    for (const { kind, field } of roots) {
      const operation = parse(operationFor(kind, field)).definitions[0] as OperationDefinitionNode;
      expect(operation.kind).toBe(Kind.OPERATION_DEFINITION);
      const { errors } = getVariableValues(
        schema,
        operation.variableDefinitions ?? [],
        validVariables(field.args, leaves()),
      );
      expect([field.name, errors]).toEqual([field.name, undefined]);
    }
  });

  afterAll(async () => {
    await db?.end();
    await suite.stop();
  });

  /** Real ids of the fixture tenant, so a probe that got through would act on it. */
  function leaves(): LeafValues {
    const ids: Record<string, string> = {
      tenantId: fixture.tenantId,
      walletId: fixture.walletId,
      fromWalletId: fixture.walletId,
      toWalletId: fixture.subWalletId,
      subAccountId: fixture.subAccountId,
    };
    return {
      id: (name) => ids[name] ?? fixture.tenantId,
      string: (name) => (name === 'namespace' ? fixture.namespace : fixture.marker),
    };
  }

  /** Rows a slipped-through probe would have written, in tables of each service. */
  async function rowCounts(): Promise<Record<string, number>> {
    const { rows } = await db.query<Record<string, number>>(
      `SELECT
         (SELECT count(*)::int FROM account.tenants WHERE name = $2) AS tenants,
         (SELECT count(*)::int FROM account.sub_accounts WHERE tenant_id = $1) AS sub_accounts,
         (SELECT count(*)::int FROM account.workspaces WHERE tenant_id = $1) AS workspaces,
         (SELECT count(*)::int FROM account.memberships WHERE tenant_id = $1) AS memberships,
         (SELECT count(*)::int FROM account.api_keys WHERE tenant_id = $1) AS api_keys,
         (SELECT count(*)::int FROM account.ledger_entries e
            JOIN account.wallets w ON w.id = e.wallet_id WHERE w.tenant_id = $1) AS ledger_entries,
         (SELECT count(*)::int FROM billing.price_books WHERE reason = $2) AS price_books,
         (SELECT count(*)::int FROM billing.recharges WHERE tenant_id = $1) AS recharges,
         (SELECT count(*)::int FROM billing.webhook_endpoints WHERE tenant_id = $1) AS webhooks`,
      [fixture.tenantId, fixture.marker],
    );
    return rows[0];
  }

  /** Log lines at pino's error level (50) or above, written since `from`. */
  function errorLines(from: Map<string, number>): string[] {
    return [...from].flatMap(([app, offset]) =>
      suite.cluster
        .output(app as 'gateway')
        .slice(offset)
        .split('\n')
        .filter((line) => /"level":\s*(5\d|6\d)/.test(line))
        .map((line) => `${app}: ${line.slice(0, 300)}`),
    );
  }

  it('covers every mutation and every query that takes arguments', () => {
    const covered = roots.map((r) => r.field.name);
    expect(covered).toEqual(expect.arrayContaining(mutations));
    expect(covered).toEqual(expect.arrayContaining(['tenant', 'wallet', 'invoices', 'statement']));
  });

  it.each([
    ['a number', `{ tenant(id: 5) { id } }`],
    [
      'a number in an input',
      `mutation { transfer(input: { fromWalletId: 5, toWalletId: "x", amount: "1", idempotencyKey: "k" }) { id } }`,
    ],
  ])('answers %s written as an ID literal with 400 BAD_USER_INPUT', async (_, query) => {
    const { status, body } = await suite.cluster.graphql(query, undefined, {
      authorization: `Bearer ${suite.adminKey}`,
    });
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0].message).toBe('ID must be sent as a string, not 5');
  });

  it('answers each defect with 400 BAD_USER_INPUT, logs no error and writes nothing', async () => {
    const before = await rowCounts();
    const offsets = new Map(
      (['gateway', 'account', 'billing', 'metering'] as const).map((app) => [
        app,
        suite.cluster.output(app).length,
      ]),
    );
    const wrong: string[] = [];
    let probes = 0;
    for (const { kind, field } of roots) {
      const query = operationFor(kind, field);
      for (const { defect, variables } of variableDefects(field.args, leaves())) {
        probes++;
        const { status, body } = await suite.cluster.graphql(query, variables, {
          authorization: `Bearer ${suite.adminKey}`,
        });
        const error = body.errors?.[0];
        const variable = defect.replace(/^.* at \$([^.]+).*$/, '$1');
        const ok =
          status === 400 &&
          body.data === undefined &&
          error?.extensions?.code === 'BAD_USER_INPUT' &&
          error.message.includes(`"$${variable}"`);
        if (!ok) {
          wrong.push(`${field.name}, ${defect}: ${status} ${JSON.stringify(body).slice(0, 300)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(probes).toBeGreaterThan(300);
    // The gateway's line for one last request says its log has caught up with the probes.
    const lastRequest = `after-probes-${randomUUID()}`;
    await suite.cluster.graphql('{ health { service } }', undefined, {
      'x-request-id': lastRequest,
    });
    await waitFor('the gateway log line of the last request', async () =>
      suite.cluster.output('gateway').includes(lastRequest) ? true : undefined,
    );
    expect(errorLines(offsets)).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });
});
