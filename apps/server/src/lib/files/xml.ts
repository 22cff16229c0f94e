import { SaxesParser } from 'saxes';
import { FileFormatError } from './limits.js';

export type XmlHandlers = {
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
  /** After each write: characters saxes holds for a text node not yet complete (see `pending`). */
  pending?(chars: number): void;
};

/** Nesting and attributes beyond any SpreadsheetML part: refused before they grow. */
const MAX_DEPTH = 64;
const MAX_ATTRIBUTES = 64;
/** Characters saxes may buffer for one name, entity, or text node before it is complete. */
export const MAX_PENDING_CHARS = 1024 * 1024;
/** The largest piece handed to saxes at once: buffers grow by at most this between checks. */
const MAX_WRITE = 64 * 1024;

/** `x:row` → `row`: some writers prefix SpreadsheetML with a namespace. */
export const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** The buffers saxes keeps between writes (its fields; checked to exist when a parser is made). */
type SaxesBuffers = { text: string; name: string; entity: string; piTarget: string; attribList: unknown[] };

/**
 * Feeds XML text, arriving in pieces, to saxes (no DTD, so no entity expansion). saxes buffers a
 * text node, name or attribute value until it is complete, without a bound of its own; so after
 * each write of at most 64 K characters the buffers are measured here and an oversized one is
 * refused (`pending` lets the caller apply its own cell limit first). Nesting and attributes per
 * element are bounded too. Element names reach the handlers without a namespace prefix. Yields
 * after each write, so that the caller passes on what the handlers collected and can leave the
 * event loop free between steps.
 */
export async function* parseXml(pieces: AsyncIterable<string>, handlers: XmlHandlers): AsyncGenerator<void> {
  const parser = new SaxesParser({ position: false });
  const buffers = parser as unknown as SaxesBuffers;
  const known = ['text', 'name', 'entity', 'piTarget'].every((k) => typeof buffers[k as 'text'] === 'string');
  if (!known || !Array.isArray(buffers.attribList)) {
    throw new Error('saxes no longer exposes its buffers: the XML reader cannot bound them');
  }
  let depth = 0;
  parser.on('error', (error) => {
    throw new FileFormatError(String(error), { cause: error });
  });
  parser.on('opentagstart', () => {
    depth += 1;
    if (depth > MAX_DEPTH) throw new FileFormatError('XML nested too deep');
  });
  parser.on('opentag', (tag) => {
    handlers.open?.(localName(tag.name), tag.attributes as Record<string, string>);
  });
  parser.on('closetag', (tag) => {
    depth -= 1;
    handlers.close?.(localName(tag.name));
  });
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  for await (const piece of pieces) {
    for (let at = 0; at < piece.length; at += MAX_WRITE) {
      parser.write(piece.length <= MAX_WRITE ? piece : piece.slice(at, at + MAX_WRITE));
      handlers.pending?.(buffers.text.length);
      const longest = Math.max(
        buffers.text.length,
        buffers.name.length,
        buffers.entity.length,
        buffers.piTarget.length,
      );
      if (longest > MAX_PENDING_CHARS) throw new FileFormatError('XML token too long');
      if (buffers.attribList.length > MAX_ATTRIBUTES) throw new FileFormatError('too many XML attributes');
      yield;
    }
  }
  parser.close();
}
