/**
 * The link policy, case by case: what is accepted (and the href written for it) and what is
 * refused, with the reason HR reads. test/delivery/linkPolicy.browser.test.ts checks the same
 * cases against Chromium's own reading of the links.
 */
import {describe, expect, it} from 'vitest'

import {checkLink, isEmail, isPhoneNumber, linkScheme} from '../../lib/model/links'
import {LINK_POLICY_CASES} from './linkPolicyCases'

describe('checkLink', () => {
  it.each(LINK_POLICY_CASES.filter((item) => item.kind !== undefined))(
    '$n accepts $link as $kind',
    ({link, kind, href}) => {
      expect(checkLink(link)).toEqual({ok: true, kind, href: href ?? link})
    },
  )

  it.each(LINK_POLICY_CASES.filter((item) => item.reason !== undefined))(
    '$n refuses $link',
    ({link, reason}) => {
      expect(checkLink(link)).toEqual({ok: false, reason})
    },
  )

  it.each([
    [42, 'The link is a number, not a web address.'],
    [{href: 'https://example.com'}, 'The link is an object, not a web address.'],
    [['https://example.com'], 'The link is a list, not a web address.'],
    [null, 'The link is empty.'],
  ])('refuses a stored value that is not text (%j)', (value, reason) => {
    expect(checkLink(value)).toEqual({ok: false, reason})
  })
})

describe('linkScheme', () => {
  it('names the scheme a browser sees, or none for a relative link', () => {
    expect(linkScheme('&#74;ava\tScript:x')).toBe('javascript')
    expect(linkScheme('https://example.com')).toBe('https')
    expect(linkScheme('/career/')).toBeUndefined()
    expect(linkScheme('%6Aavascript:x')).toBeUndefined()
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
