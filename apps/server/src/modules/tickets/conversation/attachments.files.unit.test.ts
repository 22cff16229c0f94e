import { describe, expect, it } from 'vitest';
import { attachmentHeader } from '../../../lib/export.js';
import {
  extensionOf,
  refusedExtension,
  safeFileName,
  servedContentType,
  sniff,
  storedContentType,
} from './attachments.files.js';

const bytes = (hex: string, pad = 0) => Buffer.concat([Buffer.from(hex, 'hex'), Buffer.alloc(pad)]);

describe('attachment names and types', () => {
  it('takes the deciding extension past trailing dots, spaces and NTFS stream suffixes', () => {
    expect(extensionOf('报告.PDF')).toBe('pdf');
    expect(extensionOf('a.exe. . ')).toBe('exe');
    expect(extensionOf('README')).toBe('');
    expect(refusedExtension('invoice.pdf.exe')).toBe('exe');
    expect(refusedExtension('a.exe::$DATA')).toBe('exe');
    expect(refusedExtension('a.exe:x.txt')).toBe('exe');
    expect(refusedExtension('Setup.MSI')).toBe('msi');
    expect(refusedExtension('report.exe.pdf')).toBeNull();
    expect(refusedExtension('合同扫描件.pdf')).toBeNull();
  });

  it('keeps a safe file name: last path segment, no control or bidi characters, bounded length', () => {
    expect(safeFileName('C:\\Users\\客户\\发票.pdf')).toBe('发票.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('a\u202egpj.exe')).toBe('agpj.exe');
    expect(safeFileName('  ')).toBe('attachment');
    expect(safeFileName(undefined)).toBe('attachment');
    const long = safeFileName(`${'长'.repeat(300)}.docx`);
    expect(long.length).toBe(200);
    expect(long.endsWith('.docx')).toBe(true);
  });

  it('sniffs executables, scripts and Java archives; recognises images', () => {
    expect(sniff(bytes('4d5a9000', 60))).toEqual({ kind: 'refused', type: 'exe' });
    expect(sniff(bytes('7f454c46', 60))).toEqual({ kind: 'refused', type: 'elf' });
    expect(sniff(bytes('cffaedfe', 60))).toEqual({ kind: 'refused', type: 'mach-o' });
    expect(sniff(bytes('cafebabe', 60))).toEqual({ kind: 'refused', type: 'mach-o' });
    expect(sniff(bytes('4c0000000114020000000000'))).toEqual({ kind: 'refused', type: 'lnk' });
    expect(sniff(Buffer.from('\ufeff  #!/usr/bin/env python\n'))).toEqual({ kind: 'refused', type: 'script' });
    expect(sniff(Buffer.from('@ECHO OFF\r\ndel *.*'))).toEqual({ kind: 'refused', type: 'script' });
    const jarHeader = Buffer.alloc(30);
    jarHeader.write('PK\u0003\u0004', 0, 'latin1');
    jarHeader.writeUInt16LE(9, 26);
    expect(sniff(Buffer.concat([jarHeader, Buffer.from('META-INF/')]))).toEqual({ kind: 'refused', type: 'jar' });
    const docx = Buffer.alloc(30);
    docx.write('PK\u0003\u0004', 0, 'latin1');
    docx.writeUInt16LE(19, 26);
    expect(sniff(Buffer.concat([docx, Buffer.from('[Content_Types].xml')]))).toEqual({ kind: 'other' });
    expect(sniff(bytes('89504e470d0a1a0a', 8))).toEqual({ kind: 'image', contentType: 'image/png' });
    expect(sniff(bytes('ffd8ffe0', 8))).toEqual({ kind: 'image', contentType: 'image/jpeg' });
    expect(sniff(Buffer.from('GIF89a......'))).toEqual({ kind: 'image', contentType: 'image/gif' });
    expect(sniff(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toEqual({
      kind: 'image',
      contentType: 'image/webp',
    });
    expect(sniff(Buffer.from('%PDF-1.7'))).toEqual({ kind: 'other' });
    expect(sniff(Buffer.alloc(0))).toEqual({ kind: 'other' });
  });

  it('never serves anything but a checked image type or octet-stream', () => {
    expect(storedContentType({ kind: 'other' }, 'text/html; charset=utf-8')).toBe('text/html');
    expect(storedContentType({ kind: 'other' }, 'image/png')).toBe('application/octet-stream');
    expect(storedContentType({ kind: 'other' }, 'bogus')).toBe('application/octet-stream');
    expect(storedContentType({ kind: 'image', contentType: 'image/jpeg' }, 'text/plain')).toBe('image/jpeg');
    expect(servedContentType('text/html')).toBe('application/octet-stream');
    expect(servedContentType('image/svg+xml')).toBe('application/octet-stream');
    expect(servedContentType('application/pdf')).toBe('application/octet-stream');
    expect(servedContentType('image/webp')).toBe('image/webp');
  });

  it('writes Content-Disposition as an attachment with an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentHeader('报告.pdf')).toBe(`attachment; filename="__.pdf"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf`);
    expect(attachmentHeader(`a"b\\c'(1).txt`)).toBe(
      `attachment; filename="a_b_c'(1).txt"; filename*=UTF-8''a%22b%5Cc%27%281%29.txt`,
    );
  });
});
