import { createLava } from '@lava-sdk/core';
import { generateForwardToken } from '@lava-sdk/gateway';

const lava = createLava({ secretKey: 'aks_test_x' });
console.log(generateForwardToken(lava, { customer_id: 'con_1', meter_slug: 'ai' }));
