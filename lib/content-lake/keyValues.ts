import {ContentLakeError, badRequest} from './errors'

/** The Studio keeps small settings here (the last view of a list, a dismissed notice). */
const MAX_KEYS = 1000
const MAX_KEY_LENGTH = 200
const MAX_VALUE_BYTES = 64 * 1024
const MAX_PAIRS_PER_REQUEST = 100

/**
 * `users/me/keyvalue`: the current user's settings, in memory (they last until the lake stops),
 * with limits on what one request and the whole store may hold, so no page can fill the memory.
 */
export class KeyValueStore {
  private readonly values = new Map<string, unknown>()

  get(keys: readonly string[]): {key: string; value: unknown}[] {
    if (keys.length > MAX_PAIRS_PER_REQUEST)
      throw badRequest(`Ask for at most ${MAX_PAIRS_PER_REQUEST} keys at a time.`)
    return keys.map((key) => ({key, value: this.values.get(key) ?? null}))
  }

  set(pairs: unknown): {key: string; value: unknown}[] {
    if (!Array.isArray(pairs) || pairs.length === 0 || pairs.length > MAX_PAIRS_PER_REQUEST)
      throw badRequest(`Send a list of 1 to ${MAX_PAIRS_PER_REQUEST} {"key", "value"} pairs.`)
    for (const pair of pairs as {key?: unknown; value?: unknown}[]) {
      if (typeof pair !== 'object' || pair === null || typeof pair.key !== 'string')
        throw badRequest('Each pair needs a "key" that is a string, and a "value".')
      if (pair.key === '' || pair.key.length > MAX_KEY_LENGTH)
        throw badRequest(`Keys are 1 to ${MAX_KEY_LENGTH} characters long.`)
      if (Buffer.byteLength(JSON.stringify(pair.value ?? null)) > MAX_VALUE_BYTES)
        throw new ContentLakeError(
          413,
          'payloadTooLarge',
          `The value of "${pair.key}" is over ${MAX_VALUE_BYTES / 1024} kB, the most one setting may hold.`,
        )
    }
    const added = new Set(
      (pairs as {key: string}[]).map(({key}) => key).filter((key) => !this.values.has(key)),
    )
    if (this.values.size + added.size > MAX_KEYS)
      throw new ContentLakeError(
        413,
        'payloadTooLarge',
        `The settings store holds at most ${MAX_KEYS} keys.`,
      )
    for (const {key, value} of pairs as {key: string; value: unknown}[]) this.values.set(key, value)
    return pairs as {key: string; value: unknown}[]
  }
}
