// Type tests of @lava-sdk/gateway and @lava-sdk/providers.
import type { LavaClient, LavaError } from '@lava-sdk/core';
import {
  type ForwardTokenOptions,
  forwardUrl,
  type GatewayOptions,
  type GatewayStream,
  type GatewayStreamOptions,
  gateway,
  gatewayStream,
  generateForwardToken,
  parseServerSentEvents,
  type RewriteFormat,
  rewriteUrl,
  type ServerSentEvent,
} from '@lava-sdk/gateway';
import {
  type ProviderName,
  type ProviderUrls,
  providers,
  providerUrl,
  providerUrls,
} from '@lava-sdk/providers';
import type { ResultAsync } from 'neverthrow';
import { describe, expectTypeOf, test } from 'vitest';

declare const lava: LavaClient;
declare const maybe: string | undefined;

describe('@lava-sdk/gateway', () => {
  test('every function: its params and its result', () => {
    expectTypeOf(gateway<{ id: string }>).toEqualTypeOf<
      (lava: LavaClient, url: string, options?: GatewayOptions) => ResultAsync<{ id: string }, LavaError>
    >();
    expectTypeOf(gateway(lava, 'https://api.openai.com/v1/models')).toEqualTypeOf<
      ResultAsync<unknown, LavaError>
    >();
    expectTypeOf(gatewayStream).toEqualTypeOf<
      (lava: LavaClient, url: string, options?: GatewayStreamOptions) => ResultAsync<GatewayStream, LavaError>
    >();
    expectTypeOf(generateForwardToken).toEqualTypeOf<
      (
        lava: Pick<LavaClient, 'secretKey' | 'dangerouslyAllowBrowser'>,
        options?: ForwardTokenOptions,
      ) => string
    >();
    expectTypeOf(forwardUrl).toEqualTypeOf<
      (lava: Pick<LavaClient, 'baseUrl'>, providerUrl: string) => string
    >();
    expectTypeOf(rewriteUrl).toEqualTypeOf<
      (lava: Pick<LavaClient, 'baseUrl'>, format: RewriteFormat, providerUrl: string) => string
    >();
    expectTypeOf(parseServerSentEvents).toEqualTypeOf<
      (body: ReadableStream<Uint8Array>) => AsyncGenerator<ServerSentEvent, void, undefined>
    >();
  });

  test('forward token options: the documented billing modes, undefined accepted', () => {
    generateForwardToken(lava);
    generateForwardToken(lava, { customer_id: 'con_1', meter_slug: 'chat', disable_billing: true });
    generateForwardToken(lava, { customer_id: null, meter_slug: null, provider_key: 'sk-x' });
    generateForwardToken(lava, { meter_slug: 'chat', provider_key: maybe });
    // @ts-expect-error: customer_id needs meter_slug
    generateForwardToken(lava, { customer_id: 'con_1' });
    gateway(lava, 'https://api.openai.com/v1/chat/completions', { body: {}, metadata: { feature: 'chat' } });
    // @ts-expect-error: no such format
    gateway(lava, 'https://api.openai.com/v1/chat/completions', { format: 'gemini' });
    expectTypeOf<RewriteFormat>().toEqualTypeOf<'openai' | 'anthropic' | 'google' | 'bedrock'>();
  });

  test('providers', () => {
    expectTypeOf(providerUrl).toEqualTypeOf<
      (lava: Pick<LavaClient, 'baseUrl'>, name: ProviderName) => string
    >();
    expectTypeOf(providerUrls).toEqualTypeOf<(lava: Pick<LavaClient, 'baseUrl'>) => ProviderUrls>();
    expectTypeOf(providerUrls(lava).openai).toEqualTypeOf<string>();
    expectTypeOf<'openai' | 'anthropic' | 'googleOpenaiCompatible'>().toExtend<ProviderName>();
    expectTypeOf(providers.openai).toBeString();
    // @ts-expect-error: no such provider
    providerUrl(lava, 'opena1');
  });
});
