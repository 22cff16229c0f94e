import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { FileEncodingError } from './limits.js';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Bytes decoded per step: small enough that one step never holds the event loop noticeably. */
export const TEXT_CHUNK_BYTES = 64 * 1024;

/** U+FFFD as GB18030 writes it: the only U+FFFD its decoder may produce that is really in the file. */
const GB18030_REPLACEMENT = Buffer.from([0x84, 0x31, 0xa4, 0x37]);

/**
 * The encoding of text bytes: UTF-8 or UTF-16 by their BOM, UTF-8 when the bytes are valid UTF-8
 * (a native check, no string is made), and otherwise GB18030 (a superset of GBK, what Excel on
 * Chinese Windows writes).
 */
export function sniffEncoding(bytes: Buffer): TextEncodingName {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return isUtf8(bytes) ? 'utf-8' : 'gb18030';
}

const BOM_LENGTH: Record<TextEncodingName, number> = {
  'utf-8': 0,
  'utf-8-bom': 3,
  'utf-16le': 2,
  'utf-16be': 2,
  gb18030: 0,
};

function countOf(bytes: Buffer, needle: Buffer): number {
  let n = 0;
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + needle.length)) n += 1;
  return n;
}

/**
 * The text of `bytes`, decoded in steps of `chunkBytes`: a character split between two steps is
 * completed by the next (streaming decoders), so code points are never cut. A byte sequence that
 * does not decode is refused with FileEncodingError instead of becoming U+FFFD; a U+FFFD that is
 * really in the file is kept.
 */
export function* decodeChunks(
  bytes: Buffer,
  encoding: TextEncodingName,
  chunkBytes = TEXT_CHUNK_BYTES,
): Generator<string> {
  const body = bytes.subarray(BOM_LENGTH[encoding]);
  if (encoding === 'gb18030') {
    // iconv-lite has no fatal mode: every U+FFFD beyond those encoded in the file is a fault.
    let genuine = countOf(body, GB18030_REPLACEMENT);
    const decoder = iconv.getDecoder('gb18030');
    const checked = (text: string) => {
      for (let at = text.indexOf('\ufffd'); at !== -1; at = text.indexOf('\ufffd', at + 1)) {
        genuine -= 1;
        if (genuine < 0) throw new FileEncodingError();
      }
      return text;
    };
    for (let at = 0; at < body.length; at += chunkBytes) {
      const text = checked(decoder.write(body.subarray(at, at + chunkBytes)));
      if (text) yield text;
    }
    const rest = checked(decoder.end() ?? '');
    if (rest) yield rest;
    return;
  }
  const decoder = new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding, { fatal: true, ignoreBOM: true });
  try {
    for (let at = 0; at < body.length; at += chunkBytes) {
      const text = decoder.decode(body.subarray(at, at + chunkBytes), { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (error) {
    if (error instanceof TypeError) throw new FileEncodingError();
    throw error;
  }
}

/**
 * A streaming UTF-8 decoder for bytes that arrive in pieces (zip entries): fatal, so invalid
 * UTF-8 is refused, and stateful, so a code point split between two pieces is kept whole.
 */
export function utf8Stream(entry: string): { write(bytes: Uint8Array): string; end(): string } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const guard = (decode: () => string, bytes?: Uint8Array) => {
    try {
      return decode();
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      // Where it failed: the piece's text up to the first replacement a lenient decoder makes.
      const lenient = bytes ? new TextDecoder('utf-8').decode(bytes) : '';
      const fault = lenient.indexOf('\ufffd');
      throw new FileEncodingError({ entry, before: lenient.slice(0, Math.max(fault, 0)) });
    }
  };
  return {
    write: (bytes) => guard(() => decoder.decode(bytes, { stream: true }), bytes),
    end: () => guard(() => decoder.decode()),
  };
}
