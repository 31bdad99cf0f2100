import { describe, expect, it } from 'vitest';
import { withoutEntries } from './test-template.ts';

/** A ustar entry: 512-byte header (name, octal size, kind) and the content padded to 512 bytes. */
function entry(name: string, content: string, kind: '0' | '5' | '2' = '0'): Uint8Array {
  const body = new TextEncoder().encode(content);
  const out = new Uint8Array(512 + Math.ceil(body.length / 512) * 512);
  out.set(new TextEncoder().encode(name), 0);
  out.set(new TextEncoder().encode(body.length.toString(8).padStart(11, '0')), 124);
  out.set(new TextEncoder().encode(kind), 156);
  out.set(new TextEncoder().encode('ustar\u000000'), 257);
  out.set(body, 512);
  return out;
}
const archive = (...entries: Uint8Array[]) => {
  const parts = [...entries, new Uint8Array(1024)];
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};

describe('the PGlite test template archive', () => {
  it('leaves out the entries asked for, byte for byte the rest', () => {
    const keep = [entry('/base/5/1255', 'x'.repeat(700)), entry('/global', '', '5')];
    const full = archive(keep[0]!, entry('/base/1/1255', 'y'.repeat(600)), keep[1]!, entry('/base/4/2', 'z'));
    expect(withoutEntries(full, (name) => /^\/base\/[14]\//.test(name))).toEqual(archive(...keep));
  });

  it('gives back an archive with other kinds of entries (a link) unchanged', () => {
    const full = archive(entry('/base/1/1255', 'y'), entry('/link', '', '2'));
    expect(withoutEntries(full, () => true)).toBe(full);
  });
});
