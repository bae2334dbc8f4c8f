import type { LavaError } from '@lava-sdk/core';
import { HttpResponse } from 'msw';
import type { ResultAsync } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import { lavaErrorResponse, mockApi } from './lava';

type Call = () => ResultAsync<unknown, LavaError>;

/**
 * For each named call: Lava's two error body shapes become `api` errors with their message, and a 2xx
 * body of the wrong shape is `invalid_response`. Call inside a file that ran `useMsw()`.
 */
export function describeErrorShapes(calls: [string, Call][], notFoundMessage: string): void {
  describe.each(calls)('%s errors', (_name, call) => {
    it('maps the object error shape to an api error', async () => {
      mockApi(() => lavaErrorResponse(404, notFoundMessage, 'not_found'));
      const error = (await call())._unsafeUnwrapErr();
      expect(error).toMatchObject({ kind: 'api', status: 404, code: 'not_found' });
      expect(error.message).toContain(notFoundMessage);
    });

    it('maps the string error shape to an api error', async () => {
      mockApi(() => HttpResponse.json({ error: 'Authorization header missing' }, { status: 401 }));
      const error = (await call())._unsafeUnwrapErr();
      expect(error).toMatchObject({
        kind: 'api',
        status: 401,
        body: { error: 'Authorization header missing' },
      });
      expect(error.message).toContain('Authorization header missing');
    });

    it('reports a body that is not the documented shape as invalid_response', async () => {
      mockApi(() => ({ unexpected: true }));
      expect((await call())._unsafeUnwrapErr()).toMatchObject({ kind: 'invalid_response', status: 200 });
    });
  });
}
