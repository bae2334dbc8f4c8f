/** A non-negative decimal amount in USD (`"25.00"`), as plan params take it. */
export { UnsignedDecimal as Amount } from '@lava-sdk/core/internal';
