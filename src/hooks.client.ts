// Runs in the browser before any page module: zod must know before it builds a schema that it may not
// compile parsers with `new Function` (our CSP forbids eval; zod would otherwise probe for it and trip a CSP
// violation report on every page).
import { z } from 'zod';

z.config({ jitless: true });
