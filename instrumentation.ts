// Runs once when the Next.js server starts: stamps each request with its socket's address, the
// only client address a client cannot forge (see lib/http/stamp-peer-address.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installPeerAddressStamp } = await import('./lib/http/stamp-peer-address');
  installPeerAddressStamp();
}
