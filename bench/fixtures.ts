// Response bodies for the benchmark server, shaped as lava-api.md documents them (self-contained, so the
// benchmark does not move when test fixtures change).

export const SECRET_KEY = 'aks_test_BENCHKEYnotreal0123456789abcdef';

export function customer(i: number) {
  return {
    customer_id: `con_bench_${String(i).padStart(8, '0')}`,
    reference_id: `user_${i}`,
    contact: {
      phone: '+14155550100',
      email: `user${i}@example.com`,
      first_name: 'Ada',
      last_name: 'Lovelace',
    },
    subscription: { subscription_id: `as_${i}`, plan_id: 'sc_pro', name: 'Pro', status: 'active' },
    metadata: { tier: 'gold', region: 'eu-west-1' },
    created_at: '2026-01-01T00:00:00.000Z',
  };
}

/** One page of customers starting at `start`, as `GET /customers` returns it. */
export function customerPage(start: number, limit: number, total: number) {
  const end = Math.min(start + limit, total);
  const data = [];
  for (let i = start; i < end; i++) data.push(customer(i));
  const more = end < total;
  return { data, has_more: more, next_cursor: more ? `cur_${end}` : null };
}

export const requestRecord = {
  request_id: 'req_bench_01EXAMPLE000',
  status: 'completed',
  customer_id: 'con_bench_00000001',
  meter_id: 'prd_bench_01EXAMPLE000',
  provider: 'openai',
  provider_key_type: 'managed',
  model: 'gpt-4o-mini',
  endpoint: 'POST https://api.openai.com/v1/chat/completions',
  response_id: 'chatcmpl-1',
  model_usage: {
    input_tokens: 120,
    output_tokens: 80,
    total_tokens: 200,
    input_characters: 0,
    output_characters: 0,
    total_characters: 0,
    input_seconds: 0,
    output_seconds: 0,
    total_seconds: 0,
    input_cost: '0.0000180000',
    output_cost: '0.0000480000',
    total_cost: '0.0000660000',
  },
  cost: '0.0000660000',
  charge: {
    amount: '0.0002000000',
    rate_type: 'fixed',
    breakdown: [
      {
        tier: { start: 0, rate: '1.00', type: 'tokens_1m' },
        tokens: 200,
        characters: 0,
        seconds: 0,
        cost: '0.0002000000',
      },
    ],
  },
  metadata: { feature: 'chat' },
  timestamp: '2026-01-01T00:00:00.000Z',
  created_at: '2026-01-01T00:00:01.000Z',
};

/** The body of `createRequest` every implementation sends. */
export const createRequestParams = {
  request_id: 'job_42',
  customer_id: 'con_bench_00000001',
  meter_slug: 'chat',
  input_tokens: 120,
  output_tokens: 80,
  metadata: { feature: 'chat' },
};

/** Server-sent events of a short chat completion stream (OpenAI shape). */
export const sseEvents = [
  ...['Hel', 'lo', ', ', 'world', '!'].map(
    (content, i) =>
      `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content }, finish_reason: i === 4 ? 'stop' : null }] })}\n\n`,
  ),
  'data: [DONE]\n\n',
];
