import { ApolloServer } from '@apollo/server';
import { buildSchema, parse, validate } from 'graphql';
import { idLiteralsAreStrings, idVariablesAreStringsPlugin } from './string-ids';

const schema = buildSchema(`
  input Move { from: ID!, to: [ID!], note: String }
  type Query { one(id: ID!): String, many(ids: [ID!]!): String, move(input: Move!): String }
`);

describe('idLiteralsAreStrings', () => {
  const errorsOf = (query: string) =>
    validate(schema, parse(query), [idLiteralsAreStrings]).map((e) => e.message);

  it.each([
    ['{ one(id: 5) }', ['ID must be sent as a string, not 5']],
    ['{ many(ids: ["a", 7]) }', ['ID must be sent as a string, not 7']],
    ['{ move(input: { from: 8 }) }', ['ID must be sent as a string, not 8']],
    ['query ($id: ID = 9) { one(id: $id) }', ['ID must be sent as a string, not 9']],
    ['{ one(id: "5") many(ids: ["a"]) move(input: { from: "b", to: ["c"] }) }', []],
  ])('%s', (query, expected) => {
    expect(errorsOf(query)).toEqual(expected);
  });
});

describe('idVariablesAreStringsPlugin', () => {
  const server = new ApolloServer({
    schema,
    plugins: [idVariablesAreStringsPlugin()],
  });
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  async function answer(query: string, variables: Record<string, unknown>) {
    const response = await server.executeOperation({ query, variables });
    const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
    return { status: response.http.status, errors: body?.errors, data: body?.data };
  }

  it.each([
    ['query ($id: ID!) { one(id: $id) }', { id: 5 }, 'Variable "$id" got invalid value 5; '],
    [
      'query ($ids: [ID!]!) { many(ids: $ids) }',
      { ids: ['a', 6] },
      'Variable "$ids" got invalid value 6 at "ids.1"; ',
    ],
    [
      'query ($input: Move!) { move(input: $input) }',
      { input: { from: 'a', to: 7 } },
      'Variable "$input" got invalid value 7 at "input.to"; ',
    ],
  ])('refuses %s with %j: 400 BAD_USER_INPUT', async (query, variables, message) => {
    const { status, errors } = await answer(query, variables);
    expect(status).toBe(400);
    expect(errors).toMatchObject([
      { message: `${message}ID must be sent as a string`, extensions: { code: 'BAD_USER_INPUT' } },
    ]);
  });

  it('passes string ids, and leaves other wrong shapes to GraphQL', async () => {
    expect(await answer('query ($id: ID!) { one(id: $id) }', { id: '5' })).toMatchObject({
      errors: undefined,
      data: { one: null },
    });
    const { status, errors } = await answer('query ($input: Move!) { move(input: $input) }', {
      input: 'x',
    });
    expect(status).toBe(400);
    expect(errors?.[0].message).toMatch(
      /^Variable "\$input" got invalid value "x"; Expected type "Move" to be an object/,
    );
  });
});
