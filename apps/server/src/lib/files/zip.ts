import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { FileEncodingError, FileFormatError, type FileLimits, limitError } from './limits.js';
import { utf8Stream } from './text.js';

type Entry = yauzl.Entry;

/** Inflated bytes per step. */
const INFLATE_CHUNK = 256 * 1024;

/**
 * A zip file in memory (yauzl: central directory, inflate on the thread pool) whose entries are
 * read as UTF-8 text in pieces, each entry bounded twice: its declared size is checked before a
 * byte is inflated, and the bytes are counted while they are inflated (a lying header is caught by
 * the count, and by yauzl's own size check). An absurd compression ratio is refused as a bomb.
 */
export class ZipArchive {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, Entry>,
    private readonly limits: FileLimits,
  ) {}

  static async open(bytes: Buffer, limits: FileLimits): Promise<ZipArchive> {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, z) =>
        error || !z ? reject(new FileFormatError(String(error), { cause: error })) : resolve(z),
      ),
    );
    if (zip.entryCount > limits.maxEntries) {
      zip.close();
      throw limitError.entries(limits.maxEntries);
    }
    const entries = new Map<string, Entry>();
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        // Part names are case-insensitive in a package (ECMA-376 part 2).
        entries.set(entry.fileName.replace(/^\/+/, '').toLowerCase(), entry);
        zip.readEntry();
      });
      zip.once('end', resolve);
      zip.once('error', (error: Error) => reject(new FileFormatError(String(error), { cause: error })));
      zip.readEntry();
    });
    return new ZipArchive(zip, entries, limits);
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /**
   * The entry's text in pieces as it is inflated, at most `maxBytes` inflated bytes. Invalid
   * UTF-8 is a FileEncodingError naming the entry; stopping early (a consumer's `break`) destroys
   * the inflate stream.
   */
  async *text(name: string, maxBytes: number): AsyncGenerator<string> {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) throw new FileFormatError(`no ${name} in the package`);
    if (entry.isEncrypted()) throw new FileFormatError(`${name} is encrypted`);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw new FileFormatError(`${name} uses compression method ${entry.compressionMethod}`);
    }
    const { maxCompressionRatio: ratio, ratioFloorBytes: floor } = this.limits;
    const compressed = Math.max(entry.compressedSize, 1);
    const tooDense = (inflated: number) => inflated > floor && inflated / compressed > ratio;
    if (entry.uncompressedSize > maxBytes) throw limitError.entry(name, maxBytes);
    if (tooDense(entry.uncompressedSize)) throw limitError.ratio(name, ratio);
    // The raw entry, inflated here in large steps (fewer thread-pool round trips than yauzl's).
    const raw = await new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(entry, { decompress: false }, (error, s) =>
        error || !s ? reject(new FileFormatError(String(error), { cause: error })) : resolve(s),
      ),
    );
    const stream = entry.compressionMethod === 0 ? raw : raw.pipe(zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK }));
    raw.once('error', (error) => stream.destroy(error));
    const decoder = utf8Stream(name);
    let inflated = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        if (inflated > maxBytes) throw limitError.entry(name, maxBytes);
        if (tooDense(inflated)) throw limitError.ratio(name, ratio);
        // A header that understates the size is a damaged (or forged) file.
        if (inflated > entry.uncompressedSize) throw new FileFormatError(`${name} is larger than its header says`);
        const text = decoder.write(chunk);
        if (text) yield text;
      }
    } catch (error) {
      // The text before an encoding fault still goes to the parser, so that the row is known.
      if (error instanceof FileEncodingError && error.before) yield error.before;
      if (error instanceof Error && error.name !== 'AppError' && !(error instanceof FileEncodingError)) {
        throw new FileFormatError(String(error), { cause: error });
      }
      throw error;
    } finally {
      raw.destroy();
      stream.destroy();
    }
    if (inflated !== entry.uncompressedSize) throw new FileFormatError(`${name} is smaller than its header says`);
    const rest = decoder.end();
    if (rest) yield rest;
  }

  /** A small entry whole, e.g. the workbook or its relationships (`maxPartBytes`). */
  async wholeText(name: string): Promise<string> {
    let text = '';
    for await (const piece of this.text(name, this.limits.maxPartBytes)) text += piece;
    return text;
  }

  close(): void {
    this.zip.close();
  }
}
