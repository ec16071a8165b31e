// The upload allow-list: each type Kith accepts, the extensions that carry it, the types browsers
// declare for it, and how its first bytes look. Pure data and checks, so config.ts can import it.

/** How many leading bytes the sniffers need. */
export const HEAD_BYTES = 512;

type Sniff = (head: Uint8Array) => boolean;

const startsWith =
  (...bytes: number[]): Sniff =>
  (head) =>
    bytes.every((byte, i) => head[i] === byte);
const ascii =
  (text: string, offset = 0): Sniff =>
  (head) =>
    [...text].every((c, i) => head[offset + i] === c.charCodeAt(0));
const anyOf =
  (...sniffs: Sniff[]): Sniff =>
  (head) =>
    sniffs.some((sniff) => sniff(head));

const ZIP = anyOf(ascii('PK\x03\x04'), ascii('PK\x05\x06'));
const OLE = startsWith(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
/** Text has no NUL and no control characters other than tab, line breaks, form feed and escape. */
const TEXT: Sniff = (head) => head.every((byte) => byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x1b);

interface ContentType {
  mime: string;
  extensions: string[];
  /** Other types browsers and operating systems declare for these files. */
  aliases?: string[];
  sniff: Sniff;
}

const OOXML = 'application/vnd.openxmlformats-officedocument';
const ODF = 'application/vnd.oasis.opendocument';

const TYPES: ContentType[] = [
  { mime: 'image/png', extensions: ['png'], sniff: startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], aliases: ['image/pjpeg'], sniff: startsWith(0xff, 0xd8, 0xff) },
  { mime: 'image/gif', extensions: ['gif'], sniff: anyOf(ascii('GIF87a'), ascii('GIF89a')) },
  { mime: 'image/webp', extensions: ['webp'], sniff: (head) => ascii('RIFF')(head) && ascii('WEBP', 8)(head) },
  { mime: 'application/pdf', extensions: ['pdf'], aliases: ['application/x-pdf'], sniff: ascii('%PDF-') },
  { mime: 'text/plain', extensions: ['txt', 'log'], sniff: TEXT },
  { mime: 'text/markdown', extensions: ['md'], aliases: ['text/plain', 'text/x-markdown'], sniff: TEXT },
  { mime: 'text/csv', extensions: ['csv'], aliases: ['text/plain', 'application/csv', 'text/x-csv', 'application/vnd.ms-excel'], sniff: TEXT },
  { mime: 'application/zip', extensions: ['zip'], aliases: ['application/x-zip-compressed', 'application/x-zip'], sniff: ZIP },
  { mime: `${OOXML}.wordprocessingml.document`, extensions: ['docx'], sniff: ZIP },
  { mime: `${OOXML}.spreadsheetml.sheet`, extensions: ['xlsx'], sniff: ZIP },
  { mime: `${OOXML}.presentationml.presentation`, extensions: ['pptx'], sniff: ZIP },
  { mime: `${ODF}.text`, extensions: ['odt'], sniff: ZIP },
  { mime: `${ODF}.spreadsheet`, extensions: ['ods'], sniff: ZIP },
  { mime: `${ODF}.presentation`, extensions: ['odp'], sniff: ZIP },
  { mime: 'application/msword', extensions: ['doc'], sniff: OLE },
  { mime: 'application/vnd.ms-excel', extensions: ['xls'], sniff: OLE },
  { mime: 'application/vnd.ms-powerpoint', extensions: ['ppt'], sniff: OLE },
];

export const KNOWN_CONTENT_TYPES: readonly string[] = TYPES.map((t) => t.mime);

/** Declarations that say nothing about the type, so the extension decides. */
const UNINFORMATIVE = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

export type TypeCheck = { ok: true; mime: string; sniff: Sniff } | { ok: false; reason: string };

/**
 * The extension picks the type; the declared type must agree with it (or say nothing); the type must be
 * allowed. The bytes are checked later, while streaming, with the returned sniffer.
 */
export function contentTypeFor(fileName: string, declared: string, allowed: readonly string[] | null): TypeCheck {
  const extension = /\.([a-z0-9]{1,10})$/i.exec(fileName)?.[1]?.toLowerCase();
  const type = extension ? TYPES.find((t) => t.extensions.includes(extension)) : undefined;
  const allowedList = (allowed ?? KNOWN_CONTENT_TYPES).join(', ');
  if (!type || (allowed && !allowed.includes(type.mime))) {
    const what = extension ? `.${extension} files are` : 'Files without an extension are';
    return { ok: false, reason: `${what} not accepted. Allowed types: ${allowedList}.` };
  }
  const declaredType = declared.split(';')[0]!.trim().toLowerCase();
  if (!UNINFORMATIVE.has(declaredType) && declaredType !== type.mime && !type.aliases?.includes(declaredType)) {
    return { ok: false, reason: `The declared type ${declaredType} does not match the .${extension} extension.` };
  }
  return { ok: true, mime: type.mime, sniff: type.sniff };
}
