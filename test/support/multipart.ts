/** A multipart/form-data body built by hand, so tests can cut it, repeat parts or drop the boundary. */
export interface FormPart {
  name: string;
  /** set for a file part. */
  filename?: string;
  content: string | Buffer;
}

export const TEST_BOUNDARY = '----callscope-test-boundary-7f3a';

export function multipartBody(parts: readonly FormPart[], boundary = TEST_BOUNDARY): Buffer {
  const chunks = parts.flatMap((part) => {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
    const type = part.filename ? 'Content-Type: audio/wav\r\n' : '';
    return [Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`), Buffer.from(part.content), Buffer.from('\r\n')];
  });
  return Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]);
}
