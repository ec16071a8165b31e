// archiver 8 ships ESM without types; the part of its API Kith uses.
declare module 'archiver' {
  import { Transform } from 'node:stream';

  export class ZipArchive extends Transform {
    constructor(options?: { zlib?: { level?: number } });
    append(source: NodeJS.ReadableStream | Buffer | string, data: { name: string; date?: Date }): this;
    finalize(): Promise<void>;
    /** Bytes written so far. */
    pointer(): number;
  }
}
