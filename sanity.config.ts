import {visionTool} from '@sanity/vision'
import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'

import {createLocalContentLakeClient} from './lib/content-lake/studio-client'
import {MISSING_PROJECT_MESSAGE, readStudioEnv} from './lib/env'
import {schemaTypes} from './schemas'
import {structure} from './structure'

const env = readStudioEnv({
  SANITY_STUDIO_PROJECT_ID: process.env.SANITY_STUDIO_PROJECT_ID,
  SANITY_STUDIO_DATASET: process.env.SANITY_STUDIO_DATASET,
  SANITY_STUDIO_API_HOST: process.env.SANITY_STUDIO_API_HOST,
})
if (env.isLocalDefault) console.warn(MISSING_PROJECT_MESSAGE)

export default defineConfig({
  name: 'careers',
  title: 'Careers',
  projectId: env.projectId,
  dataset: env.dataset,
  ...(env.apiHost ? {apiHost: env.apiHost} : {}),
  ...(env.isLocalDefault ? {unstable_clientFactory: createLocalContentLakeClient} : {}),
  plugins: [structureTool({structure}), visionTool({defaultApiVersion: '2025-02-19'})],
  schema: {types: schemaTypes},
})
