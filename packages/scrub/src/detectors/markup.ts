import type { KeyMatcher } from '../keys.js';
import { always, type Detector, Family } from './detector.js';

/**
 * An element with text content: `<password>…</password>`, `<ns:ApiKey id="1">…</ns:ApiKey>`.
 * Attributes and content are bounded and exclude `<`, so each `<` is tried once, over a bounded span.
 */
const ELEMENT = /<([A-Za-z_][\w.:-]{0,63})((?:\s[^<>]{0,256})?)>([^<]{1,8192})<\/\1>/g;

/** The element name without its namespace prefix. */
function localName(name: string): string {
  const colon = name.lastIndexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** Creates the detector for XML and HTML elements named like a secret, bound to the key rules. */
export function createMarkupDetector(keySensitivity: KeyMatcher): Detector {
  return {
    name: 'markup',
    description:
      'the text of XML/HTML elements named like a secret: `<password>…</password>`, `<ApiKey>…</ApiKey>`',
    family: Family.markup,
    gate: always,
    scrub(text, redact) {
      ELEMENT.lastIndex = 0;
      return text.replace(ELEMENT, (match, name: string, attributes: string) =>
        keySensitivity(localName(name)) === 'none'
          ? match
          : `<${name}${attributes}>${redact('markup')}</${name}>`,
      );
    },
  };
}
