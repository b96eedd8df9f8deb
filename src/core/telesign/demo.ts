// Telesign's own published example credentials (developer docs, authentication page). They are public,
// not secrets, and unlock only the local simulator: the shell uses them for a profile marked `demo`
// whose base URL is a loopback address, so the first five minutes need no Telesign account.
import type { Credentials } from './types';

export const DEMO_CREDENTIALS: Credentials = Object.freeze({
  customerId: 'FFFFFFFF-EEEE-DDDD-1234-AB1234567890',
  apiKey: 'ABC12345yusumoN6BYsBVkh+yRJ5czgsnCehZaOYldPJdmFh6NeX8kunZ2zU1YWaUw/0wV6xfw==',
});
