// A browser's cookie jar, enough for our own cookies: tests that drive the console over plain HTTP send it with
// each request and update it from each answer (an empty or expired cookie goes, as a browser drops it).
export class CookieJar extends Map<string, string> {
  /** The Cookie header for the next request. */
  header(): string {
    return [...this].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Keeps what the answer's Set-Cookie lines say; gives the answer back. */
  take(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      if (value === '' || attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a))) this.delete(name);
      else this.set(name, value);
    }
    return response;
  }
}
