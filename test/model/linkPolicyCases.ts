/**
 * Numbered link cases, one behaviour each: what the policy (lib/model/links) says about a stored
 * link. Shared by the unit test and the browser test, where Chromium reads the same links.
 */
import type {LinkKind} from '../../lib/model/links'

export interface LinkPolicyCase {
  n: string
  link: string
  /** Accepted as this kind… */
  kind?: LinkKind
  /** …and written as this (the link itself when not given). */
  href?: string
  /** Or refused, with this reason. */
  reason?: string
  /**
   * Layers of character references a reader takes off before the browser sees the link: the
   * policy refuses what any layer would reveal (a markdown destination decodes once, then the
   * HTML attribute once more).
   */
  layers?: number
}

const otherSite = (link: string, host: string) =>
  `"${link}" leads to another website (${host}): write the full address starting with https://.`
const scheme = (name: string) => `Links starting with "${name}:" are not allowed.`

export const LINK_POLICY_CASES: readonly LinkPolicyCase[] = [
  {n: '01', link: 'https://jobs.example.com/apply?id=7', kind: 'https'},
  {n: '02', link: 'http://example.com', kind: 'http'},
  {n: '03', link: 'mailto:jobs@example.com?subject=Hello%20there&body=Hi', kind: 'mailto'},
  {n: '04', link: 'mailto:a@example.com,b@example.com', kind: 'mailto'},
  {n: '05', link: 'tel:+46701234567', kind: 'tel'},
  {n: '06', link: '#apply', kind: 'anchor'},
  {n: '07', link: '/careers/backend-engineer', kind: 'relative'},
  {n: '08', link: '../team', kind: 'relative'},
  {n: '09', link: ' https://example.com/ ', kind: 'https', href: 'https://example.com/'},
  // Written the way every reader parses it alike.
  {n: '10', link: 'HTTPS://Example.COM/a', kind: 'https', href: 'https://example.com/a'},
  {n: '11', link: 'https:\\\\example.com\\a', kind: 'https', href: 'https://example.com/a'},
  {n: '12', link: 'https://exa\tmple.com/', kind: 'https', href: 'https://example.com/'},
  {
    n: '13',
    link: 'https://example.com/?a=1&amp;b=2',
    kind: 'https',
    href: 'https://example.com/?a=1&b=2',
  },
  {n: '14', link: 'https://%65xample.com/', kind: 'https', href: 'https://example.com/'},
  // A legacy entity name before "=" stays as written, as in an HTML attribute.
  {n: '15', link: '/jobs?a=1&copy=2', kind: 'relative'},
  // Percent-encoding is no scheme to a browser: a harmless path on our site.
  {n: '16', link: '%6Aavascript:alert(1)', kind: 'relative'},
  {n: '20', link: 'javascript:alert(1)', reason: scheme('javascript')},
  {n: '21', link: 'JavaScript:alert(1)', reason: scheme('javascript')},
  {n: '22', link: ' java\tscript:alert(1)', reason: scheme('javascript')},
  {n: '23', link: 'java\nscript:alert(1)', reason: scheme('javascript')},
  {n: '24', link: '&#106;avascript:alert(1)', reason: scheme('javascript')},
  {n: '25', link: '&#x6A;avascript:alert(1)', reason: scheme('javascript')},
  {n: '26', link: '&#0000106avascript:alert(1)', reason: scheme('javascript')},
  {n: '27', link: 'javascript&colon;alert(1)', reason: scheme('javascript')},
  {n: '28', link: 'java&Tab;script:alert(1)', reason: scheme('javascript')},
  {n: '29', link: '&amp;#106;avascript:alert(1)', reason: scheme('javascript'), layers: 2},
  {n: '30', link: '\u0001javascript:alert(1)', reason: scheme('javascript')},
  {n: '31', link: 'data:text/html;base64,PHNjcmlwdD4=', reason: scheme('data')},
  {n: '32', link: 'vbscript:msgbox(1)', reason: scheme('vbscript')},
  {n: '33', link: '//evil.example/x', reason: otherSite('//evil.example/x', 'evil.example')},
  {n: '34', link: '/\\evil.example/x', reason: otherSite('/\\evil.example/x', 'evil.example')},
  {n: '35', link: '\\\\evil.example/x', reason: otherSite('\\\\evil.example/x', 'evil.example')},
  {n: '36', link: '\\/evil.example/x', reason: otherSite('\\/evil.example/x', 'evil.example')},
  {n: '37', link: '/\t/evil.example/x', reason: otherSite('/\t/evil.example/x', 'evil.example')},
  {
    n: '38',
    link: '&#47;&#47;evil.example/x',
    reason: otherSite('&#47;&#47;evil.example/x', 'evil.example'),
  },
  {n: '39', link: '///evil.example/x', reason: otherSite('///evil.example/x', 'evil.example')},
  // Relative on an https page, another host on an http one: not a guess we make.
  {
    n: '40',
    link: 'https:evil.example',
    reason: '"https:evil.example" is not a complete web address.',
  },
  {n: '41', link: 'https://', reason: '"https://" is not a complete web address.'},
  {
    n: '42',
    link: '/a\\b',
    reason: '"/a\\b" has a backslash: write paths with forward slashes (/).',
  },
  {
    n: '43',
    link: 'mailto:not-an-address',
    reason: '"mailto:not-an-address" does not contain a valid email address after mailto:.',
  },
  {n: '44', link: '#', reason: '"#" is not a valid in-page anchor: use # followed by a name.'},
  {n: '45', link: '', reason: 'The link is empty.'},
  {n: '46', link: '/a\u0007b', reason: '"/a\u0007b" contains invisible control characters.'},
]
