import * as v from 'valibot';

/** The answer of endpoints that only confirm (delete a customer, cancel a subscription, …). */
export interface Success {
  /** Whether Lava applied the change. */
  success: boolean;
}

/** Schema of {@link Success}. */
export const Success = v.looseObject({ success: v.boolean() });
