import * as v from 'valibot';

/** An absolute http(s) URL (`https://app.example.com/hooks`), as the URL parser of the platform reads it. */
export const HttpUrl = v.custom<string>((s) => {
  try {
    return typeof s === 'string' && /^https?:\/\//i.test(s) && !!new URL(s);
  } catch {
    return false;
  }
}, 'must be an absolute http(s) URL such as https://example.com');
