// Runs in the browser before the app's own code (Next.js evaluates it first): zod 4 compiles its
// object parsers with `new Function` when it finds eval allowed, and finds out by trying, which the
// Content-Security-Policy (no 'unsafe-eval', see lib/http/security-headers.ts) reports as a
// violation. Jitless, zod parses without compiling and never tries. Set before any schema exists,
// since each object schema decides when it is built.
import { z } from 'zod';

z.config({ jitless: true });
