import {
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isUnionType,
} from 'graphql';

/** One way a caller can get a variable wrong, and the variables that carry it. */
export interface VariableDefect {
  readonly defect: string;
  readonly variables: Record<string, unknown>;
}

/** Well-typed values for the leaves of an operation's variables (ids of real fixtures, say). */
export interface LeafValues {
  /** An ID for the argument or input field of this name. */
  id(name: string): string;
  /** A String for the argument or input field of this name. */
  string(name: string): string;
}

type Path = readonly (string | number)[];
const OMIT = Symbol('omit');

// What a confused or hostile client sends in place of each scalar. A number is a valid ID in
// the GraphQL spec; Tally's ids are never numbers, so it is refused like the rest.
const WRONG_SCALARS: Record<string, readonly [string, unknown][]> = {
  ID: [
    ['a number', 5],
    ['a float', 1.5],
    ['an object', { id: 'x' }],
    ['a list', ['x']],
    ['a boolean', true],
  ],
  String: [
    ['a number', 5],
    ['an object', { value: 'x' }],
    ['a list', ['x']],
    ['a boolean', true],
  ],
  Int: [
    ['a string', '1'],
    ['a float', 1.5],
    ['a boolean', true],
    ['an object', {}],
  ],
  Boolean: [
    ['a string', 'true'],
    ['a number', 1],
  ],
  Money: [
    ['a number', 1],
    ['an object', {}],
    ['a boolean', true],
    ['not a decimal', 'ten'],
  ],
  DateTime: [
    ['a number', 1_700_000_000_000],
    ['an object', {}],
    ['not a timestamp', 'yesterday'],
  ],
};

/**
 * The operation that calls `field` with every argument as a variable of the argument's own
 * type, e.g. `mutation ($input: TransferInput!) { transfer(input: $input) { __typename } }`.
 */
export function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const declarations = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection =
    isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? ' { __typename }' : '';
  return `${kind} (${declarations}) { ${field.name}(${passed})${selection} }`;
}

/** Variables that are right in every respect: the base each defect is laid on. */
export function validVariables(
  args: readonly GraphQLArgument[],
  leaves: LeafValues,
): Record<string, unknown> {
  return Object.fromEntries(args.map((arg) => [arg.name, validValue(arg.type, arg.name, leaves)]));
}

/**
 * Every single defect of the given arguments' variables, one per answer: null where null is
 * not allowed, a required variable or input field left out, each wrong kind of value for each
 * scalar, an unknown enum value, an unknown input field, and the same inside lists and
 * nested inputs. Each carries exactly one defect on top of `validVariables`.
 */
export function variableDefects(
  args: readonly GraphQLArgument[],
  leaves: LeafValues,
): VariableDefect[] {
  const valid = validVariables(args, leaves);
  return args.flatMap((arg) =>
    defectsAt(arg.type, [arg.name], true).map(({ defect, path, value }) => ({
      defect: `${defect} at $${path.join('.')}`,
      variables: withValueAt(valid, path, value),
    })),
  );
}

function validValue(type: GraphQLInputType, name: string, leaves: LeafValues): unknown {
  if (isNonNullType(type)) return validValue(type.ofType, name, leaves);
  if (isListType(type)) return [validValue(type.ofType, name, leaves)];
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields()).map((f) => [f.name, validValue(f.type, f.name, leaves)]),
    );
  }
  if (isEnumType(type)) return type.getValues()[0].value;
  switch (type.name) {
    case 'ID':
      return leaves.id(name);
    case 'String':
      return leaves.string(name);
    case 'Int':
      return 1;
    case 'Boolean':
      return true;
    case 'Money':
      return '1';
    case 'DateTime':
      return '2026-01-01T00:00:00Z';
  }
  throw new Error(`no valid value for scalar ${type.name}: add it to variable-defects.ts`);
}

interface Defect {
  readonly defect: string;
  readonly path: Path;
  readonly value: unknown;
}

/** `omittable`: a variable, or an input field without a default, may be left out. */
function defectsAt(type: GraphQLInputType, path: Path, omittable: boolean): Defect[] {
  const defects: Defect[] = [];
  let inner = type;
  if (isNonNullType(type)) {
    defects.push({ defect: 'null for a non-null', path, value: null });
    if (omittable) defects.push({ defect: 'missing', path, value: OMIT });
    inner = type.ofType;
  }
  if (isListType(inner)) return [...defects, ...defectsAt(inner.ofType, [...path, 0], false)];
  if (isInputObjectType(inner)) {
    defects.push({ defect: 'a string for an input object', path, value: 'x' });
    defects.push({ defect: 'an unknown field', path: [...path, 'unknownField'], value: 1 });
    for (const field of Object.values(inner.getFields())) {
      defects.push(
        ...defectsAt(field.type, [...path, field.name], field.defaultValue === undefined),
      );
    }
    return defects;
  }
  if (isEnumType(inner)) {
    defects.push({ defect: 'an unknown enum value', path, value: 'NOT_A_VALUE' });
    defects.push({ defect: 'a number for an enum', path, value: 1 });
    return defects;
  }
  const wrong = WRONG_SCALARS[inner.name];
  if (wrong === undefined) {
    throw new Error(`no wrong values for scalar ${inner.name}: add it to variable-defects.ts`);
  }
  return [
    ...defects,
    ...wrong.map(([what, value]) => ({ defect: `${what} for ${inner.name}`, path, value })),
  ];
}

function withValueAt(
  variables: Record<string, unknown>,
  path: Path,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(variables);
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === OMIT) delete parent[last];
  else parent[last] = value;
  return copy;
}
