import { readFileSync } from 'node:fs'
import { get_dmmf } from '@prisma/prisma-schema-wasm'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'

interface DmmfField {
  name: string
  dbName?: string | null
  kind: 'scalar' | 'enum' | 'object'
  type: string
  isList: boolean
  isRequired: boolean
}
interface Dmmf {
  datamodel: {
    models: { name: string; dbName: string | null; fields: DmmfField[] }[]
    enums: { name: string; values: { name: string }[] }[]
  }
}

// Prisma's own schema parser (the wasm build the CLI uses), so no native engine is needed.
const dmmf = JSON.parse(
  get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', readFileSync('prisma/schema.prisma', 'utf8')]] })),
) as Dmmf

// The SQL migrations and prisma/schema.prisma are written by hand side by side; this proves the
// migrated database and the generated client agree on every model, field and enum.

const scalarTypes: Record<string, string[]> = {
  String: ['text', 'uuid', 'character varying'],
  Int: ['integer'],
  BigInt: ['bigint'],
  Boolean: ['boolean'],
  DateTime: ['timestamp with time zone'],
  Json: ['jsonb'],
}

describe('migrations and Prisma schema', () => {
  const models = dmmf.datamodel.models

  it('every model field exists in the database with a matching type and nullability', async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    const { rows } = await client.query<{
      table_name: string
      column_name: string
      data_type: string
      udt_name: string
      is_nullable: 'YES' | 'NO'
    }>(`SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`)
    await client.end()
    const columns = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r]))

    const problems: string[] = []
    for (const model of models) {
      for (const field of model.fields) {
        if (field.kind === 'object') continue
        const col = columns.get(`${model.dbName ?? model.name}.${field.dbName ?? field.name}`)
        if (!col) {
          problems.push(`${model.name}.${field.name}: no column`)
          continue
        }
        if (field.kind === 'enum') {
          const expected = field.isList ? `_${field.type}` : field.type
          if (col.udt_name !== expected) problems.push(`${model.name}.${field.name}: enum ${col.udt_name}`)
        } else if (field.isList) {
          if (col.data_type !== 'ARRAY') problems.push(`${model.name}.${field.name}: not an array`)
        } else if (!scalarTypes[field.type]?.includes(col.data_type)) {
          problems.push(`${model.name}.${field.name}: ${field.type} vs ${col.data_type}`)
        }
        const nullable = col.is_nullable === 'YES'
        if (!field.isList && nullable === field.isRequired) {
          problems.push(`${model.name}.${field.name}: nullability differs`)
        }
      }
    }
    expect(problems).toEqual([])
  })

  it('every enum has the same values in the database', async () => {
    for (const e of dmmf.datamodel.enums) {
      const rows = await prisma.$queryRawUnsafe<{ v: string }[]>(
        `SELECT unnest(enum_range(NULL::"${e.name}"))::text AS v`,
      )
      expect(rows.map((r) => r.v), e.name).toEqual(e.values.map((v) => v.name))
    }
  })

  it('the client can read every model', async () => {
    for (const model of models) {
      const delegate = (prisma as unknown as Record<string, { findMany: (a: object) => Promise<unknown[]> }>)[
        model.name.charAt(0).toLowerCase() + model.name.slice(1)
      ]
      await expect(delegate!.findMany({ take: 1 })).resolves.toEqual([])
    }
  })
})
