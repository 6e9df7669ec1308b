/**
 * Starts a local Content Lake on the file given and closes it: the process must then end by
 * itself (test/content-lake/server.test.ts), with no thread or handle left behind.
 */
import {startContentLake} from '../../lib/content-lake/server'

const lake = await startContentLake({
  datasetFile: process.argv[2] as string,
  projectId: 'local',
  dataset: 'production',
  port: 0,
})
await lake.queryThreadsReady()
await lake.close()
