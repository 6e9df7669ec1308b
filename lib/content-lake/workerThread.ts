import {Worker, type WorkerOptions} from 'node:worker_threads'

/**
 * A worker thread running one of this folder's TypeScript modules. Worker threads load modules
 * with Node's own loader, which does not read TypeScript, so the thread registers tsx first
 * (resolved from here, not from the working directory), whether or not the parent runs under tsx.
 */
export function startTypeScriptWorker(module: URL, options: WorkerOptions = {}): Worker {
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then(({register}) => register())
    .then(() => import(${JSON.stringify(module.href)}))`
  return new Worker(bootstrap, {...options, eval: true})
}
