import { createLava } from '@lava-sdk/core';
import { gatewayFetch } from '@lava-sdk/gateway';

// What an app that hands a provider SDK Lava's fetch ships: the fetch itself, with billing and metadata.
const lava = createLava({ secretKey: 'aks_test_x' });
const fetch = gatewayFetch(lava, { customer_id: 'con_1', meter_slug: 'ai', metadata: { feature: 'chat' } });
fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: '{}' }).then(console.log);
