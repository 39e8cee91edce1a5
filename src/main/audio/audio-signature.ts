/**
 * Is a fetched body audio? Checked on the declared content type and on the first bytes before
 * anything is stored, so a URL that answers with a web page, JSON or a secret never lands in the
 * media cache (where `/media/calls/{id}/audio` would serve it back). Errors name the format found
 * or expected, never the bytes themselves.
 */
export const SIGNATURE_BYTES = 12;

const ascii = (head: Uint8Array, from: number, to: number): string => String.fromCharCode(...head.subarray(from, to));

/** The file extension for an audio body, by its first bytes; null when they are no known audio format. */
export function audioExtensionOf(head: Uint8Array): string | null {
  if ((ascii(head, 0, 4) === 'RIFF' || ascii(head, 0, 4) === 'RF64') && ascii(head, 8, 12) === 'WAVE') return '.wav';
  if (ascii(head, 0, 3) === 'ID3') return '.mp3';
  // an MPEG audio frame header: 11 sync bits, then a version and a layer that are not "reserved"
  if (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0 && ((head[1] ?? 0) & 0x18) !== 0x08 && ((head[1] ?? 0) & 0x06) !== 0) return '.mp3';
  if (ascii(head, 0, 4) === 'OggS') return '.ogg';
  if (ascii(head, 0, 4) === 'fLaC') return '.flac';
  if (ascii(head, 4, 8) === 'ftyp') return '.m4a';
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return '.webm';
  if (ascii(head, 0, 4) === 'FORM' && ['AIFF', 'AIFC'].includes(ascii(head, 8, 12))) return '.aiff';
  return null;
}

export const EXPECTED_AUDIO = 'WAV, MP3, Ogg, FLAC, M4A, WebM or AIFF';

const audioTypes = /^(audio\/[\w.+-]+|video\/(webm|mp4|ogg|quicktime|x-matroska)|application\/(octet-stream|ogg|mp4|x-binary)|binary\/octet-stream)$/;

/** Why a declared content type cannot be a recording; null when it can (or none was declared). */
export function contentTypeProblem(header: string | undefined): string | null {
  if (!header) return null;
  const type = header.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === '' || audioTypes.test(type)) return null;
  const shown = type.replace(/[^\w./+-]/g, '').slice(0, 80);
  return `the server says the recording is ${shown || 'an unnamed type'}, not audio`;
}
