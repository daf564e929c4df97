import { createReadStream, createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { extract, pack } from 'tar-stream';
import { BackupError } from './backup.errors';

export interface ArchiveEntry {
  name: string;
  data: Buffer;
}

// A tar.gz of a few named parts, written into a file that already exists (and so keeps its owner-only mode).
export async function writeArchive(path: string, entries: ArchiveEntry[], now: Date): Promise<void> {
  const archive = pack();
  for (const entry of entries) archive.entry({ name: entry.name, size: entry.data.length, mode: 0o600, mtime: now }, entry.data);
  archive.finalize();
  await pipeline(Readable.from(archive), createGzip(), createWriteStream(path, { flags: 'r+' }));
}

// The parts of an archive by name; anything that is not a whole tar.gz is refused, not half read.
export async function readArchive(path: string): Promise<Map<string, Buffer<ArrayBuffer>>> {
  const entries = new Map<string, Buffer<ArrayBuffer>>();
  const archive = extract();
  const collect = async () => {
    for await (const entry of archive) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      if (entry.header.type === 'file') entries.set(entry.header.name, Buffer.concat(chunks));
    }
  };
  try {
    await Promise.all([pipeline(createReadStream(path), createGunzip(), archive), collect()]);
  } catch (error) {
    throw new BackupError(`${path} is geen leesbare back-up van Plein (${(error as Error).message}).`);
  }
  return entries;
}
