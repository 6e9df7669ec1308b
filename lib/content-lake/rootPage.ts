import type {IncomingMessage, ServerResponse} from 'node:http'

import {COMMON_HEADERS} from './http'

export interface ServiceDescription {
  service: string
  projectId: string
  dataset: string
  /** What the Studio and @sanity/client take as `apiHost`. */
  apiHost: string
  studioOrigins: string[]
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)

/**
 * What the lake's root address says to someone who opens it: which service this is and how to
 * use it, as a page (no scripts, nothing loaded) or as JSON for a program.
 */
export function sendRootPage(
  request: IncomingMessage,
  response: ServerResponse,
  description: ServiceDescription,
): void {
  if (!request.headers.accept?.includes('text/html')) {
    response.writeHead(200, {...COMMON_HEADERS, 'Content-Type': 'application/json; charset=utf-8'})
    response.end(JSON.stringify(description))
    return
  }
  const origins = description.studioOrigins.map(escapeHtml).join(', ') || 'none'
  response.writeHead(200, {
    ...COMMON_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  })
  response.end(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(description.service)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem}code{background:#f3f3f3;padding:0 .25em}</style></head>
<body>
<h1>${escapeHtml(description.service)}</h1>
<p>This is the careers CMS's local Content Lake: Sanity's HTTP API for one dataset on this machine, for the Studio and for development. It is not a website.</p>
<ul>
<li>Project <code>${escapeHtml(description.projectId)}</code>, dataset <code>${escapeHtml(description.dataset)}</code></li>
<li>API host for the Studio and <code>@sanity/client</code>: <code>${escapeHtml(description.apiHost)}</code> (with <code>useProjectHostname: false</code>)</li>
<li>Studios allowed to use it from a browser: ${origins}</li>
</ul>
</body>
</html>
`)
}
