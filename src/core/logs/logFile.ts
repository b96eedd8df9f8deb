// Opening a log for a summary: only regular files (a FIFO would block a libuv thread forever, /dev/zero
// never ends, /proc files claim a size of 0), the text encoding from its byte-order mark, and the typed
// errors the shell words for people.
import { constants, promises as fsp, type Stats } from 'fs';
import { StringDecoder } from 'string_decoder';

export type SummaryErrorKind =
  'not-found' | 'is-directory' | 'not-regular-file' | 'permission-denied' | 'binary' | 'deleted' | 'truncated' | 'io';

export class LogSummaryError extends Error {
  constructor(
    readonly kind: SummaryErrorKind,
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'LogSummaryError';
  }
}

export type LogEncoding = 'utf8' | 'utf16le' | 'utf16be';

export interface OpenLog {
  readonly handle: fsp.FileHandle;
  readonly size: number;
  readonly ino: number;
}

// Non-blocking, so opening a FIFO swapped in after the stat returns at once instead of waiting for a writer.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function notRegular(file: string, what: string): LogSummaryError {
  return new LogSummaryError(
    'not-regular-file',
    `${file} is ${what}, not a regular file; Summarize reads only files on disk (save the output to a file first).`,
    file,
  );
}

/** Refuses anything but a regular file, by what it is. */
function checkRegular(stat: Stats, file: string): void {
  if (stat.isDirectory()) throw new LogSummaryError('is-directory', `${file} is a folder, not a log file.`, file);
  if (stat.isFIFO()) throw notRegular(file, 'a named pipe (FIFO)');
  if (stat.isCharacterDevice() || stat.isBlockDevice()) throw notRegular(file, 'a device');
  if (stat.isSocket()) throw notRegular(file, 'a socket');
  if (!stat.isFile()) throw notRegular(file, 'a special file');
}

export async function openLog(file: string): Promise<OpenLog> {
  checkRegular(await fsp.stat(file).catch((e: unknown) => Promise.reject(toSummaryError(e, file))), file);
  const handle = await fsp.open(file, OPEN_FLAGS).catch((e: unknown) => Promise.reject(toSummaryError(e, file)));
  try {
    const stat = await handle.stat();
    checkRegular(stat, file);
    if (stat.size === 0) await checkReallyEmpty(handle, file);
    return { handle, size: stat.size, ino: stat.ino };
  } catch (e) {
    await handle.close().catch(() => undefined);
    throw toSummaryError(e, file);
  }
}

/** /proc and /sys files report a size of 0 yet have content; a log that really is empty reads nothing. */
async function checkReallyEmpty(handle: fsp.FileHandle, file: string): Promise<void> {
  const { bytesRead } = await handle.read(Buffer.alloc(1), 0, 1, 0);
  if (bytesRead > 0 && (await handle.stat()).size === 0) {
    throw notRegular(file, 'a pseudo-file whose size is unknown (like those in /proc or /sys)');
  }
}

/** An open descriptor keeps reading a deleted file on POSIX, so look at the path itself between chunks. */
export async function checkStillThere(file: string, ino: number, pos: number): Promise<void> {
  let now;
  try {
    now = await fsp.stat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new LogSummaryError('deleted', `${file} was deleted while it was being read.`, file);
    }
    throw e;
  }
  if (now.ino !== ino) throw new LogSummaryError('deleted', `${file} was replaced while it was being read.`, file);
  if (now.size < pos) throw new LogSummaryError('truncated', `${file} got shorter while it was being read.`, file);
}

export function toSummaryError(e: unknown, file: string): LogSummaryError {
  if (e instanceof LogSummaryError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new LogSummaryError('not-found', `${file} does not exist.`, file);
    case 'EISDIR':
      return new LogSummaryError('is-directory', `${file} is a folder, not a log file.`, file);
    case 'EACCES':
    case 'EPERM':
      return new LogSummaryError('permission-denied', `Permission denied reading ${file}.`, file);
    default:
      return new LogSummaryError('io', `Could not read ${file}: ${e instanceof Error ? e.message : String(e)}`, file);
  }
}

/** The encoding a file's first bytes announce (UTF-16 by its byte-order mark, as PowerShell 5.1 writes), and
 *  how many bytes that mark takes. A UTF-8 mark is kept in the text, as before. */
export function sniffEncoding(head: Buffer): { encoding: LogEncoding; bom: number } {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', bom: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', bom: 2 };
  return { encoding: 'utf8', bom: 0 };
}

export interface TextDecoderLike {
  write(chunk: Buffer): string;
  end(): string;
}

/** A streaming decoder; UTF-16BE is byte-swapped into UTF-16LE (an odd byte waits for the next chunk). */
export function decoderFor(encoding: LogEncoding): TextDecoderLike {
  if (encoding !== 'utf16be') return new StringDecoder(encoding);
  const le = new StringDecoder('utf16le');
  let carry: Buffer | undefined;
  return {
    write(chunk) {
      const all = carry ? Buffer.concat([carry, chunk]) : Buffer.from(chunk);
      const even = all.length & ~1;
      carry = even < all.length ? all.subarray(even) : undefined;
      return le.write(all.subarray(0, even).swap16());
    },
    end() {
      return le.end() + (carry ? '\uFFFD' : '');
    },
  };
}
