// Prisma CLI config for the commands scripts/migrate/prisma-cli.ts runs (`db pull`, `migrate
// diff`, `migrate status`). It is prisma.config.ts plus a shim that lets the WASM schema engine
// read Postgres' catalogs through @prisma/adapter-pg 6.19, which rejects the catalog types `name`
// and `"char"` ("Column type 'name' could not be deserialized"):
// - `name` and `name[]` columns are relabelled as text before pg builds the result;
// - `"char"` columns (e.g. pg_constraint.contype, read when a table has a CHECK constraint) must
//   reach the engine as the adapter's Character type, which the adapter never produces. They are
//   relabelled to an unused user-defined type OID, whose values the adapter hands to
//   `userDefinedTypeParser`; that wraps them, and `queryRaw` types those columns as Character.
// Pinned to adapter-pg 6.19.x internals; the tests in test/data-layer/ exercise it.
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { defineConfig } from 'prisma/config';

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;
type ResultSet = Awaited<ReturnType<Adapter['queryRaw']>>;

// Postgres type OIDs (pg_type.oid).
const CHAR = 18;
const NAME = 19;
const TEXT = 25;
const NAME_ARRAY = 1003;
const TEXT_ARRAY = 1009;
// Above FIRST_NORMAL_OBJECT_ID (16384), so the adapter treats it as a user-defined type.
const CHAR_IN_DISGUISE = 2_000_000_018;
const RELABEL: ReadonlyMap<number, number> = new Map([
  [NAME, TEXT],
  [NAME_ARRAY, TEXT_ARRAY],
  [CHAR, CHAR_IN_DISGUISE],
]);
// ColumnTypeEnum.Character of @prisma/driver-adapter-utils 6.19.
const CHARACTER_COLUMN = 6;

interface RowDescription {
  fields: { dataTypeID: number }[];
}

class CatalogClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // Prepended so it runs before the client turns the description into result fields.
    this.connection.prependListener('rowDescription', (msg: RowDescription) => {
      for (const field of msg.fields) {
        field.dataTypeID = RELABEL.get(field.dataTypeID) ?? field.dataTypeID;
      }
    });
  }
}

class PgChar {
  constructor(readonly value: string) {}
}

function typeCharColumns(result: ResultSet): ResultSet {
  const columnTypes = [...result.columnTypes];
  const rows = result.rows.map((row) =>
    row.map((value: unknown, column) => {
      if (!(value instanceof PgChar)) return value;
      columnTypes[column] = CHARACTER_COLUMN;
      return value.value;
    }),
  );
  return { ...result, columnTypes, rows };
}

class CatalogPrismaPg extends PrismaPg {
  override async connect(): Promise<Adapter> {
    const adapter = await super.connect();
    // Describing a database runs outside transactions, so the adapter's own queryRaw suffices.
    const queryRaw = adapter.queryRaw.bind(adapter);
    adapter.queryRaw = async (query) => typeCharColumns(await queryRaw(query));
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(__dirname, '../../prisma/schema.prisma'),
  adapter: async () =>
    new CatalogPrismaPg(
      {
        connectionString:
          process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
        Client: CatalogClient,
        // Otherwise idle pooled connections keep each CLI run alive for pg's 10 s idle timeout.
        allowExitOnIdle: true,
      },
      {
        userDefinedTypeParser: async (oid, value) =>
          oid === CHAR_IN_DISGUISE ? new PgChar(String(value)) : value,
      },
    ),
});
