// createLava + createUsageReporter: what an edge function that reports usage in the background ships.
import { createLava } from '@lava-sdk/core';
import { createUsageReporter } from '@lava-sdk/requests';

const reporter = createUsageReporter(createLava({ secretKey: 'aks_test_x' }));
console.log(reporter.report({ customer_id: 'con_1', meter_slug: 'ai', input_tokens: 1 }));
