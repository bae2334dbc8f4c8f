// OpenAI Embeddings (`POST /embeddings`): deterministic unit vectors (the same text always gives the same
// vector), as floats or as base64 float32 (what the openai client asks for by default).
import type { ModelInfo } from '../pricing';
import { type Bill, countTokens, jsonResponse, parseBody, providerError } from './common';

export interface EmbeddingsInput {
  model: string;
  /** Each input as text (a token array is counted as its tokens). */
  texts: string[];
  tokens: number;
  base64: boolean;
  dimensions?: number | undefined;
}

function isTokens(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((n) => Number.isInteger(n) && n >= 0);
}

/** Reads an embeddings body; a 400 in OpenAI's shape when it is not one. */
export function parseEmbeddings(raw: string): EmbeddingsInput | Response {
  const body = parseBody('openai', raw);
  if (body instanceof Response) return body;
  if (typeof body.model !== 'string' || body.model === '') {
    return providerError('openai', 400, 'you must provide a model parameter');
  }
  const { input } = body;
  const list: unknown[] =
    typeof input === 'string' || isTokens(input) ? [input] : Array.isArray(input) ? input : [];
  if (list.length === 0 || list.length > 2048) {
    return providerError('openai', 400, "'$.input' is invalid: a string or an array of 1-2048 inputs");
  }
  const texts: string[] = [];
  let tokens = 0;
  for (const item of list) {
    if (typeof item === 'string' && item !== '') {
      texts.push(item);
      tokens += countTokens(item);
    } else if (isTokens(item)) {
      texts.push(item.join(' '));
      tokens += item.length;
    } else return providerError('openai', 400, "'$.input' is invalid: inputs must be non-empty");
  }
  const format = body.encoding_format ?? 'float';
  if (format !== 'float' && format !== 'base64') {
    return providerError('openai', 400, "encoding_format: must be 'float' or 'base64'");
  }
  const { dimensions } = body;
  if (
    dimensions !== undefined &&
    (typeof dimensions !== 'number' || !Number.isInteger(dimensions) || dimensions < 1)
  ) {
    return providerError('openai', 400, 'dimensions: must be a positive integer');
  }
  return { model: body.model, texts, tokens, base64: format === 'base64', dimensions };
}

/** A unit vector seeded by the text (FNV-1a, then mulberry32). */
function vectorOf(text: string, size: number): Float32Array {
  let seed = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) seed = Math.imul(seed ^ text.charCodeAt(i), 0x01000193);
  const out = new Float32Array(size);
  let norm = 0;
  for (let i = 0; i < size; i++) {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    const value = ((t ^ (t >>> 14)) >>> 0) / 2 ** 31 - 1;
    out[i] = value;
    norm += value * value;
  }
  const scale = 1 / Math.sqrt(norm || 1);
  for (let i = 0; i < size; i++) out[i] = (out[i] as number) * scale;
  return out;
}

function base64Of(vector: Float32Array): string {
  // Little-endian float32 bytes, as OpenAI sends them; no Buffer (the emulator runs on any runtime).
  const bytes = new Uint8Array(vector.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < vector.length; i++) view.setFloat32(i * 4, vector[i] as number, true);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Answers an embeddings request for a known embedding model. */
export function renderEmbeddings(input: EmbeddingsInput, model: ModelInfo, bill: Bill): Response {
  const size = model.dimensions ?? 1536;
  if (input.dimensions !== undefined && (!model.shortenable || input.dimensions > size)) {
    return providerError(
      'openai',
      400,
      model.shortenable
        ? `dimensions: must be at most ${size} for ${model.id}`
        : `This model does not support specifying dimensions.`,
    );
  }
  bill({ status: 'completed', model: model.id, inputTokens: input.tokens, outputTokens: 0 });
  return jsonResponse({
    object: 'list',
    data: input.texts.map((text, index) => {
      const vector = vectorOf(text, input.dimensions ?? size);
      return { object: 'embedding', index, embedding: input.base64 ? base64Of(vector) : Array.from(vector) };
    }),
    model: model.id,
    usage: { prompt_tokens: input.tokens, total_tokens: input.tokens },
  });
}
