import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@tally/errors';
import {
  type ASTVisitor,
  getNamedType,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  type ValidationContext,
  type VariableDefinitionNode,
} from 'graphql';

// GraphQL lets a client send an integer where an `ID` is expected and turns it into a string.
// Tally's ids are UUIDs and namespaces, never numbers: a number names nothing, so it is the
// caller's mistake and is answered like any other wrong type (400 BAD_USER_INPUT), not
// looked up as an id that is then "not found".
const ID_IS_A_STRING = 'ID must be sent as a string';

/** Validation rule: an `ID` written in the document as a number (`tenant(id: 5)`). */
export function idLiteralsAreStrings(context: ValidationContext): ASTVisitor {
  return {
    IntValue(node) {
      const expected = context.getInputType();
      if (expected !== undefined && expected !== null && getNamedType(expected).name === 'ID') {
        context.reportError(
          new GraphQLError(`${ID_IS_A_STRING}, not ${node.value}`, { nodes: node }),
        );
      }
    },
  };
}

/** Refuses an operation whose variables send a number for an `ID`, before anything runs. */
export function idVariablesAreStringsPlugin(): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ schema, operation, request }) => {
        const definitions = operation?.variableDefinitions ?? [];
        const [found] = numberIds(schema, definitions, request.variables);
        if (found === undefined) return;
        const where = found.path.includes('.') ? ` at "${found.path}"` : '';
        throw new GraphQLError(
          `Variable "$${found.variable}" got invalid value ${found.value}${where}; ${ID_IS_A_STRING}`,
          { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } },
        );
      },
    }),
  };
}

interface NumberId {
  readonly variable: string;
  /** e.g. `input.walletId` */
  readonly path: string;
  readonly value: number;
}

function numberIds(
  schema: GraphQLSchema,
  definitions: readonly VariableDefinitionNode[],
  variables: Readonly<Record<string, unknown>> = {},
): NumberId[] {
  const found: NumberId[] = [];
  for (const definition of definitions) {
    const variable = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (type === undefined) continue;
    walk(type, variables[variable], variable, (path, value) =>
      found.push({ variable, path, value }),
    );
  }
  return found;
}

// Only descends where the value has the type's shape: anything else is left to GraphQL's own
// coercion, which refuses it with its own message.
function walk(
  type: GraphQLInputType,
  value: unknown,
  path: string,
  report: (path: string, value: number) => void,
): void {
  if (isNonNullType(type)) return walk(type.ofType, value, path, report);
  if (isListType(type)) {
    if (!Array.isArray(value)) return walk(type.ofType, value, path, report);
    value.forEach((item, index) => walk(type.ofType, item, `${path}.${index}`, report));
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || value === null) return;
    const fields = value as Record<string, unknown>;
    for (const field of Object.values(type.getFields())) {
      walk(field.type, fields[field.name], `${path}.${field.name}`, report);
    }
    return;
  }
  if (type.name === 'ID' && typeof value === 'number') report(path, value);
}
