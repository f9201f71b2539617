import { ApolloServer } from '@apollo/server';
import {
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
} from 'graphql';
import { SERVICE_CALL_COST, serviceCall, servicePage } from './query-cost';
import { queryLimitsPlugin } from './query-limits.plugin';

const Item = new GraphQLObjectType({
  name: 'Item',
  fields: { id: { type: GraphQLID }, name: { type: GraphQLString } },
});

function schemaWith(calls: jest.Mock, costed = true): GraphQLSchema {
  const cost = (complexity: unknown) => (costed ? { extensions: { complexity } } : {});
  const answered = <T>(field: string, value: T): T => {
    calls(field);
    return value;
  };
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        item: { type: Item, ...cost(serviceCall()), resolve: () => answered('item', { id: '1' }) },
        page: {
          type: new GraphQLList(Item),
          args: { first: { type: GraphQLInt } },
          ...cost(servicePage(10)),
          resolve: () => answered('page', []),
        },
        echo: {
          type: GraphQLString,
          args: { n: { type: new GraphQLNonNull(GraphQLInt) } },
          ...cost(serviceCall()),
          resolve: (_: unknown, args: { n: number }) => answered('echo', String(args.n)),
        },
      },
    }),
  });
}

describe('queryLimitsPlugin', () => {
  const calls = jest.fn();
  const server = new ApolloServer({
    schema: schemaWith(calls),
    plugins: [queryLimitsPlugin({ maxDepth: 5, maxCost: 5000 })],
  });
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => calls.mockReset());

  async function answer(query: string, variables?: Record<string, unknown>) {
    const response = await server.executeOperation({ query, variables });
    const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
    return { status: response.http.status, errors: body?.errors, data: body?.data };
  }
  const aliases = (n: number, selection: string) =>
    `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;

  it('charges a service call SERVICE_CALL_COST on top of its selection', async () => {
    // 5000 / (25 + 2) = 185 aliases fit, 186 do not.
    const fitting = Math.floor(5000 / (SERVICE_CALL_COST + 2));
    expect((await answer(aliases(fitting, 'item { id name }'))).errors).toBeUndefined();
    expect(calls).toHaveBeenCalledTimes(fitting);

    calls.mockReset();
    const { status, errors } = await answer(aliases(fitting + 1, 'item { id name }'));
    expect(status).toBe(400);
    expect(errors).toMatchObject([
      {
        message: `Query cost ${(fitting + 1) * (SERVICE_CALL_COST + 2)} exceeds the limit of 5000`,
        extensions: { code: 'QUERY_TOO_COMPLEX' },
      },
    ]);
    expect(calls).not.toHaveBeenCalled();
  });

  it.each([
    ['page { id }', SERVICE_CALL_COST + 10],
    ['page(first: 200) { id name }', SERVICE_CALL_COST + 400],
  ])('charges %s a call and each row its selection: %i', async (selection, cost) => {
    const fitting = Math.floor(5000 / cost);
    expect((await answer(aliases(fitting, selection))).errors).toBeUndefined();
    const refused = await answer(aliases(fitting + 1, selection));
    expect(refused.errors?.[0].message).toBe(
      `Query cost ${(fitting + 1) * cost} exceeds the limit of 5000`,
    );
  });

  it('does not let a negative page pay for the rest of the query', async () => {
    const { errors } = await answer(
      `{ p: page(first: -1000000) { id } ${aliases(200, 'item { id }').slice(1, -1)} }`,
    );
    expect(errors?.[0].message).toBe(
      `Query cost ${SERVICE_CALL_COST + 200 * (SERVICE_CALL_COST + 1)} exceeds the limit of 5000`,
    );
    expect(calls).not.toHaveBeenCalled();
  });

  it('leaves wrong-typed variables to execution: 400 BAD_USER_INPUT, nothing run', async () => {
    const { status, errors } = await answer('query ($n: Int!) { echo(n: $n) }', { n: 'x' });
    expect(status).toBe(400);
    expect(errors).toMatchObject([
      {
        message: 'Variable "$n" got invalid value "x"; Int cannot represent non-integer value: "x"',
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
    expect(calls).not.toHaveBeenCalled();
  });

  it('will not start with a query that declares no cost', async () => {
    const uncosted = new ApolloServer({
      schema: schemaWith(calls, false),
      plugins: [queryLimitsPlugin({ maxDepth: 5, maxCost: 5000 })],
    });
    await expect(uncosted.start()).rejects.toThrow(
      'Query.item, Query.page, Query.echo declare no query cost',
    );
  });
});
