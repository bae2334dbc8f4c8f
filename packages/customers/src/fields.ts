import * as v from 'valibot';

// Field rules shared by createCustomer and updateCustomer (lava-api.md §2.2).
export const Text255 = v.custom<string>(
  (s) => typeof s === 'string' && s.length <= 255,
  'must be a string of at most 255 characters',
);
// valibot's email pattern.
export const Email = v.custom<string>(
  (s) =>
    typeof s === 'string' && /^[\w+-]+(?:\.[\w+-]+)*@[\da-zA-Z]+(?:[.-][\da-zA-Z]+)*\.[a-zA-Z]{2,}$/u.test(s),
  'must be an email address',
);
// E.164: a plus, then up to 15 digits, the first not zero.
export const Phone = v.custom<string>(
  (s) => typeof s === 'string' && /^\+[1-9]\d{1,14}$/.test(s),
  'must be an E.164 phone number such as +14155550100',
);
export const Metadata = v.custom<Record<string, unknown>>(
  (m) => typeof m === 'object' && m !== null && JSON.stringify(m).length <= 16_384,
  'must be an object of at most 16 KB once serialized',
);
export const ReferenceId = v.custom<string>(
  (s) => typeof s === 'string' && s !== '' && s.length <= 255 && !s.startsWith('con_'),
  'must be a string of 1 to 255 characters, not starting with "con_" (the prefix of Lava customer ids)',
);
