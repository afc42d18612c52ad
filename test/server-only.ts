// Lets server-only modules load under Vitest (outside Next.js the guard has no meaning).
export {};
