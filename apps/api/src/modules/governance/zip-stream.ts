import { Zip, ZipDeflate } from 'fflate';
import { PassThrough, type Readable } from 'node:stream';

export type ZipEntry = { name: string; content: string };

/**
 * A ZIP of text files, streamed as fflate compresses it: the response starts at once and the archive is never held
 * whole in memory (each file's text is, and a case's files are small).
 */
export const zipStream = (entries: readonly ZipEntry[], modified: Date): Readable => {
  const out = new PassThrough();
  const zip = new Zip((error, chunk, final) => {
    if (error) {
      out.destroy(error);
      return;
    }
    out.write(chunk);
    if (final) out.end();
  });
  // Defer the work to the next turn, so the caller can hand the stream to the response before data flows.
  setImmediate(() => {
    try {
      for (const entry of entries) {
        const file = new ZipDeflate(entry.name, { level: 6 });
        file.mtime = modified;
        zip.add(file);
        file.push(Buffer.from(entry.content, 'utf8'), true);
      }
      zip.end();
    } catch (error) {
      out.destroy(error as Error);
    }
  });
  return out;
};
