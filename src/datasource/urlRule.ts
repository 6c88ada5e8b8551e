import { ruleMessage } from '../shared/messages';

/**
 * The server URL rule, as pkg/models/url.go checks it in the health check:
 * the same pattern on both sides rather than two URL parsers, which disagree
 * (the browser's takes "http:host", backslashes and tabs; Go's takes port
 * 99999 and "http://:4040"). testdata/rules/settings.json holds the cases.
 */
const HTTP_SCHEME = /^https?:\/\//i;
const H16 = '[0-9A-Fa-f]{1,4}';
/**
 * An IPv6 address in hex groups, "::" standing for one or more zero groups
 * (Go's parser refuses "[0]"; a dotted IPv4 tail is not taken).
 */
const IPV6 =
  `(?:(?:${H16}:){7}${H16}|(?:${H16}:){1,7}:|(?:${H16}:){1,6}:${H16}|(?:${H16}:){1,5}(?::${H16}){1,2}` +
  `|(?:${H16}:){1,4}(?::${H16}){1,3}|(?:${H16}:){1,3}(?::${H16}){1,4}|(?:${H16}:){1,2}(?::${H16}){1,5}` +
  `|${H16}:(?::${H16}){1,6}|:(?:(?::${H16}){1,7}|:))`;
/**
 * After the scheme: optional user info, a host name or [IPv6 address], an
 * optional port, then a path, query or fragment without spaces or bad % escapes.
 */
const HTTP_REST = new RegExp(
  "^(?:(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*@)?" +
    `(?:[A-Za-z0-9\\-._~]+|\\[${IPV6}\\])(?::([0-9]{0,5}))?` +
    '(?:[/?#](?:[^\\x00-\\x20\\x7f%]|%[0-9A-Fa-f]{2})*)?$'
);

/** What is wrong with the server URL, or undefined when it is fine. */
export function urlProblem(url: string): string | undefined {
  const text = url.trim();
  if (text === '') {
    return ruleMessage('urlRequired');
  }
  const scheme = HTTP_SCHEME.exec(text);
  if (!scheme) {
    return ruleMessage('urlScheme', redactUrl(text));
  }
  const rest = HTTP_REST.exec(text.slice(scheme[0].length));
  // No port, or an empty one, means the scheme's default.
  if (!rest || (rest[1] !== undefined && rest[1] !== '' && Number(rest[1]) > 65535)) {
    return ruleMessage('urlInvalid', redactUrl(text));
  }
  return undefined;
}

/**
 * The URL as typed with any password shown as xxxxx, cut as the backend cuts
 * it (redactTyped in pkg/models/redact.go): from the first colon before the
 * last @, erring on the safe side.
 */
export function redactUrl(url: string): string {
  const slashes = url.indexOf('//');
  const prefix = slashes < 0 ? '' : url.slice(0, slashes + 2);
  const rest = slashes < 0 ? url : url.slice(slashes + 2);
  const at = rest.lastIndexOf('@');
  const colon = at < 0 ? -1 : rest.slice(0, at).indexOf(':');
  return colon < 0 ? url : prefix + rest.slice(0, colon + 1) + 'xxxxx' + rest.slice(at);
}
