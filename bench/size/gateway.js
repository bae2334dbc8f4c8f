import { createLava } from '@lava-sdk/core';
import { gateway } from '@lava-sdk/gateway';

const lava = createLava({ secretKey: 'aks_test_x' });
gateway(lava, 'https://api.openai.com/v1/chat/completions', {
  body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] },
  meter_slug: 'ai',
}).match(console.log, console.error);
