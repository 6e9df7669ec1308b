import {describe, expect, it} from 'vitest'

import {checkLink, isEmail, isPhoneNumber} from '../../lib/model/links'

describe('checkLink', () => {
  it.each([
    ['https://jobs.example.com/apply?id=7', 'https'],
    ['http://example.com', 'http'],
    ['mailto:jobs@example.com?subject=Hello%20there&body=Hi', 'mailto'],
    ['mailto:a@example.com,b@example.com', 'mailto'],
    ['tel:+46701234567', 'tel'],
    ['#apply', 'anchor'],
    ['/careers/backend-engineer', 'relative'],
    ['../team', 'relative'],
  ])('accepts %s as %s', (url, kind) => {
    expect(checkLink(url)).toEqual({ok: true, kind})
  })

  it.each([
    ['javascript:alert(1)', 'Links starting with "javascript:" are not allowed.'],
    ['JavaScript:alert(1)', 'Links starting with "javascript:" are not allowed.'],
    [' java\tscript:alert(1)', 'Links starting with "javascript:" are not allowed.'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'Links starting with "data:" are not allowed.'],
    ['vbscript:msgbox(1)', 'Links starting with "vbscript:" are not allowed.'],
    [
      'mailto:not-an-address',
      '"mailto:not-an-address" does not contain a valid email address after mailto:.',
    ],
    ['#', '"#" is not a valid in-page anchor: use # followed by a name.'],
    ['https://', '"https://" is not a complete web address.'],
    ['//evil.example.com', '"//evil.example.com" has no scheme: write https:// in front of it.'],
    ['', 'The link is empty.'],
  ])('refuses %j', (url, reason) => {
    expect(checkLink(url)).toEqual({ok: false, reason})
  })
})

describe('isEmail and isPhoneNumber', () => {
  it('tells addresses and numbers from prose', () => {
    expect(isEmail('ada@example.com')).toBe(true)
    expect(isEmail('ada@example')).toBe(false)
    expect(isPhoneNumber('+46 70 123 45 67')).toBe(true)
    expect(isPhoneNumber('12-34')).toBe(false)
    expect(isPhoneNumber('ring me')).toBe(false)
  })
})
