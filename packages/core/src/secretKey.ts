import type { LavaClient } from './createLava';
import { rawLavaError } from './errors';

/**
 * The client's secret key, ready to send. Throws a `config` LavaError when there is none, or when
 * it would be used in a browser (where every visitor could read it) without `dangerouslyAllowBrowser`.
 */
export function useSecretKey(lava: Pick<LavaClient, 'secretKey' | 'dangerouslyAllowBrowser'>): string {
  const key = lava.secretKey;
  if (!key) throw rawLavaError('config', 'Missing secret key (LAVA_SECRET_KEY)');
  // A control character or space would make fetch reject the header and quote the key in its error.
  if (/[^\x21-\x7e]/.test(key)) throw rawLavaError('config', 'Invalid secret key: unexpected character');
  if (typeof document !== 'undefined' && !lava.dangerouslyAllowBrowser) {
    throw rawLavaError('config', 'Secret key in a browser: see dangerouslyAllowBrowser');
  }
  return key;
}
