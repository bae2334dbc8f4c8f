import { createLava } from '@lava-sdk/core';
import { retrieveCustomer } from '@lava-sdk/customers';

const lava = createLava({ secretKey: 'aks_test_x' });
retrieveCustomer(lava, 'con_1').match(console.log, console.error);
