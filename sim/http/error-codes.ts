// Fireblocks documents its 401 codes (docs/fireblocks.md "401 codes"); it documents no codes for the cosigner
// endpoints' other errors, so the simulator uses its own 4-digit ones (listed in sim/README.md).

export const AUTH = {
  invalidSignature: -1,
  missingApiKeyInJwt: -2,
  missingJwt: -3,
  wrongUri: -4,
  invalidTokenFormat: -5,
  wrongUser: -6,
  notAccepted: -7,
  expired: -10,
  futureIat: -12,
} as const;

export const SIM = {
  invalidBody: 1000,
  invalidQuery: 1001,
  invalidCursor: 1002,
  invalidPathParam: 1003,
  unsupportedMediaType: 1005,
  bodyTooLarge: 1006,
  forbidden: 1008,
  conflict: 1009,
  cosignerNotFound: 2001,
  apiKeyNotFound: 2002,
  requestNotFound: 2003,
  routeNotFound: 2004,
  methodNotAllowed: 2005,
  injectedFault: 5000,
  rateLimited: 4290,
} as const;
