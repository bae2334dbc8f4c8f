// A token-only bundle that skips createLava: generateForwardToken reads nothing but `secretKey`.
import { generateForwardToken } from '@lava-sdk/gateway';

console.log(generateForwardToken({ secretKey: 'aks_test_x' }, { customer_id: 'con_1', meter_slug: 'ai' }));
