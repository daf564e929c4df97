// The full version of the /api/v1 contract, sent as the API-Version header (NLGov ADR).
export const API_VERSION = '1.0.0';
