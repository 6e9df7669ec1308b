/**
 * The import checks links with the same policy as the Studio and the export: a link disguised
 * by character codes or a backslash host is reported with its file, line and field for HR.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {describe, expect, it} from 'vitest'

import {importHugoContent} from '../../lib/import'

describe('links brought in by the import', () => {
  it('are reported as a browser would read them', async () => {
    const directory = path.join(
      mkdtempSync(path.join(tmpdir(), 'hugo-links-')),
      'content',
      'career',
    )
    await import('node:fs/promises').then(({mkdir}) => mkdir(directory, {recursive: true}))
    writeFileSync(
      path.join(directory, 'links.md'),
      [
        '---',
        'Title: "Links"',
        'sidebarlinkurl: "&#106;avascript:alert(1)"',
        '---',
        '',
        'Read [the guide](//evil.example/guide) first.',
        '',
      ].join('\n'),
    )
    const {report} = await importHugoContent({paths: [directory], validate: false})
    const linkIssues = report.issues
      .filter((issue) => issue.message.startsWith("Link needs HR's eye"))
      .map(({line, field, message}) => ({line, field, message}))
    expect(linkIssues).toEqual([
      {
        line: 3,
        field: 'apply.url',
        message: `Link needs HR's eye: Links starting with "javascript:" are not allowed.`,
      },
      {
        // The body's own line numbering belongs to the body import's tests.
        line: expect.any(Number),
        field: 'body',
        message: `Link needs HR's eye: "//evil.example/guide" leads to another website (evil.example): write the full address starting with https://.`,
      },
    ])
  })
})
