// Anything that looks like a credential: secret keys, spend keys, bearer values (so forward tokens too).
const SECRET_PATTERN = /\b(?:aks|lava_sk|lava_wk|cons)_[A-Za-z0-9_-]+|(Bearer\s+)[^\s"',]+/g;

/** Masks anything shaped like a credential in a piece of text. */
export function redact(text: string): string {
  return text.replace(SECRET_PATTERN, (_m, bearer?: string) => `${bearer ?? ''}[redacted]`);
}
