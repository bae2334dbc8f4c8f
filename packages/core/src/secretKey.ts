import type { LavaClient } from './createLava';
import { type ConfigError, rawLavaError } from './errors';

type KeyHolder = Pick<LavaClient, 'secretKey' | 'dangerouslyAllowBrowser'>;

/**
 * The client's secret key, ready to send, or the `config` error that says why it cannot be: there is
 * none, it holds a character no header may carry, or it would be used in a browser (where every visitor
 * could read it) without `dangerouslyAllowBrowser`.
 */
export function secretKeyOf(lava: KeyHolder): string | ConfigError {
  const key = lava.secretKey;
  return !key
    ? rawLavaError('config', 'Missing secret key (LAVA_SECRET_KEY)')
    : // A control character or space would make fetch reject the header and quote the key in its error.
      /[^\x21-\x7e]/.test(key)
      ? rawLavaError('config', 'Invalid secret key: unexpected character')
      : typeof document !== 'undefined' && !lava.dangerouslyAllowBrowser
        ? rawLavaError('config', 'Secret key in a browser: see dangerouslyAllowBrowser')
        : key;
}

/** The client's secret key, ready to send; throws the `config` LavaError of {@link secretKeyOf}. */
export function useSecretKey(lava: KeyHolder): string {
  const key = secretKeyOf(lava);
  if (typeof key !== 'string') throw key;
  return key;
}
