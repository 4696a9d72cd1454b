/**
 * PostgreSQL introspection confined to the schemas on the connection's search path.
 *
 * Kysely's own introspector lists every schema in the database and calls
 * `has_schema_privilege(name, …)` on each; that call looks the name up again and throws
 * "schema does not exist" when another session drops a schema between the scan and the lookup.
 * Kysely's migrator introspects on every run, so a deploy (or a test suite sharing one database
 * across schemas) could fail for a schema it never uses. Reading only our own schemas, by OID,
 * has no such race and is all the migrator and our tests need.
 */

import {
  type ColumnMetadata,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type DatabaseMetadataOptions,
  DEFAULT_MIGRATION_LOCK_TABLE,
  DEFAULT_MIGRATION_TABLE,
  type Kysely,
  PostgresDialect,
  type SchemaMetadata,
  sql,
  type TableMetadata,
} from 'kysely'

interface ColumnRow {
  table: string
  schema: string
  table_type: string
  column: string | null
  type: string | null
  type_schema: string | null
  not_null: boolean | null
  has_default: boolean | null
  is_identity: boolean | null
  column_default: string | null
}

/** An introspector that sees only the schemas on the search path (`current_schemas(false)`). */
export function createSearchPathIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
  const getTables = async (
    options: DatabaseMetadataOptions = { withInternalKyselyTables: false },
  ): Promise<TableMetadata[]> => {
    const { rows } = await sql<ColumnRow>`
      select c.relname as "table", ns.nspname as "schema", c.relkind as table_type,
             a.attname as "column", typ.typname as "type", tns.nspname as type_schema,
             a.attnotnull as not_null, a.atthasdef as has_default,
             a.attidentity <> '' as is_identity,
             pg_get_expr(d.adbin, d.adrelid) as column_default
      from pg_catalog.pg_class c
      join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
      left join pg_catalog.pg_attribute a
        on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      left join pg_catalog.pg_type typ on typ.oid = a.atttypid
      left join pg_catalog.pg_namespace tns on tns.oid = typ.typnamespace
      left join pg_catalog.pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
      where c.relkind in ('r', 'v', 'p')
        and ns.nspname = any (current_schemas(false))
      order by ns.nspname, c.relname, a.attnum
    `.execute(db)
    const tables = new Map<string, { table: TableMetadata; columns: ColumnMetadata[] }>()
    for (const row of rows) {
      if (
        !options.withInternalKyselyTables &&
        (row.table === DEFAULT_MIGRATION_TABLE || row.table === DEFAULT_MIGRATION_LOCK_TABLE)
      )
        continue
      const key = `${row.schema}.${row.table}`
      let entry = tables.get(key)
      if (entry === undefined) {
        const columns: ColumnMetadata[] = []
        entry = {
          columns,
          table: { name: row.table, schema: row.schema, isView: row.table_type === 'v', columns },
        }
        tables.set(key, entry)
      }
      if (row.column === null) continue
      entry.columns.push({
        name: row.column,
        dataType: row.type ?? '',
        ...(row.type_schema === null ? {} : { dataTypeSchema: row.type_schema }),
        isNullable: row.not_null !== true,
        hasDefaultValue: row.has_default === true,
        isAutoIncrementing:
          row.is_identity === true || (row.column_default ?? '').startsWith('nextval('),
      })
    }
    return [...tables.values()].map((entry) => entry.table)
  }

  return {
    getSchemas: async (): Promise<SchemaMetadata[]> => {
      const { rows } = await sql<{ name: string }>`
        select nspname as name from pg_catalog.pg_namespace
        where nspname !~ '^pg_' and nspname <> 'information_schema'
      `.execute(db)
      return rows
    },
    getTables,
    getMetadata: async (options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> => ({
      tables: await getTables(options),
    }),
  }
}

/** Kysely's PostgreSQL dialect with the search-path introspector. */
export class SearchPathPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return createSearchPathIntrospector(db)
  }
}
