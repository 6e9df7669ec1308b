/** What the deploy hook receives after a posting is published. */
export interface DeployHookPayload {
  id: string
  slug: string | undefined
}

const DEPLOY_HOOK_TIMEOUT_MS = 15_000

/**
 * POST the published posting's id and slug to the website's deploy hook. Throws an error that
 * says what went wrong (no answer, or the status the hook answered with).
 */
export async function callDeployHook(url: string, payload: DeployHookPayload): Promise<void> {
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(DEPLOY_HOOK_TIMEOUT_MS),
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`The deploy hook did not answer (${reason}).`, {cause: error})
  }
  if (!response.ok) {
    throw new Error(`The deploy hook answered ${response.status} ${response.statusText}.`.trim())
  }
}
