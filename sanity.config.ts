import {visionTool} from '@sanity/vision'
import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'

import {SANITY_API_VERSION} from './lib/apiVersion'
import {createLocalContentLakeClient} from './lib/content-lake/studio-client'
import {MISSING_PROJECT_MESSAGE, readStudioEnv} from './lib/env'
import {careersDocumentNode, careersPlugin, resolveCareersConfig} from './plugins/careers'
import {schemaTypes} from './schemas'
import {structure} from './structure'

const env = readStudioEnv({
  SANITY_STUDIO_PROJECT_ID: process.env.SANITY_STUDIO_PROJECT_ID,
  SANITY_STUDIO_DATASET: process.env.SANITY_STUDIO_DATASET,
  SANITY_STUDIO_API_HOST: process.env.SANITY_STUDIO_API_HOST,
})
if (env.isLocalDefault) console.warn(MISSING_PROJECT_MESSAGE)

// scripts/measure-plugin-size.ts builds once without the plugin to weigh what it adds.
const careers =
  process.env.SANITY_STUDIO_CAREERS_PLUGIN === 'off'
    ? undefined
    : resolveCareersConfig({
        siteBaseUrl: process.env.SANITY_STUDIO_SITE_URL,
        deployHookUrl: process.env.SANITY_STUDIO_DEPLOY_HOOK_URL,
      })

export default defineConfig({
  name: 'careers',
  title: 'Careers',
  projectId: env.projectId,
  dataset: env.dataset,
  ...(env.apiHost ? {apiHost: env.apiHost} : {}),
  ...(env.isLocalDefault
    ? {
        unstable_clientFactory: createLocalContentLakeClient,
        // The local Content Lake runs no scheduler: "Schedule publish" could only open an
        // upsell for a paid plan, which needs the network.
        scheduledDrafts: {enabled: false},
        // Comments live in a companion dataset the local Content Lake does not host; on, they
        // could only offer an upsell, and resolving that remounts an open document's form.
        document: {comments: {enabled: false}},
      }
    : {}),
  plugins: [
    structureTool({
      structure,
      ...(careers ? {defaultDocumentNode: careersDocumentNode(careers)} : {}),
    }),
    ...(careers ? [careersPlugin(careers)] : []),
    visionTool({defaultApiVersion: SANITY_API_VERSION}),
  ],
  schema: {types: schemaTypes},
})
