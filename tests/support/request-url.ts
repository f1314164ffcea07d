/** The URL a fetch double was called with, whatever form the caller passed it in. */
export function requestUrl(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/** The body a fetch double was given, as text (the sync client always sends JSON strings). */
export function requestBodyText(init: RequestInit | undefined): string {
  const body = init?.body;
  if (typeof body !== 'string') throw new Error(`expected a JSON string body, got ${typeof body}`);
  return body;
}
