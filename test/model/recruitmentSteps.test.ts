import type {SanityDocument} from 'sanity'
import {collectMigrationMutations, type MigrationContext} from 'sanity/migrate'
import {describe, expect, it} from 'vitest'

import {stepsAsText} from '../../lib/model/recruitmentSteps'
import migration from '../../migrations/recruitment-steps-as-text'
import {validateDocuments} from '../../lib/sanity/validateDocuments'

const oldProcess = {
  _id: 'process-old',
  _type: 'recruitmentProcess',
  title: 'How we hire',
  steps: [
    {_key: 'a', _type: 'recruitmentStep', title: 'First call', description: 'Half an hour.'},
    {
      _key: 'b',
      _type: 'recruitmentStep',
      title: 'Interviews',
      substeps: [{_key: 'b1', _type: 'recruitmentSubstep', title: 'Design'}],
    },
  ],
} as unknown as SanityDocument

async function mutationsOf(documents: SanityDocument[]) {
  async function* all(): AsyncIterableIterator<SanityDocument> {
    yield* documents
  }
  const found: unknown[] = []
  for await (const mutation of collectMigrationMutations(migration, all, {
    dryRun: true,
  } as MigrationContext))
    found.push(...[mutation].flat())
  return found as {type: string; id: string; patches: {op: {value: unknown}}[]}[]
}

describe('the recruitment-steps-as-text migration', () => {
  it('writes each old step as its name in bold, then what happens', () => {
    const steps = stepsAsText(oldProcess.steps as never)
    expect(
      steps?.map((step) =>
        (step.text as {children: {text: string; marks: string[]}[]}[])[0]?.children.map((span) => [
          span.text,
          span.marks,
        ]),
      ),
    ).toEqual([
      [
        ['First call', ['strong']],
        [' - Half an hour.', []],
      ],
      [['Interviews', ['strong']]],
    ])
    expect(steps?.[0]).not.toHaveProperty('title')
  })

  it('gives processes the schema accepts, and changes nothing on a second run', async () => {
    const [mutation] = await mutationsOf([oldProcess])
    expect(mutation).toMatchObject({type: 'patch', id: 'process-old'})
    const migrated = {
      ...oldProcess,
      steps: mutation?.patches[0]?.op.value,
    } as unknown as SanityDocument
    expect(await validateDocuments([migrated])).toEqual([])
    expect(await mutationsOf([migrated])).toEqual([])
  })
})
