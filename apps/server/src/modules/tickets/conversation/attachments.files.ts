/**
 * What an attachment is, decided from its name and its first bytes, never from what the browser
 * claims: executables and scripts are refused (by extension and by magic bytes), images are
 * recognised by their signature, and nothing else is ever served as something a browser renders.
 */

/** Programs, installers, scripts and shortcuts: refused whatever their content. */
export const REFUSED_EXTENSIONS: ReadonlySet<string> = new Set([
  // Windows executables, libraries, installers, shortcuts
  'exe',
  'com',
  'scr',
  'pif',
  'cpl',
  'dll',
  'sys',
  'drv',
  'ocx',
  'msi',
  'msp',
  'mst',
  'msix',
  'msixbundle',
  'appx',
  'appxbundle',
  'lnk',
  'url',
  'scf',
  'inf',
  'reg',
  'msc',
  'gadget',
  'application',
  'appref-ms',
  // Windows scripts
  'bat',
  'cmd',
  'ps1',
  'psm1',
  'psd1',
  'ps1xml',
  'psc1',
  'vbs',
  'vbe',
  'js',
  'jse',
  'wsf',
  'wsh',
  'wsc',
  'hta',
  'sct',
  // Java, Android, macOS, Linux packages and binaries
  'jar',
  'jnlp',
  'class',
  'apk',
  'aab',
  'xapk',
  'app',
  'dmg',
  'pkg',
  'command',
  'deb',
  'rpm',
  'run',
  'bin',
  'elf',
  'so',
  'dylib',
  'appimage',
  // Unix and other script languages
  'sh',
  'bash',
  'zsh',
  'ksh',
  'csh',
  'fish',
  'mjs',
  'cjs',
  'py',
  'pyw',
  'pyc',
  'pl',
  'rb',
  'php',
  'phtml',
  'asp',
  'aspx',
  'jsp',
  'cgi',
  'lua',
  'vb',
  'applescript',
  'scpt',
]);

/** Images a browser may show as images (their signature checked); everything else is a download. */
export const SAFE_IMAGE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export const OCTET_STREAM = 'application/octet-stream';
/** How many leading bytes `sniff` looks at. */
export const SNIFF_BYTES = 4096;

/** The last extension, lower case, after trailing dots and spaces (which Windows ignores) are dropped. */
export function extensionOf(fileName: string): string {
  const name = fileName.replace(/[.\s]+$/, '');
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * The refused extension the name carries, if any: its own, or the one before an NTFS stream
 * suffix (`a.exe::$DATA`, `a.exe:x.txt` both run as `a.exe`).
 */
export function refusedExtension(fileName: string): string | null {
  const candidates = [extensionOf(fileName), ...fileName.split(':').map(extensionOf)];
  return candidates.find((ext) => REFUSED_EXTENSIONS.has(ext)) ?? null;
}

/** Control characters and bidirectional overrides (which disguise `exe.txt` as `txt.exe`). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it matches
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file name safe to store and to send back: the last path segment, without control or bidi
 * override characters, NFC-normalised, at most 200 characters (keeping the extension).
 */
export function safeFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = base.normalize('NFC').replace(UNSAFE_CHARACTERS, '').trim();
  if (!cleaned || cleaned === '.' || cleaned === '..') return 'attachment';
  if (cleaned.length <= 200) return cleaned;
  const ext = extensionOf(cleaned);
  const keep = ext && ext.length < 20 ? `.${ext}` : '';
  return cleaned.slice(0, 200 - keep.length) + keep;
}

export type Sniffed = { kind: 'refused'; type: string } | { kind: 'image'; contentType: string } | { kind: 'other' };

const startsWith = (head: Uint8Array, bytes: number[], offset = 0) =>
  head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b);
const ascii = (head: Uint8Array, from: number, to: number) => Buffer.from(head.subarray(from, to)).toString('latin1');

/** Reads the first bytes: executables, scripts with an interpreter line, Java archives; images. */
export function sniff(head: Uint8Array): Sniffed {
  if (startsWith(head, [0x4d, 0x5a])) return { kind: 'refused', type: 'exe' };
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return { kind: 'refused', type: 'elf' };
  for (const magic of [
    [0xfe, 0xed, 0xfa, 0xce],
    [0xfe, 0xed, 0xfa, 0xcf],
    [0xce, 0xfa, 0xed, 0xfe],
    [0xcf, 0xfa, 0xed, 0xfe],
    // Universal Mach-O binary, or a Java class file: both refused.
    [0xca, 0xfe, 0xba, 0xbe],
  ]) {
    if (startsWith(head, magic)) return { kind: 'refused', type: 'mach-o' };
  }
  // Windows shell link (.lnk): header size 0x4C and its class id.
  if (startsWith(head, [0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00])) return { kind: 'refused', type: 'lnk' };
  // A Java archive: a zip whose first entry is META-INF/ (the manifest).
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) && head.length >= 30) {
    const nameLength = (head[26] ?? 0) | ((head[27] ?? 0) << 8);
    if (
      ascii(head, 30, 30 + Math.min(nameLength, 64))
        .toUpperCase()
        .startsWith('META-INF/')
    ) {
      return { kind: 'refused', type: 'jar' };
    }
  }
  // Text: skip a UTF-8 byte-order mark and leading white space, then look for an interpreter line
  // (#!/bin/sh) or a batch file's first command.
  let i = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  if (startsWith(head, [0x23, 0x21], i)) return { kind: 'refused', type: 'script' };
  if (ascii(head, i, i + 9).toLowerCase() === '@echo off') return { kind: 'refused', type: 'script' };

  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'image', contentType: 'image/png' };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { kind: 'image', contentType: 'image/jpeg' };
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a')
    return { kind: 'image', contentType: 'image/gif' };
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP')
    return { kind: 'image', contentType: 'image/webp' };
  return { kind: 'other' };
}

/**
 * The type kept with the file (shown in lists): a recognised image's own type; otherwise what the
 * client declared if it is a plain `type/subtype` — but never an image type its bytes do not bear
 * out.
 */
export function storedContentType(sniffed: Sniffed, declared: string | undefined): string {
  if (sniffed.kind === 'image') return sniffed.contentType;
  const type = (declared ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!/^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*$/.test(type) || type.length > 100) return OCTET_STREAM;
  return type.startsWith('image/') ? OCTET_STREAM : type;
}

/** What the download says it is: a checked image type, or a plain download for anything else. */
export function servedContentType(stored: string): string {
  return SAFE_IMAGE_TYPES.has(stored) ? stored : OCTET_STREAM;
}
