/**
 * The request target as sent, before any router or static-file server normalises it. A client that
 * is not a browser (curl --path-as-is, a raw socket) can send `/assets/../../etc/passwd`; such a
 * path names nothing we serve, so it is refused up front instead of trusting every plugin to
 * resolve it safely. Percent-encoded dots and slashes count, and so do backslashes.
 */
export function rawPathRefusal(url: string): string | null {
  const path = url.split('?')[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return 'the request path has a malformed percent-escape';
  }
  if (decoded.includes('\0')) return 'the request path contains a NUL byte';
  const segments = decoded.split(/[/\\]/);
  return segments.some((segment) => segment === '..' || segment === '.') ? 'the request path may not contain "." or ".." segments' : null;
}
