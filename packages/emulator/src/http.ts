// Response helpers and Lava's error shape: `{"error":{"message","code","status"}}` (lava-api.md §3.1).

/** An error the handler turns into Lava's error body. Thrown inside route handlers only. */
export class LavaHttpError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'LavaHttpError';
    this.status = status;
    this.code = code;
  }
}

export const badRequest = (message: string, code = 'invalid_request'): LavaHttpError =>
  new LavaHttpError(400, code, message);
export const unauthorized = (message: string, code = 'unauthorized'): LavaHttpError =>
  new LavaHttpError(401, code, message);
export const notFound = (what: string): LavaHttpError =>
  new LavaHttpError(404, 'not_found', `${what} not found`);
export const insufficient = (message: string): LavaHttpError =>
  new LavaHttpError(402, 'insufficient_balance', message);

/** A JSON response. */
export function json(body: unknown, status = 200, headers?: HeadersInit): Response {
  const h = new Headers(headers);
  h.set('content-type', 'application/json');
  return new Response(JSON.stringify(body), { status, headers: h });
}

/** Lava's error body. */
export function errorResponse(status: number, code: string, message: string): Response {
  return json({ error: { message, code, status } }, status);
}

/** Parses a JSON object body; 400 for malformed JSON or a body that is not an object. */
export function parseJsonObject(text: string, required = true): Record<string, unknown> {
  if (text.trim() === '') {
    if (required) throw badRequest('Request body is required', 'missing_body');
    return {};
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest('Request body is not valid JSON', 'invalid_json');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('Request body must be a JSON object', 'invalid_body');
  }
  return body as Record<string, unknown>;
}

/** Error mapping: a LavaHttpError as Lava's error body; anything else is the emulator's own fault, a 500. */
export function errorToResponse(error: unknown): Response {
  if (error instanceof LavaHttpError) return errorResponse(error.status, error.code, error.message);
  const message = error instanceof Error ? error.message : String(error);
  return errorResponse(500, 'internal_error', `Internal emulator error: ${message}`);
}
