import { createLava } from '@lava-sdk/core';
import { gatewayStream } from '@lava-sdk/gateway';

const lava = createLava({ secretKey: 'aks_test_x' });
const stream = await gatewayStream(lava, 'https://api.openai.com/v1/chat/completions', {
  body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] },
});
if (stream.isOk()) for await (const event of stream.value) console.log(event.json);
